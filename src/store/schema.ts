/**
 * The store's SQLite schema and its migrations. A store records its version in `schema_version`;
 * opening one for writing applies the migrations it lacks, in one transaction each, so a store
 * is always at some whole version. Migration 1 builds everything from an empty file.
 */
import type Database from "better-sqlite3";
import { InputError } from "../errors.js";

const MIGRATIONS: string[] = [
  // 1: the first schema
  `
  CREATE TABLE sources (
    key        TEXT PRIMARY KEY,          -- absolute path, path:line for JSONL, or URL
    kind       TEXT NOT NULL,             -- file | jsonl | url | feed | feed-item
    parent     TEXT,                      -- the JSONL file or feed an item came from
    status     TEXT NOT NULL CHECK (status IN ('done', 'failed')),
    reason     TEXT,                      -- why it failed
    article    INTEGER REFERENCES articles(id),
    fetched_at TEXT NOT NULL
  );
  CREATE INDEX sources_parent ON sources(parent, status);

  CREATE TABLE clusters (
    id   INTEGER PRIMARY KEY,             -- the id of its first article
    size INTEGER NOT NULL
  );

  -- narrow rows, so that queries joining many articles read few pages; the bulk is in
  -- article_content
  CREATE TABLE articles (
    id         INTEGER PRIMARY KEY,
    hash       TEXT NOT NULL UNIQUE,      -- SHA-256 of the normalised words
    source     TEXT NOT NULL,             -- the first source it came from
    url        TEXT,
    title      TEXT,
    published  TEXT,                      -- YYYY-MM-DD
    site       TEXT,
    fetched_at TEXT NOT NULL,
    cluster    INTEGER NOT NULL REFERENCES clusters(id)
  );
  CREATE INDEX articles_published ON articles(published);
  CREATE INDEX articles_cluster ON articles(cluster);

  CREATE TABLE article_content (
    article  INTEGER PRIMARY KEY REFERENCES articles(id),
    raw_kind TEXT NOT NULL,
    raw      BLOB NOT NULL,               -- the input as read, deflated
    text     TEXT NOT NULL,               -- the cleaned body every offset indexes into
    analysis TEXT NOT NULL                -- the Analysis JSON without text
  );

  CREATE TABLE signatures (
    article INTEGER PRIMARY KEY REFERENCES articles(id),
    sig     BLOB NOT NULL                 -- 64 MinHash values, uint32
  );
  CREATE TABLE lsh (
    band    INTEGER NOT NULL,
    key     INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (band, key, article)
  ) WITHOUT ROWID;

  CREATE TABLE entities (
    key       TEXT PRIMARY KEY,           -- KB id, else TYPE:normalised name
    type      TEXT NOT NULL,
    name      TEXT NOT NULL,
    name_en   TEXT,
    kb_id     TEXT,
    wikidata  TEXT,
    cameo     TEXT,
    iso       TEXT,
    articles  INTEGER NOT NULL DEFAULT 0,
    mentions  INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE entity_names (
    name TEXT NOT NULL,                   -- lookup key of a name or mention text
    key  TEXT NOT NULL,
    PRIMARY KEY (name, key)
  ) WITHOUT ROWID;
  CREATE TABLE article_entities (
    article  INTEGER NOT NULL,
    entity   TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (article, entity)
  ) WITHOUT ROWID;
  CREATE INDEX article_entities_entity ON article_entities(entity, article);
  CREATE TABLE mentions (
    article    INTEGER NOT NULL,
    entity     TEXT NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    confidence REAL NOT NULL
  );
  CREATE INDEX mentions_article ON mentions(article);
  CREATE INDEX mentions_entity ON mentions(entity);

  CREATE TABLE quotes (
    id           INTEGER PRIMARY KEY,
    article      INTEGER NOT NULL,
    idx          INTEGER NOT NULL,        -- index in the analysis' quotes
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    text         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    speaker      TEXT,                    -- entity key
    speaker_text TEXT,
    cue          TEXT,
    confidence   REAL NOT NULL,
    UNIQUE (article, idx)
  );
  CREATE INDEX quotes_speaker ON quotes(speaker);
  CREATE TABLE quote_about (
    entity TEXT NOT NULL,
    quote  INTEGER NOT NULL,
    PRIMARY KEY (entity, quote)
  ) WITHOUT ROWID;
  CREATE INDEX quote_about_quote ON quote_about(quote);

  CREATE TABLE times (
    article  INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    type     TEXT NOT NULL,
    value    TEXT NOT NULL,
    resolved TEXT,
    mod      TEXT                         -- TIMEX3 modifier (START, APPROX...)
  );
  CREATE INDEX times_article ON times(article);
  CREATE INDEX times_resolved ON times(resolved);

  CREATE TABLE events (
    article INTEGER NOT NULL,
    type    TEXT NOT NULL,
    source  TEXT,                         -- entity keys
    target  TEXT,
    date    TEXT,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL
  );
  CREATE INDEX events_article ON events(article);
  CREATE INDEX events_source ON events(source);
  CREATE INDEX events_target ON events(target);

  -- Full text: base forms (clitics off) and plain normalised forms of the title and body words.
  -- Contentless: the words are ours, made in JS; snippets come from articles.text. The ascii
  -- tokenizer splits on ASCII non-alphanumerics only, so an Arabic word is always one token.
  CREATE VIRTUAL TABLE fts USING fts5(
    base, plain, content = '', contentless_delete = 1, tokenize = 'ascii'
  );
  `,
  // 2: events as the events stage codes them (PLOVER): mode, realis status, background, actor
  // codes, place, trigger and evidence. Rows written before keep NULL in the new columns; as the
  // schema of their day had no status they count as realised, foreground events.
  `
  ALTER TABLE events ADD COLUMN idx INTEGER;         -- index in the analysis' events
  ALTER TABLE events ADD COLUMN mode TEXT;
  ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'realised';
  ALTER TABLE events ADD COLUMN background INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE events ADD COLUMN source_code TEXT;    -- ISO-3 country or IGO code
  ALTER TABLE events ADD COLUMN source_sector TEXT;  -- GOV, MIL, REB...
  ALTER TABLE events ADD COLUMN source_text TEXT;    -- the words naming the actor
  ALTER TABLE events ADD COLUMN target_code TEXT;
  ALTER TABLE events ADD COLUMN target_sector TEXT;
  ALTER TABLE events ADD COLUMN target_text TEXT;
  ALTER TABLE events ADD COLUMN place TEXT;          -- entity key
  ALTER TABLE events ADD COLUMN trigger_start INTEGER;
  ALTER TABLE events ADD COLUMN trigger_end INTEGER;
  ALTER TABLE events ADD COLUMN trigger_text TEXT;
  ALTER TABLE events ADD COLUMN text TEXT;           -- the evidence clause
  ALTER TABLE events ADD COLUMN confidence REAL;
  -- rows were written in the analysis' order
  UPDATE events SET idx = (
    SELECT count(*) FROM events e WHERE e.article = events.article AND e.rowid < events.rowid
  );
  CREATE INDEX events_type ON events(type);
  `,
];

