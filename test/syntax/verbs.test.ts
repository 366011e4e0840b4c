import { describe, expect, it } from "vitest";
import { isVerbForm, verbAgreement } from "../../src/syntax/index.js";
import { normalizeArabic } from "../../src/text/index.js";

const agreement = (w: string) => verbAgreement(normalizeArabic(w));

describe("verbAgreement", () => {
  it.each([
    ["قال", "m", undefined],
    ["قالت", "f", undefined],
    ["يقول", "m", undefined],
    ["تقول", "f", undefined],
    ["قالوا", "m", true],
    ["يقولون", "m", true],
  ])("%s is %s", (verb, gender, plural) => {
    expect(agreement(verb).gender).toBe(gender);
    expect(agreement(verb).plural).toBe(plural);
  });

  it.each([
    ["رفضته", "f", undefined],
    ["أبلغتهم", "f", undefined],
    ["رفضه", "m", undefined],
    ["أبلغوه", "m", true],
  ])("reads the subject under an object pronoun: %s is %s", (verb, gender, plural) => {
    expect(agreement(verb).gender).toBe(gender);
    expect(agreement(verb).plural).toBe(plural);
  });
});

describe("isVerbForm", () => {
  it("takes a word that never carries the article for a verb, a noun that does for none", () => {
    expect(isVerbForm(normalizeArabic("أكد"))).toBe(true);
    expect(isVerbForm(normalizeArabic("وزير"))).toBe(false);
    expect(isVerbForm(normalizeArabic("في"))).toBe(false);
  });

  it("knows the فعلاء shape of women's names and traits is no verb", () => {
    for (const name of ["نجلاء", "شيماء", "لمياء"])
      expect(isVerbForm(normalizeArabic(name))).toBe(false);
  });
});
