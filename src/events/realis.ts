/**
 * Whether an event happened, and whether it is the sentence's news or its background, read off
 * the words that govern the trigger:
 *
 * - status: a negation before the verb (لم يلتق، لن يزور، عدم + noun) is `negated`; the future
 *   prefix (سيزور), an intention, plan or call governing it (يعتزم، من المقرر أن، دعا إلى
 *   إضراب، هدد بفرض) is `future`; a condition, a possibility or an attempt (إذا، لو، قد يهاجم،
 *   محاولة اغتيال) is `hypothetical`; a word of preventing (منع، أحبط، وقف) negates it too.
 * - background: a trigger inside a subordinate clause of time or cause (بعد أن أرسل، إثر
 *   مقتل، على خلفية الاحتجاجات، غداة اعتداء), inside a relative clause (الهجوم الذي شنه), or a
 *   verbal noun that is the object of another verb (أدان الهجوم): it is context, kept with its
 *   own date, but not what the sentence reports.
 */
import type { EventStatus } from "../analysis.js";
import { normalizeArabic } from "../text/index.js";

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean).map(normalizeArabic));

/** Negations right before a verb (a particle or two may come between: لم يكن قد). */
const NEGATIONS = words("لم لن ما لا ليس ليست لسنا غير ولم ولن وما ولا فلم فلن فلا");
/** Negations right before a verbal noun. */
const NOUN_NEGATIONS = words("عدم وعدم بعدم لعدم دون بدون دونما");
/** The future particle. */
const FUTURE_PARTICLES = words("سوف وسوف");
/**
 * Words that put what they govern in the future: intention, plans, calls, threats, permission
 * (the call itself is a REQUEST; the strike it calls for has not happened).
 */
const FUTURE_GOVERNORS = words(`
  يعتزم تعتزم يعتزمون اعتزم اعتزمت اعتزام عزم عزمه عزمها يعتزمان ينوي تنوي نية نيته نيتها
  يخطط تخطط يخططون خطة يستعد تستعد يستعدون استعداد استعداده استعدادها المقرر المقررة مقرر
  المتوقع المرتقب المرتقبة المزمع المزمعة المنتظر المنتظرة المقبل المقبلة القادم القادمة
  دعا دعت دعوا يدعو تدعو يدعون دعوة الدعوة طالب طالبت طالبوا يطالب تطالب يطالبون
  هدد هددت هددوا يهدد تهدد يهددون تهديد توعد توعدت لوح لوحت يلوح ناشد ناشدت حث حثت
  وافق وافقت سمح سمحت يسمح رخص ترخيص تأجيل
  يريد تريد يريدون أراد أرادت يرغب ترغب رغبة رغبته رغبتها يجب ينبغي يتعين لابد
  اقترح اقترحت يقترح مقترح اقتراح أمر أمرت يأمر
`);
/** Words that make what they govern hypothetical: conditions, possibility, attempts. */
const HYPOTHETICAL_GOVERNORS = words(`
  إذا اذا لو لولا حال حالة ربما يمكن يمكنه يمكنها بإمكان احتمال محتمل محتملة
  محاولة محاولات حاول حاولت حاولوا يحاول تحاول يحاولون أي لأي
  خشية خوفا مخاوف يخشى تخشى خطر خطط مخطط مخططا مؤامرة مزاعم ادعاءات ضمانات ضمان
`);
/** Words of stopping or preventing: what they govern did not happen (منع المظاهرة، وقف إطلاق النار). */
const PREVENTING = words(`
  منع منعت يمنع تمنع لمنع أحبط أحبطت إحباط أفشل أفشلت لوقف بوقف إنهاء لإنهاء
  تجنب لتجنب تفادي لتفادي رفض رفضت يرفض ترفض رفضه رفضها نفى نفت ينفي تنفي حظر يحظر
  إلغاء ألغى ألغت تأجيل أجل أجلت مكافحة لمكافحة
`);
/** Openers of a subordinate clause or phrase of time or cause: what follows is background. */
const BACKGROUND_OPENERS = words(`
  بعد وبعد إثر واثر اثر عقب وعقب غداة عشية أعقاب بعيد قبيل منذ ومنذ جراء جرّاء بسبب وبسبب
  نتيجة خلفية إزاء ازاء بشأن حول عن ضحايا ذكرى ذكري
  تداعيات أعقاب ردا رداً وردا انتقاما احتجاجا تنديدا وتنديدا تضامنا منذ عندما وعندما حين حينما
`);
/** Adjectives of a planned event (normalised): المقبل، المرتقبة، المقررة. */
const PLANNED = /^(ال)?(مقبل|مقبله|مرتقب|مرتقبه|مزمع|مزمعه|منتظر|منتظره|مقرر|مقرره|قادم|قادمه)$/;

