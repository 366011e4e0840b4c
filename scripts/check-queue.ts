/**
 * The distributed-ingest check, run as a user would run it: 300 ANT articles as JSONL
 * ({id, text, url, date}, the date as ANT gives it) queued into a fresh PostgreSQL database, two
 * workers started, one killed with SIGKILL as soon as `status` shows 10 completed jobs, a third
 * started; once the queue is drained, the store must hold exactly the article count and the
 * `search تونس --all` total of a SQLite ingest of the same file.
 *
 *   npx tsx scripts/check-queue.ts [--lines 300] [--pg postgres://postgres@127.0.0.1:5432]
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import pg from "pg";
import { ANT } from "./lib/corpus.js";

const { values } = parseArgs({
  options: {
    lines: { type: "string", default: "300" },
    pg: { type: "string", default: "postgres://postgres@127.0.0.1:5432" },
  },
});
const LINES = Number(values.lines);
const BIN = new URL("../bin/marsad.js", import.meta.url).pathname;

function marsad(args: string[]): string {
  return execFileSync("node", [BIN, ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
}

function status(db: string): {
  articles: number;
  queue: { pending: number; active: number; completed: number; failed: number };
} {
  return JSON.parse(marsad(["status", "--db", db, "--json"]));
}

function worker(db: string): ChildProcess {
  return spawn("node", [BIN, "worker", "--db", db, "--quiet"], { stdio: "ignore" });
}

async function writeLines(path: string): Promise<void> {
  const out: string[] = [];
  const rl = createInterface({ input: createReadStream(ANT), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { docno: string; text?: string; url?: string; time?: string };
    out.push(JSON.stringify({ id: r.docno, text: r.text ?? "", url: r.url, date: r.time }));
    if (out.length >= LINES) break;
  }
  rl.close();
  writeFileSync(path, `${out.join("\n")}\n`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How long a wait may last: a queue stuck for this long is a failed check, not a slow one. */
const WAIT_MINUTES = 10;

/** Calls `probe` every `everyMs` until it gives a value; throws once WAIT_MINUTES have passed. */
async function waitFor<T>(what: string, probe: () => T | undefined, everyMs: number): Promise<T> {
  const until = performance.now() + WAIT_MINUTES * 60_000;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (performance.now() > until) {
      throw new Error(`check-queue: gave up waiting for ${what} after ${WAIT_MINUTES} minutes`);
    }
    await sleep(everyMs);
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "marsad-check-queue-"));
  const file = join(dir, "ant.jsonl");
  await writeLines(file);
  const name = `marsad_check_${process.pid}`;
  const admin = new pg.Client({ connectionString: `${values.pg}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const db = `${values.pg}/${name}`;
  const workers: ChildProcess[] = [];
  try {
    const queued = JSON.parse(marsad(["ingest", file, "--queue", "--db", db, "--json"]));
    console.log(
      `queued ${queued.queued} jobs (${queued.warnings} lines with a date left out, ${queued.failed} unreadable)`,
    );
    const started = performance.now();
    workers.push(worker(db), worker(db));
    await waitFor("10 completed jobs", () => status(db).queue.completed >= 10 || undefined, 200);
    const victim = workers[1] as ChildProcess;
    victim.kill("SIGKILL");
    const killed = performance.now();
    console.log(
      `killed a worker with SIGKILL at ${status(db).queue.completed} completed jobs (${((killed - started) / 1000).toFixed(1)} s)`,
    );
    workers.push(worker(db));
    const s = await waitFor(
      "the queue to drain",
      () => {
        const now = status(db);
        return now.queue.pending + now.queue.active > 0 ? undefined : now;
      },
      500,
    );
    const drained = performance.now();
    console.log(
      `drained ${((drained - killed) / 1000).toFixed(1)} s after the kill: ${JSON.stringify(s.queue)}`,
    );
    const sqlite = join(dir, "ant.db");
    marsad(["ingest", file, "--db", sqlite]);
    const local = status(sqlite);
    const total = (store: string) =>
      (
        JSON.parse(marsad(["search", "تونس", "--all", "--json", "--db", store])) as {
          total: number;
        }
      ).total;
    const [pgHits, sqliteHits] = [total(db), total(sqlite)];
    console.log(`articles: PostgreSQL ${s.articles}, SQLite ${local.articles}`);
    console.log(`search تونس --all: PostgreSQL ${pgHits}, SQLite ${sqliteHits}`);
    const ok = s.articles === local.articles && pgHits === sqliteHits;
    console.log(ok ? "check passed" : "CHECK FAILED");
    if (!ok) process.exitCode = 1;
  } finally {
    for (const w of workers) if (w.exitCode === null) w.kill("SIGTERM");
    await sleep(2000);
    for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
