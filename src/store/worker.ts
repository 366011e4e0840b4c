/**
 * The analysis task of `marsad ingest`, run in worker threads (piscina) or, with `jobs: 0`, on
 * the calling thread: one article in, the rows the store writes out. Errors come back as values
 * so that a bad article is recorded as failed with its reason and the run goes on.
 */
import { describeError } from "../errors.js";
import { analyzeHtml, analyzeText } from "../index.js";
import { type ArticleRows, deriveRows } from "./derive.js";

export interface AnalyseTask {
  raw: { kind: "text" | "html"; content: string };
  /** What the source says about the article; `date` wins over the run's default date. */
  hints: { id?: string; url?: string; date?: string; title?: string };
  /** The run's default publication date (`--date`). */
  date?: string | undefined;
  kb?: string[] | undefined;
}

export type AnalyseResult = { ok: true; rows: ArticleRows } | { ok: false; error: string };

export default function analyseTask(task: AnalyseTask): AnalyseResult {
  try {
    const options = {
      ...task.hints,
      ...(task.hints.date || task.date ? { date: task.hints.date || task.date } : {}),
      ...(task.kb?.length ? { kb: task.kb } : {}),
    };
    const analysis =
      task.raw.kind === "html"
        ? analyzeHtml(task.raw.content, options)
        : analyzeText(task.raw.content, options);
    return { ok: true, rows: deriveRows(analysis, task.raw) };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}
