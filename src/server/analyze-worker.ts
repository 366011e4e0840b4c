/**
 * The analysis behind POST /api/analyze and /api/ingest, run in a worker thread so that a long
 * article never stalls the server's other requests. Errors come back as values: an InputError
 * would lose its class crossing threads.
 */
import type { Analysis } from "../analysis.js";
import { describeError, type InputErrorCode, isInputError } from "../errors.js";
import { analyzeHtml, analyzeText } from "../index.js";

export interface AnalyzeJob {
  kind: "text" | "html";
  content: string;
  hints: { date?: string; title?: string; url?: string };
}

export type AnalyzeOutcome =
  | { ok: true; analysis: Analysis }
  | { ok: false; code: InputErrorCode | undefined; message: string };

export default function analyzeJob(job: AnalyzeJob): AnalyzeOutcome {
  try {
    const analysis =
      job.kind === "html"
        ? analyzeHtml(job.content, job.hints)
        : analyzeText(job.content, job.hints);
    return { ok: true, analysis };
  } catch (error) {
    return {
      ok: false,
      code: isInputError(error) ? error.code : undefined,
      message: describeError(error),
    };
  }
}
