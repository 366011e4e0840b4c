/**
 * The commands of a store spread over machines: `marsad ingest --queue` (here as `runEnqueue`),
 * `marsad worker`, `marsad status` and `marsad migrate`. The queue needs a PostgreSQL store;
 * `status` and `migrate` work on both backends.
 */
import type { Command } from "commander";
import { InputError } from "../errors.js";
import { isPostgresUrl, redactUrl } from "../store/url.js";
import { DB_HELP, DEFAULT_DB, interruptedError, positive, whole } from "./options.js";

const SHOWN = 20;

export interface EnqueueFlags {
  db: string;
  date?: string;
  maxBytes?: number;
  kb?: string[];
  json?: boolean;
}

interface WorkerFlags {
  db: string;
  concurrency?: number;
  kb?: string[];
  hostDelay: number;
  timeout: number;
  quiet?: boolean;
}

interface StatusFlags {
  db: string;
  json?: boolean;
}

interface MigrateFlags {
  from: string;
  to: string;
  json?: boolean;
}

export function registerQueueCommands(program: Command): void {
  program
    .command("worker")
    .description(
      "take ingest jobs from a PostgreSQL store's queue and store their articles, until stopped (SIGTERM finishes the jobs in hand)",
    )
    .requiredOption("--db <url>", "the store: a postgres:// URL")
    .option("--concurrency <n>", "jobs in hand at once (default: the machine's cores)", positive)
    .option("--kb <files...>", "knowledge-base files (JSONL) over the bundled one")
    .option("--host-delay <ms>", "pause between two requests to one host", whole, 1000)
    .option("--timeout <seconds>", "fetch timeout per page", positive, 20)
    .option("--quiet", "no line per job on stderr")
    .action(runWorkerCommand);

  program
    .command("status")
    .description("what a store holds and, for a PostgreSQL store with a queue, the jobs")
    .option("--db <file|url>", DB_HELP, DEFAULT_DB)
    .option("--json", "print the status as JSON")
    .action(runStatus);

  program
    .command("migrate")
    .description("copy a store into another (e.g. a SQLite file into PostgreSQL); resumable")
    .requiredOption("--from <file|url>", "the store to copy")
    .requiredOption("--to <url|file>", "the store to copy into (created if empty)")
    .option("--json", "print the summary as JSON")
    .action(runMigrate);
}

function requirePostgres(db: string, what: string): void {
  if (!isPostgresUrl(db)) {
    throw new InputError(
      "bad-option",
      `${what} needs a PostgreSQL store: --db postgres://user@host/database (got ${db})`,
    );
  }
}

