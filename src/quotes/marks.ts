/**
 * Quotation marks paired into quoted spans, as real copy has them: «...», “...”, "...", nested
 * (« ... “...” ... »), mismatched (“...»), left open at the end of a paragraph, or closed
 * without having been opened (a stray ” or » after a quote has ended: the words since the
 * previous quote are most likely quoted too, so they become a span of their own).
 */
import type { Token } from "../analysis.js";

export interface QuotedSpan {
  /** Offset of the opening mark, or of the first quoted character when there is none. */
  open: number;
  /** Offset just after the closing mark (or the end of the paragraph when never closed). */
  close: number;
  /** The quoted words, without the marks and surrounding spaces. */
  start: number;
  end: number;
  /** How the span was found: a pair of marks, an opener never closed, a closer never opened. */
  shape: "paired" | "unclosed" | "stray";
}

const OPENERS = new Set(["«", "“", "„", "‹", "‘"]);
const CLOSERS = new Set(["»", "”", "›", "’"]);
/** Marks that open or close depending on the state: ASCII double quote and its relatives. */
const AMBIGUOUS = new Set(['"', "″", "＂"]);

/** A quotation longer than this without a closing mark is not a quotation we can trust. */
const MAX_UNCLOSED = 1500;

interface Open {
  mark: string;
  at: number;
}

/** Every quoted span of the text, outermost spans only, in order. */
export function quotedSpans(text: string, tokens: readonly Token[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  const stack: Open[] = [];
  let paragraph = { start: 0, end: lineEnd(text, 0) };
  /** Where the previous quotation of the paragraph ended (a stray closer's span starts there). */
  let lastClose = -1;

  const emit = (
    open: number,
    from: number,
    to: number,
    close: number,
    shape: QuotedSpan["shape"],
  ) => {
    const span = trimmed(text, from, to);
    if (span.end > span.start) out.push({ open, close, ...span, shape });
    lastClose = close;
  };
  /** The quotation still open ends here without a closing mark. */
  const closeOpen = (at: number) => {
    const first = stack[0] as Open;
    stack.length = 0;
    if (at - first.at <= MAX_UNCLOSED) emit(first.at, first.at + 1, at, at, "unclosed");
  };

  for (const token of tokens) {
    if (token.kind !== "quote") continue;
    const at = token.start;
    const mark = token.text;
    if (at >= paragraph.end) {
      const next = paragraphAt(text, at);
      const adjacent = next.start === firstCharAfter(text, paragraph.end);
      // A quotation that runs on into the next paragraph reopens there with a mark: same quotation.
      if (stack.length > 0 && adjacent && at === next.start && isOpener(mark)) {
        paragraph = next;
        lastClose = -1;
        continue;
      }
      if (stack.length > 0) closeOpen(paragraph.end);
      paragraph = next;
      lastClose = -1;
    }
    const top = stack[stack.length - 1];
    // A straight quote that can only open (a space before, a letter right after) while another
    // is open: the first was never closed; it ends at its last comma, where the writer's own
    // words resumed (“حق الشعب في تقرير مصيره، معتبرا أن "الحل ...").
    if (top && stack.length === 1 && AMBIGUOUS.has(mark) && AMBIGUOUS.has(top.mark)) {
      if (onlyOpens(text, at)) {
        const comma = lastComma(text, top.at, at);
        stack.length = 0;
        emit(top.at, top.at + 1, comma, comma, "unclosed");
        stack.push({ mark, at });
        continue;
      }
    }
    // a straight quote glued to the word before it and followed by a space or punctuation
    // closes; with nothing open it is a stray we cannot place, so it is left alone
    if (!top && AMBIGUOUS.has(mark) && onlyCloses(text, at)) continue;
    const opens = OPENERS.has(mark) || (AMBIGUOUS.has(mark) && !(top && AMBIGUOUS.has(top.mark)));
    if (opens) {
      // The same opener again at the outer level: the first quotation was never closed.
      if (top && stack.length === 1 && top.mark === mark && !AMBIGUOUS.has(mark)) closeOpen(at);
      stack.push({ mark, at });
      continue;
    }
    if (stack.length === 0) {
      if (!CLOSERS.has(mark)) continue;
      const from = lastClose >= 0 ? lastClose : paragraph.start;
      emit(from, from, at, at + 1, "stray");
      continue;
    }
    const opened = stack.pop() as Open;
    if (stack.length === 0) emit(opened.at, opened.at + 1, at, at + 1, "paired");
  }
  if (stack.length > 0) closeOpen(paragraph.end);
  return out;
}

/**
 * Whether a straight quote at `at` can only be an opening mark: a letter follows it at once and
 * a space (or a one-letter clitic such as بـ after a space) comes before it.
 */
function onlyOpens(text: string, at: number): boolean {
  if (!/[\p{L}\p{N}]/u.test(text[at + 1] ?? "")) return false;
  const before = text.slice(Math.max(0, at - 2), at);
  return /(^|\s)$/.test(before) || /\s[بلوفك]$/.test(before);
}

/** Whether a straight quote at `at` can only close: a letter before it, no letter after it. */
function onlyCloses(text: string, at: number): boolean {
  return /[\p{L}\p{N}]/u.test(text[at - 1] ?? "") && !/[\p{L}\p{N}]/u.test(text[at + 1] ?? "");
}

/** The offset of the last comma in (from, to), or `to` when there is none. */
function lastComma(text: string, from: number, to: number): number {
  const i = Math.max(text.lastIndexOf("،", to - 1), text.lastIndexOf(",", to - 1));
  return i > from ? i : to;
}

function isOpener(mark: string): boolean {
  return OPENERS.has(mark) || AMBIGUOUS.has(mark);
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf("\n", from);
  return i < 0 ? text.length : i;
}

function firstCharAfter(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i] as string)) i++;
  return i;
}

/** The paragraph (line) holding offset `at`, from its first non-space character. */
function paragraphAt(text: string, at: number): { start: number; end: number } {
  return {
    start: firstCharAfter(text, text.lastIndexOf("\n", at - 1) + 1),
    end: lineEnd(text, at),
  };
}

/** The span without surrounding spaces and the punctuation that only joins it to the text. */
function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /[\s.,،:؛]/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  return { start: s, end: e };
}
