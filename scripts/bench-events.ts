/**
 * Events-stage benchmark: `analyze` on ANT news articles, and the events stage alone on each
 * finished analysis (eventsOfAnalysis, which tokenises the text again, so its time is an upper
 * bound on what the stage costs inside the pipeline). Prints the time of analyze with events,
 * without them (the difference), and the ratio the issue bounds at 1.2.
 *
 *   npx tsx scripts/bench-events.ts [--docs N]
 */
import { performance } from "node:perf_hooks";
import { eventsOfAnalysis } from "../src/events/index.js";
import { analyzeText } from "../src/index.js";
import { readAntArticles } from "./lib/corpus.js";

const at = process.argv.indexOf("--docs");
const WANT = at >= 0 ? Number(process.argv[at + 1]) : 1000;

const articles = await readAntArticles(WANT);
// warm up the models and caches on a few articles first
for (const a of articles.slice(0, 20)) analyzeText(a.text, a.date ? { date: a.date } : {});
let analyse = 0;
let stage = 0;
let events = 0;
let realised = 0;
for (const a of articles) {
  const t0 = performance.now();
  const analysis = analyzeText(a.text, a.date ? { date: a.date } : {});
  const t1 = performance.now();
  const found = eventsOfAnalysis(analysis);
  const t2 = performance.now();
  analyse += t1 - t0;
  stage += t2 - t1;
  events += found.length;
  realised += found.filter((e) => e.status === "realised" && !e.background).length;
}
const without = analyse - stage;
console.log(
  `bench-events: ${articles.length} ANT articles, ${events} events (${realised} realised, not background)`,
);
console.log(
  `  analyze with events ${(analyse / 1000).toFixed(1)} s; the events stage alone (upper bound) ${(stage / 1000).toFixed(2)} s`,
);
console.log(
  `  analyze with events / without: ≤ ${(analyse / without).toFixed(3)} (target ≤ 1.2); events stage ${((1000 * articles.length) / stage).toFixed(0)} articles/s`,
);
