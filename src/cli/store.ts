/**
 * `marsad ingest`, `marsad search` and `marsad quotes`: the article store from the command line.
 * Progress goes to stderr (a bar on a TTY only); results and summaries to stdout.
 */
import { SingleBar } from "cli-progress";
import { type Command, Option } from "commander";
import { createColors } from "picocolors";
import { InputError } from "../errors.js";
import {
  type IngestProgress,
  type IngestSummary,
  ingest,
  openStore,
  type QuoteRecord,
  type SearchHit,
  type Store,
  type StoreStats,
} from "../store/index.js";
import { DB_HELP, DEFAULT_DB, dateOption, interruptedError, positive, whole } from "./options.js";
import { runEnqueue } from "./queue.js";

/** Failures listed in the human summary; --json lists them all (up to the kept maximum). */
const FAILURES_SHOWN = 20;

interface IngestFlags {
  db: string;
  jobs?: number;
  date?: string;
  concurrency: number;
  hostDelay: number;
  timeout: number;
  maxBytes?: number;
  batchSize: number;
  kb?: string[];
  queue?: boolean;
  json?: boolean;
}

interface SearchFlags {
  db: string;
  entity?: string;
  speaker?: string;
  from?: string;
  to?: string;
  source?: string;
  limit: number;
  offset: number;
  all?: boolean;
  json?: boolean;
}

interface QuotesFlags {
  db: string;
  speaker?: string;
  about?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
  all?: boolean;
  json?: boolean;
}

