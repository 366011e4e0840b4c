/**
 * Builds data/ner/gazetteers.json.gz, the gazetteers behind the NER tagger's membership features
 * (loaded and matched by src/ner/gazetteers.ts; data/ner/README.md describes the result).
 *
 * Sources (read from ../shared, never copied into the repository):
 *  - data/gazetteers/countries_ar_iso (countries, CC BY-SA 4.0);
 *  - data/gazetteers/world_cities_ar (cities, CC BY 4.0; noisy: every entry is checked against
 *    its English name and against corpus statistics);
 *  - data/gazetteers/anergazet (ANERGazet location/organisation/person lists, research use);
 *  - data/gazetteers/wikidata_name_tokens (person-name tokens with counts, CC0);
 *  - data/events/universalpetrarch_arabic_dicts (CAMEO actors and agents, MIT; lemmatised);
 *  - data/news/ant_v1.1.jsonl and data/text/arwiki_2017_subset.txt.gz (word statistics only:
 *    the most frequent words, and which name tokens stand first or last in a name).
 * Word counts also come from data/lexicon/ar-lexicon.bin (src/text/lexicon.ts).
 *
 * Deterministic: every list is sorted before it is written, and gzip has no timestamp.
 * Run: npx tsx scripts/build-gazetteers.ts [--report FILE]
 */
import { createReadStream, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createGunzip, gzipSync } from "node:zlib";
import { GAZETTEER_FILE } from "../src/ner/gazetteers.js";
import { hamzaShare, wordCount } from "../src/text/lexicon.js";
import { normalizeArabic } from "../src/text/normalize.js";
import { tokenize } from "../src/text/tokenize.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SHARED = join(root, "../shared/data");
const OUT = join(root, "data/ner", GAZETTEER_FILE);
const reportPath = (() => {
  const i = process.argv.indexOf("--report");
  return i > 0 ? process.argv[i + 1] : undefined;
})();

const TOP_N = 300;
/** A name token seen this many times more often in text than in Wikidata names is a word. */
const WORD_RATIO = 50;
const WORD_RATIO_MIN_COUNT = 100;
/** Share of a token's occurrences next to another name token that marks it as a name. */
const MIN_NAME_ADJACENCY = 0.3;
/** A one-word entry seen this often in text needs two sources (or a curated list). */
const FREQUENT_ONE_WORD = 300;
/** Transliteration agreement (0..1) a city's Arabic name needs with its English name. */
const CITY_MIN_TRANSLIT = 0.6;

// ---------------------------------------------------------------------------------------------
// Hand-written lists (our own; normalised below). Single words are listed without the article;
// the build adds the ال form.

/** Person titles and roles that stand before a name (single words). */
const TITLE_WORDS = `
سيد سيدة رئيس رئيسة وزير وزيرة شيخ شيخة دكتور دكتورة عاهل ملك ملكة أمير أميرة سلطان نائب نائبة
سفير سفيرة قنصل مستشار مستشارة جنرال لواء عميد عقيد مقدم رائد نقيب ملازم مشير أدميرال قائد زعيم
زعيمة مدير مديرة مفوض مفوضة حاكم محافظ والي عمدة قاضي قاضية بابا كاردينال مطران بطريرك إمام
مفتي أستاذ أستاذة بروفيسور مهندس محامي صحفي صحافي كاتب كاتبة شاعر فنان فنانة مدرب لاعب خليفة
إمبراطور قيصر حاج حاجة سيناتور مبعوث مبعوثة مندوب مندوبة ممثل وكيل مراسل مراسلة
`;

/**
 * Title words whose bare form is mostly another word (أمام "in front of" = إمام after
 * normalisation, حاجة "need", فريق "team", خليفة the name Khalifa): only the listed forms count.
 */
const AMBIGUOUS_TITLES: Record<string, string[]> = {
  امام: ["الامام"],
  حاجه: [],
  خليفه: ["الخليفه"],
  فريق: ["الفريق اول"],
};

/** Multi-word person titles ("|" or newline separated). */
const TITLE_PHRASES = `
ولي العهد|رئيس الوزراء|رئيسة الوزراء|رئيس الحكومة|رئيس الجمهورية|رئيس الدولة|نائب الرئيس
المتحدث باسم|المتحدثة باسم|الناطق باسم|الناطقة باسم|الناطق الرسمي|المتحدث الرسمي
رئيس مجلس النواب|رئيس البرلمان|الأمين العام|الأمينة العامة|المدير العام|المديرة العامة
الرئيس التنفيذي|المدعي العام|النائب العام|وزير الخارجية|وزيرة الخارجية|وزير الدفاع
وزير الداخلية|وزير المالية|وزير العدل|وزير الاقتصاد|وزير الصحة|وزير التربية
آية الله|حجة الإسلام|شيخ الأزهر|بابا الفاتيكان|قداسة البابا|خادم الحرمين الشريفين
المستشارة الألمانية|الرئيس الأمريكي|الرئيس الروسي|الرئيس الصيني|الرئيس الفرنسي
`;

/** Head words of organisation names. */
const ORG_HEADS = `
وزارة حركة حزب شركة جامعة منظمة مجلس اتحاد وكالة صحيفة جريدة مجلة قناة إذاعة تلفزيون بنك مصرف
جمعية هيئة لجنة مؤسسة جبهة جماعة تنظيم ائتلاف تحالف نقابة رابطة نادي منتدى معهد أكاديمية محكمة
برلمان كلية مجموعة صندوق ديوان مكتب بعثة جيش قوات كتائب سرايا ألوية مصلحة إدارة دار مستشفى
مختبر مرصد مركز أمانة رئاسة بورصة شبكة مفوضية منظمات
`;

/** Words that introduce or head a place name. */
const LOC_TRIGGERS = `
مدينة محافظة ولاية جزيرة جزر نهر بحر جبل جبال عاصمة قرية إقليم منطقة بلدة مقاطعة قضاء ناحية
حي شارع ساحة ميناء صحراء وادي خليج مضيق بحيرة محيط دولة بلد بلاد جمهورية مملكة إمارة سلطنة
ريف ضاحية معبر مخيم مديرية معتمدية عمادة بلدية قارة شمال جنوب شرق غرب وسط شمالي جنوبي شرقي
غربي سواحل ساحل هضبة سهل واحة مرفأ مطار قلعة ضفة قطاع
`;

/** Particles inside person names. */
const NAME_PARTICLES = "بن ابن بنت أبو أبي أبا آل عبد ولد دي فان فون دو دا ديل";

