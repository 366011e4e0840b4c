/**
 * The dateline at the head of a wire story: "موسكو (أ ف ب) –", "بيروت - رويترز:", "لندن:
 * «الشرق الأوسط»", "الرياض 15 يناير (واس) -", "MOSCOW (Reuters) -". Precision first: a
 * dateline needs a credited agency from the list below (or a short quoted outlet name), or a
 * place followed by a date and a dash or colon, or (English) an upper-case place and a dash.
 * An ordinary first sentence ("قال الرئيس: إن ...") never qualifies.
 *
 * Also the byline or source line of a paper (see "Bylines" below): "الرياض - فهد العتيبي:",
 * "عبدالله الزهراني (جدة)", "كتب: أحمد علي", "عكاظ - جدة", "«عكاظ» (جدة)", with a paper's name
 * alone on the line above allowed ("الحياة\nالرياض - فهد العتيبي"). A reporter is credited only
 * when the name looks like one (a given name of the NER gazetteer's person-name data first, no
 * verbs or titles) and visibly ends: "الرياض: أعلنت وزارة الداخلية" and "الرياض - خالد الفيصل
 * يدشن" are not bylines.
 */
import type { Dateline } from "../analysis.js";
// the modules themselves: entities/index.js would load the knowledge-base code, ner/index.js the
// tagger, for every importer of the input layer
import { RANKS, roleNoun } from "../entities/roles.js";
import { personNameToken } from "../ner/gazetteers.js";
import { HONORIFIC_ADDRESS } from "../syntax/index.js";
import { normalizeArabic, segmentWord, wordCount } from "../text/index.js";

/**
 * News agencies and wire credits as they are written in Arabic, English and French copy.
 * Matching ignores spaces, dots, diacritics and hamza/alef variants (see foldKey), so "أ ف ب",
 * "ا.ف.ب" and "أ. ف. ب" are one entry.
 */
const AGENCIES = [
  // international wires
  "أ ف ب",
  "فرانس برس",
  "فرانس بريس",
  "وكالة فرانس برس",
  "AFP",
  "رويترز",
  "وكالة رويترز",
  "Reuters",
  "أ ب",
  "أسوشيتد برس",
  "أسوشييتد برس",
  "أسوشيتيد برس",
  "اسوشيتد برس",
  "أسوشيتدبرس",
  "AP",
  "Associated Press",
  "د ب أ",
  "dpa",
  "يو بي آي",
  "UPI",
  "شينخوا",
  "Xinhua",
  "سبوتنيك",
  "Sputnik",
  "تاس",
  "إيتار تاس",
  "TASS",
  "نوفوستي",
  "ريا نوفوستي",
  "RIA Novosti",
  "الأناضول",
  "وكالة الأناضول",
  "Anadolu",
  "AA",
  "إرنا",
  "IRNA",
  "فارس",
  "تسنيم",
  "مهر",
  "إيسنا",
  "كيودو",
  "يونهاب",
  "Yonhap",
  "Kyodo",
  "EFE",
  "ANSA",
  "أنسا",
  // Arab national agencies
  "واس",
  "SPA",
  "وام",
  "WAM",
  "قنا",
  "QNA",
  "كونا",
  "KUNA",
  "بنا",
  "BNA",
  "العمانية",
  "ONA",
  "سانا",
  "SANA",
  "بترا",
  "Petra",
  "أ ش أ",
  "MENA",
  "وات",
  "TAP",
  "ماب",
  "لاماب",
  "و م ع",
  "MAP",
  "واج",
  "APS",
  "وال",
  "لانا",
  "سونا",
  "SUNA",
  "سبأ",
  "Saba",
  "واع",
  "نينا",
  "وفا",
  "WAFA",
  "معا",
  "الوكالة الوطنية",
  "الوكالة الوطنية للإعلام",
  "NNA",
  // broadcasters credited the same way
  "CNN",
  "سي إن إن",
  "BBC",
  "بي بي سي",
  "الجزيرة نت",
  "العربية نت",
  "روسيا اليوم",
  "RT",
  "سكاي نيوز عربية",
  "فرانس 24",
  "يورونيوز",
  // generic credits
  "وكالات",
  "وكالات الأنباء",
  "مراسلنا",
  "خاص",
  "متابعات",
];

/**
 * Credits that are also ordinary words or places (معا "together", بنا "with us", قنا the
 * Egyptian city, آب "August" folds like أ ب, ...): at the start of a line they count only in
 * brackets or before a separator.
 */
const AMBIGUOUS = [
  "أ ب",
  "AP",
  "AA",
  "بنا",
  "قنا",
  "معا",
  "وفا",
  "وال",
  "خاص",
  "تاس",
  "مهر",
  "فارس",
  "ماب",
  "RT",
  "SPA",
  "Saba",
  "Petra",
  "MAP",
  "ONA",
  "واع",
  "سبأ",
  "لانا",
  "نينا",
];
/** Of those, the ones that stay doubtful even after "place -": they need a separator after. */
const WEAK_AFTER_SEPARATOR = ["أ ب", "خاص", "معا", "مهر", "فارس", "وال"];

/** Newspapers and sites credited in quotes: "لندن: «الشرق الأوسط»". */
const OUTLETS = [
  "الشرق الأوسط",
  "القدس العربي",
  "الحياة",
  "الخليج",
  "البيان",
  "الاتحاد",
  "الصباح",
  "الشروق",
  "العرب",
  "النهار",
  "الأخبار",
  "اليوم السابع",
  "الوطن",
  "عكاظ",
  "المدن",
  "عربي21",
  "القدس",
  "الأيام",
  "الرأي",
  "الغد",
  "الدستور",
  "المصري اليوم",
  "الأهرام",
  "العربي الجديد",
  "رأي اليوم",
  "هسبريس",
  "سبق",
  "إيلاف",
  "الشرق",
  "الراية",
  "الأنباء",
  "الجريدة",
  "القبس",
  "السياسة",
  "الجزيرة",
  "العربية",
  // Saudi papers; الرياض and مكة are also cities, and a city wins in the place slot
  "الرياض",
  "مكة",
  "الاقتصادية",
  "البلاد",
];

const MONTHS = [
  // Gregorian MSA/Egyptian, Maghrebi (Tunisia, Algeria), Moroccan, Levantine/Iraqi
  "يناير",
  "فبراير",
  "مارس",
  "أبريل",
  "إبريل",
  "مايو",
  "يونيو",
  "يوليو",
  "أغسطس",
  "سبتمبر",
  "أكتوبر",
  "نوفمبر",
  "ديسمبر",
  "جانفي",
  "فيفري",
  "أفريل",
  "ماي",
  "جوان",
  "جويلية",
  "أوت",
  "يوليوز",
  "غشت",
  "شتنبر",
  "نونبر",
  "دجنبر",
  "كانون",
  "شباط",
  "آذار",
  "نيسان",
  "أيار",
  "حزيران",
  "تموز",
  "آب",
  "أيلول",
  "تشرين",
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "janvier",
  "fevrier",
  "avril",
  "mai",
  "juin",
  "juillet",
  "aout",
  "septembre",
  "octobre",
  "novembre",
  "decembre",
];

/**
 * Dateline cities: a place followed only by a date ("القاهرة 28 نوفمبر 2016:") counts only
 * when it is one of these, since "مقابلات الذهاب 9 أفريل 2017 -" has the same shape.
 */