export function registerStoreCommands(program: Command): void {
  program
    .command("ingest")
    .description(
      "analyse articles into a store: files, folders (recursive), JSONL batches, URLs, RSS/Atom feeds",
    )
    .argument("<sources...>", "paths, folders, .jsonl files, page or feed URLs")
    .option(
      "--db <file|url>",
      "the store: a SQLite file (created if missing) or a postgres:// URL",
      DEFAULT_DB,
    )
    .option("--jobs <n>", "analysis threads (default: all cores; 0: none, analyse inline)", whole)
    .option("--date <YYYY-MM-DD>", "publication date for articles that give none", dateOption)
    .option("--concurrency <n>", "pages fetched at once (one at a time per host)", positive, 4)
    .option("--host-delay <ms>", "pause between two requests to one host", whole, 1000)
    .option("--timeout <seconds>", "fetch timeout per page", positive, 20)
    .option("--max-bytes <n>", "largest file or page read, in bytes", positive)
    .addOption(
      new Option("--batch-size <n>", "sources written per transaction")
        .argParser(positive)
        .default(64)
        .hideHelp(),
    )
    .option("--kb <files...>", "knowledge-base files (JSONL) over the bundled one")
    .option(
      "--queue",
      "queue the sources for `marsad worker`s instead of analysing here (PostgreSQL stores)",
    )
    .option("--json", "print the summary as JSON")
    .action(runIngest);

  program
    .command("search")
    .description(
      'full-text search of a store: words (الصين also finds والصين، للصين), "phrases", OR',
    )
    .argument("[query...]", 'e.g. الصين روسيا, "الرئيس الصيني" OR بوتين')
    .option("--db <file|url>", DB_HELP, DEFAULT_DB)
    .option("--entity <key|name>", "only articles mentioning this entity (KB id or name)")
    .option("--speaker <key|name>", "only articles quoting this speaker")
    .option("--from <date>", "published on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
    .option("--to <date>", "published on or before")
    .option("--source <text>", "only sources (path, URL or site) containing this")
    .option("--limit <n>", "hits to show", positive, 10)
    .option("--offset <n>", "hits to skip (paging)", whole, 0)
    .option("--all", "every matching article, not one per story cluster")
    .option("--json", "print the result as JSON")
    .action(runSearch);

  program
    .command("quotes")
    .description("who said what (about whom), with dates and sources")
    .option("--db <file|url>", DB_HELP, DEFAULT_DB)
    .option("--speaker <key|name>", "quotes by this speaker")
    .option("--about <key|name>", "quotes that mention this entity")
    .option("--from <date>", "published on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
    .option("--to <date>", "published on or before")
    .option("--limit <n>", "quotes to show", positive, 20)
    .option("--offset <n>", "quotes to skip (paging)", whole, 0)
    .option("--all", "repeat a quote for every reprint of its story")
    .option("--json", "print the quotes as JSON")
    .action(runQuotes);
}

// ---------------------------------------------------------------------------------------------
// ingest

async function runIngest(sources: string[], flags: IngestFlags): Promise<void> {
  if (flags.queue) return runEnqueue(sources, flags);
  const store = await openStore(flags.db);
  const bar = process.stderr.isTTY ? progressBar() : undefined;
  // Ctrl-C: finish and store the articles in progress, then stop; twice: stop now
  const stop = new AbortController();
  const onInterrupt = () => {
    if (stop.signal.aborted) process.exit(130);
    stop.abort();
    bar?.stop();
    process.stderr.write(
      "\nmarsad: stopping once the articles in progress are stored (Ctrl-C again to quit now)\n",
    );
  };
  process.on("SIGINT", onInterrupt);
  let summary: IngestSummary;
  let stats: StoreStats;
  try {
    summary = await ingest(store, sources, {
      ...(flags.jobs !== undefined ? { jobs: flags.jobs } : {}),
      ...(flags.date ? { date: flags.date } : {}),
      ...(flags.kb ? { kb: flags.kb } : {}),
      ...(flags.maxBytes ? { maxBytes: flags.maxBytes } : {}),
      batchSize: flags.batchSize,
      fetch: {
        concurrency: flags.concurrency,
        hostDelayMs: flags.hostDelay,
        timeoutMs: flags.timeout * 1000,
      },
      ...(bar ? { onProgress: bar.update } : {}),
      signal: stop.signal,
    });
    await store.optimize();
    stats = await store.stats();
  } finally {
    process.off("SIGINT", onInterrupt);
    bar?.stop();
    await store.close();
  }
  const interrupted = () => {
    if (summary.interrupted) {
      throw interruptedError();
    }
  };
  if (flags.json) {
    process.stdout.write(
      `${JSON.stringify({ ...summary, db: store.location, store: stats }, null, 2)}\n`,
    );
    interrupted();
    return;
  }
  const processed = summary.added + summary.duplicates + summary.failed;
  const rate = summary.seconds > 0 ? processed / summary.seconds : 0;
  const lines = [
    `ingested ${processed} sources in ${summary.seconds.toFixed(1)} s (${rate.toFixed(1)}/s)`,
    `  added       ${summary.added}`,
    `  duplicates  ${summary.duplicates}`,
    `  failed      ${summary.failed}`,
  ];
  if (summary.skipped) lines.push(`  skipped     ${summary.skipped} (done by an earlier run)`);
  for (const f of summary.failures.slice(0, FAILURES_SHOWN)) {
    lines.push(`    ${f.source}: ${f.reason}`);
  }
  if (summary.failed > FAILURES_SHOWN) {
    lines.push(`    … and ${summary.failed - FAILURES_SHOWN} more (--json lists them)`);
  }
  if (summary.warnings) {
    lines.push(`  warnings    ${summary.warnings} (stored; a hint left out)`);
    for (const w of summary.warningList.slice(0, FAILURES_SHOWN)) {
      lines.push(`    ${w.source}: ${w.warning}`);
    }
    if (summary.warnings > FAILURES_SHOWN) {
      lines.push(`    … and ${summary.warnings - FAILURES_SHOWN} more (--json lists them)`);
    }
  }
  lines.push(
    `store ${store.location}: ${stats.articles} articles in ${stats.clusters} stories, ${stats.entities} entities, ${stats.quotes} quotes, ${stats.events} events`,
  );
  process.stdout.write(`${lines.join("\n")}\n`);
  interrupted();
}

function progressBar() {
  const bar = new SingleBar({
    stream: process.stderr,
    format: "{bar} {value}/{total} | {rate} articles/s | ETA {eta_formatted} | {failed} failed",
    barsize: 30,
    hideCursor: true,
    etaBuffer: 50,
  });
  const started = performance.now();
  let running = false;
  let stopped = false;
  return {
    update: (p: IngestProgress) => {
      if (stopped) return;
      const seconds = (performance.now() - started) / 1000;
      const payload = {
        rate: seconds > 0 ? (p.done / seconds).toFixed(1) : "0",
        failed: p.failed,
      };
      if (!running) {
        bar.start(Math.max(p.total, p.done), p.done, payload);
        running = true;
        return;
      }
      bar.setTotal(Math.max(p.total, p.done));
      bar.update(p.done, payload);
    },
    stop: () => {
      if (running && !stopped) bar.stop();
      stopped = true;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// search

async function runSearch(words: string[], flags: SearchFlags): Promise<void> {
  const q = words.join(" ").trim();
  const filters = [flags.entity, flags.speaker, flags.from, flags.to, flags.source];
  if (q === "" && filters.every((f) => f === undefined)) {
    throw new InputError(
      "bad-option",
      "nothing to search for: give words, or a filter such as --entity",
    );
  }
  const store = await openStore(flags.db, { readonly: true });
  try {
    await requireKnown(store, flags.entity, "entity");
    await requireKnown(store, flags.speaker, "speaker");
    const result = await store.search({
      ...(q ? { q } : {}),
      ...(flags.entity ? { entity: flags.entity } : {}),
      ...(flags.speaker ? { speaker: flags.speaker } : {}),
      ...(flags.from ? { from: flags.from } : {}),
      ...(flags.to ? { to: flags.to } : {}),
      ...(flags.source ? { source: flags.source } : {}),
      limit: flags.limit,
      offset: flags.offset,
      collapse: flags.all !== true,
    });
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    const c = createColors(process.stdout.isTTY === true);
    const unit = flags.all ? "articles" : "stories";
    if (result.total === 0) {
      process.stdout.write(`no ${unit} match\n`);
      return;
    }
    const shown = result.hits.length;
    const out = [
      c.dim(
        shown < result.total
          ? `${flags.offset + 1}–${flags.offset + shown} of ${result.total} ${unit}`
          : `${result.total} ${unit}`,
      ),
    ];
    result.hits.forEach((hit, i) => {
      out.push("", formatHit(hit, flags.offset + i + 1, c));
    });
    process.stdout.write(`${out.join("\n")}\n`);
  } finally {
    await store.close();
  }
}

type Colors = ReturnType<typeof createColors>;

function formatHit(hit: SearchHit, rank: number, c: Colors): string {
  const facts = [
    hit.published,
    hit.siteName,
    hit.source,
    hit.cluster.size > 1
      ? `story of ${hit.cluster.size} articles${hit.matches > 1 ? ` (${hit.matches} match)` : ""}`
      : undefined,
  ].filter(Boolean);
  let snippet = "";
  let at = 0;
  for (const [start, end] of hit.snippet.highlights) {
    if (start < at) continue;
    snippet +=
      hit.snippet.text.slice(at, start) + c.bold(c.yellow(hit.snippet.text.slice(start, end)));
    at = end;
  }
  snippet += hit.snippet.text.slice(at);
  return [
    `${c.bold(`${rank}.`)} ${c.bold(hit.title ?? "(untitled)")} ${c.dim(`#${hit.id}`)}`,
    `   ${c.dim(facts.join(" · "))}`,
    `   ${snippet}`,
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------
// quotes

async function runQuotes(flags: QuotesFlags): Promise<void> {
  const store = await openStore(flags.db, { readonly: true });
  try {
    const speaker = await requireKnown(store, flags.speaker, "speaker");
    await requireKnown(store, flags.about, "entity");
    const quotes = await store.quotes({
      ...(flags.speaker ? { speaker: flags.speaker } : {}),
      ...(flags.about ? { about: flags.about } : {}),
      ...(flags.from ? { from: flags.from } : {}),
      ...(flags.to ? { to: flags.to } : {}),
      limit: flags.limit,
      offset: flags.offset,
      collapse: flags.all !== true,
    });
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(quotes, null, 2)}\n`);
      return;
    }
    const c = createColors(process.stdout.isTTY === true);
    if (quotes.length === 0) {
      process.stdout.write("no quotes match\n");
      return;
    }
    const out: string[] = [];
    if (speaker) out.push(c.bold(`${speaker.name} (${speaker.key})`), "");
    for (const q of quotes) out.push(formatQuote(q, speaker === undefined, c));
    process.stdout.write(`${out.join("\n")}\n`);
  } finally {
    await store.close();
  }
}

function formatQuote(q: QuoteRecord, withSpeaker: boolean, c: Colors): string {
  const who = q.speaker ? q.speaker.name : (q.speakerText ?? "(unnamed)");
  const facts = [q.article.published ?? "undated", q.article.siteName, q.article.source].filter(
    Boolean,
  );
  const how = [q.kind, q.cue].filter(Boolean).join(", ");
  return [
    `${withSpeaker ? `${c.bold(who)}: ` : ""}«${q.text}» ${c.dim(`(${how})`)}`,
    `   ${c.dim(facts.join(" · "))}`,
  ].join("\n");
}

/** A --speaker / --entity / --about name the store cannot resolve is the user's to hear about. */
async function requireKnown(store: Store, name: string | undefined, what: string) {
  if (name === undefined) return undefined;
  const found = (await store.resolve(name))[0];
  if (!found) throw new InputError("not-found", `no ${what} "${name}" in the store`);
  return found;
}
