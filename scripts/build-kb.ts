/**
 * Builds data/kb/kb.jsonl.gz, the bundled knowledge base (format: data/kb/README.md).
 *
 *   npx tsx scripts/build-kb.ts [--report FILE]
 *
 * Inputs, merged in this order (a later entry with an existing id merges into it, see
 * mergeEntry in src/entities/kb.ts):
 *  1. countries: ../shared/data/gazetteers/countries_ar_iso (CC BY-SA 4.0), with nationality
 *     adjectives derived by rule from the Arabic name plus the irregular ones below;
 *  2. cities: ../shared/data/gazetteers/world_cities_ar (CC BY 4.0), cleaned (admin prefixes,
 *     rows that name something else, names that are ordinary words), population >= 100,000 or an
 *     Arab-world city >= 20,000; folded into the hand-written capitals where they are one;
 *  3. people: ../shared/data/events/universalpetrarch_arabic_dicts/actor_dict_ar_v4.txt (MIT),
 *     dated entries that look like person names and that no curated entry names already;
 *  4. every data/kb/sources/*.jsonl (hand-curated: countries.jsonl, capitals.jsonl and the
 *     people/organisation files), in file-name order.
 * Every entry is validated (KbEntrySchema); a problem in a curated file is reported with file,
 * line and id, and only the bad part is dropped. References (country, capitalOf, roles[].of)
 * must name existing ids. The output is sorted by id and byte-for-byte reproducible.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import {
  describeIssues,
  entryReferences,
  isSkippableLine,
  KB_FILE,
  type KbEntry,
  KbEntrySchema,
  type KbRole,
  mergeEntry,
  nameKey,
} from "../src/entities/kb.js";
import { wordCount } from "../src/text/lexicon.js";
import { normalizeArabic } from "../src/text/normalize.js";
import { mineOrganisations } from "./lib/mine-organisations.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = join(root, "../shared/data");
const SOURCES = join(root, "data/kb/sources");
const OUT = join(root, "data/kb", KB_FILE);
const reportArg = process.argv.indexOf("--report");
const REPORT = reportArg >= 0 ? process.argv[reportArg + 1] : undefined;

const CITY_MIN_POPULATION = 100_000;
const ARAB_CITY_MIN_POPULATION = 20_000;
/** Lexicon count above which a one-word name is taken for an ordinary word (كان "was"). */
const FREQUENT_WORD = 2000;
/** Count above which a curated one-word name is reported (حتي = حتى "until"; تونس is 4,797). */
const CURATED_FREQUENT_WORD = 10_000;
/** Minimum agreement of the Arabic and English consonant skeletons of a city name (0..1). */
const CITY_MIN_SKELETON = 0.5;

/**
 * Arab League members, Western Sahara and Israel (Arabic news covers its towns closely): their
 * towns are kept from 20,000 people.
 */
const ARAB_WORLD = new Set(
  "DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM ESH ISR".split(
    " ",
  ),
);

// ---------------------------------------------------------------------------------------------
// Nationality adjectives. The rule (nisbaBase) covers regular one-word names: روسيا → روسي,
// السعودية → سعودي, لبنان → لبناني. NISBA gives the irregular and multi-word ones as masculine
// singular forms that expandNisba() inflects word by word; a word marked with a leading ~ takes
// the article but does not inflect (جنوب أفريقي → جنوب أفريقية, الجنوب أفريقية).

const NISBA: Record<string, string[]> = {
  USA: ["أمريكي", "أميركي"],
  GBR: ["بريطاني"],
  ARE: ["إماراتي"],
  AUT: ["نمساوي"],
  PER: ["بيروفي"],
  CZE: ["تشيكي"],
  // كوري alone is mostly South Korean in the news; the North needs its qualifier
  KOR: ["كوري جنوبي", "كوري"],
  PRK: ["كوري شمالي"],
  CIV: ["إيفواري"],
  COD: ["كونغولي"],
  COG: ["كونغولي"],
  DOM: ["دومينيكاني"],
  BIH: ["بوسني"],
  MNE: ["مونتينيغري"],
  TGO: ["توغولي"],
  MCO: ["موناكي"],
  PRI: ["بورتوريكي"],
  URY: ["أوروغوياني"],
  PRY: ["باراغوياني"],
  SWZ: ["إسواتيني", "سوازيلاندي"],
  KGZ: ["قرغيزستاني", "قرغيزي"],
  KAZ: ["كازاخستاني", "كازاخي"],
  UZB: ["أوزبكستاني", "أوزبكي"],
  TJK: ["طاجيكستاني", "طاجيكي"],
  AZE: ["أذربيجاني", "أذري"],
  MMR: ["ميانماري", "بورمي"],
  ERI: ["إرتري", "إريتري"],
  BFA: ["بوركيني"],
  CAF: ["أفريقي أوسطي"],
  GNQ: ["غيني استوائي"],
  GNB: ["غيني بيساوي", "بيساوي"],
  // not بابوي alone: that is "papal"
  PNG: ["بابوي غيني"],
  TTO: ["ترينيدادي"],
  ATG: ["أنتيغي"],
  BHS: ["باهامي"],
  COM: ["قمري"],
  MDV: ["مالديفي"],
  CPV: ["كابوفيردي"],
  ALA: ["أولاندي"],
  ASM: ["ساموي أمريكي"],
  ATA: ["أنتاركتيكي"],
  BES: ["كاريبي هولندي"],
  BVT: ["بوفيهي"],
  IOT: ["محيطي بريطاني"],
  CYM: ["كايماني"],
  CXR: ["كريسماسي"],
  CCK: ["كوكوسي"],
  COK: ["كوكي"],
  FLK: ["فوكلاندي"],
  FRO: ["فاروي"],
  GUF: ["غوياني فرنسي"],
  ATF: ["أنتاركتيكي فرنسي"],
  GIB: ["~جبل طارقي"],
  HMD: ["هيردي"],
  HKG: ["~هونغ كونغي"],
  IMN: ["مانكسي"],
  MHL: ["مارشالي"],
  FSM: ["ميكرونيزي"],
  NCL: ["كاليدوني"],
  NFK: ["نورفولكي"],
  MNP: ["مارياني"],
  PCN: ["بيتكيرني"],
  REU: ["ريونيوني"],
  BLM: ["بارتيلمي"],
  SHN: ["هيلاني"],
  KNA: ["كيتسي"],
  LCA: ["~سانت لوسي"],
  MAF: ["~سان مارتيني"],
  SPM: ["~سان بييري"],
  VCT: ["فنسنتي"],
  SMR: ["~سان ماريني"],
  STP: ["ساوتومي"],
  SXM: ["~سينت مارتني"],
  // not سليماني: that is the surname Soleimani
  SLB: ["سولوموني"],
  SGS: ["ساندويتشي"],
  SJM: ["سفالباردي"],
  TLS: ["تيموري"],
  TCA: ["توركسي"],
  UMI: ["أمريكي جزري"],
  VGB: ["عذراوي بريطاني"],
  VIR: ["عذراوي أمريكي"],
  WLF: ["والسي"],
  ESH: ["صحراوي"],
  ZAF: ["~جنوب أفريقي", "~جنوب إفريقي"],
  SSD: ["~جنوب سوداني"],
  XKX: ["كوسوفي"],
};

/** Extra regular nisbas besides the rule's (سوري from سوريا is the rule's; أفغاني is not). */
const EXTRA_NISBA: Record<string, string[]> = {
  AFG: ["أفغاني"],
  NZL: ["نيوزيلاندي"],
  THA: ["تايلندي"],
  MDA: ["مولدافي"],
};

/** Broken plurals (listed with and without the article by the build). */
const BROKEN_PLURALS: Record<string, string[]> = {
  RUS: ["روس"],
  TUR: ["أتراك"],
  DEU: ["ألمان"],
  AFG: ["أفغان"],
  USA: ["أمريكان", "أميركان"],
  IND: ["هنود"],
  ARM: ["أرمن"],
  MAR: ["مغاربة"],
  TUN: ["توانسة"],
};

