/**
 * Verbs without a part-of-speech tagger. News Arabic opens most clauses with a verb (وقال،
 * وأعلنت، وقد رفض); what tells a verb from a noun cheaply is that nouns take the article and
 * verbs never do. The word-frequency lexicon says how often a form is seen with ال: almost never
 * means a verb, a particle or a proper name (the caller rules names out).
 */
import { wordCount } from "../text/index.js";
import { FUNCTION_WORDS, PREPOSITIONS } from "./lexicon.js";

export type Gender = "m" | "f";

/** What a verb form says about its subject: gender and number, where the form shows them. */
export interface Agreement {
  gender?: Gender;
  plural?: boolean;
}

/** A form seen with the article at most this share of the time can be a verb. */
const ARTICLE_SHARE = 0.08;
/** Fewer corpus occurrences than this say nothing either way. */
const MIN_COUNT = 3;

/**
 * Whether a normalised word, its conjunction already stripped, looks like a verb: not a
 * particle or preposition, not definite, and (in the lexicon) hardly ever seen with the article.
 */
export function isVerbForm(word: string): boolean {
  // the same few thousand words come back in every article: decided once per word
  let verb = verbForms.get(word);
  if (verb === undefined) {
    verb = decideVerbForm(word);
    if (verbForms.size >= MAX_REMEMBERED) verbForms.clear();
    verbForms.set(word, verb);
  }
  return verb;
}

const verbForms = new Map<string, boolean>();
/** How many words the caches of this module keep before starting afresh. */
const MAX_REMEMBERED = 100_000;

function decideVerbForm(word: string): boolean {
  if (word.length < 2 || /^(ال|لل)/.test(word) || /[^\u0621-\u064a]/.test(word)) return false;
  if (FUNCTION_WORDS.has(word) || PREPOSITIONS.has(word)) return false;
  if (wordCount(word) < MIN_COUNT || takesArticle(word)) return false;
  if (isVerbalNounShape(word)) return false;
  // فعلاء, the feminine of colours and traits and a shape of women's names (نجلاء، شيماء,
  // لمياء): no verb form has five letters ending in اء unless it opens with ا (استاء)
  if (word.length === 5 && word.endsWith("اء") && word[0] !== "ا") return false;
  // an indefinite accusative (مرارا، حاليا، رسميا) ends in ا; a verb of five letters or more
  // ends in ا only as a dual (اعتبرا), rare in news
  if (word.length >= 5 && word.endsWith("ا") && !word.endsWith("وا")) return false;
  // shorter ones when the noun without ا takes the article (حصرا، ردا)
  if (word.endsWith("ا") && word.length >= 3) {
    if (takesArticle(word.slice(0, -1))) return false;
  }
  // a noun with a possessive pronoun (ذاته، إدانتها، تصريحاته) never takes the article either:
  // its bare stem does (الذات، الإدانة)
  const possessed = /^(.{2,}?)(هما|هم|ها|ه)$/.exec(word)?.[1];
  if (possessed) {
    for (const stem of [possessed, possessed.replace(/ت$/, "ه"), possessed.replace(/ات$/, "")])
      if (takesArticle(stem)) return false;
  }
  // a noun behind a fused preposition (بغاية، لقاء، كرئيس) never takes the article either
  if (/^[بلك]/.test(word) && word.length >= 4 && takesArticle(word.slice(1))) return false;
  return true;
}

/** Whether the lexicon knows a form and sees it with the article more than a verb would be. */
function takesArticle(word: string): boolean {
  const count = wordCount(word);
  return count >= MIN_COUNT && wordCount(`ال${word}`) > ARTICLE_SHARE * count;
}

/**
 * Verbal nouns of the derived forms, which news uses in construct and so rarely with the article:
 * تفعيل (تعزيز، تنفيذ) and the forms with ا before the last root letter (إعلان، اجتماع، استقبال)
 * whose verb (أعلن، اجتمع، استقبل) is itself in the lexicon.
 */
function isVerbalNounShape(word: string): boolean {
  if (word.length === 5 && word[0] === "ت" && word[3] === "ي") return true;
  if (word.length >= 5 && word[0] === "ا" && word[word.length - 2] === "ا") {
    const verb = word.slice(0, -2) + word.slice(-1);
    return wordCount(verb) >= MIN_COUNT;
  }
  return false;
}

/**
 * The agreement a verb form shows, by its affixes: a present tense's prefix (ي he, ت she), a
 * past tense's suffix (ت she, وا they), the plural ending ون. Forms that show nothing (a past
 * 3rd masculine singular such as قال) are masculine singular.
 */
export function verbAgreement(verb: string): Agreement {
  if (verb.length < 3) return {};
  const first = verb[0];
  // ت opens both a present (تقول she says) and some past stems (تابع، تساءل): a present has
  // a يـ twin in the corpus
  const present = first === "ي" || (first === "ت" && wordCount(`ي${verb.slice(1)}`) > 0);
  if (present) {
    if (verb.endsWith("ون") || verb.endsWith("وا")) return { gender: "m", plural: true };
    if (verb.endsWith("ن") && verb.length > 4 && first === "ي")
      return { gender: "f", plural: true };
    // ت + present: she (تقول); the 2nd person is rare in reporting
    return { gender: first === "ي" ? "m" : "f" };
  }
  if (verb.endsWith("وا")) return { gender: "m", plural: true };
  // an object pronoun after the subject's suffix: رفضته (she rejected it), أبلغوه (they told him)
  if (verb.length >= 5 && /(?:ت|وا?)(?:ه|ها|هم|هما|هن|ني|نا|ك|كم)$/.test(verb)) {
    if (/و(?:ه|ها|هم|هما|هن|ني|نا|ك|كم)$/.test(verb)) return { gender: "m", plural: true };
    if (/ت(?:ه|ها|هم|هما|هن|ني|نا|ك|كم)$/.test(verb)) return { gender: "f" };
  }
  if (verb.endsWith("تا")) return { gender: "f", plural: true };
  if (verb.endsWith("ت")) return { gender: "f" };
  return { gender: "m" };
}
