/**
 * Role descriptions: the noun phrases that say what a person is (وزير التنمية الألماني، النائب
 * عن الجبهة الشعبية، المتحدث باسم الوزارة). An article gives them next to the name, before it
 * (وزير الخارجية الروسي سيرغي لافروف) or after it (يوري أوشاكوف، مساعد الرئيس الروسي،), and then
 * uses one alone for the person (وقال الوزير). A description is kept as its head noun and the
 * words that qualify it, so that a later title can be compared with it word by word.
 */
import type { Token } from "../analysis.js";
import { GENERIC_MODIFIERS, ORGANISATION_HEADS } from "../entities/index.js";
import { FUNCTION_WORDS } from "../syntax/index.js";
import { normalizeArabic } from "../text/index.js";
import type { CorefContext } from "./context.js";
import { RANKS, type RoleNoun, roleNoun } from "./lexicon.js";

/** An office a description names, with the word that says which (وزير [الخارجية]). */
export interface HeldRole extends RoleNoun {
  at: number;
  complement?: string;
}

/** A role description in the text: tokens [first, last) headed by a role noun. */
export interface Description {
  first: number;
  last: number;
  start: number;
  end: number;
  role: RoleNoun;
  /**
   * Every office the description says the person holds, the head first: "مستشار خادم الحرمين
   * الشريفين [أمير] منطقة مكة" holds مستشار and أمير; "نائب أمير المنطقة" only نائب (the أمير
   * there is the genitive of نائب: the emir's deputy).
   */
  held: HeldRole[];
  /** The qualifying words, without the article (خارجية، ألماني، سابق). */
  words: string[];
  /** The word right after the head when it is a noun complement (وزير [الخارجية]). */
  complement?: string;
  /** The country a nationality adjective in it names (الألماني → DEU). */
  country?: string;
  /** Marked as a former holder (السابق، الأسبق). */
  former: boolean;
  /** A person the description belongs to in a construct (مستشار بوتين): never its holder. */
  owner?: string;
  /**
   * The body the office belongs to, as words after باسم / ل / في (المتحدث باسم [الحركة]،
   * المتحدث الرسمي لـ[وزارة العدل]): two different bodies are two different people.
   */
  affiliation?: string[];
}

const FORMER = new Set(["سابق", "سابقه", "اسبق", "اسبقه", "متخلي", "متخليه", "منتهيه"]);

/** Prepositions that may continue a description (المتحدث باسم الوزارة، النائب عن الجبهة). */
const DESCRIPTION_PREPOSITIONS = new Set(["في", "عن", "من", "لدي", "باسم"]);

/** The longest a description runs, in tokens. */
export const MAX_DESCRIPTION = 16;

/**
 * The description headed by the role noun at token r, or undefined when r is no role noun. It
 * runs over definite words (الخارجية الروسي), a construct chain (وزير خارجية قطر، نائب رئيس
 * الوزراء), prepositional complements (باسم الحكومة، عن حركة نداء تونس) and names of bodies and
 * places, and stops at punctuation, a person's name, a rank, a verb or a particle.
 */
