/**
 * Search snippets, cut from the article's own text (not the normalised index): the window of
 * about `width` characters that shows the most different query words, with the offsets of every
 * matched word inside it. Line breaks become spaces one for one, so offsets stay exact.
 */
import type { Token } from "../analysis.js";
import { normalizeArabic, tokenize } from "../text/index.js";
import { formsOf, isIndexable } from "./forms.js";
import type { Snippet } from "./types.js";

export const SNIPPET_WIDTH = 220;
/** Characters of context shown before the first match in the window. */
const LEAD = 50;
/** Matches considered as window anchors (a long article may match hundreds of times). */
const MAX_ANCHORS = 200;
const ELLIPSIS = "…";
const LINE_BREAKS = /[\r\n\t\f\v\u2028\u2029]/g;
const NON_SPACE = /\S/g;

interface Match {
  token: Token;
  /** Which query word it matched (its base form), to count distinct words. */
  word: string;
}

export function buildSnippet(
  text: string,
  forms: { base: ReadonlySet<string>; plain: ReadonlySet<string> } | undefined,
  width = SNIPPET_WIDTH,
): Snippet {
  const tokens = tokenize(text);
  const matches: Match[] = [];
  if (forms) {
    const wanted = cores(forms.base);
    for (const token of tokens) {
      if (!isIndexable(token)) continue;
      // clitic segmentation costs far more than a substring test: only for likely matches
      if (wanted && !containsAny(token.norm ?? normalizeArabic(token.text), wanted)) continue;
      const f = formsOf(token);
      if (forms.base.has(f.base)) matches.push({ token, word: f.base });
      else if (forms.plain.has(f.plain)) matches.push({ token, word: f.plain });
    }
  }
  const [start, end] = chooseWindow(text, tokens, matches, width);
  const prefix = start > 0 ? ELLIPSIS : "";
  NON_SPACE.lastIndex = end;
  const suffix = NON_SPACE.test(text) ? ELLIPSIS : "";
  const highlights: [number, number][] = [];
  for (const { token } of matches) {
    if (token.start >= start && token.end <= end) {
      highlights.push([token.start - start + prefix.length, token.end - start + prefix.length]);
    }
  }
  return { text: prefix + text.slice(start, end).replace(LINE_BREAKS, " ") + suffix, highlights };
}

/**
 * What every form of a query word contains: its stem without the article and without its last
 * letter (which can change before a suffix: مدرسة → مدرسته). Undefined when some core would be
 * too short to filter anything.
 */
function cores(bases: ReadonlySet<string>): string[] | undefined {
  const out: string[] = [];
  for (const base of bases) {
    let core = base.length > 3 && base.startsWith("ال") ? base.slice(2) : base;
    if (core.length > 3) core = core.slice(0, -1);
    if (core.length < 2) return undefined;
    out.push(core);
  }
  return out;
}

function containsAny(word: string, parts: readonly string[]): boolean {
  for (const part of parts) if (word.includes(part)) return true;
  return false;
}

/** [start, end) of the window, on token boundaries. */
function chooseWindow(
  text: string,
  tokens: Token[],
  matches: Match[],
  width: number,
): [number, number] {
  if (tokens.length === 0) return [0, Math.min(text.length, width)];
  let bestStart = (tokens[0] as Token).start;
  let bestScore = -1;
  let lastStart = -1;
  const anchors = matches.length > MAX_ANCHORS ? matches.slice(0, MAX_ANCHORS) : matches;
  for (const anchor of anchors) {
    const start = tokenStartAtOrAfter(tokens, anchor.token.start - LEAD);
    if (start === lastStart) continue;
    lastStart = start;
    const words = new Set<string>();
    let count = 0;
    for (const m of matches) {
      if (m.token.start < start) continue;
      if (m.token.end > start + width) break;
      words.add(m.word);
      count++;
    }
    const score = words.size * 1000 + count;
    if (score > bestScore) {
      bestScore = score;
      bestStart = start;
    }
  }
  return [bestStart, tokenEndAtOrBefore(tokens, bestStart + width, bestStart, text.length)];
}

/** The start of the first token that starts at or after `offset` (binary search). */
function tokenStartAtOrAfter(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return (tokens[lo] as Token).start;
}

/** The end of the last token that ends at or before `offset`; at least one token past `start`. */
function tokenEndAtOrBefore(tokens: Token[], offset: number, start: number, length: number) {
  if (offset >= length) return (tokens[tokens.length - 1] as Token).end;
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((tokens[mid] as Token).end <= offset) lo = mid;
    else hi = mid - 1;
  }
  const end = (tokens[lo] as Token).end;
  if (end > start) return end;
  // a single token longer than the window: cut it
  return Math.min(length, start + Math.max(1, offset - start));
}
