/**
 * `marsad worker`: takes ingest jobs from the queue and stores their articles, `concurrency` at a
 * time, until stopped. Runs on any machine that reaches the database; as many as wanted.
 *
 * - A source already done is skipped: a job run again after its worker died mid-way stores
 *   nothing twice.
 * - An article that analysis refuses (empty, binary, not Arabic...) fails at once, with its
 *   reason, in the queue and in the store's sources: the same input would fail again.
 * - Anything else (a fetch, the database away) throws, and pg-boss retries with backoff.
 * - Once stored, the job's copy of the article is dropped: the store has it.
 * - The signal (SIGTERM, Ctrl-C) stops taking jobs and finishes those in hand.
 */
import { availableParallelism } from "node:os";
import { setTimeout as delay } from "node:timers/promises";
import type PgBoss from "pg-boss";
import { describeError } from "../errors.js";
import {
  type AnalyseTask,
  createRunner,
  type FeedItem,
  feedItemSource,
  fetchPageOrFeed,
  openStore,
  PoliteFetcher,
  type PoliteOptions,
  type Runner,
  type Store,
  type WriteOutcome,
} from "../store/index.js";
import { enqueueJobs, type IngestJob, QUEUE, queueSchema, startBoss, unpack } from "./jobs.js";

export interface WorkerOptions {
  /** Jobs in hand at once (default: the machine's cores). */
  concurrency?: number;
  /** Knowledge-base files (JSONL) over the bundled one. */
  kb?: string[];
  fetch?: PoliteOptions;
  /** Stops taking jobs; those in hand are finished. */
  signal?: AbortSignal;
  /** Told about every job done or failed, and about trouble reaching the database. */
  onEvent?: (event: WorkerEvent) => void;
}

export type WorkerEvent =
  | { kind: "ready"; concurrency: number }
  | { kind: "job"; source: string; status: WriteOutcome["status"] | "skipped" | "feed" }
  | { kind: "failed"; source: string; reason: string; final: boolean }
  | { kind: "trouble"; message: string };

export interface WorkerSummary {
  added: number;
  duplicates: number;
  skipped: number;
  failed: number;
  seconds: number;
}

const IDLE_POLL_MS = 1000;
/** Articles a worker stores between two refreshes of the planner's statistics. */
const OPTIMIZE_EVERY = 1000;

/** A failure that a retry would repeat. */
class FinalFailure extends Error {}

