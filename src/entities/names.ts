/**
 * People the tagger missed, found where news always names someone: right after a title or rank
 * (قالت المحللة في مصرف «سيتي غروب» هيلين كيلي، المحامية نجلاء الفضلي) or right before one
 * (قالت آمنة القلالي ممثلة هيومن رايتس ووتش). The name itself must look like one: a known first
 * name (Wikidata's person-name tokens) and a second word that is a known family name, a nisba
 * (القلالي), another first name, or a word the corpus hardly knows.
 */
import type { Token } from "../analysis.js";
import { personNameToken } from "../ner/index.js";
import { FUNCTION_WORDS, isVerbForm } from "../syntax/index.js";
import { normalizeArabic, wordCount } from "../text/index.js";
import { tokenBase } from "./forms.js";
import { RANKS, roleNoun } from "./roles.js";

/** Offsets of a name found beside a title. */
export interface NameSpan {
  start: number;
  end: number;
}

/** How far back (in tokens) a title may start before the name it describes. */
const TITLE_REACH = 14;
/** A word seen fewer times than this in the corpus is more likely a name than a noun. */
const RARE = 30;
/** A nisba seen fewer times than this is a family name (العتيبي), more an adjective (الدولي). */
const NISBA_RARE = 150;

/** Names beside titles in a text's tokens, not overlapping `taken` (offsets already named). */
export function namesBesideTitles(
  tokens: readonly Token[],
  taken: (at: number) => boolean,
  person: (at: number) => boolean = () => false,
): NameSpan[] {
  const out: NameSpan[] = [];
  // each token's forms, worked out once (the title search looks back over the same tokens)
  const norms: (string | undefined)[] = new Array(tokens.length);
  const bases: (string | undefined)[] = new Array(tokens.length);
  const norm = (i: number) => {
    let n = norms[i];
    if (n === undefined) {
      const t = tokens[i];
      n = t?.kind === "word" ? (t.norm ?? normalizeArabic(t.text)) : "";
      if (i >= 0 && i < tokens.length) norms[i] = n;
    }
    return n;
  };
  const base = (i: number) => {
    let b = bases[i];
    if (b === undefined) {
      const t = tokens[i];
      b = t?.kind === "word" ? tokenBase(t).norm : "";
      if (i >= 0 && i < tokens.length) bases[i] = b;
    }
    return b;
  };
  const adjacent = (i: number) =>
    i > 0 && (tokens[i - 1] as Token).end + 1 >= (tokens[i] as Token).start;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]?.kind !== "word" || taken((tokens[i] as Token).start)) continue;
    const name = personNameToken(norm(i));
    // a first name, or a father's name (Wikidata has فهد، فيصل mostly second), and not a verb
    // unless a common name (أحمد looks like a verb, أدى is one)
    const given =
      name.first > 0 ? name.first : name.family > 0 && !norm(i).startsWith("ال") ? 1 : 0;
    if (given === 0 || (given < 3 && isVerbForm(norm(i)))) continue;
    if (given === 3 && isVerbForm(norm(i)) && name.family === 0 && wordCount(norm(i)) > 2000)
      continue;
    const n = nameLength(i);
    if (n === 0) continue;
    const last = i + n - 1;
    if (!titleBefore(i) && !titleAfter(last + 1)) continue;
    out.push({ start: (tokens[i] as Token).start, end: (tokens[last] as Token).end });
    i = last;
  }
  return out;

  /** Words of the name starting at token i (2 or 3), or 0 when the next words do not fit. */
  function nameLength(i: number): number {
    let n = 1;
    while (n < 3) {
      const k = i + n;
      if (tokens[k]?.kind !== "word" || !adjacent(k)) break;
      // a surname the tagger took alone (الدكتور سليمان [الفالح]) joins the first name
      const at = (tokens[k] as Token).start;
      if (taken(at) && !person(at)) break;
      if (!person(at) && !familyLike(norm(k))) break;
      n++;
    }
    return n >= 2 ? n : 0;
  }

  function familyLike(w: string): boolean {
    if (RANKS.has(w) || roleNoun(w)) return false;
    const name = personNameToken(w);
    if (name.nationality) return false;
    if (name.family > 0 || name.first > 0) return true;
    // not a verb (ترامب يدلي) or an adverbial accusative (ترامب تحذيرا)
    if (isVerbForm(w) || (w.length >= 5 && w.endsWith("ا"))) return false;
    // a nisba used as a family name (القلالي، الفضلي), not a common adjective (الدولي)
    if (/^ال..+ي$/.test(w)) return wordCount(w) < NISBA_RARE;
    // a definite word the corpus has never seen is a family name (البكران), not a noun
    return w.startsWith("ال")
      ? wordCount(w) === 0 && wordCount(w.slice(2)) === 0
      : wordCount(w) < RARE;
  }

  /**
   * A title or rank ends right before token i: a role noun back along words a description is
   * made of (nouns, adjectives, prepositions, names in marks or brackets), no verb or particle.
   */
  function titleBefore(i: number): boolean {
    if (i > 0 && RANKS.has(base(i - 1))) return true;
    let quoted = false;
    for (let k = i - 1, steps = 0; k >= 0 && steps < TITLE_REACH; k--, steps++) {
      const t = tokens[k] as Token;
      if (t.kind === "quote") {
        quoted = !quoted;
        continue;
      }
      if (quoted) continue;
      if (t.kind === "punct" && !/[()]/.test(t.text)) return false;
      if (t.kind !== "word") continue;
      if (roleNoun(base(k))) return true;
      const w = norm(k);
      if (FUNCTION_WORDS.has(w) || isVerbForm(w.replace(/^[وف](?=...)/, ""))) return false;
    }
    return false;
  }

  /** A title starts at token k: a role noun, or a comma and one. */
  function titleAfter(k: number): boolean {
    const t = tokens[k];
    if (t?.kind === "punct" && (t.text === "،" || t.text === ",")) return !!roleNoun(base(k + 1));
    return t?.kind === "word" && roleNoun(base(k)) !== undefined;
  }
}
