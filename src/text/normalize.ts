/**
 * Arabic normalisation for matching keys, optionally with an offset map back to the source.
 *
 * Per UTF-16 code unit (or surrogate pair) the rules are, in order:
 *  - zero-width and bidi controls (ZWJ, ZWNJ, ZWSP, LRM, RLM, ALM, BOM, embeddings, isolates,
 *    soft hyphen) are dropped;
 *  - diacritics U+064B–U+065F, U+0670, tatweel U+0640 and the Quranic annotation marks
 *    (U+0610–061A, U+06D6–06ED combining marks) are dropped;
 *  - أ إ آ ٱ (and the rare wavy-hamza alefs) → ا; ى ی → ي; ة ۀ → ه; ؤ → و; ئ → ي; ک → ك
 *    (ء stays);
 *  - Arabic-Indic and Persian digits → ASCII;
 *  - any other character is replaced by its own NFKC form, lower-cased, with the rules above
 *    applied to the result (so ﻻ → لا, ﷲ → الله, Ａ → a);
 *  - an Arabic letter repeated 3+ times in the output collapses to one (وجيييه → وجيه).
 *
 * This is a coarsening of the external scorer's key (NFKC, drop [\u064B-\u0652\u0670\u0640],
 * [إأآٱ]→ا, ى→ي, ة→ه, ؤ→و, ئ→ي): strings equal under the scorer's key are equal here too,
 * except for non-Arabic combining sequences that whole-string NFKC would compose.
 */

const ACT_UNKNOWN = 0;
const ACT_KEEP = 1;
const ACT_DROP = 2;
const ACT_ONE = 3;
const ACT_MANY = 4;

const action = new Uint8Array(65536);
const single = new Uint16Array(65536);
const many = new Map<number, string>();
/** Replacement for astral code points; absent = not yet computed, null = keep. */
const astral = new Map<number, string | null>();

/** Replacement for a code unit by the Arabic/digit/case rules alone: undefined = keep. */
function baseRule(c: number): string | undefined {
  switch (c) {
    case 0x0622:
    case 0x0623:
    case 0x0625:
    case 0x0671:
    case 0x0672:
    case 0x0673:
      return "\u0627";
    case 0x0649:
    case 0x06cc:
    case 0x0626:
      return "\u064a";
    case 0x0629:
    case 0x06c0:
      return "\u0647";
    case 0x0624:
      return "\u0648";
    case 0x06a9:
      return "\u0643";
  }
  if (isDropped(c)) return "";
  if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(c - 0x0660 + 0x30);
  if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(c - 0x06f0 + 0x30);
  if (c >= 0x41 && c <= 0x5a) return String.fromCharCode(c + 32);
  return undefined;
}

function isDropped(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    c === 0x0640 ||
    (c >= 0x0610 && c <= 0x061a) || // Quranic annotation marks: also combining, also dropped
    (c >= 0x06d6 && c <= 0x06dc) ||
    (c >= 0x06df && c <= 0x06e4) ||
    c === 0x06e7 ||
    c === 0x06e8 ||
    (c >= 0x06ea && c <= 0x06ed) ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff ||
    c === 0x061c ||
    c === 0x00ad
  );
}

/** Applies NFKC + lower-casing to a character (string of 1–2 code units), then the base rules. */
function fullRule(ch: string): string {
  let folded = ch;
  try {
    folded = ch.normalize("NFKC").toLowerCase();
  } catch {
    // normalize() never throws on well-formed input; keep the character if it ever does.
  }
  let out = "";
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    const r = baseRule(c);
    out += r === undefined ? folded[i] : r;
  }
  return out;
}

function classify(c: number): number {
  let rep: string | undefined;
  if (c >= 0xd800 && c <= 0xdfff) rep = undefined;
  else if (c < 0x80) rep = baseRule(c);
  else {
    rep = baseRule(c);
    if (rep === undefined) {
      const ch = String.fromCharCode(c);
      const full = fullRule(ch);
      rep = full === ch ? undefined : full;
    }
  }
  let act: number;
  if (rep === undefined) act = ACT_KEEP;
  else if (rep.length === 0) act = ACT_DROP;
  else if (rep.length === 1) {
    act = ACT_ONE;
    single[c] = rep.charCodeAt(0);
  } else {
    act = ACT_MANY;
    many.set(c, rep);
  }
  action[c] = act;
  return act;
}

