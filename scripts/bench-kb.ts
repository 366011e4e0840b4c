/**
 * Knowledge-base benchmark: the size of data/kb/kb.jsonl.gz (entries by type and kind, bytes),
 * its load time (the first load in this process, so nothing is cached), matchTokens speed over ~10,000 sentences of the ANT news corpus, and the whole
 * entities stage (KB matches, titles, linking, coreference) per token over 1,000 articles.
 *
 *   npx tsx scripts/bench-kb.ts [--sentences N]
 */
import { createReadStream, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { Doc } from "../src/analysis.js";
import { resolveEntities } from "../src/entities/index.js";
import { loadKnowledgeBase } from "../src/entities/kb.js";
import { recognizeEntities } from "../src/ner/index.js";
import { normalizeArabic, splitSentences, tokenize } from "../src/text/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS = join(root, "../shared/data/news/ant_v1.1.jsonl");
const KB = join(root, "data/kb/kb.jsonl.gz");
const arg = process.argv.indexOf("--sentences");
const WANT = arg >= 0 ? Number(process.argv[arg + 1]) : 10_000;

/** Sentences of the corpus as arrays of normalised word, latin and number tokens. */
async function readSentences(): Promise<string[][]> {
  const out: string[][] = [];
  const rl = createInterface({ input: createReadStream(CORPUS), crlfDelay: Infinity });
  for await (const line of rl) {
    if (out.length >= WANT) break;
    const text = (JSON.parse(line) as { text?: string }).text ?? "";
    for (const s of splitSentences(text)) {
      const norms: string[] = [];
      for (const t of tokenize(text.slice(s.start, s.end))) {
        if (t.kind === "word" || t.kind === "latin") norms.push(t.norm ?? t.text);
        else if (t.kind === "number") norms.push(normalizeArabic(t.text));
      }
      if (norms.length > 0) out.push(norms);
      if (out.length >= WANT) break;
    }
  }
  rl.close();
  return out;
}

/** What the bundled file holds, read straight from it: entries per type and kind, and its size. */
function describeFile(): void {
  const kinds = new Map<string, number>();
  let entries = 0;
  for (const line of gunzipSync(readFileSync(KB)).toString("utf8").split("\n")) {
    if (!line.trim()) continue;
    const { type, kind } = JSON.parse(line) as { type: string; kind?: string };
    const key = `${type} ${kind ?? "-"}`;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
    entries++;
  }
  const byKind = [...kinds]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n.toLocaleString("en")}`)
    .join(", ");
  console.log(
    `file: data/kb/kb.jsonl.gz, ${entries.toLocaleString("en")} entries, ` +
      `${(statSync(KB).size / 1024).toFixed(0)} KB gzipped (${byKind})`,
  );
}

async function main(): Promise<void> {
  // the load is timed first, before describeFile reads the same file
  const t0 = performance.now();
  const kb = loadKnowledgeBase();
  const loadMs = performance.now() - t0;
  describeFile();
  console.log(`load: ${loadMs.toFixed(1)} ms (${kb.size} entries; first load in this process)`);

  const sentences = await readSentences();
  const tokens = sentences.reduce((n, s) => n + s.length, 0);
  let matches = 0;
  for (const s of sentences) matches += kb.matchTokens(s).length; // warm-up
  const rounds = 5;
  const t1 = performance.now();
  for (let r = 0; r < rounds; r++) for (const s of sentences) kb.matchTokens(s);
  const us = ((performance.now() - t1) * 1000) / (rounds * tokens);
  console.log(
    `matchTokens: ${sentences.length} sentences, ${tokens} tokens, ${matches} matches; ` +
      `${us.toFixed(3)} µs/token (${(1 / us).toFixed(2)} M tokens/s)`,
  );

  const words = sentences.flat().slice(0, 50_000);
  const t2 = performance.now();
  for (const w of words) kb.lookup(w);
  const lookupUs = ((performance.now() - t2) * 1000) / words.length;
  const t3 = performance.now();
  for (const w of words) kb.adjective(w);
  const adjUs = ((performance.now() - t3) * 1000) / words.length;
  console.log(`lookup: ${lookupUs.toFixed(3)} µs/word; adjective: ${adjUs.toFixed(3)} µs/word`);
  await benchStage();
}

/** The entities stage alone (NER runs before the clock starts), words seen for the first time. */
async function benchStage(): Promise<void> {
  const docs: Doc[] = [];
  const rl = createInterface({ input: createReadStream(CORPUS), crlfDelay: Infinity });
  for await (const line of rl) {
    if (docs.length >= 1000) break;
    const { text = "", time = "" } = JSON.parse(line) as { text?: string; time?: string };
    const tokens = tokenize(text);
    const published = /^\d{4}-\d{2}-\d{2}/.test(time) ? time.slice(0, 10) : undefined;
    docs.push({
      text,
      meta: { language: "ar", ...(published ? { published } : {}) },
      sentences: splitSentences(text, tokens),
      tokens,
    });
  }
  rl.close();
  const recognized = docs.map((d) => recognizeEntities(d));
  const tokens = docs.reduce((n, d) => n + d.tokens.length, 0);
  const t = performance.now();
  let entities = 0;
  docs.forEach((d, i) => {
    entities += resolveEntities(d, recognized[i] ?? []).length;
  });
  const us = ((performance.now() - t) * 1000) / tokens;
  console.log(
    `entities stage: ${docs.length} articles, ${tokens} tokens, ${entities} entities; ` +
      `${us.toFixed(2)} µs/token`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
