/**
 * The words that introduce reported speech: reporting verbs in the forms news uses (past and
 * present, singular, dual and plural, with و/ف/ل before them), their adverbial participles
 * (مضيفا، مشيرا، قائلا: the subject is the speaker of the clause before), and attributions
 * (بحسب، وفقا لـ، نقلا عن). Forms are listed, not derived by rule: Arabic verbs are irregular
 * enough that a table is shorter than the rules and exact.
 */
import type { Agreement } from "../syntax/index.js";
import { normalizeArabic } from "../text/index.js";

export type CueKind =
  /** a finite reporting verb: its subject, expressed or not, is the speaker */
  | "verb"
  /** an adverbial participle: the speaker is the subject of the clause it hangs on */
  | "participle"
  /** بحسب X، وفقا لـ X، نقلا عن X: X is the source of the clause around it */
  | "according";

export interface Cue {
  kind: CueKind;
  /** The verb's citation form (past, third person masculine singular). */
  lemma: string;
  /** The verb takes its addressee right after it (أبلغ X أن): X is not the speaker. */
  addressee?: boolean;
  /** What this form says about its subject (قالت: feminine; قالوا: plural). */
  agreement: Agreement;
  /**
   * Prepositions (normalised) after which this verb's report may be a noun phrase with no أن:
   * دعا إلى، طالب بـ، حذر من، شدد على، أعلن عن.
   */
  nominal?: readonly string[];
  /** The verb carries on the current speaker's words (أضاف، تابع، استطرد). */
  continues?: boolean;
  /** The report may be the verb's object, a verbal noun with no أن (نفى وجود، طلب سحب). */
  objectReport?: boolean;
  /**
   * The form carries an object pronoun and the verb takes a predicate (اعتبره سابقة: "he
   * considered it a precedent"): what follows the object is the report.
   */
  predicate?: boolean;
}

/**
 * Reporting verbs: past 3ms, past 3fs, present 3ms, adverbial participle (or ""), then any
 * irregular forms (plural, dual) that the regular endings below would get wrong.
 */
const VERBS: readonly (readonly string[])[] = [
  ["قال", "قالت", "يقول", "قائلا", "قالوا", "قالا", "قلن"],
  ["أكد", "أكدت", "يؤكد", "مؤكدا"],
  ["أضاف", "أضافت", "يضيف", "مضيفا"],
  ["أشار", "أشارت", "يشير", "مشيرا"],
  ["أوضح", "أوضحت", "يوضح", "موضحا"],
  ["لفت", "لفتت", "يلفت", "لافتا"],
  ["تابع", "تابعت", "يتابع", "متابعا"],
  ["اعتبر", "اعتبرت", "يعتبر", "معتبرا"],
  ["رأى", "رأت", "يرى", "", "رأوا", "رأيا", "يرون"],
  ["نفى", "نفت", "ينفي", "نافيا", "نفوا", "نفيا", "ينفون"],
  ["صرح", "صرحت", "يصرح", "مصرحا"],
  ["أعلن", "أعلنت", "يعلن", "معلنا"],
  ["ذكر", "ذكرت", "يذكر", "ذاكرا"],
  ["أفاد", "أفادت", "يفيد", "مفيدا"],
  ["حذر", "حذرت", "يحذر", "محذرا"],
  ["شدد", "شددت", "يشدد", "مشددا"],
  ["أعرب", "أعربت", "يعرب", "معربا"],
  ["كشف", "كشفت", "يكشف", "كاشفا"],
  ["أردف", "أردفت", "يردف", "مردفا"],
  ["استطرد", "استطردت", "يستطرد", "مستطردا"],
  ["نوه", "نوهت", "ينوه", "منوها"],
  ["أبرز", "أبرزت", "يبرز", "مبرزا"],
  ["لاحظ", "لاحظت", "يلاحظ", "ملاحظا"],
  ["اعترف", "اعترفت", "يعترف", "معترفا"],
  ["زعم", "زعمت", "يزعم", "زاعما"],
  // the present يدعي is, unvowelled, also يُدعى "is called" (رجل يدعى فلان): past forms only
  ["ادعى", "ادعت", "", "مدعيا", "ادعوا"],
  ["أقر", "أقرت", "يقر", "مقرا"],
  ["توقع", "توقعت", "يتوقع", "متوقعا"],
  ["أبلغ", "أبلغت", "يبلغ", "مبلغا"],
  ["أخبر", "أخبرت", "يخبر", ""],
  ["تساءل", "تساءلت", "يتساءل", "متسائلا"],
  ["أجاب", "أجابت", "يجيب", "مجيبا"],
  ["ختم", "ختمت", "يختم", "خاتما"],
  ["اختتم", "اختتمت", "يختتم", "مختتما"],
  ["جدد", "جددت", "يجدد", "مجددا"],
  ["استنكر", "استنكرت", "يستنكر", "مستنكرا"],
  ["أورد", "أوردت", "يورد", ""],
  ["نقل", "نقلت", "ينقل", "ناقلا"],
  ["كتب", "كتبت", "يكتب", "كاتبا"],
  ["غرد", "غردت", "يغرد", "مغردا"],
  ["دعا", "دعت", "يدعو", "داعيا", "دعوا", "دعيا", "يدعون"],
  ["طالب", "طالبت", "يطالب", "مطالبا"],
  ["رجح", "رجحت", "يرجح", "مرجحا"],
  ["أفصح", "أفصحت", "يفصح", ""],
  ["ناشد", "ناشدت", "يناشد", "مناشدا"],
  ["حث", "حثت", "يحث", "حاثا"],
  ["تعهد", "تعهدت", "يتعهد", "متعهدا"],
  ["أوصى", "أوصت", "يوصي", "موصيا", "أوصوا"],
  ["علق", "علقت", "يعلق", "معلقا"],
  ["نبه", "نبهت", "ينبه", "منبها"],
  ["علل", "عللت", "يعلل", "معللا"],
  ["طلب", "طلبت", "يطلب", ""],
];