/** Organisation names written as one word (international bodies, agencies, companies). */
const ORG_NAMES = `
الناتو|حلف الناتو|اليونسكو|اليونيسف|اليونيسيف|الأونروا|الإنتربول|الفيفا|اليويفا|أوبك|الأوبك
الفاو|الإيسيسكو|الألكسو|آسيان|الآسيان|بريكس|رويترز|فرانس برس|أسوشيتد برس|سي إن إن|بي بي سي
نيويورك تايمز|واشنطن بوست|وول ستريت جورنال|غوغل|جوجل|فيسبوك|تويتر|مايكروسوفت|سامسونغ|هواوي
تويوتا|إيرباص|بوينغ|أرامكو|غازبروم|روسنفت|حماس|طالبان|داعش|الكرملين|البنتاغون|الكونغرس
البيت الأبيض|الأمم المتحدة|مجلس الأمن|الاتحاد الأوروبي|الاتحاد الأفريقي|الاتحاد الإفريقي
جامعة الدول العربية|الجامعة العربية|حزب الله|الإخوان المسلمين|الإخوان المسلمون|تاس|شينخوا
سبوتنيك|نوفوستي|وكالة الأنباء الرسمية|منظمة الصحة العالمية|صندوق النقد الدولي|البنك الدولي
منظمة التجارة العالمية|منظمة التعاون الإسلامي|مجلس التعاون الخليجي|الحرس الثوري|الترجي
النجم الساحلي|النادي الإفريقي|النادي الصفاقسي|الاتحاد العام التونسي للشغل|نداء تونس
حركة النهضة|الجبهة الشعبية|تحيا تونس|الحزب الدستوري الحر|الجوهرة أف أم|موزاييك أف أم
وكالة تونس إفريقيا للأنباء|الأسوشيتد برس|وكالة الأنباء الفرنسية|وكالة الأنباء الألمانية
نوكيا|موتورولا|إريكسون|سيمنس|فولكسفاغن|فولكس فاغن|مرسيدس|بي إم دبليو|رينو|بيجو|فيات|فورد
جنرال موتورز|كرايسلر|نيسان|هوندا|هيونداي|سوني|باناسونيك|إنتل|آي بي إم|أبل|آبل|أمازون|ياهو
أوراكل|شل|بريتش بتروليوم|توتال|إكسون موبيل|شيفرون|سابك|الخطوط الجوية القطرية|طيران الإمارات
الخطوط الملكية المغربية|مصر للطيران|لوفتهانزا|الجزيرة|العربية|الحياة|الأهرام|الشرق الأوسط
ريال مدريد|برشلونة|أتلتيكو مدريد|مانشستر يونايتد|مانشستر سيتي|ليفربول|تشيلسي|أرسنال|آرسنال
توتنهام|بايرن ميونيخ|بوروسيا دورتموند|يوفنتوس|إنتر ميلان|ميلان|روما|باريس سان جيرمان
أولمبيك مرسيليا|أولمبيك ليون|أياكس أمستردام|بنفيكا|بورتو|سلتيك|غلاسكو رينجرز|دينامو كييف
الأهلي|الزمالك|الإسماعيلي|المصري البورسعيدي|الهلال|النصر|الاتحاد|الشباب|الرجاء البيضاوي
الوداد البيضاوي|الجيش الملكي|المغرب الفاسي|الفتح الرباطي|حسنية أكادير|مولودية الجزائر
شبيبة القبائل|وفاق سطيف|اتحاد العاصمة|السد|الريان|العين|الوحدة|الجزيرة الإماراتي|الفيصلي
الوحدات|المريخ|الهلال السوداني|مازيمبي|أسيك ميموزا|كايزر تشيفز|أورلاندو بايرتس
`;

/** Place names missing from the sources or spelt differently there. */
const LOC_NAMES = `
أمريكا|أميركا|الولايات المتحدة الأمريكية|الولايات المتحدة الأميركية|بريطانيا|بريطانيا العظمى
إنجلترا|إنكلترا|اسكتلندا|ويلز|الإمارات|سورية|المملكة العربية السعودية|العربية السعودية|كوريا
الكونغو|كوت ديفوار|التشيك|الاتحاد الروسي|روسيا الاتحادية|جمهورية الصين الشعبية|الصين الشعبية
قطاع غزة|الضفة الغربية|غزة|القدس|القدس الشرقية|أفريقيا|إفريقيا|آسيا|أوروبا|أمريكا اللاتينية
أمريكا الجنوبية|أمريكا الشمالية|الشرق الأوسط|الخليج|الخليج العربي|المغرب العربي|شمال أفريقيا
شمال إفريقيا|جنوب أفريقيا|القرم|كشمير|كردستان|الاتحاد السوفيتي|الاتحاد السوفياتي|يوغوسلافيا
بورما|سوازيلاند|مقدونيا الشمالية|بكين|موسكو|واشنطن|باريس|لندن|برلين|طوكيو|الرياض|القاهرة
دمشق|بغداد|بيروت|عمان|طهران|أنقرة|إسطنبول|اسطنبول|الجزائر العاصمة|الرباط|طرابلس|الخرطوم
تونس العاصمة|صفاقس|سوسة|بنزرت|القيروان|قابس|نابل|المنستير|المهدية|قفصة|توزر|قبلي|مدنين
تطاوين|جندوبة|باجة|الكاف|سليانة|زغوان|منوبة|أريانة|بن عروس|سيدي بوزيد|القصرين|جربة
الموصل|حلب|حمص|إدلب|الرقة|دير الزور|درعا|البصرة|أربيل|كركوك|الفلوجة|الأنبار|صنعاء|عدن
الحديدة|مأرب|تعز|بنغازي|مصراتة|سرت|الإسكندرية|الجيزة|سيناء|غزة|رفح|خان يونس|رام الله
نابلس|الخليل|جنين|تل أبيب|حيفا|يافا|الناصرة|نيويورك|شنغهاي|هونغ كونغ|كييف|كييف|مينسك
بروكسل|جنيف|فيينا|روما|مدريد|لشبونة|أثينا|وارسو|ستوكهولم|أوسلو|كوبنهاغن|هلسنكي|أمستردام
البحر الأبيض المتوسط|البحر المتوسط|البحر الأحمر|البحر الأسود|بحر الصين الجنوبي|المحيط الهادئ
المحيط الأطلسي|المحيط الهندي|الخليج الفارسي|قناة السويس|نهر النيل|النيل|الفرات|دجلة
البلقان|الكاريبي|مانشستر|فلورنسا|ميلانو|تورينو|نابولي|ميونخ|هامبورغ|فرانكفورت|مرسيليا|ليون
فيرجينيا|كاليفورنيا|تكساس|فلوريدا|الإسماعيلية|أنطاكية|بورسعيد|الأقصر|أسوان|المنصورة
`;

