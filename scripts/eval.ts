/**
 * `npm run eval`: every development figure of the project in one table, so that a regression
 * anywhere shows at once. Each row names its source; the news, event, snippet and date-time rows
 * are the external evaluation's own scorer (../shared/tools/marsad_score.py, run from the repo
 * root on the freshly built CLI), whose printed lines are read back here.
 *
 *   npm run eval                      # every row (builds dist/ first: the scorer runs the CLI)
 *   npm run eval -- --skip-ner        # without the NER rows
 *   npm run eval -- --only news-untouched,seed
 *   npm run --silent eval -- --json   # the rows as JSON on stdout (progress stays on stderr)
 *   npm run eval -- --no-build        # score the dist/ that is there
 *
 * Rows: ner (dev split of ANERcorp train, model trained without it), news-tune and
 * news-untouched (../shared/data/news-gold antd-01…12 and antd-13…24), seed (the seed article),
 * seed-untouched (the two pooled, as the external evaluation pools the seed with its articles),
 * devset (our dev/news set, all of it tuned on), news2-tune and news2-check (dev/news2),
 * pan-arab-tune and pan-arab-check (the invented articles of test/fixtures/pan-arab), events
 * (arabic_event_gsr sentences), snippets (trafilatura pages, the external scorer), extraction
 * (ours against Readability alone, scripts/eval-extract.ts), time-pairs (Duckling/Maha pairs, as
 * test/time/pairs.test.ts scores them), timesuite (our dev/time suite), timesuite-tune (the
 * dev/time-tune suite, written without reading the code, then tuned on) and timesuite-check (the
 * blind dev/time-check suite, written without reading the code and never tuned on).
 *
 * The NER row trains its dev-split model once (about 5 minutes) and keeps it in
 * .bench/ner-dev-<key>.bin.gz, the key a hash of the training data, the settings, the code that
 * trains and tags, and the feature data (scripts/lib/ner-dev.ts); later runs reuse it. Data
 * missing from ../shared makes a row say so ("skipped (no ../shared/…)") instead of failing.
 * Rows run in parallel, one per core; exit status 1 when a row failed.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { type EventSplit, splitEventCsvs } from "./lib/event-split.js";
import { ANERCORP_TRAIN, cachedDevReport, DEFAULT_NER_SETTINGS, ROOT } from "./lib/ner-dev.js";
import { isPanArabCheck, panArabNumber } from "./lib/pan-arab.js";
import { RELATIVE_DATE_PAIRS, scoreRelativeDatePairs } from "./lib/time-pairs.js";

const SHARED = join(ROOT, "..", "shared");
const BENCH = join(ROOT, ".bench");
const SCORER = join(SHARED, "tools", "marsad_score.py");
/** A scorer run that takes longer than this has hung. */
const SCORER_TIMEOUT_MS = 20 * 60 * 1000;

// ---------- rows ----------

/** One line of the table: a measure, its score and, where the scorer gives them, P and R. */
interface Figure {
  measure: string;
  score?: number;
  precision?: number;
  recall?: number;
  /** Counts and secondary figures, as text. */
  detail?: string;
  /** Scores in percent (NER) rather than as fractions. */
  percent?: boolean;
}

interface Row {
  id: string;
  name: string;
  /** Where the figures come from: data and command. */
  source: string;
  status: "ok" | "skipped" | "failed";
  /** Why a row was skipped or failed. */
  reason?: string;
  figures: Figure[];
  seconds: number;
  /** Machine-readable extras (per-type NER scores, gold counts). */
  extra?: Record<string, unknown>;
}

/** What a row's run computes; the rest of the row comes from its spec and the runner. */
type RowResult = Pick<Row, "figures" | "extra">;

interface RowSpec {
  id: string;
  name: string;
  source: string;
  /** Files or folders the row needs (from ../shared): without one, the row is skipped. */
  needs: string[];
  /** Whether the row runs the CLI from dist/ (through the scorer). */
  usesCli: boolean;
  run: () => Promise<RowResult>;
}

