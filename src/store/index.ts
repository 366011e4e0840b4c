/**
 * The article store: ingest (files, folders, JSONL, pages, feeds) into one SQLite file, then
 * full-text search with Arabic-aware matching, quotes by speaker, entity profiles and story
 * clusters of near-duplicate articles.
 */
export { entityKey, lookupKey } from "./derive.js";
export { type FeedItem, isFeed, parseFeed } from "./feed.js";
export {
  type IngestCounts,
  type IngestOptions,
  type IngestProgress,
  type IngestSummary,
  ingest,
} from "./ingest.js";
export { type ParsedQuery, parseQuery } from "./query.js";
export {
  type BatchEntry,
  type OpenOptions,
  openStore,
  type SourceInfo,
  type SourceKind,
  Store,
  type WriteOutcome,
} from "./store.js";
export type * from "./types.js";
export { type PoliteOptions, USER_AGENT } from "./web.js";