/** Nationality adjectives the systematic derivation cannot produce (masculine singular). */
const NATIONALITY_EXTRA = `
أمريكي أميركي بريطاني إماراتي نمساوي عربي أوروبي آسيوي أفريقي إفريقي خليجي كردي أمازيغي تركماني
إنجليزي إنكليزي اسكتلندي كوري كونغولي تشيكي سوفيتي سوفياتي يوغوسلافي فارسي بشتوني شيشاني
تتاري أرمني مغاربي لاتيني إسكتلندي سعودي فلسطيني إيراني أفغاني أوزبكي كازاخي طاجيكي قرغيزي أذري
`;

/** Broken plurals of nationalities (whole words). */
const NATIONALITY_PLURALS = `
الروس روس الأتراك أتراك العرب عرب الأكراد أكراد الأمريكان الأميركان الألمان ألمان الإنجليز
الأفغان أفغان الفرس الإنكليز الشيشان الأرمن أرمن الأمازيغ
`;

/** Generic nouns that make a CAMEO actor a description, not a name (lemma forms). */
const GENERIC_HEADS = `
قوة قوات حكومة شرطة سلطة شعب جهاز سلاح جندي مسؤول صحافي صحفي سفينة أرض مواطن عامل طالب معارضة
متمرد مسلح مقاتل مليشيا ميليشيا نظام عنصر أجهزة إدارة رجل امرأة طفل قيادة وسيلة عضو ممثل مصدر
`;

/**
 * One-word names dropped after reading the most frequent matches in the ANT news corpus: in
 * Tunisian news they are ordinary words (السلط "the authorities", الديوانة "customs", القمر
 * "the moon").
 */
const DROP_AFTER_REVIEW = new Set(normList("السلط الديوانية القمر"));

/** Admin prefixes of city names in world_cities (stripped; they become LOC triggers). */
const ADMIN_PREFIXES = `
محافظة ولاية مقاطعة قضاء قسم أوبلاست إقليم مدينة بلدية مركز ناحية منطقة مديرية كوميون إمارة
دائرة شعبية كانتون إدارة بلدة قرية
`;

/** Words showing that a city entry is really something else (club, stadium, battle...). */
const NOT_A_PLACE = `
نادي فريق ملعب مطار جامعة معتقل معركة متحف مؤسسة سفينة غواصة شركة قاموس مجلس اتحاد حزب بنك
منظمة حركة كلية مدرسة مستشفى قصر كاتدرائية كنيسة مسجد دير فندق سجن محطة جسر سد برج مهرجان
فيلم مسلسل ألبوم رواية نهر بحر جبل جزيرة جزر بحيرة
`;

/** Function words never taken as names whatever the counts say (normalised). */
const NEVER_NAME = new Set(
  normList(
    "من في على إلى عن ما لا لم لن لو قد هو هي هم أن إن كان ثم أو أي كل بعد قبل مع بين دون حتى أمام الذي التي و الآن أين آية أية",
  ),
);

/** CAMEO agents whose English key ends in one of these nouns are person roles. */
const PERSON_ROLE_HEADS = new Set(
  (
    "MINISTER PRESIDENT SPOKESMAN SPOKESWOMAN SPOKESPERSON AMBASSADOR GENERAL KING QUEEN PRINCE " +
    "PRINCESS SHEIKH EMIR SULTAN GOVERNOR MAYOR JUDGE CHAIRMAN CHAIRWOMAN SECRETARY ADVISER " +
    "ADVISOR COMMANDER COLONEL CAPTAIN LIEUTENANT MAJOR ADMIRAL MARSHAL SENATOR DEPUTY ENVOY " +
    "CONSUL DIRECTOR CHIEF LEADER CLERIC IMAM MUFTI BISHOP POPE AYATOLLAH PATRIARCH PREMIER " +
    "ATTORNEY PROSECUTOR LAWYER JOURNALIST REPORTER CORRESPONDENT EDITOR COACH DOCTOR PHYSICIAN"
  ).split(" "),
);

// ---------------------------------------------------------------------------------------------
// Helpers

function normList(s: string): string[] {
  return s
    .split(/\s+/)
    .map((w) => normalizeArabic(w))
    .filter((w) => w.length > 0);
}

/** Phrases separated by "|" or newlines; single words may also be separated by spaces. */
function phrases(s: string): string[] {
  const out: string[] = [];
  for (const line of s.split("\n")) {
    for (const p of line.split("|")) {
      const t = p.trim();
      if (t) out.push(t);
    }
  }
  return out;
}

/** Normalised letters of a token: Arabic letters (incl. پ چ ڤ گ) only. */
function isArabicToken(t: string): boolean {
  if (t.length === 0) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const ok =
      (c >= 0x0621 && c <= 0x063a) ||
      (c >= 0x0641 && c <= 0x064a) ||
      c === 0x067e ||
      c === 0x0686 ||
      c === 0x06a4 ||
      c === 0x06af;
    if (!ok) return false;
  }
  return true;
}

/** Normalised tokens of a raw name (spaces, underscores and hyphens separate), or null. */
function tokensOf(raw: string): string[] | null {
  const toks = raw
    .split(/[\s_\-‐–—]+/)
    .map((w) => normalizeArabic(w))
    .filter((w) => w.length > 0);
  if (toks.length === 0 || !toks.every(isArabicToken)) return null;
  return toks;
}

const count = (w: string): number => wordCount(w);

/** A normalised word starts with the article (not a hamza alef as in ألمانيا). */
function hasArticle(t: string): boolean {
  return t.length >= 4 && t.startsWith("ال") && hamzaShare(t) < 50;
}

function withArticle(t: string): string {
  return hasArticle(t) ? t : `ال${t}`;
}

function withoutArticle(t: string): string {
  return hasArticle(t) ? t.slice(2) : t;
}

/** A category's entries with a provenance note for the report. */
class EntrySet {
  readonly entries = new Map<string, string>();
  add(tokens: string[], source: string): void {
    const key = tokens.join(" ");
    if (!this.entries.has(key)) this.entries.set(key, source);
  }
  delete(key: string): void {
    this.entries.delete(key);
  }
  has(key: string): boolean {
    return this.entries.has(key);
  }
  sorted(): string[] {
    return [...this.entries.keys()].sort();
  }
}

const report: string[] = [];
const dropped = new Map<string, string[]>();
function drop(kind: string, what: string, why: string): void {
  const list = dropped.get(kind) ?? [];
  list.push(`${what} (${why})`);
  dropped.set(kind, list);
}

async function readLines(path: string, onLine: (line: string) => void): Promise<void> {
  let stream: NodeJS.ReadableStream = createReadStream(path);
  if (path.endsWith(".gz")) stream = stream.pipe(createGunzip());
  const rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) onLine(line);
}

// ---------------------------------------------------------------------------------------------
// Corpus statistics

