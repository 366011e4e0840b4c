/**
 * The ingest queue: pg-boss on the store's own PostgreSQL database, so that a desk runs one
 * database and no broker. Jobs live in a schema of their own beside the store's (`marsad_queue`,
 * or `<schema>_queue` for a store in `?schema=<schema>`).
 *
 * Delivery is at least once. A job whose worker died stays "active" until it expires
 * (EXPIRE_SECONDS) and the next maintenance pass (every MAINTENANCE_SECONDS, run by whichever
 * worker's turn it is) hands it back: taken up again within a minute. Writes are idempotent (a
 * source done is skipped, an article is deduped on its content hash), so a job run twice stores
 * its article once.
 */
import { createHash, randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { InputError } from "../errors.js";
import type { SourceInfo } from "../store/index.js";
import { connectionProblem } from "../store/postgres.js";
import { parseStoreUrl, redactUrl } from "../store/url.js";
import type { AnalyseTask } from "../store/worker.js";

export const QUEUE = "marsad-ingest";
/** Longest a job may stay in hand: an article's analysis takes well under a second. */
export const EXPIRE_SECONDS = 30;
export const MAINTENANCE_SECONDS = 10;
/** Longest a page or feed job may stay in hand: politeness and the page's own timeout. */
export const FETCH_EXPIRE_SECONDS = 120;
/** Retries of a job that failed for a reason that may pass (a fetch, the database). */
export const RETRY_LIMIT = 3;
/** The first retry waits this long; each later one twice as long. */
export const RETRY_DELAY_SECONDS = 5;

/** One job: an article as read, or a page or feed to fetch. */
export type IngestJob =
  | { source: SourceInfo; raw: AnalyseTask["raw"]; hints: AnalyseTask["hints"]; date?: string }
  | { source: SourceInfo; url: string; hints: AnalyseTask["hints"]; date?: string };

/** The queue's schema for a store URL. */
export function queueSchema(url: string): string {
  const { schema } = parseStoreUrl(url);
  return schema === "public" ? "marsad_queue" : `${schema}_queue`;
}

/**
 * A started pg-boss on the store's database. `supervise` makes this process take its turn at
 * maintenance (expiring jobs of dead workers, archiving); only workers need to.
 */
export async function startBoss(
  url: string,
  supervise: boolean,
  onError: (error: Error) => void = () => {},
): Promise<PgBoss> {
  const { connectionString } = parseStoreUrl(url);
  const boss = new PgBoss({
    connectionString,
    schema: queueSchema(url),
    application_name: "marsad-queue",
    max: 2,
    supervise,
    schedule: false,
    maintenanceIntervalSeconds: MAINTENANCE_SECONDS,
    // finished jobs keep only their source (the article is in the store), so keeping them is
    // cheap; `marsad status` counts them
    deleteAfterDays: 3650,
    // a failed job leaves the live table within a minute (`status` reads both), so that queuing
    // its source again makes a new job rather than meeting the old id
    archiveFailedAfterSeconds: 60,
  });
  // errors while the database is away are retried by pg-boss; the caller decides what to show
  boss.on("error", onError);
  try {
    await boss.start();
    await ensureQueue(boss);
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw new InputError(
      "unreadable",
      `${redactUrl(url)}: cannot open the queue (${connectionProblem(error)})`,
    );
  }
  return boss;
}

async function ensureQueue(boss: PgBoss): Promise<void> {
  if (await boss.getQueue(QUEUE)) return;
  try {
    await boss.createQueue(QUEUE, {
      name: QUEUE,
      retryLimit: RETRY_LIMIT,
      retryDelay: RETRY_DELAY_SECONDS,
      retryBackoff: true,
      expireInSeconds: EXPIRE_SECONDS,
      // a backlog waits for workers as long as it takes (a year), not pg-boss's 14 days
      retentionDays: 365,
    });
  } catch (error) {
    // another process made it first
    if (!(await boss.getQueue(QUEUE))) throw error;
  }
}

/**
 * A job's id from its source: the same article queued twice is one job. A page or feed named on
 * the command line gets a new id each time, since a feed is read again for its new items.
 */
export function jobId(source: SourceInfo): string {
  if (source.kind === "url" || source.kind === "feed") return randomUUID();
  const hex = createHash("sha1").update(source.key).digest("hex");
  // a UUID (version 5 layout), as pg-boss wants
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((Number.parseInt(hex[16] as string, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Adds jobs; those already in the queue (by id) are left as they are. Returns how many were new,
 * counted just before the insert (another process queuing the same sources at that instant may
 * make the count high by its overlap).
 */
export async function enqueueJobs(
  boss: PgBoss,
  schema: string,
  jobs: readonly IngestJob[],
): Promise<number> {
  if (jobs.length === 0) return 0;
  const rows = jobs.map((data) => ({
    id: jobId(data.source),
    name: QUEUE,
    data: pack(data),
    // a fetch waits its turn at the host (--host-delay) and for the page (--timeout)
    ...("url" in data ? { expireInSeconds: FETCH_EXPIRE_SECONDS } : {}),
  }));
  const waiting = await boss
    .getDb()
    .executeSql(
      `SELECT count(*)::int AS n FROM ${schema}.job WHERE name = $1 AND id = ANY($2::uuid[])`,
      [QUEUE, rows.map((r) => r.id)],
    );
  await boss.insert(rows);
  return jobs.length - Number(waiting.rows[0]?.n ?? 0);
}

/**
 * jsonb cannot hold a NUL character, and a binary "article" has them: such content travels as
 * base64 (and fails in the worker, with its reason, like any binary input).
 */
function pack(job: IngestJob): object {
  if (!("raw" in job) || !job.raw.content.includes("\u0000")) return job;
  const { content, ...raw } = job.raw;
  return { ...job, raw: { ...raw, base64: Buffer.from(content, "utf8").toString("base64") } };
}

/** A job's data as `pack` stored it. */
export function unpack(data: IngestJob): IngestJob {
  if (!("raw" in data)) return data;
  const raw = data.raw as AnalyseTask["raw"] & { base64?: string };
  if (raw.base64 === undefined) return data;
  const { base64, ...rest } = raw;
  return { ...data, raw: { ...rest, content: Buffer.from(base64, "base64").toString("utf8") } };
}
