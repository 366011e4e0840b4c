/**
 * The store implementations the API tests run over, each holding the same small invented
 * articles (./articles.ts): the in-memory fake (./fake-store.ts, a substring filter for search)
 * and the real SQLite store of src/store in a temporary file (bm25 ranking, Arabic-aware
 * matching, KB-resolved entity and speaker filters, story clusters). Both are seen through a
 * recorder that keeps the queries the server passed on, for the tests of parameter handling.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Analysis } from "../../src/analysis.js";
import type { PostedRaw, PostedSource, StorePort, WriteResult } from "../../src/server/index.js";
import { openStore } from "../../src/store/index.js";
import { analyseArticle, type FakeArticle, FakeStore } from "./fake-store.js";

/** A query the server passed on to the store. */
export interface StoreCall {
  method: "search" | "quotes";
  query: unknown;
}

/** A store as the server sees it, with the queries it received and a way to clean it up. */
export interface TestStore extends StorePort {
  readonly calls: StoreCall[];
  close(): void;
}

export interface StoreKind {
  name: string;
  /** A store holding `articles`; `writable: false` leaves out `add`, as a read-only store. */
  open(articles?: FakeArticle[], options?: { writable?: boolean }): TestStore;
}

/** Delegates to `store`, recording search and quote queries; `close` is the store's cleanup. */
function recorder(store: StorePort, close: () => void, writable: boolean): TestStore {
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
    port.add = (analysis: Analysis, source: PostedSource, raw?: PostedRaw): WriteResult =>
      add(analysis, source, raw);
  }
  return port;
}

export const FAKE_STORE: StoreKind = {
  name: "the in-memory fake store",
  open: (articles = [], { writable = true } = {}) =>
    recorder(new FakeStore(articles), () => {}, writable),
};

export const SQLITE_STORE: StoreKind = {
  name: "the SQLite store",
  open(articles = [], { writable = true } = {}) {
    const dir = mkdtempSync(join(tmpdir(), "marsad-api-"));
    const store = openStore(join(dir, "store.db"));
    // analysed as the fake analyses them, stored as POST /api/ingest stores posted text
    for (const a of articles) {
      store.add(
        analyseArticle(a),
        { key: a.source, kind: "url" },
        { kind: "text", content: a.text },
      );
    }
    return recorder(
      store,
      () => {
        store.close();
        rmSync(dir, { recursive: true, force: true });
      },
      writable,
    );
  },
};

export const STORE_KINDS: StoreKind[] = [FAKE_STORE, SQLITE_STORE];
