/**
 * The words of Arabic time expressions, by role. Every table is keyed by a core form in
 * `normalizeArabic` spelling (أ/إ/آ → ا, ى → ي, ة → ه, no diacritics), and `lookupWord` maps a
 * token's normalised form, with its proclitics (و ف ب ل ك) and article, to that core in one Map
 * lookup: every clitic variant of every core is generated once at load time, so the scanner never
 * slices words.
 */
import { normalizeArabic } from "../text/index.js";

/** Gregorian months: MSA/Egyptian, Levantine (one-word), Maghrebi and Moroccan names. */
const MONTH_WORDS: Record<string, number> = {
  يناير: 1,
  جانفي: 1,
  جانفييه: 1,
  فبراير: 2,
  فيفري: 2,
  شباط: 2,
  مارس: 3,
  آذار: 3,
  أبريل: 4,
  إبريل: 4,
  ابريل: 4,
  أفريل: 4,
  افريل: 4,
  نيسان: 4,
  مايو: 5,
  ماي: 5,
  أيار: 5,
  يونيو: 6,
  يونيه: 6,
  جوان: 6,
  حزيران: 6,
  يوليو: 7,
  يوليه: 7,
  جويلية: 7,
  يوليوز: 7,
  تموز: 7,
  أغسطس: 8,
  اغسطس: 8,
  أوت: 8,
  غشت: 8,
  آب: 8,
  سبتمبر: 9,
  شتنبر: 9,
  أيلول: 9,
  أكتوبر: 10,
  اكتوبر: 10,
  نوفمبر: 11,
  نونبر: 11,
  ديسمبر: 12,
  دجنبر: 12,
};

/** Month names that are also common words (مارس "practised", آب "father"): need support. */
const AMBIGUOUS_MONTHS = ["مارس", "آب", "ماي"];

/** Two-word Levantine months: first word → second word → month. */
const MONTH_PAIRS: Record<string, Record<string, number>> = {
  كانون: { الثاني: 1, ثاني: 1, الأول: 12, اول: 12 },
  تشرين: { الأول: 10, اول: 10, الثاني: 11, ثاني: 11 },
};

/** Hijri months; the one-word names double as personal names, so they need support. */
const HIJRI_WORDS: Record<string, number> = {
  محرم: 1,
  صفر: 2,
  رجب: 7,
  شعبان: 8,
  رمضان: 9,
  شوال: 10,
};

const HIJRI_PAIRS: Record<string, Record<string, number>> = {
  ربيع: { الأول: 3, اول: 3, الثاني: 4, الآخر: 4, ثاني: 4 },
  جمادى: { الأولى: 5, الأول: 5, الثانية: 6, الآخرة: 6, الآخر: 6, الثاني: 6 },
  ذو: { القعدة: 11, الحجة: 12 },
  ذي: { القعدة: 11, الحجة: 12 },
};

/** ISO weekday numbers (Monday 1 … Sunday 7). */
const WEEKDAY_WORDS: Record<string, number> = {
  اثنين: 1,
  إثنين: 1,
  ثلاثاء: 2,
  ثلاثا: 2,
  أربعاء: 3,
  أربعا: 3,
  خميس: 4,
  جمعة: 5,
  سبت: 6,
  أحد: 7,
};

/** Cardinals. Values ≥ 20 are tens (combine with و), 100s and 1000s. */
const CARDINAL_WORDS: Record<string, number> = {
  واحد: 1,
  واحدة: 1,
  أحد: 1,
  إحدى: 1,
  اثنان: 2,
  اثنين: 2,
  اثنتان: 2,
  اثنتين: 2,
  اثنا: 2,
  اثني: 2,
  اتنين: 2,
  ثلاث: 3,
  ثلاثة: 3,
  تلات: 3,
  تلاتة: 3,
  أربع: 4,
  أربعة: 4,
  خمس: 5,
  خمسة: 5,
  ست: 6,
  ستة: 6,
  سبع: 7,
  سبعة: 7,
  ثمان: 8,
  ثماني: 8,
  ثمانية: 8,
  تمن: 8,
  تمانية: 8,
  تسع: 9,
  تسعة: 9,
  عشر: 10,
  عشرة: 10,
  عشرون: 20,
  عشرين: 20,
  ثلاثون: 30,
  ثلاثين: 30,
  تلاتين: 30,
  أربعون: 40,
  أربعين: 40,
  خمسون: 50,
  خمسين: 50,
  ستون: 60,
  ستين: 60,
  سبعون: 70,
  سبعين: 70,
  ثمانون: 80,
  ثمانين: 80,
  تسعون: 90,
  تسعين: 90,
  مائة: 100,
  مئة: 100,
  مية: 100,
  مائتان: 200,
  مائتين: 200,
  مئتان: 200,
  مئتين: 200,
  ثلاثمائة: 300,
  ثلاثمئة: 300,
  أربعمائة: 400,
  أربعمئة: 400,
  خمسمائة: 500,
  خمسمئة: 500,
  ستمائة: 600,
  ستمئة: 600,
  سبعمائة: 700,
  سبعمئة: 700,
  ثمانمائة: 800,
  ثمانمئة: 800,
  تسعمائة: 900,
  تسعمئة: 900,
  ألف: 1000,
  ألفان: 2000,
  ألفين: 2000,
  الفين: 2000,
};

