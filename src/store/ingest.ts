/**
 * `marsad ingest`: files, folders, JSONL batches, pages and feeds into the store. The main thread
 * reads and fetches; worker threads analyse; the main thread writes the results in batched
 * transactions, each source in the same transaction as its article, so that a run killed at any
 * point leaves a consistent store and a rerun completes the set (sources already done are
 * skipped). A bad input is recorded as failed with its reason; the run goes on.
 */
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import { describeError, InputError } from "../errors.js";
import { isUrl, loadSource, parseDateHint, rawFromBytes } from "../input/index.js";
import { type FeedItem, isFeed, parseFeed } from "./feed.js";
import type { BatchEntry, SourceInfo, Store, WriteOutcome } from "./store.js";
import { PoliteFetcher, type PoliteOptions } from "./web.js";
import analyseTask, { type AnalyseResult, type AnalyseTask } from "./worker.js";

export interface IngestOptions {
  /** Analysis worker threads (default: all cores); 0 analyses on the calling thread. */
  jobs?: number;
  /** Publication date for articles that give none (YYYY-MM-DD). */
  date?: string;
  /** Knowledge-base files (JSONL) over the bundled one. */
  kb?: string[];
  /** Sources written per transaction (default 64). */
  batchSize?: number;
  /** Largest file or page read, in bytes. */
  maxBytes?: number;
  /** How pages and feeds are fetched (concurrency, per-host delay, timeout, User-Agent). */
  fetch?: PoliteOptions;
  /** Called after every written batch. */
  onProgress?: (progress: IngestProgress) => void;
  /** Stops reading new sources; what is in flight is finished and written. */
  signal?: AbortSignal;
}

export interface IngestCounts {
  /** New articles stored. */
  added: number;
  /** Sources whose article was already in the store (same normalised text). */
  duplicates: number;
  failed: number;
  /** Sources already done by an earlier run, not read again. */
  skipped: number;
}

export interface IngestProgress extends IngestCounts {
  /** Sources processed in this run (added + duplicates + failed). */
  done: number;
  /** Sources to process, as far as known (feeds add theirs when read). */
  total: number;
}

export interface IngestSummary extends IngestCounts {
  seconds: number;
  /** The run was stopped by its signal before every source was read. */
  interrupted: boolean;
  /** Up to MAX_FAILURES_KEPT failures, in the order they were written. */
  failures: { source: string; reason: string }[];
  /** Sources stored despite a hint that could not be used (a date that is no date). */
  warnings: number;
  /** Up to MAX_FAILURES_KEPT of them, with what was wrong. */
  warningList: { source: string; warning: string }[];
}

export const MAX_FAILURES_KEPT = 1000;
const ARTICLE_FILE = /\.(txt|text|html?|xhtml)$/i;
const JSONL_FILE = /\.(jsonl|ndjson)$/i;
const FLUSH_MS = 250;

/** One source to process: how to load it, or why it cannot be. */
interface Unit {
  source: SourceInfo;
  load?: () => Promise<AnalyseTask>;
  /** A page to fetch, for a worker elsewhere (the source walk in remote mode). */
  remote?: { url: string; hints: AnalyseTask["hints"] };
  error?: string;
}

