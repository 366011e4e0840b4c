/**
 * The queue's counts for `marsad status`, read straight from pg-boss' tables (jobs in hand and
 * finished ones, archived or not) without starting pg-boss: a status call must not take a turn
 * at maintenance or create a queue that is not there.
 */
import pg from "pg";
import { InputError } from "../errors.js";
import { connectionProblem } from "../store/postgres.js";
import { parseStoreUrl, redactUrl } from "../store/url.js";
import { QUEUE, queueSchema } from "./jobs.js";

export interface QueueStatus {
  /** Waiting to run, or to be retried. */
  pending: number;
  /** In a worker's hands. */
  active: number;
  completed: number;
  failed: number;
  /** Jobs completed per second over the last minute and the last ten; while the queue works. */
  rate?: { lastMinute: number; lastTenMinutes: number };
  /** The latest failures (up to 10), newest first. */
  failures: { source: string; reason: string; at: string }[];
}

/** The queue of the store at `url`; undefined where no queue was ever made. */
export async function queueStatus(url: string): Promise<QueueStatus | undefined> {
  const { connectionString } = parseStoreUrl(url);
  const schema = queueSchema(url);
  const client = new pg.Client({ connectionString, application_name: "marsad-status" });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new InputError(
      "unreadable",
      `${redactUrl(url)}: cannot reach the database (${connectionProblem(error)})`,
    );
  }
  try {
    const exists = await client.query("SELECT to_regclass($1) IS NOT NULL AS found", [
      `${schema}.archive`,
    ]);
    if (!exists.rows[0]?.found) return undefined;
    const queue = await client.query(`SELECT 1 FROM ${schema}.queue WHERE name = $1`, [QUEUE]);
    if (queue.rowCount === 0) return undefined;
    const jobs = `(SELECT state, completed_on, data, output FROM ${schema}.job WHERE name = $1
      UNION ALL SELECT state, completed_on, data, output FROM ${schema}.archive WHERE name = $1) AS j`;
    const counts = await client.query(
      `SELECT
         count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS pending,
         count(*) FILTER (WHERE state = 'active')::int AS active,
         count(*) FILTER (WHERE state = 'completed')::int AS completed,
         count(*) FILTER (WHERE state = 'failed')::int AS failed,
         count(*) FILTER (WHERE state = 'completed' AND completed_on > now() - interval '1 minute')::int AS minute,
         count(*) FILTER (WHERE state = 'completed' AND completed_on > now() - interval '10 minutes')::int AS ten
       FROM ${jobs}`,
      [QUEUE],
    );
    const row = counts.rows[0] as Record<string, number>;
    const failures = await client.query(
      `SELECT data->'source'->>'key' AS source, coalesce(output->>'message', output::text) AS reason,
         completed_on AS at FROM ${jobs} WHERE state = 'failed' ORDER BY completed_on DESC LIMIT 10`,
      [QUEUE],
    );
    const working = (row.pending ?? 0) + (row.active ?? 0) > 0;
    return {
      pending: row.pending ?? 0,
      active: row.active ?? 0,
      completed: row.completed ?? 0,
      failed: row.failed ?? 0,
      ...(working
        ? {
            rate: {
              lastMinute: round((row.minute ?? 0) / 60),
              lastTenMinutes: round((row.ten ?? 0) / 600),
            },
          }
        : {}),
      failures: failures.rows.map((f) => ({
        source: String(f.source ?? ""),
        reason: String(f.reason ?? ""),
        at: f.at instanceof Date ? f.at.toISOString() : String(f.at),
      })),
    };
  } finally {
    await client.end().catch(() => {});
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
