/**
 * A small pool of analysis threads for the server, started on first use. Requests beyond what
 * the pool can queue are refused (503) rather than piling up, and each analysis has a time limit.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import type { Analysis } from "../analysis.js";
import { InputError } from "../errors.js";
import type { AnalyzeJob, AnalyzeOutcome } from "./analyze-worker.js";

export interface AnalyzerOptions {
  /** Threads (default 1: the server shares the machine with everything else). */
  threads?: number;
  /** Requests waiting for a thread before new ones are refused. */
  maxQueue?: number;
  timeoutMs?: number;
}

/** The analyzer is busy or took too long; `status` is the HTTP status to answer with. */
export class AnalyzerUnavailable extends Error {
  override readonly name = "AnalyzerUnavailable";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class Analyzer {
  private pool: Piscina<AnalyzeJob, AnalyzeOutcome> | undefined;

  constructor(private readonly options: AnalyzerOptions = {}) {}

  async analyze(job: AnalyzeJob): Promise<Analysis> {
    const pool = this.start();
    if (pool.queueSize >= pool.options.maxQueue) {
      throw new AnalyzerUnavailable(503, "the analyzer is busy; try again shortly");
    }
    const timeoutMs = this.options.timeoutMs ?? 60_000;
    let outcome: AnalyzeOutcome;
    try {
      outcome = await pool.run(job, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      if ((error as Error)?.name === "AbortError")
        throw new AnalyzerUnavailable(503, `the analysis took over ${timeoutMs / 1000} s`);
      throw error;
    }
    if (!outcome.ok) {
      if (outcome.code) throw new InputError(outcome.code, outcome.message);
      throw new Error(outcome.message);
    }
    return outcome.analysis;
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
    this.pool = undefined;
  }

  private start(): Piscina<AnalyzeJob, AnalyzeOutcome> {
    if (this.pool) return this.pool;
    // Run from the sources (tests, tsx), the worker is TypeScript too.
    const typescript = import.meta.url.endsWith(".ts");
    const threads = this.options.threads ?? 1;
    this.pool = new Piscina<AnalyzeJob, AnalyzeOutcome>({
      filename: new URL(typescript ? "./analyze-worker.ts" : "./analyze-worker.js", import.meta.url)
        .href,
      minThreads: threads,
      maxThreads: threads,
      maxQueue: this.options.maxQueue ?? 16,
      idleTimeout: 5 * 60_000,
      execArgv: typescript
        ? ["--import", pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href]
        : [],
    });
    return this.pool;
  }
}
