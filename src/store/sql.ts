/**
 * The one seam between the store and its database. The store's queries are written once, in the
 * SQL that SQLite and PostgreSQL share (`?` placeholders, `ON CONFLICT`, `RETURNING`, window
 * functions, aliased subqueries, `"end"` quoted, `NULLS LAST` spelled out where NULLs are sorted:
 * the two put them at opposite ends by default); each backend adapts that to its driver and says
 * where the two differ (full-text search, the write lock) in its `Dialect`.
 */
import type { ArticleRows } from "./derive.js";
import type { ParsedQuery } from "./query.js";

export type Params = readonly unknown[];

/** A connection or a transaction: what the store's queries run on. */
export interface SqlRunner {
  all<T>(sql: string, params?: Params): Promise<T[]>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  /** The first column of the first row. */
  value<T>(sql: string, params?: Params): Promise<T | undefined>;
  run(sql: string, params?: Params): Promise<void>;
}

export interface SqlDatabase extends SqlRunner {
  readonly dialect: Dialect;
  /**
   * Runs `work` in one transaction that holds the store's write lock: writers take turns, so
   * content-hash dedupe and story clusters see every earlier write, whichever process made it.
   */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** The rows of a query, read in pages, for exports of a whole store. */
  iterate<T>(sql: string, params?: Params): AsyncIterable<T>;
  close(): Promise<void>;
}

/** A parsed full-text query in the backend's own syntax, and how to match and rank it. */
export interface TextMatch {
  /** FROM clause joining the text index to `articles a`. */
  from: string;
  /** The WHERE condition (its parameters in `params`). */
  where: string;
  /** A score expression, lower is better (its parameters in `scoreParams`). */
  score: string;
  params: unknown[];
  scoreParams: unknown[];
}

export interface Dialect {
  readonly name: "sqlite" | "postgres";
  /** Refreshes the planner's statistics (after many writes; PostgreSQL may run no autovacuum). */
  readonly optimizeSql: string;
  /** The LIMIT that means none. */
  readonly noLimit: number | null;
  /** Case-insensitive LIKE. */
  readonly like: string;
  /** The statement that adds an article's words to the text index. */
  indexSql: string;
  indexParams(
    article: number,
    cluster: number,
    rows: Pick<ArticleRows, "fts" | "published">,
  ): unknown[];
  /**
   * How the text index matches and ranks a parsed query. Its FROM clause names `a` a table with
   * the article's `id`, `cluster` and `published` (the articles table joined, or the index's own
   * copy of them).
   */
  textMatch(query: ParsedQuery): TextMatch;
  /** Whether an error is the text index refusing a query (told to the user as such). */
  isTextQueryError(error: unknown): boolean;
}
