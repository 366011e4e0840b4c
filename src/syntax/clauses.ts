/**
 * Where a clause's subject stands, read off word order as news Arabic writes it:
 *
 * - VSO, the common case: وقال [وزير الخارجية] إن ...; time words, adverbs and a short
 *   addressee may come between (وقال أمس للصحفيين [الوزير] ...). A prepositional adjunct right
 *   after the verb (وقال في بيان إن ...) usually means the subject is not expressed.
 * - SVO after كان or a plain noun: وكانت [الشرطة] قالت إن ...، [بوتين] قال إن ...، أما [الحزب]
 *   فقد أكد ...
 * - no subject at all (pro-drop): وأضاف أن ... — the caller resolves it from context.
 *
 * This is word order, not a parse: it answers "where would the subject start" cheaply and
 * leaves what the words refer to to the caller (coreference, entity mentions).
 */
import type { Doc, Span, Token } from "../analysis.js";
import { normalizeArabic, wordCount } from "../text/index.js";
import {
  ADVERBS,
  DEMONSTRATIVES,
  FUNCTION_WORDS,
  HONORIFIC_ADDRESS,
  KANA,
  PREPOSITIONS,
  PRONOUN_ADJUNCTS,
  TIME_WORDS,
  VERB_PARTICLES,
} from "./lexicon.js";
import { isVerbForm } from "./verbs.js";

/** أن and إن: a clause after them has its own subject (غير أن المصادر أكدت). */
const COMPLEMENTIZERS = new Set(["ان", "فان", "بان", "لان"]);

/** Conjunctions that open a new clause (فيما، بينما، لكن): the clause's subject comes after. */
const CLAUSE_CONJUNCTIONS = new Set(
  "فيما بينما حيث ثم لكن لكنه لكنها ولكن بل وفيما وبينما".split(" "),
);

/** Words that open a subordinate clause: a noun after them belongs to that clause. */
const SUBORDINATORS = new Set(
  "اذا عما لو عندما حينما لما كلما بعدما قبلما ريثما طالما مثلما كيف هل".split(" "),
);

export interface ClauseOptions {
  /** Spans of names (entity mentions): a name is never a verb. */
  names?: readonly Span[];
  /** Spans of time expressions, skipped like adverbs between a verb and its subject. */
  times?: readonly Span[];
  /**
   * Whether a subject can start at token k even right after an adjunct with no comma (وقال في
   * مؤتمر صحفي بالرياض [وزير المالية] ...): a title or a name. Defaults to a name.
   */
  subjectStart?: (k: number, clauses: Clauses) => boolean;
}

/** Where an SVO subject was found: after كان, after أما, after أن, or simply before the verb. */
/** A sentence's first verb and where its subject starts (-1 when not expressed). */
export interface MainClause {
  verb: number;
  subject: number;
}

export type SubjectOpener = "kana" | "amma" | "anna" | "plain";

/** How far (in tokens) a clause opener may be from its verb. */
const SVO_WINDOW = 12;
/** How far back كان or أما may open a clause whose subject has a description between commas. */
const KANA_WINDOW = 28;

export class Clauses {
  readonly tokens: readonly Token[];
  /** Normalised token texts. */
  readonly norms: readonly string[];
  /** Normalised token texts without a leading conjunction و/ف (وقال → قال). */
  readonly bare: readonly string[];
  /** Sentence index of each token. */
  readonly sentenceOf: Int32Array;
  private readonly sentenceFirst: Int32Array;
  private readonly sentenceEnd: Int32Array;
  private readonly named: Uint8Array;
  /** Tokens where a name starts after a proclitic (لبوتين، وبالصين): 1. */
  private readonly nameLead: Uint8Array;
  /** For a token inside a time expression, the index of the first token after it; else 0. */
  private readonly timeEnd: Int32Array;
  private readonly subjectStart: (k: number, clauses: Clauses) => boolean;
  private readonly verbs: Uint8Array;
  /** Each sentence's main clause, once asked for. */
  private readonly mainClauses = new Map<number, MainClause | undefined>();