const rel = (path: string) => relative(ROOT, path) || ".";

// ---------- running the scorer and other processes ----------

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command from the repo root, collecting its output (never throws for an exit code). */
function run(command: string, args: string[], timeoutMs = SCORER_TIMEOUT_MS): Promise<Ran> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** A TypeScript script of this repo, run with tsx as this process is. */
function runScript(script: string, args: string[]): Promise<Ran> {
  return run(process.execPath, [...process.execArgv, join(ROOT, script), ...args]);
}

/**
 * marsad_score.py TASK INPUTS…, its output as text. The scorer exits 1 only below a bar (we set
 * none) and 2 when it could not run: that becomes an error with its last line.
 */
async function score(task: string, inputs: string[]): Promise<string> {
  const ran = await run("python3", [rel(SCORER), task, ...inputs]);
  if (ran.code !== 0) {
    const last = (ran.stdout.trim() || ran.stderr.trim()).split("\n").at(-1) ?? "";
    throw new Error(`marsad_score.py ${task} exited ${ran.code}: ${last.slice(0, 300)}`);
  }
  return ran.stdout;
}

/** The numbers a regular expression captures from the scorer's output; an error if none. */
function grab(output: string, pattern: RegExp, what: string): number[] {
  const match = pattern.exec(output);
  if (!match) throw new Error(`cannot read ${what} in the scorer's output`);
  return match.slice(1).map(Number);
}

// ---------- news analyses: entities, quotes, times, events ----------

interface GoldFile {
  entities?: unknown[];
  quotes?: unknown[];
  times?: unknown[];
  events?: unknown[];
}

/** How many gold items the files hold, for the source line (and JSON). */
function goldCounts(files: string[]): Record<string, number> {
  const counts = { docs: files.length, entities: 0, quotes: 0, times: 0, events: 0 };
  for (const file of files) {
    const gold = JSON.parse(readFileSync(join(ROOT, file), "utf8")) as GoldFile;
    counts.entities += gold.entities?.length ?? 0;
    counts.quotes += gold.quotes?.length ?? 0;
    counts.times += gold.times?.length ?? 0;
    counts.events += gold.events?.length ?? 0;
  }
  return counts;
}

/** `marsad_score.py news` on gold files, read into figures. */
async function scoreNews(goldFiles: string[]): Promise<RowResult> {
  const out = await score("news", goldFiles);
  const [qf, ef, tv, vf] = grab(
    out,
    /news gold \(\d+ docs\): quotes F1 ([\d.]+) .*?entities F1 ([\d.]+) .*?times value acc ([\d.]+) .*?events F1 ([\d.]+)/,
    "the news summary line",
  );
  const [qp, qr, qspan] = grab(
    out,
    /quotes: speaker-attributed P ([\d.]+) R ([\d.]+); span-only F1 ([\d.]+)/,
    "the quote line",
  );
  const [ep, er] = grab(out, /entities: P ([\d.]+) R ([\d.]+)/, "the entity line");
  const [tf, tOk, tAll] = grab(
    out,
    /times: detection F1 ([\d.]+), correct values (\d+)\/(\d+)/,
    "the time line",
  );
  const [vp, vr, vLoose] = grab(
    out,
    /events: \(type, source, target\) P ([\d.]+) R ([\d.]+); \(type, one actor\) F1 ([\d.]+)/,
    "the event line",
  );
  // entities found/gold, summed over the per-document lines
  let found = 0;
  let gold = 0;
  for (const m of out.matchAll(/: entities (\d+)\/(\d+),/g)) {
    found += Number(m[1]);
    gold += Number(m[2]);
  }
  return {
    figures: [
      {
        measure: "quotes: speaker-attributed word F1",
        score: qf,
        precision: qp,
        recall: qr,
        detail: `span-only F1 ${fixed(qspan)}`,
      },
      {
        measure: "entities: document-level F1",
        score: ef,
        precision: ep,
        recall: er,
        detail: `${found}/${gold} gold found`,
      },
      { measure: "times: detection F1", score: tf },
      { measure: "times: value accuracy", score: tv, detail: `${tOk}/${tAll}` },
      {
        measure: "events: (type, source, target) F1",
        score: vf,
        precision: vp,
        recall: vr,
        detail: `(type, one actor) F1 ${fixed(vLoose)}`,
      },
    ],
    extra: { gold: goldCounts(goldFiles) },
  };
}