/** Relative pronouns: a verb after them is in a relative clause (الذي شنه، التي استهدفت). */
const RELATIVES = words("الذي التي الذين اللذين اللتين اللواتي اللاتي ممن");
/** Verbs after which a clause, not a noun, follows (بعد أن، قبل أن). */
const THAT = words("أن ان");

export interface RealisContext {
  /** Normalised words of the sentence, conjunction kept. */
  norms: readonly string[];
  /** Index of the trigger in `norms`. */
  at: number;
  /** Index of the first word of the trigger's sentence, and one past its last: no scan leaves it. */
  first: number;
  stop: number;
  /** Whether index k is punctuation (a clause boundary for the scans). */
  isPunct: (k: number) => boolean;
  /** Whether the trigger is a verbal noun (else a finite verb). */
  noun: boolean;
  /** A verbal noun with the article or a possessive pronoun (الهجوم، اختطافه). */
  definite: boolean;
  /** Written with the future prefix (سيزور). */
  future: boolean;
  /** Index of a light verb carrying the noun (شن هجوما), or -1. */
  light: number;
  /** Whether index k is a finite verb (for "a noun governed by another verb"). */
  isVerb: (k: number) => boolean;
  /** Whether index k is itself an event trigger (أدان الهجوم: the attack is its object). */
  isTrigger: (k: number) => boolean;
  /** Whether index k is a word (not punctuation, a number or a quotation mark). */
  isWord: (k: number) => boolean;
  /** The verbal noun has a preposition fused to it (لتفجير، باختطاف). */
  fusedPreposition: boolean;
  /** The verbal noun is an indefinite accusative (هجوما، اعتداء with tanwin alif). */
  accusative: boolean;
  /** Whether index k is inside a name. */
  isName: (k: number) => boolean;
}

function bare(w: string): string {
  return /^[وف]/.test(w) && w.length > 3 ? w.slice(1) : w;
}

/** The word without و/ف and a fused preposition ب/ل (وبرغبته → رغبته). */
function withoutProclitics(w: string): string {
  const b = bare(w);
  return /^[بل]/.test(b) && b.length > 3 ? b.slice(1) : b;
}

function has(set: ReadonlySet<string>, w: string | undefined): boolean {
  return w !== undefined && (set.has(w) || set.has(bare(w)) || set.has(withoutProclitics(w)));
}

