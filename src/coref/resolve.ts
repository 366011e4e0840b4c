/**
 * Document coreference: every way an article refers to a person or body it names, added to that
 * entity's mentions with its kind.
 *
 * 1. Descriptions next to a name (وزير التنمية الألماني غيرد مولر; أحمد الصديق النائب عن الجبهة
 *    الشعبية) are titles of that person, and what the article says the person is.
 * 2. Short names the tagger missed: a surname alone where a name stands (وقال لافروف), a first
 *    name after a rank (الشيخ عبدالعزيز), the proper word of a party's name (التكتل for حزب
 *    التكتل الديمقراطي).
 * 3. A description used alone (الوزير، النائب السابق، المتحدث باسم الوزارة) is the person whose
 *    earlier description it fits: same head noun, no other country or portfolio, more shared
 *    words better, nearer better. A title the knowledge base knows (الرئيس الروسي) was already
 *    linked to its holder by the entities stage.
 * 4. Honorific pronouns (سموه، معاليه، فخامته) are the nearest person whose office takes the
 *    honorific; هو/هي after a verb the nearest person of that gender.
 * 5. Organisation nominals (الحزب، الحركة، الوزارة، الخارجية) are the nearest body whose name has
 *    that head; a statement (البيان) speaks for whoever issued it.
 *
 * Nothing here merges two entities: a title or pronoun is attached to one referent, so two
 * ministers or two presidents in one article stay two people. A description that fits no named
 * referent adds nothing (the quotations stage keeps its words as an unnamed speaker).
 */
import type { Doc, Entity, Mention, MentionKind, Token } from "../analysis.js";
import {
  GENERIC_MODIFIERS,
  type KbRole,
  type KnowledgeBase,
  lowerBound,
  ORGANISATION_HEADS,
  upperBound,
} from "../entities/index.js";
import {
  ANAPHORIC_AFTER,
  FUNCTION_WORDS,
  type Gender,
  HONORIFICS,
  type HonorificOffice,
  PERSONAL_PRONOUNS,
  PREPOSITIONS,
  VERB_PARTICLES,
  verbAgreement,
} from "../syntax/index.js";
import { normalizeArabic } from "../text/index.js";
import { CorefContext, type Ref } from "./context.js";
import {
  type Description,
  descriptionAt,
  fits,
  HYPERNYM,
  MAX_DESCRIPTION,
  stripArticle,
} from "./descriptions.js";
import {
  EXTRA_ORGANISATION_NOMINALS,
  RANKS,
  ROLE_NOUNS,
  roleNoun,
  STATEMENT_NOUNS,
} from "./lexicon.js";

export interface CorefOptions {
  kb: KnowledgeBase;
  /** The article's date (YYYY-MM-DD). */
  date?: string | undefined;
}

export interface Coreference {
  /** The entities, each with every mention found for it (kind: name, title, pronoun, nominal). */
  entities: Entity[];
  /** Grammatical gender of an entity where the article shows it (قالت فلانة، الوزيرة). */
  gender: ReadonlyMap<string, Gender>;
  /**
   * Capitals that, as the subject of a statement, stand for their country's government
   * (أعلنت برلين، قالت موسكو): capital id → country id, where the country is in the article.
   */
  speaksFor: ReadonlyMap<string, string>;
}

/** Confidence of the mentions each step adds. */
const CONFIDENCE: Record<MentionKind, number> = {
  name: 0.6,
  title: 0.6,
  pronoun: 0.55,
  nominal: 0.5,
};

/** Words that end a person's name but are no surname (بن، أبو، آل…) or too short to trust. */
const NOT_SURNAMES = new Set(["بن", "ابن", "ابو", "ال", "ولد", "بنت", "عبد", "ابي"]);

