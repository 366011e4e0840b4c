/**
 * Distributed ingest as its users run it: `ingest --queue`, `worker` processes and `status`, on
 * a fresh PostgreSQL schema per test. The failures the queue exists for: a worker killed mid-job
 * (its job runs again, nothing lost or stored twice), a poison article (failed with its reason,
 * the rest done), and SIGTERM (the job in hand is finished first).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EXPIRE_SECONDS, MAINTENANCE_SECONDS } from "../../src/queue/index.js";
import {
  bin,
  expectCleanError,
  marsad,
  root,
  type Status,
  searchTotal,
  statusJson,
  waitFor,
} from "../helpers/cli.js";
import { type FreshSchema, freshPostgres, NOWHERE_PG, postgresRows } from "../helpers/postgres.js";
import { shortArticle, tempDir } from "../store/helpers.js";

let pg: FreshSchema;
let dir: { dir: string; cleanup: () => void };
const workers: ChildProcess[] = [];

beforeEach(async () => {
  pg = await freshPostgres();
  dir = tempDir("marsad-queue-");
});

afterEach(async () => {
  for (const w of workers.splice(0)) if (w.exitCode === null) w.kill("SIGKILL");
  await pg.drop();
  dir.cleanup();
});

/** A JSONL file of articles, as a desk's export would be. */
function jsonl(name: string, articles: { id: string; text: string; date?: string }[]): string {
  const path = join(dir.dir, name);
  writeFileSync(path, `${articles.map((a) => JSON.stringify(a)).join("\n")}\n`);
  return path;
}

function shortArticles(from: number, n: number) {
  return Array.from({ length: n }, (_, i) => ({ id: `a${from + i}`, ...shortArticle(from + i) }));
}

/** An article long enough that its analysis takes seconds: a worker is caught holding it. */
function longArticle() {
  const sentences: string[] = [];
  for (let i = 0; i < 2500; i++) {
    sentences.push(
      `وأوضح المتحدث في الندوة رقم ${i} أن البلدية ستواصل أشغال تهيئة الطريق رقم ${i * 7}.`,
    );
  }
  return { id: "long", text: sentences.join(" "), date: "2021-03-04" };
}

const status = (): Promise<Status> => statusJson(pg.url);

function startWorker(extra: string[] = []): ChildProcess {
  const child = spawn(
    "node",
    [bin, "worker", "--db", pg.url, "--concurrency", "1", "--quiet", ...extra],
    { cwd: root, stdio: ["ignore", "ignore", "pipe"] },
  );
  workers.push(child);
  return child;
}

const drained = () =>
  waitFor(
    "the queue to drain",
    async () => {
      const s = await status();
      return s.queue && s.queue.pending === 0 && s.queue.active === 0 ? s : undefined;
    },
    120,
  );

const aJobInHand = () =>
  waitFor(
    "a job in hand",
    async () => ((await status()).queue?.active === 1 ? true : undefined),
    60,
  );

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });

