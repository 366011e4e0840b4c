import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  loadWordClasses,
  setWordClassesPath,
  WORD_CLASSES_FILE,
  WORD_CLASSES_MAGIC,
} from "../../src/ner/word-classes.js";
import { normalizeArabic } from "../../src/text/index.js";

const FILE = new URL(`../../data/ner/${WORD_CLASSES_FILE}`, import.meta.url);
const norm = (w: string) => normalizeArabic(w);

/** Every record of the shipped file, decoded independently of the loader: [key, fine class]. */
function records(): [string, number][] {
  const bytes = readFileSync(FILE);
  const headerEnd = bytes.indexOf(10);
  const header = new TextDecoder().decode(bytes.subarray(0, headerEnd)).split("\t");
  const alphabet = header[1] ?? "";
  const levels = (header.find((h) => h.startsWith("levels=")) ?? "").slice(7).split(",");
  const fine = Number(levels[levels.length - 1]);
  let p = headerEnd + 1 + (levels.length - 1) * fine * 2;
  const out: [string, number][] = [];
  while (p < bytes.length) {
    let key = "";
    while ((bytes[p] as number) >= 0x80) key += alphabet[(bytes[p++] as number) - 0x80];
    out.push([key, ((bytes[p] as number) << 7) | (bytes[p + 1] as number)]);
    p += 2;
  }
  return out;
}

