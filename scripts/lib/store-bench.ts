/**
 * What the store benches share: the ANT corpus written as an ingest JSONL file, the 50 searches
 * built from it (so that bench-store and bench-scale time the same kinds of query), their timing,
 * percentiles and a SQLite store's size. The corpus lives in ../shared and is read, never copied
 * into the repository.
 */
import { createReadStream, existsSync, statSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import type { SearchQuery, Store } from "../../src/store/index.js";
import { normalizeArabic } from "../../src/text/index.js";
import { ANT } from "./corpus.js";

/** Stops `script` with a clear message (exit 2) where the ANT corpus is not there. */
export function requireCorpus(script: string): void {
  if (!existsSync(ANT)) {
    console.error(`${script}: the ANT corpus is not at ${ANT}`);
    process.exit(2);
  }
}

/** ANT dates are ISO date-times or DD/MM/YYYY. */
export function isoDate(time: string): string {
  const dmy = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(time);
  return dmy ? `${dmy[3]}-${dmy[2]}-${dmy[1]}` : time.slice(0, 10);
}

/**
 * The first `limit` ANT lines as ingest JSONL ({ id, text, date }, and `url` with `withUrl`) at
 * `path`; returns their texts, which the queries are picked from.
 */
export async function writeAntJsonl(
  path: string,
  limit: number,
  options: { withUrl?: boolean } = {},
): Promise<string[]> {
  const lines: string[] = [];
  const texts: string[] = [];
  const input = createInterface({ input: createReadStream(ANT), crlfDelay: Infinity });
  for await (const line of input) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { docno: string; text?: string; time?: string; url?: string };
    lines.push(
      JSON.stringify({
        id: r.docno,
        text: r.text ?? "",
        ...(options.withUrl && r.url ? { url: r.url } : {}),
        date: isoDate(r.time ?? ""),
      }),
    );
    texts.push(r.text ?? "");
    if (lines.length >= limit) break;
  }
  input.close();
  writeFileSync(path, `${lines.join("\n")}\n`);
  return texts;
}

/** A small deterministic PRNG, so the queries are the same on every run. */
function prng(seed: number) {
  let x = seed;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x / 2 ** 32;
  };
}

const ARABIC_WORD = /^[\u0621-\u064a]{4,}$/;

/**
 * 50 searches: 20 words, 10 phrases, 5 ORs, 5 two-word ANDs picked from `texts`, then 10 with
 * filters (entity, speaker, dates, source) on the frequent entities and speakers of the SQLite
 * store at `db`.
 */
export function buildQueries(texts: string[], db: string): SearchQuery[] {
  const random = prng(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)] as T;
  const words = (t: string) => t.split(/\s+/).filter((w) => ARABIC_WORD.test(w));
  const queries: SearchQuery[] = [];
  while (queries.length < 20) {
    const w = words(pick(texts));
    if (w.length) queries.push({ q: pick(w) });
  }
  while (queries.length < 30) {
    const w = words(pick(texts));
    if (w.length < 3) continue;
    const i = Math.floor(random() * (w.length - 1));
    queries.push({ q: `"${w[i]} ${w[i + 1]}"` });
  }
  while (queries.length < 35) {
    const a = words(pick(texts));
    const b = words(pick(texts));
    if (a.length && b.length) queries.push({ q: `${pick(a)} OR ${pick(b)}` });
  }
  while (queries.length < 40) {
    const w = words(pick(texts));
    if (w.length > 1) queries.push({ q: `${pick(w)} ${pick(w)}` });
  }
  // filters: frequent entities and speakers of the store, date ranges, sources
  const conn = new Database(db, { readonly: true });
  const entities = conn
    .prepare("SELECT key FROM entities ORDER BY articles DESC LIMIT 20")
    .pluck()
    .all() as string[];
  const speakers = conn
    .prepare(
      "SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY count(*) DESC LIMIT 10",
    )
    .pluck()
    .all() as string[];
  const names = conn
    .prepare("SELECT name FROM entities ORDER BY articles DESC LIMIT 10")
    .pluck()
    .all() as string[];
  conn.close();
  const years = ["2013", "2014", "2015", "2016", "2017"];
  const common = ["تونس", "الحكومة", "وزير", "الرئيس", "الانتخابات"];
  queries.push({ q: pick(common), entity: pick(entities) });
  queries.push({ q: pick(common), from: "2016-01-01", to: "2016-06-30" });
  queries.push({ entity: pick(names) });
  queries.push({ speaker: pick(speakers) });
  queries.push({ q: pick(common), speaker: pick(speakers) });
  queries.push({
    q: `"${pick(common)} ${pick(["الجديد", "التونسي", "العام"])}"`,
    from: pick(years),
  });
  queries.push({ q: pick(common), source: "ant.jsonl:1" });
  queries.push({ q: normalizeArabic(pick(common)), entity: pick(names), to: "2015-12-31" });
  queries.push({ from: "2017-01", to: "2017-02" });
  queries.push({ q: `${pick(common)} OR ${pick(common)}`, collapse: false, limit: 50 });
  return queries;
}

/** The p-th percentile of ascending `sorted` (nearest rank, rounding down). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** p50, p95 (nearest rank) and max of the finite `times`, in ms; NaN for none. */
export function spread(times: number[]): { p50: number; p95: number; max: number } {
  const sorted = times.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/**
 * "p50 … ms, p95 … ms, max … ms" of `times`: each figure with `digits` decimals, " ms" after it,
 * padded on the left to `width`, and `separator` between the three.
 */
export function formatSpread(
  times: number[],
  { digits = 1, width = 0, separator = ", " } = {},
): string {
  const { p50, p95, max } = spread(times);
  const ms = (n: number) => `${n.toFixed(digits)} ms`.padStart(width);
  return `p50 ${ms(p50)}${separator}p95 ${ms(p95)}${separator}max ${ms(max)}`;
}

/** Each query's median is over this many runs after its first. */
export const RUNS = 5;

/** A query's times in ms, and its total; a query that failed has NaN times and its error. */
export interface Timed {
  first: number;
  median: number;
  total: number | string;
}

/**
 * Each query's first run (fresh statements or plan, cold caches for its pages), then the median
 * of RUNS more. A query that fails is thrown, or with `keepErrors` kept as `error: <message>` in
 * its total (NaN times) and the rest timed all the same.
 */
export async function timeQueries(
  store: Store,
  queries: SearchQuery[],
  { keepErrors = false } = {},
): Promise<Timed[]> {
  const out: Timed[] = [];
  for (const query of queries) {
    let t = performance.now();
    let total: number | string;
    try {
      total = (await store.search(query)).total;
    } catch (error) {
      if (!keepErrors) throw error;
      out.push({
        first: Number.NaN,
        median: Number.NaN,
        total: `error: ${(error as Error).message}`,
      });
      continue;
    }
    const first = performance.now() - t;
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      t = performance.now();
      await store.search(query);
      runs.push(performance.now() - t);
    }
    runs.sort((a, b) => a - b);
    out.push({ first, median: runs[Math.floor(RUNS / 2)] as number, total });
  }
  return out;
}

/** Bytes a SQLite store takes on disk: its file and its write-ahead log. */
export function sqliteBytes(path: string): number {
  return ["", "-wal"].reduce((n, s) => n + (existsSync(path + s) ? statSync(path + s).size : 0), 0);
}
