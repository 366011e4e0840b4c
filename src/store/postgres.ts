/**
 * The PostgreSQL backend, through node-postgres' pool. A `postgres://` URL names the database;
 * `?schema=NAME` keeps the store in a schema of its own (created when missing; `public` by
 * default). Opening a database without a store builds it (one migration per transaction, under
 * an advisory lock so that several workers starting at once build it once).
 *
 * Full text: the index is a `tsvector` over marsad's own word forms, made in JS as for SQLite:
 * each word's base form as `b:<base>` and its plain form as `p:<plain>`, both at the word's
 * position, so phrases (`<->`) and the base-or-plain match work as in FTS5. GIN-indexed.
 */
import pg from "pg";
import { InputError } from "../errors.js";
import { POSTGRES_MIGRATIONS } from "./postgres-schema.js";
import type { ParsedQuery, QueryTerm } from "./query.js";
import type { Dialect, Params, SqlDatabase, SqlRunner } from "./sql.js";
import { parseStoreUrl, redactUrl } from "./url.js";

/** Transaction-level advisory lock key that serialises the store's writers ("marsad"). */
const WRITE_LOCK = 0x6d61727361;
/** Another key, for building the schema. */
const MIGRATE_LOCK = WRITE_LOCK + 1;
/** tsvector positions stop at 16383; later words share the last one. */
const MAX_POSITION = 16383;
/** tsvector lexemes are at most 2047 bytes; longer "words" (a URL...) are left out. */
const MAX_LEXEME = 500;
const ROWS_PER_FETCH = 500;

const dialect: Dialect = {
  name: "postgres",
  optimizeSql: "ANALYZE",
  noLimit: null,
  like: "ILIKE",
  indexSql:
    "INSERT INTO fts (id, cluster, published, head, doc) VALUES (?, ?, ?, ?::tsvector, ?::tsvector)",
  indexParams: (article, cluster, rows) => [
    article,
    cluster,
    rows.published,
    headOf(rows.fts),
    tsvectorOf(rows.fts.base, rows.fts.plain),
  ],
  textMatch: (query) => {
    const tsquery = tsqueryOf(query);
    return {
      from: "fts a",
      where: "a.doc @@ ?::tsquery",
      // ranked on the first words (the title): reading every match's whole text to rank it costs
      // far more than the search itself once a word is common (ts_rank: higher is better)
      score: "-ts_rank(a.head, ?::tsquery)",
      params: [tsquery],
      scoreParams: [tsquery],
    };
  },
  isTextQueryError: (error) =>
    error instanceof Error && /tsquery|tsvector/i.test(error.message) && "code" in error,
};

/**
 * Words at the start of the index (the title, else the lead) that a PostgreSQL search ranks on.
 * Ranking reads this for every match, so it is kept to what makes a hit: a word in the headline.
 * 16 words keep a search among 100k articles under 100 ms at the 95th percentile (bench-scale);
 * 60 made it half as fast again.
 */
const HEAD_WORDS = 16;

/**
 * The ranking vector: the forms of the first HEAD_WORDS indexed words, base and plain as in
 * `doc` (so an exact form ranks above a clitic one), without positions, small enough to stay in
 * the row.
 */
function headOf(fts: { base: string; plain: string }): string {
  const bases = fts.base.split(" ", HEAD_WORDS);
  const plains = fts.plain.split(" ", HEAD_WORDS);
  const lexemes = new Set<string>();
  plains.forEach((plain, i) => {
    if (plain === "" || plain.length > MAX_LEXEME) return;
    lexemes.add(quoteLexeme(`b:${bases[i] || plain}`));
    lexemes.add(quoteLexeme(`p:${plain}`));
  });
  return [...lexemes].join(" ");
}