/** Deterministic PRNG for the sampling tests. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return a / 4294967296;
  };
}

afterEach(() => setWordClassesPath(FILE));

describe("word classes", () => {
  it("loads the shipped file quickly, with nested levels", () => {
    setWordClassesPath(FILE); // force a fresh load
    const wc = loadWordClasses();
    expect(wc.size).toBeGreaterThan(80_000);
    expect(wc.levels).toEqual([64, 256, 1024]);
    expect(wc.bytes).toBeLessThan(4 * 1024 * 1024);
    expect(loadWordClasses()).toBe(wc); // cached
  });

  it("finds every record of the file (hash table agrees with a plain decode)", () => {
    const wc = loadWordClasses();
    const recs = records();
    expect(recs.length).toBe(wc.size);
    let wrong = 0;
    for (const [key, fine] of recs) if (wc.fineClass(key) !== fine) wrong++;
    expect(wrong).toBe(0);
  });

  it("gives classes to frequent words and to their normalised spellings", () => {
    const wc = loadWordClasses();
    for (const w of ["في", "قال", "الرئيس", "تونس", "الصين", "محمد", "وزارة", "ألمانيا", "يناير"]) {
      const ids = wc.classIds(norm(w));
      expect(ids, w).toBeDefined();
      expect(ids?.length).toBe(3);
      ids?.forEach((id, l) => {
        expect(id).toBeGreaterThanOrEqual(0);
        expect(id).toBeLessThan(wc.levels[l] as number);
      });
      expect(wc.classesOf(norm(w))).toEqual(ids?.map((id, l) => `c${wc.levels[l]}:${id}`));
    }
    // shared per fine class: no allocation per lookup
    expect(wc.classesOf("تونس")).toBe(wc.classesOf("تونس"));
  });

  it("returns undefined for unknown words and odd input", () => {
    const wc = loadWordClasses();
    for (const w of ["", "zzzz", "hello", "ققققثثثث", "الصينن", "الصي", "😀", "\u0000", "الصين "]) {
      expect(wc.classesOf(w), JSON.stringify(w)).toBeUndefined();
      expect(wc.fineClass(w)).toBe(-1);
    }
  });

  it("nests: words sharing a finer class share every coarser one", () => {
    const wc = loadWordClasses();
    const recs = records();
    const rand = rng(7);
    for (let i = 0; i < 2000; i++) {
      const a = wc.classIds((recs[Math.floor(rand() * recs.length)] as [string, number])[0]);
      const b = wc.classIds((recs[Math.floor(rand() * recs.length)] as [string, number])[0]);
      if (!a || !b) throw new Error("record without classes");
      if (a[2] === b[2]) expect(a).toBe(b);
      if (a[1] === b[1]) expect(a[0]).toBe(b[0]);
    }
  });

  it("puts words of one category in one coarse class more often than random pairs", () => {
    const wc = loadWordClasses();
    const categories = [
      // months: Mashriq, Maghrebi and Syriac names
      "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر جانفي فيفري جوان جويلية أوت",
      // countries
      "فرنسا ألمانيا إيطاليا إسبانيا بريطانيا روسيا الصين اليابان الهند مصر سوريا العراق لبنان الأردن تركيا إيران",
      // male given names
      "محمد أحمد علي حسن حسين خالد عمر يوسف إبراهيم مصطفى محمود سعيد",
      // Tunisian governorates
      "صفاقس سوسة القيروان بنزرت نابل قابس قفصة المنستير المهدية الكاف جندوبة مدنين",
    ].map((c) => c.split(" ").map(norm));
    let same = 0;
    let pairs = 0;
    for (const words of categories) {
      for (let i = 0; i < words.length; i++)
        for (let j = i + 1; j < words.length; j++) {
          const a = wc.classIds(words[i] as string);
          const b = wc.classIds(words[j] as string);
          expect(a, words[i]).toBeDefined();
          expect(b, words[j]).toBeDefined();
          pairs++;
          if (a?.[0] === b?.[0]) same++;
        }
    }
    const recs = records();
    const rand = rng(11);
    let randomSame = 0;
    const trials = 20_000;
    for (let t = 0; t < trials; t++) {
      const a = recs[Math.floor(rand() * recs.length)] as [string, number];
      const b = recs[Math.floor(rand() * recs.length)] as [string, number];
      if (wc.classIds(a[0])?.[0] === wc.classIds(b[0])?.[0]) randomSame++;
    }
    const sameRate = same / pairs;
    const randomRate = randomSame / trials;
    expect(sameRate).toBeGreaterThan(0.5);
    expect(sameRate).toBeGreaterThan(5 * randomRate);
  });

  // (lookup speed is a figure of scripts/build-word-classes.ts and the NER bench, not a test)
  it("finds every stored word again, and no unknown one, on repeated lookups", () => {
    const wc = loadWordClasses();
    const words = records()
      .filter((_, i) => i % 7 === 0)
      .map((r) => r[0]);
    words.push("zzzz", "غيرمعروفةابدا");
    let hits = 0;
    const rounds = 5;
    for (let r = 0; r < rounds; r++)
      for (const w of words) if (wc.classesOf(w) !== undefined) hits++;
    expect(hits).toBe(rounds * (words.length - 2));
  });

  it("degrades to no classes on a missing or corrupt file, without throwing", () => {
    const dir = mkdtempSync(join(tmpdir(), "wc-"));
    setWordClassesPath(join(dir, "missing.bin"));
    expect(loadWordClasses().size).toBe(0);
    expect(loadWordClasses().classesOf("تونس")).toBeUndefined();
    const rand = rng(3);
    const junk = Buffer.from(Array.from({ length: 5000 }, () => Math.floor(rand() * 256)));
    for (const body of [
      junk,
      Buffer.concat([Buffer.from(`${WORD_CLASSES_MAGIC}\tاب\tlevels=4,8\twords=9\n`), junk]),
      Buffer.from(`${WORD_CLASSES_MAGIC}\tاب\tlevels=4,8\twords=3\n`),
    ]) {
      const path = join(dir, "junk.bin");
      writeFileSync(path, body);
      setWordClassesPath(path);
      const wc = loadWordClasses();
      expect(() => wc.classesOf("اب")).not.toThrow();
      for (const ids of [wc.classIds("اب"), wc.classIds("ب")])
        ids?.forEach((id, l) => {
          expect(id).toBeLessThan(wc.levels[l] as number);
        });
    }
  });
});