/** Ordinals, masculine and feminine (the feminine ones also name clock hours). */
const ORDINAL_WORDS: Record<string, number> = {
  أول: 1,
  أولى: 1,
  حادي: 1,
  حادية: 1,
  ثاني: 2,
  ثانية: 2,
  ثالث: 3,
  ثالثة: 3,
  رابع: 4,
  رابعة: 4,
  خامس: 5,
  خامسة: 5,
  سادس: 6,
  سادسة: 6,
  سابع: 7,
  سابعة: 7,
  ثامن: 8,
  ثامنة: 8,
  تاسع: 9,
  تاسعة: 9,
  عاشر: 10,
  عاشرة: 10,
};

/** Feminine ordinals that name clock hours (الثالثة = three o'clock), plus الواحدة. */
const HOUR_WORDS: Record<string, number> = {
  واحدة: 1,
  ثانية: 2,
  ثالثة: 3,
  رابعة: 4,
  خامسة: 5,
  سادسة: 6,
  سابعة: 7,
  ثامنة: 8,
  تاسعة: 9,
  عاشرة: 10,
  حادية: 11,
};

export type Unit = "S" | "MIN" | "H" | "D" | "W" | "M" | "Y" | "DE" | "CE";

export interface UnitWord {
  unit: Unit;
  /** 1 singular, 2 dual, 0 plural (a count must come from elsewhere). */
  count: number;
  /** The accusative singular used after 11–99 (يوما، شهرا). */
  acc?: boolean;
}

const UNIT_WORDS: Record<string, UnitWord> = {
  ثانية: { unit: "S", count: 1 },
  ثوان: { unit: "S", count: 0 },
  ثواني: { unit: "S", count: 0 },
  ثانيتين: { unit: "S", count: 2 },
  ثانيتان: { unit: "S", count: 2 },
  دقيقة: { unit: "MIN", count: 1 },
  دقائق: { unit: "MIN", count: 0 },
  دقيقتين: { unit: "MIN", count: 2 },
  دقيقتان: { unit: "MIN", count: 2 },
  ساعة: { unit: "H", count: 1 },
  ساعات: { unit: "H", count: 0 },
  ساعتين: { unit: "H", count: 2 },
  ساعتان: { unit: "H", count: 2 },
  يوم: { unit: "D", count: 1 },
  يوما: { unit: "D", count: 1, acc: true },
  أيام: { unit: "D", count: 0 },
  يومين: { unit: "D", count: 2 },
  يومان: { unit: "D", count: 2 },
  أسبوع: { unit: "W", count: 1 },
  أسبوعا: { unit: "W", count: 1, acc: true },
  أسابيع: { unit: "W", count: 0 },
  أسبوعين: { unit: "W", count: 2 },
  أسبوعان: { unit: "W", count: 2 },
  شهر: { unit: "M", count: 1 },
  شهرا: { unit: "M", count: 1, acc: true },
  أشهر: { unit: "M", count: 0 },
  شهور: { unit: "M", count: 0 },
  شهرين: { unit: "M", count: 2 },
  شهران: { unit: "M", count: 2 },
  سنة: { unit: "Y", count: 1 },
  سنه: { unit: "Y", count: 1 },
  سنوات: { unit: "Y", count: 0 },
  سنين: { unit: "Y", count: 0 },
  سنتين: { unit: "Y", count: 2 },
  سنتان: { unit: "Y", count: 2 },
  عام: { unit: "Y", count: 1 },
  عاما: { unit: "Y", count: 1, acc: true },
  أعوام: { unit: "Y", count: 0 },
  عامين: { unit: "Y", count: 2 },
  عامان: { unit: "Y", count: 2 },
  عقد: { unit: "DE", count: 1 },
  عقدا: { unit: "DE", count: 1, acc: true },
  عقود: { unit: "DE", count: 0 },
  عقدين: { unit: "DE", count: 2 },
  عقدان: { unit: "DE", count: 2 },
  قرن: { unit: "CE", count: 1 },
  قرنا: { unit: "CE", count: 1, acc: true },
  قرون: { unit: "CE", count: 0 },
  قرنين: { unit: "CE", count: 2 },
};