const CITIES = [
  // Arab capitals and frequent dateline cities
  "القاهرة",
  "الإسكندرية",
  "أسوان",
  "الأقصر",
  "بورسعيد",
  "السويس",
  "الرياض",
  "جدة",
  "مكة",
  "مكة المكرمة",
  "المدينة المنورة",
  "الدمام",
  "دبي",
  "أبوظبي",
  "أبو ظبي",
  "الشارقة",
  "الدوحة",
  "الكويت",
  "المنامة",
  "مسقط",
  "صنعاء",
  "عدن",
  "مأرب",
  "تعز",
  "الحديدة",
  "بغداد",
  "البصرة",
  "الموصل",
  "أربيل",
  "كركوك",
  "النجف",
  "كربلاء",
  "دمشق",
  "حلب",
  "حمص",
  "اللاذقية",
  "إدلب",
  "درعا",
  "بيروت",
  "صيدا",
  "صور",
  "طرابلس",
  "عمان",
  "الزرقاء",
  "إربد",
  "القدس",
  "القدس المحتلة",
  "رام الله",
  "غزة",
  "الخليل",
  "نابلس",
  "جنين",
  "بيت لحم",
  "تونس",
  "صفاقس",
  "سوسة",
  "القيروان",
  "بنزرت",
  "قابس",
  "المنستير",
  "نابل",
  "قفصة",
  "مدنين",
  "الجزائر",
  "وهران",
  "قسنطينة",
  "عنابة",
  "الرباط",
  "الدار البيضاء",
  "مراكش",
  "فاس",
  "طنجة",
  "أكادير",
  "العيون",
  "نواكشوط",
  "الخرطوم",
  "أم درمان",
  "بورتسودان",
  "جوبا",
  "بنغازي",
  "مصراتة",
  "سرت",
  "مقديشو",
  "جيبوتي",
  "موروني",
  // world capitals and news centres
  "موسكو",
  "واشنطن",
  "نيويورك",
  "الأمم المتحدة",
  "لندن",
  "باريس",
  "برلين",
  "روما",
  "مدريد",
  "بروكسل",
  "جنيف",
  "فيينا",
  "لاهاي",
  "أمستردام",
  "أثينا",
  "لشبونة",
  "وارسو",
  "ستوكهولم",
  "أوسلو",
  "كوبنهاغن",
  "الفاتيكان",
  "نيقوسيا",
  "أنقرة",
  "إسطنبول",
  "اسطنبول",
  "طهران",
  "كابول",
  "إسلام آباد",
  "نيودلهي",
  "بكين",
  "بيجين",
  "طوكيو",
  "سيول",
  "بيونغ يانغ",
  "كييف",
  "كيف",
  "مينسك",
  "أوتاوا",
  "مكسيكو",
  "برازيليا",
  "بوينس آيرس",
  "تل أبيب",
  "أديس أبابا",
  "نيروبي",
  "أبوجا",
  "داكار",
  "باماكو",
  "نيامي",
  "انجامينا",
  "جوهانسبرغ",
  "بريتوريا",
  "سيدني",
  "دافوس",
  // Saudi, Gulf and Egyptian cities that head bylines ("جدة - عبدالله الزهراني")
  "الطائف",
  "تبوك",
  "أبها",
  "حائل",
  "بريدة",
  "عنيزة",
  "القصيم",
  "الأحساء",
  "الهفوف",
  "الظهران",
  "الجبيل",
  "القطيف",
  "جازان",
  "جيزان",
  "نجران",
  "ينبع",
  "الباحة",
  "عرعر",
  "سكاكا",
  "الجوف",
  "خميس مشيط",
  "حفر الباطن",
  "العلا",
  "رابغ",
  "القنفذة",
  "الخرج",
  "المجمعة",
  "الدرعية",
  "بيشة",
  "الزلفي",
  "رأس الخيمة",
  "عجمان",
  "الفجيرة",
  "صلالة",
  "صحار",
  "نزوى",
  "الجهراء",
  "المحرق",
  "الجيزة",
  "المنصورة",
  "طنطا",
  "الإسماعيلية",
  "أسيوط",
];

/** Weekdays and words of time: a "place" made of these is a schedule line, not a dateline. */
const TIME_WORDS = [
  "الأحد",
  "الاثنين",
  "الإثنين",
  "الثلاثاء",
  "الأربعاء",
  "الخميس",
  "الجمعة",
  "السبت",
  "أحد",
  "اثنين",
  "ثلاثاء",
  "أربعاء",
  "خميس",
  "جمعة",
  "سبت",
  "يوم",
  "اليوم",
  "أمس",
  "غدا",
  "صباح",
  "مساء",
  "ليلة",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "today",
  "lundi",
  "mardi",
  "mercredi",
  "jeudi",
  "vendredi",
  "samedi",
  "dimanche",
];

/** Function words and reporting verbs: they open sentences, never place names. */
const STOP_WORDS = [
  "في",
  "من",
  "على",
  "إلى",
  "عن",
  "أن",
  "إن",
  "أو",
  "و",
  "ثم",
  "لكن",
  "كما",
  "حيث",
  "مع",
  "بعد",
  "قبل",
  "هذا",
  "هذه",
  "ذلك",
  "تلك",
  "الذي",
  "التي",
  "الذين",
  "هو",
  "هي",
  "هم",
  "لا",
  "لم",
  "لن",
  "قد",
  "كان",
  "كانت",
  "قال",
  "قالت",
  "وقال",
  "وقالت",
  "أعلن",
  "أعلنت",
  "أكد",
  "أكدت",
  "ذكر",
  "ذكرت",
  "أفاد",
  "أفادت",
  "نقل",
  "نقلت",
  "كشف",
  "كشفت",
  "أورد",
  "أوردت",
  "أضاف",
  "أضافت",
  "أوضح",
  "أوضحت",
  "صرح",
  "صرحت",
  "نشر",
  "نشرت",
  "بحسب",
  "حسب",
  "وفق",
  "وفقا",
  "نص",
  "انظر",
  "راجع",
  // credit and byline labels: "المصدر: وات", "Photo : YONHAP", "بقلم"
  "المصدر",
  "مصدر",
  "المصادر",
  "صورة",
  "الصورة",
  "صور",
  "تصوير",
  "فيديو",
  "بقلم",
  "كتب",
  "كتبت",
  "حوار",
  "إعداد",
  "ترجمة",
  "تحرير",
  "photo",
  "photos",
  "image",
  "credit",
  "source",
  "video",
  "foto",
  "via",
  "the",
  "a",
  "an",
  "in",
  "on",
  "of",
  "at",
  "by",
  "for",
  "to",
  "from",
  "said",
  "says",
  "le",
  "la",
  "les",
  "un",
  "une",
  "de",
  "des",
  "du",
  "en",
  "et",
  "au",
  "aux",
  "dans",
  "par",
  "pour",
  "sur",
];

/**
 * Matching key: marks (Arabic diacritics, Latin accents, hamza signs after NFD) dropped, alef
 * forms folded, ى→ي, ة→ه, spaces, dots, tatweel and invisible characters dropped, lower case.
 */
function foldKey(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\p{M}\s.\u0640\u200b-\u200f\u2066-\u2069\ufeff]/gu, "")
    .replace(/ٱ/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه")
    .toLowerCase();
}