/** Gold files of ../shared/data/news-gold whose number is in [from, to]. */
function newsGold(from: number, to: number): string[] {
  const dir = join(SHARED, "data", "news-gold");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => {
      const n = /^antd-(\d+)\.gold\.json$/.exec(f);
      return n !== null && Number(n[1]) >= from && Number(n[1]) <= to;
    })
    .sort()
    .map((f) => rel(join(dir, f)));
}

/** The gold files of one split of a devset.ts set (news2, times3), materialised once per run. */
const devsetMade = new Map<string, Promise<string>>();
async function devsetSplit(set: "news2" | "times3", split: "tune" | "check"): Promise<string[]> {
  let made = devsetMade.get(set);
  if (!made) {
    const out = join(BENCH, `devset-${set}`);
    made = runScript("scripts/devset.ts", ["--set", set, "--out", out]).then((r) => {
      if (r.code !== 0) throw new Error(`scripts/devset.ts: ${r.stderr.trim().slice(-300)}`);
      return out;
    });
    devsetMade.set(set, made);
  }
  const dir = await made;
  return readdirSync(dir)
    .filter((f) => f.endsWith(".gold.json"))
    .filter((f) => {
      const gold = JSON.parse(readFileSync(join(dir, f), "utf8")) as {
        document: { split?: string };
      };
      return gold.document.split === split;
    })
    .sort()
    .map((f) => rel(join(dir, f)));
}

/** The invented pan-Arab fixtures of one half (see scripts/lib/pan-arab.ts). */
function panArab(check: boolean): string[] {
  const dir = join(ROOT, "test", "fixtures", "pan-arab");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".gold.json") && isPanArabCheck(panArabNumber(f)) === check)
    .sort()
    .map((f) => rel(join(dir, f)));
}

// ---------- the rows ----------

const NEWS_GOLD = rel(join(SHARED, "data", "news-gold"));
const SEED_GOLD = rel(join(SHARED, "seed", "putin-xi-call.gold.json"));
const DEVSET = join(BENCH, "devset");
const EVENTS_DIR = join(SHARED, "data", "events", "arabic_event_gsr");
const TRAFILATURA_TAR = join(SHARED, "data", "html", "trafilatura_eval_subset.tar.gz");
const TRAFILATURA = join(BENCH, "trafilatura");
const SCORER_CMD = `python3 ${rel(SCORER)}`;

