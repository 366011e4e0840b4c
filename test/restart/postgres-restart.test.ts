/**
 * PostgreSQL restarted in the middle of a distributed ingest: the workers lose their connections,
 * reconnect, and finish; every article is stored once. This restarts the machine's shared server,
 * so it runs alone, after every other test (`npm test` runs it last, with its own config). It
 * restarts the local cluster, so it skips where there is none, or where MARSAD_TEST_PG names
 * another server.
 */
import { execFileSync, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bin, marsad, root, type Status, statusJson, waitFor } from "../helpers/cli.js";
import { type FreshSchema, freshPostgres, postgresRows } from "../helpers/postgres.js";
import { shortArticle, tempDir } from "../store/helpers.js";

/**
 * Enough that work is left when the restart comes: a `status` takes 2-3 s beside two busy
 * workers, which can finish 50 jobs between two of them.
 */
const ARTICLES = 200;

/** The local cluster (`pg_lsclusters -h`, first line: version and name); undefined if none. */
function localCluster(): { version: string; name: string } | undefined {
  let listed: string;
  try {
    listed = execFileSync("pg_lsclusters", ["-h"], { encoding: "utf8", stdio: "pipe" });
  } catch {
    return undefined;
  }
  const [version, name] = (listed.split("\n")[0] ?? "").trim().split(/\s+/);
  return version && name ? { version, name } : undefined;
}

const cluster = process.env.MARSAD_TEST_PG ? undefined : localCluster();

let pg: FreshSchema;
let dir: { dir: string; cleanup: () => void };
const workers: ReturnType<typeof spawn>[] = [];

/** Restarts the local cluster as `.ci/run` starts it. */
function restartPostgres(): void {
  if (!cluster) throw new Error("no local PostgreSQL cluster to restart");
  execFileSync(
    "pg_ctlcluster",
    ["--skip-systemctl-redirect", cluster.version, cluster.name, "restart"],
    { stdio: "ignore" },
  );
}

/** The store's status, or undefined while the server is away. */
const status = () => statusJson(pg.url, { mayFail: true });

describe.runIf(cluster !== undefined)("PostgreSQL restarted during an ingest", () => {
  beforeAll(async () => {
    pg = await freshPostgres();
    dir = tempDir("marsad-restart-");
  });

  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
    await pg?.drop();
    dir?.cleanup();
  });

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
        spawn("node", [bin, "worker", "--db", pg.url, "--quiet"], { cwd: root, stdio: "ignore" }),
      );
    }
    const before = await waitFor(
      "5 completed jobs",
      async () => {
        const s = await status();
        return (s?.queue?.completed ?? 0) >= 5 ? s : undefined;
      },
      120,
    );
    // the restart must come while the workers still have work, or nothing here needs a reconnect
    const left = (before.queue?.pending ?? 0) + (before.queue?.active ?? 0);
    expect(left, `the queue drained before the restart: ${JSON.stringify(before)}`).toBeGreaterThan(
      0,
    );
    restartPostgres();
    let last: Status | undefined;
    await waitFor(
      "the queue to drain",
      async () => {
        last = await status();
        return last?.queue && last.queue.pending === 0 && last.queue.active === 0
          ? last
          : undefined;
      },
      150,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; not drained: ${JSON.stringify(last)}`);
    });
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