/** The TOP_N most frequent normalised words of the ANT news corpus. */
async function topWords(): Promise<string[]> {
  const counts = new Map<string, number>();
  await readLines(join(SHARED, "news/ant_v1.1.jsonl"), (line) => {
    if (!line.trim()) return;
    const doc = JSON.parse(line) as { text?: unknown };
    if (typeof doc.text !== "string") return;
    for (const t of tokenize(doc.text)) {
      if (t.kind === "word" && t.norm) counts.set(t.norm, (counts.get(t.norm) ?? 0) + 1);
    }
  });
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOP_N)
    .map(([w]) => w);
}

/** Counts of adjacent candidate-name pairs in running text ("a\tb" → count). */
async function namePairs(isCandidate: (t: string) => boolean): Promise<Map<string, number>> {
  const pairs = new Map<string, number>();
  const addText = (text: string) => {
    let prev: string | null = null;
    for (const t of tokenize(text)) {
      const cur = t.kind === "word" && t.norm !== undefined && isCandidate(t.norm) ? t.norm : null;
      if (cur !== null && prev !== null && cur !== prev) {
        const key = `${prev}\t${cur}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
      prev = cur;
    }
  };
  await readLines(join(SHARED, "text/arwiki_2017_subset.txt.gz"), addText);
  await readLines(join(SHARED, "news/ant_v1.1.jsonl"), (line) => {
    if (!line.trim()) return;
    const doc = JSON.parse(line) as { text?: unknown };
    if (typeof doc.text === "string") addText(doc.text);
  });
  return pairs;
}

/**
 * For each candidate, how often it stands directly before (left) or after (right) a clean name
 * token: first names lead, family names follow.
 */
function namePositions(
  pairs: Map<string, number>,
  isClean: (t: string) => boolean,
): Map<string, { left: number; right: number }> {
  const pos = new Map<string, { left: number; right: number }>();
  const get = (t: string) => {
    let p = pos.get(t);
    if (p === undefined) {
      p = { left: 0, right: 0 };
      pos.set(t, p);
    }
    return p;
  };
  for (const [key, n] of pairs) {
    const tab = key.indexOf("\t");
    const a = key.slice(0, tab);
    const b = key.slice(tab + 1);
    if (isClean(b)) get(a).left += n;
    if (isClean(a)) get(b).right += n;
  }
  return pos;
}

// ---------------------------------------------------------------------------------------------
// Transliteration check for cities: consonant skeletons of the Arabic and the English name.

const AR_CONS: Record<string, string> = {
  ب: "B",
  پ: "B",
  ت: "T",
  ث: "T",
  ط: "T",
  د: "T",
  ض: "T",
  ذ: "Z",
  ظ: "Z",
  ج: "J",
  چ: "J",
  خ: "K",
  ر: "R",
  ز: "Z",
  س: "S",
  ص: "S",
  ش: "S",
  غ: "G",
  گ: "G",
  ف: "F",
  ڤ: "F",
  ق: "K",
  ك: "K",
  ل: "L",
  م: "M",
  ن: "N",
};
const LAT_DIGRAPH: Record<string, string> = {
  sh: "S",
  ch: "S",
  sz: "S",
  cz: "S",
  th: "T",
  ph: "F",
  kh: "K",
  gh: "G",
  dh: "Z",
  dz: "Z",
};
const LAT_CONS: Record<string, string> = {
  b: "B",
  p: "B",
  t: "T",
  d: "T",
  j: "J",
  g: "G",
  k: "K",
  q: "K",
  c: "K",
  x: "K",
  s: "S",
  z: "Z",
  f: "F",
  v: "F",
  l: "L",
  m: "M",
  n: "N",
  r: "R",
};
const CONS_EQUIV = ["JGKZS", "SZ", "TZ", "GK", "BF"];

function arabicSkeleton(tokens: string[]): string {
  let out = "";
  for (const t of tokens) for (const ch of withoutArticle(t)) out += AR_CONS[ch] ?? "";
  return out;
}

function latinSkeleton(name: string): string {
  const s = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/\b(al|el|ar|as|an|ad|at|az|ash|ed|es|er|en)[ -]/g, "")
    .replace(/[^a-z]/g, "");
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const two = s.slice(i, i + 2);
    const d = LAT_DIGRAPH[two];
    if (d !== undefined) {
      out += d;
      i++;
    } else if (s[i] !== s[i + 1]) out += LAT_CONS[s[i] as string] ?? "";
  }
  return out;
}

function consonantsMatch(a: string, b: string): boolean {
  return a === b || CONS_EQUIV.some((e) => e.includes(a) && e.includes(b));
}

/** Longest common subsequence of the skeletons over the longer skeleton (0..1). */
function translitScore(ar: string, lat: string): number {
  const n = ar.length;
  const m = lat.length;
  if (n === 0 || m === 0) return 0;
  const row = new Array<number>(m + 1).fill(0);
  for (let i = 0; i < n; i++) {
    let diag = 0;
    for (let j = 0; j < m; j++) {
      const up = row[j + 1] as number;
      row[j + 1] = consonantsMatch(ar[i] as string, lat[j] as string)
        ? diag + 1
        : Math.max(up, row[j] as number);
      diag = up;
    }
  }
  return (row[m] as number) / Math.max(n, m);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const t0 = Date.now();
  const top = await topWords();
  const topSet = new Set(top);

  const titleWords = new Set(normList(TITLE_WORDS));
  const titles = new EntrySet();
  for (const p of phrases(TITLE_PHRASES)) {
    const toks = tokensOf(p);
    if (toks !== null) titles.add(toks, "hand");
  }
  const orgHeads = new Set(normList(ORG_HEADS).map(withoutArticle));
  const locTriggers = new Set(normList(LOC_TRIGGERS).map(withoutArticle));
  const adminPrefixes = new Set(normList(ADMIN_PREFIXES));
  const notAPlace = new Set(normList(NOT_A_PLACE));
  const genericHeads = new Set(normList(GENERIC_HEADS));

  // --- person-name tokens -------------------------------------------------------------------
  const wd = new Map<string, number>();
  for (const line of readFileSync(
    join(SHARED, "gazetteers/wikidata_name_tokens/wd_arabic.normalized.aligned.tokens"),
    "utf8",
  ).split("\n")) {
    const [, arabic, n] = line.split("\t");
    if (arabic === undefined || n === undefined) continue;
    // the Arabic spelling is written letter by letter, separated by spaces
    const key = normalizeArabic(arabic.replace(/ /g, ""));
    if (!isArabicToken(key)) continue;
    wd.set(key, (wd.get(key) ?? 0) + Number(n));
  }
  const anerPers = new Set<string>();
  for (const line of readFileSync(
    join(SHARED, "gazetteers/anergazet/AlignedPersGazetteer.txt"),
    "utf8",
  ).split("\n")) {
    const toks = tokensOf(line);
    if (toks !== null && toks.length === 1) anerPers.add(toks[0] as string);
  }
  const particles = new Set(normList(NAME_PARTICLES));
  const nameCount = new Map<string, number>();
  for (const [k, n] of wd) nameCount.set(k, n);
  for (const k of anerPers) if (!nameCount.has(k)) nameCount.set(k, 1);
  // A token seen far more often in text than among Wikidata names is a word, unless it keeps
  // company with clean names (الغنوشي, بورقيبة: local names). Position statistics: how often a
  // candidate stands next to a clean name token (one that passes the count test).
  const tooFrequent = (k: string): boolean => {
    const f = count(k);
    return f >= WORD_RATIO_MIN_COUNT && f > WORD_RATIO * (nameCount.get(k) ?? 0);
  };
  const isCandidate = (t: string) =>
    nameCount.has(t) && !NEVER_NAME.has(t) && !topSet.has(t) && t.length >= 2;
  const pairs = await namePairs(isCandidate);
  // Clean names first; then, twice, also the tokens rescued by their company (بورقيبة follows
  // الحبيب, which is rescued in the first round).
  const clean = new Set([...nameCount.keys()].filter((t) => isCandidate(t) && !tooFrequent(t)));
  let positions = namePositions(pairs, (t) => clean.has(t));
  const adjacency = (k: string): number => {
    const p = positions.get(k);
    return p === undefined ? 0 : (p.left + p.right) / Math.max(count(k), 1);
  };
  const rescued: string[] = [];
  for (let round = 0; round < 2; round++) {
    for (const t of [...nameCount.keys()].sort()) {
      if (!clean.has(t) && isCandidate(t) && adjacency(t) >= MIN_NAME_ADJACENCY) {
        clean.add(t);
        rescued.push(t);
      }
    }
    positions = namePositions(pairs, (t) => clean.has(t));
  }
  const isWordNotName = (k: string): string | null => {
    if (k.length < 2) return "one letter";
    if (NEVER_NAME.has(k)) return "function word";
    const f = count(k);
    const n = nameCount.get(k) ?? 0;
    if (tooFrequent(k) && adjacency(k) < MIN_NAME_ADJACENCY) {
      return `text ${f} vs names ${n}, adjacency ${adjacency(k).toFixed(2)}`;
    }
    if (topSet.has(k) && n < 100) return "top-300 word";
    return null;
  };
  const nameTokens = new Map<string, number>();
  for (const [k, n] of [...nameCount].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const bare = withoutArticle(k);
    if (particles.has(k) || titleWords.has(bare) || orgHeads.has(bare) || locTriggers.has(bare)) {
      continue;
    }
    const why = isWordNotName(k);
    if (why !== null) {
      drop("name token", k, why);
      continue;
    }
    nameTokens.set(k, n);
  }

  // --- nationality adjectives ---------------------------------------------------------------
  const countries = JSON.parse(
    readFileSync(join(SHARED, "gazetteers/countries_ar_iso/countries_ar_en_iso.json"), "utf8"),
  ) as { alpha3: string; name_ar: string; name_en: string }[];
  const alpha3 = new Set(countries.map((c) => c.alpha3));
  const nisbaBases = new Map<string, string>(); // nisba → country
  for (const c of countries) {
    const raw = c.name_ar.trim();
    // a multi-word name gives its nisba only through a distinctive first word (كوريا الجنوبية),
    // not a generic one (جزر، جمهورية، ساحل العاج, الرأس الأخضر)
    const first = raw.split(" ")[0] as string;
    if (
      raw.includes(" ") &&
      (first.startsWith("ال") ||
        count(normalizeArabic(first)) > 5000 ||
        /^(جزر|جزيرة|جمهورية|إقليم|سان|سانت|ساو|أراض|تجمع|لا|جنوب|ساحل|بابوا|غينيا|ترينيداد|أنتيغوا|سفالبارد|واليس|ولايات|جورجيا)$/.test(
          first,
        ))
    )
      continue;
    nisbaBases.set(nisbaOf(first), c.name_ar);
  }
  for (const w of normList(NATIONALITY_EXTRA)) nisbaBases.set(w, "hand");
  const nationality = new Set<string>();
  const nationalityBase = new Set<string>();
  for (const [n, from] of [...nisbaBases].sort()) {
    const forms = [n, `ال${n}`, `${n}ه`, `ال${n}ه`, `${n}ين`, `${n}ون`, `ال${n}ين`, `ال${n}ون`];
    const total = forms.reduce((s, f) => s + count(f), 0);
    if (from !== "hand" && total < 20) {
      drop("nationality", n, `derived from ${from}, seen ${total} times`);
      continue;
    }
    // a nisba far more frequent than its country is an ordinary adjective (مالي = financial)
    const countryCount = from === "hand" ? 0 : count(normalizeArabic(from.split(" ")[0] as string));
    if (from !== "hand" && total > 30 * Math.max(countryCount, 1) && total > 200) {
      drop("nationality", n, `${total} uses vs ${countryCount} of ${from}: an ordinary adjective`);
      continue;
    }
    nationalityBase.add(n);
    for (const f of forms) nationality.add(f);
  }
  for (const w of normList(NATIONALITY_PLURALS)) nationality.add(w);

  // --- common-word test for one-word names ----------------------------------------------------
  /** Why a one-word name is rather an ordinary word (or null when it looks like a name). */
  const commonWord = (t: string): string | null => {
    if (NEVER_NAME.has(t) || titleWords.has(withoutArticle(t))) return "function/title word";
    if (orgHeads.has(withoutArticle(t)) || locTriggers.has(withoutArticle(t))) return "head word";
    const f = count(t);
    const art = hasArticle(t);
    const bare = withoutArticle(t);
    const other = art ? bare : `ال${t}`;
    const fo = count(other);
    // names keep or lack the article: a word seen often both ways is a common noun/adjective,
    // unless the other form is itself a person name (الخليل / خليل, الرياض / رياض)
    if (fo >= 20 && fo > 0.25 * f && (nameTokens.get(other) ?? 0) < 5) {
      return `alternates with ${other} (${fo} vs ${f})`;
    }
    // names take no pronoun suffix (طيورها، أملهم), nor, when they end in ة, the -ات plural
    const fem = bare.endsWith("ه");
    const stem = fem ? `${bare.slice(0, -1)}ت` : bare;
    let infl = count(`${stem}ها`) + count(`${stem}هم`) + count(`${stem}هما`);
    if (fem) infl += count(`${bare.slice(0, -1)}ات`) + count(`ال${bare.slice(0, -1)}ات`);
    if (infl >= 10 && infl > 0.05 * f) return `inflects (${infl} vs ${f})`;
    if (nationality.has(t)) return "nationality adjective";
    return null;
  };
  /**
   * Why a one-word entry is dropped, or null. Curated lists (trusted) may keep a frequent word
   * that is a name (تونس, and مالي although it is also "financial": see the report); other
   * sources lose every top-300 word, common word and frequent person name, and a word seen
   * FREQUENT_ONE_WORD+ times needs a second source (ANERGazet splits names into fragments such
   * as سان، أبو، العليا; cities include words such as الزيتون).
   */
  const oneWordReason = (
    t: string,
    trusted: boolean,
    sources = 1,
    person = false,
  ): string | null => {
    if (t.length < 2) return "one letter";
    if (DROP_AFTER_REVIEW.has(t)) return "common word in ANT (reviewed)";
    const why = commonWord(t);
    if (trusted) {
      if (why !== null && !topSet.has(t)) keptDespite.push(`${t} (${why})`);
      return topSet.has(t) ? why : null;
    }
    if (topSet.has(t)) return `top-${TOP_N} word`;
    if (why !== null) return why;
    if (person) return null; // a surname alone (أوباما) is frequent and a name token: fine
    const asName = nameTokens.get(t) ?? 0;
    if (asName >= 20 && sources < 2) return `person name (${asName} in Wikidata)`;
    if (count(t) >= FREQUENT_ONE_WORD && sources < 2) return `frequent (${count(t)}), one source`;
    return null;
  };
  const keptDespite: string[] = [];

  // --- locations ------------------------------------------------------------------------------
  const loc = new EntrySet();
  /** One-word places from untrusted sources, decided once every source is read. */
  const pendingLoc = new Map<string, Set<string>>();
  const addLoc = (toks: string[], source: string, trusted: boolean): void => {
    const key = toks.join(" ");
    if (toks.length === 1 && !trusted) {
      const srcs = pendingLoc.get(key) ?? new Set<string>();
      srcs.add(source);
      pendingLoc.set(key, srcs);
      return;
    }
    if (toks.length === 1) {
      const why = oneWordReason(key, trusted);
      if (why !== null) {
        drop("LOC", `${key} [${source}]`, why);
        return;
      }
    }
    loc.add(toks, source);
  };
  const isPlace = (key: string) => loc.has(key) || pendingLoc.has(key);
  for (const c of countries) {
    const toks = tokensOf(c.name_ar);
    if (toks !== null) addLoc(toks, "countries", true);
  }
  for (const p of phrases(LOC_NAMES)) {
    const toks = tokensOf(p);
    if (toks !== null) addLoc(toks, "hand", true);
  }
  const cityLines = readFileSync(
    join(SHARED, "gazetteers/world_cities_ar/world-cities.jsonl"),
    "utf8",
  )
    .replace(/^\uFEFF/, "")
    .split("\n");
  const cities: { ar: string; en: string; pop: number }[] = [];
  for (const line of cityLines) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { CityNameAr: string; CityNameEn: string; Population: number };
    cities.push({ ar: r.CityNameAr, en: r.CityNameEn, pop: Number(r.Population) || 0 });
  }
  for (const c of cities) {
    const raw = (c.ar.split(/[،,(]/)[0] ?? "").trim();
    let toks = tokensOf(raw);
    if (toks === null) {
      drop("city", `${c.ar} / ${c.en}`, "not Arabic letters");
      continue;
    }
    while (toks.length > 1 && adminPrefixes.has(toks[0] as string)) toks = toks.slice(1);
    if (toks.length > 1 && toks[toks.length - 1] === "اوبلاست") toks = toks.slice(0, -1);
    if (toks.length > 3) {
      drop("city", `${c.ar} / ${c.en}`, "too long for a city name");
      continue;
    }
    const bad = toks.find(
      (t) => notAPlace.has(withoutArticle(t)) || orgHeads.has(withoutArticle(t)),
    );
    if (bad !== undefined) {
      drop("city", `${c.ar} / ${c.en}`, `not a place (${bad})`);
      continue;
    }
    const score = translitScore(arabicSkeleton(toks), latinSkeleton(c.en));
    if (score < CITY_MIN_TRANSLIT) {
      drop("city", `${c.ar} / ${c.en}`, `translit ${score.toFixed(2)}`);
      continue;
    }
    // a one-word "city" that is a common person name is kept only for a big city
    const asName = toks.length === 1 ? (nameTokens.get(toks[0] as string) ?? 0) : 0;
    if (asName >= 20 && c.pop < 500_000) {
      drop("city", `${c.ar} / ${c.en}`, `person name (${asName} in Wikidata)`);
      continue;
    }
    // a city of a million people is a second source of its own
    addLoc(toks, c.pop >= 1_000_000 ? "big city" : "cities", false);
  }
  // ANERGazet locations (no hamza, some with and some without the article)
  for (const line of readFileSync(
    join(SHARED, "gazetteers/anergazet/AlignedLocGazetteer.txt"),
    "utf8",
  ).split("\n")) {
    const toks = tokensOf(line);
    if (toks !== null && toks.length <= 4) addLoc(toks, "ANERGazet", false);
  }

  // --- organisations ----------------------------------------------------------------------------
  const org = new EntrySet();
  const addOrg = (toks: string[], source: string, trusted: boolean): void => {
    const key = toks.join(" ");
    if (toks.length === 1) {
      const why = oneWordReason(key, trusted) ?? (!trusted && isPlace(key) ? "a place name" : null);
      if (why !== null) {
        drop("ORG", `${key} [${source}]`, why);
        return;
      }
    }
    org.add(toks, source);
  };
  for (const p of phrases(ORG_NAMES)) {
    const toks = tokensOf(p);
    if (toks !== null) addOrg(toks, "hand", true);
  }
  for (const line of readFileSync(
    join(SHARED, "gazetteers/anergazet/AlignedOrgGazetteer.txt"),
    "utf8",
  ).split("\n")) {
    const toks = tokensOf(line);
    if (toks !== null && toks.length <= 6) addOrg(toks, "ANERGazet", false);
  }

  // --- people -----------------------------------------------------------------------------------
  const per = new EntrySet();
  const addPer = (toks: string[], source: string): void => {
    const key = toks.join(" ");
    if (toks.length === 1) {
      const why =
        oneWordReason(key, false, 1, true) ??
        (isPlace(key) || org.has(key) ? "a place/org name" : null) ??
        (hasArticle(key) && !nameTokens.has(key) ? "not a known family name" : null);
      if (why !== null) {
        drop("PER", `${key} [${source}]`, why);
        return;
      }
    }
    per.add(toks, source);
  };

  // titles: person roles of the CAMEO agents (the actors below add the titles they start with)
  for (const line of readFileSync(
    join(SHARED, "events/universalpetrarch_arabic_dicts/agents.all.ar.txt"),
    "utf8",
  ).split("\n")) {
    if (line.startsWith("#")) continue;
    const m = /^([A-Z_!'{}. ]+?)\s*(?:\{[^}]*\})?\s*\[~[A-Z]+\]\s*([^#]*)/.exec(line);
    if (m === null) continue;
    const en = (m[1] as string).trim();
    const ar = (m[2] as string).trim();
    const head =
      en
        .split(/[_ ]/)
        .filter((w) => w.length > 0)
        .pop() ?? "";
    if (!PERSON_ROLE_HEADS.has(head)) continue;
    const toks = tokensOf(ar);
    if (toks === null || toks.length > 3) continue;
    // a body (وزارة، مجلس) or a phrase ending in a preposition (سفير في) is no title
    if (orgHeads.has(withoutArticle(toks[0] as string))) continue;
    if (/^(في|الي|لل|ل|ب|من|علي)$/.test(toks[toks.length - 1] as string)) continue;
    // plural forms are not titles before a name
    if (toks.some((t) => /(ين|ون|ات)$/.test(t) && t.length > 4)) continue;
    if (toks.length === 1) titleWords.add(withoutArticle(toks[0] as string));
    else titles.add(toks, "CAMEO agents");
  }

  // --- CAMEO actors (lemmatised: no article, masculine adjectives) -------------------------------
  const actorText = readFileSync(
    join(SHARED, "events/universalpetrarch_arabic_dicts/actor_dict_ar_v4.txt"),
    "utf8",
  );
  const actors = parseActors(actorText);
  const titleCounts = new Map<string, number>();
  const actorStats = { per: 0, org: 0, loc: 0, nationality: 0, skipped: 0 };
  const isNameLike = (t: string): boolean =>
    (nameTokens.has(t) || particles.has(t) || (count(t) < 50 && !topSet.has(t))) &&
    !titleWords.has(t) &&
    !orgHeads.has(t) &&
    !locTriggers.has(t) &&
    !genericHeads.has(t) &&
    !nationalityBase.has(withoutArticle(t));
  const GENERIC_ADJ = new Set(normList("سياسي أمني مسلح حاكم"));
  const REGIONAL = new Set(normList("عربي أوروبي أفريقي إفريقي آسيوي خليجي إسلامي دولي"));
  const roleFiller = (t: string): boolean =>
    titleWords.has(t) ||
    nationalityBase.has(withoutArticle(t)) ||
    /^(عام|سابق|اسبق|خارجيه|دفاع|داخليه|وزراء|ماليه|عدل|اعلي|اول|ثاني|الاول|ل|ب|في)$/.test(t);
  for (const a of actors) {
    let toks = a.tokens;
    while (toks.length > 1 && (toks[0] === "ل" || toks[0] === "ب")) toks = toks.slice(1);
    if (toks.some((t) => t.length === 1) || toks.length > 6) {
      actorStats.skipped++;
      continue;
    }
    const code = a.codes[0] ?? "";
    const first = toks[0] as string;
    if (orgHeads.has(withoutArticle(first)) && toks.length >= 2) {
      // "head + country adjective" is a description (الجيش العراقي، شركة صينية), but a regional
      // adjective names a body (الاتحاد الأوروبي، الجامعة العربية)
      const second = withoutArticle(toks[1] as string);
      const described =
        (nationalityBase.has(second) && !REGIONAL.has(second)) || GENERIC_ADJ.has(second);
      if (toks.length === 2 && described) {
        drop("ORG", `${toks.join(" ")} [CAMEO]`, "head + nationality: a description");
        actorStats.skipped++;
        continue;
      }
      org.add(toks, "CAMEO");
      actorStats.org++;
      continue;
    }
    if (titleWords.has(first)) {
      // a title, then roles and nationalities, then (maybe) a name
      let i = 0;
      while (i < toks.length && roleFiller(toks[i] as string)) i++;
      for (let k = 0; k < i; k++) {
        const t = toks[k] as string;
        if (titleWords.has(t)) titleCounts.set(t, (titleCounts.get(t) ?? 0) + 1);
      }
      const rest = toks.slice(i);
      if (rest.length >= 2 && rest.every(isNameLike) && nameTokens.has(rest[0] as string)) {
        addPer(rest, "CAMEO");
        actorStats.per++;
      } else actorStats.skipped++;
      continue;
    }
    if (locTriggers.has(withoutArticle(first)) && toks.length >= 2) {
      const rest = toks.slice(1);
      if (rest.every((t) => !genericHeads.has(t) && !nationalityBase.has(withoutArticle(t)))) {
        addLoc(rest.length === 1 ? [preferredArticle(rest[0] as string)] : rest, "CAMEO", false);
        actorStats.loc++;
      } else actorStats.skipped++;
      continue;
    }
    if (toks.length === 1 && nationalityBase.has(withoutArticle(first))) {
      actorStats.nationality++;
      continue;
    }
    if (genericHeads.has(first)) {
      actorStats.skipped++;
      continue;
    }
    // "أفغاني حامد كرزاي": a leading nationality is a description
    while (toks.length > 2 && nationalityBase.has(withoutArticle(toks[0] as string))) {
      toks = toks.slice(1);
    }
    const name0 = toks[0] as string;
    const placeCode = /^[A-Z]{3}$/.test(code) && (alpha3.has(code) || code === "KSV");
    if (placeCode) {
      if (toks.every((t) => !nationalityBase.has(withoutArticle(t)) && !genericHeads.has(t))) {
        addLoc(toks.length === 1 ? [preferredArticle(name0)] : toks, "CAMEO", false);
        actorStats.loc++;
      } else actorStats.skipped++;
      continue;
    }
    const personCode = /^[A-Z]{3}[A-Z]{3}/.test(code) || /^(IGO|NGO)[A-Z]{3}/.test(code);
    // media, universities and companies carry person-like codes (USAMED: واشنطن بوست)
    if (/^[A-Z]{3}(MED|EDU|BUS)/.test(code)) {
      actorStats.skipped++;
      continue;
    }
    if (toks.length >= 2 && toks.every(isNameLike) && nameTokens.has(name0)) {
      addPer(toks, "CAMEO");
      actorStats.per++;
    } else if (
      toks.length === 1 &&
      personCode &&
      nameTokens.has(name0) &&
      !/(REB|PTY|OPP)/.test(code)
    ) {
      addPer(toks, "CAMEO");
      actorStats.per++;
    } else actorStats.skipped++;
  }

  for (const [t, n] of titleCounts) if (n >= 2) titleWords.add(t);

  for (const [key, srcs] of [...pendingLoc].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (loc.has(key)) continue;
    const why = oneWordReason(key, false, srcs.size + (srcs.has("big city") ? 1 : 0));
    if (why !== null) drop("LOC", `${key} [${[...srcs].sort().join("+")}]`, why);
    else loc.add([key], [...srcs].sort().join("+"));
  }

  // --- names among the most frequent words -------------------------------------------------------
  const topHits: string[] = [];
  for (const set of [loc, org, per]) {
    for (const key of set.sorted()) if (topSet.has(key)) topHits.push(key);
  }

  // --- first and family names: position statistics ------------------------------------------------
  const names: string[][] = Array.from({ length: 16 }, () => []);
  const firstCounts = [0, 0, 0];
  const familyCounts = [0, 0, 0];
  let roleEvidence = 0;
  for (const [k, n] of [...nameTokens].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (nationality.has(k)) continue; // الأرجنتيني stands next to players' names, but is no name
    const bucket = n >= 100 ? 2 : n >= 10 ? 1 : 0;
    const p = positions.get(k);
    const seen = p === undefined ? 0 : p.left + p.right;
    let first = true;
    let family = true;
    if (seen >= 5 && p !== undefined) {
      roleEvidence++;
      const leftShare = p.left / seen;
      first = leftShare >= 0.3;
      family = leftShare <= 0.7;
    } else if (hasArticle(k)) first = false; // الغنامي، المالكي: nisba/laqab family names
    names[(first ? (bucket + 1) * 4 : 0) + (family ? bucket + 1 : 0)]?.push(k);
    if (first) firstCounts[bucket] = (firstCounts[bucket] ?? 0) + 1;
    if (family) familyCounts[bucket] = (familyCounts[bucket] ?? 0) + 1;
  }

  // single-word titles, heads and triggers match with or without the article
  const withBoth = (s: Set<string>): string[] =>
    [...new Set([...s].flatMap((w) => [w, withArticle(w)]))].sort();

  const data = {
    format: "marsad-gazetteers 1",
    loc: loc.sorted(),
    org: org.sorted(),
    per: per.sorted(),
    title: [
      ...new Set([
        ...titles.sorted(),
        ...withBoth(titleWords).filter((w) => !(withoutArticle(w) in AMBIGUOUS_TITLES)),
        ...Object.values(AMBIGUOUS_TITLES).flat(),
      ]),
    ].sort(),
    names: names.map((l) => l.join(" ")),
    nameParticle: [...particles].sort().join(" "),
    orgHead: withBoth(orgHeads).join(" "),
    locTrigger: withBoth(locTriggers).join(" "),
    nationality: [...nationality].sort().join(" "),
  };
  const json = JSON.stringify(data);
  const gz = gzipSync(Buffer.from(json, "utf8"), { level: 9 });
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, gz);

  // --- report ----------------------------------------------------------------------------------------
  const multi = (l: string[]) => l.filter((k) => k.includes(" ")).length;
  report.push(
    `wrote ${OUT} (${gz.length} bytes gzipped, ${json.length} chars JSON) in ${Date.now() - t0} ms`,
    `LOC ${data.loc.length} (${multi(data.loc)} multi-word; ${[...loc.entries.values()].filter((v) => v.includes("cit")).length} from cities)`,
    `ORG ${data.org.length} (${multi(data.org)} multi-word)`,
    `PER ${data.per.length} (${multi(data.per)} multi-word)`,
    `titles ${data.title.length}; org heads ${data.orgHead.split(" ").length}; loc triggers ${data.locTrigger.split(" ").length}`,
    `nationality forms ${nationality.size} (${nationalityBase.size} adjectives)`,
    `name tokens ${nameTokens.size} (first ${firstCounts.join("/")}, family ${familyCounts.join("/")} by bucket 1/2/3; position evidence for ${roleEvidence})`,
    `CAMEO actors: ${JSON.stringify(actorStats)}`,
    `name tokens frequent in text but kept for their company (${rescued.length}): ${sample(rescued, 40).join(" ")}`,
    `top-${TOP_N} words kept as names: ${topHits.join(" ")}`,
    `curated one-word names kept although they look like common words: ${keptDespite.join(" | ")}`,
  );
  for (const [kind, list] of dropped) {
    report.push(`dropped ${kind}: ${list.length}; sample: ${sample(list, 25).join(" | ")}`);
  }
  console.log(report.join("\n"));
  if (reportPath !== undefined) {
    const full = [...report];
    for (const [kind, list] of dropped) full.push(`== dropped ${kind}`, ...list);
    writeFileSync(reportPath, `${full.join("\n")}\n`);
  }
}

/** Every k-th element, for a deterministic sample. */
function sample<T>(list: T[], n: number): T[] {
  if (list.length <= n) return list;
  const step = list.length / n;
  return Array.from({ length: n }, (_, i) => list[Math.floor(i * step)] as T);
}

/** The nisba adjective of a one-word country name (raw spelling): روسيا → روسي. */
function nisbaOf(raw: string): string {
  let base = raw.startsWith("ال") ? raw.slice(2) : raw;
  if (base.endsWith("يا")) base = base.slice(0, -1);
  else if (base.endsWith("ية")) base = base.slice(0, -1);
  else if (base.endsWith("ا") || base.endsWith("ة")) base = `${base.slice(0, -1)}ي`;
  else base = `${base}ي`;
  return normalizeArabic(base);
}

/** A CAMEO lemma is article-less: use the article form when text prefers it (خرطوم → الخرطوم). */
function preferredArticle(t: string): string {
  if (hasArticle(t)) return t;
  return count(`ال${t}`) > count(t) ? `ال${t}` : t;
}

interface Actor {
  tokens: string[];
  codes: string[];
}

/** Parses actor_dict: `NAME_ [CODE dates]` or NAME then indented `[CODE dates]` lines. */
function parseActors(text: string): Actor[] {
  const out: Actor[] = [];
  let cur: Actor | null = null;
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    const codeOnly = /^\s+\[([A-Z~?]+)/.exec(line);
    if (codeOnly !== null && /^\s/.test(line) && !/^\s*[^\s[]/.test(line)) {
      cur?.codes.push(codeOnly[1] as string);
      continue;
    }
    const m = /^\s*([^[]+?)\s*(?:\[([A-Z~?]+)[^\]]*\])?\s*$/.exec(line);
    if (m === null) continue;
    const name = (m[1] as string).trim();
    if (name.includes(" ") && !name.includes("_")) {
      cur = null; // free text, not a name
      continue;
    }
    const tokens = tokensOf(name);
    if (tokens === null) {
      cur = null;
      continue;
    }
    cur = { tokens, codes: m[2] !== undefined ? [m[2]] : [] };
    out.push(cur);
  }
  return out;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