export function resolveCoreference(
  doc: Doc,
  entities: readonly Entity[],
  options: CorefOptions,
): Coreference {
  const ctx = new CorefContext(doc, entities, options.kb, options.date);
  const descriptions = new Map<string, Description[]>();
  const describeAs = (entity: Entity, d: Description) => {
    const list = descriptions.get(entity.id) ?? [];
    list.push(d);
    descriptions.set(entity.id, list);
  };

  appositions(ctx, describeAs);
  shortNames(ctx);
  const gender = genders(ctx, descriptions);
  titlesAlone(ctx, descriptions, gender, describeAs);
  pronouns(ctx, descriptions, gender);
  nominals(ctx);

  // the entities with their new mentions, in text order
  const added = new Map<string, Mention[]>();
  for (const ref of ctx.mentions()) {
    const entity = ref.entity;
    const list = added.get(entity.id) ?? [];
    list.push({
      start: ref.start,
      end: ref.end,
      text: doc.text.slice(ref.start, ref.end),
      kind: ref.kind,
      confidence: Math.round(ref.confidence * 1000) / 1000,
    });
    added.set(entity.id, list);
  }
  const out = entities.map((e) => {
    const had = new Set(e.mentions.map((m) => `${m.start}:${m.end}`));
    const extra = (added.get(e.id) ?? []).filter((m) => !had.has(`${m.start}:${m.end}`));
    const mentions = [...e.mentions.map((m) => ({ ...m, kind: m.kind ?? "name" })), ...extra];
    mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    return { ...e, mentions };
  });
  const speaksFor = new Map<string, string>();
  const present = new Set(out.map((e) => e.id));
  for (const e of out) {
    const country = e.kb ? options.kb.get(e.kb.id)?.capitalOf : undefined;
    if (country && present.has(country)) speaksFor.set(e.id, country);
  }
  return { entities: out, gender, speaksFor };
}

// ------------------------------------------------------------------ 1. descriptions by names

/**
 * Titles right before or after a person's name: "[وزير التنمية الألماني] غيرد مولر", "[اللواء]
 * منصور التركي", "أحمد الصديق [النائب عن الجبهة الشعبية]", "يوري أوشاكوف، [مساعد الرئيس]،".
 */
function appositions(ctx: CorefContext, describeAs: (e: Entity, d: Description) => void): void {
  const { clauses, tokens, base } = ctx;
  for (const ref of [...ctx.mentions()]) {
    if (ref.entity.type !== "PER") continue;
    if (ref.kind === "title") {
      const d = descriptionAt(ctx, ref.first);
      if (d) describeAs(ref.entity, d);
      continue;
    }
    if (ref.kind !== "name") continue;
    // before: ranks, at most one comma, and a description that ends right there
    let k = ref.first - 1;
    const sentenceStart = clauses.sentenceStart(ref.first);
    while (k >= sentenceStart && RANKS.has(base[k] as string)) {
      const rank = descriptionAt(ctx, k);
      if (rank) describeAs(ref.entity, { ...rank, last: k + 1 });
      k--;
    }
    if (k >= sentenceStart && clauses.isComma(k)) k--;
    for (let r = Math.max(sentenceStart, k - MAX_DESCRIPTION); r <= k; r++) {
      if (!roleNoun(base[r] as string) || ctx.refAt(r)) continue;
      const d = descriptionAt(ctx, r);
      if (d && d.last === k + 1) {
        describeAs(ref.entity, d);
        ctx.addRef(ref.entity, d.start, trimmedEnd(ctx, d), "title", CONFIDENCE.title);
        break;
      }
    }
    // after: the name, at most one comma, a description
    let a = ref.last;
    if (a < tokens.length && clauses.isComma(a)) a++;
    if (a < tokens.length && clauses.sentenceOf[a] === clauses.sentenceOf[ref.first]) {
      const d = ctx.refAt(a) ? undefined : descriptionAt(ctx, a);
      // a title followed by another name is that one's (التقى الأمير فيصل الوزيرَ ماجد الهاشمي)
      let next = d ? d.last : a;
      while (next < tokens.length && RANKS.has(base[next] as string)) next++;
      const nextRef = ctx.refAt(next);
      const another = nextRef?.entity.type === "PER" && nextRef.kind === "name";
      // و joins a second person, it does not describe the first (العياري وممثلة الصندوق)
      const bare = clauses.bare[a] as string;
      const conjoined =
        /^و/.test(clauses.norms[a] as string) && bare !== clauses.norms[a] && !!roleNoun(bare);
      if (
        d &&
        !another &&
        !conjoined &&
        !RANKS.has(base[a] as string) &&
        d.owner !== ref.entity.id
      ) {
        describeAs(ref.entity, d);
        ctx.addRef(ref.entity, d.start, trimmedEnd(ctx, d), "title", CONFIDENCE.title);
      }
    }
  }
}

// ------------------------------------------------------------------ 2. short names

/**
 * Surnames alone where a name stands (after a verb, a title or a rank, or before a verb), first
 * names after a rank, and the proper word of a body's name (حركة النهضة → النهضة).
 */
