/**
 * Character classes shared by the tokeniser, the sentence splitter and language identification.
 * One lazily filled byte table over the BMP, so classifying a character is an array read;
 * Unicode property regexes run at most once per distinct code unit.
 */

export const C_UNKNOWN = 0;
export const C_SPACE = 1;
/** Arabic-script letter (incl. Persian/Urdu letters and presentation forms). */
export const C_AR = 2;
/** Arabic diacritic, Quranic mark or tatweel: part of a word, never a word on its own. */
export const C_ARMARK = 3;
/** ZWJ / ZWNJ: kept inside a word, ignored between words. */
export const C_JOIN = 4;
/** Other invisible format/control characters (bidi marks, BOM, soft hyphen...): skipped. */
export const C_IGNORE = 5;
/** ASCII digit. */
export const C_DIGIT = 6;
/** Arabic-Indic, Persian or other non-ASCII decimal digit. */
export const C_XDIGIT = 7;
/** Letter of any non-Arabic script (Latin, Greek, Cyrillic, Hebrew, CJK...). */
export const C_LETTER = 8;
/** Combining mark of a non-Arabic script. */
export const C_MARK = 9;
export const C_QUOTE = 10;
export const C_PUNCT = 11;
export const C_SYMBOL = 12;
export const C_HIGH = 13;
export const C_LOW = 14;

const table = new Uint8Array(65536);

const RE_LETTER = /^\p{L}$/u;
const RE_MARK = /^\p{M}$/u;
const RE_DIGIT = /^\p{Nd}$/u;
const RE_PUNCT = /^\p{P}$/u;
const RE_SPACE = /^[\s\p{Z}]$/u;
const RE_FORMAT = /^[\p{Cc}\p{Cf}]$/u;

function setRange(from: number, to: number, cls: number): void {
  for (let c = from; c <= to; c++) table[c] = cls;
}

function setChars(chars: string, cls: number): void {
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = cls;
}

// Arabic block and supplements.
setRange(0x0620, 0x063f, C_AR);
setRange(0x0641, 0x064a, C_AR);
setRange(0x066e, 0x066f, C_AR);
setRange(0x0671, 0x06d3, C_AR);
table[0x06d5] = C_AR;
setRange(0x06e5, 0x06e6, C_AR);
setRange(0x06ee, 0x06ef, C_AR);
setRange(0x06fa, 0x06fc, C_AR);
table[0x06ff] = C_AR;
setRange(0x0750, 0x077f, C_AR);
setRange(0x0870, 0x0887, C_AR);
setRange(0x08a0, 0x08c9, C_AR);
setRange(0xfb50, 0xfdff, C_AR);
setRange(0xfe70, 0xfefc, C_AR);
setRange(0x0610, 0x061a, C_ARMARK);
setRange(0x064b, 0x065f, C_ARMARK);
table[0x0640] = C_ARMARK;
table[0x0670] = C_ARMARK;
setRange(0x06d6, 0x06dc, C_ARMARK);
setRange(0x06df, 0x06e4, C_ARMARK);
setRange(0x06e7, 0x06e8, C_ARMARK);
setRange(0x06ea, 0x06ed, C_ARMARK);
setRange(0x0898, 0x089f, C_ARMARK);
setRange(0x08ca, 0x08ff, C_ARMARK);
setRange(0x0660, 0x0669, C_XDIGIT);
setRange(0x06f0, 0x06f9, C_XDIGIT);
setRange(0x0030, 0x0039, C_DIGIT);
setRange(0x0041, 0x005a, C_LETTER);
setRange(0x0061, 0x007a, C_LETTER);
setRange(0xd800, 0xdbff, C_HIGH);
setRange(0xdc00, 0xdfff, C_LOW);
table[0x200c] = C_JOIN;
table[0x200d] = C_JOIN;
setChars("\u200b\u200e\u200f\u061c\u00ad\u2060\u2061\u2062\u2063\u2064\ufeff", C_IGNORE);
setRange(0x202a, 0x202e, C_IGNORE);
setRange(0x2066, 0x2069, C_IGNORE);
setChars(" \t\n\r\v\f\u00a0\u1680\u2028\u2029\u202f\u205f\u3000", C_SPACE);
setRange(0x2000, 0x200a, C_SPACE);
setChars("\"'`«»“”„‟‹›‘’‚‛״「」『』〝〞＂＇", C_QUOTE);
setChars(".,;:!?()[]{}-–—‒―…/\\|·•،؛؟۔‐‑⁄¡¿‼⁇⁈⁉〈〉《》【】〔〕、。，；：！？．﴾﴿٫٬", C_PUNCT);
setChars("#@%٪٭&*+=<>^~_$€£¥©®°±×÷§¶", C_SYMBOL);
// Arabic ornate parentheses live inside the presentation-forms block.
table[0xfd3e] = C_PUNCT;
table[0xfd3f] = C_PUNCT;

function classifySlow(c: number): number {
  const ch = String.fromCharCode(c);
  let cls: number;
  if (RE_SPACE.test(ch)) cls = C_SPACE;
  else if (RE_LETTER.test(ch)) cls = C_LETTER;
  else if (RE_MARK.test(ch)) cls = C_MARK;
  else if (RE_DIGIT.test(ch)) cls = C_XDIGIT;
  else if (RE_PUNCT.test(ch)) cls = C_PUNCT;
  else if (RE_FORMAT.test(ch)) cls = C_IGNORE;
  else cls = C_SYMBOL;
  table[c] = cls;
  return cls;
}

/** The class of a UTF-16 code unit. */
export function charClass(c: number): number {
  const cls = table[c] as number;
  return cls === C_UNKNOWN ? classifySlow(c) : cls;
}

/** Value 0..9 of an ASCII, Arabic-Indic or Persian digit, else -1. */
export function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660;
  if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0;
  return -1;
}

export function isWordClass(cls: number): boolean {
  return cls === C_AR || cls === C_ARMARK || cls === C_LETTER || cls === C_MARK;
}