const ROWS: RowSpec[] = [
  ...(["neural", "perceptron"] as const).map(
    (kind): RowSpec => ({
      id: kind === "neural" ? "ner" : "ner-perceptron",
      name: `NER (${kind}${kind === "neural" ? ", the default" : ""}), ANERcorp dev split`,
      source: `last ${100 * DEFAULT_NER_SETTINGS.devFraction}% of ${rel(ANERCORP_TRAIN)}; model trained on the rest (scripts/lib/ner-dev.ts, cached in .bench/)`,
      needs: [ANERCORP_TRAIN],
      usesCli: false,
      // in a child process: training is minutes of CPU that would stall the other rows' pipes
      run: async () => {
        const ran = await runScript("scripts/eval.ts", ["--ner-row", kind]);
        if (ran.code !== 0) {
          throw new Error(
            `the NER row failed: ${ran.stderr.trim().split("\n").slice(-3).join(" ")}`,
          );
        }
        return JSON.parse(ran.stdout) as RowResult;
      },
    }),
  ),
  {
    id: "news-tune",
    name: "news-gold, tune half",
    source: `${SCORER_CMD} news ${NEWS_GOLD}/antd-{01..12}.gold.json (tuned on)`,
    needs: [SCORER, join(SHARED, "data", "news-gold")],
    usesCli: true,
    run: () => scoreNews(newsGold(1, 12)),
  },
  {
    id: "news-untouched",
    name: "news-gold, untouched half",
    source: `${SCORER_CMD} news ${NEWS_GOLD}/antd-{13..24}.gold.json (never tuned on)`,
    needs: [SCORER, join(SHARED, "data", "news-gold")],
    usesCli: true,
    run: () => scoreNews(newsGold(13, 24)),
  },
  {
    id: "seed",
    name: "seed article",
    source: `${SCORER_CMD} news ${SEED_GOLD}`,
    needs: [SCORER, join(ROOT, SEED_GOLD)],
    usesCli: true,
    run: () => scoreNews([SEED_GOLD]),
  },
  {
    // the issue's target is stated on the seed plus held-out articles, pooled
    id: "seed-untouched",
    name: "seed + news-gold untouched, pooled",
    source: `${SCORER_CMD} news ${SEED_GOLD} ${NEWS_GOLD}/antd-{13..24}.gold.json (pooled as the external evaluation pools)`,
    needs: [SCORER, join(ROOT, SEED_GOLD), join(SHARED, "data", "news-gold")],
    usesCli: true,
    run: () => scoreNews([SEED_GOLD, ...newsGold(13, 24)]),
  },
  {
    id: "devset",
    name: "our dev/news set (tuned)",
    source: `npx tsx scripts/devset.ts (→ .bench/devset), then ${SCORER_CMD} news .bench/devset/*.gold.json`,
    needs: [SCORER, join(SHARED, "data", "news", "ant_v1.1.jsonl")],
    usesCli: true,
    run: async () => {
      const made = await runScript("scripts/devset.ts", ["--out", DEVSET]);
      if (made.code !== 0) throw new Error(`scripts/devset.ts: ${made.stderr.trim().slice(-300)}`);
      const golds = readdirSync(DEVSET)
        .filter((f) => f.endsWith(".gold.json"))
        .sort()
        .map((f) => rel(join(DEVSET, f)));
      return scoreNews(golds);
    },
  },
  ...devsetRows("news2", "our dev/news2 set", 7, "not tuned on"),
  ...devsetRows("times3", "our dev/times3 set (times only)", 12, "never tuned on"),
  {
    id: "pan-arab-tune",
    name: "invented pan-Arab articles, tune half",
    source: `${SCORER_CMD} news test/fixtures/pan-arab/pa-{01..06,13..24}.gold.json (tuned on)`,
    needs: [SCORER],
    usesCli: true,
    run: () => scoreNews(panArab(false)),
  },
  {
    id: "pan-arab-check",
    name: "invented pan-Arab articles, check half",
    source: `${SCORER_CMD} news test/fixtures/pan-arab/pa-{07..12}.gold.json (looked at once, for a regression)`,
    needs: [SCORER],
    usesCli: true,
    run: () => scoreNews(panArab(true)),
  },
  eventsRow("tune"),
  eventsRow("check"),
  {
    id: "snippets",
    name: "HTML extraction snippets",
    source: `${SCORER_CMD} snippets on ${rel(TRAFILATURA_TAR)} (extracted to .bench/trafilatura)`,
    needs: [SCORER, TRAFILATURA_TAR],
    usesCli: true,
    run: async () => {
      extractTrafilatura();
      const out = await score("snippets", [
        rel(join(TRAFILATURA, "evaldata.json")),
        rel(join(TRAFILATURA, "pages")),
      ]);
      const [pages, kept, keepAll, recall, avoided, avoidAll, precision, f1] = grab(
        out,
        /snippets \((\d+) pages\): kept (\d+)\/(\d+) \(([\d.]+)\), avoided (\d+)\/(\d+) \(([\d.]+)\), F1 ([\d.]+)/,
        "the snippets line",
      );
      return {
        figures: [
          {
            measure: "snippet F1 (P: avoided, R: kept)",
            score: f1,
            precision,
            recall,
            detail: `${pages} pages; kept ${kept}/${keepAll}, avoided ${avoided}/${avoidAll}`,
          },
        ],
      };
    },
  },
  {
    id: "extraction",
    name: "HTML extraction, ours vs Readability",
    source: `npx tsx scripts/eval-extract.ts --only snippets,proxy (the same trafilatura pages, in process; JSON-LD articleBody of 14 of them as a proxy truth)`,
    needs: [TRAFILATURA_TAR],
    usesCli: false,
    run: async () => {
      const ran = await runScript("scripts/eval-extract.ts", ["--only", "snippets,proxy"]);
      if (ran.code !== 0)
        throw new Error(`scripts/eval-extract.ts: ${ran.stderr.trim().slice(-300)}`);
      const out = ran.stdout;
      const snippetLine = (who: string) =>
        grab(
          out,
          new RegExp(
            `${who} +kept \\d+/\\d+ \\(([\\d.]+)\\), avoided \\d+/\\d+ \\(([\\d.]+)\\), F1 ([\\d.]+); [\\d.]+ pages/s, ([\\d.]+) ms/page`,
          ),
          `the ${who} snippet line`,
        );
      const proxyLine = (who: string) =>
        grab(
          out,
          new RegExp(
            `${who} +half A \\(tune\\) F1 ([\\d.]+) P ([\\d.]+) R ([\\d.]+) \\((\\d+) pages\\); half B \\(check\\) F1 ([\\d.]+) P ([\\d.]+) R ([\\d.]+) \\((\\d+) pages\\)`,
          ),
          `the ${who} proxy line`,
        );
      const [, , , oursMs] = snippetLine("marsad extractArticle");
      const [rRecall, rPrecision, rF1, readabilityMs] = snippetLine("readability\\+linkedom");
      const [aF1, aP, aR, aPages, bF1, bP, bR, bPages] = proxyLine("marsad extractArticle");
      const [raF1, , , , rbF1] = proxyLine("readability\\+linkedom");
      return {
        figures: [
          {
            measure: "JSON-LD proxy shingle F1, half A (tune)",
            score: aF1,
            precision: aP,
            recall: aR,
            detail: `${aPages} pages; Readability alone ${fixed(raF1)}`,
          },
          {
            measure: "JSON-LD proxy shingle F1, half B (check)",
            score: bF1,
            precision: bP,
            recall: bR,
            detail: `${bPages} pages; Readability alone ${fixed(rbF1)}`,
          },
          {
            measure: "snippet F1, Readability alone",
            score: rF1,
            precision: rPrecision,
            recall: rRecall,
            detail: `ms/page: ours ${oursMs?.toFixed(1)}, Readability ${readabilityMs?.toFixed(1)}`,
          },
        ],
      };
    },
  },
  {
    id: "time-pairs",
    name: "time: relative-date pairs",
    source: `${rel(RELATIVE_DATE_PAIRS)}, scored as test/time/pairs.test.ts (scripts/lib/time-pairs.ts)`,
    needs: [RELATIVE_DATE_PAIRS],
    usesCli: false,
    run: async () => {
      const { total, correct, rate } = scoreRelativeDatePairs();
      return {
        figures: [{ measure: "accuracy", score: rate, detail: `${correct}/${total}` }],
      };
    },
  },
  timeSuiteRow("timesuite", "time: our dev/time suite (tuned)", "dev/time"),
  timeSuiteRow(
    "timesuite-tune",
    "time: the dev/time-tune suite (written without the code, tuned on)",
    "dev/time-tune",
  ),
  timeSuiteRow(
    "timesuite-check",
    "time: the blind dev/time-check suite (written without the code, untouched)",
    "dev/time-check",
  ),
];

