/**
 * Sentence splitter for Arabic news (and the Latin text mixed into it).
 *
 * Sentences end at . ؟ ? ! ؛ … (and ۔ 。！？), at every line break (scraped text often lacks
 * final periods; a blank line is a paragraph break) and at the end of the text. They do not end:
 *  - inside numbers, URLs, e-mails and dotted Latin abbreviations (U.S., e.g.) — the tokeniser
 *    keeps those whole;
 *  - after Latin abbreviations (Mr. Dr. etc.), a single Latin capital (initials), a single Arabic
 *    letter (د. م. هـ. ق.م أ.ف.ب), inside an Arabic abbreviation with no space after its dots
 *    (بي.بي.سي), or a number opening a line (list items "1.");
 *  - before a lower-case Latin word;
 *  - inside a quotation: between an opening mark and the closing mark that matches it in the same
 *    paragraph. A period directly before the closing mark ends the sentence after the mark
 *    (…الدولية.” ends after ”).
 * Real quotations are unbalanced, so quotes degrade gracefully: any closing mark closes the
 * innermost open quote (“…» counts), stray closers are ignored, an opener never closed in its
 * paragraph holds nothing open, quotes never span a line break, and a quotation longer than
 * MAX_QUOTE_CHARS or holding more than MAX_QUOTE_ENDS sentence ends is not trusted (its ends
 * split as usual).
 */
import type { Span, Token } from "../analysis.js";
import * as chars from "./chars.js";
import * as tokens from "./tokenize.js";

// local copies of imported bindings (accessors under some loaders; see tokenize.ts)
const C_SPACE = chars.C_SPACE;
const charClass = chars.charClass;
const tokenize = tokens.tokenize;

const MAX_QUOTE_CHARS = 1500;
const MAX_QUOTE_ENDS = 8;

const LATIN_ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof st jr sr vs etc inc ltd co corp gen col lt sgt capt gov sen rep no nos vol " +
    "fig approx dept est jan feb mar apr jun jul aug sep sept oct nov dec mt ft av ave hon rev " +
    "pp cf al messrs mme mlle m"
  ).split(" "),
);

const OPENERS = new Set(["“", "«", "‹", "„", "「", "『", "〝", "‟"]);
const CLOSERS = new Set(["”", "»", "›", "」", "』", "〞"]);
const STRAIGHT = new Set(['"', "＂", "״"]);

function isSentenceEnd(t: Token): boolean {
  if (t.kind !== "punct") return false;
  const c = t.text.charCodeAt(0);
  return (
    c === 0x2e || // .
    c === 0x3f || // ?
    c === 0x21 || // !
    c === 0x061f || // ؟
    c === 0x061b || // ؛
    c === 0x2026 || // …
    c === 0x06d4 || // ۔
    c === 0x3002 || // 。
    c === 0xff01 || // ！
    c === 0xff1f || // ？
    c === 0x203c || // ‼
    c === 0x2047 ||
    c === 0x2048 ||
    c === 0x2049
  );
}

/** Spaces as String.prototype.trim sees them (the tokeniser's class misses U+FEFF and kin). */
function isSpace(c: number): boolean {
  return charClass(c) === C_SPACE || (c > 0x7f && WHITE.test(String.fromCharCode(c)));
}
const WHITE = /\s/;