  constructor(doc: Doc, options: ClauseOptions = {}) {
    const { tokens } = doc;
    this.tokens = tokens;
    this.norms = tokens.map((t) => t.norm ?? normalizeArabic(t.text));
    this.bare = this.norms.map(stripConjunction);
    const n = tokens.length;
    this.sentenceOf = new Int32Array(n);
    this.sentenceFirst = new Int32Array(doc.sentences.length + 1);
    this.sentenceEnd = new Int32Array(doc.sentences.length + 1);
    let s = 0;
    for (let i = 0; i < n; i++) {
      const t = tokens[i] as Token;
      while (s < doc.sentences.length && (doc.sentences[s] as Span).end <= t.start) s++;
      this.sentenceOf[i] = s;
    }
    this.sentenceFirst.fill(n);
    for (let i = n - 1; i >= 0; i--) this.sentenceFirst[this.sentenceOf[i] as number] = i;
    for (let i = 0; i < n; i++) this.sentenceEnd[this.sentenceOf[i] as number] = i + 1;
    [this.named, this.nameLead] = markSpans(tokens, options.names ?? []);
    this.subjectStart = options.subjectStart ?? ((k, c) => c.isNamed(k));
    this.verbs = new Uint8Array(n);
    this.timeEnd = new Int32Array(n);
    for (const span of options.times ?? []) {
      const first = this.tokenAt(span.start);
      let last = first;
      while (last < n && (tokens[last] as Token).start < span.end) last++;
      for (let k = first; k < last; k++) this.timeEnd[k] = last;
    }
  }

  /** The index of the token covering or first after offset `at` (tokens.length if none). */
  tokenAt(at: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.tokens[mid] as Token).end <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First token of sentence s, or -1 when it has no token. */
  firstTokenOf(s: number): number {
    const first = this.sentenceFirst[s];
    return first === undefined || first >= this.tokens.length ? -1 : first;
  }

  /** First token of token i's sentence. */
  sentenceStart(i: number): number {
    return this.sentenceFirst[this.sentenceOf[i] as number] as number;
  }

  /** One past the last token of token i's sentence. */
  sentenceStop(i: number): number {
    return this.sentenceEnd[this.sentenceOf[i] as number] as number;
  }

  isWord(i: number): boolean {
    return this.tokens[i]?.kind === "word";
  }

  isNamed(i: number): boolean {
    return this.named[i] === 1;
  }

  isComma(i: number): boolean {
    const t = this.tokens[i];
    return t?.kind === "punct" && (t.text === "،" || t.text === "," || t.text === "؛");
  }

  /** Whether token i is a verb: after قد، لم، لن، سوف, or by its form (see verbs.ts); no name. */
  isVerb(i: number): boolean {
    // asked many times per token by the subject finders: decided once (1 verb, 2 not)
    const known = this.verbs[i];
    if (known) return known === 1;
    const verb = this.decideVerb(i);
    if (i >= 0 && i < this.verbs.length) this.verbs[i] = verb ? 1 : 2;
    return verb;
  }

  private decideVerb(i: number): boolean {
    if (!this.isWord(i) || this.isNamed(i)) return false;
    const bare = this.bare[i] as string;
    if (PRONOUN_ADJUNCTS.has(bare) || FUNCTION_WORDS.has(bare)) return false;
    // tanween is written only on nouns and adverbs (حصراً)
    if (/[\u064B-\u064D]/.test((this.tokens[i] as Token).text)) return false;
    const before = this.norms[i - 1];
    // (a function word has returned above)
    if (before !== undefined && VERB_PARTICLES.has(before) && before !== "ما" && before !== "لا")
      return true;
    // والري is a conjunction on a noun; وتهرب, rare without its و in the lexicon, may be a verb
    if (bare.startsWith("ال")) return false;
    return isVerbForm(bare) || isVerbForm(this.norms[i] as string);
  }

  /** Whether token i is inside a time expression. */
  isTime(i: number): boolean {
    return (this.timeEnd[i] as number) > 0;
  }

  /**
   * The first token in [from, to) after time expressions, adverbs and commas: where a subject
   * or an adjunct starts.
   */
  skipAdverbials(from: number, to: number): number {
    let k = from;
    while (k < to) {
      const t = this.tokens[k] as Token;
      if (this.isTime(k)) {
        k = Math.max(k + 1, this.timeEnd[k] as number);
        continue;
      }
      if (this.isComma(k)) {
        k++;
        continue;
      }
      if (t.kind !== "word") return k;
      const w = this.bare[k] as string;
      if (
        ADVERBS.has(w) ||
        TIME_WORDS.has(w) ||
        PRONOUN_ADJUNCTS.has(w) ||
        HONORIFIC_ADDRESS.has(w)
      ) {
        k++;
        continue;
      }
      // من جهته، من جانبها: "for his part"
      if (w === "من" && /^(جهت|جانب)/.test(this.norms[k + 1] ?? "")) {
        k += 2;
        continue;
      }
      return k;
    }
    return k;
  }

