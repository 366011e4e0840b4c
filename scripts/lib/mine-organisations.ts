/**
 * Organisation names mined from the unlabelled corpora (ANT news and the Wikipedia subset): an
 * indefinite head noun that names a kind of body (حزب، حركة، جبهة، مجلس، هيئة، قوات…) in construct
 * with the words that say which one (حزب نداء تونس، هيئة الأركان، مجلس الشورى، اللجان الشعبية is
 * found by the pattern rules instead). A name is the longest such word sequence that recurs: it is
 * kept when it occurs at least `minCount` times, no longer sequence takes most of its
 * occurrences (then that one is the name, and this a fragment of it), its last word makes it
 * definite, its first qualifier is mostly found in it, and it is now and then the subject of a
 * reporting verb.
 */

import { GENERIC_MODIFIERS } from "../../src/entities/patterns.js";
import { cueOf } from "../../src/quotes/index.js";
import {
  FUNCTION_WORDS,
  PREPOSITIONS,
  TIME_WORDS,
  VERB_PARTICLES,
} from "../../src/syntax/index.js";
import { normalizeArabic, tokenize } from "../../src/text/index.js";
import { readParagraphs } from "./corpus.js";

/** Head nouns (bare, as they stand in construct) and the kind of body each names. */
export const MINED_HEADS: Readonly<Record<string, string>> = {
  حزب: "party",
  حركة: "movement",
  جبهة: "movement",
  تيار: "movement",
  ائتلاف: "party",
  تحالف: "party",
  مجلس: "government-body",
  هيئة: "government-body",
  قوات: "military",
  جيش: "military",
  كتائب: "armed-group",
  سرايا: "armed-group",
  ألوية: "armed-group",
  لواء: "armed-group",
  جماعة: "movement",
  منظمة: "other",
  اتحاد: "other",
};

export interface MinedName {
  /** The share of its first qualifier's occurrences that are in this name. */
  share: number;
  /** The name as it is most often written (the first word is the head, without clitics). */
  name: string;
  kind: string;
  count: number;
}

const MAX_WORDS = 4;
/**
 * The share of its first qualifier's occurrences a name must account for: a name's words live in
 * the name (الشورى in مجلس الشورى), a description's are ordinary words found everywhere (المرور in
 * حركة المرور, الإدارة in مجلس الإدارة).
 */
const OWN_WORD_SHARE = 0.12;
const MIN_SPEAKS = 2;

export async function mineOrganisations(minCount: number): Promise<MinedName[]> {
  const heads = new Map(Object.keys(MINED_HEADS).map((h) => [normalizeArabic(h), h]));
  const stop = new Set([
    ...FUNCTION_WORDS,
    ...PREPOSITIONS,
    ...TIME_WORDS,
    ...VERB_PARTICLES,
    ...GENERIC_MODIFIERS,
  ]);
  // counts of every head + 1..MAX_WORDS-1 words, keyed by normalised words; the most frequent
  // surface form of each
  const counts = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();
  // how often each candidate is the subject of a reporting verb just before it (أعلنت حركة…)
  const speaks = new Map<string, number>();
  // every word's count, to tell proper nouns (تونس: never with the article) from common ones
  const words = new Map<string, number>();
  await readParagraphs((text) => {
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t?.kind !== "word") continue;
      const norm = t.norm ?? normalizeArabic(t.text);
      words.set(norm, (words.get(norm) ?? 0) + 1);
      // a head with at most one proclitic (وحزب، لحزب، بحركة)
      const bare = heads.has(norm)
        ? norm
        : heads.has(norm.slice(1)) && /^[وفبلك]/.test(norm)
          ? norm.slice(1)
          : undefined;
      if (bare === undefined) continue;
      const before = tokens[i - 1];
      const reported =
        before?.kind === "word" &&
        cueOf(before.norm ?? normalizeArabic(before.text))?.kind === "verb";
      const name = [bare];
      const shown = [heads.get(bare) as string];
      for (let k = i + 1; k < tokens.length && name.length < MAX_WORDS; k++) {
        const w = tokens[k];
        if (w?.kind !== "word" || !/^[\u0621-\u064a]+$/.test(w.norm ?? "")) break;
        if (!/^\s*$/.test(text.slice((tokens[k - 1] as { end: number }).end, w.start))) break;
        const wn = w.norm as string;
        if (stop.has(wn) || wn.length < 2) break;
        name.push(wn);
        shown.push(w.text);
        const key = name.join(" ");
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (reported) speaks.set(key, (speaks.get(key) ?? 0) + 1);
        let forms = surfaces.get(key);
        if (!forms) {
          forms = new Map();
          surfaces.set(key, forms);
        }
        const surface = shown.join(" ");
        forms.set(surface, (forms.get(surface) ?? 0) + 1);
      }
    }
  });
  /**
   * A construct phrase is definite, and so can be a name, when its last word is: it has the
   * article (مجلس الشورى) or is a proper noun, a word the corpus never writes with the article
   * (حزب نداء تونس). مجلس إدارة، حزب سياسي، جيش كبير are indefinite: descriptions, not names.
   */
  const definite = (word: string) =>
    word.startsWith("ال") ||
    ((words.get(word) ?? 0) >= 10 && (words.get(`ال${word}`) ?? 0) < 0.02 * (words.get(word) ?? 0));
  const longestExtension = new Map<string, number>();
  for (const [key, count] of counts) {
    const prefix = key.slice(0, key.lastIndexOf(" "));
    if (count > (longestExtension.get(prefix) ?? 0)) longestExtension.set(prefix, count);
  }
  const out: MinedName[] = [];
  for (const [key, count] of counts) {
    if (count < minCount || !definite(key.slice(key.lastIndexOf(" ") + 1))) continue;
    // a longer name that takes most of these occurrences is the name (a longer sequence never
    // occurs more often than its one-word-longer prefix, so the direct extensions decide)
    const extended = (longestExtension.get(key) ?? 0) >= 0.5 * count;
    const qualifier = key.split(" ")[1] as string;
    const share = count / (words.get(qualifier) ?? count);
    // a body speaks: a name is the subject of a reporting verb now and then (أعلن مجلس الشورى);
    // motion and staff do not (حركة المرور، هيئة التدريس)
    if (extended || share < OWN_WORD_SHARE || (speaks.get(key) ?? 0) < MIN_SPEAKS) continue;
    const forms = [...(surfaces.get(key) as Map<string, number>)].sort(
      (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
    );
    const head = key.split(" ")[0] as string;
    out.push({
      share,
      name: (forms[0] as [string, number])[0],
      kind: MINED_HEADS[heads.get(head) as string] as string,
      count,
    });
  }
  return out.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const mined = await mineOrganisations(Number(process.argv[2] ?? 30));
  for (const m of mined) console.log(m.count, m.share.toFixed(2), m.kind, m.name);
  console.log(mined.length);
}