/** Verbs whose report may be their verbal-noun object (نفى وجود أي صلة، طلب سحب التقرير). */
const OBJECT_REPORTS = new Set(["نفى", "طلب"]);

/** Verbs whose report may be a noun phrase after a preposition, with the prepositions. */
const NOMINAL: Readonly<Record<string, readonly string[]>> = {
  دعا: ["إلى"],
  طالب: ["ب"],
  ناشد: ["ب", "على", "إلى"],
  حث: ["على", "إلى"],
  حذر: ["من"],
  شدد: ["على"],
  أعلن: ["عن"],
  كشف: ["عن"],
  أفصح: ["عن"],
  تعهد: ["ب"],
  أوصى: ["ب"],
  تساءل: ["عن"],
  نبه: ["إلى", "على", "من"],
  علل: ["ب"],
};

/** Verbs whose object pronoun is followed by a predicate: the report (اعتبره خطوة إيجابية). */
const PREDICATIVE = new Set(["اعتبر"]);

/** Object pronouns a verb form may end with (طالبه، اعتبرته، أبلغهم). */
const OBJECT_PRONOUNS = ["هما", "هم", "هن", "ها", "ه"];

/**
 * Verbs whose object pronoun is the one addressed or the thing judged (طالبه، دعاهم، أبلغه،
 * اعتبره). On other verbs it is the thing said (ما قاله، تصريح نقلته قناة): no report.
 */
const OBJECT_VERBS = new Set(["طالب", "دعا", "ناشد", "حث", "أبلغ", "أخبر", "اعتبر", "أوصى"]);

/** Verbs that carry on what the current speaker was saying. */
const CONTINUING = new Set(["أضاف", "تابع", "استطرد", "أردف", "ختم", "اختتم"]);

/** Verbs whose object right after them is the one told, not the teller. */
const ADDRESSEE_VERBS = new Set(["أبلغ", "أخبر"]);

/** Attributions: a source follows (بحسب مصادر، وفقا للوزارة، نقلا عن الوكالة). */
const ACCORDING = ["بحسب", "حسب", "وفقا", "وفق", "نقلا", "طبقا"];

const table = new Map<string, Cue>();

function add(form: string, cue: Cue): void {
  const key = normalizeArabic(form);
  if (key && !table.has(key)) table.set(key, cue);
}