function astralRule(cp: number): string | null {
  let rep = astral.get(cp);
  if (rep === undefined) {
    const ch = String.fromCodePoint(cp);
    const full = fullRule(ch);
    rep = full === ch ? null : full;
    astral.set(cp, rep);
  }
  return rep;
}

/** Arabic letters (after mapping) that collapse when elongated. */
function isCollapsible(c: number): boolean {
  return (c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a);
}

// Reusable output buffers, grown on demand.
let outBuf = new Uint16Array(1024);
let mapBuf = new Int32Array(1024);
let outLen = 0;
let lastCode = -1;
let runLen = 0;

function ensure(extra: number): void {
  if (outLen + extra <= outBuf.length) return;
  let size = outBuf.length * 2;
  while (size < outLen + extra) size *= 2;
  const o = new Uint16Array(size);
  o.set(outBuf.subarray(0, outLen));
  outBuf = o;
  const m = new Int32Array(size);
  m.set(mapBuf.subarray(0, outLen));
  mapBuf = m;
}

function emit(code: number, src: number): void {
  if (code === lastCode && isCollapsible(code)) {
    runLen++;
    if (runLen === 3) outLen--; // drop the second copy; the first stands for the run
    if (runLen >= 3) return;
  } else {
    lastCode = code;
    runLen = 1;
  }
  ensure(1);
  outBuf[outLen] = code;
  mapBuf[outLen] = src;
  outLen++;
}

function emitString(rep: string, src: number): void {
  for (let k = 0; k < rep.length; k++) emit(rep.charCodeAt(k), src);
}

function run(s: string): void {
  outLen = 0;
  lastCode = -1;
  runLen = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let act = action[c] as number;
    if (act === ACT_UNKNOWN) act = classify(c);
    if (act === ACT_KEEP) {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          const rep = astralRule(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
          if (rep === null) {
            emit(c, i);
            emit(d, i + 1);
          } else emitString(rep, i);
          i++;
          continue;
        }
      }
      emit(c, i);
    } else if (act === ACT_ONE) emit(single[c] as number, i);
    else if (act === ACT_MANY) emitString(many.get(c) as string, i);
    // ACT_DROP: nothing
  }
}

function bufferToString(): string {
  if (outLen <= 4096) return String.fromCharCode.apply(null, outBuf.subarray(0, outLen) as never);
  let out = "";
  for (let k = 0; k < outLen; k += 4096) {
    out += String.fromCharCode.apply(null, outBuf.subarray(k, Math.min(outLen, k + 4096)) as never);
  }
  return out;
}

/** True when `s` is already normalised (the common case for short keys), without allocating. */
function isNormal(s: string): boolean {
  let prev = -1;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let act = action[c] as number;
    if (act === ACT_UNKNOWN) act = classify(c);
    if (act !== ACT_KEEP || (c >= 0xd800 && c <= 0xdbff)) return false;
    if (c === prev) {
      if (++run >= 3 && isCollapsible(c)) return false;
    } else {
      prev = c;
      run = 1;
    }
  }
  return true;
}

/** Normalises Arabic text into a matching key (see the module comment for the rules). */
export function normalizeArabic(s: string): string {
  if (isNormal(s)) return s;
  run(s);
  return bufferToString();
}

export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /** map[i] = index in the original of the source of text[i]; map[text.length] = source length. */
  map: Int32Array;
}

/** Normalises `s` like normalizeArabic and records, for each output char, its source index. */
export function normalizeWithOffsets(s: string): NormalizedText {
  run(s);
  const map = new Int32Array(outLen + 1);
  map.set(mapBuf.subarray(0, outLen));
  map[outLen] = s.length;
  return { text: bufferToString(), map };
}

/**
 * The original span [start, end) covering the normalised span [nStart, nEnd). Characters dropped
 * by normalisation (diacritics, tatweel, the tail of an elongation) after the span's last char
 * are included; a span that ends inside a one-to-many expansion (ﻻ → لا) covers the whole
 * source character. Out-of-range arguments are clamped.
 */
export function toOriginalSpan(map: Int32Array, nStart: number, nEnd: number): [number, number] {
  const last = map.length - 1;
  const s = Math.max(0, Math.min(last, Math.trunc(nStart) || 0));
  const e = Math.max(s, Math.min(last, Math.trunc(nEnd) || 0));
  const start = map[s] as number;
  if (e === s) return [start, start];
  const lastSrc = map[e - 1] as number;
  let k = e;
  while (k < last && (map[k] as number) <= lastSrc) k++;
  return [start, Math.max(start, map[k] as number)];
}