  /** Whether token k opens a prepositional adjunct (في بيان، خلال، للصحفيين، لـ«عكاظ»). */
  opensAdjunct(k: number): boolean {
    if (!this.isWord(k)) return false;
    const w = this.bare[k] as string;
    // a circumstantial participle in the accusative (وقال مخاطبا القاضي): it and its object
    if (this.isCircumstantial(k)) return true;
    if (PREPOSITIONS.has(w) || w === "ب" || w === "ل" || w === "ك") return true;
    // a name behind ب or ل (لبوتين، للرئيس التركي) heads an adjunct, not a subject
    if (this.isNamed(k)) return /^[بل]/.test(w) && (this.nameLead[k] === 1 || w.startsWith("لل"));
    // ب/ل fused to a noun (بحضور، لوكالة، للصحفيين)
    return hasFusedPreposition(w);
  }

  /**
   * Where the expressed subject of the verb at i starts, looking in (i, to): after time words,
   * adverbs and short addressees (لـ«عكاظ»، للصحفيين). -1 when the verb has no expressed
   * subject there: the head is empty, or opens with an adjunct that no comma closes.
   */
  subjectAfter(i: number, to: number): number {
    let k = this.skipAdverbials(i + 1, to);
    for (let guard = 0; k < to && guard < 4; guard++) {
      const t = this.tokens[k] as Token;
      if (t.kind !== "word" && t.kind !== "latin") return -1;
      if (!this.opensAdjunct(k)) {
        const w = this.bare[k] as string;
        return FUNCTION_WORDS.has(w) && !DEMONSTRATIVES.has(w) ? -1 : k;
      }
      // an adjunct: a one-word addressee (للصحفيين، لـ«عكاظ») may be followed by the subject;
      // a longer one (في بيان له، خلال مؤتمر صحفي) runs to a comma, or the subject is dropped
      const after = this.afterShortAddressee(k, to);
      if (after >= 0) {
        k = this.skipAdverbials(after, to);
        continue;
      }
      let c = k + 1;
      while (c < to && !this.isComma(c)) c++;
      if (c < to) {
        k = this.skipAdverbials(c + 1, to);
        continue;
      }
      return this.subjectInAdjunct(k, to);
    }
    return -1;
  }

  /**
   * After an adjunct that no comma closes (وقال أمس في مؤتمر صحفي بالرياض وزير المالية ...): a
   * title or name further on starts the subject, unless it belongs to the adjunct — right after
   * a preposition, or the object of a verbal noun with a pronoun (خلال لقائه وزير الخارجية).
   */
  private subjectInAdjunct(adjunct: number, to: number): number {
    for (let k = adjunct + 1; k < to && k - adjunct <= 10; k++) {
      const t = this.tokens[k] as Token;
      if (t.kind === "quote" || t.kind === "punct") return -1;
      // a clause inside the adjunct (ردا على سؤال عما إذا كان المهاجم معروفا): its nouns are its own
      const w = this.norms[k] as string;
      if (SUBORDINATORS.has(w) || KANA.has(w) || COMPLEMENTIZERS.has(w)) return -1;
      // the object of a circumstantial participle (مخاطبا القاضي) is no subject
      if (k === adjunct + 1 && this.isCircumstantial(adjunct)) return -1;
      if (t.kind !== "word" || !this.subjectStart(k, this)) continue;
      const prev = this.bare[k - 1] as string;
      if (this.opensAdjunct(k)) continue;
      if (PREPOSITIONS.has(prev) || /^[بل]/.test(this.norms[k] as string)) continue;
      if (/(ه|ها|هم|هما)$/.test(prev) && prev.length >= 5 && !this.isNamed(k - 1)) return -1;
      return k;
    }
    return -1;
  }

  /**
   * Whether token k is an indefinite accusative participle or verbal noun standing as an
   * adverbial (مخاطبا، مستشهدا، ردا): five letters or more ending in ا, not a name.
   */
  isCircumstantial(k: number): boolean {
    const w = this.bare[k] as string;
    return (
      w.length >= 5 &&
      w.endsWith("ا") &&
      !w.endsWith("وا") &&
      !this.isNamed(k) &&
      !ADVERBS.has(w) &&
      !FUNCTION_WORDS.has(w)
    );
  }

