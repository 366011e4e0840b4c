import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  detectLanguage,
  mentionCore,
  normalizeArabic,
  normalizeWithOffsets,
  segmentWord,
  splitSentences,
  tokenize,
  tokenizeWithSegments,
  toOriginalSpan,
  wordCount,
} from "../../src/text/index.js";

// Text biased towards the characters the code cares about, plus arbitrary UTF-16 (lone surrogates).
const pieces = [
  "بوتين",
  "والصين",
  "للصين",
  "بالقاهرة",
  "وجيييه",
  "الرئيـــس",
  "مُحَمَّد",
  "ﻻ",
  "ﷲ",
  "٣٫٥",
  "2022م",
  "1,000.5",
  "U.S.",
  "www.x.tn",
  "a@b.co",
  "#وسم",
  "@h",
  "“",
  "”",
  "«",
  "»",
  '"',
  "'",
  ".",
  "؟",
  "!",
  "؛",
  "…",
  "،",
  " ",
  "\n",
  "\n\n",
  "\u200c",
  "\u200f",
  "😀",
  "\ud800",
  "\udc00",
  "د.",
  "Mr.",
  "3.5",
];
const richText = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: "binary", maxLength: 6 })), {
    maxLength: 40,
  })
  .map((xs) => xs.join(""));
const anyText = fc.oneof(richText, fc.string({ unit: "binary", maxLength: 200 }));
const runs = { numRuns: 400 };

describe("properties", () => {
  it("tokens slice back to their text, are ordered, non-overlapping and non-empty", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let prev = 0;
        for (const t of tokenizeWithSegments(text)) {
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.start).toBeGreaterThanOrEqual(prev);
          expect(text.slice(t.start, t.end)).toBe(t.text);
          prev = t.end;
          if (t.segments) {
            expect(t.segments.length).toBeGreaterThan(1);
            expect(t.segments.map((s) => s.text).join("")).toBe(t.text);
            let p = t.start;
            for (const s of t.segments) {
              expect(s.start).toBe(p);
              expect(text.slice(s.start, s.end)).toBe(s.text);
              p = s.end;
            }
            expect(p).toBe(t.end);
          }
        }
      }),
      runs,
    );
  });

  it("tokens never cut a surrogate pair and skip only whitespace or invisible characters", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const covered = new Uint8Array(text.length);
        for (const t of tokenize(text)) covered.fill(1, t.start, t.end);
        for (let i = 0; i < text.length; i++) {
          if (!covered[i])
            expect(/[\s\p{Cf}\p{Cc}\p{Z}]/u.test(text[i] as string), `${i}`).toBe(true);
        }
      }),
      runs,
    );
  });

  it("sentences are trimmed, ordered, non-overlapping and cover all non-space text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const covered = new Uint8Array(text.length);
        let prev = 0;
        for (const s of splitSentences(text)) {
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.start).toBeGreaterThanOrEqual(prev);
          const body = text.slice(s.start, s.end);
          expect(body.trim()).toBe(body);
          covered.fill(1, s.start, s.end);
          prev = s.end;
        }
        for (let i = 0; i < text.length; i++) {
          if (!covered[i]) expect(/\s/u.test(text[i] as string), `${i}`).toBe(true);
        }
      }),
      runs,
    );
  });

  it("normalizeWithOffsets' map is monotone, in bounds, and spans map back", () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, a, b) => {
        const { text: norm, map } = normalizeWithOffsets(text);
        expect(norm).toBe(normalizeArabic(text));
        expect(map.length).toBe(norm.length + 1);
        expect(map[norm.length]).toBe(text.length);
        for (let i = 0; i < norm.length; i++) {
          expect(map[i]).toBeGreaterThanOrEqual(i === 0 ? 0 : (map[i - 1] as number));
          expect(map[i]).toBeLessThan(text.length);
        }
        const lo = norm.length === 0 ? 0 : a % (norm.length + 1);
        const hi = lo + (norm.length === 0 ? 0 : b % (norm.length - lo + 1));
        const [s, e] = toOriginalSpan(map, lo, hi);
        expect(0 <= s && s <= e && e <= text.length).toBe(true);
        // the original span normalises to text that contains the normalised span
        expect(normalizeArabic(text.slice(s, e))).toContain(norm.slice(lo, hi));
      }),
      runs,
    );
  });

  it("normalisation is idempotent", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normalizeArabic(text);
        expect(normalizeArabic(once)).toBe(once);
      }),
      runs,
    );
  });

  it("segments concatenate to the word and mentionCore stays inside it", () => {
    const arabicWord = fc
      .array(fc.constantFrom(..."وفبكلسالصينهمتيَُِّـأإآىةؤئ"), { minLength: 0, maxLength: 12 })
      .map((xs) => xs.join(""));
    fc.assert(
      fc.property(
        fc.oneof(arabicWord, fc.string({ unit: "binary", maxLength: 12 })),
        fc.nat(1000),
        (w, off) => {
          const segs = segmentWord(w, off);
          expect(segs.map((s) => s.text).join("")).toBe(w);
          let p = off;
          for (const s of segs) {
            expect(s.start).toBe(p);
            expect(s.end - s.start).toBe(s.text.length);
            p = s.end;
          }
          expect(p).toBe(off + w.length);
          const { start, end } = mentionCore(w);
          expect(0 <= start && start <= end && end <= w.length).toBe(true);
        },
      ),
      runs,
    );
  });

  it("language identification and lexicon lookups accept any string", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(detectLanguage(text)).toMatch(/^([a-z]{2}|und)$/);
        expect(wordCount(text)).toBeGreaterThanOrEqual(0);
      }),
      runs,
    );
  });

  it("nothing throws on long inputs", () => {
    const long = `${"قال “بوتين. ".repeat(5000)}${"\ud800x".repeat(1000)}${"ا".repeat(20000)}`;
    expect(tokenize(long).length).toBeGreaterThan(10000);
    expect(splitSentences(long).length).toBeGreaterThan(100);
    expect(normalizeArabic(long).length).toBeLessThan(long.length);
    expect(detectLanguage(long)).toBe("ar");
    expect(segmentWord("ب".repeat(5000)).length).toBe(1);
  });
});