export async function runWorker(url: string, options: WorkerOptions = {}): Promise<WorkerSummary> {
  const started = performance.now();
  const concurrency = Math.max(1, Math.trunc(options.concurrency ?? availableParallelism()));
  const store = await openStore(url, { connections: concurrency + 1 });
  const runner = createRunner(concurrency);
  const web = new PoliteFetcher(options.fetch);
  const summary: WorkerSummary = { added: 0, duplicates: 0, skipped: 0, failed: 0, seconds: 0 };
  const tell = options.onEvent ?? (() => {});
  let boss: PgBoss | undefined;
  try {
    boss = await startBoss(url, true, (error) =>
      tell({ kind: "trouble", message: describeError(error) }),
    );
    const queue = boss;
    tell({ kind: "ready", concurrency });
    const job = new JobRunner(
      store,
      queue,
      queueSchema(url),
      runner,
      web,
      options.kb,
      tell,
      summary,
    );
    // our own loops rather than pg-boss' work(), which waits out its polling interval after
    // every job: a loop takes the next job as soon as it has finished one, and sleeps only when
    // the queue is empty. On a stop signal each loop finishes the job in hand and ends.
    const loop = async () => {
      while (!options.signal?.aborted) {
        let next: Parameters<JobRunner["run"]>[0] | undefined;
        try {
          const found = await queue.fetch<IngestJob>(QUEUE, {
            batchSize: 1,
            includeMetadata: true,
          });
          next = found?.[0];
        } catch (error) {
          tell({ kind: "trouble", message: describeError(error) });
        }
        if (!next) {
          // a stop signal ends the wait at once
          await delay(IDLE_POLL_MS, undefined, { signal: options.signal }).catch(() => {});
          continue;
        }
        let output: object;
        try {
          output = await job.run(next);
        } catch (error) {
          // only a job still this run's: one that expired meanwhile is another worker's now. If
          // the database is away, the job stays in hand until it expires, then runs again.
          if (await job.stillHeld(next).catch(() => false)) {
            await queue.fail(QUEUE, next.id, { message: (error as Error).message }).catch(() => {});
          }
          continue;
        }
        // the article is stored: a job that cannot be marked complete now expires and runs
        // again, finding its source done, rather than counting as a failed try
        await queue
          .complete(QUEUE, next.id, output)
          .catch((error) => tell({ kind: "trouble", message: describeError(error) }));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, loop));
    if (summary.added > 0) await store.optimize().catch(() => {});
  } finally {
    await boss?.stop({ graceful: false, wait: true }).catch(() => {});
    await runner.close();
    await store.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

class JobRunner {
  constructor(
    private readonly store: Store,
    private readonly boss: PgBoss,
    private readonly schema: string,
    private readonly runner: Runner,
    private readonly web: PoliteFetcher,
    private readonly kb: string[] | undefined,
    private readonly tell: (event: WorkerEvent) => void,
    private readonly summary: WorkerSummary,
  ) {}

  async run(job: {
    id: string;
    data: IngestJob;
    retryCount: number;
    retryLimit: number;
  }): Promise<object> {
    const data = unpack(job.data);
    const { source } = data;
    let status: Awaited<ReturnType<JobRunner["process"]>>;
    try {
      status = await this.process(data);
    } catch (error) {
      const final = error instanceof FinalFailure || job.retryCount >= job.retryLimit;
      const reason = error instanceof FinalFailure ? error.message : describeError(error);
      this.tell({ kind: "failed", source: source.key, reason, final });
      if (final) {
        this.summary.failed++;
        // the store records the failure too, as `ingest` does (when the database lets it)
        await this.store.write([{ source, error: reason }]).catch(() => {});
        if (error instanceof FinalFailure) {
          // no retries for a failure the same input would repeat
          await this.boss
            .getDb()
            .executeSql(
              `UPDATE ${this.schema}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2`,
              [QUEUE, job.id],
            )
            .catch(() => {});
        }
      }
      throw new Error(reason);
    }
    this.tell({ kind: "job", source: source.key, status });
    if (status === "added") this.summary.added++;
    else if (status === "duplicate") this.summary.duplicates++;
    else if (status === "skipped") this.summary.skipped++;
    // the store has the article now, so what follows is housekeeping: a database that fails it
    // does not make the job a failed try
    await this.tidy(job.id, status).catch((error) =>
      this.tell({ kind: "trouble", message: describeError(error) }),
    );
    return { status };
  }

  /** The job keeps only its source; every OPTIMIZE_EVERY articles, fresh planner statistics. */
  private async tidy(id: string, status: string): Promise<void> {
    await this.boss
      .getDb()
      .executeSql(
        `UPDATE ${this.schema}.job SET data = jsonb_build_object('source', data->'source') WHERE name = $1 AND id = $2`,
        [QUEUE, id],
      );
    if (status === "added" && this.summary.added % OPTIMIZE_EVERY === 0)
      await this.store.optimize();
  }

  /** Whether the job is still in the hands of the run that took it (it has not expired). */
  async stillHeld(job: { id: string; retryCount: number }): Promise<boolean> {
    const held = await this.boss
      .getDb()
      .executeSql(
        `SELECT 1 FROM ${this.schema}.job WHERE name = $1 AND id = $2 AND state = 'active' AND retry_count = $3`,
        [QUEUE, job.id, job.retryCount],
      );
    return held.rows.length > 0;
  }

  private async process(data: IngestJob): Promise<WriteOutcome["status"] | "skipped" | "feed"> {
    // an article done is skipped; a feed done is read again for its new items
    const was = await this.store.sourceStatus(data.source.key);
    if (was?.status === "done" && was.kind !== "feed") return "skipped";
    const defaults = { date: data.date, kb: this.kb };
    let task: AnalyseTask;
    if ("url" in data) {
      const fetched = await fetchPageOrFeed(
        data.url,
        { web: this.web, task: defaults },
        data.hints,
      );
      if (fetched.kind === "feed") {
        await this.queueFeed(data, fetched.items);
        return "feed";
      }
      task = fetched.task;
    } else {
      task = { ...defaults, raw: data.raw, hints: data.hints };
    }
    const result = await this.runner.run(task);
    if (!result.ok) throw new FinalFailure(result.error);
    const source = { ...data.source, fetchedAt: new Date().toISOString() };
    const [outcome] = await this.store.write([{ source, rows: result.rows }]);
    if (!outcome || outcome.status === "failed") {
      throw new FinalFailure(outcome?.reason ?? "could not be stored");
    }
    return outcome.status;
  }

  /** A feed: recorded as read, its items not done yet queued as pages to fetch. */
  private async queueFeed(
    data: Extract<IngestJob, { url: string }>,
    items: FeedItem[],
  ): Promise<void> {
    const feed = data.url;
    const done = await this.store.doneSources(feed);
    const jobs: IngestJob[] = [];
    for (const item of items) {
      if (done.has(item.url)) continue;
      const { source, hints } = feedItemSource(item, feed);
      jobs.push({ source, url: item.url, hints, ...(data.date ? { date: data.date } : {}) });
    }
    await enqueueJobs(this.boss, this.schema, jobs);
    await this.store.recordSource({ key: feed, kind: "feed" });
  }
}
