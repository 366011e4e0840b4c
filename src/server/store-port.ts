/**
 * What the HTTP server needs from the article store: the read queries behind the API, and one
 * optional write for `POST /api/ingest`. The server depends on this interface only, so its
 * tests run over an in-memory fake; the `Store` of src/store (SQLite or PostgreSQL) satisfies it
 * as it is. Answers may come at once or as promises.
 */
import type { Analysis } from "../analysis.js";
import type {
  ArticleRecord,
  EntityEvents,
  EntityProfile,
  QuoteQuery,
  QuoteRecord,
  SearchQuery,
  SearchResult,
  StoreStats,
} from "../store/types.js";

/** Where an article posted to the API came from. */
export interface PostedSource {
  /** The URL fetched, or `api:<content hash>` for posted text. */
  key: string;
  kind: "url" | "file";
  fetchedAt?: string;
}

export interface PostedRaw {
  kind: "text" | "html";
  content: string;
}

export interface WriteResult {
  status: "added" | "duplicate" | "failed";
  /** The article stored (the one already there, for a duplicate). */
  id?: number;
  reason?: string;
}

type Awaitable<T> = T | Promise<T>;

export interface StorePort {
  /** Throws an `InputError` (or a `StoreQueryError`) for a malformed query: the API answers 400. */
  search(q: SearchQuery): Awaitable<SearchResult>;
  article(id: number): Awaitable<ArticleRecord | undefined>;
  /** By key or by name. */
  entity(keyOrName: string): Awaitable<EntityProfile | undefined>;
  /**
   * The entity's realised events as source or target, once per story cluster: the newest
   * `limit` (dated newest first, then undated), their total and the actor network over all.
   */
  entityEvents(keyOrName: string, limit?: number): Awaitable<EntityEvents | undefined>;
  /** Newest first, `limit` and `offset` applied. */
  quotes(q: QuoteQuery): Awaitable<QuoteRecord[]>;
  stats(): Awaitable<StoreStats>;
  /** Stores one analysed article; absent on a read-only store. */
  add?(analysis: Analysis, source: PostedSource, raw?: PostedRaw): Awaitable<WriteResult>;
}

/** A query the store cannot run (bad syntax, unknown filter): the API answers 400. */
export class StoreQueryError extends Error {
  override readonly name = "StoreQueryError";
}
