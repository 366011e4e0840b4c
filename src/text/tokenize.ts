/**
 * Tokeniser with offsets. One left-to-right pass over the code units with a class table; no
 * regexes in the loop. Kinds:
 *  - word: an Arabic-script word (letters with any diacritics/tatweel/ZWNJ inside);
 *  - latin: a word in any other script (internal apostrophes and hyphens, dotted abbreviations
 *    such as U.S. and e.g. kept whole, letters followed by digits such as G20 or F-16);
 *  - number: digits of any of the three families with internal separators . , ٫ ٬ : / - when a
 *    digit follows (1,000.5; 21/1/2025; 14:30; 2025-01-21); a following % is its own symbol;
 *  - url (http://, https://, www.), email, and symbol for hashtags/@handles (one token each),
 *    currency and other signs, emoji;
 *  - quote: every kind of quotation mark, one per token;
 *  - punct: punctuation; runs of periods (...) and of ! ? ؟ are one token.
 * Whitespace and invisible controls between tokens are skipped. Digits glued to letters are
 * split (2022م → 2022 + م).
 */
import type { Segment, Token } from "../analysis.js";
import * as chars from "./chars.js";
import * as clitics from "./clitics.js";
import * as normalize from "./normalize.js";

// Module-local copies: imported bindings can be accessors under some loaders (tsx, vitest),
// which costs a call per character in the hot loop.
const C_AR = chars.C_AR;
const C_ARMARK = chars.C_ARMARK;
const C_DIGIT = chars.C_DIGIT;
const C_HIGH = chars.C_HIGH;
const C_JOIN = chars.C_JOIN;
const C_LETTER = chars.C_LETTER;
const C_LOW = chars.C_LOW;
const C_MARK = chars.C_MARK;
const C_PUNCT = chars.C_PUNCT;
const C_QUOTE = chars.C_QUOTE;
const C_SPACE = chars.C_SPACE;
const C_IGNORE = chars.C_IGNORE;
const C_XDIGIT = chars.C_XDIGIT;
const charClass = chars.charClass;
const normalizeArabic = normalize.normalizeArabic;
const segmentWord = clitics.segmentWord;

function isDigitClass(k: number): boolean {
  return k === C_DIGIT || k === C_XDIGIT;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function lower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 32 : c;
}

function startsWithCI(s: string, i: number, prefix: string): boolean {
  if (i + prefix.length > s.length) return false;
  for (let k = 0; k < prefix.length; k++) {
    if (lower(s.charCodeAt(i + k)) !== prefix.charCodeAt(k)) return false;
  }
  return true;
}

/** Characters that end a URL: whitespace, quotes, angle brackets. */
function endsUrl(c: number): boolean {
  const k = charClass(c);
  return k === C_SPACE || k === C_QUOTE || c === 0x3c || c === 0x3e;
}

/** Trailing characters trimmed off a URL (sentence punctuation stuck to it). */
function isUrlTrail(c: number): boolean {
  return (
    c === 0x2e || // .
    c === 0x2c || // ,
    c === 0x3b || // ;
    c === 0x3a || // :
    c === 0x21 || // !
    c === 0x3f || // ?
    c === 0x060c || // ،
    c === 0x061b || // ؛
    c === 0x061f || // ؟
    c === 0x2026 // …
  );
}

function scanUrl(s: string, i: number): number {
  const n = s.length;
  let j = i;
  let open = 0;
  while (j < n && !endsUrl(s.charCodeAt(j))) {
    const c = s.charCodeAt(j);
    if (c === 0x28) open++;
    else if (c === 0x29) open--;
    j++;
  }
  while (j > i) {
    const c = s.charCodeAt(j - 1);
    if (isUrlTrail(c) || (c === 0x29 && open < 0) || c === 0x5d || c === 0x7d) {
      if (c === 0x29) open++;
      j--;
    } else break;
  }
  return j;
}

/** Characters allowed in the local part of an email address. */
function isEmailLocal(c: number): boolean {
  return isAsciiAlnum(c) || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d;
}