/** The event's status: realised unless a word governing the trigger says otherwise. */
export function eventStatus(c: RealisContext): EventStatus {
  const head = c.light >= 0 ? c.light : c.at;
  if (c.future) return "future";
  // up to three words before the verb (لم يكن قد، لن، سوف)
  for (let k = head - 1; k >= Math.max(c.first, head - 3); k--) {
    if (c.isPunct(k)) break;
    const w = c.norms[k] as string;
    // غير أن "however" negates nothing
    if (has(NEGATIONS, w) && !(bare(w) === "غير" && THAT.has(c.norms[k + 1] ?? "")))
      return "negated";
    if (has(FUTURE_PARTICLES, w)) return "future";
    // بعدم تعرضه للتعذيب، دون وقوع هجوم: a masdar, or a light verb that is one, negated
    if (c.noun && has(NOUN_NEGATIONS, w)) return "negated";
    if (!c.noun || c.light >= 0) {
      // قد + present: "may"; an attempt or a condition right before
      if (/^[وف]?قد$/.test(w) && /^[يت]/.test(bare(c.norms[head] ?? ""))) return "hypothetical";
    }
  }
  // the governing words of the clause before the trigger, nearest first; a condition reaches
  // over the verb it opens (وإذا طالت اتهامات الرئيس), other governors stop at a verb
  const from = Math.max(c.first, head - 8);
  let verbs = 0;
  for (let k = head - 1; k >= from; k--) {
    if (c.isPunct(k)) break;
    const w = c.norms[k] as string;
    if (has(HYPOTHETICAL_GOVERNORS, w)) return "hypothetical";
    if (verbs > 0) {
      if (c.isVerb(k) && !c.isTrigger(k)) break;
      continue;
    }
    // من أجل "for the sake of" prevents nothing
    if (has(PREVENTING, w) && !(bare(w) === "اجل" && c.norms[k - 1] === "من")) return "negated";
    if (has(FUTURE_GOVERNORS, w)) return "future";
    if (c.isVerb(k) && !c.isTrigger(k)) verbs++;
  }
  // a noun followed by المقبل/المرتقبة is planned (الزيارة المرتقبة), by المحتملة possible
  if (c.noun) {
    for (let k = c.at + 1; k <= Math.min(c.stop - 1, c.at + 3); k++) {
      const w = c.norms[k] as string;
      if (PLANNED.test(w)) return "future";
      if (/^(ال)?(محتمل|محتمله)$/.test(w)) return "hypothetical";
    }
  }
  return "realised";
}

/** Whether the trigger is background: context in a subordinate clause, not the news. */
export function isBackground(c: RealisContext): boolean {
  const head = c.light >= 0 ? c.light : c.at;
  const ownNoun = c.noun && c.light < 0;
  // a verbal noun with a demonstrative (هذا الهجوم، هذه الاعتداءات) points back at an event
  // already told
  if (ownNoun) {
    const prev = c.at > c.first ? c.norms[c.at - 1] : undefined;
    const next = c.at + 1 < c.stop ? c.norms[c.at + 1] : undefined;
    if (prev && /^(هذا|هذه|تلك|ذلك|لهذا|لهذه|بهذا|بهذه)$/.test(bare(prev))) return true;
    if (next && /^(هذا|هذه|تلك|ذلك)$/.test(next)) return true;
  }
  for (let k = head - 1; k >= Math.max(c.first, head - 6); k--) {
    if (c.isPunct(k)) break;
    const w = c.norms[k] as string;
    // بعد أن أرسل، إثر مقتل، على خلفية الاحتجاجات
    if (has(BACKGROUND_OPENERS, w)) return true;
    if (has(THAT, w) && k > 0 && has(BACKGROUND_OPENERS, c.norms[k - 1])) return true;
    if (has(RELATIVES, w)) return !c.noun || c.light >= 0;
    // a verbal noun that is the object of another event's verb (أدان الهجوم، ندد بالتفجير)
    if (ownNoun && k === head - 1 && c.isVerb(k) && c.isTrigger(k)) return true;
    if (c.isVerb(k)) break;
  }
  if (ownNoun) {
    // a verbal noun that no verb carries is news only where it heads its own clause (a
    // headline, a nominal sentence, the subject after a verb: وقع هجوم، أسفر الهجوم عن): in
    // a prepositional phrase (لتفجير، في هجوم) or as a genitive (جريمة اغتيال، توقيت الهجوم)
    // it is what something else is about
    if (c.fusedPreposition) return true;
    const k = c.at - 1;
    // an indefinite accusative (هجوما) is an object, never a genitive; nor is a noun after a
    // name (شهدت مدينة الموصل هجوما)
    if (k >= c.first && c.isWord(k) && !c.isVerb(k) && !c.accusative && !c.isName(k)) {
      const w = c.norms[k] as string;
      if (!/^(و|ف|ثم|او|أو)$/.test(w)) return true;
    }
    // a definite one or one with a possessive (الهجوم، اختطافه) that no verb carries names an
    // event the reader already knows of
    if (c.definite && (k < c.first || !c.isVerb(k))) return true;
  }
  return false;
}
