/**
 * The store on the ANT corpus (../shared/data/news/ant_v1.1.jsonl, 10,161 Tunisian articles):
 * ingest throughput and peak memory (the process with its analysis worker threads), then the
 * latency of 50 searches (words, phrases, OR, filters) built from the corpus, then the web UI's
 * page load times over that store in headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core; skipped with a note where it is not installed).
 *
 *   npx tsx scripts/bench-store.ts                 # all articles, all cores
 *   npx tsx scripts/bench-store.ts --limit 2000 --jobs 1
 *   npx tsx scripts/bench-store.ts --no-ui         # without the browser
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { chromium } from "playwright-core";
import { startServer } from "../src/server/index.js";
import { ingest, openStore, type SearchQuery, type Store } from "../src/store/index.js";
import {
  buildQueries,
  formatSpread,
  percentile,
  RUNS,
  requireCorpus,
  spread,
  sqliteBytes,
  timeQueries,
  writeAntJsonl,
} from "./lib/store-bench.js";

const { values } = parseArgs({
  options: {
    limit: { type: "string", default: "0" },
    jobs: { type: "string" },
    keep: { type: "boolean", default: false },
    "no-ui": { type: "boolean", default: false },
  },
});
const limit = Number(values.limit) || Number.POSITIVE_INFINITY;

requireCorpus("bench-store");

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const CHROMIUM = "/usr/bin/chromium";
/** Pages of each kind opened; each kind's figures are over this many loads. */
const PAGES_PER_KIND = 10;

/**
 * Web UI pages over the store in headless Chromium: the time from the start of navigation to
 * the UI's "marsad:ready" mark (HTML, CSS, scripts, the API call and the rendered DOM), per kind
 * of page, as the browser tests measure it. The first page of a freshly started browser is
 * reported apart (fonts, scripts and the connection are cold then).
 */
async function benchUi(store: Store, db: string, queries: SearchQuery[]): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`web UI: skipped, ${CHROMIUM} is not installed (apt-get install chromium)`);
    return;
  }
  const conn = new Database(db, { readonly: true });
  const column = (sql: string) => conn.prepare(sql).pluck().all() as (string | number)[];
  const articleIds = column(
    `SELECT id FROM articles WHERE id % 97 = 0 ORDER BY id LIMIT ${PAGES_PER_KIND}`,
  );
  const entityKeys = column(
    `SELECT key FROM entities ORDER BY articles DESC, key LIMIT ${PAGES_PER_KIND}`,
  );
  const speakers = column(
    `SELECT speaker FROM quotes WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY count(*) DESC, speaker LIMIT ${PAGES_PER_KIND}`,
  );
  conn.close();
  const words = queries
    .filter((q) => q.q && !q.entity && !q.speaker && !q.from && !q.to && !q.source)
    .slice(0, PAGES_PER_KIND);
  const kinds: [string, string[]][] = [
    ["search", words.map((q) => `/?q=${encodeURIComponent(q.q ?? "")}`)],
    ["article", articleIds.map((id) => `/articles/${id}`)],
    ["entity", entityKeys.map((key) => `/entities/${encodeURIComponent(String(key))}`)],
    ["quotes", speakers.map((key) => `/quotes?speaker=${encodeURIComponent(String(key))}`)],
  ];

  const server = await startServer({ store, port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const open = async (path: string): Promise<number> => {
      await page.goto(`${server.url}${path}`);
      await page.waitForSelector("body[data-state=ready]", { timeout: 30_000 });
      return page.evaluate(
        () => performance.getEntriesByName("marsad:ready")[0]?.startTime ?? Number.NaN,
      );
    };
    const cold = await open("/");
    console.log(`web UI (headless Chromium, ${(await store.stats()).articles} articles):`);
    console.log(`  first page of a fresh browser: ${cold.toFixed(0)} ms`);
    const all: number[] = [];
    for (const [kind, paths] of kinds) {
      const times: number[] = [];
      for (const path of paths) times.push(await open(path));
      const sorted = times.filter((t) => Number.isFinite(t)).sort((a, b) => a - b);
      all.push(...sorted);
      console.log(
        `  ${kind.padEnd(8)} ${sorted.length} pages: ${formatSpread(sorted, { digits: 0 })}`,
      );
    }
    all.sort((a, b) => a - b);
    console.log(
      `  all      ${all.length} pages: p50 ${percentile(all, 50).toFixed(0)} ms, p95 ${percentile(all, 95).toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "marsad-bench-"));
  const jsonl = join(dir, "ant.jsonl");
  const db = join(dir, "ant.db");
  const texts = await writeAntJsonl(jsonl, limit);
  console.log(`corpus: ${texts.length} articles → ${jsonl}`);

  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const store = await openStore(db);
  const started = performance.now();
  let shown = 0;
  const summary = await ingest(store, [jsonl], {
    ...(values.jobs !== undefined ? { jobs: Number(values.jobs) } : {}),
    onProgress: (p) => {
      if (p.done < shown + 1000) return;
      shown = p.done - (p.done % 1000);
      const s = (performance.now() - started) / 1000;
      process.stderr.write(`  ${p.done}/${p.total} in ${s.toFixed(0)} s\n`);
    },
  });
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const processed = summary.added + summary.duplicates + summary.failed;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const stats = await store.stats();
  console.log(
    `ingest: ${processed} sources in ${seconds.toFixed(1)} s = ${(processed / seconds).toFixed(1)} articles/s` +
      ` (added ${summary.added}, duplicates ${summary.duplicates}, failed ${summary.failed})`,
  );
  console.log(
    `memory: peak RSS ${mb(maxRss)} (getrusage, process with its worker threads), sampled peak ${mb(peak)}`,
  );
  const size = sqliteBytes(db);
  console.log(
    `store: ${stats.articles} articles, ${stats.clusters} story clusters, ${stats.entities} entities, ${stats.quotes} quotes; ${mb(size)} on disk`,
  );
  const reasons = new Map<string, number>();
  for (const f of summary.failures) reasons.set(f.reason, (reasons.get(f.reason) ?? 0) + 1);
  for (const [reason, n] of reasons) console.log(`  failed ×${n}: ${reason}`);
  await store.close();

  const reader = await openStore(db, { readonly: true });
  const queries = buildQueries(texts, db);
  // once per process: the lexicon (clitic segmentation) and the KB (name resolution) load lazily
  const warm = performance.now();
  await reader.search({ q: "والحكومة", entity: "وزارة الداخلية" });
  console.log(`warm-up (lexicon and KB load): ${(performance.now() - warm).toFixed(0)} ms`);
  // each query's first run (fresh statements, cold caches), then the median of five more runs
  const timed = await timeQueries(reader, queries);
  const hits = timed.reduce((n, t) => n + (t.total as number), 0);
  console.log(`search: ${queries.length} queries, ${hits} matching stories in all`);
  for (const [label, times] of [
    ["first run", timed.map((t) => t.first)],
    [`median of ${RUNS}`, timed.map((t) => t.median)],
  ] as const) {
    const { max } = spread(times);
    console.log(
      `  ${label}: ${formatSpread(times)} (${JSON.stringify(queries[times.indexOf(max)])})`,
    );
  }
  if (!values["no-ui"]) await benchUi(reader, db, queries);
  await reader.close();
  if (values.keep) console.log(`kept: ${db}`);
  else rmSync(dir, { recursive: true, force: true });
}

await main();
