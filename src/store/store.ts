/**
 * The article store: one SQLite file (WAL mode) holding what ingest read, the analyses, the
 * tables queries join (entities, mentions, quotes, times, events), a full-text index and the
 * story clusters. Every source is written in the same transaction as its article, so a store
 * killed at any point is consistent and a rerun picks up where it stopped.
 */
import { existsSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import Database from "better-sqlite3";
import type { Analysis } from "../analysis.js";
import { knowledgeBase } from "../entities/index.js";
import { InputError } from "../errors.js";
import { normalizeArabic } from "../text/index.js";
import { type ArticleRows, deriveRows, lookupKey } from "./derive.js";
import {
  type EventRow,
  eventFilters,
  eventNetwork,
  eventRecordOf,
  eventRecordsSql,
  rankedEvents,
} from "./events.js";
import { NEAR_DUPLICATE, signatureFromBytes, signatureToBytes, similarity } from "./minhash.js";
import { parseQuery, queryForms, toFtsMatch } from "./query.js";
import { checkVersion, migrate } from "./schema.js";
import { buildSnippet } from "./snippet.js";
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

export interface OpenOptions {
  /** Open an existing store for reading only (search, the web UI). */
  readonly?: boolean;
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
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Opens (and for writing, creates or upgrades) the store at `path`. */
export function openStore(path: string, options: OpenOptions = {}): Store {
  return new Store(path, options);
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
  readonly path: string;
  readonly readonly: boolean;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(path: string, options: OpenOptions = {}) {
    this.path = path;
    this.readonly = options.readonly === true;
    if (this.readonly && !existsSync(path)) {
      throw new InputError(
        "not-found",
        `${path}: no store there (create one with marsad ingest, or pass --db)`,
      );
    }
    try {
      this.db = new Database(path, { readonly: this.readonly, fileMustExist: this.readonly });
    } catch (error) {
      throw new InputError("unreadable", `${path}: cannot open the store (${messageOf(error)})`);
    }
    try {
      this.db.pragma("busy_timeout = 10000");
      // readers (search, the server) map the file: reads without copying, through the OS cache
      if (this.readonly) this.db.pragma("mmap_size = 268435456");
      this.db.pragma("cache_size = -32000");
      if (this.readonly) {
        checkVersion(this.db, path);
      } else {
        this.db.pragma("journal_mode = WAL");
        // NORMAL in WAL mode: a crashed process loses nothing committed; only power loss can
        this.db.pragma("synchronous = NORMAL");
        migrate(this.db, path);
      }
    } catch (error) {
      this.db.close();
      if (error instanceof InputError) throw error;
      throw new InputError("unreadable", `${path}: not a usable store (${messageOf(error)})`);
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** A prepared statement, prepared once per store. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  // -------------------------------------------------------------------------------------------
  // Writing

  /** Analyses already made (the API's analyze-and-store): derives the rows and writes them. */
  add(
    analysis: Analysis,
    source: SourceInfo,
    raw: { kind: "text" | "html"; content: string } = { kind: "text", content: analysis.text },
  ): WriteOutcome {
    return this.write([{ source, rows: deriveRows(analysis, raw) }])[0] as WriteOutcome;
  }

  /** Writes a batch of ingested sources in one transaction. */
  write(batch: readonly BatchEntry[]): WriteOutcome[] {
    this.assertWritable();
    return this.db.transaction(() => batch.map((entry) => this.writeOne(entry))).immediate();
  }

  /** The sources of a JSONL file or feed (or all top-level ones) that are done. */
  doneSources(parent?: string): Set<string> {
    const rows =
      parent === undefined
        ? this.sql("SELECT key FROM sources WHERE parent IS NULL AND status = 'done'").pluck().all()
        : this.sql("SELECT key FROM sources WHERE parent = ? AND status = 'done'")
            .pluck()
            .all(parent);
    return new Set(rows as string[]);
  }

  /** How a source was recorded, if it was. */
  sourceStatus(key: string): { kind: SourceKind; status: "done" | "failed" } | undefined {
    return this.sql("SELECT kind, status FROM sources WHERE key = ?").get(key) as
      | { kind: SourceKind; status: "done" | "failed" }
      | undefined;
  }

  /** Records a source that is not an article itself (a feed) as read. */
  recordSource(source: SourceInfo, error?: string): void {
    this.assertWritable();
    this.upsertSource(source, error === undefined ? "done" : "failed", error ?? null, null);
  }

  private assertWritable(): void {
    if (this.readonly) throw new Error("the store was opened read-only");
  }

  private upsertSource(
    source: SourceInfo,
    status: "done" | "failed",
    reason: string | null,
    article: number | null,
  ): void {
    this.sql(
      `INSERT INTO sources (key, kind, parent, status, reason, article, fetched_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, parent = excluded.parent,
         status = excluded.status, reason = excluded.reason, article = excluded.article,
         fetched_at = excluded.fetched_at`,
    ).run(
      source.key,
      source.kind,
      source.parent ?? null,
      status,
      reason,
      article,
      source.fetchedAt ?? new Date().toISOString(),
    );
  }

  private writeOne(entry: BatchEntry): WriteOutcome {
    if ("error" in entry) {
      this.upsertSource(entry.source, "failed", entry.error, null);
      return { status: "failed", reason: entry.error };
    }
    const { rows, source } = entry;
    const existing = this.sql("SELECT id, cluster FROM articles WHERE hash = ?").get(rows.hash) as
      | { id: number; cluster: number }
      | undefined;
    if (existing) {
      this.upsertSource(source, "done", null, existing.id);
      return { status: "duplicate", id: existing.id, cluster: this.clusterRef(existing.cluster) };
    }
    let cluster = rows.signature
      ? this.nearDuplicateCluster(rows.signature, rows.bands)
      : undefined;
    if (cluster === undefined) {
      cluster = Number(this.sql("INSERT INTO clusters (size) VALUES (0)").run().lastInsertRowid);
    }
    this.sql("UPDATE clusters SET size = size + 1 WHERE id = ?").run(cluster);
    const fetchedAt = source.fetchedAt ?? new Date().toISOString();
    const id = Number(
      this.sql(
        `INSERT INTO articles (hash, source, url, title, published, site, fetched_at, cluster)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        rows.hash,
        source.key,
        rows.url,
        rows.title,
        rows.published,
        rows.site,
        fetchedAt,
        cluster,
      ).lastInsertRowid,
    );
    this.sql(
      "INSERT INTO article_content (article, raw_kind, raw, text, analysis) VALUES (?, ?, ?, ?, ?)",
    ).run(
      id,
      rows.rawKind,
      Buffer.from(rows.raw.buffer, rows.raw.byteOffset, rows.raw.byteLength),
      rows.text,
      rows.analysisJson,
    );
    this.sql("INSERT INTO fts (rowid, base, plain) VALUES (?, ?, ?)").run(
      id,
      rows.fts.base,
      rows.fts.plain,
    );
    if (rows.signature) {
      this.sql("INSERT INTO signatures (article, sig) VALUES (?, ?)").run(
        id,
        signatureToBytes(rows.signature),
      );
      const lsh = this.sql("INSERT OR IGNORE INTO lsh (band, key, article) VALUES (?, ?, ?)");
      rows.bands.forEach((key, band) => {
        lsh.run(band, key, id);
      });
    }
    this.writeFacts(id, rows);
    this.upsertSource(source, "done", null, id);
    return { status: "added", id, cluster: this.clusterRef(cluster) };
  }

  private writeFacts(id: number, rows: ArticleRows): void {
    const entity = this.sql(
      `INSERT INTO entities (key, type, name, name_en, kb_id, wikidata, cameo, iso, articles, mentions)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
       ON CONFLICT (key) DO UPDATE SET articles = articles + 1,
         mentions = mentions + excluded.mentions, name_en = coalesce(name_en, excluded.name_en),
         wikidata = coalesce(wikidata, excluded.wikidata), cameo = coalesce(cameo, excluded.cameo),
         iso = coalesce(iso, excluded.iso)`,
    );
    const name = this.sql("INSERT OR IGNORE INTO entity_names (name, key) VALUES (?, ?)");
    const link = this.sql(
      "INSERT INTO article_entities (article, entity, mentions) VALUES (?, ?, ?)",
    );
    const mention = this.sql(
      "INSERT INTO mentions (article, entity, start, end, confidence) VALUES (?, ?, ?, ?, ?)",
    );
    for (const e of rows.entities) {
      entity.run(
        e.key,
        e.type,
        e.name,
        e.nameEn,
        e.kbId,
        e.wikidata,
        e.cameo,
        e.iso,
        e.mentions.length,
      );
      for (const n of e.names) name.run(n, e.key);
      link.run(id, e.key, e.mentions.length);
      for (const [start, end, confidence] of e.mentions)
        mention.run(id, e.key, start, end, confidence);
    }
    const quote = this.sql(
      `INSERT INTO quotes (article, idx, start, end, text, kind, speaker, speaker_text, cue, confidence)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const about = this.sql("INSERT OR IGNORE INTO quote_about (entity, quote) VALUES (?, ?)");
    for (const q of rows.quotes) {
      const quoteId = quote.run(
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
      ).lastInsertRowid;
      for (const key of q.about) about.run(key, quoteId);
    }
    const time = this.sql(
      "INSERT INTO times (article, start, end, text, type, value, resolved, mod) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    for (const t of rows.times)
      time.run(id, t.start, t.end, t.text, t.type, t.value, t.resolved, t.mod);
    const event = this.sql(
      `INSERT INTO events (article, idx, type, mode, status, background, source, target,
         source_code, source_sector, source_text, target_code, target_sector, target_text,
         date, place, trigger_start, trigger_end, trigger_text, start, end, text, confidence)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const e of rows.events) {
      event.run(
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
      );
    }
  }

  /** The cluster of the most similar stored article with estimated Jaccard ≥ NEAR_DUPLICATE. */
  private nearDuplicateCluster(sig: Uint32Array, bands: readonly number[]): number | undefined {
    const lookup = this.sql(
      `SELECT article FROM lsh WHERE band = ? AND key = ? LIMIT ${BAND_CANDIDATES}`,
    ).pluck();
    const candidates = new Set<number>();
    bands.forEach((key, band) => {
      for (const article of lookup.all(band, key) as number[]) candidates.add(article);
    });
    let best: number | undefined;
    let bestScore = NEAR_DUPLICATE;
    const read = this.sql("SELECT sig FROM signatures WHERE article = ?").pluck();
    for (const article of candidates) {
      const bytes = read.get(article) as Uint8Array | undefined;
      if (!bytes) continue;
      const score = similarity(sig, signatureFromBytes(bytes));
      if (score >= bestScore && (best === undefined || score > bestScore || article < best)) {
        best = article;
        bestScore = score;
      }
    }
    if (best === undefined) return undefined;
    return this.sql("SELECT cluster FROM articles WHERE id = ?").pluck().get(best) as number;
  }

  private clusterRef(id: number): ClusterRef {
    const size = this.sql("SELECT size FROM clusters WHERE id = ?").pluck().get(id) as number;
    return { id, size: size ?? 0 };
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  stats(): StoreStats {
    const count = (table: string) =>
      this.sql(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return {
      articles: count("articles"),
      clusters: count("clusters"),
      entities: count("entities"),
      quotes: count("quotes"),
      events: this.countEvents(),
      sources: count("sources"),
      failed: this.sql("SELECT count(*) FROM sources WHERE status = 'failed'")
        .pluck()
        .get() as number,
    };
  }

  /**
   * Full-text search with filters, ranked by bm25; one hit per story cluster unless
   * `collapse: false`. Throws an InputError for a malformed query or filter.
   */
  search(query: SearchQuery): SearchResult {
    const limit = clampInt(query.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    const offset = clampInt(query.offset, 0, 0, Number.MAX_SAFE_INTEGER);
    const text = query.q?.trim() ?? "";
    const parsed = text === "" ? undefined : parseQuery(text);
    const where: string[] = [];
    const params: unknown[] = [];
    if (parsed) {
      where.push("fts MATCH ?");
      params.push(toFtsMatch(parsed));
    }
    for (const [value, sql] of [
      [query.entity, "a.id IN (SELECT article FROM article_entities WHERE entity IN (#))"],
      [query.speaker, "a.id IN (SELECT article FROM quotes WHERE speaker IN (#))"],
    ] as const) {
      if (value === undefined || value.trim() === "") continue;
      const keys = this.resolveKeys(value);
      if (keys.length === 0) return { total: 0, hits: [] };
      where.push(sql.replace("#", keys.map(() => "?").join(", ")));
      params.push(...keys);
    }
    this.dateFilters(query, where, params);
    if (query.source !== undefined && query.source.trim() !== "") {
      const pattern = `%${query.source.trim().replace(/[\\%_]/g, "\\$&")}%`;
      where.push(
        "(a.source LIKE ? ESCAPE '\\' OR a.url LIKE ? ESCAPE '\\' OR a.site LIKE ? ESCAPE '\\')",
      );
      params.push(pattern, pattern, pattern);
    }
    const collapse = query.collapse !== false;
    const inner = parsed
      ? `SELECT a.id AS id, a.cluster AS cluster, bm25(fts, 1.0, 0.6) AS score, a.published AS published
         FROM fts JOIN articles a ON a.id = fts.rowid WHERE ${where.join(" AND ")}`
      : `SELECT a.id AS id, a.cluster AS cluster, 0 AS score, a.published AS published
         FROM articles a${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`;
    // without words, the newest first; a cluster shows its newest article
    const pick = parsed ? "min(score)" : "max(coalesce(published, ''))";
    const order = parsed ? "score, id" : "published DESC, id DESC";
    // MATERIALIZED: bm25() must run in the FTS query itself, not in a flattened aggregate
    const grouped = collapse
      ? `SELECT id, cluster, score, published, ${pick} AS pick, count(*) AS n FROM m GROUP BY cluster`
      : "SELECT id, cluster, score, published, 1 AS n FROM m";
    const withM = `WITH m AS MATERIALIZED (${inner})`;
    const sql = `${withM} SELECT id, score, n, count(*) OVER () AS total FROM (${grouped}) ORDER BY ${order} LIMIT ? OFFSET ?`;
    const rows = ftsGuard(
      () =>
        this.sql(sql).all(...params, limit, offset) as {
          id: number;
          score: number;
          n: number;
          total: number;
        }[],
    );
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && offset > 0) {
      total = this.sql(`${withM} SELECT count(*) FROM (${grouped})`)
        .pluck()
        .get(...params) as number;
    }
    const forms = parsed ? queryForms(parsed) : undefined;
    const hits: SearchHit[] = [];
    for (const row of rows) {
      const found = this.sql(
        `SELECT ${SUMMARY_COLUMNS}, t.text AS text FROM articles a JOIN clusters c ON c.id = a.cluster
         JOIN article_content t ON t.article = a.id WHERE a.id = ?`,
      ).get(row.id) as (SummaryRow & { text: string }) | undefined;
      if (!found) continue;
      hits.push({
        ...summaryOf(found),
        score: row.score === 0 ? 0 : -row.score,
        matches: row.n,
        snippet: buildSnippet(found.text, forms),
      });
    }
    return { total, hits };
  }

  private dateFilters(
    query: { from?: string | undefined; to?: string | undefined },
    where: string[],
    params: unknown[],
  ): void {
    if (query.from !== undefined && query.from !== "") {
      where.push("a.published >= ?");
      params.push(checkDate(query.from, "from"));
    }
    if (query.to !== undefined && query.to !== "") {
      const to = checkDate(query.to, "to");
      where.push("a.published <= ?");
      // a month or year as the upper bound covers all of it
      params.push(to.length === 4 ? `${to}-12-31` : to.length === 7 ? `${to}-31` : to);
    }
  }

  /**
   * Who said what: quotes with their speaker and article, newest first. `speaker` and `about` are
   * entity keys or names (resolved like `resolve`); a name that resolves to nothing gives [].
   */
  quotes(query: QuoteQuery = {}): QuoteRecord[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.speaker !== undefined && query.speaker.trim() !== "") {
      const keys = this.resolveKeys(query.speaker);
      if (keys.length === 0) return [];
      where.push(`q.speaker IN (${keys.map(() => "?").join(", ")})`);
      params.push(...keys);
    }
    if (query.about !== undefined && query.about.trim() !== "") {
      const keys = this.resolveKeys(query.about);
      if (keys.length === 0) return [];
      where.push(
        `q.id IN (SELECT quote FROM quote_about WHERE entity IN (${keys.map(() => "?").join(", ")}))`,
      );
      params.push(...keys);
    }
    this.dateFilters(query, where, params);
    return this.quoteRows(where, params, query);
  }

  private quoteRows(
    where: string[],
    params: unknown[],
    options: {
      limit?: number | undefined;
      offset?: number | undefined;
      collapse?: boolean | undefined;
    },
  ): QuoteRecord[] {
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
      ) WHERE rank = 1 ORDER BY published DESC, id DESC, idx LIMIT ? OFFSET ?`;
    const rows = this.sql(sql).all(...params, limit, offset) as QuoteRow[];
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
  events(query: EventQuery = {}): EventRecord[] {
    const limit = clampInt(query.limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
    const offset = clampInt(query.offset, 0, 0, Number.MAX_SAFE_INTEGER);
    return [...this.eventRows(query, limit, offset)];
  }

  /**
   * Every event the query selects (no limit), read as a stream: for exports of the whole store.
   * The store runs no other query until the iteration ends.
   */
  allEvents(query: Omit<EventQuery, "limit" | "offset"> = {}): IterableIterator<EventRecord> {
    return this.eventRows({ order: "article", ...query }, -1, 0);
  }

  private *eventRows(query: EventQuery, limit: number, offset: number) {
    let keys: string[] | undefined;
    if (query.entity !== undefined && query.entity.trim() !== "") {
      keys = this.resolveKeys(query.entity);
      if (keys.length === 0) return;
    }
    const { where, params } = eventFilters(query, keys);
    const sql = `${rankedEvents(where, query.collapse !== false)} ${eventRecordsSql(query.order ?? "date")}`;
    for (const row of this.sql(sql).iterate(...params, limit, offset) as Iterable<EventRow>) {
      yield eventRecordOf(row);
    }
  }

  /**
   * An entity's realised events (as source or target), once per story: the newest `limit` for
   * its timeline, the count, and the network of who acted on whom over all of them.
   */
  entityEvents(keyOrName: string, limit = ENTITY_EVENTS): EntityEvents | undefined {
    const entity = this.resolve(keyOrName)[0];
    if (!entity) return undefined;
    const all = [...this.eventRows({ entity: entity.key }, NETWORK_EVENTS, 0)];
    return {
      entity,
      total: all.length < NETWORK_EVENTS ? all.length : this.countEvents({ entity: entity.key }),
      events: all.slice(0, clampInt(limit, ENTITY_EVENTS, 1, MAX_LIMIT)),
      network: eventNetwork(all),
    };
  }

  /** How many events the query selects (once per story unless `collapse: false`). */
  countEvents(query: Omit<EventQuery, "limit" | "offset" | "order"> = {}): number {
    let keys: string[] | undefined;
    if (query.entity !== undefined && query.entity.trim() !== "") {
      keys = this.resolveKeys(query.entity);
      if (keys.length === 0) return 0;
    }
    const { where, params } = eventFilters(query, keys);
    const sql = `${rankedEvents(where, query.collapse !== false)} SELECT count(*) FROM g WHERE rank = 1`;
    return this.sql(sql)
      .pluck()
      .get(...params) as number;
  }

  /** An entity's profile, by key or by name; undefined when the store does not know it. */
  entity(keyOrName: string): EntityProfile | undefined {
    const key = this.resolveKeys(keyOrName)[0];
    if (key === undefined) return undefined;
    const row = this.sql("SELECT * FROM entities WHERE key = ?").get(key) as
      | {
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
        }
      | undefined;
    if (!row) return undefined;
    const timeline = this.sql(
      `SELECT substr(a.published, 1, 7) AS month, sum(ae.mentions) AS mentions
       FROM article_entities ae JOIN articles a ON a.id = ae.article
       WHERE ae.entity = ? AND a.published IS NOT NULL GROUP BY month ORDER BY month`,
    ).all(key) as { month: string; mentions: number }[];
    const cooccurring = this.sql(
      `SELECT e.key AS key, e.type AS type, e.name AS name, count(*) AS articles
       FROM article_entities x JOIN article_entities y ON y.article = x.article AND y.entity != x.entity
         JOIN entities e ON e.key = y.entity
       WHERE x.entity = ? GROUP BY y.entity ORDER BY articles DESC, e.articles DESC LIMIT ${COOCCURRING}`,
    ).all(key) as (EntityRef & { articles: number })[];
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
      quotesBy: this.quoteRows(["q.speaker = ?"], [key], { limit: PROFILE_QUOTES }),
      quotesAbout: this.quoteRows(
        ["q.id IN (SELECT quote FROM quote_about WHERE entity = ?)"],
        [key],
        { limit: PROFILE_QUOTES },
      ),
      cooccurring,
    };
  }

  /** One article with its analysis; undefined for an unknown id. */
  article(id: number): ArticleRecord | undefined {
    if (!Number.isSafeInteger(id)) return undefined;
    const row = this.sql(
      `SELECT ${SUMMARY_COLUMNS}, t.text AS text, t.analysis AS analysis, a.fetched_at AS fetched_at
       FROM articles a JOIN clusters c ON c.id = a.cluster JOIN article_content t ON t.article = a.id
       WHERE a.id = ?`,
    ).get(id) as (SummaryRow & { text: string; analysis: string; fetched_at: string }) | undefined;
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
  rawInput(id: number): { kind: "text" | "html"; content: string } | undefined {
    const row = this.sql("SELECT raw_kind, raw FROM article_content WHERE article = ?").get(id) as
      | { raw_kind: "text" | "html"; raw: Buffer }
      | undefined;
    if (!row) return undefined;
    return { kind: row.raw_kind, content: inflateRawSync(row.raw).toString("utf8") };
  }

  /**
   * The stored entities a key or name stands for, best first: an exact key (or TYPE:name);
   * else the best knowledge-base entry for the name that the store has; else the entities whose
   * name or mentions were written that way, most frequent first.
   */
  resolve(name: string): EntityRef[] {
    const wanted = name.trim();
    if (wanted === "") return [];
    const byKey = this.sql("SELECT key, type, name FROM entities WHERE key = ?");
    const exact = byKey.get(wanted) as EntityRef | undefined;
    if (exact) return [exact];
    const typed = /^(PER|ORG|LOC|MISC):(.+)$/.exec(wanted);
    if (typed) {
      const found = byKey.get(`${typed[1]}:${normalizeArabic((typed[2] as string).trim())}`) as
        | EntityRef
        | undefined;
      return found ? [found] : [];
    }
    const key = lookupKey(wanted);
    if (key === "") return [];
    for (const entry of knowledgeBase().lookup(key)) {
      const found = byKey.get(entry.id) as EntityRef | undefined;
      if (found) return [found];
    }
    const byName = this.sql(
      `SELECT e.key AS key, e.type AS type, e.name AS name FROM entity_names n
       JOIN entities e ON e.key = n.key WHERE n.name = ? ORDER BY e.articles DESC, e.key`,
    );
    let found = byName.all(key) as EntityRef[];
    if (found.length === 0) found = byName.all(toggleArticle(key)) as EntityRef[];
    return found;
  }

  private resolveKeys(name: string): string[] {
    return this.resolve(name).map((e) => e.key);
  }
}

/**
 * The query parser only builds well-formed FTS5 expressions; should FTS5 still refuse one, the
 * user hears that the query could not be run, not an SQL error.
 */
function ftsGuard<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof Database.SqliteError && /fts5/i.test(error.message)) {
      throw new InputError("bad-option", `the query could not be run (${error.message})`);
    }
    throw error;
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

function checkDate(value: string, name: string): string {
  const trimmed = value.trim();
  if (!PARTIAL_DATE.test(trimmed)) {
    throw new InputError("bad-option", `${name}: "${value}" is not a date (expected YYYY-MM-DD)`);
  }
  return trimmed;
}

function clampInt(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