/** End of an email address whose local part ends at `at` (s[at] === "@"), or -1. */
function scanEmailDomain(s: string, at: number): number {
  const n = s.length;
  let j = at + 1;
  let dots = 0;
  let labelStart = j;
  let lastLabelAlpha = true;
  while (j < n) {
    const c = s.charCodeAt(j);
    if (isAsciiAlnum(c) || c === 0x2d) {
      if (c < 0x41) lastLabelAlpha = false;
      j++;
    } else if (c === 0x2e && j > labelStart && j + 1 < n && isAsciiAlnum(s.charCodeAt(j + 1))) {
      dots++;
      j++;
      labelStart = j;
      lastLabelAlpha = true;
    } else break;
  }
  if (dots === 0 || j - labelStart < 2 || !lastLabelAlpha) return -1;
  return j;
}

function scanArabic(s: string, i: number): number {
  const n = s.length;
  let j = i + 1;
  while (j < n) {
    const k = charClass(s.charCodeAt(j));
    if (k === C_AR || k === C_ARMARK) j++;
    else if (k === C_JOIN && j + 1 < n) {
      const k2 = charClass(s.charCodeAt(j + 1));
      if (k2 === C_AR || k2 === C_ARMARK) j += 2;
      else break;
    } else break;
  }
  return j;
}

function isNumberSep(c: number): boolean {
  return (
    c === 0x2c || // ,
    c === 0x2e || // .
    c === 0x066b || // ٫
    c === 0x066c || // ٬
    c === 0x3a || // :
    c === 0x2f || // /
    c === 0x2d // -
  );
}

function scanNumber(s: string, i: number): number {
  const n = s.length;
  let j = i + 1;
  for (;;) {
    while (j < n && isDigitClass(charClass(s.charCodeAt(j)))) j++;
    if (j + 1 < n && isNumberSep(s.charCodeAt(j)) && isDigitClass(charClass(s.charCodeAt(j + 1)))) {
      j += 2;
    } else return j;
  }
}

function isLetterLike(k: number): boolean {
  return k === C_LETTER || k === C_MARK;
}

function scanLatin(s: string, i: number): number {
  const n = s.length;
  let j = i + 1;
  let piece = 1; // letters since the word start or the last abbreviation period
  let pieces = 1;
  for (;;) {
    while (j < n) {
      const k = charClass(s.charCodeAt(j));
      if (k === C_LETTER) piece++;
      else if (k !== C_MARK && k !== C_DIGIT) break;
      j++;
    }
    if (j + 1 >= n) break;
    const c = s.charCodeAt(j);
    const k1 = charClass(s.charCodeAt(j + 1));
    if ((c === 0x27 || c === 0x2019) && k1 === C_LETTER) {
      j += 2; // don't, O’Neil
      piece = 2;
    } else if (
      (c === 0x2d || c === 0x2010 || c === 0x2011) &&
      (k1 === C_LETTER || k1 === C_DIGIT)
    ) {
      j += 2; // well-known, F-16
      piece = 2;
    } else if (
      c === 0x2e &&
      piece === 1 &&
      k1 === C_LETTER &&
      (j + 2 >= n || !isLetterLike(charClass(s.charCodeAt(j + 2))))
    ) {
      j += 2; // U.S, e.g
      pieces++;
    } else break;
  }
  if (pieces >= 2 && j < n && s.charCodeAt(j) === 0x2e) j++; // the closing period of U.S.
  return j;
}

/** Hashtag or handle body: letters of any script, digits, underscore, joiners. */
function scanTagBody(s: string, i: number): number {
  const n = s.length;
  let j = i;
  while (j < n) {
    const c = s.charCodeAt(j);
    const k = charClass(c);
    if (
      k === C_AR ||
      k === C_ARMARK ||
      k === C_LETTER ||
      k === C_MARK ||
      isDigitClass(k) ||
      c === 0x5f
    )
      j++;
    else if (k === C_JOIN && j > i) j++;
    else break;
  }
  return j;
}