/** Sentence-level event detection on one half of arabic_event_gsr (see lib/event-split.ts). */
function eventsRow(split: EventSplit): RowSpec {
  return {
    id: `events-${split}`,
    name: `event sentences, ${split === "tune" ? "tune half" : "check half (untouched)"}`,
    source: `${SCORER_CMD} events on the ${split} half of ${rel(EVENTS_DIR)}/*.csv (SHA-1 of the id, scripts/lib/event-split.ts)`,
    needs: [SCORER, EVENTS_DIR],
    usesCli: true,
    run: async () => {
      const csvs = readdirSync(EVENTS_DIR)
        .filter((f) => f.endsWith(".csv"))
        .sort()
        .map((f) => join(EVENTS_DIR, f));
      const out = await score("events", splitEventCsvs(csvs, split));
      const [macro] = grab(out, /event detection macro-F1 ([\d.]+)/, "the macro-F1 line");
      const figures: Figure[] = [{ measure: "detection macro-F1 (yes vs easy no)", score: macro }];
      for (const m of out.matchAll(
        /^ {2}(\w+): P ([\d.]+) R ([\d.]+) F1 ([\d.]+); with difficult no as negatives F1 ([\d.]+)/gm,
      )) {
        figures.push({
          measure: `${m[1]} detection F1`,
          score: Number(m[4]),
          precision: Number(m[2]),
          recall: Number(m[3]),
          detail: `with difficult no F1 ${fixed(Number(m[5]))}`,
        });
      }
      return { figures };
    },
  };
}

