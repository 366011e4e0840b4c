/**
 * The SQLite backend: one file in WAL mode through better-sqlite3. The driver is synchronous;
 * the store's calls still go through promises so that one store code serves both backends.
 * Transactions take turns inside the process (a lock) and across processes (BEGIN IMMEDIATE).
 */
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { InputError } from "../errors.js";
import { toFtsMatch } from "./query.js";
import { checkVersion, migrate } from "./schema.js";
import type { Dialect, Params, SqlDatabase, SqlRunner } from "./sql.js";

const dialect: Dialect = {
  name: "sqlite",
  optimizeSql: "PRAGMA optimize",
  noLimit: -1,
  like: "LIKE",
  indexSql: "INSERT INTO fts (rowid, base, plain) VALUES (?, ?, ?)",
  indexParams: (article, _cluster, rows) => [article, rows.fts.base, rows.fts.plain],
  textMatch: (query) => ({
    from: "fts JOIN articles a ON a.id = fts.rowid",
    where: "fts MATCH ?",
    // bm25: lower is better; base forms weigh more than plain ones
    score: "bm25(fts, 1.0, 0.6)",
    params: [toFtsMatch(query)],
    scoreParams: [],
  }),
  isTextQueryError: (error) => error instanceof Database.SqliteError && /fts5/i.test(error.message),
};

export function openSqlite(path: string, readonly: boolean): SqlDatabase {
  if (readonly && !existsSync(path)) {
    throw new InputError(
      "not-found",
      `${path}: no store there (create one with marsad ingest, or pass --db)`,
    );
  }
  let db: Database.Database;
  try {
    db = new Database(path, { readonly, fileMustExist: readonly });
  } catch (error) {
    throw new InputError("unreadable", `${path}: cannot open the store (${messageOf(error)})`);
  }
  try {
    db.pragma("busy_timeout = 10000");
    // readers (search, the server) map the file: reads without copying, through the OS cache
    if (readonly) db.pragma("mmap_size = 268435456");
    db.pragma("cache_size = -32000");
    if (readonly) {
      checkVersion(db, path);
    } else {
      db.pragma("journal_mode = WAL");
      // NORMAL in WAL mode: a crashed process loses nothing committed; only power loss can
      db.pragma("synchronous = NORMAL");
      migrate(db, path);
    }
  } catch (error) {
    db.close();
    if (error instanceof InputError) throw error;
    throw new InputError("unreadable", `${path}: not a usable store (${messageOf(error)})`);
  }
  return new SqliteDatabase(db);
}

class SqliteDatabase implements SqlDatabase {
  readonly dialect = dialect;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly plucked = new Map<string, Database.Statement>();
  /** The end of the last transaction started: the next one waits for it. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: Database.Database) {}

  /** A prepared statement, prepared once per store. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  async all<T>(sql: string, params: Params = []): Promise<T[]> {
    return this.sql(sql).all(...params) as T[];
  }

  async get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return this.sql(sql).get(...params) as T | undefined;
  }

  async value<T>(sql: string, params: Params = []): Promise<T | undefined> {
    let statement = this.plucked.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql).pluck();
      this.plucked.set(sql, statement);
    }
    return statement.get(...params) as T | undefined;
  }

  async run(sql: string, params: Params = []): Promise<void> {
    this.sql(sql).run(...params);
  }

  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
    const result = this.turn.then(async () => {
      // IMMEDIATE: take the file's write lock now, not at the first write
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const value = await work(this);
        this.db.exec("COMMIT");
        return value;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw error;
      }
    });
    this.turn = result.catch(() => {});
    return result;
  }

  async *iterate<T>(sql: string, params: Params = []): AsyncIterable<T> {
    // its own statement: a cached one may be iterated by another reader at the same time
    for (const row of this.db.prepare(sql).iterate(...params)) yield row as T;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
