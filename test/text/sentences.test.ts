import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/text/index.js";
import { HAS_SEED, SEED_TEXT } from "../shared-data.js";

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe("splitSentences", () => {
  it("ends sentences at . ؟ ? ! ؛ …", () => {
    expect(split("قال الرئيس. هل جاء؟ نعم! أين? هنا؛ ثم… انتهى")).toEqual([
      "قال الرئيس.",
      "هل جاء؟",
      "نعم!",
      "أين?",
      "هنا؛",
      "ثم…",
      "انتهى",
    ]);
  });
  it("ends at every line break and trims whitespace", () => {
    expect(split("  العنوان الرئيسي\nالفقرة الأولى بلا نقطة\n\n  الفقرة الثانية.  \n")).toEqual([
      "العنوان الرئيسي",
      "الفقرة الأولى بلا نقطة",
      "الفقرة الثانية.",
    ]);
  });
  it("does not split at abbreviations, initials, decimals, URLs or e-mails", () => {
    expect(split("قال د. أحمد إن النمو بلغ 3.5 بالمئة. وقال Mr. Smith of the U.S. Army.")).toEqual([
      "قال د. أحمد إن النمو بلغ 3.5 بالمئة.",
      "وقال Mr. Smith of the U.S. Army.",
    ]);
    expect(split("ولد عام 1950 م. في القاهرة. وتوفي عام 500 ق.م في روما.")).toEqual([
      "ولد عام 1950 م. في القاهرة.",
      "وتوفي عام 500 ق.م في روما.",
    ]);
    expect(
      split("موسكو (أ.ف.ب) - زوروا www.site.tn أو info@site.com للمزيد. J. K. Rowling wrote."),
    ).toEqual([
      "موسكو (أ.ف.ب) - زوروا www.site.tn أو info@site.com للمزيد.",
      "J. K. Rowling wrote.",
    ]);
    expect(split("السعر 1.000 دينار. وقال e.g. this etc. and more")).toEqual([
      "السعر 1.000 دينار.",
      "وقال e.g. this etc. and more",
    ]);
    // a lower-case Latin word does not start a sentence
    expect(split("approx. five people")).toEqual(["approx. five people"]);
  });
  it("does not split inside a quotation and keeps the closing mark after final punctuation", () => {
    // the period inside does not split; the ؟ right before the closing mark ends after it
    expect(split("وقال: “نحن مستعدون. هل أنتم مستعدون؟” ثم غادر. وانتهى.")).toEqual([
      "وقال: “نحن مستعدون. هل أنتم مستعدون؟”",
      "ثم غادر.",
      "وانتهى.",
    ]);
    expect(
      split("“إن الجهود المشتركة تلعب دورا هاما في الشؤون الدولية.” وأضاف أنه متفائل."),
    ).toEqual(["“إن الجهود المشتركة تلعب دورا هاما في الشؤون الدولية.”", "وأضاف أنه متفائل."]);
    expect(split('قال "هذا جيد. جدا" ثم صمت. وانتهى.')).toEqual([
      'قال "هذا جيد. جدا" ثم صمت.',
      "وانتهى.",
    ]);
    expect(split("قال «أولا. ثانيا» وذهب.")).toEqual(["قال «أولا. ثانيا» وذهب."]);
  });
  it("accepts mismatched marks and ignores stray closers", () => {
    // opened with “ and closed with »
    expect(split("قال “نعم. لا» وذهب. ثم عاد.")).toEqual(["قال “نعم. لا» وذهب.", "ثم عاد."]);
    // a stray ” after the quote already ended
    expect(split("قال “نعم”. بشأن الأمر”. ثم عاد.")).toEqual([
      "قال “نعم”.",
      "بشأن الأمر”.",
      "ثم عاد.",
    ]);
  });
  it("does not let an unclosed quote swallow the paragraph", () => {
    expect(split("قال “نعم. ثم ذهب. وعاد.")).toEqual(["قال “نعم.", "ثم ذهب.", "وعاد."]);
  });
  it("never holds a quote open across a line break", () => {
    expect(split("قال “نعم. لا\nثم ذهب.” وعاد.")).toEqual(["قال “نعم.", "لا", "ثم ذهب.”", "وعاد."]);
  });
  it("does not trust an implausibly long quotation", () => {
    const inner = Array.from({ length: 12 }, (_, i) => `جملة ${i}.`).join(" ");
    const text = `قال “${inner}” وانتهى.`;
    expect(split(text).length).toBeGreaterThan(10);
  });
  it("handles empty and blank input", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences(" \n\t ")).toEqual([]);
  });
  it.skipIf(!HAS_SEED)("splits the seed article without cutting inside a quotation", () => {
    const text = readFileSync(SEED_TEXT, "utf8");
    const spans = splitSentences(text);
    expect(spans.length).toBeGreaterThan(25);
    const sentences = spans.map((s) => text.slice(s.start, s.end));
    expect(sentences).toContain(
      "“إن الجهود المشتركة التي تبذلها روسيا والصين تلعب دورا هاما في استقرار الشؤون العالمية.”",
    );
    // every sentence that opens “ before its last ” is closed within it
    for (const s of sentences) {
      const open = s.lastIndexOf("“");
      if (open >= 0) expect(s.indexOf("”", open), s).toBeGreaterThan(open);
    }
  });
});
