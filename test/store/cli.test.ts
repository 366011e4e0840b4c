/**
 * The store's commands as a user runs them, from the sources (tsx), on a SQLite file and on a
 * PostgreSQL schema: an ingest killed with SIGKILL at several points leaves a consistent store
 * that a rerun completes; search and quotes print JSON and give one-line errors.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, NOWHERE_PG } from "../helpers/postgres.js";
import { HAS_SEED } from "../shared-data.js";
import {
  consistency,
  expectWhole,
  freshTarget,
  SEED,
  shortArticle,
  storeRows,
  tempDir,
} from "./helpers.js";

const MAIN = fileURLToPath(new URL("../../src/cli/main.ts", import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const ARTICLES = 300;

function marsad(args: string[]): ChildProcess & { done: Promise<Result> } {
  const child = spawn(process.execPath, ["--import", TSX, MAIN, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const done = new Promise<Result>((resolve) => {
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return Object.assign(child, { done });
}

interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Sources recorded so far, or -1 while the store is not there yet. */
async function recorded(db: string): Promise<number> {
  try {
    const [row] = await storeRows<{ n: number | string }>(db, "SELECT count(*) AS n FROM sources");
    return Number(row?.n);
  } catch {
    return -1;
  }
}

async function killWhen(
  child: ChildProcess & { done: Promise<Result> },
  db: string,
  n: number,
  signal: NodeJS.Signals = "SIGKILL",
) {
  for (;;) {
    const count = await recorded(db);
    if (count >= n) break;
    const exited = await Promise.race([
      child.done.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15)),
    ]);
    if (exited) return child.done;
  }
  child.kill(signal);
  return child.done;
}

let dir: ReturnType<typeof tempDir>;
let jsonl = "";
/** The first 40 articles only, for the search tests. */
let small = "";

beforeAll(() => {
  dir = tempDir();
  jsonl = join(dir.dir, "articles.jsonl");
  const lines = [];
  for (let n = 0; n < ARTICLES; n++) {
    const { text, date } = shortArticle(n);
    lines.push(JSON.stringify({ id: `a${n}`, text, date }));
  }
  writeFileSync(jsonl, `${lines.join("\n")}\n`);
  small = join(dir.dir, "small.jsonl");
  writeFileSync(small, `${lines.slice(0, 40).join("\n")}\n`);
});

afterAll(() => dir.cleanup());

describe.each(BACKENDS)("marsad ingest into the %s store, killed and resumed", (backend) => {
  let drop = async () => {};
  afterAll(() => drop());

  it("survives kill -9 at any point and completes the set on rerun", async () => {
    const place = await freshTarget(backend, dir.dir, "killed");
    drop = place.drop;
    const db = place.target;
    const args = ["ingest", jsonl, "--db", db, "--jobs", "1", "--batch-size", "5"];
    let previous = 0;
    const signals: (string | null)[] = [];
    // SIGKILL (anything may be half done) and SIGINT (stops after the articles in flight)
    for (const [threshold, signal] of [
      [20, "SIGKILL"],
      [110, "SIGINT"],
      [200, "SIGKILL"],
    ] as const) {
      const result = await killWhen(marsad(args), db, threshold, signal);
      signals.push(result.signal);
      if (signal === "SIGINT" && result.signal === null) {
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/interrupted: run the same command again/);
        expect(result.stdout).toMatch(/added\s+\d+/);
      }
      const check = await consistency(db);
      expectWhole(check, backend);
      // every recorded line is one stored article (all texts differ)
      expect(check.articles).toBe(check.doneSources);
      expect(check.articles).toBeGreaterThanOrEqual(previous);
      if (result.signal === "SIGKILL") expect(check.articles).toBeLessThan(ARTICLES);
      previous = check.articles;
    }
    expect(previous).toBeGreaterThan(0);
    // at least the first run cannot have finished 300 articles before 20 were recorded
    expect(signals[0]).toBe("SIGKILL");

    const final = await marsad([...args, "--json"]).done;
    expect(final.stderr).toBe("");
    expect(final.code).toBe(0);
    const summary = JSON.parse(final.stdout) as Record<string, number>;
    expect(summary.skipped).toBe(previous);
    expect(summary.added).toBe(ARTICLES - previous);
    expect(summary.failed).toBe(0);

    const check = await consistency(db);
    expectWhole(check, backend);
    expect(check.articles).toBe(ARTICLES);
    const [lines] = await storeRows<{ n: number | string }>(
      db,
      "SELECT count(DISTINCT article) AS n FROM sources WHERE status = 'done' AND kind = 'jsonl'",
    );
    const analyses = await storeRows<{ analysis: string }>(
      db,
      "SELECT analysis FROM article_content",
    );
    const ids = new Set(analyses.map((r) => (JSON.parse(r.analysis) as { id?: string }).id));
    expect(Number(lines?.n)).toBe(ARTICLES);
    expect(ids.size).toBe(ARTICLES);
    expect(ids.has(undefined)).toBe(false);
  }, 60_000);
});