  /**
   * After an addressee (لـ«عكاظ»، للصحفيين، لراديو هيئة الإذاعة البريطانية): the next token. An
   * addressee in construct (ل + an indefinite noun) takes its genitive with it.
   */
  private afterShortAddressee(k: number, to: number): number {
    const w = this.bare[k] as string;
    if (!/^ل/.test(w)) return -1;
    const next = this.tokens[k + 1];
    // لـ«عكاظ»: the ل stands alone before a quoted outlet name
    if (next?.kind === "quote") {
      let j = k + 2;
      while (j < to && j - k < 6 && this.tokens[j]?.kind !== "quote") j++;
      return j < to ? j + 1 : -1;
    }
    if (w.length <= 3) return -1;
    let j = k + 1;
    // a name behind the ل runs on over the tokens it covers (للرئيس التركي)
    while (j < to && this.isNamed(j) && this.isNamed(j - 1) && !this.nameLead[j]) j++;
    if (w.startsWith("لل") || this.isNamed(k)) return j;
    // لراديو، لوكالة: the genitive after it, up to three words or a parenthesis
    for (let g = 0; j < to && g < 3; g++) {
      const t = this.tokens[j] as Token;
      if (t.kind === "punct" && t.text === "(") {
        while (j < to && (this.tokens[j] as Token).text !== ")") j++;
        j++;
        continue;
      }
      if (t.kind !== "word" && t.kind !== "latin") break;
      if (!(this.bare[j] as string).startsWith("ال") && !this.isNamed(j)) break;
      j++;
    }
    return j;
  }

  /**
   * The subject of an SVO clause ending at the verb at i: the words between the clause's opener
   * (the sentence's start, كان, أما, أن after غير/إلا/كما, a comma) and the verb. A verb with a
   * conjunction of its own (وقال) opens its clause, except ف after أما (أما الحزب فقد أكد).
   */
  subjectBefore(i: number): { start: number; opener: SubjectOpener } | undefined {
    const first = this.sentenceStart(i);
    const conjoined = /^[وف]/.test(this.norms[i] as string) && this.bare[i] !== this.norms[i];
    let k = i - 1;
    // قد / لقد / فقد right before the verb
    while (k >= first && VERB_PARTICLES.has(this.norms[k] as string)) k--;
    const end = k + 1;
    const particle = this.norms[end] ?? "";
    let start = -1;
    let opener: SubjectOpener = "plain";
    // the first comma back ends a plain subject; كان or أما further back (past a name's
    // description between commas: وكان سفيان السليطي، مساعد وكيل الجمهورية، أفاد) still opens it
    let comma = -1;
    for (; k >= first && i - k <= KANA_WINDOW; k--) {
      const t = this.tokens[k] as Token;
      if (t.kind === "quote") return undefined;
      if (t.kind === "punct") {
        if (!this.isComma(k)) break;
        if (comma < 0) comma = k;
        continue;
      }
      if (comma < 0 && i - k > SVO_WINDOW) break;
      const w = this.norms[k] as string;
      if (KANA.has(w)) {
        // عما إذا كان المهاجم معروفا ... قالت: the كان of a subordinate clause
        if (SUBORDINATORS.has(this.norms[k - 1] ?? "")) return undefined;
        start = k + 1;
        opener = "kana";
        break;
      }
      if (w === "اما" || w === "واما") {
        start = k + 1;
        opener = "amma";
        break;
      }
      if (COMPLEMENTIZERS.has(w)) {
        start = k + 1;
        opener = "anna";
        break;
      }
      // عما إذا كان المهاجم معروفا ... قالت: a subordinate clause, not this verb's subject
      if (SUBORDINATORS.has(w)) return undefined;
      // فيما تابعت، لكنه أضاف: a conjunction opens the verb's own clause
      if (CLAUSE_CONJUNCTIONS.has(w)) {
        start = k + 1;
        break;
      }
      if (this.isVerb(k)) {
        if (comma >= 0) break;
        return undefined;
      }
    }
    if (start < 0 && comma >= 0) k = comma;
    // a conjoined verb has its subject before it only after أما (فقال، فقد أكد)
    if (conjoined && opener !== "amma") return undefined;
    if (!conjoined && /^ف/.test(particle) && opener !== "amma") return undefined;
    if (start < 0) start = k + 1;
    start = this.skipAdverbials(start, end);
    return start < end && this.isWord(start) && !this.opensAdjunct(start)
      ? { start, opener }
      : undefined;
  }