export async function ingest(
  store: Store,
  inputs: readonly string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const jobs = Math.max(0, Math.trunc(options.jobs ?? availableParallelism()));
  const runner = createRunner(jobs);
  const web = new PoliteFetcher({
    ...options.fetch,
    ...(options.maxBytes && !options.fetch?.maxBytes ? { maxBytes: options.maxBytes } : {}),
  });
  const counts: IngestCounts = { added: 0, duplicates: 0, failed: 0, skipped: 0 };
  const failures: IngestSummary["failures"] = [];
  const progress = { total: 0 };
  const report = () =>
    options.onProgress?.({
      ...counts,
      done: counts.added + counts.duplicates + counts.failed,
      total: progress.total,
    });
  const writer = new BatchWriter(
    store,
    options.batchSize ?? 64,
    (entry, outcome) => {
      if (outcome.status === "added") counts.added++;
      else if (outcome.status === "duplicate") counts.duplicates++;
      else {
        counts.failed++;
        if (failures.length < MAX_FAILURES_KEPT) {
          failures.push({ source: entry.source.key, reason: outcome.reason ?? "" });
        }
      }
    },
    report,
  );
  const warnings = new Warnings();
  const context: Context = {
    store,
    web,
    counts,
    progress,
    maxBytes: options.maxBytes,
    task: { date: options.date, kb: options.kb },
    seen: new Set(),
    remote: false,
    warnings,
  };
  // enough work in flight to keep every worker busy while pages download
  const slots = new Semaphore(Math.max(8, jobs * 4 + (options.fetch?.concurrency ?? 4)));
  const inflight = new Set<Promise<void>>();
  // a write the database refuses outright (disk full...) ends the run, once the rest is settled
  let fatal: { error: unknown } | undefined;
  try {
    for await (const unit of units(inputs, context)) {
      if (fatal || options.signal?.aborted) break;
      await slots.acquire();
      if (options.signal?.aborted) {
        slots.release();
        break;
      }
      const job: Promise<void> = processUnit(unit, runner)
        .then((entry) => writer.push(entry))
        .catch((error: unknown) => {
          fatal ??= { error };
        })
        .finally(() => {
          slots.release();
          inflight.delete(job);
        });
      inflight.add(job);
    }
  } finally {
    // whatever ended the loop, what was started is finished and written (jobs never reject)
    await Promise.all(inflight);
    try {
      if (!fatal) await writer.flush();
    } finally {
      writer.stop();
      await runner.close();
    }
  }
  if (fatal) throw fatal.error;
  report();
  return {
    ...counts,
    seconds: (performance.now() - started) / 1000,
    interrupted: options.signal?.aborted === true,
    failures,
    warnings: warnings.count,
    warningList: warnings.list,
  };
}

/** Hints that could not be used, counted and (up to a limit) kept. */
export class Warnings {
  count = 0;
  readonly list: { source: string; warning: string }[] = [];

  add(source: string, warning: string): void {
    this.count++;
    if (this.list.length < MAX_FAILURES_KEPT) this.list.push({ source, warning });
  }
}

/** What a source becomes for a worker elsewhere: the article as read, a page to fetch, or why not. */
export type QueuedSource =
  | { source: SourceInfo; raw: AnalyseTask["raw"]; hints: AnalyseTask["hints"] }
  | { source: SourceInfo; url: string; hints: AnalyseTask["hints"] }
  | { source: SourceInfo; error: string };

/**
 * The sources of `inputs` as `ingest` walks them, for a queue: files and JSONL lines are read
 * here (a worker elsewhere cannot see this machine's files), pages and feeds are left for the
 * workers to fetch. Sources the store has done are skipped and counted.
 */
export async function* queueSources(
  store: Store,
  inputs: readonly string[],
  options: { maxBytes?: number; warnings?: Warnings; counts?: IngestCounts } = {},
): AsyncGenerator<QueuedSource> {
  const context: Context = {
    store,
    web: new PoliteFetcher(),
    counts: options.counts ?? { added: 0, duplicates: 0, failed: 0, skipped: 0 },
    progress: { total: 0 },
    maxBytes: options.maxBytes,
    task: {},
    seen: new Set(),
    remote: true,
    warnings: options.warnings ?? new Warnings(),
  };
  for await (const unit of units(inputs, context)) {
    if (unit.error !== undefined || (!unit.load && !unit.remote)) {
      yield { source: unit.source, error: unit.error ?? "nothing to read" };
    } else if (unit.remote) {
      yield { source: unit.source, url: unit.remote.url, hints: unit.remote.hints };
    } else {
      try {
        const task = await (unit.load as () => Promise<AnalyseTask>)();
        yield { source: unit.source, raw: task.raw, hints: task.hints };
      } catch (error) {
        yield { source: unit.source, error: describeError(error) };
      }
    }
  }
}

async function processUnit(unit: Unit, runner: Runner): Promise<BatchEntry> {
  if (unit.error !== undefined || !unit.load) {
    return { source: unit.source, error: unit.error ?? "nothing to read" };
  }
  try {
    const task = await unit.load();
    const source = { ...unit.source, fetchedAt: new Date().toISOString() };
    const result = await runner.run(task);
    return result.ok ? { source, rows: result.rows } : { source, error: result.error };
  } catch (error) {
    return { source: unit.source, error: describeError(error) };
  }
}

// ---------------------------------------------------------------------------------------------
// Sources

interface Context {
  store: Store;
  web: PoliteFetcher;
  counts: IngestCounts;
  progress: { total: number };
  maxBytes: number | undefined;
  task: Pick<AnalyseTask, "date" | "kb">;
  /** Files, URLs and feed items met in this run: one named twice (two feeds) is read once. */
  seen: Set<string>;
  /** Pages are not fetched but handed on (`queueSources`). */
  remote: boolean;
  warnings: Warnings;
}

