/**
 * Survey of page chrome and datelines over a JSONL news corpus (default: the ANT corpus in
 * ../shared) and the seed article: how many articles lose lines and why, which datelines are
 * found, with samples to check by hand. Nothing is written; the corpus stays outside the repo.
 *
 *   npx tsx scripts/survey-datelines.ts [corpus.jsonl] [--samples N]
 */
import { readFileSync } from "node:fs";
import { stripBoilerplate } from "../src/input/boilerplate.js";
import { findDateline } from "../src/input/dateline.js";

const args = process.argv.slice(2);
const samplesAt = args.indexOf("--samples");
const samples = samplesAt >= 0 ? Number(args[samplesAt + 1]) : 40;
const corpus =
  args.find((a, i) => !a.startsWith("--") && i !== samplesAt + 1) ??
  "../shared/data/news/ant_v1.1.jsonl";

const reasons = new Map<string, number>();
const removedLines = new Map<string, number>();
const datelineShapes = new Map<string, number>();
const datelineSamples: string[] = [];
let articles = 0;
let articlesWithRemovals = 0;
let linesRemoved = 0;
let datelines = 0;
let chars = 0;
const started = performance.now();

for (const line of readFileSync(corpus, "utf8").split("\n")) {
  if (line.trim() === "") continue;
  const doc = JSON.parse(line) as { text?: string | null; docno?: string };
  const raw = doc.text ?? "";
  articles++;
  chars += raw.length;
  const { text, removed } = stripBoilerplate(raw);
  if (removed.length > 0) articlesWithRemovals++;
  for (const r of removed) {
    linesRemoved++;
    reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
    const key = `${r.reason}\t${r.text.slice(0, 70)}`;
    removedLines.set(key, (removedLines.get(key) ?? 0) + 1);
  }
  const d = findDateline(text);
  if (d !== undefined) {
    datelines++;
    const shape = `place=${d.place ? "yes" : "no"} agency=${d.agency ?? "-"}`;
    datelineShapes.set(shape, (datelineShapes.get(shape) ?? 0) + 1);
    if (datelineSamples.length < samples) {
      datelineSamples.push(
        `${doc.docno ?? "?"}\t[${text.slice(d.start, d.end)}]\t${JSON.stringify(d)}`,
      );
    }
  }
}
const seconds = (performance.now() - started) / 1000;

const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
console.log(`corpus: ${corpus}`);
console.log(
  `articles: ${articles}, ${(chars / 1e6).toFixed(1)}M chars, ${seconds.toFixed(2)} s for both stages`,
);
console.log(`articles losing lines: ${articlesWithRemovals}, lines removed: ${linesRemoved}`);
for (const [reason, n] of sorted(reasons)) console.log(`  ${reason}: ${n}`);
console.log("removed lines (reason, text, count):");
for (const [key, n] of sorted(removedLines).slice(0, samples)) console.log(`  ${n}\t${key}`);
console.log(`datelines: ${datelines}`);
for (const [shape, n] of sorted(datelineShapes)) console.log(`  ${n}\t${shape}`);
for (const s of datelineSamples) console.log(`  ${s}`);

const seed = readFileSync("../shared/seed/putin-xi-call.txt", "utf8");
const cleaned = stripBoilerplate(seed);
console.log("seed removed:", JSON.stringify(cleaned.removed));
const seedDateline = findDateline(cleaned.text);
console.log(
  "seed dateline:",
  JSON.stringify(seedDateline),
  seedDateline && cleaned.text.slice(seedDateline.start, seedDateline.end),
);
