import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lexiconInfo, mentionCore, segmentWord, wordCount } from "../../src/text/index.js";

const seg = (w: string) => segmentWord(w).map((s) => `${s.text}:${s.role}`);
const core = (w: string) => {
  const { start, end } = mentionCore(w);
  return w.slice(start, end);
};

describe("lexicon", () => {
  // (load time is a figure of `npm run bench`: timings in tests fail on a busy machine)
  it("loads and answers counts", () => {
    const info = lexiconInfo();
    expect(info).not.toBeNull();
    expect(info?.words).toBeGreaterThan(100_000);
    expect(wordCount("الصين")).toBeGreaterThan(100);
    expect(wordCount("وزير")).toBeGreaterThan(wordCount("زير"));
    expect(wordCount("zzz")).toBe(0);
    expect(wordCount("")).toBe(0);
  });
  it("finds sampled records of the file by binary search", () => {
    const bytes = readFileSync(new URL("../../data/lexicon/ar-lexicon.bin", import.meta.url));
    // records are single bytes per letter (latin1 keeps them 1:1); the header is UTF-8
    const lines = bytes.toString("latin1").split("\n");
    const header = new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(10)));
    const letters = header.split("\t")[1] ?? "";
    const records = lines.slice(1).filter((l) => l.length > 0);
    expect(records.length).toBe(lexiconInfo()?.words);
    for (let i = 0; i < records.length; i += 997) {
      const rec = records[i] as string;
      let key = "";
      let p = 0;
      while (rec.charCodeAt(p) >= 0x80) key += letters[rec.charCodeAt(p++) - 0x80];
      const count = Number.parseInt(rec.slice(p), 10);
      expect(wordCount(key), key).toBe(count);
      expect(wordCount(`${key}ـ`)).toBe(0); // not a key: lookups are exact
    }
  });
});

describe("segmentWord", () => {
  it("never splits names or ordinary words that only look cliticised", () => {
    for (const w of [
      "بوتين",
      "بيروت",
      "كوريا",
      "فلسطين",
      "وليد",
      "فرنسا",
      "لندن",
      "واشنطن",
      "كمال",
      "كامل",
      "كريم",
      "بغداد",
      "وزير",
      "واحد",
      "لجنة",
      "بنك",
      "سيارة",
      "سنة",
      "تونسي",
      "روسي",
      "ولي",
      "فرح",
    ]) {
      expect(seg(w), w).toEqual([`${w}:stem`]);
    }
  });
  it("splits conjunctions, prepositions and the article", () => {
    expect(seg("والصين")).toEqual(["و:proclitic", "ال:article", "صين:stem"]);
    expect(seg("وبوتين")).toEqual(["و:proclitic", "بوتين:stem"]);
    expect(seg("ولندن")).toEqual(["و:proclitic", "لندن:stem"]);
    expect(seg("بالقاهرة")).toEqual(["ب:proclitic", "ال:article", "قاهرة:stem"]);
    expect(seg("وبالقاهرة")).toEqual(["و:proclitic", "ب:proclitic", "ال:article", "قاهرة:stem"]);
    expect(seg("وقال")).toEqual(["و:proclitic", "قال:stem"]);
  });
  it("splits ل + ال written لل, with the article's underlying form", () => {
    const s = segmentWord("للصين");
    expect(s.map((x) => `${x.text}:${x.role}:${x.norm}`)).toEqual([
      "ل:proclitic:ل",
      "ل:article:ال",
      "صين:stem:صين",
    ]);
  });
  it("splits future س only before an imperfect prefix", () => {
    expect(seg("ستكون")).toEqual(["س:proclitic", "تكون:stem"]);
    expect(seg("سيارة")).toEqual(["سيارة:stem"]);
  });
  it("splits pronoun suffixes, restoring ة in the stem norm", () => {
    const s = segmentWord("حكومته");
    expect(s.map((x) => `${x.text}:${x.role}`)).toEqual(["حكومت:stem", "ه:enclitic"]);
    expect(s[0]?.norm).toBe("حكومه");
    expect(seg("بينهم")).toEqual(["بين:stem", "هم:enclitic"]);
    expect(seg("مدرسة")).toEqual(["مدرسة:stem"]); // ة is never a pronoun
    expect(seg("الذي")).toEqual(["الذي:stem"]);
  });
  it("does not split the article off hamza-initial words or tiny stems", () => {
    expect(seg("المانيا")).toEqual(["المانيا:stem"]);
    expect(seg("الله")).toEqual(["الله:stem"]);
    expect(seg("الم")).toEqual(["الم:stem"]);
    expect(seg("الإمارات")).toEqual(["ال:article", "إمارات:stem"]);
  });
  it("keeps diacritics with their letter and honours the offset", () => {
    const w = "وَالصِّينُ";
    const s = segmentWord(w, 100);
    expect(s.map((x) => x.text).join("")).toBe(w);
    expect(s[0]).toMatchObject({ start: 100, end: 102, text: "وَ", role: "proclitic" });
    expect(s.at(-1)?.end).toBe(100 + w.length);
  });
  it("returns non-Arabic and short input whole", () => {
    expect(seg("Putin")).toEqual(["Putin:stem"]);
    expect(seg("في")).toEqual(["في:stem"]);
    expect(segmentWord("")).toEqual([{ start: 0, end: 0, text: "", role: "stem", norm: "" }]);
  });
});

describe("mentionCore", () => {
  it("strips proclitics and suffixes but keeps the article", () => {
    expect(core("وبوتين")).toBe("بوتين");
    expect(core("والصين")).toBe("الصين");
    expect(core("بالقاهرة")).toBe("القاهرة");
    expect(core("بوتين")).toBe("بوتين");
    expect(core("حكومته")).toBe("حكومت");
  });
  it("keeps the ل that carries an elided article", () => {
    expect(core("للصين")).toBe("للصين");
    expect(core("وللصين")).toBe("للصين");
  });
});