/** The tsvector literal of an article's index columns (space-separated word forms). */
function tsvectorOf(base: string, plain: string): string {
  const positions = new Map<string, number[]>();
  const add = (lexeme: string, at: number) => {
    const list = positions.get(lexeme);
    if (!list) positions.set(lexeme, [at]);
    else if (list[list.length - 1] !== at) list.push(at);
  };
  const bases = base === "" ? [] : base.split(" ");
  const plains = plain === "" ? [] : plain.split(" ");
  for (let i = 0; i < plains.length; i++) {
    const at = Math.min(i + 1, MAX_POSITION);
    const p = plains[i] as string;
    if (p.length > MAX_LEXEME) continue;
    add(`b:${bases[i] || p}`, at);
    add(`p:${p}`, at);
  }
  const parts: string[] = [];
  for (const [lexeme, at] of positions) parts.push(`${quoteLexeme(lexeme)}:${at.join(",")}`);
  return parts.join(" ");
}

/** The tsquery of a parsed search: groups ANDed, terms ORed, a term's words a phrase. */
function tsqueryOf(query: ParsedQuery): string {
  return query.groups.map((group) => `(${group.map(termQuery).join(" | ")})`).join(" & ");
}

function termQuery(term: QueryTerm): string {
  const phrase = (prefix: string, words: string[]) =>
    `(${words.map((w) => quoteLexeme(`${prefix}${w}`)).join(" <-> ")})`;
  return `(${phrase(
    "b:",
    term.words.map((w) => w.base),
  )} | ${phrase(
    "p:",
    term.words.map((w) => w.plain),
  )})`;
}

function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
}

/** `?` placeholders to `$1, $2...` (the store's SQL has no `?` inside string literals). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  let quoted = false;
  let out = "";
  for (const c of sql) {
    if (c === "'") quoted = !quoted;
    out += c === "?" && !quoted ? `$${++n}` : c;
  }
  return out;
}

/** bigint counts and sums come back as numbers, not strings (they stay far below 2^53). */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

/**
 * PostgreSQL's text cannot hold NUL, which SQLite's can: a NUL in a query (a name, a search)
 * would fail the statement instead of matching nothing. It becomes U+FFFD, of the same length,
 * so that what a string holds around it keeps its offsets.
 */
function values(params: Params): unknown[] {
  return params.map((p) =>
    typeof p === "string" && p.includes("\0") ? p.replaceAll("\0", "\uFFFD") : p,
  );
}

class Runner implements SqlRunner {
  /**
   * @param texts the store's SQL with its placeholders numbered, shared by the pool and every
   * transaction: a write runs the same few statements each time
   */
  constructor(
    protected readonly client: pg.Pool | pg.PoolClient,
    protected readonly texts: Map<string, string>,
  ) {}

  protected text(sql: string): string {
    let text = this.texts.get(sql);
    if (text === undefined) {
      text = numberPlaceholders(sql);
      this.texts.set(sql, text);
    }
    return text;
  }

  async all<T>(sql: string, params: Params = []): Promise<T[]> {
    const result = await this.client.query(this.text(sql), values(params));
    return result.rows as T[];
  }

  async get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async value<T>(sql: string, params: Params = []): Promise<T | undefined> {
    const result = await this.client.query({
      text: this.text(sql),
      values: values(params),
      rowMode: "array",
    });
    return (result.rows[0] as unknown[] | undefined)?.[0] as T | undefined;
  }

  async run(sql: string, params: Params = []): Promise<void> {
    await this.client.query(this.text(sql), values(params));
  }
}

class PostgresDatabase extends Runner implements SqlDatabase {
  readonly dialect = dialect;
  constructor(private readonly pool: pg.Pool) {
    super(pool, new Map());
  }

  /**
   * A connection of our own for a while. A checked-out client whose server goes away (a
   * restart) emits "error" between queries; unheard, that would end the process. It is heard
   * here, and the next query on it fails, which the caller handles.
   */
  private async checkout(): Promise<{ client: pg.PoolClient; done: (broken: boolean) => void }> {
    const client = await this.pool.connect();
    const ignore = () => {};
    client.on("error", ignore);
    return {
      client,
      done: (broken) => {
        client.off("error", ignore);
        client.release(broken);
      },
    };
  }