/** Whether a source is done (by this run or an earlier one); counts it as skipped if so. */
async function alreadyDone(key: string, ctx: Context): Promise<boolean> {
  if (ctx.seen.has(key) || (await ctx.store.sourceStatus(key))?.status === "done") {
    ctx.counts.skipped++;
    return true;
  }
  ctx.seen.add(key);
  return false;
}

/** Every source of the inputs in order, those already done skipped (and counted). */
async function* units(inputs: readonly string[], ctx: Context): AsyncGenerator<Unit> {
  // top-level URLs start downloading at once (the fetcher keeps it polite)
  const pages = new Map<string, Promise<PageOrFeed>>();
  for (const input of inputs) {
    if (ctx.remote || !isUrl(input) || pages.has(input)) continue;
    const status = await ctx.store.sourceStatus(input);
    if (status?.status === "done" && status.kind === "url") continue;
    const page = fetchPageOrFeed(input, ctx);
    page.catch(() => {}); // awaited below
    pages.set(input, page);
  }
  const named = new Set<string>();
  for (const input of inputs) {
    if (named.has(input)) continue;
    named.add(input);
    if (isUrl(input) && ctx.remote) {
      // a page done is skipped; a feed is read again for its new items
      const was = await ctx.store.sourceStatus(input);
      if (was?.status === "done" && was.kind === "url") {
        ctx.counts.skipped++;
        continue;
      }
      yield {
        source: { key: input, kind: was?.kind === "feed" ? "feed" : "url" },
        remote: { url: input, hints: {} },
      };
    } else if (isUrl(input)) yield* urlUnits(input, pages.get(input), ctx);
    else yield* pathUnits(input, ctx);
  }
}

export type PageOrFeed =
  | { kind: "page"; task: AnalyseTask }
  | { kind: "feed"; items: ReturnType<typeof parseFeed> };

/** Fetches a URL: an article page to analyse, or a feed and its items. */
export async function fetchPageOrFeed(
  url: string,
  ctx: { web: PoliteFetcher; task: Pick<AnalyseTask, "date" | "kb"> },
  hints: AnalyseTask["hints"] = {},
): Promise<PageOrFeed> {
  const { at, raw, contentType } = await fetchRaw(url, ctx.web);
  if (isFeed(raw.content, contentType)) {
    return { kind: "feed", items: parseFeed(raw.content, at) };
  }
  return { kind: "page", task: { ...ctx.task, raw, hints: { ...hints, url: at } } };
}

/** A page's content as text, decoded as its headers and markup say, and where it was found. */
async function fetchRaw(url: string, web: PoliteFetcher) {
  const page = await web.fetch(url);
  const raw = rawFromBytes(page.bytes, {
    name: page.url,
    contentType: page.contentType,
    url: page.url,
  });
  return {
    at: page.url,
    contentType: page.contentType,
    raw: { kind: raw.kind, content: raw.content },
  };
}

/** A feed's item as a source of its own, with what the feed says of it. */
export function feedItemSource(
  item: FeedItem,
  feed: string,
): { source: SourceInfo; hints: AnalyseTask["hints"] } {
  return {
    source: { key: item.url, kind: "feed-item", parent: feed },
    hints: {
      url: item.url,
      ...(item.title ? { title: item.title } : {}),
      ...(item.date ? { date: item.date } : {}),
    },
  };
}

async function* urlUnits(
  url: string,
  fetched: Promise<PageOrFeed> | undefined,
  ctx: Context,
): AsyncGenerator<Unit> {
  if (!fetched) {
    ctx.counts.skipped++;
    return;
  }
  let result: PageOrFeed;
  try {
    result = await fetched;
  } catch (error) {
    // a feed that fails to load is recorded as a feed, so a rerun fetches it again
    const was = await ctx.store.sourceStatus(url);
    ctx.progress.total++;
    yield {
      source: { key: url, kind: was?.kind === "feed" ? "feed" : "url" },
      error: describeError(error),
    };
    return;
  }
  if (result.kind === "page") {
    if (await alreadyDone(url, ctx)) return;
    ctx.progress.total++;
    yield { source: { key: url, kind: "url" }, load: async () => result.task };
    return;
  }
  await ctx.store.recordSource({ key: url, kind: "feed" });
  const done = await ctx.store.doneSources(url);
  for (const item of result.items) {
    if (done.has(item.url)) {
      ctx.counts.skipped++;
      continue;
    }
    if (await alreadyDone(item.url, ctx)) continue;
    ctx.progress.total++;
    const { source, hints } = feedItemSource(item, url);
    yield { source, load: () => loadPage(item.url, hints, ctx) };
  }
}

