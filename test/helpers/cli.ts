/** Running the built `marsad` command (dist/; `npm test` builds it first) as a user runs it. */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

export const root = fileURLToPath(new URL("../..", import.meta.url));
/** The built command, as `npm install` links it. */
export const bin = join(root, "bin/marsad.js");

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `marsad ARGS` with `stdin` piped in and `env` over the process's environment. */
export function marsad(
  args: string[],
  stdin?: string | Buffer,
  env?: Record<string, string>,
): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      "node",
      [bin, ...args],
      { cwd: root, maxBuffer: 64 << 20, ...(env ? { env: { ...process.env, ...env } } : {}) },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin ?? "");
  });
}

/** A user error: non-zero exit, exactly one line on stderr, and no stack trace. */
export function expectCleanError(run: Run, pattern: RegExp): void {
  expect(run.code).not.toBe(0);
  const lines = run.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stdout).toBe("");
}

/** What `marsad status --json` prints; `queue` only for a PostgreSQL store with a queue. */
export interface Status {
  articles: number;
  stories: number;
  entities: number;
  quotes: number;
  events: number;
  sources: number;
  failedSources: number;
  queue?: {
    pending: number;
    active: number;
    completed: number;
    failed: number;
    failures: { source: string; reason: string }[];
  };
}

/**
 * `marsad status --db DB --json`, parsed; the run must succeed. With `mayFail`, a run that fails
 * (the server away) is undefined instead.
 */
export async function statusJson(db: string): Promise<Status>;
export async function statusJson(
  db: string,
  options: { mayFail: true },
): Promise<Status | undefined>;
export async function statusJson(
  db: string,
  options: { mayFail?: boolean } = {},
): Promise<Status | undefined> {
  const run = await marsad(["status", "--db", db, "--json"]);
  if (options.mayFail && run.code !== 0) return undefined;
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Status;
}

/** The `total` of `marsad search QUERY --all --json` on the store `db`. */
export async function searchTotal(db: string, query: string): Promise<number> {
  const run = await marsad(["search", query, "--all", "--json", "--db", db]);
  return (JSON.parse(run.stdout) as { total: number }).total;
}

/** Polls `probe` every 250 ms until it gives a value; fails after `seconds`, naming `what`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  seconds: number,
): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what} after ${seconds} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
