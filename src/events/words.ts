/**
 * What a word is as an event trigger: the lexicon's verbs in the forms news writes them (past and
 * present, every person news uses, with the future س and the conjunctions و/ف before them, an
 * object pronoun after), and its verbal nouns with the article, a preposition or a possessive.
 * Forms are derived by regular rules from the two citation forms; the few irregular ones (the
 * weak verbs دعا، اعتدى، التقى) follow from their last letter.
 */
import { normalizeArabic } from "../text/index.js";
import { LIGHT_VERBS, TRIGGERS, type TriggerEntry } from "./lexicon.js";

export type WordClass = "past" | "present" | "passive" | "participle" | "noun";

export interface TriggerWord {
  entry: TriggerEntry;
  cls: WordClass;
  /** Written with the future prefix س (سيزور) or the ل of purpose (ليزور). */
  future: boolean;
  /** A plural or dual verb form (قالوا، يتظاهرون). */
  plural: boolean;
  /** The noun carries a possessive pronoun (زيارته) or the verb an object pronoun (هنأه). */
  pronoun: boolean;
  /** The noun has the article (الهجوم): a known, often earlier, event. */
  definite: boolean;
}

const PRONOUNS = ["هما", "هم", "هن", "ها", "ه", "كم", "نا"];

interface Form {
  entry: TriggerEntry;
  cls: WordClass;
  plural: boolean;
}

const verbForms = new Map<string, Form[]>();
const nounForms = new Map<string, Form[]>();
const lightForms = new Map<string, { cls: WordClass; plural: boolean }>();

function put(table: Map<string, Form[]>, word: string, form: Form): void {
  const key = normalizeArabic(word);
  const list = table.get(key);
  if (!list) table.set(key, [form]);
  // one entry may spell two classes alike (قتل: past and passive): both are kept
  else if (!list.some((f) => f.entry === form.entry && f.cls === form.cls)) list.push(form);
}

/**
 * The inflected forms of a verb from its past and present 3ms: [form, class, plural], normalised.
 * The forms are built on the written verb, so that a final hamza (هنأ، يهنئ) stays a strong
 * letter; only a final ا/ى (دعا، اعتدى) or ي/و of the present (يلتقي، يدعو) is weak.
 */
function conjugate(past: string, present: string): [string, WordClass, boolean][] {
  const raw: [string, WordClass, boolean][] = [];
  const weakPast = /[اى]$/.test(past);
  const pastStem = weakPast ? past.slice(0, -1) : past;
  raw.push([past, "past", false]);
  raw.push([`${pastStem}ت`, "past", false]);
  raw.push([weakPast ? `${pastStem}وا` : `${past}وا`, "past", true]);
  raw.push([weakPast ? `${pastStem}يا` : `${past}ا`, "past", true]);
  raw.push([weakPast ? `${pastStem}تا` : `${past}تا`, "past", true]);
  if (!weakPast) raw.push([`${past}ن`, "past", true]);
  if (present) {
    const weakPresent = /[يو]$/.test(present);
    const presentStem = weakPresent ? present.slice(0, -1) : present;
    const rest = present.slice(1);
    const restStem = presentStem.slice(1);
    // third person only: a speaker's own "we support" (ندعم) is a stance in a quotation, not an
    // event the article reports
    for (const prefix of ["ي", "ت"]) {
      raw.push([prefix + rest, "present", false]);
      raw.push([`${prefix}${restStem}ون`, "present", true]);
      raw.push([`${prefix}${restStem}وا`, "present", true]);
      // the dual keeps a weak letter (يلتقيان، يدعوان)
      raw.push([`${prefix}${rest}ان`, "present", true]);
      if (!weakPresent) raw.push([`${prefix}${restStem}ا`, "present", true]);
    }
    if (weakPresent) {
      raw.push([`ي${restStem}ن`, "present", true]);
      // the jussive after لم drops the weak letter: لم يلتق، لم يدع
      for (const prefix of ["ي", "ت"]) raw.push([`${prefix}${restStem}`, "present", false]);
    }
  }
  return raw.map(([form, cls, plural]) => [normalizeArabic(form), cls, plural]);
}

/** Function words some verb forms collide with once normalised (هنأ/هنا، بدأ/بدا). */
const NOT_VERBS = new Set(["هنا", "بدا", "بدت"]);

for (const entry of TRIGGERS) {
  for (const pair of entry.verbs ?? []) {
    const [past, present, participle] = pair.split("|") as [string, string, string?];
    for (const [form, cls, plural] of conjugate(past, present))
      put(verbForms, form, { entry, cls, plural });
    if (participle) {
      // مطالبا، مطالبين: masculine and plural (the feminine of many is a noun: داعية "preacher")
      const stem = participle.slice(0, -1);
      for (const [form, plural] of [
        [participle, false],
        [`${stem}ين`, true],
      ] as const)
        put(verbForms, form, { entry, cls: "participle", plural });
    }
  }
  for (const passive of entry.passives ?? []) {
    for (const [form, cls, plural] of conjugate(passive, "")) {
      if (cls === "past") put(verbForms, form, { entry, cls: "passive", plural });
    }
  }
  for (const list of entry.nouns ?? []) {
    for (const noun of list.split(" ")) put(nounForms, noun, { entry, cls: "noun", plural: false });
  }
}
for (const pair of LIGHT_VERBS) {
  const [past, present] = pair.split("|") as [string, string];
  for (const [form, cls, plural] of conjugate(past, present)) {
    const key = normalizeArabic(form);
    if (!lightForms.has(key)) lightForms.set(key, { cls, plural });
  }
}