describe("ingest --queue and workers", () => {
  it("queues one job per article and returns; queuing again adds no jobs", async () => {
    const file = jsonl("batch.jsonl", shortArticles(0, 6));
    const first = await marsad(["ingest", file, "--queue", "--db", pg.url, "--json"]);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      queued: 6,
      alreadyQueued: 0,
      failed: 0,
      skipped: 0,
    });
    const again = await marsad(["ingest", file, "--queue", "--db", pg.url, "--json"]);
    expect(JSON.parse(again.stdout)).toMatchObject({ queued: 0, alreadyQueued: 6 });
    const s = await status();
    expect(s.articles).toBe(0);
    expect(s.queue).toMatchObject({ pending: 6, active: 0, completed: 0, failed: 0 });
  });

  it("refuses a SQLite store, --kb, or a server that is not there, with a clear message", async () => {
    const file = jsonl("one.jsonl", shortArticles(0, 1));
    expectCleanError(
      await marsad(["ingest", file, "--queue", "--db", join(dir.dir, "x.db")]),
      /needs a PostgreSQL store/,
    );
    expectCleanError(
      await marsad(["worker", "--db", join(dir.dir, "x.db")]),
      /needs a PostgreSQL store/,
    );
    expectCleanError(
      await marsad(["ingest", file, "--queue", "--db", pg.url, "--kb", file]),
      /--kb is read by the workers/,
    );
    // no server there: one line saying so, for the worker and for status alike
    expectCleanError(await marsad(["worker", "--db", NOWHERE_PG]), /no PostgreSQL server answers/);
    expectCleanError(await marsad(["status", "--db", NOWHERE_PG]), /no PostgreSQL server answers/);
  });

  it("never prints the password of a --db URL", async () => {
    const url = new URL(pg.url);
    // the test server trusts local connections, so an invented password is ignored
    if (!url.password) url.password = "pw-7f3a9c";
    const secret = url.password;
    const db = url.toString();
    const file = jsonl("pw.jsonl", shortArticles(900, 1));
    for (const args of [
      ["ingest", file, "--db", db],
      ["ingest", file, "--db", db, "--json"],
      ["ingest", file, "--queue", "--db", db],
      ["status", "--db", db],
      ["status", "--db", db, "--json"],
    ]) {
      const run = await marsad(args);
      expect(run.code, run.stderr).toBe(0);
      expect(`${run.stdout}${run.stderr}`, args.join(" ")).not.toContain(secret);
    }
  });

  it("a job whose worker was killed mid-job runs again within a minute and stores its article once", async () => {
    // the long article is queued first, so the first worker takes it first
    await marsad(["ingest", jsonl("long.jsonl", [longArticle()]), "--queue", "--db", pg.url]);
    const rest = shortArticles(100, 8);
    await marsad(["ingest", jsonl("rest.jsonl", rest), "--queue", "--db", pg.url]);
    const first = startWorker();
    await aJobInHand();
    first.kill("SIGKILL");
    await exited(first);
    const killedAt = Date.now();
    startWorker();
    const done = await drained();
    // expiry, then the next maintenance pass, then a poll
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    expect(EXPIRE_SECONDS + MAINTENANCE_SECONDS).toBeLessThan(60);
    expect(done.queue).toMatchObject({ pending: 0, active: 0, completed: 9, failed: 0 });
    expect(done.articles).toBe(9);
    const sources = await postgresRows<{ key: string; status: string; n: number }>(
      pg.url,
      "SELECT key, status, count(*) OVER (PARTITION BY article)::int AS n FROM sources",
    );
    expect(sources).toHaveLength(9);
    expect(sources.every((s) => s.status === "done" && s.n === 1)).toBe(true);
    expect(sources.some((s) => s.key.endsWith("long.jsonl:1"))).toBe(true);
  }, 150_000);

  it("a poison article fails with its reason at once and the rest are stored", async () => {
    const articles: { id: string; text: string; date?: string }[] = shortArticles(200, 5);
    articles.splice(2, 0, { id: "poison", text: "\u0000\u0001\u0002 not text \u0000" });
    await marsad(["ingest", jsonl("mixed.jsonl", articles), "--queue", "--db", pg.url]);
    const started = Date.now();
    startWorker();
    const done = await drained();
    expect(done.queue).toMatchObject({ completed: 5, failed: 1 });
    expect(done.queue?.failures[0]?.source).toMatch(/mixed\.jsonl:3$/);
    expect(done.queue?.failures[0]?.reason).toMatch(/binary/);
    expect(done.articles).toBe(5);
    expect(done.failedSources).toBe(1);
    // no retries with backoff for a failure the same input repeats
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 150_000);

  it("SIGTERM finishes the job in hand, then stops", async () => {
    await marsad(["ingest", jsonl("long.jsonl", [longArticle()]), "--queue", "--db", pg.url]);
    await marsad(["ingest", jsonl("rest.jsonl", shortArticles(300, 4)), "--queue", "--db", pg.url]);
    const worker = startWorker();
    await aJobInHand();
    worker.kill("SIGTERM");
    expect(await exited(worker)).toBe(0);
    const after = await status();
    expect(after.queue?.active).toBe(0);
    expect(after.queue?.failed).toBe(0);
    const long = await postgresRows<{ status: string }>(
      pg.url,
      "SELECT status FROM sources WHERE key LIKE '%long.jsonl:1'",
    );
    expect(long).toEqual([{ status: "done" }]);
    // the jobs it had not taken wait for the next worker
    expect((after.queue?.pending ?? 0) + (after.queue?.completed ?? 0)).toBe(5);
    expect(after.queue?.pending).toBeGreaterThan(0);
  }, 150_000);

  it("a store and a queue hold the same as a SQLite ingest of the same lines", async () => {
    const articles = shortArticles(400, 10);
    // a date hint that cannot be read costs nothing but the hint
    articles[3] = { ...(articles[3] as (typeof articles)[number]), date: "09/01/2017" };
    const file = jsonl("same.jsonl", articles);
    const queued = await marsad(["ingest", file, "--queue", "--db", pg.url, "--json"]);
    expect(JSON.parse(queued.stdout)).toMatchObject({ queued: 10, warnings: 1 });
    startWorker();
    startWorker();
    const done = await drained();
    const db = join(dir.dir, "same.db");
    const local = await marsad(["ingest", file, "--db", db, "--json"]);
    const summary = JSON.parse(local.stdout);
    expect(summary).toMatchObject({ added: 10, failed: 0, warnings: 1 });
    const sqlite = await statusJson(db);
    expect(sqlite.queue).toBeUndefined();
    // story clusters (and so events, counted once per story) form greedily in the order the
    // articles arrive, which two workers need not keep; the articles and their facts are the same
    for (const key of ["articles", "entities", "quotes"] as const) {
      expect(done[key], key).toBe(sqlite[key]);
    }
    for (const q of ["تونس", "الصين OR روسيا", '"وفد وزاري"']) {
      const hits = await Promise.all([pg.url, db].map((store) => searchTotal(store, q)));
      expect(hits[0], q).toBe(hits[1]);
      expect(hits[0], q).toBeGreaterThan(0);
    }
  }, 150_000);
  it("a feed is fetched by a worker, its items become jobs, and a feed queued again is read again", async () => {
    const pages: Record<string, string> = {
      "/a": articlePage("زيارة وفد", shortArticle(700).text),
      "/b": articlePage("مشاريع مشتركة", shortArticle(701).text),
    };
    const server = await serve((path, base) => {
      if (path === "/feed.xml") {
        const items = Object.keys(pages)
          .map((p) => `<item><title>خبر</title><link>${base}${p}</link></item>`)
          .join("");
        return {
          type: "application/rss+xml",
          body: `<rss version="2.0"><channel>${items}</channel></rss>`,
        };
      }
      const body = pages[path];
      return body ? { type: "text/html; charset=utf-8", body } : undefined;
    });
    try {
      const feed = `${server.base}/feed.xml`;
      const queued = await marsad(["ingest", feed, "--queue", "--db", pg.url, "--json"]);
      expect(JSON.parse(queued.stdout)).toMatchObject({ queued: 1 });
      startWorker(["--host-delay", "0"]);
      const first = await drained();
      // the feed's job, then one job per item
      expect(first.queue).toMatchObject({ completed: 3, failed: 0 });
      expect(first.articles).toBe(2);
      const again = await marsad(["ingest", feed, "--queue", "--db", pg.url, "--json"]);
      expect(JSON.parse(again.stdout)).toMatchObject({ queued: 1, skipped: 0 });
      const second = await waitFor(
        "the feed read again",
        async () => {
          const s = await status();
          return s.queue && s.queue.completed === 4 && s.queue.pending + s.queue.active === 0
            ? s
            : undefined;
        },
        60,
      );
      // the feed was fetched again; its items are done: no new jobs, nothing stored twice
      expect(server.requests.filter((p) => p === "/feed.xml")).toHaveLength(2);
      expect(second.articles).toBe(2);
      expect(server.requests.filter((p) => p === "/a")).toHaveLength(1);
    } finally {
      await server.close();
    }
  }, 150_000);
});

function articlePage(title: string, text: string): string {
  return `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>${title}</title></head>
<body><article><h1>${title}</h1><p>${text}</p></article></body></html>`;
}

/** A local site: `route` answers a path (given the site's base URL) or 404s. */
async function serve(
  route: (path: string, base: string) => { type: string; body: string } | undefined,
): Promise<{ base: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  let base = "";
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] as string;
    requests.push(path);
    const found = path === "/robots.txt" ? undefined : route(path, base);
    if (!found) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": found.type }).end(found.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
