/**
 * From recognised names to referents. The NER mentions are joined by what the knowledge base
 * finds in the text (names the tagger missed, longer names it cut short: مجلس الأمن → مجلس الأمن
 * الروسي) and by titles that name an office holder on the article's date (الرئيس الروسي); bare
 * nationality adjectives are dropped. Each mention is linked to a KB entry where one fits its
 * type and the date; then mentions of one referent are merged: same KB entry, same name, or a
 * short form of a longer name in the document (بوتين ↔ فلاديمير بوتين, شي ↔ شي جين بينغ).
 */
import type { Doc, Entity, EntityType, Mention, Token } from "../analysis.js";
import { TIME_WORDS } from "../syntax/index.js";
import { normalizeArabic } from "../text/index.js";
import {
  isNameToken,
  longestNameAt,
  nameKeyAt,
  type SentenceForms,
  sentenceForms,
  tokenBase,
} from "./forms.js";
import { type KbEntry, type KnowledgeBase, lowerBound, type TokenMatch, upperBound } from "./kb.js";
import { namesBesideTitles } from "./names.js";
import { disagreeingAdjective, organisationNames, quotedNames } from "./patterns.js";
import { roleNoun } from "./roles.js";
import { findTitles, titleHolders } from "./titles.js";

/** A mention on its way to an entity. */
interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  confidence: number;
  /** Base forms of its name tokens (see forms.ts). */
  key: string[];
  source: "ner" | "kb" | "title" | "pattern";
  /** KB entries that fit, best first (from the KB match or a lookup). */
  entries: KbEntry[];
  /** The entry chosen. */
  link?: KbEntry;
}

export interface ResolveOptions {
  kb: KnowledgeBase;
  /** The article's date (YYYY-MM-DD), for offices; without one, titles are not resolved. */
  date?: string | undefined;
}

/** Confidence of mentions found by the KB alone or through a title. */
const KB_CONFIDENCE = 0.8;
const TITLE_CONFIDENCE = 0.75;
const PATTERN_CONFIDENCE = 0.6;
const NAME_PATTERN_CONFIDENCE = 0.55;

export function resolveEntities(doc: Doc, recognized: Entity[], options: ResolveOptions): Entity[] {
  const { kb } = options;
  const tokens = nameTokensOf(doc);
  const forms = tokens.map((sentence) => sentenceForms(sentence));
  const flat = tokens.flat();
  const flatForms = { raw: forms.flatMap((f) => f.raw), base: forms.flatMap((f) => f.base) };
  const spanKey = (start: number, end: number) => keyOf(flat, flatForms, start, end);

  let candidates: Candidate[] = [];
  for (const entity of recognized) {
    for (const m of entity.mentions) {
      const start = entity.type === "PER" ? afterRank(flat, flatForms, m.start, m.end) : m.start;
      const end = withoutTrailingWords(flat, flatForms, start, m.end, entity.type);
      if (end <= start) continue;
      candidates.push({
        start,
        end,
        type: entity.type,
        confidence: m.confidence,
        key: spanKey(start, end),
        source: "ner",
        entries: [],
      });
    }
  }
  const places = kbMatches(tokens, forms, kb);
  const home = homeCountry(doc, places, kb);
  const found = [
    ...places,
    ...titleMatches(tokens, forms, options, home),
    ...patternMatches(doc, tokens, forms, spanKey, candidates),
  ];
  candidates = mergeFound(candidates, found);
  candidates = candidates.filter((c) => !isAdjective(c, kb) && !isBareRole(c, kb));
  link(candidates, kb, options.date);
  return toEntities(doc.text, cluster(candidates));
}

/** The document's name tokens (words, Latin words, numbers), sentence by sentence. */
function nameTokensOf(doc: Doc): Token[][] {
  const out: Token[][] = [];
  let k = 0;
  for (const sentence of doc.sentences) {
    const list: Token[] = [];
    while (k < doc.tokens.length && (doc.tokens[k] as Token).start < sentence.start) k++;
    while (k < doc.tokens.length && (doc.tokens[k] as Token).end <= sentence.end) {
      const t = doc.tokens[k] as Token;
      if (isNameToken(t)) list.push(t);
      k++;
    }
    out.push(list);
  }
  return out;
}