const MASCULINE: Agreement = { gender: "m" };
const FEMININE: Agreement = { gender: "f" };
const PLURAL: Agreement = { plural: true };

for (const [past, pastF, present, participle, ...irregular] of VERBS) {
  const lemma = past as string;
  const nominal = NOMINAL[lemma]?.map(normalizeArabic);
  const verb = (agreement: Agreement): Cue => ({
    kind: "verb",
    lemma,
    agreement,
    ...(ADDRESSEE_VERBS.has(lemma) ? { addressee: true } : {}),
    ...(nominal ? { nominal } : {}),
    ...(CONTINUING.has(lemma) ? { continues: true } : {}),
    ...(OBJECT_REPORTS.has(lemma) ? { objectReport: true } : {}),
  });
  add(lemma, verb(MASCULINE));
  add(pastF as string, verb(FEMININE));
  if (present) {
    add(present as string, verb(MASCULINE));
    add(`ت${(present as string).slice(1)}`, verb(FEMININE));
  }
  for (const form of irregular) add(form, verb(PLURAL));
  if (irregular.length === 0) {
    add(`${lemma}وا`, verb(PLURAL));
    add(`${lemma}ا`, verb(PLURAL));
    if (present) add(`${present}ون`, verb(PLURAL));
  }
  if (participle) {
    const p = (agreement: Agreement): Cue => ({
      kind: "participle",
      lemma,
      agreement,
      ...(nominal ? { nominal } : {}),
      ...(OBJECT_REPORTS.has(lemma) ? { objectReport: true } : {}),
    });
    const stem = (participle as string).slice(0, -1);
    add(participle as string, p(MASCULINE));
    add(`${stem}ة`, p(FEMININE));
    add(`${stem}ين`, p(PLURAL));
  }
}
for (const word of ACCORDING) add(word, { kind: "according", lemma: word, agreement: {} });
// بيّن: unvowelled, its past form is the preposition بين and its present تبين "it turned out";
// only the participle is safe.
add("مبينا", { kind: "participle", lemma: "بين", agreement: MASCULINE });
add("مبينة", { kind: "participle", lemma: "بين", agreement: FEMININE });
add("بينت", { kind: "verb", lemma: "بين", agreement: FEMININE });
// ورد الوزير على منتقديه بالقول إن...، ردت بقولها: "by saying", an adverbial like قائلا
add("بالقول", { kind: "participle", lemma: "قال", agreement: {} });
add("بقوله", { kind: "participle", lemma: "قال", agreement: MASCULINE });
add("بقولها", { kind: "participle", lemma: "قال", agreement: FEMININE });
add("بقولهم", { kind: "participle", lemma: "قال", agreement: PLURAL });
add("يبين", { kind: "verb", lemma: "بين", agreement: MASCULINE });

/**
 * The cue a word is, with one conjunction (و/ف) before it and an object pronoun after a verb
 * (طالبه، اعتبرته); or undefined. The ل of purpose before a present (ليؤكد) is no report.
 */
export function cueOf(norm: string): Cue | undefined {
  // asked for every token, some several times: answered once per word
  let cue = cues.get(norm);
  if (cue === undefined) {
    cue = findCue(norm) ?? null;
    if (cues.size >= 100_000) cues.clear();
    cues.set(norm, cue);
  }
  return cue ?? undefined;
}

const cues = new Map<string, Cue | null>();

function findCue(norm: string): Cue | undefined {
  const found = bareCue(norm);
  if (found) return found;
  for (const pronoun of OBJECT_PRONOUNS) {
    if (!norm.endsWith(pronoun) || norm.length - pronoun.length < 3) continue;
    const cue = bareCue(norm.slice(0, -pronoun.length));
    if (cue?.kind !== "verb" || !OBJECT_VERBS.has(cue.lemma)) continue;
    return PREDICATIVE.has(cue.lemma) ? { ...cue, predicate: true } : cue;
  }
  return undefined;
}

function bareCue(norm: string): Cue | undefined {
  const direct = table.get(norm);
  if (direct) return direct;
  const first = norm.charCodeAt(0);
  if ((first === 0x0648 || first === 0x0641) && norm.length > 2) return bareCue(norm.slice(1));
  // عاد ليؤكد أن...: ل before a present; the report still needs its أن (see the reader)
  if (first === 0x0644 && /^ل[يت]/.test(norm) && norm.length > 3) {
    const cue = table.get(norm.slice(1));
    if (cue?.kind === "verb") return cue;
  }
  return undefined;
}