/**
 * Forms that are mostly ordinary words and so are not listed (مالي/المالية "financial" is far
 * more often finance than Mali; the plurals ماليون/الماليين stay).
 */
const ORDINARY_ADJECTIVE_FORMS = new Set(
  ["مالي", "مالية", "المالي", "المالية", "ماليات", "الماليات"].map(normalizeArabic),
);

/** Leading words of multi-word country names that are not part of the nisba. */
const GENERIC_COUNTRY_WORDS = new Set(["جزر", "جزيرة", "جمهورية", "إقليم", "تجمع", "أراض"]);

const DIACRITICS = /[\u064b-\u065f\u0670\u0640]/g;

/** The nisba (masculine singular) of a one-word country name: روسيا → روسي, السودان → سوداني. */
function nisbaBase(name: string): string {
  let w = name.replace(DIACRITICS, "");
  if (w.startsWith("ال")) w = w.slice(2);
  if (w.endsWith("يا")) return w.slice(0, -1);
  if (w.endsWith("ية")) return w.slice(0, -1);
  if (w.endsWith("ا") || w.endsWith("ة")) return `${w.slice(0, -1)}ي`;
  if (w.endsWith("ي")) return w;
  return `${w}ي`;
}

/** All forms of a masculine nisba: m/f, with and without ال, sound plurals (each word inflects). */
function expandNisba(masc: string): string[] {
  const words = masc.split(" ");
  const form = (suffix: string, article: boolean) =>
    words
      .map((w) =>
        w.startsWith("~")
          ? `${article ? "ال" : ""}${w.slice(1)}`
          : `${article ? "ال" : ""}${w}${suffix}`,
      )
      .join(" ");
  const out: string[] = [];
  for (const article of [false, true]) {
    for (const suffix of ["", "ة", "ون", "ين", "ات"]) out.push(form(suffix, article));
  }
  return out;
}

function countryAdjectives(id: string, nameAr: string): { forms: string[]; ruled: string[] } {
  const bases: string[] = [];
  let ruled: string[] = [];
  const hand = NISBA[id];
  if (hand !== undefined) bases.push(...hand);
  else {
    const words = nameAr.replace(DIACRITICS, "").split(" ");
    while (words.length > 1 && GENERIC_COUNTRY_WORDS.has(words[0] as string)) words.shift();
    // a multi-word name without a hand entry gives the nisba of its first distinctive word
    const base = nisbaBase(words[0] as string);
    bases.push(base);
    ruled = expandNisba(base).filter((f) => !ORDINARY_ADJECTIVE_FORMS.has(nameKey(f)));
  }
  bases.push(...(EXTRA_NISBA[id] ?? []));
  const forms = bases.flatMap(expandNisba).filter((f) => !ORDINARY_ADJECTIVE_FORMS.has(nameKey(f)));
  for (const p of BROKEN_PLURALS[id] ?? []) forms.push(p, `ال${p}`);
  return { forms: dedupeNames(forms), ruled };
}

// ---------------------------------------------------------------------------------------------
// Cities

/** world_cities_ar country names that differ from the ISO list. */
const CITY_COUNTRY: Record<string, string> = {
  Bolivia: "BOL",
  "Bosnia and Herzevina": "BIH",
  Brunei: "BRN",
  "Fiji Islands": "FJI",
  "Hong Kong S.A.R.": "HKG",
  Iran: "IRN",
  "Man (Isle of)": "IMN",
  Laos: "LAO",
  Moldova: "MDA",
  "Palestinian Territory Occupied": "PSE",
  Russia: "RUS",
  Syria: "SYR",
  Taiwan: "TWN",
  Tanzania: "TZA",
  Turkey: "TUR",
  "United Kingdom": "GBR",
  "United States": "USA",
  Venezuela: "VEN",
  Vietnam: "VNM",
};

/**
 * Arabic names of rows that the source gets wrong (keyed "ALPHA3|English name"): the row is
 * kept with this name. An empty name drops the row (القاعدة: the town's name is the word
 * "the base" and al-Qaeda).
 */
const CITY_FIXES: Record<string, string> = {
  "IRQ|Mosul": "الموصل",
  "IRQ|Al Fallujah": "الفلوجة",
  "IRQ|As Samawah": "السماوة",
  "IRQ|Tall `Afar": "تلعفر",
  "IRQ|Hit": "هيت",
  "IRQ|`Anah": "عانة",
  "IRQ|Jalawla'": "جلولاء",
  "IRQ|Ar Rutbah": "الرطبة",
  "YEM|Aden": "عدن",
  "YEM|Ja`ar": "جعار",
  "YEM|Al Qa`idah": "",
  "SAU|Medina": "المدينة المنورة",
  "SAU|Mecca": "مكة المكرمة",
  "SAU|Buraydah": "بريدة",
  "SAU|Hafr al Batin": "حفر الباطن",
  "SAU|Qara": "",
  "LBN|Tyre": "صور",
  "SYR|As Salamiyah": "السلمية",
  "SYR|Tartus": "طرطوس",
  "SYR|`Amuda": "عامودا",
  "SYR|Nawa": "نوى",
  "SYR|Hajin": "هجين",
  "SYR|Harim": "حارم",
  "EGY|Al Fayyum": "الفيوم",
  "EGY|Suez": "السويس",
  "EGY|Al Minya": "المنيا",
  "EGY|Awsim": "أوسيم",
  "EGY|Al `Ajami": "العجمي",
  "TUN|Monastir": "المنستير",
  "TUN|El Jem": "الجم",
  "TUN|Carthage": "قرطاج",
  "TUN|Sukrah": "سكرة",
  "SDN|Singa": "سنجة",
  "SDN|Atbara": "عطبرة",
  "SDN|El Fasher": "الفاشر",
  "SDN|Dongola": "دنقلا",
  "LBY|Darnah": "درنة",
  "LBY|Surt": "سرت",
  "QAT|Al Wakrah": "الوكرة",
  "OMN|Bahla'": "بهلاء",
  "DZA|Sig": "سيق",
  "DZA|Baraki": "براقي",
  "DZA|Medea": "المدية",
  "MRT|Atar": "", // أطار = إطار "frame" after normalisation
  "EGY|Matruh": "مرسى مطروح",
  "IRN|Bahar": "", // البحر "the sea"; the town is بهار
  "MRT|Nema": "النعمة",
  "MAR|Casablanca": "الدار البيضاء",
  "PSE|Hebron": "الخليل",
  "NLD|The Hague": "لاهاي",
  "ESP|Donostia": "سان سيباستيان",
  "ESP|Jerez de la Frontera": "شريش",
  "TUR|Sanliurfa": "شانلي أورفة",
  "RUS|Makhachkala": "محج قلعة",
  "IRN|Bandar-e Bushehr": "بوشهر",
  "IRN|Khorramshahr": "المحمرة",
  "EGY|Hihya": "ههيا",
  "QAT|Al Khawr": "الخور",
  "LBY|Tajura'": "تاجوراء",
  "NGA|Benin City": "مدينة بنين",
  "ZAF|Gqeberha": "بورت إليزابيث",
  "ARE|`Ajman": "عجمان",
  "RUS|Kursk": "كورسك",
  "JOR|Al Jizah": "",
  "ISR|Nazareth": "الناصرة",
  "ISR|Lod": "اللد",
  "ISR|Yehud": "",
  "ISR|Shefar`am": "شفاعمرو", // a district; الجيزة in the news is Giza (EXTRA_CITIES)
};

/** Spelling variants news uses for rows of the source ("ALPHA3|English name" → aliases). */
const CITY_ALIASES: Record<string, string[]> = {
  "ITA|Milan": ["ميلانو"],
  "FRA|Marseille": ["مرسيليا"],
  "CHN|Shanghai": ["شنغهاي"],
  "DZA|Constantine": ["قسنطينة"],
  "TUR|Antalya": ["أنطاليا"],
  "TUN|Ariana": ["أريانة"],
  "RUS|Saint Petersburg": ["سان بطرسبورغ", "سانت بطرسبورغ"],
  "MAR|Agadir": ["أغادير"],
  "MAR|Fes": ["فاس"],
  "EGY|Port Said": ["بور سعيد"],
};