const keySet = (words: readonly string[]) => new Set(words.map(foldKey));
const AGENCY_KEYS = keySet(AGENCIES);
const AMBIGUOUS_KEYS = keySet(AMBIGUOUS);
const WEAK_KEYS = keySet(WEAK_AFTER_SEPARATOR);
const OUTLET_KEYS = keySet(OUTLETS);
const MONTH_KEYS = keySet(MONTHS);
const TIME_KEYS = keySet(TIME_WORDS);
const CITY_KEYS = keySet(CITIES);
/** Radio stations are named "X FM" ("الجوهرة أف أم", "موزاييك إف إم"): an outlet, not a place. */
const RADIO = /(?:افام|اف ام|fm)$/u;
const STOP_KEYS = keySet(STOP_WORDS);
/** Longest agency name in words ("وكالة الأناضول", "الوكالة الوطنية للإعلام"). */
const MAX_AGENCY_WORDS = 4;
const MAX_PLACE_WORDS = 4;
const MAX_REGION_WORDS = 3;
const MAX_QUOTED_WORDS = 5;
const MAX_UNKNOWN_QUOTED_WORDS = 3;
/** Only this much of a line is examined: a dateline is short. */
const MAX_SCAN = 240;
/** A first line this short may be a title; the dateline can then open the next line. */
const MAX_TITLE_LENGTH = 160;

type Kind =
  | "word"
  | "num"
  | "dash"
  | "colon"
  | "slash"
  | "comma"
  | "open"
  | "close"
  | "quote"
  | "eol"
  | "other";

interface Tok {
  kind: Kind;
  start: number;
  end: number;
}

