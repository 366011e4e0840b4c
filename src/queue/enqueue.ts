/**
 * `marsad ingest --queue`: walks the sources as `ingest` does and queues one job per article
 * (files and JSONL lines carry their text, read here) or per page or feed (fetched by a worker).
 * Sources the store has done are skipped; sources that cannot be read are recorded as failed in
 * the store at once, as `ingest` would.
 */
import type PgBoss from "pg-boss";
import {
  type IngestCounts,
  MAX_FAILURES_KEPT,
  openStore,
  queueSources,
  Warnings,
} from "../store/index.js";
import { enqueueJobs, type IngestJob, queueSchema, startBoss } from "./jobs.js";

export interface EnqueueOptions {
  /** Publication date for articles that give none (YYYY-MM-DD), carried by each job. */
  date?: string;
  maxBytes?: number;
  signal?: AbortSignal;
}

export interface EnqueueSummary {
  /** Jobs added to the queue. */
  queued: number;
  /** Sources already waiting in the queue (or in a worker's hands): not queued twice. */
  alreadyQueued: number;
  /** Sources that could not be read, recorded as failed. */
  failed: number;
  /** Sources the store has done already. */
  skipped: number;
  warnings: number;
  warningList: { source: string; warning: string }[];
  failures: { source: string; reason: string }[];
  seconds: number;
  interrupted: boolean;
}

const JOBS_PER_INSERT = 200;

export async function enqueue(
  url: string,
  inputs: readonly string[],
  options: EnqueueOptions = {},
): Promise<EnqueueSummary> {
  const started = performance.now();
  const store = await openStore(url, { connections: 2 });
  let boss: PgBoss | undefined;
  const counts: IngestCounts = { added: 0, duplicates: 0, failed: 0, skipped: 0 };
  const warnings = new Warnings();
  const failures: EnqueueSummary["failures"] = [];
  let queued = 0;
  let alreadyQueued = 0;
  try {
    boss = await startBoss(url, false);
    const queue = boss;
    const schema = queueSchema(url);
    let batch: IngestJob[] = [];
    const flush = async () => {
      const added = await enqueueJobs(queue, schema, batch);
      queued += added;
      alreadyQueued += batch.length - added;
      batch = [];
    };
    for await (const item of queueSources(store, inputs, {
      ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
      warnings,
      counts,
    })) {
      if (options.signal?.aborted) break;
      if ("error" in item) {
        await store.write([{ source: item.source, error: item.error }]);
        counts.failed++;
        if (failures.length < MAX_FAILURES_KEPT) {
          failures.push({ source: item.source.key, reason: item.error });
        }
        continue;
      }
      batch.push({ ...item, ...(options.date ? { date: options.date } : {}) });
      if (batch.length >= JOBS_PER_INSERT) await flush();
    }
    await flush();
  } finally {
    await boss?.stop({ graceful: false, wait: true }).catch(() => {});
    await store.close();
  }
  return {
    queued,
    alreadyQueued,
    failed: counts.failed,
    skipped: counts.skipped,
    warnings: warnings.count,
    warningList: warnings.list,
    failures,
    seconds: (performance.now() - started) / 1000,
    interrupted: options.signal?.aborted === true,
  };
}
