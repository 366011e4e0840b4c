/**
 * The article store: ingest (files, folders, JSONL, pages, feeds) into one SQLite file or a
 * PostgreSQL database, then
 * full-text search with Arabic-aware matching, quotes by speaker, entity profiles and story
 * clusters of near-duplicate articles.
 */
export { entityKey, lookupKey } from "./derive.js";
export { type FeedItem, isFeed, parseFeed } from "./feed.js";
export {
  createRunner,
  feedItemSource,
  fetchPageOrFeed,
  type IngestCounts,
  type IngestOptions,
  type IngestProgress,
  type IngestSummary,
  ingest,
  MAX_FAILURES_KEPT,
  type QueuedSource,
  queueSources,
  type Runner,
  Warnings,
} from "./ingest.js";
export { type CopyProgress, type CopySummary, copyStore } from "./migrate.js";
export { type ParsedQuery, parseQuery } from "./query.js";
export {
  type BatchEntry,
  type OpenOptions,
  openStore,
  type SourceInfo,
  type SourceKind,
  type SourceRecord,
  Store,
  type WriteOutcome,
} from "./store.js";
export type * from "./types.js";
export { isPostgresUrl, redactUrl } from "./url.js";
export { PoliteFetcher, type PoliteOptions, USER_AGENT } from "./web.js";
export type { AnalyseTask } from "./worker.js";
