/**
 * Closed word classes the light syntax reads (normalised with normalizeArabic: أ/إ/آ → ا,
 * ة → ه, ى → ي). These are grammar words — prepositions, particles, demonstratives, adverbs —
 * not vocabulary grown from any article: Arabic has a few hundred of them and they decide where
 * a verb's subject can stand.
 */
import { normalizeArabic } from "../text/index.js";

function set(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean).map(normalizeArabic));
}

/** Prepositions and prepositional nouns that head an adjunct (في بيان، خلال لقائه، عقب الاجتماع). */
export const PREPOSITIONS = set(`
  في من إلى على عن مع خلال عبر لدى أمام حول نحو ضد بين عند منذ حتى بعد قبل أثناء عقب إثر
  وسط دون تجاه إزاء ضمن بشأن بخصوص حيال لدن فور جراء بسبب إبان طوال داخل خارج قرب لصالح
  بحضور برفقة بمناسبة بمشاركة بعيد قبيل غداة على هامش
`);

/** Particles that stand before a verb (قد قال، لم يقل، لن يقبل، سوف يعلن). */
export const VERB_PARTICLES = set("قد لقد وقد فقد لم لن سوف كما ولم ولن فلم ما لا");

/** Forms of كان / أصبح / ظل that open an SVO clause (وكان الوزير قد قال). */
export const KANA = set(`
  كان كانت وكان وكانت فكان فكانت يكون تكون وكانوا كانوا أصبح أصبحت ظل ظلت
`);

/**
 * A preposition with a pronoun on it (فيها، خلالها، له، عليه): an adjunct that may stand between
 * a verb and its subject (أعلنت خلالها برلين) and is never the subject itself.
 */
export const PRONOUN_ADJUNCTS: ReadonlySet<string> = new Set(
  "في خلال ل علي من عن مع الي ب عبر امام لدي عند بعد قبل بين حول ضد دون"
    .split(" ")
    .flatMap((p) => ["ه", "ها", "هم", "هما", "هن"].map((suffix) => p + suffix)),
);

/** Forms of address before a dignitary's title (معالي الوزير، سمو ولي العهد، صاحب السمو الملكي). */
export const HONORIFIC_ADDRESS = set("معالي سمو فخامة جلالة سماحة سعادة حضرة صاحب السمو الملكي");

/** Demonstratives before a noun (هذه الأحزاب, ذلك المسؤول) point back to an earlier phrase. */
export const DEMONSTRATIVES = set("هذا هذه ذلك تلك هؤلاء أولئك هذان هاتان هذين هاتين");

/** Words after a noun that point back (المصدر ذاته، الوزير نفسه، النائب المذكور، الأخير). */
export const ANAPHORIC_AFTER = set(`
  ذاته ذاتها ذاتهم نفسه نفسها نفسهم المذكور المذكورة المذكورين عينه عينها
`);

/** Adverbs and discourse words that may stand between a verb and its subject. */
export const ADVERBS = set(`
  أيضا كذلك مجددا مرة أخرى بدوره بدورها بدورهم بدورهما جهته جهتها جهتهم جانبه جانبها
  جانبهم حينها آنذاك حينذاك يومها وقتها ساعتها لاحقا سابقا مؤخرا صراحة بوضوح
`);

/**
 * Day and part-of-day words, for skipping a time adverbial between a verb and its subject when
 * the time stage's spans are not at hand (قال اليوم الاثنين الوزير).
 */
export const TIME_WORDS = set(`
  اليوم أمس غدا الليلة البارحة صباح مساء ظهر عصر عشية فجر ليلة صباحا مساء ظهرا عصرا ليلا
  نهارا الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت يوم يومي
`);

/** Particles and function words that are never a subject's first word. */
export const FUNCTION_WORDS = set(`
  أن إن أنه أنها أنهم بأن بأنه بأنها لأن كأن لكن لكنه لكنها إلا غير ذلك هذا هذه تلك الذي
  التي الذين اللذين اللتين اللواتي ما ماذا لماذا كيف متى أين هل إذا إذ لو لولا حيث كل بعض
  جميع عدة عدد أي أيضا كذلك لا لم لن قد سوف ثم أو أم بل حتى كي لكي وفق وفقا حسب بحسب نقلا
  التالي الآتي يلي و ف
  طبقا له لها لهم لهما لنا لي لك به بها بهم فيه فيها فيهم عليه عليها عليهم منه منها منهم
  عنه عنها عنهم معه معها معهم إليه إليها إليهم لديه لديها خلالها خلاله هو هي هم هما نحن أنا
`);

/**
 * Honorific pronouns that stand for a dignitary as a subject (وأكد سموه): the class says which
 * office the honorific goes with, so that سموه finds the prince and معاليه the minister.
 */
export const HONORIFICS: ReadonlyMap<string, HonorificClass> = new Map(
  (
    [
      ["سموه", "prince", "m"],
      ["سموها", "prince", "f"],
      ["معاليه", "minister", "m"],
      ["معاليها", "minister", "f"],
      ["فخامته", "president", "m"],
      ["فخامتها", "president", "f"],
      ["جلالته", "king", "m"],
      ["جلالتها", "king", "f"],
      ["سماحته", "cleric", "m"],
      ["دولته", "prime-minister", "m"],
      ["دولتها", "prime-minister", "f"],
      ["سعادته", "official", "m"],
      ["سعادتها", "official", "f"],
      ["فضيلته", "cleric", "m"],
      ["نيافته", "cleric", "m"],
      ["غبطته", "cleric", "m"],
    ] as const
  ).map(([word, office, gender]) => [normalizeArabic(word), { office, gender }]),
);

export type HonorificOffice =
  | "prince"
  | "minister"
  | "president"
  | "king"
  | "cleric"
  | "prime-minister"
  | "official";

export interface HonorificClass {
  office: HonorificOffice;
  gender: "m" | "f";
}

/** Personal pronouns that may stand as an expressed subject after a verb (قال هو). */
export const PERSONAL_PRONOUNS: ReadonlyMap<string, "m" | "f"> = new Map([
  ["هو", "m"],
  ["هي", "f"],
]);