/** Words after a period noun or date that place it: -1 past, +1 future, 0 current. */
const RELATIVE_WORDS: Record<string, number> = {
  ماضي: -1,
  ماضية: -1,
  ماض: -1,
  منصرم: -1,
  منصرمة: -1,
  منقضي: -1,
  منقضية: -1,
  فارط: -1,
  فارطة: -1,
  فائت: -1,
  فائتة: -1,
  فايت: -1,
  سابق: -1,
  سابقة: -1,
  مقبل: 1,
  مقبلة: 1,
  قادم: 1,
  قادمة: 1,
  جاي: 1,
  جاية: 1,
  آتي: 1,
  آتية: 1,
  تالي: 1,
  تالية: 1,
  موالي: 1,
  موالية: 1,
  ماضيين: -1,
  ماضيتين: -1,
  مقبلين: 1,
  مقبلتين: 1,
  قادمين: 1,
  قادمتين: 1,
  جاري: 0,
  جارية: 0,
  حالي: 0,
  حالية: 0,
};

/** "This": before a noun (هذا الأسبوع) or, in dialects, after it (السنة هاي). */
const DEMONSTRATIVE_WORDS = ["هذا", "هذه", "هذي", "هاي", "هاد", "هادي", "هاذا", "هذة"];

/** Parts of the day, as TIMEX3 suffixes, with the hour shift they impose on a clock time. */
export type Pod = "MO" | "MI" | "AF" | "EV" | "NI";

const POD_WORDS: Record<string, Pod> = {
  صباح: "MO",
  صباحا: "MO",
  صبيحة: "MO",
  فجر: "MO",
  فجرا: "MO",
  ضحى: "MO",
  ظهر: "MI",
  ظهرا: "MI",
  ظهيرة: "MI",
  عصر: "AF",
  عصرا: "AF",
  زوالا: "AF",
  مساء: "EV",
  مساءا: "EV",
  مسا: "EV",
  عشية: "AF",
  ليل: "NI",
  ليلا: "NI",
  ليلة: "NI",
};

/** Modifier words before an expression, with their TIMEX3 mod. */
const MOD_WORDS: Record<string, string> = {
  أوائل: "START",
  مطلع: "START",
  بداية: "START",
  بدايات: "START",
  مستهل: "START",
  أول: "START",
  منتصف: "MID",
  أواسط: "MID",
  وسط: "MID",
  أواخر: "END",
  نهاية: "END",
  نهايات: "END",
  آخر: "END",
  ختام: "END",
  حوالي: "APPROX",
  حوالى: "APPROX",
  نحو: "APPROX",
  قرابة: "APPROX",
  زهاء: "APPROX",
  تقريبا: "APPROX",
};

/** Every core word any table uses, with the role tables below built from it. */
export const MONTHS = new Map<string, number>();
export const MONTH_PAIR = new Map<string, Map<string, number>>();
export const AMBIGUOUS_MONTH = new Set<string>();
export const HIJRI_MONTHS = new Map<string, number>();
export const HIJRI_PAIR = new Map<string, Map<string, number>>();
export const WEEKDAYS = new Map<string, number>();
export const CARDINALS = new Map<string, number>();
export const ORDINALS = new Map<string, number>();
export const HOURS = new Map<string, number>();
export const UNITS = new Map<string, UnitWord>();
export const RELATIVE = new Map<string, number>();
export const DEMONSTRATIVES = new Set<string>();
export const PODS = new Map<string, Pod>();
export const MODS = new Map<string, "START" | "MID" | "END" | "APPROX">();