/** The tune and check rows of a devset.ts set, scored like the news-gold halves. */
function devsetRows(
  set: "news2" | "times3",
  name: string,
  perHalf: number,
  checkNote: string,
): RowSpec[] {
  const needs = [SCORER, join(SHARED, "data", "news", "ant_v1.1.jsonl")];
  return [
    {
      id: `${set}-tune`,
      name: `${name}, tune half`,
      source: `npx tsx scripts/devset.ts --set ${set} (→ .bench/devset-${set}), then ${SCORER_CMD} news on the ${perHalf} "tune" articles (tuned on)`,
      needs,
      usesCli: true,
      run: async () => scoreNews(await devsetSplit(set, "tune")),
    },
    {
      id: `${set}-check`,
      name: `${name}, check half`,
      source: `the same set's ${perHalf} "check" articles (${checkNote})`,
      needs,
      usesCli: true,
      run: async () => scoreNews(await devsetSplit(set, "check")),
    },
  ];
}

/** A Recognizers-Text style date-time suite scored by the evaluation's scorer. */
function timeSuiteRow(id: string, name: string, folder: string): RowSpec {
  return {
    id,
    name,
    source: `${SCORER_CMD} timesuite ${folder}`,
    needs: [SCORER],
    usesCli: true,
    run: async () => {
      const out = await score("timesuite", [folder]);
      const [cases, f1, precision, recall, ok, n, accuracy] = grab(
        out,
        /date-time suite \((\d+) cases\): detection F1 ([\d.]+) \(P ([\d.]+) R ([\d.]+)\), resolution (\d+)\/(\d+) = ([\d.]+)/,
        "the suite line",
      );
      return {
        figures: [
          { measure: "detection F1", score: f1, precision, recall, detail: `${cases} cases` },
          { measure: "resolution accuracy", score: accuracy, detail: `${ok}/${n}` },
        ],
      };
    },
  };
}

