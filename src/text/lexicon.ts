/**
 * The Arabic word-frequency lexicon (data/lexicon/ar-lexicon.bin, built by
 * scripts/build-lexicon.ts). Loaded lazily on first use and never parsed into a Map: the file is
 * a sorted list of records searched in place, so loading is one file read plus one pass to index
 * the line starts (a few milliseconds).
 *
 * Format: a UTF-8 header line `#marsad-lexicon 1<TAB>alphabet<TAB>...`, then one record per
 * line: the key as bytes 0x80+i (i = index of the letter in the sorted alphabet), then the count
 * in ASCII digits, then optionally a space and the percentage of occurrences written with an
 * initial أ/إ/آ. Byte order of keys equals code-point order, so records are binary-searchable.
 */
import { readFileSync } from "node:fs";

export const LEXICON_FILE = "ar-lexicon.bin";

interface Lexicon {
  bytes: Uint8Array;
  /** Start offset of each record; records.length = number of words. */
  records: Int32Array;
  /** Code unit → alphabet byte (0x80+i), or 0 when the letter is not in the alphabet. */
  code: Uint8Array;
  tokens: number;
  loadMs: number;
}

let lexicon: Lexicon | null | undefined;
let lexiconPath: string | URL = new URL(`../../data/lexicon/${LEXICON_FILE}`, import.meta.url);

/** Points the loader at another file (tests); resets the loaded lexicon. */
export function setLexiconPath(path: string | URL): void {
  lexiconPath = path;
  lexicon = undefined;
}

function load(): Lexicon | null {
  const t0 = performance.now();
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(lexiconPath);
  } catch {
    return null; // without the file the segmenter degrades to "never split"
  }
  const n = bytes.length;
  let headerEnd = bytes.indexOf(10);
  if (headerEnd < 0) headerEnd = n;
  const header = new TextDecoder().decode(bytes.subarray(0, headerEnd)).split("\t");
  if (header[0] !== "#marsad-lexicon 1") return null;
  const alphabet = header[1] ?? "";
  const code = new Uint8Array(65536);
  for (let i = 0; i < alphabet.length && i < 127; i++) code[alphabet.charCodeAt(i)] = 0x80 + i;
  const tokens = Number((header.find((h) => h.startsWith("tokens=")) ?? "tokens=0").slice(7));
  let count = 0;
  for (let p = headerEnd + 1; p < n; p++) if (bytes[p] === 10) count++;
  const records = new Int32Array(count);
  let r = 0;
  let start = headerEnd + 1;
  for (let p = start; p < n && r < count; p++) {
    if (bytes[p] === 10) {
      records[r++] = start;
      start = p + 1;
    }
  }
  return { bytes, records, code, tokens, loadMs: performance.now() - t0 };
}

function get(): Lexicon | null {
  if (lexicon === undefined) lexicon = load();
  return lexicon;
}

const query = new Uint8Array(256);

/** Index of the record for `key` (a normalizeArabic form), or -1. */
function find(lex: Lexicon, key: string): number {
  const len = key.length;
  if (len === 0 || len > query.length) return -1;
  for (let i = 0; i < len; i++) {
    const b = lex.code[key.charCodeAt(i)] as number;
    if (b === 0) return -1;
    query[i] = b;
  }
  const { bytes, records } = lex;
  let lo = 0;
  let hi = records.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    let p = records[mid] as number;
    let cmp = 0;
    let i = 0;
    for (; i < len; i++, p++) {
      const b = bytes[p] as number;
      if (b < 0x80) {
        cmp = 1; // record key is a prefix of the query: query sorts after it
        break;
      }
      const q = query[i] as number;
      if (q !== b) {
        cmp = q < b ? -1 : 1;
        break;
      }
    }
    if (cmp === 0 && i === len && (bytes[p] as number) >= 0x80) cmp = -1; // query is a prefix
    if (cmp === 0) return mid;
    if (cmp < 0) hi = mid - 1;
    else lo = mid + 1;
  }
  return -1;
}

function readNumber(bytes: Uint8Array, p: number): number {
  let v = 0;
  for (;;) {
    const b = bytes[p++];
    if (b === undefined || b < 0x30 || b > 0x39) return v;
    v = v * 10 + (b - 0x30);
  }
}

function numbersAt(lex: Lexicon, rec: number): { count: number; hamza: number } {
  const { bytes } = lex;
  let p = lex.records[rec] as number;
  while ((bytes[p] as number) >= 0x80) p++;
  const count = readNumber(bytes, p);
  while (bytes[p] !== undefined && bytes[p] !== 10 && bytes[p] !== 0x20) p++;
  const hamza = bytes[p] === 0x20 ? readNumber(bytes, p + 1) : 0;
  return { count, hamza };
}

/** Corpus count of a normalised word (0 when unknown or when the lexicon is missing). */
export function wordCount(norm: string): number {
  const lex = get();
  if (lex === null) return 0;
  const rec = find(lex, norm);
  return rec < 0 ? 0 : numbersAt(lex, rec).count;
}

/** Percentage (0..100) of the word's occurrences written with an initial أ/إ/آ. */
export function hamzaShare(norm: string): number {
  const lex = get();
  if (lex === null) return 0;
  const rec = find(lex, norm);
  return rec < 0 ? 0 : numbersAt(lex, rec).hamza;
}

/** Size and load time of the lexicon (loads it if needed); null when the file is missing. */
export function lexiconInfo(): {
  words: number;
  tokens: number;
  bytes: number;
  loadMs: number;
} | null {
  const lex = get();
  if (lex === null) return null;
  return {
    words: lex.records.length,
    tokens: lex.tokens,
    bytes: lex.bytes.length,
    loadMs: lex.loadMs,
  };
}
