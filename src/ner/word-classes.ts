/**
 * Distributional word classes for the NER tagger (data/ner/word-classes.bin, built by
 * scripts/build-word-classes.ts; data/ner/README.md describes the method). Every Arabic word
 * seen often enough in the unlabelled corpora has a fine class, and the fine classes nest into
 * coarser ones (like Brown-path prefixes), so one lookup yields one class per granularity.
 *
 * Loaded lazily and once. The file is not parsed into a Map: records stay in the byte buffer
 * and an open-addressing hash table of record offsets (Int32Array) is built over them, so
 * loading is one read plus one pass, and lookups hash the query's char codes and compare in
 * place without allocating.
 *
 * Format: a UTF-8 header line `#marsad-word-classes 1<TAB>alphabet<TAB>levels=64,256,1024<TAB>
 * words=N<TAB>...`; then, for each level but the finest, a table of uint16 LE giving the class
 * at that level of every fine class; then the records, sorted by key: the key as one byte per
 * letter (0x80 + index in the alphabet), then the fine class as two 7-bit bytes (high, low).
 */
import { readFileSync } from "node:fs";

export const WORD_CLASSES_FILE = "word-classes.bin";
export const WORD_CLASSES_MAGIC = "#marsad-word-classes 1";

export interface WordClasses {
  /** Number of classes at each granularity, coarse to fine (e.g. [64, 256, 1024]). */
  readonly levels: readonly number[];
  /** Number of words that have classes (0 when the file is missing or unreadable). */
  readonly size: number;
  /** File size in bytes and time taken to load it. */
  readonly bytes: number;
  readonly loadMs: number;
  /** Fine class of a normalised word (normalizeArabic form), or -1 when it has none. */
  fineClass(norm: string): number;
  /**
   * Class ids of a normalised word, one per level (coarse to fine), or undefined. The array is
   * shared by every word of the same fine class: do not modify it.
   */
  classIds(norm: string): readonly number[] | undefined;
  /**
   * The same as feature strings `c<level>:<id>` (e.g. ["c64:3", "c256:17", "c1024:530"]),
   * shared per fine class, or undefined for a word without classes.
   */
  classesOf(norm: string): readonly string[] | undefined;
}

let cached: WordClasses | undefined;
let filePath: string | URL = new URL(`../../data/ner/${WORD_CLASSES_FILE}`, import.meta.url);

/** Points the loader at another file (tests); the next loadWordClasses() reads it. */
export function setWordClassesPath(path: string | URL): void {
  filePath = path;
  cached = undefined;
}

/** The word classes, loaded on first call and cached. Never throws: a missing file gives size 0. */
export function loadWordClasses(): WordClasses {
  if (cached === undefined) cached = load(filePath);
  return cached;
}

const EMPTY_LEVELS: readonly number[] = Object.freeze([]);

function load(path: string | URL): WordClasses {
  const t0 = performance.now();
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return empty(0, t0);
  }
  const n = bytes.length;
  const headerEnd = bytes.indexOf(10);
  if (headerEnd < 0) return empty(n, t0);
  const header = new TextDecoder().decode(bytes.subarray(0, headerEnd)).split("\t");
  if (header[0] !== WORD_CLASSES_MAGIC) return empty(n, t0);
  const alphabet = header[1] ?? "";
  const field = (name: string) =>
    header.find((h) => h.startsWith(`${name}=`))?.slice(name.length + 1);
  const levels = (field("levels") ?? "").split(",").map(Number);
  const words = Number(field("words"));
  const fine = levels[levels.length - 1] ?? 0;
  if (levels.some((l) => !(l > 0 && l < 16384)) || !(words > 0) || alphabet.length > 127) {
    return empty(n, t0);
  }
  const code = new Uint8Array(65536);
  for (let i = 0; i < alphabet.length; i++) code[alphabet.charCodeAt(i)] = 0x80 + i;

  // parent tables → one shared id array and feature-string array per fine class
  const tableStart = headerEnd + 1;
  const recordsStart = tableStart + (levels.length - 1) * fine * 2;
  if (recordsStart > n) return empty(n, t0);
  const idsByFine: (readonly number[])[] = new Array(fine);
  const stringsByFine: (readonly string[])[] = new Array(fine);
  for (let f = 0; f < fine; f++) {
    const ids: number[] = [];
    for (let l = 0; l < levels.length - 1; l++) {
      const p = tableStart + (l * fine + f) * 2;
      const id = (bytes[p] as number) | ((bytes[p + 1] as number) << 8);
      if (id >= (levels[l] as number)) return empty(n, t0); // corrupt table
      ids.push(id);
    }
    ids.push(f);
    idsByFine[f] = Object.freeze(ids);
    stringsByFine[f] = Object.freeze(ids.map((id, l) => `c${levels[l]}:${id}`));
  }

  let cap = 1;
  while (cap < words * 2) cap <<= 1;
  const mask = cap - 1;
  const slots = new Int32Array(cap).fill(-1);
  const count = indexRecords(bytes, recordsStart, words, slots);

  function fineClass(norm: string): number {
    const len = norm.length;
    if (len === 0) return -1;
    let h = 0x811c9dc5;
    for (let i = 0; i < len; i++) {
      const b = code[norm.charCodeAt(i)] as number;
      if (b === 0) return -1; // a letter no known word has
      h = Math.imul(h ^ b, 0x01000193);
    }
    let s = (h >>> 0) & mask;
    for (;;) {
      const start = slots[s] as number;
      if (start < 0) return -1;
      let i = 0;
      let q = start;
      while (i < len && bytes[q] === code[norm.charCodeAt(i)]) {
        i++;
        q++;
      }
      if (i === len && (bytes[q] as number) < 0x80) {
        const f = (((bytes[q] as number) << 7) | (bytes[q + 1] as number)) >>> 0;
        return f < fine ? f : -1;
      }
      s = (s + 1) & mask;
    }
  }

  return {
    levels: Object.freeze(levels),
    size: count,
    bytes: n,
    loadMs: performance.now() - t0,
    fineClass,
    classIds(norm: string) {
      const f = fineClass(norm);
      return f < 0 ? undefined : idsByFine[f];
    },
    classesOf(norm: string) {
      const f = fineClass(norm);
      return f < 0 ? undefined : stringsByFine[f];
    },
  };
}

/**
 * Fills the open-addressing table `slots` (size a power of two, -1 = empty) with the start
 * offset of every record, hashed by FNV-1a over its key bytes (a key ends at its first byte
 * < 0x80). Returns the number of records indexed; a truncated file keeps what was read. A
 * function of its own so that V8 optimises this hot loop early.
 */
function indexRecords(bytes: Uint8Array, from: number, words: number, slots: Int32Array): number {
  const n = bytes.length;
  const mask = slots.length - 1;
  let count = 0;
  let p = from;
  while (p < n && count < words) {
    const start = p;
    let h = 0x811c9dc5;
    let b = bytes[p] as number;
    while (b >= 0x80) {
      h = Math.imul(h ^ b, 0x01000193);
      b = bytes[++p] ?? 0;
    }
    if (p + 2 > n || p === start) break;
    let s = (h >>> 0) & mask;
    while ((slots[s] as number) >= 0) s = (s + 1) & mask;
    slots[s] = start;
    count++;
    p += 2;
  }
  return count;
}

function empty(bytes: number, t0: number): WordClasses {
  return {
    levels: EMPTY_LEVELS,
    size: 0,
    bytes,
    loadMs: performance.now() - t0,
    fineClass: () => -1,
    classIds: () => undefined,
    classesOf: () => undefined,
  };
}