function shortNames(ctx: CorefContext): void {
  const { clauses, base, tokens } = ctx;
  const surnames = new Map<string, Entity[]>();
  const firstNames = new Map<string, Entity[]>();
  const properWords = new Map<string, Entity[]>();
  const push = (map: Map<string, Entity[]>, word: string, e: Entity) => {
    const list = map.get(word) ?? [];
    if (!list.includes(e)) list.push(e);
    map.set(word, list);
  };
  for (const ref of ctx.mentions()) {
    if (ref.kind !== "name") continue;
    const words: number[] = [];
    for (let k = ref.first; k < ref.last; k++) if (clauses.isWord(k)) words.push(k);
    if (words.length < 2) continue;
    const first = base[words[0] as number] as string;
    const last = base[words[words.length - 1] as number] as string;
    if (ref.entity.type === "PER") {
      if (last.length >= 3 && !NOT_SURNAMES.has(last) && !isGrammarWord(last))
        push(surnames, last, ref.entity);
      if (first.length >= 3 && !isGrammarWord(first)) push(firstNames, first, ref.entity);
    } else if (ref.entity.type === "ORG" && ORGANISATION_HEADS.has(stripArticle(first))) {
      const proper = base[words[1] as number] as string;
      if (
        proper.startsWith("ال") &&
        proper.length >= 5 &&
        !/يه?$/.test(proper) &&
        !GENERIC_MODIFIERS.has(proper)
      )
        push(properWords, proper, ref.entity);
    }
  }
  // the tail of a longer name (إسماعيل ولد الشيخ أحمد → ولد الشيخ أحمد), not a family name
  // (آل الشيخ) or a rank and name (الشيخ أحمد)
  const tails: { words: string[]; entity: Entity }[] = [];
  for (const ref of ctx.mentions()) {
    if (ref.kind !== "name" || ref.entity.type !== "PER") continue;
    const words: string[] = [];
    for (let k = ref.first; k < ref.last; k++) if (clauses.isWord(k)) words.push(base[k] as string);
    for (let n = 1; n + 2 <= words.length; n++) {
      const head = words[n] as string;
      if (NOT_SURNAMES.has(head) || RANKS.has(head)) continue;
      tails.push({ words: words.slice(n), entity: ref.entity });
    }
  }
  tails.sort((a, b) => b.words.length - a.words.length);
  // by first word, longest first
  const tailsFrom = new Map<string, typeof tails>();
  for (const t of tails) {
    const list = tailsFrom.get(t.words[0] as string) ?? [];
    list.push(t);
    tailsFrom.set(t.words[0] as string, list);
  }
  for (let i = 0; i < tokens.length; i++) {
    const at = ctx.refAt(i);
    if (!clauses.isWord(i) || (at && (at.entity.type !== "PER" || at.kind !== "name"))) continue;
    if (at && at.first < i) continue;
    const tail = tailsFrom.get(base[i] as string)?.find((t) =>
      t.words.every((w, n) => {
        const ref = ctx.refAt(i + n);
        return base[i + n] === w && (!ref || (ref.entity.type === "PER" && ref.kind === "name"));
      }),
    );
    if (!tail) continue;
    const last = tokens[i + tail.words.length - 1] as Token;
    const t = tokens[i] as Token;
    const start = t.start + (ctx.lead[i] as number);
    ctx.replaceRefs(tail.entity, start, last.end, "name", CONFIDENCE.name);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (!clauses.isWord(i) || ctx.refAt(i)) continue;
    const b = base[i] as string;
    let entity: Entity | undefined;
    let candidates = surnames.get(b);
    if (candidates && inNamePosition(ctx, i)) entity = nearest(ctx, candidates, i);
    candidates = firstNames.get(b);
    if (!entity && candidates && i > 0 && RANKS.has(base[i - 1] as string))
      entity = nearest(ctx, candidates, i);
    candidates = properWords.get(b);
    if (!entity && candidates) entity = nearest(ctx, candidates, i);
    if (!entity) continue;
    const t = tokens[i] as Token;
    ctx.addRef(entity, t.start + (ctx.lead[i] as number), t.end, "name", CONFIDENCE.name);
  }
}

function isGrammarWord(word: string): boolean {
  return PREPOSITIONS.has(word) || word.length < 3;
}