// One token per match; tatweel standing alone ("باريس ـ «القدس العربي»") is a dash, and a word
// keeps internal dots and apostrophes ("أ.ف.ب", "U.S.", "Calif.").
const TOKEN_RE =
  /[^\S\n]*(?:(\n)|(-{1,3}|[\u2010-\u2015]+|\u0640+(?![\p{L}\p{M}]))|([\p{L}\p{M}]+(?:[.'’][\p{L}\p{M}]+)*\.?)|(\p{Nd}+)|(:)|(\/)|([،,])|([([])|([)\]])|(["«»“”„])|([^\s]))/uy;
const KIND_BY_GROUP: readonly Kind[] = [
  "eol",
  "eol",
  "dash",
  "word",
  "num",
  "colon",
  "slash",
  "comma",
  "open",
  "close",
  "quote",
  "other",
];
const INVISIBLE_LEAD = /[\s\u200b-\u200f\u2066-\u2069\ufeff]*/y;

/** Tokens of the line starting at `from`, up to its end or MAX_SCAN characters, then "eol". */
function tokenize(text: string, from: number): Tok[] {
  const limit = Math.min(text.length, from + MAX_SCAN);
  const toks: Tok[] = [];
  TOKEN_RE.lastIndex = from;
  while (TOKEN_RE.lastIndex < limit) {
    const m = TOKEN_RE.exec(text);
    if (m === null) break;
    let group = 1;
    while (group < m.length && m[group] === undefined) group++;
    const kind = KIND_BY_GROUP[group] ?? "other";
    const tokenText = m[group] ?? "";
    const end = m.index + m[0].length;
    if (kind === "eol") return pushEol(toks, end - 1);
    toks.push({ kind, start: end - tokenText.length, end });
  }
  const end = toks.length > 0 ? (toks[toks.length - 1] as Tok).end : from;
  return pushEol(toks, end);
}

function pushEol(toks: Tok[], at: number): Tok[] {
  toks.push({ kind: "eol", start: at, end: at });
  return toks;
}

/** Parser state over one line's tokens. */
class Cursor {
  p = 0;
  constructor(
    readonly text: string,
    readonly toks: Tok[],
  ) {}
  peek(offset = 0): Tok {
    return (this.toks[this.p + offset] ?? this.toks[this.toks.length - 1]) as Tok;
  }
  is(kind: Kind, offset = 0): boolean {
    return this.peek(offset).kind === kind;
  }
  isSeparator(offset = 0): boolean {
    const k = this.peek(offset).kind;
    return k === "dash" || k === "colon" || k === "slash";
  }
  str(t: Tok): string {
    return this.text.slice(t.start, t.end);
  }
  key(t: Tok): string {
    return foldKey(this.str(t));
  }
}

interface Credit {
  agency: string;
  start: number;
  end: number;
  /** True when the credit alone is not enough (ambiguous word, unknown quoted name). */
  weak: boolean;
}

/**
 * Finds the dateline or byline at the start of `text`: on its first line, or on the line after a
 * short title line. A line holding only a paper's name ("الحياة", "«عكاظ»") may come first; it is
 * then part of the byline on the next line ("الحياة\nالرياض - فهد العتيبي").
 */
export function findDateline(text: string): Dateline | undefined {
  const first = lineStart(text, 0);
  if (first >= text.length) return undefined;
  const found = parseDateline(text, first) ?? afterOutletLine(text, first);
  if (found !== undefined) return withReporterBelow(text, found);
  // A scraped page may open with the headline; the dateline then heads the next paragraph.
  const second = nextLine(text, first);
  if (second === undefined) return undefined;
  const below = parseDateline(text, second) ?? afterOutletLine(text, second);
  return below && withReporterBelow(text, below);
}

/**
 * "عكاظ - جدة⏎فهد العتيبي", "لندن: «الشرق الأوسط»⏎فهد العتيبي": a paper's source line that
 * fills its line, then the reporter's name alone on the next line. Wire copy ("الرياض - واس")
 * credits no reporter that way, so only a paper's line takes one.
 */
function withReporterBelow(text: string, d: Dateline): Dateline {
  if (d.author !== undefined || d.agency === undefined) return d;
  const key = foldKey(d.agency);
  if (!OUTLET_KEYS.has(key) || AGENCY_KEYS.has(key)) return d;
  const rest = /^[^\S\n]*\n/u.exec(text.slice(d.end, d.end + MAX_SCAN));
  if (rest === null) return d;
  const next = lineStart(text, d.end + rest[0].length);
  const c = new Cursor(text, tokenize(text, next));
  const names = parseAuthors(c, REPORTER);
  if (names === undefined || !c.is("eol")) return d;
  return { ...d, end: names.end, author: text.slice(names.start, names.end) };
}

function lineStart(text: string, from: number): number {
  INVISIBLE_LEAD.lastIndex = from;
  INVISIBLE_LEAD.exec(text);
  return INVISIBLE_LEAD.lastIndex;
}

/** Start of the line after the one at `from` when that one is short (a title, a paper's name). */
function nextLine(text: string, from: number): number | undefined {
  const nl = text.indexOf("\n", from);
  if (nl < 0 || nl - from > MAX_TITLE_LENGTH) return undefined;
  const next = lineStart(text, nl + 1);
  return next < text.length ? next : undefined;
}

function parseDateline(text: string, from: number): Dateline | undefined {
  const c = new Cursor(text, tokenize(text, from));
  // "كتب: أحمد علي", "بقلم د. خالد الدخيل", "متابعة: سارة الأحمد"
  if (c.is("word") && LABEL_KEYS.has(c.key(c.peek()))) return parseLabelled(c);
  // "«عكاظ» (جدة)", "«الحياة» - فهد العتيبي"
  if (c.is("quote")) {
    const outlet = parseQuotedCredit(c, false);
    return outlet && parseOutletTail(c, { text: outlet.agency, start: outlet.start, plain: false });
  }
  // "عبدالله الزهراني (جدة)": the reporter, then the city in brackets
  const reporterFirst = parseReporterFirst(c);
  if (reporterFirst !== undefined) return reporterFirst;
  const opensWithWord = c.is("word");
  const place = parsePlace(c);
  // Words that are not a place (a sentence, a weekday) rule out a dateline on this line.
  if (opensWithWord && place === undefined) return undefined;
  const dated = place !== undefined && parseDate(c);

  // "موسكو (أ ف ب) –", "(رويترز) -": a bracketed credit, then a separator or the line's end.
  if (c.is("open")) {
    const credit = parseBracketCredit(c);
    if (credit === undefined) {
      // "عكاظ (جدة)": a paper, then its city in brackets
      return place?.outlet && !dated ? parseOutletTail(c, outletOf(place)) : undefined;
    }
    const end = trailingSeparator(c);
    if (end === undefined) return undefined;
    const named = place?.agencyLike ? undefined : place;
    return result(named, credit.agency, place?.start ?? credit.start, end);
  }

  if (place !== undefined && c.isSeparator()) {
    const sepAt = c.p;
    const sep = c.peek();
    c.p++;
    // "بيروت - رويترز:", "واشنطن - (د ب أ)", "لندن: «الشرق الأوسط»", "غزة/ الأناضول"
    const credit = c.is("open")
      ? parseBracketCredit(c)
      : c.is("quote")
        ? parseQuotedCredit(c, place.city)
        : parseBareCredit(c);
    if (credit !== undefined) {
      const quoted = c.is("quote", -1);
      const end = trailingSeparator(c);
      if (end === undefined && credit.weak) return undefined;
      // "سبق – وكالات:": the "place" is itself a paper or agency, so no place is claimed.
      const named = place.agencyLike ? undefined : place;
      // "الرياض - «الرياض» - فهد العتيبي", "غزة ـ «القدس العربي» ـ من علاء العطار:": a paper's
      // reporter (not a wire's: "بيروت - رويترز: فهد العتيبي قال" is the lead)
      if (quoted) {
        const byline = parseQuotedReporter(c, named, credit.agency, place.start, end);
        if (byline !== undefined) return byline;
      }
      return result(named, credit.agency, place.start, end ?? credit.end);
    }
    // "الرياض: فهد العتيبي", "جدة - عبدالله الزهراني": a known city, then the reporter.
    if (place.city && !dated) {
      const byline = parseReporter(c, place, undefined, place.start, sep.kind === "dash");
      if (byline !== undefined) return byline;
    }
    // "عكاظ - جدة", "سبق - جدة - فهد العتيبي", "الحياة - فهد العتيبي", "واس - الرياض"
    if (place.outlet && !dated) {
      c.p = sepAt;
      const byline = parseOutletTail(c, outletOf(place));
      if (byline !== undefined) return byline;
    }
    // "واس - ...", "رويترز: ...": an agency alone, then a separator.
    if (place.agency && !dated) return result(undefined, place.text, place.start, sep.end);
    // "القاهرة 28 نوفمبر 2016:": a known city and a date, no agency.
    if (dated && sep.kind !== "slash" && place.city) {
      return result(place, undefined, place.start, sep.end);
    }
    // "LONDON — ...": an upper-case English place and a long dash (not "ZDF - Astra ...").
    if (!dated && sep.kind === "dash" && place.upperLatin && c.str(sep) !== "-") {
      return result(place, undefined, place.start, sep.end);
    }
    return undefined;
  }

  // "واس" alone on the first line (a sentence "BBC." ends with a full stop; a credit does not).
  if (place?.agency && !dated && c.is("eol") && text[place.end - 1] !== ".") {
    return result(undefined, place.text, place.start, place.end);
  }
  return undefined;
}

function result(
  place: { text: string } | undefined,
  agency: string | undefined,
  start: number,
  end: number,
  author?: string,
): Dateline {
  const d: Dateline = { start, end };
  // Values carry no surrounding punctuation: an abbreviation's final dot ("Calif.") goes.
  if (place !== undefined) d.place = place.text.replace(/\.$/, "");
  if (agency !== undefined) d.agency = agency.replace(/\.$/, "");
  if (author !== undefined) d.author = author.replace(/\.$/, "");
  return d;
}

interface Place {
  text: string;
  start: number;
  end: number;
  /** The words are themselves a credit ("واس", "سبق", "رويترز"). */
  agencyLike: boolean;
  /** The words are a known paper, site, broadcaster or agency (not initials, not a city). */
  outlet: boolean;
  /** The words are an agency that may stand alone at the start ("واس", not "قنا"). */
  agency: boolean;
  /** All-capital Latin words ("MOSCOW", "NEW YORK"). */
  upperLatin: boolean;
  /** The first words are a known dateline city. */
  city: boolean;
}

/** 1–4 words, optionally ", region" ("دمشق، سوريا", "SAN FRANCISCO, Calif."). */
function parsePlace(c: Cursor): Place | undefined {
  const words = takeWords(c, MAX_PLACE_WORDS);
  if (words === undefined) return undefined;
  const head = words[0] as Tok;
  let last = words[words.length - 1] as Tok;
  const key = foldKey(c.text.slice(head.start, last.end));
  const isAgency = AGENCY_KEYS.has(key);
  // A city that is also a paper's name (الرياض) is a place here: "الرياض - واس".
  const city = CITY_KEYS.has(key);
  const outlet = !city && (isAgency || OUTLET_KEYS.has(key) || RADIO.test(key));
  // Initials ("ع ب م - وكالات") are a byline: credited, but not a place.
  const initials = words.every((w) => w.end - w.start === 1);
  const agencyLike = outlet || initials;
  if (!agencyLike && !words.every((w) => isPlaceWord(c, w))) return undefined;
  // A region after a comma, unless what follows is a date ("WASHINGTON, Jan 5").
  if (c.is("comma") && c.is("word", 1) && !isDateAhead(c, 1)) {
    const save = c.p;
    c.p++;
    const region = takeWords(c, MAX_REGION_WORDS);
    if (region?.every((w) => isPlaceWord(c, w))) {
      last = region[region.length - 1] as Tok;
    } else {
      c.p = save;
    }
  }
  const text = c.text.slice(head.start, last.end);
  return {
    text,
    start: head.start,
    end: last.end,
    agencyLike,
    outlet,
    agency: isAgency && !AMBIGUOUS_KEYS.has(key),
    upperLatin: /^[\p{Lu}][\p{Lu}\s.'’-]+$/u.test(text) && /\p{Lu}{3}/u.test(text),
    city,
  };
}

/** Up to `max` consecutive words; undefined when none or when more words follow. */
function takeWords(c: Cursor, max: number): Tok[] | undefined {
  const words: Tok[] = [];
  while (c.is("word") && words.length < max) {
    words.push(c.peek());
    c.p++;
  }
  if (words.length === 0 || c.is("word")) return undefined;
  return words;
}

function isPlaceWord(c: Cursor, w: Tok): boolean {
  const s = c.str(w);
  const k = foldKey(s);
  if (STOP_KEYS.has(k) || TIME_KEYS.has(k) || MONTH_KEYS.has(k)) return false;
  // Latin place names are capitalised; Arabic has no case to check.
  return !/^\p{Script=Latin}/u.test(s) || /^\p{Lu}/u.test(s);
}

function isDateAhead(c: Cursor, offset: number): boolean {
  const t = c.peek(offset);
  return t.kind === "word" && MONTH_KEYS.has(c.key(t)) && c.is("num", offset + 1);
}

/**
 * A date after the place: "15 يناير", "11 ديسمبر 2016", "4 آب/أغسطس", "Jan. 5, 2024", "5 janvier",
 * optionally after a comma and a weekday. Advances the cursor only when one is found.
 */
function parseDate(c: Cursor): boolean {
  const save = c.p;
  if (c.is("comma")) c.p++;
  if (c.is("word") && TIME_KEYS.has(c.key(c.peek()))) c.p++;
  if (c.is("comma")) c.p++;
  if (c.is("num") && isMonth(c, 1)) {
    c.p += 2;
    if (c.is("slash") && isMonth(c, 1)) c.p += 2; // "آب/أغسطس"
    if (c.is("word") && !isMonth(c, 0) && /^(?:الثاني|الأول|الاول)$/u.test(c.str(c.peek()))) c.p++;
    if (c.is("num")) c.p++;
    return true;
  }
  if (isMonth(c, 0) && c.is("num", 1)) {
    c.p += 2;
    if (c.is("comma") && c.is("num", 1)) c.p += 2;
    else if (c.is("num")) c.p++;
    return true;
  }
  c.p = save;
  return false;
}

function isMonth(c: Cursor, offset: number): boolean {
  const t = c.peek(offset);
  return t.kind === "word" && MONTH_KEYS.has(c.key(t).replace(/\.$/, ""));
}

/** "(أ ف ب)", "(رويترز، أ ف ب)", "[CNN]": every item inside must be a known agency. */
function parseBracketCredit(c: Cursor): Credit | undefined {
  const save = c.p;
  const open = c.peek();
  c.p++;
  const first = c.peek();
  let last: Tok | undefined;
  for (;;) {
    const item = matchAgency(c, last !== undefined);
    if (item === undefined) break;
    last = item;
    if (c.is("comma") || c.is("slash")) c.p++;
    else if (!c.is("word")) break; // "أ ف ب ورويترز": the next item carries its و
  }
  if (last === undefined || !c.is("close")) {
    c.p = save;
    return undefined;
  }
  const close = c.peek();
  c.p++;
  return {
    agency: c.text.slice(first.start, last.end),
    start: open.start,
    end: close.end,
    weak: false,
  };
}

/**
 * «الشرق الأوسط», "CNN": a short quoted name. A name the lists do not know counts only after a
 * known city and before a separator: "صفاقس - «المساء»:", not "انظر: «قائمة ...»".
 */
function parseQuotedCredit(c: Cursor, city: boolean): Credit | undefined {
  const save = c.p;
  const open = c.peek();
  c.p++;
  const first = c.peek();
  let n = 0;
  while ((c.is("word") || c.is("num")) && n < MAX_QUOTED_WORDS) {
    c.p++;
    n++;
  }
  const last = c.peek(-1);
  if (n === 0 || !c.is("quote")) {
    c.p = save;
    return undefined;
  }
  const close = c.peek();
  c.p++;
  const name = c.text.slice(first.start, last.end);
  const key = foldKey(name);
  const known = OUTLET_KEYS.has(key) || AGENCY_KEYS.has(key);
  if (!known && (!city || n > MAX_UNKNOWN_QUOTED_WORDS)) {
    c.p = save;
    return undefined;
  }
  return { agency: name, start: open.start, end: close.end, weak: !known };
}

/** "رويترز", "أ ش أ", "وكالات" right after the separator. */
function parseBareCredit(c: Cursor): Credit | undefined {
  const first = c.peek();
  const last = matchAgency(c, false);
  if (last === undefined) return undefined;
  const agency = c.text.slice(first.start, last.end);
  return { agency, start: first.start, end: last.end, weak: WEAK_KEYS.has(foldKey(agency)) };
}

/**
 * The longest run of 1–4 words (or numbers, "فرانس 24") at the cursor that names an agency;
 * advances past it and returns its last token. With `conjunction` (a second item in a list),
 * a leading و is allowed: "(أ ف ب ورويترز)", "(رويترز و أ ف ب)".
 */
function matchAgency(c: Cursor, conjunction: boolean): Tok | undefined {
  let key = "";
  let best = -1;
  for (let n = 0; n < MAX_AGENCY_WORDS; n++) {
    const t = c.peek(n);
    if (t.kind !== "word" && !(t.kind === "num" && n > 0)) break;
    key += c.key(t);
    if (
      AGENCY_KEYS.has(key) ||
      (conjunction && key.startsWith("و") && AGENCY_KEYS.has(key.slice(1)))
    ) {
      best = n;
    }
  }
  if (best < 0) return undefined;
  const last = c.peek(best);
  c.p += best + 1;
  return last;
}

/** End offset of a separator right after a credit ("–", "--", ":"), the credit's end at the end of the line, else undefined. */
function trailingSeparator(c: Cursor): number | undefined {
  if (c.is("dash") || c.is("colon")) {
    let t = c.peek();
    c.p++;
    // "- :" and "–:" are written too.
    if (t.kind === "dash" && c.is("colon")) {
      t = c.peek();
      c.p++;
    }
    return t.end;
  }
  if (c.is("eol")) return c.peek(-1).end;
  return undefined;
}

// Bylines ---------------------------------------------------------------------------------------

/** Labels that open a byline: "كتب: أحمد علي", "بقلم: ...", "متابعة: سارة الأحمد". */
const LABELS = [
  "كتب",
  "كتبت",
  "بقلم",
  "متابعة",
  "إعداد",
  "تقرير",
  "ترجمة",
  "تحرير",
  "حوار",
  "رصد",
  "تغطية",
];
/** The label that needs no separator and may credit a name the name data does not know. */
const OPEN_LABELS = ["بقلم"];
/** Titles before a writer's name after a label ("بقلم: د. خالد ..."). */
const WRITER_TITLES = [
  "د.",
  "أ.د.",
  "أ.",
  "م.",
  "الدكتور",
  "الدكتورة",
  "الأستاذ",
  "الأستاذة",
  "المهندس",
  "المهندسة",
  "الشيخ",
  "الكاتب",
  "الكاتبة",
  "الزميل",
  "الزميلة",
];
/** Name particles: بن and آل inside a name, عبد and أبو also at its start. */
const NAME_PARTICLES = ["بن", "ابن", "بنت", "آل", "عبد", "أبو", "أبا", "ولد"];
const OPENING_PARTICLES = ["عبد", "أبو", "أبا"];

const wordList = (s: string) => s.trim().split(/\s+/u);

/**
 * Words that open a lead: prepositions, reporting verbs and other verbs common there. Not على,
 * which is also how علي is often typed.
 */
const LEAD_WORDS = wordList(`
  في بعد قبل مع وسط خلال عقب إثر ضمن بحضور برعاية تحت وفق وفقا بحسب حسب كان كانت لم قد
  قال قالت أعلن أكد ذكر أفاد نقل كشف أورد أضاف أوضح صرح نشر
  شهد قرر بدأ وصل دشن افتتح استقبل رعى نظم أطلق أصدر أقام عقد وافق اعتمد التقى ناقش بحث تفقد
  زار حقق سجل ارتفع انخفض تراجع نفذ ضبط أحبط أوقف باشر رصد اختتم انطلق شارك فاز حصل أنهى أشاد
  استعرض ترأس وجه دعا طالب حذر ناشد أعرب بلغ تمكن تسلم تلقى أجرى أبدى أثار أظهر شدد لفت نفى
`);

/**
 * Given names the person-name data cannot hold: علي normalises to the preposition على, and the
 * gazetteer drops خليفة ("caliph") and هيا ("come on") as common words. علي opens 35 person names
 * in ANERcorp, خليفة a real byline there ("كتب ـ خليفة أدهم :").
 */
const GIVEN_EXTRA = ["علي", "خليفة", "هيا"];
/** Honorifics after a name (محمد علي باشا), which the name data lists as family-name tokens. */
const TITLES_AFTER_NAME = ["باشا", "بك", "بيك", "أفندي"];
/** The second half of compound names (نور الدين، صلاح الدين): frequent, as "religion". */
const FAMILY_EXTRA = ["الدين"];

const LABEL_KEYS = keySet(LABELS);
const OPEN_LABEL_KEYS = keySet(OPEN_LABELS);
const WRITER_TITLE_KEYS = keySet(WRITER_TITLES);
const PARTICLE_KEYS = keySet(NAME_PARTICLES);
const OPENING_PARTICLE_KEYS = keySet(OPENING_PARTICLES);
const LEAD_KEYS = keySet(LEAD_WORDS);
const normSet = (words: readonly string[]) => new Set(words.map(normalizeArabic));
const GIVEN_EXTRA_NORM = normSet(GIVEN_EXTRA);
const TITLES_AFTER_NAME_NORM = normSet(TITLES_AFTER_NAME);
const FAMILY_EXTRA_NORM = normSet(FAMILY_EXTRA);
/** Most words in one person's name (بن، آل، عبد not counted), and most tokens with them. */
const MAX_NAME_WORDS = 4;
const MAX_NAME_TOKENS = 6;
/** Most names in one byline ("فهد العتيبي وعبدالله الزهراني"). */
const MAX_NAMES = 3;
/**
 * A word with the article seen fewer times than this in the corpus can be a family name
 * (العتيبي 7, الحداد 142, الحربي 173); commoner ones are nouns and adjectives (السلام، الرسمي،
 * الماضي). Of the nisbas in ANERcorp's person names only epithets are commoner (العظمى، الثاني).
 */
const FAMILY_RARE = 200;
/** A word the corpus sees this often is a common word when it mostly takes the article. */
const COMMON_WORD = 100;

type NameKind = "given" | "family" | "particle" | "plain" | "bad";

/**
 * A given name (normalised, no article): a token of the person-name gazetteer, as a first name
 * or as a father's or grandfather's name (فهد، فيصل, which Wikidata mostly sees second), not a
 * nationality; or a compound in عبدال (عبدالرحمن). Not و + a word (ويدين), and not a common noun
 * that Wikidata seldom has as a name (bucket 1) when the corpus sees it often and mostly with the
 * article (مسجد، لون، أسد). Commoner names are not put to that test: names made from adjectives
 * and participles (ناصر، مؤمن، منذر) take the article as often, and so does هند (الهند).
 */
function isGivenName(n: string): boolean {
  if (GIVEN_EXTRA_NORM.has(n) || /^عبدال..+/u.test(n)) return true;
  if (n.startsWith("ال")) return false;
  const name = personNameToken(n);
  if (name.nationality || (name.first === 0 && name.family === 0)) return false;
  if (n.startsWith("و") && segmentWord(n).length > 1) return false;
  const count = wordCount(n);
  const rare = Math.max(name.first, name.family) === 1;
  return !(rare && count >= COMMON_WORD && wordCount(`ال${n}`) > count);
}

/** A role, rank or form of address (الوزير، اللواء، معالي، باشا): never part of a name. */
function isTitle(n: string): boolean {
  return (
    roleNoun(n) !== undefined ||
    RANKS.has(n) ||
    HONORIFIC_ADDRESS.has(n) ||
    TITLES_AFTER_NAME_NORM.has(n)
  );
}

/**
 * What a word can be in a person's name: a given name, a family name, a particle, another plain
 * word, or nothing a name is made of (function words, verbs, titles, places, nouns with the
 * article).
 */
function nameKind(raw: string): NameKind {
  const bare = raw.replace(/[\p{M}\u0640]/gu, "");
  if (!/^\p{Script=Arabic}{2,}$/u.test(bare)) return "bad";
  const k = foldKey(raw);
  if (PARTICLE_KEYS.has(k)) return "particle";
  // على is often typed علي; only the dotted spelling is the name.
  if (bare === "على") return "bad";
  const n = normalizeArabic(bare);
  if (GIVEN_EXTRA_NORM.has(n)) return "given";
  if (
    STOP_KEYS.has(k) ||
    TIME_KEYS.has(k) ||
    MONTH_KEYS.has(k) ||
    // agencies named like people (فارس، لانا) may be names
    (AGENCY_KEYS.has(k) && !AMBIGUOUS_KEYS.has(k)) ||
    OUTLET_KEYS.has(k) ||
    CITY_KEYS.has(k) ||
    isTitle(n)
  ) {
    return "bad";
  }
  // the lead's opening verbs (طالب، باشر) stay out of names even where they are names too
  if (!LEAD_KEYS.has(k) && isGivenName(n)) return "given";
  if (n.startsWith("ال")) return familyKind(n);
  // clitics before the article (والـ، بالـ، للـ), a conjunction, a masculine imperfect verb
  // (يستقبل), a feminine noun (وزارة) or a plural (مسؤولون)
  if (/^(?:[وفبكل]ال|لل|[وي])/u.test(k) || /(?:ه|ون)$/u.test(k)) return "bad";
  // an indefinite accusative (بطلا، رسميا، ردا): the word without its ا is the commoner one
  if (n.length >= 3 && n.endsWith("ا")) {
    const stem = n.slice(0, -1);
    if (wordCount(stem) + wordCount(`ال${stem}`) > wordCount(n)) return "bad";
  }
  return "plain";
}

/**
 * A word with the article: a family name when it is rare in the corpus and a nisba (العتيبي), a
 * family name of the name data (النجار) or ال + a given name (الراشد، الفيصل). A commoner nisba is
 * an adjective (الرسمي), or a nationality, which is a family name as often (المصري): a plain
 * word. Other nouns are no name.
 */
function familyKind(n: string): NameKind {
  if (FAMILY_EXTRA_NORM.has(n)) return "family";
  const rare = wordCount(n) < FAMILY_RARE;
  if (/^ال..+ي$/u.test(n)) {
    if (rare) return "family";
    return personNameToken(n).nationality ? "plain" : "bad";
  }
  return rare && (personNameToken(n).family > 0 || isGivenName(n.slice(2))) ? "family" : "bad";
}

interface NameOptions {
  /** A writer's title may come first ("د.", "الدكتور"). */
  titles: boolean;
  /** The first word need not be a known given name (after بقلم). */
  unknownFirst: boolean;
  /** Most plain (unknown) words in the name. */
  maxPlain: number;
}
/** After a city or a paper: a known first name, at most one word the name data does not know. */
const REPORTER: NameOptions = { titles: false, unknownFirst: false, maxPlain: 1 };
/** After كتب، متابعة، إعداد...: a title may come first. */
const WRITER: NameOptions = { titles: true, unknownFirst: false, maxPlain: 2 };
/** After بقلم, which only ever precedes a writer's name. */
const OPEN_WRITER: NameOptions = { titles: true, unknownFirst: true, maxPlain: 2 };

/** The prefix of a name that the lead may follow directly: known words only. */
interface Tight {
  /** Cursor position after the prefix. */
  p: number;
  end: number;
  /** It ends with a family name (العتيبي، الراشد), not with a given name. */
  family: boolean;
}

interface Names {
  start: number;
  end: number;
  /** The longest prefix made of known names only, for a byline with no separator after it. */
  tight: Tight | undefined;
}

/**
 * One person's name at the cursor: 2–4 name words (بن, آل, عبد between them not counted), the
 * first a known given name (or after بقلم any plain word), then given, family or plain words.
 * Advances past it; undefined (cursor unchanged) when there is none.
 */
function parseName(c: Cursor, o: NameOptions, conjoined: boolean): Names | undefined {
  const save = c.p;
  let start: number | undefined;
  if (o.titles && !conjoined && c.is("word") && WRITER_TITLE_KEYS.has(c.key(c.peek()))) {
    start = c.peek().start;
    c.p++;
  }
  let core = 0;
  let tokens = 0;
  let plain = 0;
  let particle: string | undefined;
  let end = 0;
  let tight: Tight | undefined;
  let last: NameKind | undefined;
  while (c.is("word") && tokens < MAX_NAME_TOKENS && core < MAX_NAME_WORDS) {
    const t = c.peek();
    let raw = c.str(t);
    // "وعبدالله الزهراني" after a first name: the و joins two names
    if (conjoined && tokens === 0) {
      if (!raw.startsWith("و")) break;
      raw = raw.slice(1);
    }
    let kind = nameKind(raw);
    const afterParticle = particle !== undefined;
    if (particle !== undefined) {
      // "عبد الله", "آل الشيخ": after عبد or آل a word with the article belongs to the name
      if (
        kind === "bad" &&
        (particle === "عبد" || particle === "ال") &&
        foldKey(raw).startsWith("ال")
      ) {
        kind = particle === "عبد" ? "given" : "family";
      }
      if (kind === "bad" || kind === "particle") break;
      particle = undefined;
    } else if (kind === "particle") {
      const pk = foldKey(raw);
      if (core === 0 && !OPENING_PARTICLE_KEYS.has(pk)) break;
      start ??= t.start;
      particle = pk;
      tokens++;
      c.p++;
      continue;
    }
    if (kind === "bad") break;
    // a family name ends a name: a given name right after it starts the next one ("زياد العذاري
    // محمد العكروت"), unless a particle joins them
    if (kind === "given" && last === "family" && !afterParticle) break;
    if (core === 0 && kind !== "given" && !(kind === "plain" && o.unknownFirst)) break;
    if (kind === "plain" && ++plain > o.maxPlain) break;
    start ??= t.start;
    end = t.end;
    core++;
    tokens++;
    c.p++;
    last = kind;
    if (core >= 2 && plain === 0 && kind !== "plain")
      tight = { p: c.p, end, family: kind === "family" };
  }
  // A particle with no name after it is not part of the name.
  if (particle !== undefined) c.p--;
  if (core < 2 || start === undefined) {
    c.p = save;
    return undefined;
  }
  return { start, end, tight };
}

/** One to three names joined by "،" or و: "فهد العتيبي وعبدالله الزهراني". */
function parseAuthors(c: Cursor, o: NameOptions): Names | undefined {
  const first = parseName(c, o, false);
  if (first === undefined) return undefined;
  let names = first;
  for (let n = 1; n < MAX_NAMES; n++) {
    const save = c.p;
    let conjoined = false;
    if (c.is("comma") || (c.is("word") && c.str(c.peek()) === "و")) c.p++;
    else if (c.is("word")) conjoined = true;
    else break;
    const next = parseName(c, o, conjoined);
    if (next === undefined) {
      c.p = save;
      break;
    }
    // several names end at a separator or the line's end, not right before the lead
    names = { start: names.start, end: next.end, tight: undefined };
  }
  return names;
}

/**
 * Where the byline ends after its names: at a separator ("-", ":") or at the line's end; or, when
 * `leadOk`, at the end of the names' all-known prefix if the lead visibly starts right after it
 * ("جدة - عبدالله الزهراني أعلنت ..."). With `family`, that prefix must end with a family name.
 * Returns the byline's end and the names' end.
 */
function bylineEnd(
  c: Cursor,
  names: Names,
  leadOk: boolean,
  family: boolean,
): { end: number; namesEnd: number } | undefined {
  const end = trailingSeparator(c);
  if (end !== undefined) return { end, namesEnd: names.end };
  const tight = names.tight;
  if (!leadOk || tight === undefined || (family && !tight.family)) return undefined;
  c.p = tight.p;
  return leadFollows(c) ? { end: tight.end, namesEnd: tight.end } : undefined;
}

/**
 * The word after a name visibly opens the lead: a preposition or reporting verb (في، أكد), a
 * common opening verb (استقبل، افتتح، شهد) or its feminine (أعلنت، شهدت). Anything else
 * may still be part of the name (العكروت، حجازي), a title or description after it ("خالد الفيصل
 * أمير منطقة مكة", "... هو", "... أحد أبرز"), or a headline's imperfect verb ("خالد الفيصل
 * يدشن", "مريم اليحياوي تقيم"), and the byline is then not claimed.
 */
function leadFollows(c: Cursor): boolean {
  if (!c.is("word")) return false;
  const raw = c.str(c.peek());
  const kind = nameKind(raw);
  if (kind === "given" || kind === "family" || kind === "particle") return false;
  const k = foldKey(raw);
  if (isTitle(normalizeArabic(raw))) return false;
  if (verbWithoutSubject(c)) return false;
  return (
    LEAD_KEYS.has(k) ||
    // the feminine of one of those (أعلنت، شهدت), not any word in ت (مبخوت، السادات)
    (k.endsWith("ت") && (LEAD_KEYS.has(k.slice(0, -1)) || STOP_KEYS.has(k.slice(0, -1)))) ||
    // derived verbs, not the nouns and nisbas of the same shape (استاذ، استشاري)
    /^(?:است|افت|اخت|ارت|انط|انخ|انت|انع|انض)..+[^يه]$/u.test(k)
  );
}

/**
 * The verb after the name reports straight away (قال إن، أكد أن، قال:، قال «…»): it has no subject
 * of its own after it, so the name before it is its subject ("بيروت - فؤاد السنيورة قال إن …"), not
 * a byline. A byline's lead verb names its own subject (أعلنت وزارة الداخلية أن …).
 */
function verbWithoutSubject(c: Cursor): boolean {
  const next = c.peek(1);
  if (next.kind === "colon" || next.kind === "quote") return true;
  return next.kind === "word" && /^[بل]?[أإا]ن(?:ه|ها|هم)?$/u.test(c.str(next));
}

/** The reporter after "city -" or "paper -", and where the byline ends. */
function parseReporter(
  c: Cursor,
  place: { text: string } | undefined,
  agency: string | undefined,
  start: number,
  leadOk: boolean,
): Dateline | undefined {
  const save = c.p;
  const names = parseAuthors(c, REPORTER);
  const end = names && bylineEnd(c, names, leadOk, true);
  if (names === undefined || end === undefined) {
    c.p = save;
    return undefined;
  }
  return result(place, agency, start, end.end, c.text.slice(names.start, end.namesEnd));
}

/**
 * After "city - «paper»" and the separator if any (`end` undefined when there is none): "-
 * reporter", or "من reporter" as Al-Quds Al-Arabi writes it, which must be closed by a separator
 * or the line's end ("من مصادر ..." is the lead).
 */
function parseQuotedReporter(
  c: Cursor,
  place: { text: string } | undefined,
  agency: string,
  start: number,
  end: number | undefined,
): Dateline | undefined {
  const save = c.p;
  const sep = end === undefined ? undefined : c.peek(-1);
  const separated = sep !== undefined && (sep.kind === "dash" || sep.kind === "colon");
  const from = c.is("word") && c.str(c.peek()) === "من";
  if (from) c.p++;
  if (!separated && !from) return undefined;
  const byline = parseReporter(c, place, agency, start, !from && sep?.kind === "dash");
  if (byline === undefined) c.p = save;
  return byline;
}

/**
 * "عبدالله الزهراني (جدة)": a reporter's name, then a known city in brackets, then a separator,
 * the line's end or the lead. Leaves the cursor where it was when there is none.
 */
function parseReporterFirst(c: Cursor): Dateline | undefined {
  const save = c.p;
  const names = parseAuthors(c, REPORTER);
  if (names !== undefined && c.is("open")) {
    c.p++;
    const city = parseCity(c);
    if (city !== undefined && c.is("close")) {
      const close = c.peek();
      c.p++;
      // not a headline's imperfect verb: "فهد العتيبي (جدة) يفوز ..."
      const lead = c.is("word") && !c.key(c.peek()).startsWith("ي");
      const end = trailingSeparator(c) ?? (lead ? close.end : undefined);
      const author = c.text.slice(names.start, names.end);
      if (end !== undefined) return result(city, undefined, names.start, end, author);
    }
  }
  c.p = save;
  return undefined;
}

/** "كتب: أحمد علي", "كتب - أحمد علي:", "بقلم د. خالد الدخيل", "متابعة: وكالات". */
function parseLabelled(c: Cursor): Dateline | undefined {
  const label = c.peek();
  const open = OPEN_LABEL_KEYS.has(c.key(label));
  c.p++;
  if (c.isSeparator()) {
    c.p++;
    // a credited agency rather than a person
    const credit = c.is("open")
      ? parseBracketCredit(c)
      : c.is("quote")
        ? parseQuotedCredit(c, false)
        : parseBareCredit(c);
    if (credit !== undefined) {
      const end = trailingSeparator(c);
      if (end === undefined && credit.weak) return undefined;
      return result(undefined, credit.agency, label.start, end ?? credit.end);
    }
  } else if (!open) {
    return undefined;
  }
  const names = parseAuthors(c, open ? OPEN_WRITER : WRITER);
  const end = names && bylineEnd(c, names, true, false);
  if (names === undefined || end === undefined) return undefined;
  return result(
    undefined,
    undefined,
    label.start,
    end.end,
    c.text.slice(names.start, end.namesEnd),
  );
}

interface Outlet {
  text: string;
  start: number;
  /** A bare name that is also an ordinary word (الحياة، الخليج، الاتحاد): it needs more support. */
  plain: boolean;
}

function outletOf(place: Place): Outlet {
  return { text: place.text, start: place.start, plain: foldKey(place.text).startsWith("ال") };
}

/**
 * After a paper's name: "(جدة)" or "- جدة", then optionally "- reporter"; or "- reporter" alone.
 * A bare paper name that is an ordinary word ("الاتحاد - الرياض" is also a match) needs a
 * reporter, or its city in brackets before a separator or the line's end.
 */
function parseOutletTail(c: Cursor, outlet: Outlet): Dateline | undefined {
  if (c.is("open")) {
    c.p++;
    const city = parseCity(c);
    if (city === undefined || !c.is("close")) return undefined;
    const close = c.peek();
    c.p++;
    return parseCityTail(c, outlet, city, close.end, !outlet.plain);
  }
  if (!c.isSeparator()) return undefined;
  const sep = c.peek();
  c.p++;
  const city = parseCity(c);
  if (city !== undefined) {
    const byline = parseCityTail(c, outlet, city, city.end, sep.kind === "dash" && !outlet.plain);
    return outlet.plain && byline?.author === undefined ? undefined : byline;
  }
  return parseReporter(c, undefined, outlet.text, outlet.start, sep.kind === "dash");
}

/**
 * After "عكاظ - جدة" or "«عكاظ» (جدة)": "- reporter", or a separator, or the line's end, or
 * (with `leadOk`) the lead itself.
 */
function parseCityTail(
  c: Cursor,
  outlet: Outlet,
  city: Place,
  cityEnd: number,
  leadOk: boolean,
): Dateline | undefined {
  if (c.is("dash") || c.is("colon")) {
    const save = c.p;
    const sep = c.peek();
    c.p++;
    const byline = parseReporter(c, city, outlet.text, outlet.start, sep.kind === "dash");
    if (byline !== undefined) return byline;
    c.p = save;
  }
  const end = trailingSeparator(c) ?? (leadOk && c.is("word") ? cityEnd : undefined);
  return end === undefined ? undefined : result(city, outlet.text, outlet.start, end);
}

/** The longest known city of 1–3 words at the cursor. */
function parseCity(c: Cursor): Place | undefined {
  let key = "";
  let best = -1;
  for (let n = 0; n < 3 && c.is("word", n); n++) {
    key += c.key(c.peek(n));
    if (CITY_KEYS.has(key)) best = n;
  }
  if (best < 0) return undefined;
  const head = c.peek();
  const last = c.peek(best);
  c.p += best + 1;
  return {
    text: c.text.slice(head.start, last.end),
    start: head.start,
    end: last.end,
    agencyLike: false,
    outlet: false,
    agency: false,
    upperLatin: false,
    city: true,
  };
}

/** A line holding only a known paper's or agency's name, bare or quoted: "الحياة", "«عكاظ»". */
function outletLine(
  text: string,
  from: number,
): { agency: string; start: number; city: boolean } | undefined {
  const c = new Cursor(text, tokenize(text, from));
  let agency: string;
  let start: number;
  if (c.is("quote")) {
    const quoted = parseQuotedCredit(c, false);
    if (quoted === undefined) return undefined;
    agency = quoted.agency;
    start = quoted.start;
  } else {
    const words = takeWords(c, MAX_AGENCY_WORDS);
    if (words === undefined) return undefined;
    start = (words[0] as Tok).start;
    agency = text.slice(start, (words[words.length - 1] as Tok).end);
    const key = foldKey(agency);
    if (!OUTLET_KEYS.has(key) && !(AGENCY_KEYS.has(key) && !AMBIGUOUS_KEYS.has(key))) {
      return undefined;
    }
  }
  if (!c.is("eol")) return undefined;
  return { agency, start, city: CITY_KEYS.has(foldKey(agency)) };
}

/**
 * "الحياة\nالرياض - فهد العتيبي", "«عكاظ»\nفهد العتيبي": a paper's name alone on its line, then a
 * byline with no agency of its own, or a reporter's name alone, on the next. A wire dateline on
 * the next line keeps its own credit; a paper named like a city (الرياض) counts as the paper only
 * when a place follows.
 */
function afterOutletLine(text: string, from: number): Dateline | undefined {
  const outlet = outletLine(text, from);
  if (outlet === undefined) return undefined;
  const next = nextLine(text, from);
  if (next === undefined) return undefined;
  const found = parseDateline(text, next);
  if (found !== undefined) {
    if (found.agency !== undefined || (outlet.city && found.place === undefined)) return found;
    const place = found.place === undefined ? undefined : { text: found.place };
    return result(place, outlet.agency, outlet.start, found.end, found.author);
  }
  if (outlet.city) return undefined;
  const c = new Cursor(text, tokenize(text, next));
  const names = parseAuthors(c, REPORTER);
  if (names === undefined || !c.is("eol")) return undefined;
  return result(
    undefined,
    outlet.agency,
    outlet.start,
    names.end,
    text.slice(names.start, names.end),
  );
}
