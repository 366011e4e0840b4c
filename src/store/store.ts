/**
 * The article store: what ingest read, the analyses, the tables queries join (entities,
 * mentions, quotes, times, events), a full-text index and the story clusters, in one SQLite file
 * or one PostgreSQL database. The queries are written once (src/store/sql.ts says how the two
 * backends meet). Every source is written in the same transaction as its article, so a store
 * killed at any point is consistent and a rerun picks up where it stopped.
 */
import { inflateRawSync } from "node:zlib";
import type { Analysis } from "../analysis.js";
import { knowledgeBase } from "../entities/index.js";
import { InputError } from "../errors.js";
import { normalizeArabic } from "../text/index.js";
import { type ArticleRows, deriveRows, lookupKey } from "./derive.js";
import {
  dateRange,
  type EventRow,
  eventFilters,
  eventNetwork,
  eventRecordOf,
  eventRecordsSql,
  rankedEvents,
} from "./events.js";
import { NEAR_DUPLICATE, signatureFromBytes, signatureToBytes, similarity } from "./minhash.js";
import { parseQuery, queryForms } from "./query.js";
import { buildSnippet } from "./snippet.js";
import type { SqlDatabase, SqlRunner } from "./sql.js";
import { openSqlite } from "./sqlite.js";
import type {
  ArticleRecord,
  ArticleSummary,
  ClusterRef,
  EntityEvents,
  EntityProfile,
  EntityRef,
  EventQuery,
  EventRecord,
  QuoteQuery,
  QuoteRecord,
  SearchHit,
  SearchQuery,
  SearchResult,
  StoreStats,
} from "./types.js";
import { isPostgresUrl, redactUrl } from "./url.js";

export interface OpenOptions {
  /** Open an existing store for reading only (search, the web UI). */
  readonly?: boolean;
  /** PostgreSQL: connections in the pool (default 4). */
  connections?: number;
}

export type SourceKind = "file" | "jsonl" | "url" | "feed" | "feed-item";

export interface SourceInfo {
  /** Absolute path, `path:line` for a JSONL line, or URL. */
  key: string;
  kind: SourceKind;
  /** The JSONL file or feed the source came from. */
  parent?: string | undefined;
  /** When it was read or fetched (ISO); now by default. */
  fetchedAt?: string | undefined;
}

/** A source as recorded, with its outcome. */
export interface SourceRecord extends SourceInfo {
  status: "done" | "failed";
  reason?: string;
}

export type BatchEntry =
  | { source: SourceInfo; rows: ArticleRows }
  | { source: SourceInfo; error: string };

export interface WriteOutcome {
  status: "added" | "duplicate" | "failed";
  /** The article (the one already stored, for a duplicate). */
  id?: number;
  cluster?: ClusterRef;
  reason?: string;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1000;
/** Candidates read per LSH band: a band shared by very many articles says little. */
const BAND_CANDIDATES = 64;
const PROFILE_QUOTES = 50;
/** Events an entity page lists; its network counts up to NETWORK_EVENTS. */
const ENTITY_EVENTS = 200;
const NETWORK_EVENTS = 5000;
const COOCCURRING = 20;

/**
 * Opens the store at `target`, a file path (SQLite) or a `postgres://` URL, creating or
 * upgrading it for writing. A PostgreSQL store is built on first use by any command.
 */
export async function openStore(target: string, options: OpenOptions = {}): Promise<Store> {
  const readonly = options.readonly === true;
  if (isPostgresUrl(target)) {
    // the driver loads only for a PostgreSQL store: most commands open a file
    const { openPostgres } = await import("./postgres.js");
    const db = await openPostgres(target, {
      ...(options.connections ? { connections: options.connections } : {}),
    });
    return new Store(db, redactUrl(target), readonly);
  }
  return new Store(openSqlite(target, readonly), target, readonly);
}

interface SummaryRow {
  id: number;
  source: string;
  title: string | null;
  published: string | null;
  site: string | null;
  cluster: number;
  size: number;
}

interface QuoteRow extends SummaryRow {
  idx: number;
  text: string;
  kind: QuoteRecord["kind"];
  speaker: string | null;
  speaker_type: EntityRef["type"] | null;
  speaker_name: string | null;
  speaker_text: string | null;
  cue: string | null;
}

const SUMMARY_COLUMNS =
  "a.id AS id, a.source AS source, a.title AS title, a.published AS published, a.site AS site, a.cluster AS cluster, c.size AS size";

export class Store {
  /** The file path or the URL (password hidden). */
  readonly location: string;
  readonly readonly: boolean;
  readonly backend: "sqlite" | "postgres";

