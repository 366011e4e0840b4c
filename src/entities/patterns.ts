/**
 * Organisation names by their shape, for the many institutions no gazetteer lists: a head noun
 * that names a kind of body, then the definite words that name which one (وزارة الدفاع الوطني،
 * المندوبية الجهوية للتربية، الحكومة التونسية، الاتحاد العام التونسي للشغل). And media names
 * that Arabic copy puts in quotation marks after صحيفة، وكالة، قناة... (صحيفة "الخبر الجزائرية").
 */
import type { Token } from "../analysis.js";
import { normalizeArabic } from "../text/index.js";
import type { SentenceForms } from "./forms.js";

export interface PatternMatch {
  /** Name-token indices [start, end) in the sentence (see forms.ts). */
  start: number;
  end: number;
}

/** Kinds of bodies, in their bare form; matched with or without ال. */
export const ORGANISATION_HEADS: ReadonlySet<string> = new Set(
  (
    "وزارة رئاسة حكومة محكمة مجلس اتحاد جمعية هيئة لجنة مندوبية ديوان مكتب حركة حزب جبهة " +
    "منظمة نقابة جامعة مركز معهد مؤسسة بنك شركة صندوق وكالة جيش قوات بلدية مديرية كتيبة " +
    "تنسيقية غرفة سفارة قنصلية كلية مدرسة أكاديمية إذاعة تلفزة فرقة خفر حرس برلمان نادي " +
    "مجمع ائتلاف رابطة كتلة تحالف تنظيم جماعة قوة لجان مقاومة درك شرطة كتائب سرايا ألوية " +
    "حشد ميليشيا"
  )
    .split(" ")
    .map(normalizeArabic),
);

/** Modifiers that make no name of a head (الحكومة الحالية، المجلس البلدي، الشركة المذكورة). */
export const GENERIC_MODIFIERS: ReadonlySet<string> = new Set(
  (
    "الحالي الحاليه الجديد الجديده السابق السابقه المذكور المذكوره الاول الاولي الثاني الثانيه " +
    "المحلي المحليه البلدي البلديه المعني المعنيه المختص المختصه نفسه نفسها ذاته ذاتها المقبل " +
    "المقبله القادم القادمه الماضي الماضيه المركزي الجهوي الجهويه العام العامه الخاص الخاصه " +
    "الكبري الكبير المعنيين الموقر الموقره العليا الاعلي الوطني الوطنيه الابتداييه الاعداديه " +
    "الثانويه الخاصه العموميه الحكوميه الامن"
  ).split(" "),
);

const MAX_MODIFIERS = 5;

/**
 * Heads that are also verbal nouns: in construct they name an action (مقاومة الإرهاب "resisting
 * terrorism", تنظيم الانتخابات "organising the elections"); only with the article and an
 * adjective do they name a body (المقاومة الشعبية، التنظيم السري).
 */
const VERBAL_NOUN_HEADS = new Set("مقاومة تنظيم".split(" ").map(normalizeArabic));

/**
 * Forces of which a country has one, so that even a generic modifier names it (الدرك الوطني،
 * الحرس الوطني، الشرطة الوطنية, but not الحكومة الحالية).
 */
const NATIONAL_FORCES = new Set("درك حرس شرطة جيش".split(" ").map(normalizeArabic));

/** Words that end a name: a rank or title before a person's name, a relative pronoun. */
const STOPS = new Set(
  (
    "المقدم العقيد العميد اللواء الفريق الجنرال الرائد النقيب الوزير الرييس الامين السيد " +
    "السيده الدكتور الشيخ الناطق المتحدث الاستاذ النايب المدير الكاتب القاضي المحامي الذي " +
    "التي الذين اللذين اللتين اللاتي اللواتي اليوم الامس الاحد الاثنين الثلاثاء الاربعاء " +
    "الخميس الجمعه السبت الماضي الجاري الفارط المقبل القادم"
  ).split(" "),
);

/**
 * Organisation names in a sentence of name tokens, left to right, not overlapping. `adjacent(j)`
 * says whether name token j follows j - 1 with only space between (no comma, no quotation mark);
 * `person(j)` whether a person's name starts at token j (the name ends before it).
 */