/** The index of the first token (in text order) that ends after offset `at`. */
function firstTokenAfter(tokens: Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The name key (see nameKeyAt) of the name tokens inside [start, end), tokens in text order. */
function keyOf(tokens: Token[], forms: SentenceForms, start: number, end: number): string[] {
  const lo = firstTokenAfter(tokens, start);
  let j = lo;
  while (j < tokens.length && (tokens[j] as Token).start < end) j++;
  return nameKeyAt(forms, lo, j);
}

/** Ranks and honorifics the tagger sometimes takes into a name (المقدم الوسلاتي). */
const RANKS = new Set(
  (
    "المقدم العقيد العميد اللواء الفريق الجنرال الرائد النقيب الملازم السيد السيده الدكتور " +
    "الدكتوره الشيخ الاستاذ الاستاذه المهندس الحاج القاضي المحامي"
  ).split(" "),
);

/** Particles no name ends with: a span that runs into them (أحمد فقد أعرب) ends before them. */
const TRAILING_PARTICLES = new Set(
  "قد فقد وقد لقد ان فان بان انه انها الذي التي الذين في من علي الي عن مع ثم او".split(" "),
);

/**
 * A mention's end without the words the tagger ran into: particles, a day or time word (الجيش
 * اليوم), and, after a body's or place's name, a masculine adjective that no word of the name can
 * carry (لجنة التوافقات المنعقد، الحكومة الأصلي: an adjective agrees with the noun it
 * describes, so it describes something after the name).
 */
function withoutTrailingWords(
  tokens: Token[],
  forms: SentenceForms,
  start: number,
  end: number,
  type: EntityType,
): number {
  let j = firstTokenAfter(tokens, end) - 1;
  let out = end;
  while (j >= 0 && (tokens[j] as Token).start >= start) {
    const raw = forms.raw[j] as string;
    const first = firstTokenAfter(tokens, start);
    const stray =
      TRAILING_PARTICLES.has(raw) ||
      (j > first && TIME_WORDS.has(raw)) ||
      (type !== "PER" && j > first && disagreeingAdjective(forms.raw, first, j));
    if (!stray) break;
    out = (tokens[j - 1] as Token | undefined)?.end ?? start;
    j--;
  }
  return out > start ? out : end;
}

/** A person mention's start after a leading rank word, when a name follows it. */
function afterRank(tokens: Token[], forms: SentenceForms, start: number, end: number): number {
  const lo = firstTokenAfter(tokens, start);
  const next = tokens[lo + 1];
  if (!RANKS.has(forms.base[lo] as string) || !next || next.start >= end) return start;
  return next.start;
}

/** Where a mention of tokens[i..j) starts and ends in the text (clitics before it left out). */
function spanOf(sentence: Token[], i: number, j: number): { start: number; end: number } {
  const first = sentence[i] as Token;
  return { start: first.start + tokenBase(first).start, end: (sentence[j - 1] as Token).end };
}

/**
 * Names the KB knows, found in the text. Countries, capitals and regions count on their own,
 * as do organisations; a person only by a name of two or more words (a surname alone may be a
 * word: عباس، سعيد); other cities only when the tagger found them too (see mergeFound).
 */
function kbMatches(tokens: Token[][], forms: SentenceForms[], kb: KnowledgeBase): Candidate[] {
  const out: Candidate[] = [];
  tokens.forEach((sentence, s) => {
    const sentenceForms = forms[s] as SentenceForms;
    for (const match of matchAll(sentenceForms, kb)) {
      const entries = match.ids.map((id) => kb.get(id)).filter((e): e is KbEntry => !!e);
      const best = entries[0];
      if (!best) continue;
      const words = match.end - match.start;
      const standalone =
        best.kind === "country" ||
        best.kind === "capital" ||
        best.kind === "region" ||
        (best.type === "ORG" && !best.id.startsWith("up-")) ||
        (words >= 2 && !best.id.startsWith("up-"));
      const { start, end } = spanOf(sentence, match.start, match.end);
      out.push({
        start,
        end,
        type: best.type,
        confidence: standalone ? KB_CONFIDENCE : 0,
        key: nameKeyAt(sentenceForms, match.start, match.end),
        source: "kb",
        entries,
      });
    }
  });
  return out;
}

/**
 * Organisations found by their shape (see patterns.ts): they count on their own, below the
 * tagger's and the KB's confidence.
 */
function patternMatches(
  doc: Doc,
  tokens: Token[][],
  forms: SentenceForms[],
  spanKey: (start: number, end: number) => string[],
  ner: Candidate[],
): Candidate[] {
  const out: Candidate[] = [];
  const personStarts = new Set(ner.filter((c) => c.type === "PER").map((c) => c.start));
  const candidate = (start: number, end: number): Candidate => ({
    start,
    end,
    type: "ORG",
    confidence: PATTERN_CONFIDENCE,
    key: spanKey(start, end),
    source: "pattern",
    entries: [],
  });
  tokens.forEach((sentence, s) => {
    const adjacent = (j: number) =>
      /^\s*$/.test(doc.text.slice((sentence[j - 1] as Token).end, (sentence[j] as Token).start));
    const person = (j: number) => {
      const t = sentence[j] as Token;
      return personStarts.has(t.start + tokenBase(t).start) || personStarts.has(t.start);
    };
    for (const m of organisationNames(forms[s] as SentenceForms, adjacent, person)) {
      const { start, end } = spanOf(sentence, m.start, m.end);
      out.push(candidate(start, end));
    }
  });
  for (const { start, end } of quotedNames(doc.text, doc.tokens)) out.push(candidate(start, end));
  // people beside a title whom the tagger missed (المحامية نجلاء الفضلي)
  // (token starts inside a tagged person or body, and those of one-word people)
  const inside = new Set<number>();
  const oneWordPeople = new Set<number>();
  for (const c of ner) {
    if (c.type !== "PER" && c.type !== "ORG") continue;
    if (c.type === "PER" && c.key.length === 1) oneWordPeople.add(c.start);
    for (let k = firstTokenAfter(doc.tokens, c.start); k < doc.tokens.length; k++) {
      const t = doc.tokens[k] as Token;
      if (t.start >= c.end) break;
      if (t.start >= c.start) inside.add(t.start);
    }
  }
  const taken = (at: number) => inside.has(at);
  const surname = (at: number) => oneWordPeople.has(at);
  for (const { start, end } of namesBesideTitles(doc.tokens, taken, surname))
    out.push({ ...candidate(start, end), type: "PER", confidence: NAME_PATTERN_CONFIDENCE });
  return out;
}

/**
 * The article's own country: the dateline's, else the country most of its places belong to
 * (at least two mentions and two fifths of them), else none.
 */
function homeCountry(doc: Doc, places: Candidate[], kb: KnowledgeBase): string | undefined {
  const countryOf = (e: KbEntry | undefined) =>
    e &&
    (e.kind === "country" ? e.id : (e.capitalOf ?? (e.type === "LOC" ? e.country : undefined)));
  const dateline = doc.meta.dateline?.place;
  if (dateline) {
    const home = countryOf(kb.lookup(dateline)[0]);
    if (home) return home;
  }
  const counts = new Map<string, number>();
  let total = 0;
  for (const c of places) {
    const country = countryOf(c.entries[0]);
    if (!country) continue;
    counts.set(country, (counts.get(country) ?? 0) + 1);
    total++;
  }
  let best: string | undefined;
  let most = 0;
  for (const [country, n] of counts) if (n > most) [best, most] = [country, n];
  return most >= 2 && most * 5 >= total * 2 ? best : undefined;
}

/** KB names over a sentence, longest first, left to right. */
function matchAll(forms: SentenceForms, kb: KnowledgeBase): TokenMatch[] {
  const out: TokenMatch[] = [];
  let i = 0;
  while (i < forms.raw.length) {
    const match = longestNameAt(forms, i, kb);
    if (match) {
      out.push(match);
      i = match.end;
    } else i++;
  }
  return out;
}

/** Titles of office holders, linked to the holder on the article's date. */
function titleMatches(
  tokens: Token[][],
  forms: SentenceForms[],
  options: ResolveOptions,
  home: string | undefined,
): Candidate[] {
  const { kb, date } = options;
  if (!date) return [];
  const out: Candidate[] = [];
  tokens.forEach((sentence, s) => {
    const sentenceForms = forms[s] as SentenceForms;
    for (const title of findTitles(sentenceForms, kb, home)) {
      const holders = titleHolders(title, kb, date);
      const holder = holders[0];
      if (!holder) continue;
      const { start, end } = spanOf(sentence, title.start, title.end);
      out.push({
        start,
        end,
        type: "PER",
        confidence: holders.length === 1 ? TITLE_CONFIDENCE : TITLE_CONFIDENCE / 2,
        key: nameKeyAt(sentenceForms, title.start, title.end),
        source: "title",
        entries: [holder],
        link: holder,
      });
    }
  });
  return out;
}

/**
 * Adds what the KB and titles found to the NER mentions. A find that covers NER mentions and is
 * longer replaces them (the KB knows the whole name); one with the same span lends its entries;
 * one inside or partly over a NER mention yields to it. A find on its own is kept when it counts
 * on its own (confidence > 0).
 */
function mergeFound(ner: Candidate[], found: Candidate[]): Candidate[] {
  const out = [...ner];
  for (const f of found) {
    const overlapping = out.filter((c) => c.start < f.end && f.start < c.end);
    if (overlapping.length === 0) {
      if (f.confidence > 0) out.push(f);
      continue;
    }
    // a name found by its shape yields to the KB and to titles
    if (f.source === "pattern" && overlapping.some((c) => c.source !== "ner")) continue;
    const same = overlapping.find((c) => c.start === f.start && c.end === f.end);
    if (same) {
      if (f.source === "title") Object.assign(same, { ...f, confidence: same.confidence });
      else same.entries = f.entries;
      continue;
    }
    const covers = overlapping.every((c) => f.start <= c.start && c.end <= f.end);
    if (!covers) continue;
    const confidence = Math.max(f.confidence, ...overlapping.map((c) => c.confidence));
    for (const c of overlapping) out.splice(out.indexOf(c), 1);
    out.push({ ...f, confidence });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** A one-word mention that is a nationality adjective (الروسي) and no name of its own. */
function isAdjective(c: Candidate, kb: KnowledgeBase): boolean {
  if (c.key.length !== 1 || c.source === "title") return false;
  const word = c.key[0] as string;
  return kb.adjective(word) !== undefined && kb.lookup(word).length === 0;
}

/**
 * A one-word mention that is a definite role noun (المحللة، الوزير) and no name of its own: a
 * description the tagger took for a name; coreference finds whom it stands for.
 */
function isBareRole(c: Candidate, kb: KnowledgeBase): boolean {
  if (c.key.length !== 1 || c.source === "title") return false;
  const word = c.key[0] as string;
  return roleNoun(word)?.definite === true && kb.lookup(word).length === 0;
}

/** Which KB types a mention the tagger typed `type` may link to. */
const LINKABLE: Record<EntityType, readonly string[]> = {
  PER: ["PER"],
  LOC: ["LOC", "ORG"],
  ORG: ["ORG", "LOC"],
  MISC: ["ORG"],
};

/**
 * Picks each mention's entry: one already chosen for another mention of the document first,
 * then (for people) one in office on the article's date, then the KB's own ranking. A one-word
 * person name with rival candidates and nothing to tell them apart stays unlinked.
 */
function link(candidates: Candidate[], kb: KnowledgeBase, date: string | undefined): void {
  for (const c of candidates) {
    if (c.link || c.key.length === 0) continue;
    if (c.entries.length === 0) c.entries = kb.lookup(c.key.join(" "));
    c.entries = c.entries.filter((e) => LINKABLE[c.type].includes(e.type));
  }
  const chosen = new Set<string>();
  for (const c of candidates) if (c.link) chosen.add(c.link.id);
  // Countries the document is about, from its unambiguous places: عمّان in an article about
  // Jordan is Amman, not Oman (normalised, the two are one word).
  const countries = new Set<string>();
  for (const c of candidates) {
    const only = c.entries.length === 1 ? c.entries[0] : undefined;
    const country = only && countryOf(only);
    if (country) countries.add(country);
  }
  const inContext = (e: KbEntry) =>
    e.kind === "country" ? false : countries.has(countryOf(e) ?? "");
  // Unambiguous mentions first, so that they can settle the ambiguous ones.
  const order = [...candidates].sort((a, b) => a.entries.length - b.entries.length);
  for (const c of order) {
    if (c.link || c.entries.length === 0) continue;
    const pick =
      c.entries.find((e) => chosen.has(e.id)) ??
      (c.entries.length === 1 ? c.entries[0] : undefined) ??
      c.entries.find(inContext) ??
      (date ? c.entries.find((e) => inOffice(e, date)) : undefined) ??
      (c.type !== "PER" || c.key.length > 1 ? c.entries[0] : undefined);
    if (pick) {
      c.link = pick;
      chosen.add(pick.id);
    }
  }
}

/** The country a place is in (a country is its own). */
function countryOf(e: KbEntry): string | undefined {
  if (e.type !== "LOC") return undefined;
  return e.kind === "country" ? e.id : (e.capitalOf ?? e.country);
}

function inOffice(e: KbEntry, date: string): boolean {
  return (e.roles ?? []).some(
    (r) =>
      (r.from === undefined || lowerBound(r.from) <= date) &&
      (r.to === undefined || date <= upperBound(r.to)),
  );
}

/**
 * Groups mentions of one referent: the same KB entry; else the same name and type; else, for
 * people, a name that is the first or last words of a longer name in the document (the
 * nearest one before it, or after it when none comes before).
 */
function cluster(candidates: Candidate[]): Candidate[][] {
  const parent = candidates.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const linkOf = new Map<number, string | undefined>();
  candidates.forEach((c, i) => {
    linkOf.set(i, c.link?.id);
  });
  const union = (a: number, b: number): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return true;
    const la = linkOf.get(ra);
    const lb = linkOf.get(rb);
    if (la && lb && la !== lb) return false;
    parent[rb] = ra;
    linkOf.set(ra, la ?? lb);
    return true;
  };
  const byLink = new Map<string, number>();
  const byName = new Map<string, number>();
  // a surname two people in the article share (خالد الفالح، سليمان الفالح) names each one
  // where it stands, not both at once: it is left to the nearest full name below
  const fullNames = new Map<string, Set<string>>();
  for (const c of candidates) {
    if (c.type !== "PER" || c.key.length < 2) continue;
    const last = c.key[c.key.length - 1] as string;
    const names = fullNames.get(last) ?? new Set<string>();
    names.add(c.key.join(" "));
    fullNames.set(last, names);
  }
  const shared = (c: Candidate) =>
    c.type === "PER" && c.key.length === 1 && (fullNames.get(c.key[0] as string)?.size ?? 0) > 1;
  candidates.forEach((c, i) => {
    if (c.link && !shared(c)) {
      const j = byLink.get(c.link.id);
      if (j === undefined) byLink.set(c.link.id, i);
      else union(j, i);
    }
    if (shared(c)) return;
    const name = `${c.link ? c.link.type : c.type}:${c.key.join(" ")}`;
    const j = byName.get(name);
    if (j === undefined) byName.set(name, i);
    else union(j, i);
  });
  // Longer person names by their first and by their last word, for the short forms to find.
  const byEdge = new Map<string, number[]>();
  candidates.forEach((d, j) => {
    if (d.type !== "PER" || d.key.length < 2) return;
    for (const word of new Set([d.key[0] as string, d.key[d.key.length - 1] as string])) {
      const list = byEdge.get(word) ?? [];
      list.push(j);
      byEdge.set(word, list);
    }
  });
  candidates.forEach((c, i) => {
    if (c.type !== "PER" || c.source === "title" || c.key.length === 0) return;
    const edges = new Set([
      ...(byEdge.get(c.key[0] as string) ?? []),
      ...(byEdge.get(c.key[c.key.length - 1] as string) ?? []),
    ]);
    let best = -1;
    for (const j of edges) {
      const d = candidates[j] as Candidate;
      if (j === i || d.key.length <= c.key.length || !isEdgeOf(c.key, d.key)) continue;
      const before = d.start < c.start;
      const bestBefore = best >= 0 && (candidates[best] as Candidate).start < c.start;
      if (best < 0 || (before && (!bestBefore || d.start > (candidates[best] as Candidate).start)))
        best = j;
    }
    if (best >= 0) union(best, i);
  });
  // Apposition: a title right before a name (الرئيس الفرنسي فرنسوا أولاند) is that person, when
  // the name is a spelling of the office holder's (the KB may lack this spelling; the date or
  // the KB may be wrong about who held the office, and then the name wins).
  candidates.forEach((t, i) => {
    if (t.source !== "title" || !t.link) return;
    const holder = t.link;
    candidates.forEach((p, j) => {
      if (p.type !== "PER" || p.source === "title" || p.start < t.end || p.start - t.end > 1)
        return;
      if (p.link?.id === holder.id || (!p.link && sameSurname(p.key, holder))) union(i, j);
    });
  });
  const groups = new Map<number, Candidate[]>();
  candidates.forEach((c, i) => {
    const root = find(i);
    const group = groups.get(root) ?? [];
    group.push(c);
    groups.set(root, group);
  });
  return [...groups.values()];
}

/**
 * Whether a name's last word is, give or take one letter, the last word of one of the entry's
 * names (أولاند ~ هولاند, لودريان = لو دريان).
 */
function sameSurname(key: string[], entry: KbEntry): boolean {
  const last = key[key.length - 1];
  if (!last || last.length < 3) return false;
  for (const name of [entry.nameAr, ...(entry.aliases ?? [])]) {
    const words = normalizeArabic(name).split(" ");
    const tail = words[words.length - 1] ?? "";
    const joined = words.slice(-2).join("");
    if (withinOneEdit(last, tail) || last === joined) return true;
  }
  return false;
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < 4) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, k: number) => x.slice(i + k);
  return (
    rest(a, 1) === rest(b, 1) || // substitution
    rest(a, 1) === rest(b, 0) || // deletion from a
    rest(a, 0) === rest(b, 1) // insertion into a
  );
}