/** Other single words the grammar asks about, by their normalised core. */
export const W = {
  today: n("يوم"),
  now: n("الآن"),
  yesterday: n("أمس"),
  yesterday2: n("البارحة"),
  tomorrow: n("غدا"),
  tomorrowNoun: n("غد"),
  dawnAfter: n("غداة"),
  day: n("يوم"),
  week: n("أسبوع"),
  month: n("شهر"),
  year: n("عام"),
  year2: n("سنة"),
  hour: n("ساعة"),
  after: n("بعد"),
  before: n("قبل"),
  since: n("منذ"),
  from: n("من"),
  to: n("إلى"),
  to2: n("الى"),
  until: n("حتى"),
  until2: n("لغاية"),
  between: n("بين"),
  and: "و",
  of: n("من"),
  in: n("في"),
  on: n("على"),
  at: n("عند"),
  half: n("نصف"),
  quarter: n("ربع"),
  third: n("ثلث"),
  except: n("إلا"),
  every: n("كل"),
  same: n("نفس"),
  self: n("نفسه"),
  selfF: n("نفسها"),
  very: n("ذات"),
  veryM: n("ذاته"),
  veryF: n("ذاتها"),
  period: n("فترة"),
  minute: n("دقيقة"),
  more: n("أكثر"),
  less: n("أقل"),
  muwafiq: n("الموافق"),
  timezone: n("بتوقيت"),
  few: n("قليلة"),
  fewM: n("قليل"),
  quarterPeriod: n("ربع"),
  whole: n("كامل"),
  wholeF: n("كاملة"),
  nearly: n("ما"),
  some: n("بضعة"),
  some2: n("بضع"),
  several: n("عدة"),
  recent: n("أخير"),
  recentF: n("أخيرة"),
  sawfa: n("سوف"),
  midnight: n("ليل"),
  noon: n("نهار"),
  hijriMark: n("هـ"),
  hijriWord: n("هجري"),
  hijriWordF: n("هجرية"),
  hijriFor: n("للهجرة"),
  ceMark: n("م"),
  ceWord: n("ميلادي"),
  ceWordF: n("ميلادية"),
  ceFor: n("للميلاد"),
  century: n("قرن"),
  decade: n("عقد"),
  time: n("وقت"),
  dual: n("يومي"),
  recentPl: n("أخيرين"),
  recentDual: n("أخيرتين"),
  mbareh: n("مبارح"),
  mbareh2: n("امبارح"),
  bukra: n("بكرة"),
  future: n("مستقبل"),
  later: n("لاحق"),
  near: n("قريب"),
  present: n("راهن"),
  past: n("ماضي"),
  prevDay: n("سابق"),
  once: n("مرة"),
  twice: n("مرتين"),
  times: n("مرات"),
  whileP: n("لمدة"),
  duration: n("مدة"),
  throughout: n("طيلة"),
  throughout2: n("طوال"),
  during: n("خلال"),
  within: n("غضون"),
  within2: n("ظرف"),
  span: n("مدى"),
  span2: n("مدار"),
  span3: n("امتداد"),
  weekend: n("عطلة"),
  quarterTn: n("ثلاثي"),
  halfTn: n("سداسي"),
  season: n("فصل"),
  afternoon: n("زوال"),
  afternoon2: n("ظهيرة"),
  approx: n("يقارب"),
  approx2: n("يناهز"),
  exceeds: n("يزيد"),
  exceeds2: n("يربو"),
  exceeds3: n("يفوق"),
  lessV: n("يقل"),
  not: n("لا"),
  more2: n("أزيد"),
  limits: n("حدود"),
  about: n("عن"),
  upon: n("على"),
  least: n("أقل"),
  yearDual: n("عامي"),
  yearDual2: n("سنتي"),
  monthsPl: n("أشهر"),
  monthsDual: n("شهري"),
  gmt: n("غرينتش"),
  gmt2: n("غرينيتش"),
  gmt3: n("جرينتش"),
  gmt4: n("جرينيتش"),
  local: n("المحلي"),
  timing: n("توقيت"),
  exactly: n("تماما"),
  some3: n("ما"),
  age: n("عمر"),
  born: n("مواليد"),
  until3: n("لحد"),
  starting: n("بدءا"),
  starting2: n("ابتداء"),
  starting3: n("اعتبارا"),
  by: n("بحلول"),
  prayer: n("صلاة"),
  sermon: n("خطبة"),
  both: n("كلا"),
  bothF: n("كلتا"),
  together: n("معا"),
  one: n("واحد"),
  oneF: n("واحدة"),
  first: n("أول"),
  last: n("آخر"),
  world: n("عالمي"),
  national: n("وطني"),
  intl: n("دولي"),
  arab: n("عربي"),
  that: n("ذلك"),
  that2: n("تلك"),
  nearest: n("أقرب"),
  possible: n("ممكن"),
  urgent: n("العاجل"),
  lately: n("آونة"),
  era: n("زمن"),
  long: n("طويل"),
  longF: n("طويلة"),
  moment: n("حين"),
  soon: n("قريبا"),
  instant: n("لحظة"),
};

