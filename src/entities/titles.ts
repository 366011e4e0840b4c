/**
 * Titles that name a person through an office: "الرئيس الروسي", "رئيس الوزراء الإسرائيلي",
 * "وزير خارجية قطر", "الأمين العام للأمم المتحدة". A title is an office (a KB role) of a country
 * or organisation; who holds it depends on the article's date, which the caller resolves with
 * KnowledgeBase.holders. "المنتخب" (elect) asks for the next holder; "السابق" (former) names no
 * one we can tell, so such titles are not matched.
 */
import { normalizeArabic } from "../text/index.js";
import { longestNameAt, type SentenceForms } from "./forms.js";
import type { KbEntry, KbRoleName, KnowledgeBase } from "./kb.js";

export interface TitleMatch {
  /** Token indices into the sentence's name tokens, end exclusive. */
  start: number;
  end: number;
  role: KbRoleName;
  /** The country (alpha-3) or organisation id whose office it is. */
  of: string;
  /** The office's next holder is meant (الرئيس المنتخب). */
  elect: boolean;
}

/** How a title names its country or organisation. */
type Complement =
  /** a nationality adjective after a definite title: الرئيس الروسي */
  | "adjective"
  /** a country name after a construct title: رئيس روسيا، وزير خارجية قطر */
  | "country"
  /** an organisation name: الأمين العام للأمم المتحدة، زعيم حزب الله */
  | "organisation";

interface TitlePattern {
  words: string[];
  role: KbRoleName;
  complement: Complement;
}

const PATTERNS: readonly TitlePattern[] = (
  [
    ["الرئيس", "head-of-state", "adjective"],
    ["رئيس", "head-of-state", "country"],
    ["الملك", "head-of-state", "adjective"],
    ["العاهل", "head-of-state", "adjective"],
    ["ملك", "head-of-state", "country"],
    ["أمير", "head-of-state", "country"],
    ["سلطان", "head-of-state", "country"],
    ["رئيس الوزراء", "head-of-government", "adjective"],
    ["رئيس الحكومة", "head-of-government", "adjective"],
    ["رئيسة الوزراء", "head-of-government", "adjective"],
    ["رئيسة الحكومة", "head-of-government", "adjective"],
    ["الوزير الأول", "head-of-government", "adjective"],
    ["المستشار", "head-of-government", "adjective"],
    ["المستشارة", "head-of-government", "adjective"],
    ["رئيس وزراء", "head-of-government", "country"],
    ["رئيسة وزراء", "head-of-government", "country"],
    ["رئيس حكومة", "head-of-government", "country"],
    ["وزير الخارجية", "foreign-minister", "adjective"],
    ["وزيرة الخارجية", "foreign-minister", "adjective"],
    ["رئيس الدبلوماسية", "foreign-minister", "adjective"],
    ["وزير خارجية", "foreign-minister", "country"],
    ["وزيرة خارجية", "foreign-minister", "country"],
    ["وزير الدفاع", "defence-minister", "adjective"],
    ["وزيرة الدفاع", "defence-minister", "adjective"],
    ["وزير دفاع", "defence-minister", "country"],
    ["نائب الرئيس", "vice-president", "adjective"],
    ["نائبة الرئيس", "vice-president", "adjective"],
    ["ولي العهد", "crown-prince", "adjective"],
    ["ولي عهد", "crown-prince", "country"],
    ["المرشد الأعلى", "supreme-leader", "adjective"],
    ["المرشد", "supreme-leader", "adjective"],
    ["الأمين العام", "secretary-general", "organisation"],
    ["أمين عام", "secretary-general", "organisation"],
    ["زعيم", "leader", "organisation"],
    ["قائد", "leader", "organisation"],
    ["رئيس", "leader", "organisation"],
  ] as const
).map(([words, role, complement]) => ({
  words: words.split(" ").map(normalizeArabic),
  role,
  complement,
}));

/** Patterns by their first word, longest first so that رئيس الوزراء wins over رئيس. */
const BY_FIRST = new Map<string, TitlePattern[]>();
for (const p of PATTERNS) {
  const first = p.words[0] as string;
  const list = BY_FIRST.get(first) ?? [];
  list.push(p);
  list.sort((a, b) => b.words.length - a.words.length);
  BY_FIRST.set(first, list);
}

const ELECT = new Set(["المنتخب", "المنتخبه", "المكلف", "المكلفه"].map(normalizeArabic));
const FORMER = new Set(["السابق", "السابقه", "الاسبق", "الاسبقه", "الراحل", "الراحله"]);

/** Adjectives in -ي after a home title that name no country (وزير الخارجية الجديد is the home one). */
const NOT_NATIONALITY = new Set(
  ["الحالي", "الحاليه", "الانتقالي", "الانتقاليه", "الشرعي", "الشرعيه", "الفعلي", "الرسمي"].map(
    normalizeArabic,
  ),
);

/** Roles that an organisation, not a country, has. */
const ORGANISATION_ROLES = new Set<KbRoleName>(["secretary-general", "leader"]);

