/**
 * The time-expression scanner: one pass over the tokens, trying the grammar wherever a token has a
 * time role (a number, or a word the lexicon knows) and keeping the longest expression found
 * there. Each rule builds its TIMEX3 value at once from the reference day; rules that need the
 * document (نفس اليوم, بعد يوم من ...) look back at the expressions already found.
 *
 * This file holds the scanner's state, its token helpers and the entry points (parseAt, baseAt);
 * the rules live in one module per family, as functions taking the scanner first: numbers.ts,
 * numeric-dates.ts, worded-dates.ts, holidays.ts, relative.ts, clock.ts, durations.ts, sets.ts,
 * references.ts, and ranges.ts (modifiers, ranges, and `extend`, what may follow an
 * expression); types.ts has the shared types. A new family is a module exporting
 * `rule(sc: Scanner, i: number): Hit | null`, tried in parseAt (and in baseAt when it can be
 * the end of a range).
 */
import type { Span, Token } from "../analysis.js";
import { clockExpr, podExpr } from "./clock.js";
import { durationExpr } from "./durations.js";
import { holiday } from "./holidays.js";
import { lookupWord } from "./lexicon.js";
import { digitValue } from "./numbers.js";
import { extend, modified, rangeFrom } from "./ranges.js";
import { anaphora, deictic } from "./references.js";
import { setExpr } from "./sets.js";
import type { Hit, ScanOptions } from "./types.js";
import { dateExpr } from "./worded-dates.js";

export { durationValue } from "./durations.js";
export type { Hit, ScanOptions, TimeType } from "./types.js";

export class Scanner {
  // Shared with the rule modules, which only read them: the token count and, per token, the
  // lexicon's core, proclitics and article flag, and the digit value (-1: none).
  readonly n: number;
  readonly core: string[];
  readonly pre: string[];
  readonly def: Uint8Array;
  readonly num: Float64Array;
  /** The expressions found so far, in text order: back-references look at them. */
  readonly hits: Hit[] = [];
  private sentenceStarts: number[] | null = null;

  constructor(
    readonly text: string,
    readonly toks: readonly Token[],
    readonly ref: number | null,
    readonly opts: ScanOptions,
    readonly sentences: readonly Span[] = [],
  ) {
    const n = toks.length;
    this.n = n;
    this.core = new Array<string>(n);
    this.pre = new Array<string>(n);
    this.def = new Uint8Array(n);
    this.num = new Float64Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      const t = toks[i] as Token;
      this.core[i] = "";
      this.pre[i] = "";
      if (t.kind === "word") {
        const entry = lookupWord(t.norm ?? "");
        if (entry) {
          this.core[i] = entry.core;
          this.pre[i] = entry.pre;
          if (entry.def) this.def[i] = 1;
        }
      } else if (t.kind === "number") {
        this.num[i] = digitValue(t.text);
      }
    }
  }

  scan(): Hit[] {
    const n = this.n;
    for (let i = 0; i < n; ) {
      if (this.core[i] === "" && this.toks[i]?.kind !== "number" && this.norm(i) !== "ال") {
        i++;
        continue;
      }
      const hit = this.parseAt(i);
      if (hit && hit.e > i) {
        this.hits.push(hit);
        i = hit.e;
      } else i++;
    }
    return this.hits;
  }

  // ---------- token helpers ----------

  norm(i: number): string {
    const t = this.toks[i];
    return t && (t.kind === "word" || t.kind === "latin") ? (t.norm ?? "") : "";
  }

  /** Core of token i when it carries no proclitic (the article is allowed). */
  c(i: number): string {
    return i < this.n && this.pre[i] === "" ? (this.core[i] as string) : "";
  }

  /** Core of token i whatever its proclitics. */
  ca(i: number): string {
    return i >= 0 && i < this.n ? (this.core[i] as string) : "";
  }

  isDef(i: number): boolean {
    return this.def[i] === 1;
  }

  /** Plain word: the core with neither proclitic nor article. */
  bare(i: number, word: string): boolean {
    return this.c(i) === word && this.def[i] === 0;
  }

  /** A definite word with no other proclitic: الماضي. */
  defWord(i: number): string {
    return this.c(i) !== "" && this.def[i] === 1 ? (this.core[i] as string) : "";
  }

  digits(i: number): number {
    return i >= 0 && i < this.n ? (this.num[i] as number) : -1;
  }

  digitLength(i: number): number {
    return this.toks[i]?.text.length ?? 0;
  }

  isPunct(i: number, chars?: string): boolean {
    const t = this.toks[i];
    if (t?.kind !== "punct") return false;
    return chars === undefined || chars.includes(t.text);
  }

  /** Nothing more of this expression can follow: end of text, punctuation or a quote. */
  boundary(i: number): boolean {
    const t = this.toks[i];
    return !t || t.kind === "punct" || t.kind === "quote";
  }

  /** Token i is "و" alone, or carries a leading و. */
  conj(i: number): boolean {
    return this.norm(i) === "و" || (this.pre[i] ?? "").startsWith("و");
  }

  isWordToken(i: number): boolean {
    const k = this.toks[i]?.kind;
    return k === "word" || k === "latin";
  }

  /** A word that no time rule knows, right after a number: what it counts (مساء 20 قتيلا). */
  countedNoun(i: number): boolean {
    return this.isWordToken(i) && this.core[i] === "" && !this.conj(i);
  }

  preOk(i: number): boolean {
    const p = this.pre[i] ?? "";
    return (
      p === "" ||
      p === "و" ||
      p === "ف" ||
      p === "ب" ||
      p === "ل" ||
      p === "وب" ||
      p === "ول" ||
      p === "فب"
    );
  }

  // ---------- the grammar ----------

  parseAt(i: number): Hit | null {
    let best: Hit | null = null;
    const consider = (h: Hit | null) => {
      if (h && h.e > i && (!best || h.e > best.e)) best = h;
    };
    consider(modified(this, i));
    consider(rangeFrom(this, i));
    consider(dateExpr(this, i));
    consider(clockExpr(this, i));
    consider(podExpr(this, i));
    consider(durationExpr(this, i));
    consider(setExpr(this, i));
    consider(deictic(this, i));
    consider(anaphora(this, i));
    consider(holiday(this, i));
    if (!best) return null;
    return extend(this, best);
  }

  /** A base expression at i without modifiers or ranges (used inside ranges). */
  baseAt(i: number): Hit | null {
    let best: Hit | null = null;
    for (const h of [
      dateExpr(this, i),
      clockExpr(this, i),
      podExpr(this, i),
      holiday(this, i),
      durationExpr(this, i),
    ]) {
      if (h && h.e > i && (!best || h.e > best.e)) best = h;
    }
    return best;
  }

  sentenceStart(offset: number): number {
    if (!this.sentenceStarts) {
      this.sentenceStarts = this.sentences.map((s) => s.start);
    }
    const starts = this.sentenceStarts;
    let lo = 0;
    let hi = starts.length - 1;
    let best = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = starts[mid] as number;
      if (v <= offset) {
        best = v;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }
}