/** Right after a verb, a rank or a title; or right before a verb or a comma and a title. */
function inNamePosition(ctx: CorefContext, i: number): boolean {
  const { clauses, base } = ctx;
  const prev = i - 1;
  if (prev >= 0 && clauses.sentenceOf[prev] === clauses.sentenceOf[i]) {
    if (RANKS.has(base[prev] as string) || roleNoun(base[prev] as string)) return true;
    // a verb right before, or before a comma (coreference runs before times are found)
    for (let k = prev; k >= Math.max(0, i - 4); k--) {
      if (clauses.isVerb(k)) return clauses.subjectAfter(k, clauses.sentenceStop(k)) === i;
      if (!clauses.isComma(k)) break;
    }
  }
  const next = i + 1;
  if (next < ctx.tokens.length && clauses.sentenceOf[next] === clauses.sentenceOf[i]) {
    if (clauses.isVerb(next) || (clauses.isComma(next) && roleNoun(base[next + 1] ?? "")))
      return true;
  }
  return false;
}

/** Of several entities, the one mentioned nearest before token i (else nearest after). */
function nearest(ctx: CorefContext, candidates: readonly Entity[], i: number): Entity | undefined {
  if (candidates.length === 1) return candidates[0];
  const at = (ctx.tokens[i] as Token).start;
  let best: Entity | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const ref of ctx.mentions()) {
    if (!candidates.includes(ref.entity)) continue;
    const distance = ref.start < at ? at - ref.start : 1e9 + ref.start - at;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = ref.entity;
    }
  }
  return best;
}

// ------------------------------------------------------------------ gender

/**
 * An entity's grammatical gender: from its descriptions (الوزيرة), from the verbs it is the
 * subject of (قالت فلانة), and for bodies and places from their head noun (حركة، وزارة: f;
 * حزب، مجلس: m; countries and cities: f).
 */
function genders(
  ctx: CorefContext,
  descriptions: ReadonlyMap<string, Description[]>,
): Map<string, Gender> {
  const { clauses, base } = ctx;
  const votes = new Map<string, number>();
  const vote = (id: string, g: Gender | undefined, weight = 1) => {
    if (!g) return;
    votes.set(id, (votes.get(id) ?? 0) + (g === "f" ? weight : -weight));
  };
  // a feminine title says a woman; a masculine one only breaks ties, since women hold them too (العضو مريم الكعبي)
  for (const [id, list] of descriptions)
    for (const d of list) vote(id, d.role.gender, d.role.gender === "f" ? 2 : 0.05);
  for (const ref of ctx.mentions()) {
    const e = ref.entity;
    if (e.type === "LOC") vote(e.id, "f", 0.1);
    if (e.type === "ORG" && ref.kind === "name") {
      const head = stripArticle(base[ref.first] as string);
      if (ORGANISATION_HEADS.has(head) || EXTRA_ORGANISATION_NOMINALS.has(head))
        vote(e.id, head.endsWith("ه") ? "f" : "m", 0.5);
    }
    if (ref.kind !== "name" && ref.kind !== "title") continue;
    // the verb this mention is the subject of (VSO)
    const stop = clauses.sentenceStop(ref.first);
    // the subject may start at a rank or title before the name (وقال المهندس خالد السويدي)
    let subject = ref.first;
    for (
      let k = ref.first - 1;
      k >= Math.max(clauses.sentenceStart(ref.first), ref.first - 5);
      k--
    ) {
      if (clauses.isVerb(k)) {
        if (clauses.subjectAfter(k, stop) === subject)
          vote(e.id, verbAgreement(clauses.bare[k] as string).gender);
        break;
      }
      if (k === subject - 1 && (RANKS.has(base[k] as string) || roleNoun(base[k] as string))) {
        subject = k;
        continue;
      }
      // only time words, adverbs and pronoun adjuncts between (صرحت به القوبنطيني)
      if (clauses.skipAdverbials(k, k + 1) !== k + 1) break;
    }
    // the verb this mention is the fronted subject of (أما العضو مريم الكعبي فقد ركزت)
    let v = ref.last;
    while (v < stop && VERB_PARTICLES.has(clauses.norms[v] as string)) v++;
    if (v < stop && clauses.isVerb(v) && clauses.subjectBefore(v)?.start === subject)
      vote(e.id, verbAgreement(clauses.bare[v] as string).gender);
  }
  const out = new Map<string, Gender>();
  for (const [id, v] of votes) if (v !== 0) out.set(id, v > 0 ? "f" : "m");
  return out;
}

