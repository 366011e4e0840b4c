/**
 * The store implementations the API tests run over, each holding the same small invented
 * articles (./articles.ts): the in-memory fake (./fake-store.ts, a substring filter for search)
 * and the real store of src/store, on SQLite in a temporary file and on PostgreSQL in a schema of
 * its own (ranked full-text search, Arabic-aware matching, KB-resolved entity and speaker
 * filters, story clusters). Each is seen through a recorder that keeps the queries the server
 * passed on, for the tests of parameter handling.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Analysis } from "../../src/analysis.js";
import type { PostedRaw, PostedSource, StorePort } from "../../src/server/index.js";
import { openStore } from "../../src/store/index.js";
import type { Backend } from "../helpers/postgres.js";
import { freshTarget } from "../store/helpers.js";
import { analyseArticle, type FakeArticle, FakeStore } from "./fake-store.js";

/** A query the server passed on to the store. */
export interface StoreCall {
  method: "search" | "quotes";
  query: unknown;
}

/** A store as the server sees it, with the queries it received and a way to clean it up. */
export interface TestStore extends StorePort {
  readonly calls: StoreCall[];
  close(): Promise<void>;
}

export interface StoreKind {
  name: string;
  /** A store holding `articles`; `writable: false` leaves out `add`, as a read-only store. */
  open(articles?: FakeArticle[], options?: { writable?: boolean }): Promise<TestStore>;
}

/** Delegates to `store`, recording search and quote queries; `close` is the store's cleanup. */
function recorder(store: StorePort, close: () => Promise<void>, writable: boolean): TestStore {
  const calls: StoreCall[] = [];
  const port: TestStore = {
    calls,
    close,
    search(q) {
      calls.push({ method: "search", query: q });
      return store.search(q);
    },
    article: (id) => store.article(id),
    entity: (key) => store.entity(key),
    entityEvents: (key, limit) => store.entityEvents(key, limit),
    quotes(q) {
      calls.push({ method: "quotes", query: q });
      return store.quotes(q);
    },
    stats: () => store.stats(),
  };
  const add = store.add?.bind(store);
  if (writable && add) {
    port.add = (analysis: Analysis, source: PostedSource, raw?: PostedRaw) =>
      add(analysis, source, raw);
  }
  return port;
}

export const FAKE_STORE: StoreKind = {
  name: "the in-memory fake store",
  open: async (articles = [], { writable = true } = {}) =>
    recorder(new FakeStore(articles), async () => {}, writable),
};

/** The real store of `backend`, in a temporary file or a fresh PostgreSQL schema. */
function realStore(name: string, backend: Backend): StoreKind {
  return {
    name,
    async open(articles = [], { writable = true } = {}) {
      const dir = mkdtempSync(join(tmpdir(), "marsad-api-"));
      const place = await freshTarget(backend, dir, "store");
      const store = await openStore(place.target);
      // analysed as the fake analyses them, stored as POST /api/ingest stores posted text
      for (const a of articles) {
        await store.add(
          analyseArticle(a),
          { key: a.source, kind: "url" },
          { kind: "text", content: a.text },
        );
      }
      return recorder(
        store,
        async () => {
          await store.close();
          await place.drop();
          rmSync(dir, { recursive: true, force: true });
        },
        writable,
      );
    },
  };
}

export const SQLITE_STORE = realStore("the SQLite store", "sqlite");
export const POSTGRES_STORE = realStore("the PostgreSQL store", "postgres");

/** The stores of src/store. */
export const REAL_STORES: StoreKind[] = [SQLITE_STORE, POSTGRES_STORE];
export const STORE_KINDS: StoreKind[] = [FAKE_STORE, ...REAL_STORES];