/**
 * بيّن "showed, stated": unvowelled, its bare past is the preposition بين, so it is a cue only
 * where a verb stands, at the head of its sentence (وبين الحزب أن...; و بين النائب أن...).
 */
export const BAYYANA: Cue = { kind: "verb", lemma: "بين", agreement: MASCULINE };

/** Words that open the reported clause after a cue (normalised): أن، إن، بأن، أنه... */
export function isComplementizer(norm: string): boolean {
  return COMPLEMENTIZERS.has(norm);
}

const COMPLEMENTIZERS = new Set(
  ["أن", "إن", "بأن", "فإن"]
    .flatMap((w) => [w, ...["ه", "ها", "هم", "هما", "هن", "نا", "ني", "ي"].map((p) => w + p)])
    .map(normalizeArabic),
);

/**
 * Words of taking a position — verbs and their verbal nouns (أدان/إدانة، رحب/ترحيب، عبر عن
 * قلقه): quoted words in a clause built on one are the subject's own words (وأدان الحزب هذه
 * «العملية العدوانية»). Past 3ms, present 3ms, verbal noun.
 */
const STANCE: readonly (readonly string[])[] = [
  ["أدان", "يدين", "إدانة"],
  ["عبر", "يعبر", "تعبير"],
  ["أعرب", "يعرب", "إعراب"],
  ["وصف", "يصف", "وصف"],
  ["رحب", "يرحب", "ترحيب"],
  ["انتقد", "ينتقد", "انتقاد"],
  ["اتهم", "يتهم", "اتهام"],
  ["رفض", "يرفض", "رفض"],
  ["ندد", "يندد", "تنديد"],
  ["أشاد", "يشيد", "إشادة"],
  ["ثمن", "يثمن", "تثمين"],
  ["شجب", "يشجب", "شجب"],
  ["استنكر", "يستنكر", "استنكار"],
  ["تضامن", "يتضامن", "تضامن"],
  ["ساند", "يساند", "مساندة"],
  ["أيد", "يؤيد", "تأييد"],
  ["دعم", "يدعم", "دعم"],
  ["استغرب", "يستغرب", "استغراب"],
  ["وعد", "يعد", "وعد"],
  ["قلق", "", "قلق"],
  ["أمل", "يأمل", "أمل"],
];

const stanceWords = new Set<string>();
const stanceVerbs = new Set<string>();
for (const [past, present, noun] of STANCE) {
  for (const w of [past, `${past}ت`, present, present ? `ت${present.slice(1)}` : ""]) {
    if (!w) continue;
    stanceWords.add(normalizeArabic(w as string));
    stanceVerbs.add(normalizeArabic(w as string));
  }
  if (noun) stanceWords.add(normalizeArabic(noun));
}

/** Whether a normalised word is a stance verb's form (وصف، ووصفت، يدين), an object pronoun on it. */
export function isStanceVerb(norm: string): boolean {
  const w = /^[وف]/.test(norm) && !stanceVerbs.has(norm) ? norm.slice(1) : norm;
  return stanceVerbs.has(w) || stanceVerbs.has(w.replace(/(ه|ها|هم|هما)$/, ""));
}

/**
 * Whether a normalised word is a stance verb or verbal noun, with a conjunction, a preposition
 * (بإدانة), the article or a pronoun (إدانتها، قلقه) on it.
 */
export function isStanceWord(norm: string): boolean {
  let w = norm.replace(/^[وف]/, (c) => (stanceWords.has(norm) ? c : ""));
  if (stanceWords.has(norm) || stanceWords.has(w)) return true;
  w = w.replace(/^[بل]/, "").replace(/^ال/, "");
  if (stanceWords.has(w)) return true;
  // a pronoun on a verbal noun: إدانتها → إدانة, قلقه → قلق
  const bare = w.replace(/(ه|ها|هم|هما)$/, "").replace(/ت$/, "ه");
  return stanceWords.has(bare);
}