// ------------------------------------------------------------------ 3. titles alone

/** A person a title may stand for, with the offices the knowledge base gives them. */
interface Person {
  entity: Entity;
  offices: Description[];
}

/** What the knowledge base says a linked person is: an office of a country, as a description. */
function kbDescriptions(ctx: CorefContext, entity: Entity): Description[] {
  const kbEntry = entity.kb ? ctx.kb.get(entity.kb.id) : undefined;
  const out: Description[] = [];
  for (const role of kbEntry?.roles ?? []) {
    const nouns = OFFICE_NOUNS[role.role] ?? [];
    const former = !heldOn(role, ctx.date) && ended(role, ctx.date);
    if (!heldOn(role, ctx.date) && !former) continue;
    const country = /^[A-Z]{3}$/.test(role.of) ? role.of : undefined;
    for (const noun of nouns) {
      const portfolio = noun === normalizeArabic("وزير") ? PORTFOLIO[role.role] : undefined;
      const office = { noun, gender: "m" as const, definite: true };
      out.push({
        first: -1,
        last: -1,
        start: -1,
        end: -1,
        role: office,
        held: [{ ...office, at: -1, ...(portfolio ? { complement: portfolio } : {}) }],
        words: portfolio ? [portfolio] : [],
        ...(portfolio ? { complement: portfolio } : {}),
        ...(country ? { country } : {}),
        former,
      });
    }
  }
  return out;
}

/** Whether a KB role covers the article's date (any role, without a date). */
function heldOn(role: KbRole, date: string | undefined): boolean {
  if (!date) return true;
  return (
    (role.from === undefined || lowerBound(role.from) <= date) &&
    (role.to === undefined || date <= upperBound(role.to))
  );
}

/** Whether a KB role had ended by the article's date. */
function ended(role: KbRole, date: string | undefined): boolean {
  return date !== undefined && role.to !== undefined && upperBound(role.to) < date;
}

/** The portfolio a minister's office names (وزير [الخارجية]), normalised. */
const PORTFOLIO: Record<string, string> = {
  "foreign-minister": normalizeArabic("خارجية"),
  "defence-minister": normalizeArabic("دفاع"),
};

/** Role nouns an office goes by (normalised). */
const OFFICE_NOUNS: Record<string, readonly string[]> = Object.fromEntries(
  Object.entries({
    "head-of-state": "رئيس ملك أمير عاهل سلطان",
    "head-of-government": "رئيس وزير مستشار",
    "foreign-minister": "وزير",
    "defence-minister": "وزير",
    "vice-president": "نائب",
    "crown-prince": "ولي أمير",
    "supreme-leader": "مرشد",
    leader: "زعيم قائد رئيس",
    "secretary-general": "أمين",
    spokesperson: "متحدث ناطق",
    envoy: "مبعوث",
    prosecutor: "مدعي",
  }).map(([role, nouns]) => [role, nouns.split(" ").map(normalizeArabic)]),
);

/**
 * Descriptions used alone for someone named elsewhere in the article. Only definite titles
 * (الوزير، وزير الخارجية): "وزير سابق" is somebody unnamed.
 */
function titlesAlone(
  ctx: CorefContext,
  descriptions: Map<string, Description[]>,
  gender: ReadonlyMap<string, Gender>,
  describeAs: (e: Entity, d: Description) => void,
): void {
  const { clauses, base, tokens } = ctx;
  // each person with what the knowledge base says they are on the article's date
  const people = new Map<string, Person>();
  for (const ref of ctx.mentions())
    if (ref.entity.type === "PER" && !people.has(ref.entity.id))
      people.set(ref.entity.id, { entity: ref.entity, offices: kbDescriptions(ctx, ref.entity) });
  if (people.size === 0) return;
  for (let r = 0; r < tokens.length; r++) {
    // a rank that is also an office stands for its holder alone too (وقال المحامي، الأمير)
    if (!clauses.isWord(r) || ctx.refAt(r)) continue;
    const head = base[r] as string;
    if (!roleNoun(head) || isAdjectival(ctx, r)) continue;
    const title = descriptionAt(ctx, r);
    if (!title) continue;
    const definite = head.startsWith("ال") || isDefiniteAt(ctx, r + 1);
    if (!definite) continue;
    // a name right after it is an apposition (handled above): not a title used alone
    let after = title.last;
    while (after < tokens.length && RANKS.has(base[after] as string)) after++;
    const next = ctx.refAt(after);
    if (next?.entity.type === "PER" && next.kind === "name") continue;
    // المسؤول after "مسؤول" (an official, unnamed) is that same unnamed official
    if (title.role.noun === HYPERNYM && unnamedBefore(ctx, r, title.role.noun)) continue;
    const best = bestFit(ctx, title, people, descriptions, gender);
    if (!best) continue;
    const end = trimmedEnd(ctx, title);
    if (ctx.addRef(best, title.start, end, "title", CONFIDENCE.title)) describeAs(best, title);
    r = title.last - 1;
  }
}

