/**
 * `npm run bench`: the clitic lexicon's load time; NER model load time, tagging speed, model
 * sizes and `marsad ner` peak memory (on ANERcorp); the text layer alone (tokeniser, sentence
 * splitter, normaliser) and throughput and memory of `analyze` on the ANT news corpus
 * (../shared/data/news/ant_v1.1.jsonl, 10k Tunisian articles); and memory of the streaming
 * `analyze --jsonl` path over a long batch (the corpus repeated).
 *
 *   npm run bench                       # all articles once, then a 20k-line batch
 *   npm run bench -- --limit 2000       # fewer articles
 *   npm run bench -- --batch-lines 100000
 */
import { spawnSync } from "node:child_process";
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { PassThrough, Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { analyzeJsonl } from "../src/cli/batch.js";
import { analyzeText } from "../src/index.js";
import { loadTagger, nerResources, parseConll, tagSentences } from "../src/ner/index.js";
import { lexiconInfo, normalizeArabic, splitSentences, tokenize } from "../src/text/index.js";

const CORPUS = new URL("../../shared/data/news/ant_v1.1.jsonl", import.meta.url);
const NER_DATA = new URL("../../shared/data/ner/anercorp/train.conll", import.meta.url);

const { values } = parseArgs({
  options: {
    limit: { type: "string", default: "0" },
    "batch-lines": { type: "string", default: "20000" },
  },
});
const limit = Number(values.limit) || Number.POSITIVE_INFINITY;
const batchLines = Number(values["batch-lines"]);

if (!existsSync(CORPUS)) {
  console.error(`bench: the ANT corpus is not at ${CORPUS.pathname} (it ships in ../shared/data)`);
  process.exit(2);
}

interface Article {
  text: string;
  date: string;
}

async function loadCorpus(): Promise<Article[]> {
  const articles: Article[] = [];
  const lines = createInterface({
    input: createReadStream(CORPUS),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { text?: string; time?: string };
    if (!record.text?.trim()) continue;
    articles.push({ text: record.text, date: isoDate(record.time ?? "") });
    if (articles.length >= limit) break;
  }
  return articles;
}

/** ANT dates are ISO date-times or DD/MM/YYYY. */
function isoDate(time: string): string {
  const dmy = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(time);
  return dmy ? `${dmy[3]}-${dmy[2]}-${dmy[1]}` : time.slice(0, 10);
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The clitic lexicon's first load in this process (before anything else has touched it). */
function benchLexicon(): void {
  const info = lexiconInfo();
  if (!info) {
    console.log("lexicon: data/lexicon/ar-lexicon.bin is missing");
    return;
  }
  console.log(
    `clitic lexicon: loaded in ${info.loadMs.toFixed(1)} ms (${mb(info.bytes)}, ` +
      `${info.words.toLocaleString("en")} words)`,
  );
}

/** Seconds taken by the fastest of `rounds` runs of `f` (the others absorb GC and JIT noise). */
function fastest(rounds: number, f: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const t = process.hrtime.bigint();
    f();
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
  }
  return best;
}

/**
 * The text layer's parts alone over the corpus: the tokeniser, the sentence splitter given the
 * tokens (as the pipeline calls it), and the normaliser over whole articles.
 */
function benchText(articles: Article[]): void {
  const texts = articles.map((a) => a.text);
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const tokenized = texts.map((t) => tokenize(t)); // also the warm-up
  const tokens = tokenized.reduce((n, t) => n + t.length, 0);
  const tokenizeSeconds = fastest(3, () => {
    for (const t of texts) tokenize(t);
  });
  const splitSeconds = fastest(3, () => {
    for (let i = 0; i < texts.length; i++) splitSentences(texts[i] as string, tokenized[i]);
  });
  const normalizeSeconds = fastest(3, () => {
    for (const t of texts) normalizeArabic(t);
  });
  const perSecond = (n: number, s: number) => `${(n / s / 1e6).toFixed(1)} M`;
  console.log(
    `text layer (${articles.length} articles, ${(chars / 1e6).toFixed(1)} M chars, ${(tokens / 1e6).toFixed(2)} M tokens; one core): ` +
      `tokeniser ${perSecond(tokens, tokenizeSeconds)} tokens/s, ` +
      `sentence splitter (given the tokens) ${perSecond(chars, splitSeconds)} chars/s, ` +
      `normaliser ${perSecond(chars, normalizeSeconds)} chars/s`,
  );
}

async function benchAnalyze(articles: Article[]): Promise<void> {
  // Warm up lazily loaded data and the JIT so the figure is steady-state throughput.
  for (const a of articles.slice(0, 50)) analyzeText(a.text, { date: a.date });
  let bytes = 0;
  let tokens = 0;
  let failed = 0;
  const started = process.hrtime.bigint();
  for (const a of articles) {
    bytes += Buffer.byteLength(a.text);
    try {
      tokens += analyzeText(a.text, { date: a.date, tokens: true }).tokens?.length ?? 0;
    } catch {
      failed++;
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `analyze: ${articles.length} articles, ${mb(bytes)} in ${seconds.toFixed(2)} s = ` +
      `${(articles.length / seconds).toFixed(0)} articles/s, ${(bytes / 1024 / 1024 / seconds).toFixed(2)} MB/s, ` +
      `${Math.round(tokens / seconds).toLocaleString("en")} tokens/s` +
      (failed ? ` (${failed} rejected as input errors)` : ""),
  );
}

async function benchBatch(articles: Article[]): Promise<void> {
  if (!batchLines) return;
  const input = new PassThrough();
  let written = 0;
  const sink = new Writable({
    write(_chunk, _encoding, done) {
      written++;
      done();
    },
  });
  const samples: number[] = [];
  const every = Math.max(1, Math.floor(batchLines / 10));
  const lines = Readable.from(
    (function* () {
      for (let i = 0; i < batchLines; i++) {
        const a = articles[i % articles.length] as Article;
        if (i % every === 0) samples.push(process.memoryUsage().rss);
        yield `${JSON.stringify({ id: `a${i}`, text: a.text, date: a.date })}\n`;
      }
    })(),
  );
  lines.pipe(input);
  const started = process.hrtime.bigint();
  const summary = await analyzeJsonl(input, sink);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `analyze --jsonl: ${summary.lines} lines (${written} written, ${summary.failed} errors) in ` +
      `${seconds.toFixed(1)} s = ${(summary.lines / seconds).toFixed(0)} lines/s; ` +
      `RSS along the run: ${samples.map((s) => mb(s).replace(" MB", "")).join(" → ")} MB`,
  );
}

/**
 * Each shipped tagger (neural, the default, then the perceptron): load time, tagging speed on
 * ANERcorp train on first sight and once words are cached, and `marsad ner`'s peak memory on a
 * 25k-token file as a user runs it.
 */
function benchNer(): void {
  const sentences = parseConll(readFileSync(NER_DATA, "utf8")).map((s) => s.tokens);
  const tokens = sentences.reduce((n, s) => n + s.length, 0);
  const sample: string[] = [];
  let count = 0;
  for (const s of sentences) {
    if (count >= 25_000) break;
    sample.push(s.join("\n"));
    count += s.length;
  }
  const file = join(mkdtempSync(join(tmpdir(), "marsad-bench-")), "sample.conll");
  writeFileSync(file, `${sample.join("\n\n")}\n`);
  const root = fileURLToPath(new URL("..", import.meta.url));
  const size = (file: string) => mb(statSync(new URL(`../data/ner/${file}`, import.meta.url)).size);
  const speed: Record<string, number> = {};
  for (const model of ["neural", "perceptron"] as const) {
    const started = process.hrtime.bigint();
    const tagger = loadTagger(model);
    const resources = nerResources();
    resources.gazetteer?.(["تحميل"]);
    resources.wordClasses?.("تحميل");
    const loadMs = Number(process.hrtime.bigint() - started) / 1e6;
    tagSentences(sentences.slice(0, 200), tagger); // JIT warm-up
    // The first pass meets most words for the first time (clitic analysis, gazetteer and class
    // lookups are cached per word); the second shows the steady state of a long-running process.
    const timed = () => {
      const t = process.hrtime.bigint();
      tagSentences(sentences, tagger);
      return Number(process.hrtime.bigint() - t) / 1e9;
    };
    const seconds = timed();
    const warmSeconds = timed();
    speed[model] = tokens / seconds;
    const child = spawnSync(
      "node",
      [
        "--import",
        "./scripts/report-rss.mjs",
        "bin/marsad.js",
        "ner",
        "--model",
        model,
        "--conll",
        file,
      ],
      { cwd: root, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] },
    );
    const peak = Number(/peak-rss-kb (\d+)/.exec(child.stderr)?.[1] ?? 0) * 1024;
    console.log(
      `ner (${model}): loaded in ${loadMs.toFixed(0)} ms; ${tokens.toLocaleString("en")} tokens tagged in ` +
        `${seconds.toFixed(2)} s = ${Math.round(tokens / seconds).toLocaleString("en")} tokens/s on first sight, ` +
        `${Math.round(tokens / warmSeconds).toLocaleString("en")} tokens/s once words are cached (one core); ` +
        `\`marsad ner --model ${model}\` on ${count.toLocaleString("en")} tokens: peak RSS ${mb(peak)}`,
    );
  }
  console.log(
    `ner: the neural tagger tags at ${(100 * ((speed.neural ?? 0) / (speed.perceptron ?? 1))).toFixed(0)}% of the perceptron's speed (first sight, this run)`,
  );
  console.log(
    `ner data: neural.bin.gz ${size("neural.bin.gz")} (with its perceptron partner), embeddings.bin ` +
      `${size("embeddings.bin")}, tagger.bin.gz ${size("tagger.bin.gz")}, word classes ` +
      `${size("word-classes.bin")}, gazetteers ${size("gazetteers.json.gz")}`,
  );
}

/**
 * `analyze` on the first 1,000 articles with each tagger, alternating three times (the best
 * time of each counts): the cost of the neural tagger in the whole pipeline.
 */
function benchAnalyzeByTagger(articles: Article[]): void {
  const sample = articles.slice(0, 1000);
  const run = (ner: string) => {
    const t = process.hrtime.bigint();
    for (const a of sample) {
      try {
        analyzeText(a.text, { date: a.date, ner });
      } catch {
        // input errors are counted by benchAnalyze
      }
    }
    return Number(process.hrtime.bigint() - t) / 1e9;
  };
  run("perceptron"); // warm-up of both
  run("neural");
  const best = { neural: Number.POSITIVE_INFINITY, perceptron: Number.POSITIVE_INFINITY };
  for (let round = 0; round < 3; round++) {
    best.perceptron = Math.min(best.perceptron, run("perceptron"));
    best.neural = Math.min(best.neural, run("neural"));
  }
  console.log(
    `analyze on ${sample.length} articles: neural ${best.neural.toFixed(2)} s, perceptron ` +
      `${best.perceptron.toFixed(2)} s: ×${(best.neural / best.perceptron).toFixed(2)} the time with the perceptron`,
  );
}

benchLexicon();
if (existsSync(NER_DATA)) benchNer();
const articles = await loadCorpus();
benchText(articles);
if (existsSync(NER_DATA)) benchAnalyzeByTagger(articles);
await benchAnalyze(articles);
await benchBatch(articles);
console.log(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