/**
 * Well-known cities missing from world_cities_ar (or below its population cut there): country,
 * English name, Arabic name and variants. Population is left out rather than guessed.
 */
const EXTRA_CITIES: [string, string, string, string[]][] = [
  ["TUN", "Sfax", "صفاقس", []],
  ["TUN", "Ben Arous", "بن عروس", []],
  ["TUN", "Siliana", "سليانة", []],
  ["TUN", "Djerba", "جربة", []],
  ["EGY", "Giza", "الجيزة", []],
  ["EGY", "Ismailia", "الإسماعيلية", []],
  ["SYR", "Homs", "حمص", []],
  ["SYR", "Daraa", "درعا", []],
  ["SYR", "Afrin", "عفرين", []],
  ["IRQ", "Erbil", "أربيل", ["إربيل"]],
  ["IRQ", "Samarra", "سامراء", []],
  ["YEM", "Marib", "مأرب", []],
  ["LBY", "Sabha", "سبها", []],
  ["LBY", "Kufra", "الكفرة", []],
  ["LBY", "Ghadames", "غدامس", []],
  ["LBN", "Sidon", "صيدا", []],
  ["LBN", "Zahle", "زحلة", []],
  ["PSE", "Jenin", "جنين", []],
  ["PSE", "Bethlehem", "بيت لحم", []],
  ["ISR", "Tel Aviv", "تل أبيب", []],
  ["ISR", "Jaffa", "يافا", []],
  ["UKR", "Zaporizhzhia", "زابوريجيا", []],
  ["UKR", "Bakhmut", "باخموت", []],
];

/**
 * Regions named in the news (kind "region"). A disputed region gets no country, like Jerusalem
 * (the Golan Heights, Crimea, Donbas, Western Sahara's territory is the ESH country entry).
 */
const REGIONS: [string, string, string, string[], string?][] = [
  ["europe", "Europe", "أوروبا", []],
  ["asia", "Asia", "آسيا", []],
  ["africa", "Africa", "أفريقيا", ["إفريقيا", "القارة السمراء"]],
  ["eurasia", "Eurasia", "أوراسيا", []],
  ["north-america", "North America", "أمريكا الشمالية", ["أميركا الشمالية"]],
  ["south-america", "South America", "أمريكا الجنوبية", ["أميركا الجنوبية"]],
  ["latin-america", "Latin America", "أمريكا اللاتينية", ["أميركا اللاتينية"]],
  ["middle-east", "Middle East", "الشرق الأوسط", []],
  ["north-africa", "North Africa", "شمال أفريقيا", ["شمال إفريقيا"]],
  ["maghreb", "Maghreb", "المغرب العربي", []],
  ["gulf", "Persian Gulf", "الخليج", ["الخليج العربي", "الخليج الفارسي"]],
  ["balkans", "Balkans", "البلقان", []],
  ["caucasus", "Caucasus", "القوقاز", []],
  ["central-asia", "Central Asia", "آسيا الوسطى", []],
  ["sahel", "Sahel", "الساحل الأفريقي", ["منطقة الساحل"]],
  ["gaza-strip", "Gaza Strip", "قطاع غزة", [], "PSE"],
  ["west-bank", "West Bank", "الضفة الغربية", [], "PSE"],
  ["east-jerusalem", "East Jerusalem", "القدس الشرقية", []],
  ["golan-heights", "Golan Heights", "الجولان", ["مرتفعات الجولان", "هضبة الجولان"]],
  ["sinai", "Sinai", "سيناء", ["شبه جزيرة سيناء"], "EGY"],
  ["darfur", "Darfur", "دارفور", [], "SDN"],
  ["kurdistan-region", "Kurdistan Region", "إقليم كردستان", ["كردستان العراق"], "IRQ"],
  ["crimea", "Crimea", "القرم", ["شبه جزيرة القرم"]],
  ["donbas", "Donbas", "دونباس", []],
  ["kashmir", "Kashmir", "كشمير", []],
];

/**
 * Rows kept although their name is also an ordinary word (الأقصر "shortest", العقبة "obstacle"):
 * well-known cities of the Arab world whose name news writes as is.
 */
const CITY_KEEP = new Set(
  `EGY|Luxor IRQ|Al Hillah IRQ|Al \`Amarah IRQ|Ar Ramadi LBY|Tobruk SAU|At Ta'if JOR|Al \`Aqabah
MAR|Laayoune LBY|Az Zawiyah UZB|Bukhara TUN|El Kef TUN|Kebili TUN|La Marsa BHR|Al Muharraq
SAU|Al Jubayl LBN|Jbail SAU|Al Kharj LBY|Al Marj TUN|Hammamet QAT|Ar Rayyan`
    .split(/\s+(?=[A-Z]{3}\|)/)
    .map((s) => s.trim()),
);

/** Administrative words before a city name in the source (محافظة إدلب → إدلب). */
const ADMIN_PREFIXES = new Set(
  `محافظة ولاية مقاطعة قضاء قسم أوبلاست إقليم بلدية مركز ناحية منطقة مديرية كوميون إمارة دائرة
شعبية كانتون إدارة لواء معتمدية عزلة ضاحية ريف`.split(/\s+/),
);

/** Words showing that a row names something other than a town (club, stadium, battle...). */
const NOT_A_PLACE = new Set(
  `نادي فريق ملعب مطار جامعة معتقل معركة متحف المتحف مؤسسة سفينة غواصة شركة قاموس مجلس المجلس
اتحاد حزب بنك منظمة حركة كلية الكلية مدرسة مستشفى مستشفي كاتدرائية كنيسة فندق سجن محطة سد مهرجان
فيلم مسلسل ألبوم رواية نهر بحيرة التجمع تجمع جماعة فيروسات ديدان ميناء الشرق`.split(/\s+/),
);

const AR_CONSONANT: Record<string, string> = {
  ب: "B",
  پ: "B",
  ت: "T",
  ث: "T",
  ط: "T",
  د: "T",
  ض: "T",
  ذ: "Z",
  ظ: "Z",
  ز: "Z",
  ج: "G",
  چ: "G",
  غ: "G",
  گ: "G",
  ق: "K",
  ك: "K",
  خ: "K",
  س: "S",
  ص: "S",
  ش: "S",
  ف: "F",
  ڤ: "F",
  ل: "L",
  م: "M",
  ن: "N",
  ر: "R",
};

const LATIN_DIGRAPH: Record<string, string> = {
  sh: "S",
  ch: "S",
  th: "T",
  dh: "Z",
  kh: "K",
  gh: "G",
  ph: "F",
};

const LATIN_CONSONANT: Record<string, string> = {
  b: "B",
  p: "B",
  t: "T",
  d: "T",
  z: "Z",
  j: "G",
  g: "G",
  q: "K",
  k: "K",
  c: "K",
  x: "K",
  s: "S",
  f: "F",
  v: "F",
  l: "L",
  m: "M",
  n: "N",
  r: "R",
};

/** Classes that transliteration mixes up (ج = j/g, ز = z/s, ق/ك = k/g...). */
function sameClass(a: string, b: string): boolean {
  if (a === b) return true;
  const pair = a < b ? a + b : b + a;
  return pair === "SZ" || pair === "GK" || pair === "TZ" || pair === "BF";
}

function arabicSkeleton(name: string): string {
  let out = "";
  for (const w of normalizeArabic(name).split(" ")) {
    const stem = w.startsWith("ال") && w.length > 3 ? w.slice(2) : w;
    for (const ch of stem) out += AR_CONSONANT[ch] ?? "";
  }
  return out;
}

function latinSkeleton(name: string): string {
  const s = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/\b(?:al|el|ar|as|an|ad|at|az|ash|ad|ed|es|er|en|ez)[ -]/g, "")
    .replace(/[^a-z]/g, "");
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const d = LATIN_DIGRAPH[s.slice(i, i + 2)];
    if (d !== undefined) {
      out += d;
      i++;
    } else if (s[i] !== s[i + 1]) out += LATIN_CONSONANT[s[i] as string] ?? "";
  }
  return out;
}

