/**
 * Time-stage benchmark: extractTimes over the texts of the ANT news corpus, each resolved against
 * its own publication date. Reports MB/s of text (UTF-8) for the stage alone (documents
 * tokenised beforehand, as the pipeline hands them over) and with tokenisation included, plus
 * how many expressions were found; then the whole `marsad time --jsonl` command over the same
 * articles, with its wall time and peak memory.
 *
 *   npx tsx scripts/bench-time.ts [--docs N] [--rounds R]
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Doc } from "../src/analysis.js";
import { splitSentences, tokenize } from "../src/text/index.js";
import { extractTimes } from "../src/time/index.js";
import { type AntArticle, readAntArticles } from "./lib/corpus.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const WANT = flag("--docs", 100_000);
const ROUNDS = flag("--rounds", 3);

function toDoc(a: AntArticle): Doc {
  const tokens = tokenize(a.text);
  return {
    text: a.text,
    tokens,
    sentences: splitSentences(a.text, tokens),
    meta: { language: "ar", ...(a.date ? { published: a.date } : {}) },
  };
}

const articles = await readAntArticles(WANT);
const bytes = articles.reduce((sum, a) => sum + Buffer.byteLength(a.text, "utf8"), 0);
const mb = bytes / 1e6;
const docs = articles.map(toDoc);
const tokenCount = docs.reduce((sum, d) => sum + d.tokens.length, 0);

// warm-up, then the best of ROUNDS for the stage alone
let found = 0;
for (const d of docs.slice(0, 200)) extractTimes(d);
let best = Number.POSITIVE_INFINITY;
for (let r = 0; r < ROUNDS; r++) {
  const t0 = performance.now();
  found = 0;
  for (const d of docs) found += extractTimes(d).length;
  best = Math.min(best, (performance.now() - t0) / 1000);
}

const t1 = performance.now();
for (const a of articles) extractTimes(toDoc(a));
const withTokens = (performance.now() - t1) / 1000;

console.log(`articles: ${articles.length}, text ${mb.toFixed(1)} MB (UTF-8), ${tokenCount} tokens`);
console.log(
  `time expressions found: ${found} (${((1000 * found) / tokenCount).toFixed(1)} per 1000 tokens)`,
);
console.log(
  `extractTimes alone: ${best.toFixed(2)} s = ${(mb / best).toFixed(1)} MB/s, ${Math.round(tokenCount / best / 1000)}k tokens/s`,
);
console.log(
  `with tokenize + sentences: ${withTokens.toFixed(2)} s = ${(mb / withTokens).toFixed(1)} MB/s`,
);

// The command a user runs, start-up and JSON included: its wall time and peak memory.
const batch = articles
  .map((a, i) => JSON.stringify({ id: String(i), text: a.text, date: a.date ?? null }))
  .join("\n");
const t2 = performance.now();
const cli = spawnSync(
  "node",
  ["--import", "./scripts/report-rss.mjs", "bin/marsad.js", "time", "--jsonl", "-"],
  { cwd: root, input: batch, encoding: "utf8", maxBuffer: 1 << 30 },
);
const cliSeconds = (performance.now() - t2) / 1000;
const peakKb = Number(/peak-rss-kb (\d+)/.exec(cli.stderr)?.[1] ?? 0);
console.log(
  `marsad time --jsonl on the ${articles.length} articles: ${cliSeconds.toFixed(2)} s ` +
    `(${Math.round(articles.length / cliSeconds)} articles/s), peak RSS ${(peakKb / 1024).toFixed(0)} MB`,
);