export function descriptionAt(ctx: CorefContext, r: number): Description | undefined {
  const { clauses, base, tokens } = ctx;
  if (!clauses.isWord(r)) return undefined;
  const role = roleNoun(base[r] as string);
  if (!role) return undefined;
  const stop = clauses.sentenceStop(r);
  let j = r + 1;
  let last = r + 1;
  let construct = !(base[r] as string).startsWith("ال");
  let owner: string | undefined;
  const held: number[] = [r];
  while (j < stop && j - r < MAX_DESCRIPTION) {
    const t = tokens[j] as Token;
    // a number inside a name of a body (منسق الأمانة العامة لقوى 14 آذار)
    if (t.kind === "number" && j > r + 1) {
      j++;
      continue;
    }
    // a body's name in quotation marks (المحللة في مصرف «سيتي غروب»)
    if (t.kind === "quote" && j > r + 1) {
      const close = closingMark(tokens, j, stop);
      if (close < 0) break;
      j = close + 1;
      last = j;
      construct = false;
      continue;
    }
    if (t.kind !== "word" && t.kind !== "latin") break;
    const ref = ctx.refAt(j);
    if (ref) {
      // a name after a definite title is the person described (الرئيس بوتين); after a title in
      // construct it is the title's genitive (مستشار بوتين: Putin's adviser)
      const person = ref.entity.type === "PER" && (ref.kind === "name" || ref.kind === "pronoun");
      if (person && !construct) break;
      if (person) owner = ref.entity.id;
      j = ref.last;
      last = j;
      construct = false;
      continue;
    }
    const b = base[j] as string;
    const norm = clauses.norms[j] as string;
    if (RANKS.has(b)) break;
    if (DESCRIPTION_PREPOSITIONS.has(norm)) {
      // its object may be a noun in construct (في مصرف «سيتي غروب»، باسم وزارة الخارجية)
      construct = true;
      j++;
      continue;
    }
    if (FUNCTION_WORDS.has(norm) || FUNCTION_WORDS.has(clauses.bare[j] as string)) break;
    if (roleNoun(b)) {
      // after a complete phrase it is another office held; after a head in construct, that
      // head's genitive (نائب [أمير] المنطقة)
      if (!construct) held.push(j);
      construct = !b.startsWith("ال");
      j++;
      last = j;
      continue;
    }
    if (b.startsWith("ال")) {
      construct = false;
      j++;
      last = j;
      continue;
    }
    // ل + a noun in construct (لشؤون المسجد الحرام، لقوى 14 آذار): its genitive follows
    if (/^[لب]/.test(norm) && !clauses.isVerb(j) && norm.length > 3) {
      construct = true;
      j++;
      last = j;
      continue;
    }
    // an indefinite word only as the next link of a construct chain (وزير خارجية قطر)
    if (!construct || clauses.isVerb(j)) break;
    j++;
    last = j;
  }
  const d = describe(ctx, r, last, role, held);
  return owner ? { ...d, owner } : d;
}

/** The mark closing a short quoted name opened at token `open` (at most 4 words), or -1. */
function closingMark(tokens: readonly Token[], open: number, stop: number): number {
  for (let k = open + 1; k < Math.min(stop, open + 6); k++) {
    const t = tokens[k] as Token;
    if (t.kind === "quote") return k > open + 1 ? k : -1;
    if (t.kind !== "word" && t.kind !== "latin" && t.kind !== "number") return -1;
  }
  return -1;
}

function describe(
  ctx: CorefContext,
  r: number,
  last: number,
  role: RoleNoun,
  heldAt: number[],
): Description {
  const { base, tokens, kb } = ctx;
  const words: string[] = [];
  let country: string | undefined;
  let former = false;
  let complement: string | undefined;
  for (let k = r + 1; k < last; k++) {
    const t = tokens[k] as Token;
    if (t.kind !== "word") continue;
    const w = stripArticle(base[k] as string);
    if (DESCRIPTION_PREPOSITIONS.has(w) || w.length < 2) continue;
    if (FORMER.has(w)) {
      former = true;
      continue;
    }
    const nation = kb.adjective(base[k] as string);
    if (nation?.kind === "country" && !country) country = nation.id;
    // a nationality the KB does not know (البولوني) still rules out every other country
    else if (!country && isUnknownNationality(base[k] as string, k - r)) country = `?${w}`;
    // the genitive of a title in construct says which office (وزير [الخارجية]); after a
    // definite title the next word is an adjective (المسؤول الحكومي، الأمين العام)
    else if (k === r + 1 && !role.definite && !GENERIC_MODIFIERS.has(base[k] as string))
      complement = w;
    words.push(w);
  }
  const ref = ctx.refAt(r + 1);
  if (!country && ref?.entity.type === "LOC" && ref.entity.kb?.id.length === 3)
    country = ref.entity.kb.id;
  const affiliation = affiliationOf(ctx, r, last);
  const held: HeldRole[] = heldAt.map((at, n) => {
    const own = n === 0 ? role : (roleNoun(base[at] as string) as RoleNoun);
    const next = at + 1 < last ? (base[at + 1] as string) : undefined;
    const which =
      n === 0
        ? complement
        : next &&
            tokens[at + 1]?.kind === "word" &&
            !GENERIC_MODIFIERS.has(next) &&
            !kb.adjective(next)
          ? stripArticle(next)
          : undefined;
    return { ...own, at, ...(which ? { complement: which } : {}) };
  });
  return {
    first: r,
    last,
    start: (tokens[r] as Token).start + (ctx.lead[r] as number),
    end: (tokens[last - 1] as Token).end,
    role,
    held,
    words,
    ...(complement ? { complement } : {}),
    ...(country ? { country } : {}),
    ...(affiliation.length > 0 ? { affiliation } : {}),
    former,
  };
}