function isLowerLatin(t: Token | undefined): boolean {
  if (t === undefined || t.kind !== "latin") return false;
  const ch = t.text[0] as string;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** Quote role of a token: 1 opens, -1 closes, 0 neither. Straight quotes by context. */
function quoteRole(text: string, t: Token): number {
  if (t.kind !== "quote") return 0;
  if (OPENERS.has(t.text)) return 1;
  if (CLOSERS.has(t.text)) return -1;
  if (!STRAIGHT.has(t.text)) return 0; // single quotes and apostrophes do not hold sentences
  const before = t.start > 0 ? text.charCodeAt(t.start - 1) : 0x20;
  const after = t.end < text.length ? text.charCodeAt(t.end) : 0x20;
  const spaceBefore = isSpace(before) || before === 0x28 || before === 0x5b;
  const spaceAfter = isSpace(after);
  if (spaceBefore && !spaceAfter) return 1;
  if (!spaceBefore) return -1;
  return 0;
}

/** True when the sentence-final token at index k is not really a sentence end. */
function isFalseEnd(text: string, tokens: Token[], k: number, sentenceStart: number): boolean {
  const t = tokens[k] as Token;
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  const c = t.text.charCodeAt(0);
  if (c === 0x2e || c === 0x2026) {
    if (isLowerLatin(next)) return true;
  }
  if (c !== 0x2e || t.text.length !== 1 || prev === undefined || prev.end !== t.start) return false;
  if (prev.kind === "latin") {
    const lower = prev.text.toLowerCase();
    if (LATIN_ABBREVIATIONS.has(lower)) return true;
    if (prev.text.length === 1 && prev.text !== lower) return true; // initial: J. Smith
    return false;
  }
  // د. م. هـ., and dotted abbreviations written without spaces (بي.بي.سي، أ.ف.ب)
  if (prev.kind === "word")
    return (
      (prev.norm ?? prev.text).length === 1 ||
      (prev.text.length <= 3 &&
        next?.kind === "word" &&
        next.start === t.end &&
        next.text.length <= 3)
    );
  if (prev.kind === "number") {
    // list item: a number opening its line ("1. ...")
    if (k - 1 !== sentenceStart) return false;
    const lineStart = text.lastIndexOf("\n", prev.start - 1) + 1;
    return text.slice(lineStart, prev.start).trim() === "";
  }
  return false;
}

interface Quote {
  open: number; // token index
  close: number; // token index
}

/** Matched quotation pairs among tokens [from, to) (one paragraph/line). */
function matchQuotes(text: string, tokens: Token[], from: number, to: number): Quote[] {
  const stack: number[] = [];
  const pairs: Quote[] = [];
  for (let k = from; k < to; k++) {
    const role = quoteRole(text, tokens[k] as Token);
    if (role === 1) stack.push(k);
    else if (role === -1 && stack.length > 0) pairs.push({ open: stack.pop() as number, close: k });
  }
  return pairs;
}

/**
 * Splits text into sentences: spans trimmed of surrounding whitespace, ordered, non-overlapping,
 * together covering every non-whitespace character.
 */
export function splitSentences(text: string, tokens: Token[] = tokenize(text)): Span[] {
  const cuts: number[] = [];
  // Lines: every newline is a boundary; quotes are matched within a line.
  let k = 0;
  while (k < tokens.length) {
    const lineStartTok = k;
    const first = tokens[k] as Token;
    let lineEnd = text.indexOf("\n", first.start);
    if (lineEnd < 0) lineEnd = text.length;
    let end = k;
    while (end < tokens.length && (tokens[end] as Token).start < lineEnd) end++;
    cutLine(text, tokens, lineStartTok, end, cuts);
    k = end;
  }
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) cuts.push(i);
  cuts.push(text.length);
  cuts.sort((a, b) => a - b);

  const spans: Span[] = [];
  let prev = 0;
  for (const cut of cuts) {
    if (cut < prev) continue;
    let s = prev;
    let e = cut;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) spans.push({ start: s, end: e });
    prev = cut;
  }
  return spans;
}

function cutLine(text: string, tokens: Token[], from: number, to: number, cuts: number[]): void {
  // inside[k] = depth of trusted quotations around token k; closeAt[k] = the closer right after k
  const quotes = matchQuotes(text, tokens, from, to);
  const inside = new Int32Array(to - from);
  const closeAt = new Int32Array(to - from).fill(-1);
  for (const q of quotes) {
    const open = tokens[q.open] as Token;
    const close = tokens[q.close] as Token;
    if (close.start - open.end > MAX_QUOTE_CHARS) continue;
    let ends = 0;
    for (let k = q.open + 1; k < q.close; k++) if (isSentenceEnd(tokens[k] as Token)) ends++;
    if (ends > MAX_QUOTE_ENDS) continue;
    for (let k = q.open + 1; k < q.close; k++) inside[k - from] = (inside[k - from] as number) + 1;
    // the last token before the closer may end the sentence together with the quote
    closeAt[q.close - 1 - from] = Math.max(closeAt[q.close - 1 - from] as number, q.close);
  }
  let sentenceStart = from;
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (!isSentenceEnd(t) || isFalseEnd(text, tokens, k, sentenceStart)) continue;
    let last = k;
    if ((inside[k - from] as number) > 0) {
      // inside a quote: only an end right before the quote's closing mark counts
      const close = closeAt[k - from] as number;
      if (close < 0 || (tokens[close] as Token).start !== t.end) continue;
      if ((inside[k - from] as number) > 1) continue; // nested quote: the outer one holds
      last = close;
    }
    // closing marks and brackets glued to the end belong to this sentence
    while (last + 1 < to) {
      const n = tokens[last + 1] as Token;
      if (n.start !== (tokens[last] as Token).end) break;
      const glued =
        (n.kind === "quote" && quoteRole(text, n) !== 1) ||
        n.text === ")" ||
        n.text === "]" ||
        (isSentenceEnd(n) && n.text !== "…");
      if (!glued) break;
      last++;
    }
    cuts.push((tokens[last] as Token).end);
    k = last;
    sentenceStart = last + 1;
  }
}