  constructor(
    private readonly db: SqlDatabase,
    location: string,
    readonly: boolean,
  ) {
    this.location = location;
    this.readonly = readonly;
    this.backend = db.dialect.name;
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /**
   * Refreshes the query planner's statistics, after an ingest: PostgreSQL plans searches by them
   * and a server may run no autovacuum to gather them.
   */
  async optimize(): Promise<void> {
    if (!this.readonly) await this.db.run(this.db.dialect.optimizeSql);
  }

  // -------------------------------------------------------------------------------------------
  // Writing

  /** Analyses already made (the API's analyze-and-store): derives the rows and writes them. */
  async add(
    analysis: Analysis,
    source: SourceInfo,
    raw: { kind: "text" | "html"; content: string } = { kind: "text", content: analysis.text },
  ): Promise<WriteOutcome> {
    return (await this.write([{ source, rows: deriveRows(analysis, raw) }]))[0] as WriteOutcome;
  }

  /** Writes a batch of ingested sources in one transaction. */
  write(batch: readonly BatchEntry[]): Promise<WriteOutcome[]> {
    this.assertWritable();
    return this.db.transaction(async (tx) => {
      const outcomes: WriteOutcome[] = [];
      for (const entry of batch) outcomes.push(await this.writeOne(tx, entry));
      return outcomes;
    });
  }

  /** The sources of a JSONL file or feed that are done. */
  async doneSources(parent: string): Promise<Set<string>> {
    const rows = await this.db.all<{ key: string }>(
      "SELECT key FROM sources WHERE parent = ? AND status = 'done'",
      [parent],
    );
    return new Set(rows.map((r) => r.key));
  }

  /** How a source was recorded, if it was. */
  sourceStatus(key: string): Promise<{ kind: SourceKind; status: "done" | "failed" } | undefined> {
    return this.db.get("SELECT kind, status FROM sources WHERE key = ?", [key]);
  }

  /** Records a source that is not an article itself (a feed) as read, or as failed. */
  async recordSource(source: SourceInfo, error?: string): Promise<void> {
    this.assertWritable();
    await this.db.transaction((tx) =>
      this.upsertSource(tx, source, error === undefined ? "done" : "failed", error ?? null, null),
    );
  }

  private assertWritable(): void {
    if (this.readonly) throw new Error("the store was opened read-only");
  }

  private upsertSource(
    tx: SqlRunner,
    source: SourceInfo,
    status: "done" | "failed",
    reason: string | null,
    article: number | null,
  ): Promise<void> {
    return tx.run(
      `INSERT INTO sources (key, kind, parent, status, reason, article, fetched_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, parent = excluded.parent,
         status = excluded.status, reason = excluded.reason, article = excluded.article,
         fetched_at = excluded.fetched_at`,
      [
        source.key,
        source.kind,
        source.parent ?? null,
        status,
        reason,
        article,
        source.fetchedAt ?? new Date().toISOString(),
      ],
    );
  }

  private async writeOne(tx: SqlRunner, entry: BatchEntry): Promise<WriteOutcome> {
    if ("error" in entry) {
      // a source stored before stays stored: a later failure to read it again changes nothing
      const was = await tx.get<{ status: string; article: number | null }>(
        "SELECT status, article FROM sources WHERE key = ?",
        [entry.source.key],
      );
      if (was?.status === "done" && was.article !== null) {
        return {
          status: "duplicate",
          id: was.article,
          cluster: await this.clusterOf(tx, was.article),
        };
      }
      await this.upsertSource(tx, entry.source, "failed", entry.error, null);
      return { status: "failed", reason: entry.error };
    }
    const { rows, source } = entry;
    const existing = await tx.get<{ id: number; cluster: number }>(
      "SELECT id, cluster FROM articles WHERE hash = ?",
      [rows.hash],
    );
    if (existing) {
      await this.upsertSource(tx, source, "done", null, existing.id);
      return {
        status: "duplicate",
        id: existing.id,
        cluster: await this.clusterRef(tx, existing.cluster),
      };
    }
    const near = rows.signature
      ? await this.nearDuplicateCluster(tx, rows.signature, rows.bands)
      : undefined;
    const cluster: ClusterRef =
      near === undefined
        ? {
            id: Number(await tx.value("INSERT INTO clusters (size) VALUES (1) RETURNING id")),
            size: 1,
          }
        : {
            id: near,
            size: Number(
              await tx.value("UPDATE clusters SET size = size + 1 WHERE id = ? RETURNING size", [
                near,
              ]),
            ),
          };
    const fetchedAt = source.fetchedAt ?? new Date().toISOString();
    const id = Number(
      await tx.value(
        `INSERT INTO articles (hash, source, url, title, published, site, fetched_at, cluster)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [
          rows.hash,
          source.key,
          rows.url,
          rows.title,
          rows.published,
          rows.site,
          fetchedAt,
          cluster.id,
        ],
      ),
    );
    await tx.run(
      "INSERT INTO article_content (article, raw_kind, raw, text, analysis) VALUES (?, ?, ?, ?, ?)",
      [
        id,
        rows.rawKind,
        Buffer.from(rows.raw.buffer, rows.raw.byteOffset, rows.raw.byteLength),
        rows.text,
        rows.analysisJson,
      ],
    );
    await tx.run(this.db.dialect.indexSql, this.db.dialect.indexParams(id, cluster.id, rows));
    if (rows.signature) {
      await tx.run("INSERT INTO signatures (article, sig) VALUES (?, ?)", [
        id,
        signatureToBytes(rows.signature),
      ]);
      await insertRows(
        tx,
        "INSERT INTO lsh (band, key, article)",
        rows.bands.map((key, band) => [band, key, id]),
        " ON CONFLICT DO NOTHING",
      );
    }
    await this.writeFacts(tx, id, rows);
    await this.upsertSource(tx, source, "done", null, id);
    return { status: "added", id, cluster };
  }

  private async writeFacts(tx: SqlRunner, id: number, rows: ArticleRows): Promise<void> {
    // the entities of one article have distinct keys, so one upsert takes them all
    await insertRows(
      tx,
      "INSERT INTO entities (key, type, name, name_en, kb_id, wikidata, cameo, iso, articles, mentions)",
      rows.entities.map((e) => [
        e.key,
        e.type,
        e.name,
        e.nameEn,
        e.kbId,
        e.wikidata,
        e.cameo,
        e.iso,
        1,
        e.mentions.length,
      ]),
      ` ON CONFLICT (key) DO UPDATE SET articles = entities.articles + 1,
         mentions = entities.mentions + excluded.mentions,
         name_en = coalesce(entities.name_en, excluded.name_en),
         wikidata = coalesce(entities.wikidata, excluded.wikidata),
         cameo = coalesce(entities.cameo, excluded.cameo), iso = coalesce(entities.iso, excluded.iso)`,
    );
    await insertRows(
      tx,
      "INSERT INTO entity_names (name, key)",
      rows.entities.flatMap((e) => e.names.map((n) => [n, e.key])),
      " ON CONFLICT DO NOTHING",
    );
    await insertRows(
      tx,
      "INSERT INTO article_entities (article, entity, mentions)",
      rows.entities.map((e) => [id, e.key, e.mentions.length]),
    );
    await insertRows(
      tx,
      `INSERT INTO mentions (article, entity, start, "end", confidence)`,
      rows.entities.flatMap((e) =>
        e.mentions.map(([start, end, confidence]) => [id, e.key, start, end, confidence]),
      ),
    );
    await insertRows(
      tx,
      `INSERT INTO quotes (article, idx, start, "end", text, kind, speaker, speaker_text, cue, confidence)`,
      rows.quotes.map((q) => [
        id,
        q.index,
        q.start,
        q.end,
        q.text,
        q.kind,
        q.speaker,
        q.speakerText,
        q.cue,
        q.confidence,
      ]),
    );
    // the entities a quote is about point at its row: one read of the article's quote ids
    const about = rows.quotes.flatMap((q) => q.about.map((key) => ({ key, index: q.index })));
    if (about.length > 0) {
      const quoteIds = new Map<number, number>();
      const stored = await tx.all<{ id: number; idx: number }>(
        "SELECT id, idx FROM quotes WHERE article = ?",
        [id],
      );
      for (const row of stored) quoteIds.set(Number(row.idx), Number(row.id));
      await insertRows(
        tx,
        "INSERT INTO quote_about (entity, quote)",
        about.map((a) => [a.key, quoteIds.get(a.index)]),
        " ON CONFLICT DO NOTHING",
      );
    }
    await insertRows(
      tx,
      `INSERT INTO times (article, start, "end", text, type, value, resolved, mod)`,
      rows.times.map((t) => [id, t.start, t.end, t.text, t.type, t.value, t.resolved, t.mod]),
    );
    await insertRows(
      tx,
      `INSERT INTO events (article, idx, type, mode, status, background, source, target,
         source_code, source_sector, source_text, target_code, target_sector, target_text,
         date, place, trigger_start, trigger_end, trigger_text, start, "end", text, confidence)`,
      rows.events.map((e) => [
        id,
        e.index,
        e.type,
        e.mode,
        e.status,
        e.background ? 1 : 0,
        e.source,
        e.target,
        e.sourceActor.code,
        e.sourceActor.sector,
        e.sourceActor.text,
        e.targetActor.code,
        e.targetActor.sector,
        e.targetActor.text,
        e.date,
        e.place,
        e.trigger?.start ?? null,
        e.trigger?.end ?? null,
        e.trigger?.text ?? null,
        e.start,
        e.end,
        e.text,
        e.confidence,
      ]),
    );
  }

  /** The cluster of the most similar stored article with estimated Jaccard ≥ NEAR_DUPLICATE. */
  private async nearDuplicateCluster(
    tx: SqlRunner,
    sig: Uint32Array,
    bands: readonly number[],
  ): Promise<number | undefined> {
    // every band's bucket in one query, and the candidates' signatures in another
    const buckets = bands.map(
      () =>
        `SELECT article FROM (SELECT article FROM lsh WHERE band = ? AND key = ? LIMIT ${BAND_CANDIDATES}) AS b`,
    );
    const found = await tx.all<{ article: number }>(
      buckets.join(" UNION "),
      bands.flatMap((key, band) => [band, key]),
    );
    const candidates = [...new Set(found.map((r) => Number(r.article)))];
    const signatures =
      candidates.length === 0
        ? []
        : await tx.all<{ article: number; sig: Uint8Array; cluster: number }>(
            `SELECT s.article AS article, s.sig AS sig, a.cluster AS cluster
             FROM signatures s JOIN articles a ON a.id = s.article
             WHERE s.article IN (${candidates.map(() => "?").join(", ")})`,
            candidates,
          );
    let best: { article: number; cluster: number } | undefined;
    let bestScore = NEAR_DUPLICATE;
    for (const row of signatures) {
      const article = Number(row.article);
      const score = similarity(sig, signatureFromBytes(row.sig));
      if (score >= bestScore && (!best || score > bestScore || article < best.article)) {
        best = { article, cluster: Number(row.cluster) };
        bestScore = score;
      }
    }
    return best?.cluster;
  }

  private async clusterRef(tx: SqlRunner, id: number): Promise<ClusterRef> {
    const size = await tx.value<number>("SELECT size FROM clusters WHERE id = ?", [id]);
    return { id, size: size ?? 0 };
  }

  private async clusterOf(tx: SqlRunner, article: number): Promise<ClusterRef | undefined> {
    const cluster = await tx.value<number>("SELECT cluster FROM articles WHERE id = ?", [article]);
    return cluster === undefined ? undefined : this.clusterRef(tx, cluster);
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  async stats(): Promise<StoreStats> {
    const count = async (table: string) =>
      Number(await this.db.value(`SELECT count(*) FROM ${table}`));
    return {
      articles: await this.articleCount(),
      clusters: await count("clusters"),
      entities: await count("entities"),
      quotes: await count("quotes"),
      events: await this.countEvents(),
      sources: await count("sources"),
      failed: Number(await this.db.value("SELECT count(*) FROM sources WHERE status = 'failed'")),
    };
  }

  /**
   * Full-text search with filters, ranked (bm25 on SQLite, ts_rank on PostgreSQL); one hit per
   * story cluster unless `collapse: false`. Throws an InputError for a malformed query or filter.
   */
  async search(query: SearchQuery): Promise<SearchResult> {
    const limit = clampInt(query.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    const offset = clampInt(query.offset, 0, 0, Number.MAX_SAFE_INTEGER);
    const text = query.q?.trim() ?? "";
    const parsed = text === "" ? undefined : parseQuery(text);
    const match = parsed ? this.db.dialect.textMatch(parsed) : undefined;
    const where: string[] = [];
    const params: unknown[] = [];
    if (match) {
      where.push(match.where);
      params.push(...match.params);
    }
    for (const [value, sql] of [
      [query.entity, "a.id IN (SELECT article FROM article_entities WHERE entity IN (#))"],
      [query.speaker, "a.id IN (SELECT article FROM quotes WHERE speaker IN (#))"],
    ] as const) {
      if (value === undefined || value.trim() === "") continue;
      const keys = await this.resolveKeys(value);
      if (keys.length === 0) return { total: 0, hits: [] };
      where.push(sql.replace("#", keys.map(() => "?").join(", ")));
      params.push(...keys);
    }
    dateRange(query, "a.published", where, params);
    if (query.source !== undefined && query.source.trim() !== "") {
      const pattern = `%${query.source.trim().replace(/[\\%_]/g, "\\$&")}%`;
      const like = this.db.dialect.like;
      where.push(
        `a.id IN (SELECT id FROM articles WHERE source ${like} ? ESCAPE '\\' OR url ${like} ? ESCAPE '\\' OR site ${like} ? ESCAPE '\\')`,
      );
      params.push(pattern, pattern, pattern);
    }
    const collapse = query.collapse !== false;
    const inner = match
      ? `SELECT a.id AS id, a.cluster AS cluster, ${match.score} AS score, a.published AS published
         FROM ${match.from} WHERE ${where.join(" AND ")}`
      : `SELECT a.id AS id, a.cluster AS cluster, 0 AS score, a.published AS published
         FROM articles a${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`;
    const innerParams = match ? [...match.scoreParams, ...params] : params;
    // without words, the newest first; a cluster shows its best (or newest) article
    const best = match ? "score, id" : "coalesce(published, '') DESC, id DESC";
    const order = match ? "score, id" : "published DESC NULLS LAST, id DESC";
    const grouped = collapse
      ? `SELECT id, score, published, n FROM (
           SELECT id, score, published, row_number() OVER (PARTITION BY cluster ORDER BY ${best}) AS pick,
             count(*) OVER (PARTITION BY cluster) AS n FROM m) AS c WHERE pick = 1`
      : "SELECT id, score, published, 1 AS n FROM m";
    // MATERIALIZED: the rank must be computed in the text-index query itself
    const withM = `WITH m AS MATERIALIZED (${inner})`;
    const sql = `${withM} SELECT id, score, n, count(*) OVER () AS total FROM (${grouped}) AS g
      ORDER BY ${order} LIMIT ? OFFSET ?`;
    const rows = await this.textGuard(() =>
      this.db.all<{ id: number; score: number; n: number; total: number }>(sql, [
        ...innerParams,
        limit,
        offset,
      ]),
    );
    let total = Number(rows[0]?.total ?? 0);
    if (rows.length === 0 && offset > 0) {
      total = Number(
        await this.textGuard(() =>
          this.db.value(`${withM} SELECT count(*) FROM (${grouped}) AS g`, innerParams),
        ),
      );
    }
    const forms = parsed ? queryForms(parsed) : undefined;
    // the page's articles in one query, not one per hit
    const found = new Map<number, SummaryRow & { text: string }>();
    if (rows.length > 0) {
      const page = await this.db.all<SummaryRow & { text: string }>(
        `SELECT ${SUMMARY_COLUMNS}, t.text AS text FROM articles a JOIN clusters c ON c.id = a.cluster
         JOIN article_content t ON t.article = a.id WHERE a.id IN (${rows.map(() => "?").join(", ")})`,
        rows.map((r) => r.id),
      );
      for (const row of page) found.set(Number(row.id), row);
    }
    const hits: SearchHit[] = [];
    for (const row of rows) {
      const article = found.get(Number(row.id));
      if (!article) continue;
      const score = Number(row.score);
      hits.push({
        ...summaryOf(article),
        score: score === 0 ? 0 : -score,
        matches: Number(row.n),
        snippet: buildSnippet(article.text, forms),
      });
    }
    return { total, hits };
  }

  /**
   * The query parser only builds well-formed text queries; should the index still refuse one,
   * the user hears that the query could not be run, not an SQL error.
   */
  private async textGuard<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (this.db.dialect.isTextQueryError(error)) {
        throw new InputError(
          "bad-option",
          `the query could not be run (${(error as Error).message})`,
        );
      }
      throw error;
    }
  }

  /**
   * Who said what: quotes with their speaker and article, newest first. `speaker` and `about` are
   * entity keys or names (resolved like `resolve`); a name that resolves to nothing gives [].
   */
  async quotes(query: QuoteQuery = {}): Promise<QuoteRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.speaker !== undefined && query.speaker.trim() !== "") {
      const keys = await this.resolveKeys(query.speaker);
      if (keys.length === 0) return [];
      where.push(`q.speaker IN (${keys.map(() => "?").join(", ")})`);
      params.push(...keys);
    }
    if (query.about !== undefined && query.about.trim() !== "") {
      const keys = await this.resolveKeys(query.about);
      if (keys.length === 0) return [];
      where.push(
        `q.id IN (SELECT quote FROM quote_about WHERE entity IN (${keys.map(() => "?").join(", ")}))`,
      );
      params.push(...keys);
    }
    dateRange(query, "a.published", where, params);
    return this.quoteRows(where, params, query);
  }

  private async quoteRows(
    where: string[],
    params: unknown[],
    options: {
      limit?: number | undefined;
      offset?: number | undefined;
      collapse?: boolean | undefined;
    },
  ): Promise<QuoteRecord[]> {
    const limit = clampInt(options.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    const offset = clampInt(options.offset, 0, 0, Number.MAX_SAFE_INTEGER);
    // a wire story reprinted five times carries its quotes five times: show each once
    const rank =
      options.collapse === false
        ? "1"
        : "row_number() OVER (PARTITION BY a.cluster, q.speaker, q.text ORDER BY a.id)";
    const sql = `SELECT * FROM (
        SELECT ${SUMMARY_COLUMNS}, q.idx AS idx, q.text AS text, q.kind AS kind, q.speaker AS speaker,
          e.type AS speaker_type, e.name AS speaker_name, q.speaker_text AS speaker_text, q.cue AS cue,
          ${rank} AS rank
        FROM quotes q JOIN articles a ON a.id = q.article JOIN clusters c ON c.id = a.cluster
          LEFT JOIN entities e ON e.key = q.speaker
        ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ) AS r WHERE rank = 1 ORDER BY published DESC NULLS LAST, id DESC, idx LIMIT ? OFFSET ?`;
    const rows = await this.db.all<QuoteRow>(sql, [...params, limit, offset]);
    return rows.map((r) => ({
      article: summaryOf(r),
      index: r.idx,
      text: r.text,
      kind: r.kind,
      speaker:
        r.speaker === null
          ? null
          : {
              key: r.speaker,
              type: r.speaker_type ?? "MISC",
              name: r.speaker_name ?? r.speaker,
            },
      ...(r.speaker_text !== null ? { speakerText: r.speaker_text } : {}),
      ...(r.cue !== null ? { cue: r.cue } : {}),
    }));
  }

  /**
   * Events with their actors and article, newest event date first (or in article order), one
   * per story cluster unless `collapse: false`, realised ones unless `status` says otherwise.
   * An `entity` that resolves to nothing gives [].
   */
  async events(query: EventQuery = {}): Promise<EventRecord[]> {
    const limit = clampInt(query.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    const offset = clampInt(query.offset, 0, 0, Number.MAX_SAFE_INTEGER);
    const plan = await this.eventPlan(query);
    if (!plan) return [];
    const rows = await this.db.all<EventRow>(plan.sql, [...plan.params, limit, offset]);
    return rows.map(eventRecordOf);
  }

  /** Every event the query selects (no limit), read in pages: for exports of the whole store. */
  async *allEvents(query: Omit<EventQuery, "limit" | "offset"> = {}): AsyncIterable<EventRecord> {
    const plan = await this.eventPlan({ order: "article", ...query });
    if (!plan) return;
    const rows = this.db.iterate<EventRow>(plan.sql, [...plan.params, this.db.dialect.noLimit, 0]);
    for await (const row of rows) yield eventRecordOf(row);
  }

  private async eventPlan(
    query: EventQuery,
  ): Promise<{ sql: string; params: unknown[] } | undefined> {
    let keys: string[] | undefined;
    if (query.entity !== undefined && query.entity.trim() !== "") {
      keys = await this.resolveKeys(query.entity);
      if (keys.length === 0) return undefined;
    }
    const { where, params } = eventFilters(query, keys);
    const sql = `${rankedEvents(where, query.collapse !== false)} ${eventRecordsSql(query.order ?? "date")}`;
    return { sql, params };
  }

  /**
   * An entity's realised events (as source or target), once per story: the newest `limit` for
   * its timeline, the count, and the network of who acted on whom over all of them.
   */
  async entityEvents(keyOrName: string, limit = ENTITY_EVENTS): Promise<EntityEvents | undefined> {
    const entity = (await this.resolve(keyOrName))[0];
    if (!entity) return undefined;
    const plan = (await this.eventPlan({ entity: entity.key })) as {
      sql: string;
      params: unknown[];
    };
    const all = (await this.db.all<EventRow>(plan.sql, [...plan.params, NETWORK_EVENTS, 0])).map(
      eventRecordOf,
    );
    return {
      entity,
      total:
        all.length < NETWORK_EVENTS ? all.length : await this.countEvents({ entity: entity.key }),
      events: all.slice(0, clampInt(limit, ENTITY_EVENTS, 1, MAX_LIMIT)),
      network: eventNetwork(all),
    };
  }

  /** How many events the query selects (once per story unless `collapse: false`). */
  async countEvents(query: Omit<EventQuery, "limit" | "offset" | "order"> = {}): Promise<number> {
    let keys: string[] | undefined;
    if (query.entity !== undefined && query.entity.trim() !== "") {
      keys = await this.resolveKeys(query.entity);
      if (keys.length === 0) return 0;
    }
    const { where, params } = eventFilters(query, keys);
    const sql = `${rankedEvents(where, query.collapse !== false)} SELECT count(*) FROM g WHERE rank = 1`;
    return Number(await this.db.value(sql, params));
  }

  /** An entity's profile, by key or by name; undefined when the store does not know it. */
  async entity(keyOrName: string): Promise<EntityProfile | undefined> {
    const key = (await this.resolveKeys(keyOrName))[0];
    if (key === undefined) return undefined;
    const row = await this.db.get<{
      key: string;
      type: EntityRef["type"];
      name: string;
      name_en: string | null;
      kb_id: string | null;
      wikidata: string | null;
      cameo: string | null;
      iso: string | null;
      articles: number;
      mentions: number;
    }>("SELECT * FROM entities WHERE key = ?", [key]);
    if (!row) return undefined;
    const timeline = (
      await this.db.all<{ month: string; mentions: number }>(
        `SELECT substr(a.published, 1, 7) AS month, sum(ae.mentions) AS mentions
         FROM article_entities ae JOIN articles a ON a.id = ae.article
         WHERE ae.entity = ? AND a.published IS NOT NULL GROUP BY month ORDER BY month`,
        [key],
      )
    ).map((t) => ({ month: t.month, mentions: Number(t.mentions) }));
    const cooccurring = (
      await this.db.all<EntityRef & { articles: number }>(
        `SELECT e.key AS key, e.type AS type, e.name AS name, count(*) AS articles
         FROM article_entities x JOIN article_entities y ON y.article = x.article AND y.entity != x.entity
           JOIN entities e ON e.key = y.entity
         WHERE x.entity = ? GROUP BY e.key ORDER BY articles DESC, e.articles DESC, e.key
         LIMIT ${COOCCURRING}`,
        [key],
      )
    ).map((e) => ({ ...e, articles: Number(e.articles) }));
    const kb =
      row.kb_id === null
        ? undefined
        : {
            id: row.kb_id,
            ...(row.wikidata ? { wikidata: row.wikidata } : {}),
            ...(row.cameo ? { cameo: row.cameo } : {}),
            ...(row.iso ? { iso: row.iso } : {}),
          };
    return {
      key: row.key,
      type: row.type,
      name: row.name,
      ...(row.name_en ? { nameEn: row.name_en } : {}),
      ...(kb ? { kb } : {}),
      articles: row.articles,
      mentions: row.mentions,
      timeline,
      quotesBy: await this.quoteRows(["q.speaker = ?"], [key], { limit: PROFILE_QUOTES }),
      quotesAbout: await this.quoteRows(
        ["q.id IN (SELECT quote FROM quote_about WHERE entity = ?)"],
        [key],
        { limit: PROFILE_QUOTES },
      ),
      cooccurring,
    };
  }

  /** One article with its analysis; undefined for an unknown id. */
  async article(id: number): Promise<ArticleRecord | undefined> {
    if (!Number.isSafeInteger(id)) return undefined;
    const row = await this.db.get<
      SummaryRow & { text: string; analysis: string; fetched_at: string }
    >(
      `SELECT ${SUMMARY_COLUMNS}, t.text AS text, t.analysis AS analysis, a.fetched_at AS fetched_at
       FROM articles a JOIN clusters c ON c.id = a.cluster JOIN article_content t ON t.article = a.id
       WHERE a.id = ?`,
      [id],
    );
    if (!row) return undefined;
    const {
      schema,
      id: analysisId,
      meta,
      ...rest
    } = JSON.parse(row.analysis) as Omit<Analysis, "text">;
    const analysis = {
      schema,
      ...(analysisId !== undefined ? { id: analysisId } : {}),
      meta,
      text: row.text,
      ...rest,
    } as Analysis;
    return { ...summaryOf(row), fetchedAt: row.fetched_at, analysis };
  }

  /** The input an article was analysed from, as read. */
  async rawInput(id: number): Promise<{ kind: "text" | "html"; content: string } | undefined> {
    const row = await this.db.get<{ raw_kind: "text" | "html"; raw: Buffer }>(
      "SELECT raw_kind, raw FROM article_content WHERE article = ?",
      [id],
    );
    if (!row) return undefined;
    return { kind: row.raw_kind, content: inflateRawSync(row.raw).toString("utf8") };
  }

  async articleCount(): Promise<number> {
    return Number(await this.db.value("SELECT count(*) FROM articles"));
  }

  /** Up to `limit` article ids above `after`, in order: for copying a store page by page. */
  async articleIds(after: number, limit: number): Promise<number[]> {
    const rows = await this.db.all<{ id: number }>(
      "SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?",
      [after, limit],
    );
    return rows.map((r) => Number(r.id));
  }

  /** The sources recorded for an article, or (null) those without one: failures and feeds. */
  async sourcesOf(article: number | null, after: string, limit: number): Promise<SourceRecord[]> {
    const rows = await this.db.all<{
      key: string;
      kind: SourceKind;
      parent: string | null;
      status: "done" | "failed";
      reason: string | null;
      fetched_at: string;
    }>(
      `SELECT key, kind, parent, status, reason, fetched_at FROM sources
       WHERE ${article === null ? "article IS NULL" : "article = ?"} AND key > ? ORDER BY key LIMIT ?`,
      article === null ? [after, limit] : [article, after, limit],
    );
    return rows.map((r) => ({
      key: r.key,
      kind: r.kind,
      ...(r.parent !== null ? { parent: r.parent } : {}),
      fetchedAt: r.fetched_at,
      status: r.status,
      ...(r.reason !== null ? { reason: r.reason } : {}),
    }));
  }

  /**
   * The stored entities a key or name stands for, best first: an exact key (or TYPE:name);
   * else the best knowledge-base entry for the name that the store has; else the entities whose
   * name or mentions were written that way, most frequent first.
   */
  async resolve(name: string): Promise<EntityRef[]> {
    const wanted = name.trim();
    if (wanted === "") return [];
    const byKey = (key: string) =>
      this.db.get<EntityRef>("SELECT key, type, name FROM entities WHERE key = ?", [key]);
    const exact = await byKey(wanted);
    if (exact) return [exact];
    const typed = /^(PER|ORG|LOC|MISC):(.+)$/.exec(wanted);
    if (typed) {
      const found = await byKey(`${typed[1]}:${normalizeArabic((typed[2] as string).trim())}`);
      return found ? [found] : [];
    }
    const key = lookupKey(wanted);
    if (key === "") return [];
    for (const entry of knowledgeBase().lookup(key)) {
      const found = await byKey(entry.id);
      if (found) return [found];
    }
    const byName = (value: string) =>
      this.db.all<EntityRef>(
        `SELECT e.key AS key, e.type AS type, e.name AS name FROM entity_names n
         JOIN entities e ON e.key = n.key WHERE n.name = ? ORDER BY e.articles DESC, e.key`,
        [value],
      );
    let found = await byName(key);
    if (found.length === 0) found = await byName(toggleArticle(key));
    return found;
  }

  private async resolveKeys(name: string): Promise<string[]> {
    return (await this.resolve(name)).map((e) => e.key);
  }
}

/** Parameters per statement, below SQLite's oldest limit (999). */
const PARAMS_PER_INSERT = 900;

/**
 * Rows inserted with one statement per few hundred parameters rather than one per row: the
 * round trips are what a PostgreSQL write costs. `head` names the table and columns; `tail`
 * follows the VALUES (an ON CONFLICT clause).
 */
async function insertRows(
  tx: SqlRunner,
  head: string,
  rows: readonly unknown[][],
  tail = "",
): Promise<void> {
  if (rows.length === 0) return;
  const width = (rows[0] as unknown[]).length;
  const per = Math.max(1, Math.floor(PARAMS_PER_INSERT / width));
  const tuple = `(${new Array(width).fill("?").join(", ")})`;
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    await tx.run(
      `${head} VALUES ${new Array(chunk.length).fill(tuple).join(", ")}${tail}`,
      chunk.flat(),
    );
  }
}

function summaryOf(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    source: row.source,
    ...(row.title !== null ? { title: row.title } : {}),
    ...(row.published !== null ? { published: row.published } : {}),
    ...(row.site !== null ? { siteName: row.site } : {}),
    cluster: { id: row.cluster, size: row.size },
  };
}

function toggleArticle(key: string): string {
  return key.startsWith("ال") && key.length > 3 ? key.slice(2) : `ال${key}`;
}

function clampInt(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