/**
 * Whether a role word stands where an adjective would (تصريحاته الإعلامية، مصادر قيادية): right
 * after a noun, not after a verb, a particle, a preposition or punctuation.
 */
function isAdjectival(ctx: CorefContext, r: number): boolean {
  const { clauses } = ctx;
  const prev = r - 1;
  if (prev < 0 || clauses.sentenceOf[prev] !== clauses.sentenceOf[r] || !clauses.isWord(prev))
    return false;
  const w = clauses.bare[prev] as string;
  if (clauses.isVerb(prev) || FUNCTION_WORDS.has(w) || PREPOSITIONS.has(w)) return false;
  if (ctx.refAt(prev) || RANKS.has(ctx.base[prev] as string)) return false;
  // the role word itself carrying ب/ل/و (والوزير، للرئيس) starts a phrase of its own
  if ((ctx.lead[r] as number) > 0 || !(ctx.base[r] as string).startsWith("ال")) return false;
  if (roleNoun(ctx.base[prev] as string)) return false;
  // a definite noun before a definite word: noun and adjective (تصريحاته الإعلامية); after an
  // indefinite one the word is its genitive (لقاء الوزير)
  const before = ctx.base[prev] as string;
  return before.startsWith("ال") || /(ه|ها|هم|هما)$/.test(w);
}

/** Whether the indefinite noun (مسؤول، مسؤولة) occurs before token r: an unnamed referent. */
function unnamedBefore(ctx: CorefContext, r: number, noun: string): boolean {
  for (let k = 0; k < r; k++) {
    const b = ctx.base[k] as string;
    if (b === noun || b === `${noun}ه` || b === `${noun}ون` || b === `${noun}ين`) return true;
  }
  return false;
}

/** Whether token i is definite: the article, or a name (of a body or place) in a construct. */
function isDefiniteAt(ctx: CorefContext, i: number): boolean {
  if (i >= ctx.tokens.length || ctx.clauses.sentenceOf[i] !== ctx.clauses.sentenceOf[i - 1])
    return false;
  const ref = ctx.refAt(i);
  if (ref && ref.entity.type !== "PER") return true;
  return (ctx.base[i] as string).startsWith("ال") && ctx.clauses.isWord(i);
}

/** The end of a title mention: before any mention inside it (the mention stays its own). */
function trimmedEnd(ctx: CorefContext, d: Description): number {
  let last = d.first + 1;
  for (let k = d.first + 1; k < d.last; k++) {
    if (ctx.refAt(k)) break;
    const word = ctx.tokens[k]?.kind === "word";
    const norm = ctx.clauses.norms[k] as string;
    if (word && !PREPOSITIONS.has(norm) && norm !== "باسم") last = k + 1;
  }
  return (ctx.tokens[last - 1] as Token).end;
}

/**
 * The person a title used alone stands for: the best-fitting description (fits()), then the
 * one mentioned nearest before the title; a person named only after it is a last resort.
 */
function bestFit(
  ctx: CorefContext,
  title: Description,
  people: ReadonlyMap<string, Person>,
  descriptions: ReadonlyMap<string, Description[]>,
  gender: ReadonlyMap<string, Gender>,
): Entity | undefined {
  let best: Entity | undefined;
  let bestKey: number[] = [];
  for (const { entity, offices } of people.values()) {
    const g = gender.get(entity.id);
    // a masculine title is used for women too (القنصل الفخري الموقوفة); a feminine one is not
    if ((g === "m" && title.role.gender === "f") || title.owner === entity.id) continue;
    let score: number | undefined;
    for (const d of [...(descriptions.get(entity.id) ?? []), ...offices]) {
      const s = fits(title, d);
      if (s !== undefined && (score === undefined || s > score)) score = s;
    }
    if (score === undefined) continue;
    const key = [score, ...recency(ctx, entity, title.start)];
    if (!best || compareKeys(key, bestKey) > 0) {
      best = entity;
      bestKey = key;
    }
  }
  return best;
}

