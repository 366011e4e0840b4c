/**
 * The forms of words that entity matching compares: a word without its proclitics and
 * enclitics, with an elided article restored (للصين → الصين, وبوتين → بوتين), normalised the way
 * the knowledge base keys its names.
 */
import type { Token } from "../analysis.js";
import { mentionCore, normalizeArabic, segmentWord } from "../text/index.js";
import type { KnowledgeBase, TokenMatch } from "./kb.js";

export interface WordBase {
  /** The base form: article (if any) + stem, normalised. */
  norm: string;
  /** Where a mention of the word starts, relative to the word (after و، ب...; see mentionCore). */
  start: number;
}

const CACHE_LIMIT = 100_000;
const cache = new Map<string, WordBase>();

/** The base form of one word token's text. */
export function wordBase(word: string): WordBase {
  let base = cache.get(word);
  if (base) return base;
  let article = "";
  let stem = "";
  for (const segment of segmentWord(word)) {
    if (segment.role === "article") article = "ال";
    else if (segment.role === "stem") stem += segment.norm ?? normalizeArabic(segment.text);
  }
  base = { norm: stem ? article + stem : normalizeArabic(word), start: mentionCore(word).start };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, base);
  return base;
}

/** The token's base form; tokens that are not Arabic words keep their normalised text. */
export function tokenBase(token: Token): WordBase {
  if (token.kind === "word") return wordBase(token.text);
  return { norm: token.norm ?? normalizeArabic(token.text), start: 0 };
}

/** The token's normalised text, clitics and all. */
export function tokenNorm(token: Token): string {
  return token.norm ?? normalizeArabic(token.text);
}

/**
 * The forms a name is matched on, token by token: `base` (clitics off) for a name's first
 * word, `raw` for the words after it, where a clitic belongs to the name (للشطرنج in
 * الجامعة التونسية للشطرنج).
 */
export interface SentenceForms {
  raw: string[];
  base: string[];
}

export function sentenceForms(tokens: readonly Token[]): SentenceForms {
  return { raw: tokens.map(tokenNorm), base: tokens.map((t) => tokenBase(t).norm) };
}

/** The name key of tokens [i, j): the first token's base form, then the others' raw forms. */
export function nameKeyAt(forms: SentenceForms, i: number, j: number): string[] {
  if (j <= i) return [];
  return [forms.base[i] as string, ...forms.raw.slice(i + 1, j)];
}

/** Whether a token can be part of a name (words, Latin words and numbers; not punctuation). */
export function isNameToken(token: Token): boolean {
  return token.kind === "word" || token.kind === "latin" || token.kind === "number";
}

/**
 * The longest KB name at token i, its first word taken with or without its clitics. When the
 * clitic segmenter kept a rare place name whole (بسوسة، وبالكنايس), a place is also tried
 * without one or two leading prepositions or conjunctions.
 */
export function longestNameAt(
  forms: SentenceForms,
  i: number,
  kb: KnowledgeBase,
): TokenMatch | undefined {
  const raw = forms.raw[i] as string;
  const base = forms.base[i] as string;
  const stripped = kb.matchAt(forms.raw, i, base);
  const whole = base === raw ? undefined : kb.matchAt(forms.raw, i);
  const best = !whole ? stripped : stripped && stripped.end >= whole.end ? stripped : whole;
  if (best || base !== raw) return best;
  const bare = /^(?:[وف]?[بلك]|[وف])(.{3,})$/.exec(raw)?.[1];
  const place = bare ? kb.matchAt(forms.raw, i, bare) : undefined;
  return place?.ids.some((id) => PLACE_KINDS.has(kb.get(id)?.kind ?? "")) ? place : undefined;
}

const PLACE_KINDS = new Set(["country", "capital", "city", "region"]);