async function loadPage(url: string, hints: AnalyseTask["hints"], ctx: Context) {
  const { at, raw } = await fetchRaw(url, ctx.web);
  return { ...ctx.task, raw, hints: { ...hints, url: at } };
}

async function* pathUnits(input: string, ctx: Context): AsyncGenerator<Unit> {
  const path = resolve(input);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    ctx.progress.total++;
    yield { source: { key: path, kind: "file" }, error: `${input}: no such file or folder` };
    return;
  }
  if (info.isDirectory()) {
    for await (const file of walk(path)) {
      if (JSONL_FILE.test(file)) yield* jsonlUnits(file, ctx);
      else if (ARTICLE_FILE.test(file)) yield* fileUnits(file, ctx);
    }
  } else if (JSONL_FILE.test(path)) {
    yield* jsonlUnits(path, ctx);
  } else {
    yield* fileUnits(path, ctx);
  }
}

/** Files under a folder, recursively, in name order; hidden files and folders are left out. */
async function* walk(dir: string): AsyncGenerator<string> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
    else if (entry.isSymbolicLink()) {
      // linked files are read; linked folders are not followed (they can loop)
      const target = await stat(path).catch(() => undefined);
      if (target?.isFile()) yield path;
    }
  }
}

async function* fileUnits(path: string, ctx: Context): AsyncGenerator<Unit> {
  if (await alreadyDone(path, ctx)) return;
  ctx.progress.total++;
  yield {
    source: { key: path, kind: "file" },
    load: async () => {
      const raw = await loadSource(path, ctx.maxBytes ? { maxBytes: ctx.maxBytes } : {});
      return { ...ctx.task, raw: { kind: raw.kind, content: raw.content }, hints: {} };
    },
  };
}

interface JsonlRecord {
  id?: string;
  text?: string;
  html?: string;
  url?: string;
  date?: string;
  title?: string;
}

async function* jsonlUnits(path: string, ctx: Context): AsyncGenerator<Unit> {
  if (ctx.seen.has(path)) return;
  ctx.seen.add(path);
  const done = await ctx.store.doneSources(path);
  ctx.progress.total += Math.max(0, (await countLines(path)) - done.size);
  const input = createReadStream(path);
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (line.trim() === "") continue;
      const key = `${path}:${n}`;
      if (done.has(key)) {
        ctx.counts.skipped++;
        continue;
      }
      const source: SourceInfo = { key, kind: "jsonl", parent: path };
      let record: JsonlRecord;
      try {
        record = parseRecord(line, n);
      } catch (error) {
        yield { source, error: describeError(error) };
        continue;
      }
      const date = usableDate(record.date, key, ctx.warnings);
      const hints = {
        ...(record.id !== undefined ? { id: record.id } : {}),
        ...(record.url ? { url: record.url } : {}),
        ...(date ? { date } : {}),
        ...(record.title ? { title: record.title } : {}),
      };
      if (record.text !== undefined || record.html !== undefined) {
        const raw =
          record.text !== undefined
            ? { kind: "text" as const, content: record.text }
            : { kind: "html" as const, content: record.html as string };
        yield { source, load: async () => ({ ...ctx.task, raw, hints }) };
      } else if (ctx.remote) {
        yield { source, remote: { url: record.url as string, hints } };
      } else {
        yield { source, load: () => loadPage(record.url as string, hints, ctx) };
      }
    }
  } catch (error) {
    yield { source: { key: path, kind: "file" }, error: describeError(readError(path, error)) };
  } finally {
    input.destroy();
  }
}

/**
 * A line's date hint as a date, or nothing: a date that cannot be read (ANT's "09/01/2017", day
 * or month first?) must not cost the article. It is left out, so the article's date comes from
 * the page or stays empty, and the line is counted under warnings.
 */
function usableDate(value: string | undefined, key: string, warnings: Warnings) {
  if (!value) return undefined;
  try {
    return parseDateHint(value);
  } catch (error) {
    warnings.add(key, `date ${describeError(error)}; left out`);
    return undefined;
  }
}

function readError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException)?.code;
  return new InputError("unreadable", `${path}: cannot be read (${code ?? describeError(error)})`);
}

/** Non-blank lines, counted on the bytes (for the progress total). */
async function countLines(path: string): Promise<number> {
  let lines = 0;
  let blank = true;
  try {
    for await (const chunk of createReadStream(path)) {
      const bytes = chunk as Buffer;
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i] as number;
        if (b === 10) {
          if (!blank) lines++;
          blank = true;
        } else if (b !== 13 && b !== 32 && b !== 9) blank = false;
      }
    }
  } catch {
    return 0;
  }
  return blank ? lines : lines + 1;
}