/** The conjunction و/ف a word starts with, when the rest is still a word of 3+ letters. */
function withoutConjunction(norm: string): string | undefined {
  const c = norm.charCodeAt(0);
  return (c === 0x0648 || c === 0x0641) && norm.length > 3 ? norm.slice(1) : undefined;
}

/** Every trigger reading of a normalised word (several where it is ambiguous: قتل). */
export function triggerReadings(norm: string): TriggerWord[] {
  let found = cache.get(norm);
  if (found === undefined) {
    found = readings(norm);
    if (cache.size > 200_000) cache.clear();
    cache.set(norm, found);
  }
  return found;
}

const cache = new Map<string, TriggerWord[]>();

function readings(norm: string): TriggerWord[] {
  const out: TriggerWord[] = [];
  const bases = [norm];
  const bare = withoutConjunction(norm);
  if (bare) bases.push(bare);
  for (const base of bases) {
    verbReadings(base, out);
    nounReadings(base, out);
    if (out.length) break;
  }
  return out;
}

function addVerb(word: string, future: boolean, pronoun: boolean, out: TriggerWord[]): boolean {
  // a bare form that is also a common function word (هنأ → هنا "here") is read as that word;
  // with an object pronoun (هنأه) it is the verb
  if (!pronoun && NOT_VERBS.has(word)) return false;
  const forms = verbForms.get(word);
  if (!forms) return false;
  for (const f of forms) {
    if (future && f.cls !== "present") continue;
    out.push({ entry: f.entry, cls: f.cls, future, plural: f.plural, pronoun, definite: false });
  }
  return out.length > 0;
}

function verbReadings(word: string, out: TriggerWord[]): void {
  const variants: [string, boolean][] = [[word, false]];
  // سيزور، سنلتقي، ليزور: the future prefix or the ل of purpose before a present
  if (/^[سل][يتنا]/.test(word) && word.length > 4) variants.push([word.slice(1), true]);
  for (const [w, future] of variants) {
    if (addVerb(w, future, false, out)) return;
    for (const pronoun of PRONOUNS) {
      if (w.endsWith(pronoun) && w.length - pronoun.length >= 3) {
        // هنأه، التقاه (ى → ا before a pronoun), دعاهم
        const stem = w.slice(0, -pronoun.length);
        if (addVerb(stem, future, true, out)) return;
        if (stem.endsWith("ا") && addVerb(`${stem.slice(0, -1)}ي`, future, true, out)) return;
      }
    }
  }
}

function addNoun(word: string, definite: boolean, pronoun: boolean, out: TriggerWord[]): boolean {
  const forms = nounForms.get(word);
  if (!forms) return false;
  for (const f of forms) {
    out.push({ entry: f.entry, cls: "noun", future: false, plural: false, pronoun, definite });
  }
  return true;
}

function nounReadings(word: string, out: TriggerWord[]): void {
  const variants: [string, boolean][] = [[word, false]];
  // بالهجوم، للهجوم، كالهجوم، الهجوم، بهجوم، لهجوم
  if (word.startsWith("ال")) variants.push([word.slice(2), true]);
  if (/^[بلك]ال/.test(word)) variants.push([word.slice(3), true]);
  if (word.startsWith("لل")) variants.push([word.slice(2), true]);
  if (/^[بلك]/.test(word)) variants.push([word.slice(1), false]);
  for (const [w, definite] of variants) {
    if (w.length < 3) continue;
    if (addNoun(w, definite, false, out)) return;
    // indefinite accusative: هجوما، اعتداء (already), تظاهرة → تظاهرات
    if (w.endsWith("ا") && addNoun(w.slice(0, -1), definite, false, out)) return;
    if (definite) continue;
    for (const pronoun of PRONOUNS) {
      if (!w.endsWith(pronoun) || w.length - pronoun.length < 3) continue;
      // زيارته (ة → ت before a pronoun), رفضه، دعوتهم
      const stem = w.slice(0, -pronoun.length);
      if (addNoun(stem, true, true, out)) return;
      if (stem.endsWith("ت") && addNoun(`${stem.slice(0, -1)}ه`, true, true, out)) return;
    }
  }
}

/** Whether a word is a light verb (شن، نفذ، أعرب عن) and in which form. */
export function lightVerb(
  norm: string,
): { cls: WordClass; plural: boolean; future: boolean } | undefined {
  for (const w of [norm, withoutConjunction(norm)]) {
    if (!w || NOT_VERBS.has(w)) continue;
    const f = lightForms.get(w);
    if (f) return { ...f, future: false };
    if (/^[سل][يتنا]/.test(w)) {
      const g = lightForms.get(w.slice(1));
      if (g?.cls === "present") return { ...g, future: true };
    }
  }
  return undefined;
}
