/**
 * The dateline at the head of a wire story: "موسكو (أ ف ب) –", "بيروت - رويترز:", "لندن:
 * «الشرق الأوسط»", "الرياض 15 يناير (واس) -", "MOSCOW (Reuters) -". Precision first: a
 * dateline needs a credited agency from the list below (or a short quoted outlet name), or a
 * place followed by a date and a dash or colon, or (English) an upper-case place and a dash.
 * An ordinary first sentence ("قال الرئيس: إن ...") never qualifies.
 */
import type { Dateline } from "../analysis.js";

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

/** Finds the dateline at the start of `text` (after blank lines, or after a short title line). */
export function findDateline(text: string): Dateline | undefined {
  const first = lineStart(text, 0);
  if (first >= text.length) return undefined;
  const found = parseDateline(text, first);
  if (found !== undefined) return found;
  // A scraped page may open with the headline; the dateline then heads the next paragraph.
  const nl = text.indexOf("\n", first);
  if (nl < 0 || nl - first > MAX_TITLE_LENGTH) return undefined;
  const second = lineStart(text, nl + 1);
  return second < text.length ? parseDateline(text, second) : undefined;
}

function lineStart(text: string, from: number): number {
  INVISIBLE_LEAD.lastIndex = from;
  INVISIBLE_LEAD.exec(text);
  return INVISIBLE_LEAD.lastIndex;
}

function parseDateline(text: string, from: number): Dateline | undefined {
  const c = new Cursor(text, tokenize(text, from));
  const opensWithWord = c.is("word");
  const place = parsePlace(c);
  // Words that are not a place (a sentence, a weekday) rule out a dateline on this line.
  if (opensWithWord && place === undefined) return undefined;
  const dated = place !== undefined && parseDate(c);

  // "موسكو (أ ف ب) –", "(رويترز) -": a bracketed credit, then a separator or the line's end.
  if (c.is("open")) {
    const credit = parseBracketCredit(c);
    if (credit === undefined) return undefined;
    const end = trailingSeparator(c);
    if (end === undefined) return undefined;
    const named = place?.agencyLike ? undefined : place;
    return result(named, credit.agency, place?.start ?? credit.start, end);
  }

  if (place !== undefined && c.isSeparator()) {
    const sep = c.peek();
    c.p++;
    // "بيروت - رويترز:", "واشنطن - (د ب أ)", "لندن: «الشرق الأوسط»", "غزة/ الأناضول"
    const credit = c.is("open")
      ? parseBracketCredit(c)
      : c.is("quote")
        ? parseQuotedCredit(c, place.city)
        : parseBareCredit(c);
    if (credit !== undefined) {
      const end = trailingSeparator(c);
      if (end === undefined && credit.weak) return undefined;
      // "سبق – وكالات:": the "place" is itself a paper or agency, so no place is claimed.
      const named = place.agencyLike ? undefined : place;
      return result(named, credit.agency, place.start, end ?? credit.end);
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
  place: Place | undefined,
  agency: string | undefined,
  start: number,
  end: number,
): Dateline {
  const d: Dateline = { start, end };
  // Values carry no surrounding punctuation: an abbreviation's final dot ("Calif.") goes.
  if (place !== undefined) d.place = place.text.replace(/\.$/, "");
  if (agency !== undefined) d.agency = agency.replace(/\.$/, "");
  return d;
}

interface Place {
  text: string;
  start: number;
  end: number;
  /** The words are themselves a credit ("واس", "سبق", "رويترز"). */
  agencyLike: boolean;
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
  // Initials ("ع ب م - وكالات") are a byline: credited, but not a place.
  const initials = words.every((w) => w.end - w.start === 1);
  const agencyLike = isAgency || OUTLET_KEYS.has(key) || initials || RADIO.test(key);
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
    agency: isAgency && !AMBIGUOUS_KEYS.has(key),
    upperLatin: /^[\p{Lu}][\p{Lu}\s.'’-]+$/u.test(text) && /\p{Lu}{3}/u.test(text),
    city: CITY_KEYS.has(key),
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