export async function runEnqueue(sources: string[], flags: EnqueueFlags): Promise<void> {
  requirePostgres(flags.db, "ingest --queue");
  if (flags.kb) {
    throw new InputError(
      "bad-option",
      "--kb is read by the workers: give it to marsad worker, not to ingest --queue",
    );
  }
  const { enqueue } = await import("../queue/index.js");
  const stop = new AbortController();
  const onInterrupt = () => stop.abort();
  process.once("SIGINT", onInterrupt);
  let summary: Awaited<ReturnType<typeof enqueue>>;
  try {
    summary = await enqueue(flags.db, sources, {
      ...(flags.date ? { date: flags.date } : {}),
      ...(flags.maxBytes ? { maxBytes: flags.maxBytes } : {}),
      signal: stop.signal,
    });
  } finally {
    process.off("SIGINT", onInterrupt);
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    const lines = [
      `queued ${summary.queued} jobs in ${summary.seconds.toFixed(1)} s; start workers with: marsad worker --db <url>`,
    ];
    if (summary.alreadyQueued)
      lines.push(`  waiting     ${summary.alreadyQueued} (in the queue already, not queued twice)`);
    if (summary.skipped) lines.push(`  skipped     ${summary.skipped} (done already)`);
    if (summary.failed) lines.push(`  failed      ${summary.failed} (recorded in the store)`);
    for (const f of summary.failures.slice(0, SHOWN)) lines.push(`    ${f.source}: ${f.reason}`);
    if (summary.warnings) lines.push(`  warnings    ${summary.warnings} (queued; a hint left out)`);
    for (const w of summary.warningList.slice(0, SHOWN))
      lines.push(`    ${w.source}: ${w.warning}`);
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  if (summary.interrupted) {
    throw interruptedError();
  }
}

async function runWorkerCommand(flags: WorkerFlags): Promise<void> {
  requirePostgres(flags.db, "marsad worker");
  const { runWorker } = await import("../queue/index.js");
  const stop = new AbortController();
  const onSignal = (name: string) => () => {
    if (stop.signal.aborted) process.exit(130);
    stop.abort();
    process.stderr.write(`marsad: ${name}: finishing the jobs in hand, then stopping\n`);
  };
  const onTerm = onSignal("SIGTERM");
  const onInt = onSignal("SIGINT");
  process.on("SIGTERM", onTerm);
  process.on("SIGINT", onInt);
  let lastTrouble = 0;
  try {
    const summary = await runWorker(flags.db, {
      ...(flags.concurrency ? { concurrency: flags.concurrency } : {}),
      ...(flags.kb ? { kb: flags.kb } : {}),
      fetch: { hostDelayMs: flags.hostDelay, timeoutMs: flags.timeout * 1000 },
      signal: stop.signal,
      onEvent: (event) => {
        if (event.kind === "ready") {
          process.stderr.write(
            `marsad: worker on ${redactUrl(flags.db)}, ${event.concurrency} jobs at a time\n`,
          );
        } else if (event.kind === "trouble") {
          // the database away: say so now and then, not at every poll
          if (Date.now() - lastTrouble < 10_000) return;
          lastTrouble = Date.now();
          process.stderr.write(`marsad: ${event.message} (retrying)\n`);
        } else if (!flags.quiet) {
          process.stderr.write(
            event.kind === "job"
              ? `${event.status} ${event.source}\n`
              : `${event.final ? "failed" : "will retry"} ${event.source}: ${event.reason}\n`,
          );
        }
      },
    });
    process.stderr.write(
      `marsad: worker stopped after ${summary.seconds.toFixed(0)} s: ${summary.added} added, ${summary.duplicates} duplicates, ${summary.skipped} skipped, ${summary.failed} failed\n`,
    );
  } finally {
    process.off("SIGTERM", onTerm);
    process.off("SIGINT", onInt);
  }
}

async function runStatus(flags: StatusFlags): Promise<void> {
  const { openStore } = await import("../store/index.js");
  // The queue is read before the store: a worker stores an article before it completes the
  // job, so a queue seen drained means every article it ran is already in the counts below.
  let queue: Awaited<ReturnType<typeof import("../queue/index.js").queueStatus>>;
  if (isPostgresUrl(flags.db)) {
    const { queueStatus } = await import("../queue/index.js");
    queue = await queueStatus(flags.db);
  }
  const store = await openStore(flags.db, { readonly: true });
  let stats: Awaited<ReturnType<typeof store.stats>>;
  try {
    stats = await store.stats();
  } finally {
    await store.close();
  }
  const status = {
    articles: stats.articles,
    stories: stats.clusters,
    entities: stats.entities,
    quotes: stats.quotes,
    events: stats.events,
    sources: stats.sources,
    failedSources: stats.failed,
    ...(queue ? { queue } : {}),
  };
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
    return;
  }
  const lines = [
    `${status.articles} articles in ${status.stories} stories, ${status.entities} entities, ${status.quotes} quotes, ${status.events} events`,
    `${status.sources} sources read, ${status.failedSources} failed`,
  ];
  if (queue) {
    const drained = queue.pending === 0 && queue.active === 0;
    lines.push(
      `queue: ${queue.pending} pending, ${queue.active} active, ${queue.completed} completed, ${queue.failed} failed${drained ? " (drained)" : ""}`,
    );
    if (queue.rate) {
      lines.push(
        `  rate: ${queue.rate.lastMinute}/s over the last minute, ${queue.rate.lastTenMinutes}/s over ten`,
      );
    }
    for (const f of queue.failures) lines.push(`  failed ${f.source}: ${f.reason}`);
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

async function runMigrate(flags: MigrateFlags): Promise<void> {
  const { copyStore, openStore } = await import("../store/index.js");
  if (flags.from === flags.to) throw new InputError("bad-option", "--from and --to are the same");
  const from = await openStore(flags.from, { readonly: true });
  const stop = new AbortController();
  const onInterrupt = () => stop.abort();
  process.once("SIGINT", onInterrupt);
  let summary: Awaited<ReturnType<typeof copyStore>>;
  let stats: Awaited<ReturnType<typeof from.stats>>;
  try {
    const to = await openStore(flags.to);
    try {
      summary = await copyStore(from, to, {
        signal: stop.signal,
        onProgress: (p) => {
          if (process.stderr.isTTY) process.stderr.write(`\r${p.articles}/${p.total} articles`);
        },
      });
      stats = await to.stats();
    } finally {
      if (process.stderr.isTTY) process.stderr.write("\n");
      await to.close();
    }
  } finally {
    process.off("SIGINT", onInterrupt);
    await from.close();
  }
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ ...summary, store: stats }, null, 2)}\n`);
  } else {
    process.stdout.write(
      `copied ${summary.copied} articles in ${summary.seconds.toFixed(1)} s (${summary.skipped} there already, ${summary.otherSources} other sources); the target holds ${stats.articles} articles in ${stats.clusters} stories\n`,
    );
  }
  if (summary.interrupted) {
    throw interruptedError();
  }
}