/** The SQL of each migration, oldest first (tests build stores of older versions with it). */
export const MIGRATION_SQL: readonly string[] = MIGRATIONS;

export const SCHEMA_VERSION = MIGRATIONS.length;

function currentVersion(db: Database.Database): number {
  const table = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
    .get();
  if (!table) return 0;
  const row = db.prepare("SELECT version FROM schema_version").get() as
    | { version: number }
    | undefined;
  return row?.version ?? 0;
}

/** Brings a writable store up to the current schema. */
export function migrate(db: Database.Database, path: string): void {
  // IMMEDIATE: two processes opening a new store at once must not both build it
  const step = db.transaction((version: number) => {
    if (currentVersion(db) !== version) return;
    if (version === 0) {
      const other = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").get();
      if (other) throw new InputError("unreadable", `${path}: a database, but not a marsad store`);
      db.exec("CREATE TABLE schema_version (version INTEGER NOT NULL)");
    }
    db.exec(MIGRATIONS[version] as string);
    db.prepare("DELETE FROM schema_version").run();
    db.prepare("INSERT INTO schema_version (version) VALUES (?)").run(version + 1);
  });
  for (;;) {
    const version = currentVersion(db);
    checkNotNewer(version, path);
    if (version === SCHEMA_VERSION) return;
    step.immediate(version);
  }
}

/** A store opened read-only must already be at the current version. */
export function checkVersion(db: Database.Database, path: string): void {
  const version = currentVersion(db);
  checkNotNewer(version, path);
  if (version < SCHEMA_VERSION) {
    throw new InputError(
      "unreadable",
      `${path}: not a marsad store, or one from an older marsad (schema ${version}); run marsad ingest on it to upgrade it`,
    );
  }
}

function checkNotNewer(version: number, path: string): void {
  if (version > SCHEMA_VERSION) {
    throw new InputError(
      "unreadable",
      `${path}: made by a newer marsad (schema ${version}; this one reads ${SCHEMA_VERSION})`,
    );
  }
}
