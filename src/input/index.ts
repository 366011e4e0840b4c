/**
 * Input: reading articles from files, standard input and URLs, and turning pages into clean text
 * with metadata.
 */

export { stripBoilerplate } from "./boilerplate.js";
export { decodeBytes } from "./charset.js";
export { findDateline } from "./dateline.js";
export { parseDateHint, toIsoDate } from "./dates.js";
export {
  DEFAULT_USER_AGENT,
  type FetchedPage,
  type FetchOptions,
  fetchPage,
  isUrl,
  parseHttpUrl,
} from "./fetch.js";
export { extractArticle } from "./html.js";
export {
  DEFAULT_MAX_BYTES,
  type LoadOptions,
  loadSource,
  looksLikeHtml,
  type RawInput,
  type RawKind,
  rawFromBytes,
} from "./load.js";
export {
  type ArticleHints,
  MAX_TEXT_LENGTH,
  type PreparedArticle,
  prepareArticle,
} from "./prepare.js";
