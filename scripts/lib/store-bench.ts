/**
 * What the store benches share: the ANT corpus written as an ingest JSONL file, the 50 searches
 * built from it (so that bench-store and bench-scale time the same kinds of query), and
 * percentiles. The corpus lives in ../shared and is read, never copied into the repository.
 */
import { createReadStream, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import Database from "better-sqlite3";
import type { SearchQuery } from "../../src/store/index.js";
import { normalizeArabic } from "../../src/text/index.js";

export const ANT_CORPUS = new URL("../../../shared/data/news/ant_v1.1.jsonl", import.meta.url);

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
  const input = createInterface({ input: createReadStream(ANT_CORPUS), crlfDelay: Infinity });
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