function n(word: string): string {
  return normalizeArabic(word);
}

/** Decades as plural nisbas: التسعينيات / التسعينات → 9 (the 1990s). */
const DECADE_WORDS: Record<string, number> = {
  عشرينيات: 2,
  عشرينات: 2,
  ثلاثينيات: 3,
  ثلاثينات: 3,
  أربعينيات: 4,
  أربعينات: 4,
  خمسينيات: 5,
  خمسينات: 5,
  ستينيات: 6,
  ستينات: 6,
  سبعينيات: 7,
  سبعينات: 7,
  ثمانينيات: 8,
  ثمانينات: 8,
  تسعينيات: 9,
  تسعينات: 9,
};
export const DECADES = new Map<string, number>();

/** Seasons: TIMEX3 SP, SU, FA, WI. */
const SEASON_WORDS: Record<string, string> = {
  ربيع: "SP",
  صيف: "SU",
  خريف: "FA",
  شتاء: "WI",
};
export const SEASONS = new Map<string, string>();

/** Adverbs and fixed words that stand alone. */
const DEICTIC_WORDS: Record<string, string> = {
  الآن: "PRESENT_REF",
  الان: "PRESENT_REF",
  حاليا: "PRESENT_REF",
  آنيا: "PRESENT_REF",
  راهنا: "PRESENT_REF",
  مؤخرا: "PAST_REF",
  سابقا: "PAST_REF",
  مستقبلا: "FUTURE_REF",
  لاحقا: "FUTURE_REF",
  حالا: "PRESENT_REF",
  للتو: "PRESENT_REF",
  آنذاك: "PAST_REF",
  حينذاك: "PAST_REF",
  وقتئذ: "PAST_REF",
};
export const DEICTICS = new Map<string, string>();

/** Frequency adverbs: SET values. */
const SET_WORDS: Record<string, string> = {
  يوميا: "P1D",
  أسبوعيا: "P1W",
  شهريا: "P1M",
  سنويا: "P1Y",
  ساعيا: "PT1H",
};
export const SET_ADVERBS = new Map<string, string>();

/** Holidays with a fixed Gregorian date (month, day). */
const FIXED_HOLIDAYS: Record<string, [number, number]> = {
  "رأس السنة": [1, 1],
  "رأس السنة الميلادية": [1, 1],
  "عيد الميلاد": [12, 25],
  "عيد الميلاد المجيد": [12, 25],
  "ليلة رأس السنة": [12, 31],
  "عيد الحب": [2, 14],
  "عيد العمال": [5, 1],
  "عيد الشغل": [5, 1],
  "يوم العمال": [5, 1],
  "عيد الأم": [3, 21],
  "يوم المرأة": [3, 8],
  "يوم المرأة العالمي": [3, 8],
  "عيد الاستقلال": [7, 4],
  "يوم الاستقلال": [7, 4],
  "عيد العلم": [6, 14],
  "يوم الأرض": [3, 30],
  "عيد الهالوين": [10, 31],
  الهالوين: [10, 31],
};

/** Holidays with a fixed Hijri date (month, day). */
const HIJRI_HOLIDAYS: Record<string, [number, number]> = {
  "عيد الفطر": [10, 1],
  "عيد الفطر المبارك": [10, 1],
  "عيد الأضحى": [12, 10],
  "عيد الأضحى المبارك": [12, 10],
  "رأس السنة الهجرية": [1, 1],
  "المولد النبوي": [3, 12],
  "المولد النبوي الشريف": [3, 12],
  "يوم عرفة": [12, 9],
  "يوم عاشوراء": [1, 10],
  عاشوراء: [1, 10],
  "ليلة القدر": [9, 27],
};

/** Holidays whose date moves: computed each year. */
const MOVING_HOLIDAYS: Record<string, "thanksgiving" | "easter"> = {
  "عيد الشكر": "thanksgiving",
  "عيد الفصح": "easter",
  "عيد القيامة": "easter",
};

export interface Holiday {
  words: string[];
  month: number;
  day: number;
  hijri: boolean;
  rule?: "thanksgiving" | "easter";
}

