/**
 * PostgreSQL restarted in the middle of a distributed ingest: the workers lose their connections,
 * reconnect, and finish; every article is stored once. This restarts the machine's shared server,
 * so it runs alone, after every other test (`npm test` runs it last, with its own config).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { marsad, root } from "../helpers/cli.js";
import { type FreshSchema, freshPostgres, postgresRows } from "../helpers/postgres.js";
import { shortArticle, tempDir } from "../store/helpers.js";

const CLUSTERS = "/etc/postgresql";
const ARTICLES = 60;

let pg: FreshSchema;
let dir: { dir: string; cleanup: () => void };
const workers: ReturnType<typeof spawn>[] = [];

beforeAll(async () => {
  pg = await freshPostgres();
  dir = tempDir("marsad-restart-");
});

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
  await pg.drop();
  await postgresRows(pg.url, `DROP SCHEMA IF EXISTS ${pg.schema}_queue CASCADE`);
  dir.cleanup();
});

/** Restarts the local cluster as `.ci/run` starts it. */
function restartPostgres(): void {
  const version = readdirSync(CLUSTERS)[0] as string;
  execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "restart"], {
    stdio: "ignore",
  });
}

async function status() {
  const run = await marsad(["status", "--db", pg.url, "--json"]);
  if (run.code !== 0) return undefined; // the server is away
  return JSON.parse(run.stdout) as {
    articles: number;
    queue: { pending: number; active: number; completed: number; failed: number };
  };
}

describe.runIf(existsSync(CLUSTERS))("PostgreSQL restarted during an ingest", () => {
  it("workers reconnect and finish; every article is stored once", async () => {
    const path = join(dir.dir, "batch.jsonl");
    const lines = Array.from({ length: ARTICLES }, (_, i) =>
      JSON.stringify({ id: `r${i}`, ...shortArticle(500 + i) }),
    );
    writeFileSync(path, `${lines.join("\n")}\n`);
    const queued = await marsad(["ingest", path, "--queue", "--db", pg.url, "--json"]);
    expect(queued.code, queued.stderr).toBe(0);
    for (let i = 0; i < 2; i++) {
      workers.push(
        spawn("node", [join(root, "bin/marsad.js"), "worker", "--db", pg.url, "--quiet"], {
          cwd: root,
          stdio: "ignore",
        }),
      );
    }
    for (;;) {
      const s = await status();
      if ((s?.queue.completed ?? 0) >= 5) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    restartPostgres();
    const until = Date.now() + 150_000;
    let last: Awaited<ReturnType<typeof status>>;
    for (;;) {
      last = await status();
      if (last && last.queue.pending === 0 && last.queue.active === 0) break;
      if (Date.now() > until) throw new Error(`not drained: ${JSON.stringify(last)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(last?.articles).toBe(ARTICLES);
    expect(last?.queue).toMatchObject({ completed: ARTICLES, failed: 0 });
    const sources = await postgresRows<{ n: number }>(
      pg.url,
      "SELECT count(*)::int AS n FROM sources WHERE status = 'done' GROUP BY article",
    );
    expect(sources).toHaveLength(ARTICLES);
    expect(sources.every((s) => s.n === 1)).toBe(true);
    expect(workers.every((w) => w.exitCode === null)).toBe(true);
  }, 240_000);
});
