/**
 * `marsad migrate`: copies one store into another (a SQLite file into PostgreSQL, typically).
 * Articles go over in their order, each with all its sources in the same transaction, rebuilt from
 * the stored analysis and input (nothing is analysed again); story clusters form as they did.
 * Sources the target has done are skipped, so an interrupted copy resumes where it stopped.
 */
import { deriveRows } from "./derive.js";
import type { BatchEntry, SourceRecord, Store } from "./store.js";

export interface CopyProgress {
  /** Articles copied or found copied, of `total`. */
  articles: number;
  total: number;
}

export interface CopySummary {
  /** Articles written to the target by this run. */
  copied: number;
  /** Articles whose sources the target had already. */
  skipped: number;
  /** Sources without an article (failures, feeds) carried over. */
  otherSources: number;
  seconds: number;
  interrupted: boolean;
}

const PAGE = 200;
/** Articles per transaction: few round trips, and a stopped copy loses at most these. */
const ARTICLES_PER_WRITE = 50;

export async function copyStore(
  from: Store,
  to: Store,
  options: {
    onProgress?: (p: CopyProgress) => void;
    signal?: AbortSignal;
    /** Articles per transaction (default ARTICLES_PER_WRITE). */
    articlesPerWrite?: number;
  } = {},
): Promise<CopySummary> {
  const started = performance.now();
  const total = await from.articleCount();
  const summary: CopySummary = {
    copied: 0,
    skipped: 0,
    otherSources: 0,
    seconds: 0,
    interrupted: false,
  };
  let after = 0;
  let batch: BatchEntry[] = [];
  let pending = 0;
  const flush = async () => {
    if (batch.length) await to.write(batch);
    summary.copied += pending;
    batch = [];
    pending = 0;
  };
  for (;;) {
    const ids = await from.articleIds(after, PAGE);
    if (ids.length === 0) break;
    for (const id of ids) {
      if (options.signal?.aborted) {
        summary.interrupted = true;
        break;
      }
      const entries = await entriesOf(from, to, id);
      if (entries.length === 0) {
        summary.skipped++;
        continue;
      }
      batch.push(...entries);
      if (++pending >= (options.articlesPerWrite ?? ARTICLES_PER_WRITE)) await flush();
    }
    if (summary.interrupted) break;
    after = ids[ids.length - 1] as number;
    options.onProgress?.({ articles: summary.copied + pending + summary.skipped, total });
  }
  await flush();
  await to.optimize();
  if (!summary.interrupted) summary.otherSources = await copyOtherSources(from, to);
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** Every source of an article, page by page. */
async function allSources(from: Store, article: number): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for (;;) {
    const page = await from.sourcesOf(article, out[out.length - 1]?.key ?? "", PAGE);
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}

/** An article's sources that the target lacks, each with the article's rows. */
async function entriesOf(from: Store, to: Store, id: number): Promise<BatchEntry[]> {
  const sources = await allSources(from, id);
  const missing: SourceRecord[] = [];
  for (const source of sources) {
    if ((await to.sourceStatus(source.key))?.status !== "done") missing.push(source);
  }
  if (missing.length === 0) return [];
  const record = await from.article(id);
  const raw = await from.rawInput(id);
  if (!record || !raw) return [];
  const rows = deriveRows(record.analysis, raw);
  return missing.map((source) => ({ source, rows }));
}

/** Failed sources and feeds, which have no article; returns how many were carried over. */
async function copyOtherSources(from: Store, to: Store): Promise<number> {
  let n = 0;
  let after = "";
  for (;;) {
    const page = await from.sourcesOf(null, after, PAGE);
    if (page.length === 0) return n;
    const batch: BatchEntry[] = [];
    for (const source of page) {
      if ((await to.sourceStatus(source.key)) !== undefined) continue;
      if (source.status === "failed") {
        batch.push({ source, error: source.reason ?? "failed" });
      } else {
        await to.recordSource(source);
        n++;
      }
    }
    if (batch.length) await to.write(batch);
    n += batch.length;
    after = (page[page.length - 1] as SourceRecord).key;
  }
}
