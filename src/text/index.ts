/** The Arabic text layer: normalisation, tokens, clitics, sentences and language. */
export { mentionCore, segmentWord } from "./clitics.js";
export { detectLanguage } from "./language.js";
export { hamzaShare, lexiconInfo, wordCount } from "./lexicon.js";
export {
  type NormalizedText,
  normalizeArabic,
  normalizeWithOffsets,
  toOriginalSpan,
} from "./normalize.js";
export { splitSentences } from "./sentences.js";
export { type TokenizeOptions, tokenize, tokenizeWithSegments } from "./tokenize.js";