describe.skipIf(!HAS_SEED).each(BACKENDS)("marsad search and quotes on the %s store", (backend) => {
  let db = "";
  let drop = async () => {};
  beforeAll(async () => {
    const place = await freshTarget(backend, dir.dir, "cli");
    drop = place.drop;
    db = place.target;
    const seed = join(dir.dir, "putin-xi.txt");
    writeFileSync(seed, readFileSync(SEED, "utf8"));
    const result = await marsad([
      "ingest",
      seed,
      small,
      "--db",
      db,
      "--jobs",
      "0",
      "--date",
      "2025-01-21",
    ]).done;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/added\s+41\b/);
  }, 30_000);
  afterAll(() => drop());

  it("searches with filters and prints JSON hits with highlighted snippets", async () => {
    const result = await marsad([
      "search",
      "والصين",
      "--entity",
      "بوتين",
      "--from",
      "2025-01",
      "--json",
      "--db",
      db,
    ]).done;
    expect(result.code).toBe(0);
    const found = JSON.parse(result.stdout) as {
      total: number;
      hits: { source: string; snippet: { text: string; highlights: [number, number][] } }[];
    };
    expect(found.total).toBe(1);
    expect(found.hits[0]?.source).toMatch(/putin-xi\.txt$/);
    const [start, end] = found.hits[0]?.snippet.highlights[0] ?? [0, 0];
    expect(found.hits[0]?.snippet.text.slice(start, end)).toMatch(/الصين/);

    const human = await marsad(["search", "الصين", "--limit", "2", "--db", db]).done;
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^1–2 of \d+ stories/);
    expect(human.stdout).toContain("الصين");
  }, 30_000);

  it("lists quotes by a speaker", async () => {
    const result = await marsad(["quotes", "--speaker", "شي جين بينغ", "--json", "--db", db]).done;
    expect(result.code).toBe(0);
    const quotes = JSON.parse(result.stdout) as { speaker: { key: string }; text: string }[];
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(q.speaker.key).toBe("xi-jinping");
  }, 30_000);

  it("says what is wrong in one line: malformed query, unknown speaker, missing store", async () => {
    // no store: a file that is not there, a server that does not answer (port 1)
    const nowhereHost = new URL(NOWHERE_PG).host.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const cases: [string[], RegExp][] = [
      [["search", '"الرئيس الصيني', "--db", db], /^marsad: unbalanced quote/],
      [["quotes", "--speaker", "لا أحد", "--db", db], /^marsad: no speaker "لا أحد" in the store/],
      backend === "sqlite"
        ? [
            ["search", "الصين", "--db", join(dir.dir, "none.db")],
            /^marsad: .*none\.db: no store there/,
          ]
        : [
            ["search", "الصين", "--db", NOWHERE_PG],
            new RegExp(
              `^marsad: .*${nowhereHost}\\/.*cannot open the store \\(no PostgreSQL server answers there\\)`,
            ),
          ],
    ];
    const results = await Promise.all(cases.map(([args]) => marsad(args).done));
    results.forEach((result, i) => {
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch((cases[i] as [string[], RegExp])[1]);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    });
  }, 30_000);
});
