import { describe, expect, it } from "vitest";
import type { Token } from "../../src/analysis.js";
import { tokenize, tokenizeWithSegments } from "../../src/text/index.js";

const show = (ts: Token[]) => ts.map((t) => `${t.text}|${t.kind}`);

describe("tokenize", () => {
  it("splits Arabic words and punctuation with offsets and norms", () => {
    const text = "قالَ الرئيسُ، ثم غادر.";
    const ts = tokenize(text);
    expect(show(ts)).toEqual([
      "قالَ|word",
      "الرئيسُ|word",
      "،|punct",
      "ثم|word",
      "غادر|word",
      ".|punct",
    ]);
    for (const t of ts) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(ts[1]?.norm).toBe("الرييس");
  });
  it("keeps tatweel, diacritics and ZWNJ inside a word", () => {
    expect(show(tokenize("الرئيـــس مي\u200cخواهم"))).toEqual([
      "الرئيـــس|word",
      "مي\u200cخواهم|word",
    ]);
  });
  it("reads numbers in all their forms", () => {
    expect(show(tokenize("1,000.5 21/1/2025 14:30 2025-01-21 ٣٫٥ ١٬٠٠٠ ۱۴۰۳"))).toEqual([
      "1,000.5|number",
      "21/1/2025|number",
      "14:30|number",
      "2025-01-21|number",
      "٣٫٥|number",
      "١٬٠٠٠|number",
      "۱۴۰۳|number",
    ]);
  });
  it("keeps percentages as number + symbol and splits digits glued to letters", () => {
    expect(show(tokenize("50% و٣٪ 2022م"))).toEqual([
      "50|number",
      "%|symbol",
      "و|word",
      "٣|number",
      "٪|symbol",
      "2022|number",
      "م|word",
    ]);
  });
  it("does not swallow sentence punctuation into numbers", () => {
    expect(show(tokenize("عام 2022. ثم"))).toEqual([
      "عام|word",
      "2022|number",
      ".|punct",
      "ثم|word",
    ]);
    expect(show(tokenize("3, 4"))).toEqual(["3|number", ",|punct", "4|number"]);
  });
  it("recognises URLs, e-mails, hashtags and handles", () => {
    expect(
      show(tokenize("(https://example.com/a?b=1). www.site.tn، info@site.com #مصر_اليوم @AFP_ar")),
    ).toEqual([
      "(|punct",
      "https://example.com/a?b=1|url",
      ")|punct",
      ".|punct",
      "www.site.tn|url",
      "،|punct",
      "info@site.com|email",
      "#مصر_اليوم|symbol",
      "@AFP_ar|symbol",
    ]);
  });
  it("keeps Latin contractions, hyphenated words and dotted abbreviations whole", () => {
    expect(show(tokenize("don't O’Neil F-16 COVID-19 U.S. e.g. G20 end.The"))).toEqual([
      "don't|latin",
      "O’Neil|latin",
      "F-16|latin",
      "COVID-19|latin",
      "U.S.|latin",
      "e.g.|latin",
      "G20|latin",
      "end|latin",
      ".|punct",
      "The|latin",
    ]);
  });
  it("makes every quotation mark a quote token", () => {
    const marks = ["“", "”", "«", "»", '"', "'", "„", "‟", "‹", "›", "‘", "’", "‚", "״"];
    const ts = tokenize(marks.join(" "));
    expect(ts.map((t) => t.kind)).toEqual(marks.map(() => "quote"));
    expect(show(tokenize("“قال”"))).toEqual(["“|quote", "قال|word", "”|quote"]);
  });
  it("groups runs of periods and of ! ? ؟, and keeps other punctuation single", () => {
    expect(show(tokenize("... ؟! – — … / ( ) [ ] ؛ :"))).toEqual([
      "...|punct",
      "؟!|punct",
      "–|punct",
      "—|punct",
      "…|punct",
      "/|punct",
      "(|punct",
      ")|punct",
      "[|punct",
      "]|punct",
      "؛|punct",
      ":|punct",
    ]);
  });
  it("keeps surrogate pairs together and skips invisible controls", () => {
    const ts = tokenize("😀\u200f بوتين\u200e");
    expect(show(ts)).toEqual(["😀|symbol", "بوتين|word"]);
  });
  it("fills segments only on request and only for split words", () => {
    const text = "والصين وبوتين بيروت";
    expect(tokenize(text).every((t) => t.segments === undefined)).toBe(true);
    const ts = tokenizeWithSegments(text);
    expect(ts[0]?.segments?.map((s) => s.text)).toEqual(["و", "ال", "صين"]);
    expect(ts[0]?.segments?.[0]?.start).toBe(0);
    expect(ts[1]?.segments?.map((s) => [s.start, s.end])).toEqual([
      [7, 8],
      [8, 13],
    ]);
    expect(ts[2]?.segments).toBeUndefined();
  });
});