function sameRun(c: number, d: number): boolean {
  if (c === 0x2e) return d === 0x2e;
  if (c === 0x21 || c === 0x3f || c === 0x061f) return d === 0x21 || d === 0x3f || d === 0x061f;
  if (c === 0x2d) return d === 0x2d;
  return false;
}

export interface TokenizeOptions {
  /** Fill `segments` on Arabic words that split into more than one clitic segment. */
  segments?: boolean;
}

/** Splits `text` into tokens with offsets; `text.slice(t.start, t.end) === t.text`. */
export function tokenize(text: string, options?: TokenizeOptions): Token[] {
  const s = text;
  const n = s.length;
  const out: Token[] = [];
  const withSegments = options?.segments === true;
  /** Positions before this are known not to start an email address. */
  let noEmailBefore = 0;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    const k = charClass(c);
    let j: number;
    let kind: Token["kind"];
    switch (k) {
      case C_AR:
      case C_ARMARK: {
        j = scanArabic(s, i);
        const t = s.slice(i, j);
        const norm = normalizeArabic(t);
        if (norm.length === 0) {
          out.push({ start: i, end: j, text: t, kind: "symbol" });
        } else {
          const tok: Token = { start: i, end: j, text: t, kind: "word", norm };
          if (withSegments) {
            const segs: Segment[] = segmentWord(t, i);
            if (segs.length > 1) tok.segments = segs;
          }
          out.push(tok);
        }
        i = j;
        continue;
      }
      case C_DIGIT:
      case C_XDIGIT:
      case C_LETTER: {
        if (k === C_LETTER && (c === 0x68 || c === 0x48 || c === 0x77 || c === 0x57)) {
          if (
            startsWithCI(s, i, "http://") ||
            startsWithCI(s, i, "https://") ||
            startsWithCI(s, i, "www.")
          ) {
            j = scanUrl(s, i);
            if (j > i + 4) {
              out.push({ start: i, end: j, text: s.slice(i, j), kind: "url" });
              i = j;
              continue;
            }
          }
        }
        if (i >= noEmailBefore && c < 0x80) {
          let e = i;
          while (e < n && isEmailLocal(s.charCodeAt(e))) e++;
          if (e < n && s.charCodeAt(e) === 0x40) {
            const end = scanEmailDomain(s, e);
            if (end > 0) {
              out.push({ start: i, end, text: s.slice(i, end), kind: "email" });
              i = end;
              continue;
            }
          }
          noEmailBefore = e;
        }
        if (k === C_LETTER) {
          j = scanLatin(s, i);
          const t = s.slice(i, j);
          out.push({ start: i, end: j, text: t, kind: "latin", norm: normalizeArabic(t) });
        } else {
          j = scanNumber(s, i);
          out.push({ start: i, end: j, text: s.slice(i, j), kind: "number" });
        }
        i = j;
        continue;
      }
      case C_QUOTE:
        out.push({ start: i, end: i + 1, text: s[i] as string, kind: "quote" });
        i++;
        continue;
      case C_PUNCT: {
        j = i + 1;
        while (j < n && sameRun(c, s.charCodeAt(j))) j++;
        kind = "punct";
        break;
      }
      case C_HIGH:
        j = i + 1 < n && charClass(s.charCodeAt(i + 1)) === C_LOW ? i + 2 : i + 1;
        kind = "symbol";
        break;
      case C_MARK:
      case C_LOW:
        j = i + 1;
        kind = "symbol";
        break;
      case C_SPACE:
      case C_JOIN:
      case C_IGNORE:
        i++;
        continue;
      default: {
        // symbols; # and @ start a hashtag / handle when a word character follows
        j = i + 1;
        kind = "symbol";
        if (c === 0x23 || c === 0x40) {
          const e = scanTagBody(s, i + 1);
          if (e > i + 1) j = e;
        }
      }
    }
    out.push({ start: i, end: j, text: s.slice(i, j), kind });
    i = j;
  }
  return out;
}

/** tokenize() with `segments` filled on Arabic words that have more than one clitic segment. */
export function tokenizeWithSegments(text: string): Token[] {
  return tokenize(text, { segments: true });
}