/** Extracts the trafilatura pages once; a half-done extraction is never taken for a whole one. */
function extractTrafilatura(): void {
  if (existsSync(join(TRAFILATURA, "evaldata.json"))) return;
  const partial = `${TRAFILATURA}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  execFileSync("tar", ["xzf", TRAFILATURA_TAR, "-C", partial]);
  rmSync(TRAFILATURA, { recursive: true, force: true });
  renameSync(partial, TRAFILATURA);
}

// ---------- the NER row, in its own process ----------

function nerRow(kind: "neural" | "perceptron"): RowResult {
  const report = cachedDevReport(
    ANERCORP_TRAIN,
    BENCH,
    undefined,
    (m) => process.stderr.write(`eval: ${m}\n`),
    kind,
  );
  const { overall, byType } = report.scores;
  const types = Object.entries(byType).sort(([, a], [, b]) => b.f1 - a.f1);
  return {
    figures: [
      {
        measure: "exact-span micro F1",
        score: 100 * overall.f1,
        precision: 100 * overall.precision,
        recall: 100 * overall.recall,
        percent: true,
        detail: types.map(([type, s]) => `${type} ${(100 * s.f1).toFixed(1)}`).join(", "),
      },
    ],
    extra: {
      model: rel(report.model),
      cached: report.cached,
      trainSeconds: Math.round(report.trainSeconds),
      sentences: report.sentences,
      byType: Object.fromEntries(
        types.map(([type, s]) => [
          type,
          { f1: 100 * s.f1, precision: 100 * s.precision, recall: 100 * s.recall },
        ]),
      ),
    },
  };
}

// ---------- the table ----------

/** A fraction with three decimals, as the scorer prints it. */
const fixed = (x: number | undefined) => (x === undefined ? "?" : x.toFixed(3));

function formatScore(x: number | undefined, percent: boolean | undefined): string {
  if (x === undefined) return "";
  return percent ? x.toFixed(1) : fixed(x);
}

/** The rows as one aligned table, then each row's source. */
function table(rows: Row[]): string {
  const header = ["set", "measure", "score", "P", "R", "detail"];
  // a row that was skipped or failed has one cell after its name, which runs on unaligned
  const lines: { cells: string[]; spill?: boolean }[] = [];
  for (const row of rows) {
    if (row.status !== "ok") {
      const why = `${row.status}${row.reason ? ` (${row.reason})` : ""}`;
      lines.push({ cells: [row.name, why], spill: true });
      continue;
    }
    row.figures.forEach((f, i) => {
      lines.push({
        cells: [
          i === 0 ? row.name : "",
          f.measure,
          formatScore(f.score, f.percent),
          formatScore(f.precision, f.percent),
          formatScore(f.recall, f.percent),
          f.detail ?? "",
        ],
      });
    });
  }
  const width = header.map((h, c) =>
    Math.max(
      h.length,
      ...lines.filter((l) => !l.spill || c === 0).map((l) => (l.cells[c] ?? "").length),
    ),
  );
  const numeric = new Set([2, 3, 4]);
  const format = (cells: string[]) =>
    cells
      .map((cell, c) =>
        numeric.has(c) ? cell.padStart(width[c] ?? 0) : cell.padEnd(width[c] ?? 0),
      )
      .join("  ")
      .trimEnd();
  const out = [format(header), format(width.map((w) => "-".repeat(w)))];
  for (const l of lines) out.push(format(l.cells));
  out.push("", "sources:");
  for (const row of rows) {
    const gold = row.extra?.gold as Record<string, number> | undefined;
    const counts = gold
      ? ` [${gold.docs} ${gold.docs === 1 ? "doc" : "docs"}: ${gold.entities} entities, ${gold.quotes} quotes, ${gold.times} times, ${gold.events} events]`
      : "";
    const model =
      row.id.startsWith("ner") && row.extra
        ? ` [${row.extra.model}${row.extra.cached ? ", cached" : `, trained in ${row.extra.trainSeconds} s`}]`
        : "";
    const took = row.status === "skipped" ? "" : ` (${row.seconds.toFixed(0)} s)`;
    out.push(`  ${row.name}: ${row.source}${counts}${model}${took}`);
  }
  return out.join("\n");
}

// ---------- main ----------

/** Runs tasks with at most `limit` at a time, results in the tasks' order. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** The commit the figures are of, and whether the working tree differs from it. */
function commitInfo(): string {
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  try {
    const head = git("rev-parse", "--short", "HEAD").trim();
    const dirty = git("status", "--porcelain").trim() !== "";
    return dirty ? `${head} with uncommitted changes` : head;
  } catch {
    return "not a git checkout";
  }
}

/** Builds dist/ (the scorer runs the CLI from it); the compiler's complaint when it fails. */
async function build(): Promise<string | undefined> {
  const ran = await run(process.execPath, [
    join(ROOT, "node_modules", "typescript", "bin", "tsc"),
    "-p",
    "tsconfig.build.json",
  ]);
  if (ran.code === 0) return undefined;
  return (ran.stdout.trim() || ran.stderr.trim()).split("\n")[0] ?? "tsc failed";
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: "boolean", default: false },
      "skip-ner": { type: "boolean", default: false },
      only: { type: "string" },
      "no-build": { type: "boolean", default: false },
      /** Internal: compute the NER row and print it as JSON (see the ner row). */
      "ner-row": { type: "string" },
    },
  });
  if (values["ner-row"]) {
    process.stdout.write(
      JSON.stringify(nerRow(values["ner-row"] === "neural" ? "neural" : "perceptron")),
    );
    return;
  }
  const only = values.only?.split(",").map((s) => s.trim());
  const unknown = only?.filter((id) => !ROWS.some((r) => r.id === id)) ?? [];
  if (unknown.length > 0) {
    console.error(`eval: no row ${unknown.join(", ")}; rows: ${ROWS.map((r) => r.id).join(", ")}`);
    process.exit(2);
  }
  const specs = ROWS.filter(
    (r) => (only ? only.includes(r.id) : true) && !(values["skip-ner"] && r.id.startsWith("ner")),
  );
  const progress = (m: string) => process.stderr.write(`eval: ${m}\n`);

  let buildError: string | undefined;
  if (!values["no-build"] && specs.some((s) => s.usesCli && s.needs.every((n) => existsSync(n)))) {
    progress("building dist/ (tsc -p tsconfig.build.json, as npm run build)");
    buildError = await build();
    if (buildError)
      progress(`the build failed, so the rows that run the CLI fail too: ${buildError}`);
  }

  const tasks = specs.map((spec) => async (): Promise<Row> => {
    const base = { id: spec.id, name: spec.name, source: spec.source, figures: [] as Figure[] };
    const missing = spec.needs.find((n) => !existsSync(n));
    if (missing) {
      return { ...base, status: "skipped", reason: `no ${rel(missing)}`, seconds: 0 };
    }
    if (spec.usesCli && buildError) {
      return { ...base, status: "failed", reason: `build failed: ${buildError}`, seconds: 0 };
    }
    const started = performance.now();
    try {
      const result = await spec.run();
      const seconds = (performance.now() - started) / 1000;
      progress(`${spec.id} done in ${seconds.toFixed(0)} s`);
      return { ...base, ...result, status: "ok", seconds };
    } catch (error) {
      const seconds = (performance.now() - started) / 1000;
      const reason = error instanceof Error ? error.message : String(error);
      progress(`${spec.id} failed: ${reason}`);
      return { ...base, status: "failed", reason, seconds };
    }
  });
  const rows = await pool(tasks, Math.max(1, availableParallelism()));

  const commit = commitInfo();
  if (values.json) {
    console.log(JSON.stringify({ commit, date: new Date().toISOString(), rows }, null, 2));
  } else {
    console.log(`marsad eval (${commit})\n`);
    console.log(table(rows));
  }
  if (rows.some((r) => r.status === "failed")) process.exitCode = 1;
}

await main();