/** Longest common subsequence of the two skeletons over the longer one (0..1). */
function skeletonAgreement(ar: string, en: string): number {
  const a = arabicSkeleton(ar);
  const b = latinSkeleton(en);
  if (a.length === 0 && b.length === 0) return 1; // only vowels and gutturals: no evidence
  if (a.length === 0 || b.length === 0) return 0;
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 0; i < a.length; i++) {
    let diag = 0;
    for (let j = 0; j < b.length; j++) {
      const up = row[j + 1] as number;
      row[j + 1] = sameClass(a[i] as string, b[j] as string)
        ? diag + 1
        : Math.max(up, row[j] as number);
      diag = up;
    }
  }
  return (row[b.length] as number) / Math.max(a.length, b.length);
}

/**
 * Why a one-word place name is rather an ordinary word (or null): common nouns and adjectives
 * occur both with and without the article (قصر/القصر, الوجه/وجه) or take pronoun suffixes
 * (سنتها); names do neither.
 */
function ordinaryWord(name: string): string | null {
  const n = normalizeArabic(name);
  if (n.includes(" ")) return null;
  const f = wordCount(n);
  if (f >= FREQUENT_WORD) return `a frequent word (${f})`;
  const art = n.startsWith("ال") && n.length > 3;
  const other = art ? n.slice(2) : `ال${n}`;
  const fo = wordCount(other);
  if (fo >= 20 && fo > 0.1 * f && f >= 20) return `alternates with ${other} (${fo} vs ${f})`;
  const bare = art ? n.slice(2) : n;
  const stem = bare.endsWith("ه") ? `${bare.slice(0, -1)}ت` : bare;
  const infl = wordCount(`${stem}ها`) + wordCount(`${stem}هم`) + wordCount(`${stem}هما`);
  if (infl >= 10 && infl > 0.05 * f) return `takes pronoun suffixes (${infl} vs ${f})`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// UniversalPetrarch actors

/** Titles that may precede a person's name in the actor list (lemma forms), stripped. */
const LEADING_TITLES = new Set(
  `رئيس وزير وزيرة نائب أمين عام سفير شيخ شيخة أمير أميرة ملك ملكة جنرال سيد سيدة دكتور مستشار
قائد زعيم عاهل سلطان لواء عقيد عميد مشير رئيسة مبعوث متحدث ناطق خارجية دفاع داخلية مالية ولي عهد
سابق أول ل داخلي خارجي حصري بابا لرئيس`.split(/\s+/),
);

/** Words that make an actor an organisation or a description, not a person (lemma forms). */
const NOT_A_PERSON = new Set(
  `وزارة حزب حركة جيش قوة قوات مجلس منظمة اتحاد جامعة حكومة شرطة سلطة شركة وكالة صحيفة مجلة هيئة
لجنة جبهة جماعة تنظيم ائتلاف تحالف نقابة رابطة مؤسسة ديوان الديوان مكتب محكمة برلمان مجموعة صندوق
بعثة كتائب كتيبة سرايا لواء ألوية مليشيا ميليشيا نظام شعب جهاز أجهزة مسؤول مصدر عضو ممثل مواطن جندي
دبابة سفينة أرض إدارة قيادة وسيلة معارضة متمرد مسلح مقاتل قام دولة عاصمة مدينة محافظة ولاية قطاع
أمة متحدة رئيس وزير أمين نائب بنك جمهورية مملكة في من على إلى عن الذي التي ال هو هي مستشارة سيناتور
حرس مركز مكانة عملية مؤتمر طاقة تعقيد تركيبة وساطة عسكري شعبي معارض ديمقراطي جمهوري جنوب شمال شرق غرب`.split(
    /\s+/,
  ),
);

interface ActorRange {
  code: string;
  from?: string;
  to?: string;
}

interface Actor {
  line: number;
  name: string;
  ranges: ActorRange[];
}

function upDate(d: string | undefined): string | undefined {
  // 18000101 marks an open end in the dictionary
  if (d === undefined || d === "18000101" || !/^\d{8}$/.test(d)) return undefined;
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
}

/** Parses `[CODE]`, `[CODE from-to]`, `[CODE > from]`, `[CODE < to]`. */
function parseRange(body: string): ActorRange | null {
  const m = /^\s*([A-Z~?]+)\s*(.*?)\s*$/.exec(body);
  if (m === null) return null;
  const code = m[1] as string;
  const rest = m[2] as string;
  if (rest === "") return { code };
  let r = /^(\d{8})-(\d{8})$/.exec(rest);
  if (r !== null) {
    const from = upDate(r[1]);
    let to = upDate(r[2]);
    if (from !== undefined && to !== undefined && to < from) to = undefined; // inverted: open
    return { code, ...(from ? { from } : {}), ...(to ? { to } : {}) };
  }
  r = /^>\s*(\d{8})$/.exec(rest);
  if (r !== null) return { code, from: upDate(r[1]) as string };
  r = /^<\s*(\d{8})$/.exec(rest);
  if (r !== null) return { code, to: upDate(r[1]) as string };
  return { code };
}

function parseActorDict(text: string): Actor[] {
  const out: Actor[] = [];
  let cur: Actor | null = null;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, "");
    if (!line.trim() || line.trim().startsWith("#")) continue;
    const indented = /^\s+\[([^\]]*)\]\s*$/.exec(line);
    if (indented !== null) {
      const r = parseRange(indented[1] as string);
      if (r !== null && cur !== null) cur.ranges.push(r);
      continue;
    }
    const m = /^\s*([^[]+?)\s*(?:\[([^\]]*)\])?\s*$/.exec(line);
    if (m === null) {
      cur = null;
      continue;
    }
    cur = { line: i + 1, name: (m[1] as string).trim(), ranges: [] };
    if (m[2] !== undefined) {
      const r = parseRange(m[2]);
      if (r !== null) cur.ranges.push(r);
    }
    out.push(cur);
  }
  return out;
}

const TRANSLIT: Record<string, string> = {
  ا: "a",
  ب: "b",
  ت: "t",
  ث: "th",
  ج: "j",
  ح: "h",
  خ: "kh",
  د: "d",
  ذ: "dh",
  ر: "r",
  ز: "z",
  س: "s",
  ش: "sh",
  ص: "s",
  ض: "d",
  ط: "t",
  ظ: "z",
  ع: "",
  غ: "gh",
  ف: "f",
  ق: "q",
  ك: "k",
  ل: "l",
  م: "m",
  ن: "n",
  ه: "h",
  و: "w",
  ي: "y",
  ء: "",
  " ": "-",
};

/**
 * The ASCII slug ids of UniversalPetrarch actors were made of before 2026-12 (letter by letter
 * over the normalised form, a consonant skeleton): kept to give every actor its former id.
 */
function transliterate(name: string): string {
  let out = "";
  for (const ch of normalizeArabic(name)) out += TRANSLIT[ch] ?? "";
  return out.replace(/-+/g, "-").replace(/^-|-$/g, "");
}

/** The consonants of TRANSLIT; romanize reads the vowel letters itself. */
const ROMAN_CONSONANTS: Record<string, string> = Object.fromEntries(
  Object.entries(TRANSLIT).filter(([ch]) => !"اويعء ".includes(ch)),
);
const LONG_VOWELS = new Set(["ا", "آ", "أ", "إ", "ى", "ة", "و", "ي", "ع", "ئ", "ؤ"]);

/**
 * A readable id for a name with no English form: a romanisation that keeps the long vowels the
 * Arabic spelling shows (صائب عريقات → saib-ariqat; the consonant skeleton, sayb-ryqat, was
 * hard to read). ي and و are vowels after a consonant and consonants elsewhere; ع reads as a.
 */