/** Content words after the first باسم / عن / ل+noun inside tokens (r, last); not في (a place). */
function affiliationOf(ctx: CorefContext, r: number, last: number): string[] {
  const { base, clauses } = ctx;
  for (let k = r + 1; k < last; k++) {
    const norm = clauses.norms[k] as string;
    // ل on a noun in construct (لوزارة العدل) or on a name (للأمم المتحدة); not on a plain
    // definite noun, which is more often who was addressed (للصحفيين)
    const fused =
      /^ل/.test(norm) &&
      !(base[k] as string).startsWith("ل") &&
      (!(base[k] as string).startsWith("ال") || ctx.refAt(k) !== undefined);
    if (!fused && norm !== "باسم" && norm !== "عن") continue;
    const out: string[] = [];
    for (let j = fused ? k : k + 1; j < last; j++) {
      const w = stripArticle(base[j] as string);
      if (clauses.isWord(j) && !DESCRIPTION_PREPOSITIONS.has(w) && !ORGANISATION_HEADS.has(w))
        out.push(masculine(w));
    }
    return out;
  }
  return [];
}

/** A definite -ي adjective after the head that is no common qualifier: a nationality. */
function isUnknownNationality(word: string, position: number): boolean {
  return (
    position >= 1 &&
    /^ال..+ي$/.test(word) &&
    !GENERIC_MODIFIERS.has(word) &&
    !NOT_NATIONALITY.has(word)
  );
}

/** -ي adjectives in descriptions that say what kind of office, not whose. */
const NOT_NATIONALITY = new Set(
  "الرسمي الاعلامي الامني العسكري السياسي الاقتصادي الدبلوماسي الاعلي الشرعي الفعلي الانتقالي الاقليمي الدولي الاممي الشعبي البرلماني الحكومي الرياضي الفني الثقافي الصحي القانوني الاداري الميداني".split(
    " ",
  ),
);

export function stripArticle(word: string): string {
  return word.startsWith("ال") && word.length > 3 ? word.slice(2) : word;
}

/**
 * How well a title used alone fits a description given earlier: a number (higher is better),
 * or undefined when they cannot be the same person (another head, another country, another
 * portfolio). Qualifiers the description lacks neither help nor rule out (النائب السابق fits
 * النائب).
 */
export function fits(title: Description, earlier: Description): number | undefined {
  // المسؤول (the official) stands for anyone holding an office
  const anyOffice = title.role.noun === HYPERNYM && !title.complement;
  const office = earlier.held.find(
    (h) =>
      (h.noun === title.role.noun || anyOffice) &&
      !(title.role.gender === "f" && h.gender !== "f") &&
      !(
        title.complement &&
        h.complement &&
        masculine(title.complement) !== masculine(h.complement)
      ),
  );
  if (!office) return undefined;
  if (title.country && earlier.country && title.country !== earlier.country) return undefined;
  if (
    title.affiliation &&
    earlier.affiliation &&
    !title.affiliation.some((w) => earlier.affiliation?.includes(w))
  )
    return undefined;
  let score = 0;
  if (title.country && title.country === earlier.country) score += 2;
  if (title.former && earlier.former) score += 1;
  const words = new Set(earlier.words.map(masculine));
  for (const w of title.words) if (words.has(masculine(w))) score += 2;
  return score;
}

/** The noun a title may use for any office: المسؤول. */
export const HYPERNYM = normalizeArabic("مسؤول");

/** A word without its feminine ending (فخرية → فخري), to compare qualifiers across gender. */
function masculine(word: string): string {
  return word.endsWith("ه") && word.length > 3 ? word.slice(0, -1) : word;
}