/** Holidays by their first word, longest first. */
export const HOLIDAYS = new Map<string, Holiday[]>();

// ---------- clitic variants ----------

export interface WordEntry {
  /** The core form, a key of the role tables. */
  core: string;
  /** Had the article ال (or its لل contraction). */
  def: boolean;
  /** Proclitic letters before the article, e.g. "وب". */
  pre: string;
}

const VARIANTS = new Map<string, WordEntry>();
const CORES = new Set<string>();

function addCore(word: string): string {
  const core = n(word);
  CORES.add(core);
  return core;
}

function fill<V>(target: Map<string, V>, source: Record<string, V>): void {
  for (const [word, value] of Object.entries(source)) target.set(addCore(word), value);
}

function build(): void {
  fill(MONTHS, MONTH_WORDS);
  for (const w of AMBIGUOUS_MONTHS) AMBIGUOUS_MONTH.add(n(w));
  for (const [first, seconds] of Object.entries(MONTH_PAIRS)) {
    const inner = new Map<string, number>();
    for (const [second, month] of Object.entries(seconds)) inner.set(n(second), month);
    MONTH_PAIR.set(addCore(first), inner);
  }
  fill(HIJRI_MONTHS, HIJRI_WORDS);
  for (const [first, seconds] of Object.entries(HIJRI_PAIRS)) {
    const inner = new Map<string, number>();
    for (const [second, month] of Object.entries(seconds)) inner.set(n(second), month);
    HIJRI_PAIR.set(addCore(first), inner);
  }
  fill(WEEKDAYS, WEEKDAY_WORDS);
  fill(CARDINALS, CARDINAL_WORDS);
  fill(ORDINALS, ORDINAL_WORDS);
  fill(HOURS, HOUR_WORDS);
  fill(UNITS, UNIT_WORDS);
  fill(RELATIVE, RELATIVE_WORDS);
  for (const w of DEMONSTRATIVE_WORDS) DEMONSTRATIVES.add(addCore(w));
  fill(PODS, POD_WORDS);
  fill(MODS, MOD_WORDS);
  fill(DECADES, DECADE_WORDS);
  fill(SEASONS, SEASON_WORDS);
  fill(DEICTICS, DEICTIC_WORDS);
  fill(SET_ADVERBS, SET_WORDS);
  for (const w of Object.values(W)) CORES.add(w);
  const holidays: [string, [number, number], boolean][] = [
    ...Object.entries(FIXED_HOLIDAYS).map(
      ([k, v]) => [k, v, false] as [string, [number, number], boolean],
    ),
    ...Object.entries(HIJRI_HOLIDAYS).map(
      ([k, v]) => [k, v, true] as [string, [number, number], boolean],
    ),
  ];
  const moving = Object.entries(MOVING_HOLIDAYS).map(
    ([k, rule]) => [k, [0, 0], false, rule] as [string, [number, number], boolean, Holiday["rule"]],
  );
  for (const [phrase, [month, day], hijri, rule] of [
    ...holidays.map(
      ([a, b, c]) => [a, b, c, undefined] as [string, [number, number], boolean, Holiday["rule"]],
    ),
    ...moving,
  ]) {
    const words = phrase.split(" ").map(n);
    const first = words[0] as string;
    CORES.add(first);
    const list = HOLIDAYS.get(first) ?? [];
    const holiday: Holiday = { words, month, day, hijri };
    if (rule) holiday.rule = rule;
    list.push(holiday);
    list.sort((a, b) => b.words.length - a.words.length);
    HOLIDAYS.set(first, list);
  }
  // Bare cores first, so a real word never loses to a clitic reading of another.
  const cores = [...CORES];
  for (const core of cores) put(core, { core, def: false, pre: "" });
  for (const core of cores) put(`ال${core}`, { core, def: true, pre: "" });
  for (const pre of ["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل"]) {
    for (const core of cores) {
      put(pre + core, { core, def: false, pre });
      // ل + ال contracts to لل (للعام)
      if (pre.endsWith("ل")) put(`${pre}ل${core}`, { core, def: true, pre });
      else put(`${pre}ال${core}`, { core, def: true, pre });
    }
  }
}

function put(surface: string, entry: WordEntry): void {
  if (!VARIANTS.has(surface)) VARIANTS.set(surface, entry);
}

build();

/** The core, article and proclitics of a normalised word, or undefined for a word of no role. */
export function lookupWord(norm: string): WordEntry | undefined {
  return VARIANTS.get(norm);
}