export function organisationNames(
  forms: SentenceForms,
  adjacent: (j: number) => boolean,
  person: (j: number) => boolean,
): PatternMatch[] {
  const out: PatternMatch[] = [];
  const n = forms.raw.length;
  let i = 0;
  while (i < n) {
    const base = forms.base[i] as string;
    const bare = base.startsWith("ال") ? base.slice(2) : base;
    if (!ORGANISATION_HEADS.has(bare) || (VERBAL_NOUN_HEADS.has(bare) && bare === base)) {
      i++;
      continue;
    }
    let j = i + 1;
    let named = false;
    let linked = false;
    while (j < n && j - i <= MAX_MODIFIERS && adjacent(j) && !person(j)) {
      const raw = forms.raw[j] as string;
      if (STOPS.has(raw) || disagreeingAdjective(forms.raw, i, j)) break;
      // ل + definite (للتربية) once; then definite words and و + definite (والصيد البحري)
      const prepositional = raw.startsWith("لل");
      const coordinated = linked && raw.startsWith("وال");
      if (!(isModifier(raw) || coordinated) || (prepositional && linked)) break;
      if (prepositional) linked = true;
      if (!GENERIC_MODIFIERS.has(raw) || NATIONAL_FORCES.has(bare)) named = true;
      j++;
    }
    if (named) {
      out.push({ start: i, end: j });
      i = j;
    } else i++;
  }
  return out;
}

/**
 * Whether raw[j] is a definite masculine singular adjective (a nisba الـ…ي or a participle
 * الم…) while every word of the name before it, raw[first..j), is feminine or a plural in ـات
 * (which takes feminine agreement): then it cannot describe any of them.
 */
export function disagreeingAdjective(raw: readonly string[], first: number, j: number): boolean {
  const word = raw[j] as string;
  if (!word.startsWith("ال") || word.length < 5) return false;
  const adjective = word.endsWith("ي") || word.startsWith("الم");
  if (!adjective || /[هت]$/.test(word)) return false;
  for (let k = first; k < j; k++) if (!/(ه|ات)$/.test(raw[k] as string)) return false;
  return true;
}

/** A word that can go on naming a body: definite (الدفاع) or ل + definite (للتربية، للشغل). */
function isModifier(raw: string): boolean {
  return raw.length > 3 && (raw.startsWith("ال") || raw.startsWith("لل"));
}

/** Nouns after which a quoted name is a medium or a body (صحيفة "الخبر"، وكالة «رويترز»). */
const MEDIA_NOUNS = new Set(
  "صحيفة جريدة يومية أسبوعية مجلة وكالة قناة إذاعة موقع شبكة تلفزيون حزب حركة جمعية شركة"
    .split(" ")
    .map(normalizeArabic),
);

/** Nouns after which a name may also come without marks (لصحيفة الخبر الجزائرية). */
const PRESS_NOUNS = new Set("صحيفة جريدة يومية مجلة قناة إذاعة".split(" ").map(normalizeArabic));

/**
 * A name right after such a noun, as offsets [start, end) of the name alone: up to four words
 * inside quotation marks, or, after a press noun, up to three definite words that are not
 * generic (صحيفة الخبر الجزائرية, not الصحيفة المحلية).
 */
export function quotedNames(
  text: string,
  tokens: readonly Token[],
): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    const noun = tokens[i] as Token;
    const open = tokens[i + 1] as Token;
    if (noun.kind !== "word") continue;
    const nounNorm = noun.norm ?? normalizeArabic(noun.text);
    const norm = nounNorm.replace(/^(و|ف|ب|ل|ك|وب|ول)?(ال)?/, "");
    if (open.kind === "word" && PRESS_NOUNS.has(norm) && !/^(و|ف|ب|ل|ك)*ال/.test(nounNorm)) {
      let k = i + 1;
      while (k < tokens.length && k - i <= 3 && isPressName(tokens[k] as Token)) k++;
      const names = tokens.slice(i + 1, k);
      if (names.some((t) => !GENERIC_MODIFIERS.has(t.norm ?? normalizeArabic(t.text)))) {
        out.push({ start: open.start, end: (tokens[k - 1] as Token).end });
        i = k - 1;
      }
      continue;
    }
    if (!MEDIA_NOUNS.has(norm) || open.kind !== "quote") continue;
    // the name: up to four words, then a closing mark
    let k = i + 2;
    let words = 0;
    while (k < tokens.length && tokens[k]?.kind === "word" && words < 4) {
      k++;
      words++;
    }
    const close = tokens[k];
    if (
      words === 0 ||
      close?.kind !== "quote" ||
      (close.text === open.text && !/["']/.test(close.text))
    )
      continue;
    const first = tokens[i + 2] as Token;
    const last = tokens[k - 1] as Token;
    if (!text.slice(first.start, last.end).includes("\n"))
      out.push({ start: first.start, end: last.end });
    i = k;
  }
  return out;
}

function isPressName(t: Token): boolean {
  return (
    t.kind === "word" && (t.norm ?? normalizeArabic(t.text)).startsWith("ال") && t.text.length > 3
  );
}