/** Whether `short` is the first or the last words of `long`. */
function isEdgeOf(short: string[], long: string[]): boolean {
  const n = short.length;
  const head = short.every((w, k) => long[k] === w);
  const tail = short.every((w, k) => long[long.length - n + k] === w);
  return head || tail;
}

/** One entity per group, in order of first mention; unlinked ones numbered e1, e2... */
function toEntities(text: string, groups: Candidate[][]): Entity[] {
  const sorted = groups
    .map((g) => g.sort((a, b) => a.start - b.start))
    .sort((a, b) => (a[0] as Candidate).start - (b[0] as Candidate).start);
  let unlinked = 0;
  return sorted.map((group) => {
    const entry = group.find((c) => c.link)?.link;
    const mentions: Mention[] = [];
    let last: Candidate | undefined;
    for (const c of group) {
      if (last && last.start === c.start && last.end === c.end) continue;
      mentions.push({
        start: c.start,
        end: c.end,
        text: text.slice(c.start, c.end),
        kind: c.source === "title" ? "title" : "name",
        confidence: Math.round(c.confidence * 1000) / 1000,
      });
      last = c;
    }
    if (entry) {
      return {
        id: entry.id,
        type: entry.type,
        name: entry.nameAr,
        ...(entry.nameEn ? { nameEn: entry.nameEn } : {}),
        kb: {
          id: entry.id,
          ...(entry.wikidata ? { wikidata: entry.wikidata } : {}),
          ...(entry.cameo ? { cameo: entry.cameo } : {}),
          ...(entry.iso ? { iso: entry.iso } : {}),
        },
        mentions,
      };
    }
    unlinked++;
    const longest = group
      .filter((c) => c.source !== "title")
      .reduce((a, b) => (b.key.length > a.key.length ? b : a), group[0] as Candidate);
    return {
      id: `e${unlinked}`,
      type: majorityType(group),
      name: text.slice(longest.start, longest.end),
      mentions,
    };
  });
}

function majorityType(group: Candidate[]): EntityType {
  const counts = new Map<EntityType, number>();
  for (const c of group) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
  let best: EntityType = (group[0] as Candidate).type;
  for (const [type, n] of counts) if (n > (counts.get(best) ?? 0)) best = type;
  return best;
}