  async transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const { client, done } = await this.checkout();
    let broken = false;
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK]);
      const value = await work(new Runner(client, this.texts));
      await client.query("COMMIT");
      return value;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      // a connection that failed mid-transaction is dropped, not reused
      done(broken);
    }
  }

  async *iterate<T>(sql: string, params: Params = []): AsyncIterable<T> {
    const { client, done } = await this.checkout();
    let finished = false;
    try {
      await client.query("BEGIN READ ONLY");
      await client.query(`DECLARE rows NO SCROLL CURSOR FOR ${this.text(sql)}`, values(params));
      for (;;) {
        const page = await client.query(`FETCH ${ROWS_PER_FETCH} FROM rows`);
        for (const row of page.rows) yield row as T;
        if (page.rows.length < ROWS_PER_FETCH) break;
      }
      await client.query("COMMIT");
      finished = true;
    } finally {
      // a reader that stopped early (or failed) leaves the transaction and its cursor open: the
      // connection is not given back to the pool like that
      if (!finished) await client.query("ROLLBACK").catch(() => {});
      done(!finished);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

export interface PostgresOptions {
  /** Connections in the pool (default 4). */
  connections?: number;
}

/** Connects to the database at `url` and builds or upgrades the store there. */
export async function openPostgres(
  url: string,
  options: PostgresOptions = {},
): Promise<SqlDatabase> {
  const { connectionString, schema } = parseStoreUrl(url);
  const pool = new pg.Pool({
    connectionString,
    max: options.connections ?? 4,
    types,
    connectionTimeoutMillis: 10_000,
    // every connection works in the store's schema
    options: `-c search_path=${schema}`,
    application_name: "marsad",
  });
  // an idle connection that breaks (the server restarted) is dropped; the next query reconnects
  pool.on("error", () => {});
  try {
    await migratePostgres(pool, schema, POSTGRES_MIGRATIONS);
  } catch (error) {
    await pool.end().catch(() => {});
    if (error instanceof InputError) throw error;
    throw new InputError(
      "unreadable",
      `${redactUrl(url)}: cannot open the store (${connectionProblem(error)})`,
    );
  }
  return new PostgresDatabase(pool);
}

/** What went wrong reaching the server, in a user's words. */
export function connectionProblem(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e?.code === "ECONNREFUSED") return "no PostgreSQL server answers there";
  if (e?.code === "ENOTFOUND") return "unknown host";
  if (e?.code === "3D000") return e.message ?? "no such database";
  if (e?.code === "28P01" || e?.code === "28000") return "authentication failed";
  return e?.message ?? String(error);
}

async function migratePostgres(
  pool: pg.Pool,
  schema: string,
  migrations: readonly string[],
): Promise<void> {
  const client = await pool.connect();
  client.on("error", () => {}); // the query in progress fails instead
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATE_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    const table = await client.query(
      "SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'schema_version'",
      [schema],
    );
    let version = 0;
    if (table.rowCount === 0) {
      const other = await client.query(
        "SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'articles'",
        [schema],
      );
      if ((other.rowCount ?? 0) > 0) {
        throw new InputError("unreadable", `schema ${schema}: has tables, but not a marsad store`);
      }
      await client.query("CREATE TABLE schema_version (version integer NOT NULL)");
      await client.query("INSERT INTO schema_version VALUES (0)");
    } else {
      version = Number((await client.query("SELECT version FROM schema_version")).rows[0]?.version);
    }
    if (version > migrations.length) {
      throw new InputError(
        "unreadable",
        `made by a newer marsad (schema ${version}; this one reads ${migrations.length})`,
      );
    }
    for (; version < migrations.length; version++) {
      await client.query(migrations[version] as string);
      await client.query("UPDATE schema_version SET version = $1", [version + 1]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