/** A JSONL line as `analyze --jsonl` reads it: { id, text | html | url, date?, title? }. */
function parseRecord(line: string, n: number): JsonlRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new InputError("bad-record", `line ${n}: not valid JSON`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new InputError("bad-record", `line ${n}: not a JSON object`);
  }
  const v = value as Record<string, unknown>;
  const record: JsonlRecord = {};
  if (typeof v.id === "string" || typeof v.id === "number") record.id = String(v.id);
  for (const field of ["text", "html", "url", "date", "title"] as const) {
    const x = v[field];
    if (x === undefined || x === null) continue;
    if (typeof x !== "string") {
      throw new InputError("bad-record", `line ${n}: field "${field}" is not a string`);
    }
    record[field] = x;
  }
  if (record.text === undefined && record.html === undefined && !record.url) {
    throw new InputError("bad-record", `line ${n}: the line has none of text, html or url`);
  }
  if (record.text === undefined && record.html === undefined && !isUrl(record.url as string)) {
    throw new InputError("bad-record", `line ${n}: "${record.url}" is not an http(s) URL`);
  }
  return record;
}

// ---------------------------------------------------------------------------------------------
// Analysis and writing

export interface Runner {
  run(task: AnalyseTask): Promise<AnalyseResult>;
  close(): Promise<void>;
}

/** Analyses on `jobs` worker threads, or on the calling thread for 0. */
export function createRunner(jobs: number): Runner {
  if (jobs === 0) {
    return {
      // yield to the event loop between articles so reads and fetches keep going
      run: (task) => new Promise((done) => setImmediate(() => done(analyseTask(task)))),
      close: async () => {},
    };
  }
  // from the sources (tests, scripts run with tsx) the worker is TypeScript too
  const typescript = import.meta.url.endsWith(".ts");
  const pool = new Piscina<AnalyseTask, AnalyseResult>({
    filename: new URL(typescript ? "./worker.ts" : "./worker.js", import.meta.url).href,
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 60_000,
    execArgv: typescript ? ["--import", tsxLoader()] : [],
  });
  return {
    run: async (task) => {
      try {
        return await pool.run(task);
      } catch (error) {
        // a worker that died (out of memory...) fails this article, not the run
        return { ok: false, error: describeError(error) };
      }
    },
    close: () => pool.destroy(),
  };
}

/** tsx's loader by absolute URL: `--import tsx` would resolve from the working directory. */
function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
}

/**
 * Collects results and writes them in transactions of `size`, or every FLUSH_MS. Writes take
 * turns: a batch is written after the one before it.
 */
class BatchWriter {
  private pending: BatchEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** The writes in order; once one fails, every later flush chains on it and rethrows. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly size: number,
    private readonly onOutcome: (entry: BatchEntry, outcome: WriteOutcome) => void,
    private readonly onBatch: () => void,
  ) {}

  async push(entry: BatchEntry): Promise<void> {
    this.pending.push(entry);
    if (this.pending.length >= this.size) await this.flush();
    else this.timer ??= setTimeout(() => this.flushLater(), FLUSH_MS);
  }

  private flushLater(): void {
    // its error reaches the caller at the next push or flush, which chain on this write
    this.flush().catch(() => {});
  }

  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    this.writing = this.writing.then(() => this.writeBatch(batch));
    return this.writing;
  }

  private async writeBatch(batch: BatchEntry[]): Promise<void> {
    if (batch.length === 0) return;
    let outcomes: WriteOutcome[];
    try {
      outcomes = await this.store.write(batch);
    } catch {
      // one entry the database refuses must not sink the others: write them one by one
      outcomes = [];
      for (const entry of batch) outcomes.push(await this.writeAlone(entry));
    }
    for (let i = 0; i < batch.length; i++) {
      this.onOutcome(batch[i] as BatchEntry, outcomes[i] as WriteOutcome);
    }
    this.onBatch();
  }

  private async writeAlone(entry: BatchEntry): Promise<WriteOutcome> {
    try {
      return (await this.store.write([entry]))[0] as WriteOutcome;
    } catch (error) {
      const reason = `could not be stored: ${describeError(error)}`;
      return (await this.store.write([{ source: entry.source, error: reason }]))[0] as WriteOutcome;
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

class Semaphore {
  private waiting: (() => void)[] = [];
  constructor(private free: number) {}

  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}