function romanize(name: string): string {
  const words = cleanArabic(name).split(" ");
  return words
    .map((word) => {
      let out = "";
      const w = word.startsWith("ال") && word.length > 3 ? word.slice(2) : word;
      if (w !== word) out += "al-";
      for (let i = 0; i < w.length; i++) {
        const ch = w[i] as string;
        const next = w[i + 1];
        const afterConsonant = i > 0 && !LONG_VOWELS.has(w[i - 1] as string);
        const beforeVowel = next !== undefined && LONG_VOWELS.has(next) && next !== "ع";
        if (ch === "ي") out += afterConsonant && !beforeVowel ? "i" : "y";
        else if (ch === "و") out += afterConsonant && !beforeVowel ? "u" : "w";
        else if (ch === "إ" || ch === "ئ") out += "i";
        else if (ch === "ؤ") out += "u";
        else if (LONG_VOWELS.has(ch)) out += "a";
        else out += ROMAN_CONSONANTS[ch] ?? "";
      }
      return out;
    })
    .join("-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}

// ---------------------------------------------------------------------------------------------
// Helpers

const warnings: string[] = [];
/** Facts worth a look that are not errors (ids merged across curated files, shared names). */
const notes: string[] = [];
const report: string[] = [];
function warn(msg: string): void {
  warnings.push(msg);
}

function slug(en: string): string {
  return en
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['`’ʻ]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Display form of a source name: no diacritics or invisible marks, Persian letters mapped. */
function cleanArabic(s: string): string {
  return s
    .replace(DIACRITICS, "")
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
    .replace(/ی/g, "ي")
    .replace(/ک/g, "ك")
    .replace(/ھ/g, "ه")
    .replace(/[_\-‐–]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Drops names whose key repeats an earlier one. */
function dedupeNames(names: string[], exclude: string[] = []): string[] {
  const seen = new Set(exclude.map(nameKey));
  const out: string[] = [];
  for (const n of names) {
    const k = nameKey(n);
    if (k.length === 0 || seen.has(k)) continue;
    seen.add(k);
    out.push(n);
  }
  return out;
}

/** How often a mined organisation name must occur in the 10.7M words of ANT and Wikipedia. */
const MINED_MIN_COUNT = 25;

const FIELD_ORDER = [
  "id",
  "type",
  "kind",
  "nameAr",
  "nameEn",
  "aliases",
  "wikidata",
  "cameo",
  "iso",
  "country",
  "capitalOf",
  "adjectives",
  "roles",
  "population",
  "formerIds",
] as const;

/** The entry with its fields in the documented order and empty lists removed. */
function canonical(e: KbEntry): KbEntry {
  const out: Record<string, unknown> = {};
  for (const f of FIELD_ORDER) {
    const v = e[f];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    if (f === "roles") {
      out.roles = (v as KbRole[]).map((r) => {
        const o: Record<string, string> = { role: r.role, of: r.of };
        if (r.from !== undefined) o.from = r.from;
        if (r.to !== undefined) o.to = r.to;
        return o;
      });
    } else out[f] = v;
  }
  return out as KbEntry;
}

interface Located {
  entry: KbEntry;
  where: string;
}

/**
 * Parses one curated line. A line that fails the schema loses only its bad optional parts (a
 * wrong alias, role or code) when the rest is sound; otherwise it is skipped. Problems go to the
 * warnings with file:line and id.
 */
function parseCurated(line: string, where: string): KbEntry | null {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    warn(`${where}: not valid JSON, line skipped (${(e as Error).message})`);
    return null;
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    warn(`${where}: not a JSON object, line skipped`);
    return null;
  }
  const obj = structuredClone(raw) as Record<string, unknown>;
  const label = typeof obj.id === "string" ? ` (id ${obj.id})` : "";
  for (let attempt = 0; attempt < 20; attempt++) {
    const parsed = KbEntrySchema.safeParse(obj);
    if (parsed.success) return parsed.data;
    let repaired = false;
    for (const issue of parsed.error.issues) {
      const [field, index] = issue.path as (string | number)[];
      const text = describeIssues({ issues: [issue] } as never)[0];
      if (issue.code === "unrecognized_keys") {
        for (const k of (issue as { keys: string[] }).keys) delete obj[k];
        warn(`${where}${label}: ${text}; dropped`);
        repaired = true;
      } else if (
        (field === "aliases" || field === "roles" || field === "adjectives") &&
        typeof index === "number" &&
        Array.isArray(obj[field])
      ) {
        const [item] = (obj[field] as unknown[]).splice(index, 1);
        warn(`${where}${label}: ${text} (${JSON.stringify(item)}); that item dropped`);
        repaired = true;
        break; // indices shift: re-validate
      } else if (
        typeof field === "string" &&
        !["id", "type", "kind", "nameAr"].includes(field) &&
        field in obj
      ) {
        delete obj[field];
        warn(`${where}${label}: ${text}; field dropped`);
        repaired = true;
      }
    }
    if (!repaired) {
      warn(`${where}${label}: ${describeIssues(parsed.error).join("; ")}; entry skipped`);
      return null;
    }
  }
  warn(`${where}${label}: too many problems; entry skipped`);
  return null;
}

function readCuratedSources(): Located[] {
  const files = readdirSync(SOURCES)
    .filter((f) => f.endsWith(".jsonl"))
    .sort();
  const out: Located[] = [];
  for (const f of files) {
    const lines = readFileSync(join(SOURCES, f), "utf8").split(/\r?\n/);
    const seen = new Map<string, number>();
    let n = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      if (isSkippableLine(line)) continue;
      const where = `data/kb/sources/${f}:${i + 1}`;
      const e = parseCurated(line, where);
      if (e === null) continue;
      const prev = seen.get(e.id);
      if (prev !== undefined) warn(`${where} (id ${e.id}): repeats the id of line ${prev}; merged`);
      seen.set(e.id, i + 1);
      out.push({ entry: e, where });
      n++;
    }
    report.push(`source ${f}: ${n} entries`);
  }
  // the same id in two curated files is merged (by design), but worth knowing about
  const firstSeen = new Map<string, string>();
  for (const c of out) {
    const file = c.where.slice(0, c.where.lastIndexOf(":"));
    const prev = firstSeen.get(c.entry.id);
    if (prev === undefined) firstSeen.set(c.entry.id, c.where);
    else if (!prev.startsWith(`${file}:`))
      notes.push(`id ${c.entry.id}: ${prev} merged with ${c.where}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

interface CountryRow {
  alpha2: string;
  alpha3: string;
  name_ar: string;
  name_en: string;
}

interface CityRow {
  Country: string;
  CityNameEn: string;
  CityNameAr: string;
  Population: number | null;
}

function buildCountries(): Map<string, KbEntry> {
  const rows = JSON.parse(
    readFileSync(join(SHARED, "gazetteers/countries_ar_iso/countries_ar_en_iso.json"), "utf8"),
  ) as CountryRow[];
  const out = new Map<string, KbEntry>();
  for (const r of rows) {
    out.set(r.alpha3, {
      id: r.alpha3,
      type: "LOC",
      kind: "country",
      nameAr: r.name_ar.trim(),
      nameEn: r.name_en.trim(),
      cameo: r.alpha3,
      iso: r.alpha2,
    });
  }
  return out;
}

/** Adds nationality adjectives to every country (rule + tables), dropping ordinary words. */
function addAdjectives(entries: Map<string, KbEntry>): void {
  const owner = new Map<string, string>();
  for (const e of [...entries.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (e.kind !== "country") continue;
    const { forms, ruled } = countryAdjectives(e.id, e.nameAr);
    const ruledKeys = new Set(ruled.map(nameKey));
    const countryCount = wordCount(normalizeArabic(e.nameAr.split(" ")[0] as string));
    const kept = forms.filter((f) => {
      if (!ruledKeys.has(nameKey(f))) return true;
      // a derived form far more frequent than its country is an ordinary adjective (مالية)
      const c = wordCount(nameKey(f));
      if (c > 200 && c > 30 * Math.max(countryCount, 1)) {
        report.push(`adjective ${f} of ${e.id} dropped: ${c} uses vs ${countryCount}`);
        return false;
      }
      return true;
    });
    const merged = dedupeNames([...(e.adjectives ?? []), ...kept]);
    for (const f of merged) {
      const k = nameKey(f);
      const o = owner.get(k);
      if (o !== undefined && o !== e.id) report.push(`adjective ${f} shared by ${o} and ${e.id}`);
      else owner.set(k, e.id);
    }
    e.adjectives = merged;
  }
}

/** Curated names (normalised keys) of places per country, to skip duplicate gazetteer cities. */
function placeKeys(entries: Iterable<KbEntry>): Map<string, KbEntry> {
  const out = new Map<string, KbEntry>();
  for (const e of entries) {
    if (e.type !== "LOC" || e.kind === "country") continue;
    const c = e.capitalOf ?? e.country ?? "";
    for (const n of [e.nameAr, ...(e.aliases ?? [])]) out.set(`${c}|${nameKey(n)}`, e);
    if (e.nameEn !== undefined) out.set(`${c}|en:${slug(e.nameEn)}`, e);
  }
  return out;
}

function buildCities(
  countries: Map<string, KbEntry>,
  curated: KbEntry[],
  adjectiveKeys: Set<string>,
  usedIds: Set<string>,
): KbEntry[] {
  const byName = new Map<string, string>();
  for (const c of countries.values()) if (c.nameEn !== undefined) byName.set(c.nameEn, c.id);
  const countryKeys = new Set<string>();
  for (const c of countries.values()) {
    for (const n of [c.nameAr, ...(c.aliases ?? [])]) countryKeys.add(nameKey(n));
  }
  const curatedPlaces = placeKeys(curated);
  const text = readFileSync(join(SHARED, "gazetteers/world_cities_ar/world-cities.jsonl"), "utf8");
  interface Candidate {
    country: string;
    nameAr: string;
    nameEn: string;
    population: number;
  }
  const dropped: string[] = [];
  const folded: string[] = [];
  const best = new Map<string, Candidate>();
  for (const line of text.replace(/^\uFEFF/, "").split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as CityRow;
    const country = byName.get(r.Country) ?? CITY_COUNTRY[r.Country];
    if (country === undefined) {
      dropped.push(`${r.CityNameEn} (${r.Country}): unknown country`);
      continue;
    }
    const population = r.Population ?? 0;
    const min = ARAB_WORLD.has(country) ? ARAB_CITY_MIN_POPULATION : CITY_MIN_POPULATION;
    if (population < min) continue;
    const en = r.CityNameEn.trim();
    if (en === "Jerusalem") continue; // JERUSALEM below
    const what = `${r.CityNameAr} / ${en} (${country})`;
    const capital = curatedPlaces.get(`${country}|en:${slug(en)}`);
    if (capital !== undefined) {
      capital.population = Math.max(capital.population ?? 0, population);
      folded.push(`${what} → ${capital.id}`);
      continue;
    }
    const fix = CITY_FIXES[`${country}|${en}`];
    let ar: string;
    if (fix !== undefined) {
      if (fix === "") {
        dropped.push(`${what}: dropped by hand (ordinary word or wrong row)`);
        continue;
      }
      ar = fix;
    } else {
      ar = cleanArabic(r.CityNameAr.replace(/\(.*?\)/g, "").split(/[،,]/)[0] as string);
      const words = ar.split(" ");
      // administrative prefixes go; مدينة goes unless it is part of the name (مدينة حمد)
      while (
        words.length > 1 &&
        (ADMIN_PREFIXES.has(words[0] as string) ||
          (words[0] === "مدينة" && !/^(madinat|medina)/i.test(en)))
      ) {
        words.shift();
      }
      ar = words.join(" ");
      if (words.some((w) => NOT_A_PLACE.has(w))) {
        dropped.push(`${what}: names something else`);
        continue;
      }
      if (!/^[\u0621-\u064a ]+$/.test(ar)) {
        dropped.push(`${what}: not an Arabic name`);
        continue;
      }
      const agree = skeletonAgreement(ar, en);
      if (agree < CITY_MIN_SKELETON) {
        dropped.push(`${what}: Arabic and English names disagree (${agree.toFixed(2)})`);
        continue;
      }
    }
    const key = nameKey(ar);
    if (countryKeys.has(key) || adjectiveKeys.has(key)) {
      dropped.push(`${what}: named like a country or nationality`);
      continue;
    }
    const why = fix === undefined && !CITY_KEEP.has(`${country}|${en}`) ? ordinaryWord(ar) : null;
    if (why !== null && population < 1_000_000) {
      dropped.push(`${what}: ordinary word, ${why}`);
      continue;
    }
    const dupKey = `${country}|${key}`;
    const prev = best.get(dupKey);
    if (prev === undefined || population > prev.population) {
      best.set(dupKey, { country, nameAr: ar, nameEn: en, population });
    }
  }
  // fold rows into curated places (capitals) of the same country and name
  const cands: Candidate[] = [];
  for (const c of best.values()) {
    const hit =
      curatedPlaces.get(`${c.country}|${nameKey(c.nameAr)}`) ??
      curatedPlaces.get(`${c.country}|en:${slug(c.nameEn)}`);
    if (hit !== undefined) {
      hit.population = Math.max(hit.population ?? 0, c.population);
      folded.push(`${c.nameAr} / ${c.nameEn} (${c.country}) → ${hit.id}`);
      continue;
    }
    cands.push(c);
  }
  // one row per country and English name (the source repeats some with two spellings)
  const byEn = new Map<string, Candidate>();
  for (const c of cands) {
    const k = `${c.country}|${slug(c.nameEn)}`;
    const prev = byEn.get(k);
    if (prev === undefined || c.population > prev.population) byEn.set(k, c);
  }
  // a slug shared by two places (Tripoli, Libya's capital, and Tripoli, Lebanon) is suffixed
  const slugCount = new Map<string, number>();
  const bump = (k: string) => slugCount.set(k, (slugCount.get(k) ?? 0) + 1);
  for (const c of byEn.values()) bump(slug(c.nameEn));
  for (const p of curated) if (p.nameEn !== undefined) bump(slug(p.nameEn));
  const out: KbEntry[] = [];
  for (const c of [...byEn.values()].sort((a, b) => b.population - a.population)) {
    const base = slug(c.nameEn) || transliterate(c.nameAr);
    let id = base;
    if ((slugCount.get(base) ?? 0) > 1 || usedIds.has(id))
      id = `${base}-${c.country.toLowerCase()}`;
    if (usedIds.has(id)) {
      dropped.push(`${c.nameAr} / ${c.nameEn} (${c.country}): id ${id} taken`);
      continue;
    }
    usedIds.add(id);
    const e: KbEntry = {
      id,
      type: "LOC",
      kind: "city",
      nameAr: c.nameAr,
      nameEn: c.nameEn,
      country: c.country,
      population: c.population,
    };
    const aliases = CITY_ALIASES[`${c.country}|${c.nameEn}`];
    if (aliases !== undefined) e.aliases = aliases;
    out.push(e);
  }
  report.push(`cities: ${out.length} kept, ${folded.length} folded into capitals`);
  report.push(...folded.map((f) => `city folded: ${f}`));
  report.push(...dropped.map((d) => `city dropped: ${d}`));
  return out;
}

/**
 * Jerusalem. Israel designates Jerusalem as its capital; Palestine claims East Jerusalem as its
 * capital; both claims are disputed internationally. The KB takes no side: القدس is a city with
 * no capitalOf and no country, and capitals.jsonl lists no capital for ISR or PSE.
 */
const JERUSALEM: KbEntry = {
  id: "jerusalem",
  type: "LOC",
  kind: "city",
  nameAr: "القدس",
  nameEn: "Jerusalem",
  aliases: ["بيت المقدس", "القدس الشريف", "أورشليم"],
  wikidata: "Q1218",
};

/** EXTRA_CITIES and REGIONS, unless a place of that name and country is already there. */
function handPlaces(
  entries: Map<string, KbEntry>,
  curatedPlaces: KbEntry[],
  usedIds: Set<string>,
): KbEntry[] {
  const known = new Set<string>();
  for (const e of [...entries.values(), ...curatedPlaces]) {
    if (e.type !== "LOC") continue;
    for (const n of [e.nameAr, ...(e.aliases ?? [])]) known.add(`${e.country ?? ""}|${nameKey(n)}`);
  }
  const out: KbEntry[] = [];
  const add = (e: KbEntry) => {
    if (known.has(`${e.country ?? ""}|${nameKey(e.nameAr)}`)) return;
    if (usedIds.has(e.id)) e.id = `${e.id}-${(e.country ?? "x").toLowerCase()}`;
    if (usedIds.has(e.id)) return;
    usedIds.add(e.id);
    if (e.aliases?.length === 0) delete e.aliases;
    out.push(e);
  };
  for (const [country, en, ar, aliases] of EXTRA_CITIES) {
    add({ id: slug(en), type: "LOC", kind: "city", nameAr: ar, nameEn: en, aliases, country });
  }
  for (const [id, en, ar, aliases, country] of REGIONS) {
    const e: KbEntry = { id, type: "LOC", kind: "region", nameAr: ar, nameEn: en, aliases };
    if (country !== undefined) e.country = country;
    add(e);
  }
  return out;
}

/**
 * A loose key for person-name spelling variants: the first two consonant classes of the first
 * word and those of the last word (vowel letters and gutturals dropped, س/ز and similar
 * merged). بنجامين نتنياهو and بنيامين نتنياهو share it; so do شمعون بيرس and شمعون بيريز.
 */
function looseNameKey(name: string): string {
  const words = nameKey(name).split(" ");
  if (words.length < 2) return `~${words.join(" ")}`;
  const skel = (w: string) => {
    let out = "";
    for (const ch of w.startsWith("ال") && w.length > 3 ? w.slice(2) : w) {
      const c = AR_CONSONANT[ch];
      if (c !== undefined) out += c === "Z" ? "S" : c === "G" ? "K" : c;
    }
    return out;
  };
  return `~${skel(words[0] as string).slice(0, 2)}|${skel(words[words.length - 1] as string)}`;
}

/**
 * The curated person one of whose names (two words or more, not a bare "بن X") begins `name`
 * word for word, if any.
 */
function curatedPrefix(name: string, curatedPeople: Map<string, KbEntry>): KbEntry | undefined {
  const words = nameKey(name).split(" ");
  for (let n = words.length; n >= 2; n--) {
    const entry = curatedPeople.get(words.slice(0, n).join(" "));
    if (entry !== undefined) return entry;
  }
  return undefined;
}

function buildActors(
  curatedKeys: Set<string>,
  curatedPeople: Map<string, KbEntry>,
  adjectiveKeys: Set<string>,
  placeNameKeys: Set<string>,
  cameoToId: Map<string, string>,
  usedIds: Set<string>,
): KbEntry[] {
  const text = readFileSync(
    join(SHARED, "events/universalpetrarch_arabic_dicts/actor_dict_ar_v4.txt"),
    "utf8",
  );
  const actors = parseActorDict(text);
  const skipped: string[] = [];
  const people = new Map<string, { name: string; ranges: ActorRange[] }>();
  const isPlaceWord = (w: string) => {
    const n = normalizeArabic(w);
    return placeNameKeys.has(n) || placeNameKeys.has(`ال${n}`);
  };
  for (const a of actors) {
    if (!a.ranges.some((r) => r.from !== undefined || r.to !== undefined)) continue;
    if (a.name.includes(" ") && !a.name.includes("_")) continue; // free text, not a name
    // a bare country code (تل_أبيب_ [ISR]) marks a place; business codes mark companies
    // and a code that names no country nor IGO (MIL, GOVEDU) belongs to a description
    const personCode = (c: string) =>
      (cameoToId.has(c.slice(0, 3)) || c.startsWith("IGO")) && c.length > 3 && !/BUS/.test(c);
    if (!a.ranges.some((r) => personCode(r.code))) continue;
    // the lemmatiser splits a ل off a name (ادريس_ل_شكر_ = إدريس لشكر): join it back
    const words = cleanArabic(a.name)
      .replace(/(^| )ل /g, "$1ل")
      .split(" ");
    while (words.length > 0) {
      const w = words[0] as string;
      if (LEADING_TITLES.has(w) || adjectiveKeys.has(normalizeArabic(w))) words.shift();
      else break;
    }
    // آية الله is a title of two words; releases before 2026-12 kept it in the name
    const shippedAs = words.join(" ");
    if (words.length > 3 && normalizeArabic(`${words[0]} ${words[1]}`) === "ايه الله")
      words.splice(0, 2);
    const what = `${a.name} (line ${a.line})`;
    if (words.length < 2 || words.length > 4) {
      if (words.length > 0) skipped.push(`${what}: ${words.length} name words`);
      continue;
    }
    if (!words.every((w) => /^[\u0621-\u064a]{2,}$/.test(w))) {
      skipped.push(`${what}: not Arabic letters`);
      continue;
    }
    const bad = words.find(
      (w) =>
        NOT_A_PERSON.has(w) ||
        NOT_A_PERSON.has(w.replace(/^ال/, "")) ||
        adjectiveKeys.has(normalizeArabic(w)) ||
        isPlaceWord(w),
    );
    if (bad !== undefined) {
      skipped.push(`${what}: ${bad} is not a name word`);
      continue;
    }
    const name = words.join(" ");
    const key = nameKey(name);
    if (curatedKeys.has(key)) {
      skipped.push(`${what}: a curated entry has this name`);
      const curated = curatedPeople.get(key);
      if (curated !== undefined && shippedAs !== name) {
        curated.formerIds = [
          ...new Set([...(curated.formerIds ?? []), `up-${transliterate(shippedAs)}`]),
        ];
        report.push(`actor merged: ${shippedAs} into ${curated.id}`);
      }
      continue;
    }
    // spelling variants of one name (شمعون بيرس / شمعون بيريز) share a loose key
    const loose = looseNameKey(name);
    if (curatedKeys.has(loose)) {
      skipped.push(`${what}: a curated entry has a variant of this name`);
      continue;
    }
    const prev = people.get(loose);
    if (prev === undefined) people.set(loose, { name, ranges: [...a.ranges] });
    else prev.ranges.push(...a.ranges);
  }
  const out: KbEntry[] = [];
  const legacyUsed = new Set(usedIds);
  for (const [key, p] of [...people].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const dated = p.ranges.filter((r) => r.from !== undefined || r.to !== undefined);
    const latest = [...dated].sort((a, b) =>
      (a.from ?? a.to ?? "") < (b.from ?? b.to ?? "") ? 1 : -1,
    )[0] as ActorRange;
    const code = latest.code.replace(/[~?]/g, "");
    // the id releases before 2026-12 shipped (a consonant skeleton): kept as a former id
    const base = `up-${transliterate(p.name)}`;
    let legacy = base;
    if (legacyUsed.has(legacy)) {
      legacy = `${base}-${createHash("sha1").update(key).digest("hex").slice(0, 6)}`;
    }
    legacyUsed.add(legacy);
    // a curated person whose whole name starts this one (راوول كاسترو → راوول كاسترو كروز) is
    // the same person: the actor becomes a former id and an alias of the curated entry
    const curated = curatedPrefix(p.name, curatedPeople);
    if (curated !== undefined) {
      curated.formerIds = [...(curated.formerIds ?? []), legacy];
      if (!(curated.aliases ?? []).includes(p.name))
        curated.aliases = [...(curated.aliases ?? []), p.name];
      report.push(`actor merged: ${p.name} (${legacy}) into ${curated.id}`);
      continue;
    }
    const readable = romanize(p.name);
    let id = readable;
    for (let k = 2; usedIds.has(id); k++) id = `${readable}-${k}`;
    usedIds.add(id);
    const e: KbEntry = { id, type: "PER", kind: "person", nameAr: p.name, formerIds: [legacy] };
    if (/^[A-Z0-9]{3,15}$/.test(code)) e.cameo = code;
    const country = cameoToId.get(code.slice(0, 3));
    if (country !== undefined) e.country = country;
    out.push(e);
  }
  report.push(`UniversalPetrarch people: ${out.length} kept, ${skipped.length} skipped`);
  report.push(...skipped.map((s) => `actor skipped: ${s}`));
  return out;
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const curated = readCuratedSources();
  const curatedEntries = curated.map((c) => c.entry);

  // 1. countries, with curated country data (countries.jsonl and any other) merged before the
  //    adjectives are derived, so that curated names and extra countries get them too
  const entries = buildCountries();
  const generatedOrigin = new Map<string, string>();
  for (const c of curated) {
    if (c.entry.kind !== "country") continue;
    const prev = entries.get(c.entry.id);
    entries.set(c.entry.id, prev === undefined ? c.entry : mergeEntry(prev, c.entry));
  }
  addAdjectives(entries);
  const adjectiveKeys = new Set<string>();
  for (const e of entries.values()) {
    for (const a of e.adjectives ?? []) adjectiveKeys.add(nameKey(a));
  }

  // 2. cities (capitals come from capitals.jsonl; rows naming them are folded in)
  const usedIds = new Set<string>([...entries.keys(), ...curatedEntries.map((e) => e.id)]);
  const curatedPlaces = curatedEntries.filter((e) => e.type === "LOC" && e.kind !== "country");
  const cities = buildCities(entries, curatedPlaces, adjectiveKeys, usedIds);
  for (const c of cities) {
    entries.set(c.id, c);
    generatedOrigin.set(c.id, "world_cities_ar");
  }
  if (!usedIds.has(JERUSALEM.id)) entries.set(JERUSALEM.id, structuredClone(JERUSALEM));
  usedIds.add(JERUSALEM.id);
  for (const e of handPlaces(entries, curatedPlaces, usedIds)) {
    entries.set(e.id, e);
    generatedOrigin.set(e.id, "scripts/build-kb.ts (EXTRA_CITIES, REGIONS)");
  }

  // 3. UniversalPetrarch people, unless a curated entry has the same name
  const curatedKeys = new Set<string>();
  const curatedPeople = new Map<string, KbEntry>();
  for (const e of curatedEntries) {
    for (const n of [e.nameAr, ...(e.aliases ?? [])]) {
      curatedKeys.add(nameKey(n));
      if (e.kind !== "person") continue;
      curatedKeys.add(looseNameKey(n));
      const key = nameKey(n);
      if (key.includes(" ") && !/^(بن|ابن|ابو) /.test(key)) curatedPeople.set(key, e);
    }
  }
  const placeNameKeys = new Set<string>();
  for (const e of entries.values()) {
    if (e.kind === "country" || e.kind === "capital") placeNameKeys.add(nameKey(e.nameAr));
  }
  for (const e of curatedPlaces) placeNameKeys.add(nameKey(e.nameAr));
  const cameoToId = new Map<string, string>();
  for (const e of entries.values()) if (e.kind === "country") cameoToId.set(e.cameo ?? e.id, e.id);
  const people = buildActors(
    curatedKeys,
    curatedPeople,
    adjectiveKeys,
    placeNameKeys,
    cameoToId,
    usedIds,
  );
  for (const p of people) {
    entries.set(p.id, p);
    generatedOrigin.set(p.id, "actor_dict_ar_v4");
  }

  // 4. curated entries (countries were merged above)
  const origin = new Map<string, string>();
  for (const c of curated) {
    origin.set(c.entry.id, c.where);
    if (c.entry.kind === "country") continue;
    const prev = entries.get(c.entry.id);
    entries.set(c.entry.id, prev === undefined ? c.entry : mergeEntry(prev, c.entry));
  }

  // 5. organisations mined from the corpora (parties, councils, forces…) that no entry names yet
  const known = new Set<string>();
  for (const e of entries.values())
    for (const n of [e.nameAr, ...(e.aliases ?? [])]) known.add(nameKey(n));
  for (const m of await mineOrganisations(MINED_MIN_COUNT)) {
    if (known.has(nameKey(m.name))) continue;
    const readable = romanize(m.name);
    let id = readable;
    for (let k = 2; usedIds.has(id) || entries.has(id); k++) id = `${readable}-${k}`;
    usedIds.add(id);
    entries.set(id, { id, type: "ORG", kind: m.kind as KbEntry["kind"], nameAr: m.name });
    generatedOrigin.set(id, "mined from ANT and Wikipedia (scripts/lib/mine-organisations.ts)");
    report.push(`mined: ${m.name} (${m.count} times, ${m.kind})`);
  }

  // references must resolve; a dangling one is dropped with a warning
  for (const e of entries.values()) {
    for (const ref of entryReferences(e)) {
      if (entries.has(ref.id)) continue;
      const where = origin.get(e.id) ?? generatedOrigin.get(e.id) ?? "generated";
      warn(
        `${where} (id ${e.id}): ${ref.field} refers to unknown id "${ref.id}"; reference dropped`,
      );
      if (ref.field === "country") delete e.country;
      else if (ref.field === "capitalOf") delete e.capitalOf;
    }
    if (e.roles !== undefined) e.roles = e.roles.filter((r) => entries.has(r.of));
  }

  // tidy names: no alias repeating the name or another alias; final validation
  const out: KbEntry[] = [];
  for (const e of [...entries.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (e.aliases !== undefined) e.aliases = dedupeNames(e.aliases, [e.nameAr]);
    const final = canonical(e);
    const parsed = KbEntrySchema.safeParse(final);
    if (!parsed.success) {
      const where = origin.get(e.id) ?? generatedOrigin.get(e.id) ?? "generated";
      warn(`${where} (id ${e.id}): ${describeIssues(parsed.error).join("; ")}; entry dropped`);
      continue;
    }
    out.push(final);
  }
  checkAliasClashes(out);
  checkCuratedNames(out, origin, adjectiveKeys);

  const body = `${out.map((e) => JSON.stringify(e)).join("\n")}\n`;
  const gz = gzipSync(Buffer.from(body, "utf8"), { level: 9 });
  writeFileSync(OUT, gz);

  const kinds = new Map<string, number>();
  for (const e of out) {
    const k = e.id.startsWith("up-") ? `${e.kind} (UniversalPetrarch)` : e.kind;
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
  }
  const summary = [
    `wrote ${OUT}: ${out.length} entries, ${(body.length / 1024).toFixed(0)} KB text, ${(gz.length / 1024).toFixed(0)} KB gzipped (${Date.now() - t0} ms)`,
    ...[...kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${k}: ${n}`),
    `warnings: ${warnings.length}`,
    ...warnings.map((w) => `  ${w}`),
    `notes: ${notes.length}`,
    ...notes.map((w) => `  ${w}`),
  ];
  console.log(summary.join("\n"));
  if (REPORT !== undefined) writeFileSync(REPORT, `${[...summary, ...report].join("\n")}\n`);
}

/**
 * Warns about curated one-word names that are frequent ordinary words (حتي = حتى "until" after
 * normalisation) or nationality adjectives: they would match all over the text.
 */
function checkCuratedNames(
  entries: KbEntry[],
  origin: Map<string, string>,
  adjectiveKeys: Set<string>,
): void {
  for (const e of entries) {
    const where = origin.get(e.id);
    if (where === undefined || e.kind === "country") continue;
    for (const n of [e.nameAr, ...(e.aliases ?? [])]) {
      const k = nameKey(n);
      if (k.includes(" ")) continue;
      const f = wordCount(k);
      if (f >= CURATED_FREQUENT_WORD) {
        warn(
          `${where} (id ${e.id}): name "${n}" is a frequent ordinary word (${f} in the lexicon)`,
        );
      } else if (adjectiveKeys.has(k)) {
        notes.push(`${where} (id ${e.id}): name "${n}" is also a nationality adjective`);
      }
    }
  }
}

/** Reports curated names shared by several curated entries (a linking ambiguity to know of). */
function checkAliasClashes(entries: KbEntry[]): void {
  const owners = new Map<string, string[]>();
  for (const e of entries) {
    if (e.id.startsWith("up-") || e.kind === "city") continue;
    for (const n of [e.nameAr, ...(e.aliases ?? [])]) {
      const k = nameKey(n);
      const list = owners.get(k) ?? [];
      if (!list.includes(e.id)) list.push(e.id);
      owners.set(k, list);
    }
  }
  for (const [k, ids] of owners) {
    if (ids.length > 1) notes.push(`name ${k} shared by ${ids.join(", ")}`);
  }
}

await main();