/** Titles in a sentence of name tokens (see forms.ts), left to right. */
export function findTitles(
  forms: SentenceForms,
  kb: KnowledgeBase,
  /** The article's own country (alpha-3), for titles that name no country (رئيس الحكومة). */
  home?: string,
): TitleMatch[] {
  const out: TitleMatch[] = [];
  let i = 0;
  while (i < forms.raw.length) {
    const match =
      fixedTitleAt(forms, i) ??
      titleAt(forms, i, kb) ??
      (home ? homeTitleAt(forms, i, home) : undefined);
    if (match) {
      out.push(match);
      i = match.end;
    } else i++;
  }
  return out;
}

function titleAt(forms: SentenceForms, i: number, kb: KnowledgeBase): TitleMatch | undefined {
  const { raw, base } = forms;
  // ولي ولي العهد (the deputy crown prince) is not ولي العهد
  if (i > 0 && base[i] === raw[i - 1] && base[i] === normalizeArabic("ولي")) return undefined;
  for (const pattern of BY_FIRST.get(base[i] as string) ?? []) {
    const { words } = pattern;
    if (!words.every((w, k) => k === 0 || raw[i + k] === w)) continue;
    const after = i + words.length;
    const target = complementAt(forms, after, pattern, kb);
    if (!target) continue;
    const next = raw[target.end];
    if (next !== undefined && FORMER.has(next)) return undefined;
    const elect = next !== undefined && ELECT.has(next);
    return {
      start: i,
      end: elect ? target.end + 1 : target.end,
      role: pattern.role,
      of: target.id,
      elect,
    };
  }
  return undefined;
}

/** Titles that name one office by themselves (خادم الحرمين الشريفين: the king of Saudi Arabia). */
const FIXED_TITLES: readonly { words: string[]; role: KbRoleName; of: string }[] = (
  [["خادم الحرمين الشريفين", "head-of-state", "SAU"]] as const
).map(([words, role, of]) => ({ words: words.split(" ").map(normalizeArabic), role, of }));

function fixedTitleAt(forms: SentenceForms, i: number): TitleMatch | undefined {
  const { raw, base } = forms;
  for (const { words, role, of } of FIXED_TITLES) {
    if (base[i] !== words[0] || !words.every((w, k) => k === 0 || raw[i + k] === w)) continue;
    return { start: i, end: i + words.length, role, of, elect: false };
  }
  return undefined;
}

/**
 * National offices named without a country (رئيس الجمهورية، رئيس الحكومة، وزير الخارجية): in
 * the news they are the offices of the article's own country.
 */
const HOME_TITLES: readonly { words: string[]; role: KbRoleName }[] = (
  [
    ["رئيس الجمهورية", "head-of-state"],
    ["رئيس الدولة", "head-of-state"],
    ["رئيس الحكومة", "head-of-government"],
    ["رئيسة الحكومة", "head-of-government"],
    ["رئيس الوزراء", "head-of-government"],
    ["الوزير الأول", "head-of-government"],
    ["وزير الخارجية", "foreign-minister"],
    ["وزيرة الخارجية", "foreign-minister"],
    ["وزير الدفاع", "defence-minister"],
    ["وزيرة الدفاع", "defence-minister"],
  ] as const
).map(([words, role]) => ({ words: words.split(" ").map(normalizeArabic), role }));

function homeTitleAt(forms: SentenceForms, i: number, home: string): TitleMatch | undefined {
  const { raw, base } = forms;
  for (const { words, role } of HOME_TITLES) {
    if (base[i] !== words[0] || !words.every((w, k) => k === 0 || raw[i + k] === w)) continue;
    const end = i + words.length;
    const next = raw[end];
    if (next !== undefined && FORMER.has(next)) return undefined;
    // وزير الخارجية البولوني: a nationality the KB does not know is still another country's
    if (next !== undefined && /^ال..+(ي|يه)$/.test(next) && !NOT_NATIONALITY.has(next))
      return undefined;
    const elect = next !== undefined && ELECT.has(next);
    return { start: i, end: elect ? end + 1 : end, role, of: home, elect };
  }
  return undefined;
}

function complementAt(
  forms: SentenceForms,
  at: number,
  pattern: TitlePattern,
  kb: KnowledgeBase,
): { id: string; end: number } | undefined {
  const word = forms.raw[at];
  if (word === undefined) return undefined;
  if (pattern.complement === "adjective") {
    const country = kb.adjective(word);
    return country ? { id: country.id, end: at + 1 } : undefined;
  }
  const match = longestNameAt(forms, at, kb);
  if (!match) return undefined;
  for (const id of match.ids) {
    const entry = kb.get(id);
    if (!entry) continue;
    const fits =
      pattern.complement === "country"
        ? entry.kind === "country"
        : entry.type === "ORG" && ORGANISATION_ROLES.has(pattern.role);
    if (fits) return { id, end: match.end };
  }
  return undefined;
}

/**
 * Who held the title's office on `date` (YYYY-MM-DD), latest appointed first; for an elect
 * title, who holds it some months later (the winner not yet in office when the article ran).
 */
export function titleHolders(title: TitleMatch, kb: KnowledgeBase, date: string): KbEntry[] {
  return kb.holders(
    title.role,
    title.of,
    title.elect ? shiftDays(date, ELECT_LOOKAHEAD_DAYS) : date,
  );
}

/** Elections are decided weeks to months before the winner takes office. */
const ELECT_LOOKAHEAD_DAYS = 100;

function shiftDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t)) return date;
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}
