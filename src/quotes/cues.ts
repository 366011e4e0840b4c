/**
 * The words that introduce reported speech: reporting verbs in the forms news uses (past and
 * present, singular, dual and plural, with و/ف/ل before them), their adverbial participles
 * (مضيفا، مشيرا، قائلا: the subject is the speaker of the clause before), and attributions
 * (بحسب، وفقا لـ، نقلا عن). Forms are listed, not derived by rule: Arabic verbs are irregular
 * enough that a table is shorter than the rules and exact.
 */
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
  ["ادعى", "ادعت", "يدعي", "مدعيا", "ادعوا"],
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
];

/** Verbs whose object right after them is the one told, not the teller. */
const ADDRESSEE_VERBS = new Set(["أبلغ", "أخبر"]);

/** Attributions: a source follows (بحسب مصادر، وفقا للوزارة، نقلا عن الوكالة). */
const ACCORDING = ["بحسب", "حسب", "وفقا", "وفق", "نقلا", "طبقا"];

const table = new Map<string, Cue>();

function add(form: string, cue: Cue): void {
  const key = normalizeArabic(form);
  if (key && !table.has(key)) table.set(key, cue);
}

for (const [past, pastF, present, participle, ...irregular] of VERBS) {
  const lemma = past as string;
  const verb: Cue = {
    kind: "verb",
    lemma,
    ...(ADDRESSEE_VERBS.has(lemma) ? { addressee: true } : {}),
  };
  add(lemma, verb);
  add(pastF as string, verb);
  add(present as string, verb);
  add(`ت${(present as string).slice(1)}`, verb);
  for (const form of irregular) add(form, verb);
  if (irregular.length === 0) {
    add(`${lemma}وا`, verb);
    add(`${lemma}ا`, verb);
    add(`${present}ون`, verb);
  }
  if (participle) {
    const p: Cue = { kind: "participle", lemma };
    const stem = (participle as string).slice(0, -1);
    add(participle as string, p);
    add(`${stem}ة`, p);
    add(`${stem}ين`, p);
  }
}
for (const word of ACCORDING) add(word, { kind: "according", lemma: word });
// بيّن: unvowelled, its past form is the preposition بين and its present تبين "it turned out";
// only the participle is safe.
add("مبينا", { kind: "participle", lemma: "بين" });

/** The cue a word is, with one conjunction (و/ف) or the ل of لي- before it; or undefined. */
export function cueOf(norm: string): Cue | undefined {
  const direct = table.get(norm);
  if (direct) return direct;
  const first = norm.charCodeAt(0);
  // و، ف: وقال، فقال، وبحسب; ل: the ل of purpose before a present (ليؤكد) is not a report
  if ((first === 0x0648 || first === 0x0641) && norm.length > 2) return table.get(norm.slice(1));
  return undefined;
}

/** Words that open the reported clause after a cue (normalised): أن، إن، بأن، أنه... */
export function isComplementizer(norm: string): boolean {
  return COMPLEMENTIZERS.has(norm);
}

const COMPLEMENTIZERS = new Set(
  ["أن", "إن", "بأن", "فإن"]
    .flatMap((w) => [w, ...["ه", "ها", "هم", "هما", "هن", "نا", "ني", "ي"].map((p) => w + p)])
    .map(normalizeArabic),
);
