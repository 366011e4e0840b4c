/** Running the built `marsad` command (dist/; `npm test` builds it first) as a user runs it. */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

export const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = join(root, "bin/marsad.js");

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
