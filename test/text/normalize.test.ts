import { describe, expect, it } from "vitest";
import { normalizeArabic, normalizeWithOffsets, toOriginalSpan } from "../../src/text/index.js";
import { scorerKey } from "../helpers/scorer-key.js";

describe("normalizeArabic", () => {
  it("unifies alef/hamza variants, ya, ta marbuta, waw/ya hamza; keeps ء", () => {
    expect(normalizeArabic("أحمد إبراهيم آمال ٱلله")).toBe("احمد ابراهيم امال الله");
    expect(normalizeArabic("مصطفى")).toBe("مصطفي");
    expect(normalizeArabic("القاهرة")).toBe("القاهره");
    expect(normalizeArabic("مؤتمر")).toBe("موتمر");
    expect(normalizeArabic("رئيس")).toBe("رييس");
    expect(normalizeArabic("سماء")).toBe("سماء");
  });
  it("removes diacritics, dagger alef and tatweel", () => {
    expect(normalizeArabic("مُحَمَّدٌ")).toBe("محمد");
    expect(normalizeArabic("هٰذا")).toBe("هذا");
    expect(normalizeArabic("الرئيـــس")).toBe("الرييس");
  });
  it("maps presentation forms through NFKC, expanding ligatures", () => {
    expect(normalizeArabic("ﻻ")).toBe("لا");
    expect(normalizeArabic("ﻷ")).toBe("لا");
    expect(normalizeArabic("ﷲ")).toBe("الله");
    expect(normalizeArabic("ﻣﺼﺮ")).toBe("مصر");
  });
  it("collapses a letter repeated three or more times, not twice", () => {
    expect(normalizeArabic("وجيييه")).toBe("وجيه");
    expect(normalizeArabic("جداااا")).toBe("جدا");
    expect(normalizeArabic("الله")).toBe("الله");
    expect(normalizeArabic("وجيـيـيه")).toBe("وجيه");
  });
  it("converts Eastern-Arabic and Persian digits, lowercases Latin, drops zero-width", () => {
    expect(normalizeArabic("٢٠٢٥")).toBe("2025");
    expect(normalizeArabic("۱۴۰۳")).toBe("1403");
    expect(normalizeArabic("Putin XI")).toBe("putin xi");
    expect(normalizeArabic("بو\u200cتين\u200f\ufeff")).toBe("بوتين");
    expect(normalizeArabic("www")).toBe("www");
  });
  it("returns the same string object when nothing changes", () => {
    const s = "بوتين";
    expect(normalizeArabic(s)).toBe(s);
    expect(normalizeArabic("")).toBe("");
  });
  it("agrees with the external scorer's key on Arabic text", () => {
    const samples = [
      "وقال بوتين للرئيس الصيني: “إننا ندعم بشكل مشترك تطوير نظام عالمي”.",
      "الإمارات العربية المتحدة وأوكرانيا ومصطفى ومؤسسة وهيئة",
      "ﻻ إله إلا ﷲ ﻣﺼﺮ",
      "مُحَمَّدٌ ٱلْأَمِينُ",
    ];
    for (const s of samples) expect(normalizeArabic(s)).toBe(scorerKey(s));
  });
});

describe("normalizeWithOffsets / toOriginalSpan", () => {
  it("maps each output char to its source and ends with the source length", () => {
    const src = "أَحْمَد";
    const { text, map } = normalizeWithOffsets(src);
    expect(text).toBe("احمد");
    expect(Array.from(map)).toEqual([0, 2, 4, 6, 7]);
  });
  it("gives every char of an expansion the same source", () => {
    const { text, map } = normalizeWithOffsets("ﻻ بد");
    expect(text).toBe("لا بد");
    expect(Array.from(map)).toEqual([0, 0, 1, 2, 3, 4]);
    expect(toOriginalSpan(map, 0, 1)).toEqual([0, 1]);
    expect(toOriginalSpan(map, 1, 2)).toEqual([0, 1]);
  });
  it("covers trailing diacritics and elongations in the original span", () => {
    const src = "قال وجيييه بوتينُ.";
    const { text, map } = normalizeWithOffsets(src);
    const i = text.indexOf("وجيه");
    const [s, e] = toOriginalSpan(map, i, i + 4);
    expect(src.slice(s, e)).toBe("وجيييه");
    const j = text.indexOf("بوتين");
    const [s2, e2] = toOriginalSpan(map, j, j + 5);
    expect(src.slice(s2, e2)).toBe("بوتينُ");
  });
  it("clamps out-of-range spans", () => {
    const { map } = normalizeWithOffsets("abc");
    expect(toOriginalSpan(map, -5, 99)).toEqual([0, 3]);
    expect(toOriginalSpan(map, 2, 1)).toEqual([2, 2]);
  });
});