  /**
   * The main clause of token i's sentence: its first verb and where that verb's subject starts
   * (-1 when not expressed). Leading adverbials and comma-closed adjuncts are skipped
   * (ومن جهته، أكد ...; وفي بيان لها، قالت ...).
   */
  mainClause(i: number): MainClause | undefined {
    const sentence = this.sentenceOf[i] as number;
    if (!this.mainClauses.has(sentence)) this.mainClauses.set(sentence, this.findMainClause(i));
    return this.mainClauses.get(sentence);
  }

  private findMainClause(i: number): MainClause | undefined {
    const first = this.sentenceStart(i);
    const stop = this.sentenceStop(i);
    let k = this.skipAdverbials(first, stop);
    if (this.opensAdjunct(k)) {
      let c = k;
      while (c < stop && !this.isComma(c)) c++;
      if (c >= stop || c - k > 8) return undefined;
      k = this.skipAdverbials(c + 1, stop);
    }
    const w = this.norms[k] as string | undefined;
    if (w === undefined) return undefined;
    if (KANA.has(w) || w === "اما" || w === "واما") {
      // كان X قد فعل / أما X فقد فعل: the verb follows the subject
      for (let v = k + 2; v < stop && v - k <= KANA_WINDOW; v++) {
        if (this.tokens[v]?.kind === "punct" && !this.isComma(v)) break;
        if (VERB_PARTICLES.has(this.norms[v] as string) || this.isVerb(v)) {
          let verb = v;
          while (verb < stop && VERB_PARTICLES.has(this.norms[verb] as string)) verb++;
          return { verb, subject: this.skipAdverbials(k + 1, v) };
        }
      }
      return undefined;
    }
    if (VERB_PARTICLES.has(w) && w !== "ما" && w !== "لا") k++;
    if (this.isVerb(k)) return { verb: k, subject: this.subjectAfter(k, stop) };
    // SVO: a noun phrase, then its verb (الرئيس اليمني عبدربه منصور هادي رحب بالهدنة)
    for (let v = k + 1; v < stop && v - k <= SVO_WINDOW; v++) {
      const t = this.tokens[v] as Token;
      if (t.kind === "quote" || (t.kind === "punct" && !this.isComma(v))) break;
      if (this.isVerb(v)) {
        const before = this.subjectBefore(v);
        return before?.start === k ? { verb: v, subject: k } : undefined;
      }
    }
    return undefined;
  }
}

/** A normalised word without its leading conjunction و/ف, where the rest is the commoner word. */
export function stripConjunction(norm: string): string {
  if (norm.length < 3 || (norm[0] !== "و" && norm[0] !== "ف")) return norm;
  let bare = withoutConjunction.get(norm);
  if (bare === undefined) {
    const rest = norm.slice(1);
    bare = KANA.has(norm) || wordCount(rest) >= wordCount(norm) ? rest : norm;
    if (withoutConjunction.size >= 100_000) withoutConjunction.clear();
    withoutConjunction.set(norm, bare);
  }
  return bare;
}

/** stripConjunction's answers per word (the lexicon lookups add up over an article). */
const withoutConjunction = new Map<string, string>();

/** Tokens covered by a span, and tokens where a span starts after the token's first letter. */
function markSpans(tokens: readonly Token[], spans: readonly Span[]): [Uint8Array, Uint8Array] {
  const covered = new Uint8Array(tokens.length);
  const lead = new Uint8Array(tokens.length);
  if (spans.length === 0) return [covered, lead];
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    while (s < sorted.length && (sorted[s] as Span).end <= t.start) s++;
    for (let k = s; k < sorted.length && (sorted[k] as Span).start < t.end; k++) {
      const span = sorted[k] as Span;
      if (span.end > t.start) {
        covered[i] = 1;
        if (span.start > t.start) lead[i] = 1;
        break;
      }
    }
  }
  return [covered, lead];
}

/**
 * Whether a word is a noun behind a fused preposition (بحضور، لوكالة، للصحفيين), not a word that
 * merely begins with ب or ل (بيان، لجنة): the rest takes the article, or is the commoner form.
 */
export function hasFusedPreposition(word: string): boolean {
  if (!/^[بلك]/.test(word) || word === "باسم") return false;
  if (word.startsWith("لل")) return word.length > 4;
  const rest = word.slice(1);
  if (rest.length < 3) return false;
  return wordCount(`ال${rest}`) >= 3 || wordCount(rest) >= wordCount(word);
}