/** [mentioned before?, nearness] of an entity to offset `at`: larger is nearer. */
function recency(ctx: CorefContext, entity: Entity, at: number): [number, number] {
  let before = -1;
  let after = Number.POSITIVE_INFINITY;
  for (const ref of ctx.mentions()) {
    if (ref.entity !== entity) continue;
    if (ref.start < at) before = Math.max(before, ref.start);
    else after = Math.min(after, ref.start);
  }
  return before >= 0 ? [1, before] : [0, -after];
}

function compareKeys(a: number[], b: number[]): number {
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const d = (a[k] ?? 0) - (b[k] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

// ------------------------------------------------------------------ 4. pronouns

/** Offices (by role noun or KB role) that each honorific goes with. */
function officesOf(
  ctx: CorefContext,
  entity: Entity,
  descriptions: ReadonlyMap<string, Description[]>,
): Set<HonorificOffice> {
  const out = new Set<HonorificOffice>();
  for (const d of descriptions.get(entity.id) ?? [])
    for (const held of d.held)
      for (const office of ROLE_NOUNS.get(held.noun) ?? []) out.add(office);
  const kbEntry = entity.kb ? ctx.kb.get(entity.kb.id) : undefined;
  for (const role of kbEntry?.roles ?? []) {
    if (!heldOn(role, ctx.date)) continue;
    for (const office of KB_OFFICES[role.role] ?? []) out.add(office);
  }
  return out;
}

/** The honorifics each KB office takes (دولة for a prime minister, معالي for a minister). */
const KB_OFFICES: Record<string, readonly HonorificOffice[]> = {
  // سمو goes with emirs and crown princes, whose descriptions say so (الأمير، ولي العهد)
  "head-of-state": ["president", "king"],
  "head-of-government": ["prime-minister"],
  "foreign-minister": ["minister"],
  "defence-minister": ["minister"],
  "vice-president": ["president", "official"],
  "crown-prince": ["prince"],
  "supreme-leader": ["cleric"],
  leader: ["official"],
  "secretary-general": ["official", "minister"],
  spokesperson: ["official"],
  envoy: ["official"],
  prosecutor: ["official"],
};

/**
 * سموه، معاليه، فخامته… : the nearest person before whose office takes the honorific, else the
 * nearest person; هو/هي right after a verb: the nearest person of that gender.
 */
function pronouns(
  ctx: CorefContext,
  descriptions: ReadonlyMap<string, Description[]>,
  gender: ReadonlyMap<string, Gender>,
): void {
  const { clauses, tokens } = ctx;
  const offices = new Map<Entity, Set<HonorificOffice>>();
  const officesOfEntity = (entity: Entity) => {
    let set = offices.get(entity);
    if (!set) {
      set = officesOf(ctx, entity, descriptions);
      offices.set(entity, set);
    }
    return set;
  };
  for (let i = 0; i < tokens.length; i++) {
    if (!clauses.isWord(i) || ctx.refAt(i)) continue;
    const word = clauses.bare[i] as string;
    const honorific = HONORIFICS.get(word);
    const personal = PERSONAL_PRONOUNS.get(word);
    if (!honorific && !personal) continue;
    if (personal && !(i > 0 && clauses.isVerb(i - 1))) continue;
    const t = tokens[i] as Token;
    const g = honorific?.gender ?? personal;
    const person = (ref: Ref) => {
      if (ref.entity.type !== "PER") return false;
      const eg = gender.get(ref.entity.id);
      return !eg || eg === g;
    };
    // the latest subject first (وقال الأمير خالد ... بحضور نائبه الأمير عبدالله ... أوضح سموه:
    // the prince who was speaking), then anyone mentioned
    const subjects = ctx.recentBefore(t.start, (ref) => person(ref) && ctx.isSubject(ref), true);
    const people = [...subjects, ...ctx.recentBefore(t.start, person)];
    const fitting = honorific
      ? people.find((ref) => officesOfEntity(ref.entity).has(honorific.office))
      : undefined;
    const chosen = fitting ?? people[0];
    if (chosen)
      ctx.addRef(
        chosen.entity,
        t.start + (ctx.lead[i] as number),
        t.end,
        "pronoun",
        CONFIDENCE.pronoun,
      );
  }
}

// ------------------------------------------------------------------ 5. nominals

/**
 * الحزب، الحركة، الوزارة، الخارجية (for وزارة الخارجية…): the nearest body before whose name has
 * that head, or that word after its head. البيان، التقرير: the body or person that issued it.
 */
function nominals(ctx: CorefContext): void {
  const { clauses, base, tokens } = ctx;
  // the first two words of every name of each body (nominals add no names, so this holds)
  const nameWords = new Map<Entity, [string, string][]>();
  for (const ref of ctx.mentions()) {
    if (ref.kind !== "name") continue;
    const first = stripArticle(base[ref.first] as string);
    const second = ref.last - ref.first > 1 ? stripArticle(base[ref.first + 1] as string) : "";
    const list = nameWords.get(ref.entity) ?? [];
    list.push([first, second]);
    nameWords.set(ref.entity, list);
  }
  for (let i = 0; i < tokens.length; i++) {
    if (!clauses.isWord(i) || ctx.refAt(i)) continue;
    const b = base[i] as string;
    if (!b.startsWith("ال")) continue;
    const head = b.slice(2);
    const statement = STATEMENT_NOUNS.has(head);
    if (!statement && !ORGANISATION_HEADS.has(head) && !EXTRA_ORGANISATION_NOMINALS.has(head))
      continue;
    // الحزب الاشتراكي is a name (of a party the entities stage did not know), not a nominal
    const next = base[i + 1];
    if (
      next !== undefined &&
      clauses.sentenceOf[i + 1] === clauses.sentenceOf[i] &&
      clauses.isWord(i + 1) &&
      next.startsWith("ال") &&
      !FUNCTION_WORDS.has(clauses.norms[i + 1] as string) &&
      !GENERIC_MODIFIERS.has(next) &&
      !ANAPHORIC_AFTER.has(next) &&
      !ctx.refAt(i + 1)
    )
      continue;
    const t = tokens[i] as Token;
    const entity = statement ? issuerOf(ctx, i) : bodyWithHead(ctx, nameWords, head, t.start);
    if (entity)
      ctx.addRef(entity, t.start + (ctx.lead[i] as number), t.end, "nominal", CONFIDENCE.nominal);
  }
}

/** The nearest body before offset `at` whose name has `head` as its head or second word. */
function bodyWithHead(
  ctx: CorefContext,
  nameWords: ReadonlyMap<Entity, [string, string][]>,
  head: string,
  at: number,
): Entity | undefined {
  for (const ref of ctx.recentBefore(
    at,
    (r) => r.entity.type === "ORG" && r.kind === "name",
    true,
  )) {
    // a mention of the body in another form (الجبهة for الجبهة الشعبية) counts as well
    for (const [first, second] of nameWords.get(ref.entity) ?? [])
      if (first === head || (second === head && ORGANISATION_HEADS.has(first))) return ref.entity;
    const name = normalizeArabic(ref.entity.name).split(" ").map(stripArticle);
    if (name[0] === head || (name[1] === head && ORGANISATION_HEADS.has(name[0] ?? "")))
      return ref.entity;
  }
  return undefined;
}

/**
 * Who issued the statement at token i: the body or person named with the last statement noun
 * before it (بيان وزارة الخارجية، بيان صادر عن الحزب، في بيان لها → the clause's subject).
 */
function issuerOf(ctx: CorefContext, i: number): Entity | undefined {
  const { clauses, base, tokens } = ctx;
  for (let k = i - 1; k >= 0 && i - k < 400; k--) {
    if (!clauses.isWord(k)) continue;
    const b = stripArticle(base[k] as string).replace(/ا$/, "");
    if (!STATEMENT_NOUNS.has(b)) continue;
    // بيان X / بيان صادر عن X / بيان لـ X
    for (let j = k + 1; j < Math.min(tokens.length, k + 4); j++) {
      const ref = ctx.refAt(j);
      if (ref && ref.entity.type !== "LOC") return ref.entity;
      if (!clauses.isWord(j)) break;
    }
    // في بيان له / أصدرت X بيانا: the subject of the clause
    const main = clauses.mainClause(k);
    if (main && main.subject >= 0) {
      const ref = ctx.refAt(main.subject);
      if (ref && ref.entity.type !== "LOC") return ref.entity;
    }
    return undefined;
  }
  return undefined;
}
