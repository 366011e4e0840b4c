/**
 * marsad's library entry. `analyze` takes an article in any form (text, HTML, a file, a URL) and
 * returns its `Analysis`; `analyzeText` and `analyzeHtml` do the same synchronously for content
 * already in memory.
 */
import type { Analysis } from "./analysis.js";
import { InputError } from "./errors.js";
import {
  type ArticleHints,
  type FetchOptions,
  loadSource,
  prepareArticle,
  type RawInput,
  rawFromBytes,
} from "./input/index.js";
import { runPipeline } from "./pipeline.js";

export * from "./analysis.js";
export { describeError, InputError, isInputError } from "./errors.js";
export * as text from "./text/index.js";
export { extractTimesFromText, type TimeOptions } from "./time/index.js";

/** An article, with what the caller knows about it. */
export type ArticleInput =
  | string
  | (Common & { text: string })
  | (Common & { html: string | Uint8Array })
  | (Common & { file: string })
  | (Common & { url: string });

interface Common {
  id?: string;
  /** The article's address; for `{ url }` alone it is fetched. */
  url?: string;
  /** Publication date, used when the page does not give one (YYYY-MM-DD or ISO date-time). */
  date?: string;
  title?: string;
}

export interface AnalyzeOptions {
  /** Default publication date, as `--date`. An input's own `date` wins over it. */
  date?: string;
  /** Include tokens (with clitic segments) in the output. */
  tokens?: boolean;
  /** Limits for fetching URLs. */
  fetch?: FetchOptions;
  /** Largest file, stdin or page read, in bytes. */
  maxBytes?: number;
  /** Knowledge-base files (JSONL) that add to or override the bundled one, in order. */
  kb?: readonly string[];
  /** The NER model: `neural` (the default), `perceptron` (faster), or a model file's path. */
  ner?: string;
}

/** Analyses one article. Rejects with an `InputError` (a one-line, user-facing message) on bad input. */
export async function analyze(
  input: ArticleInput,
  options: AnalyzeOptions = {},
): Promise<Analysis> {
  const common: Common = typeof input === "string" ? {} : input;
  const raw = await loadInput(input, options);
  return analyzeRaw(raw, common, options);
}

/** Analyses plain article text (synchronously). */
export function analyzeText(
  text: string,
  options: AnalyzeOptions & Omit<Common, "url"> & { url?: string } = {},
): Analysis {
  return analyzeRaw({ kind: "text", content: text }, options, options);
}

/** Analyses an HTML page already in memory (synchronously); `url` resolves its relative links. */
export function analyzeHtml(html: string, options: AnalyzeOptions & Common = {}): Analysis {
  return analyzeRaw({ kind: "html", content: html }, options, options);
}

async function loadInput(input: ArticleInput, options: AnalyzeOptions): Promise<RawInput> {
  const limits = { ...options.fetch, ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}) };
  if (typeof input === "string") return { kind: "text", content: input };
  if ("text" in input) return { kind: "text", content: input.text };
  if ("html" in input) {
    if (typeof input.html === "string") return { kind: "html", content: input.html };
    return rawFromBytes(input.html, { name: input.id ?? "html input", kind: "html" });
  }
  if ("file" in input) return loadSource(input.file, limits);
  if (input.url) return loadSource(input.url, limits);
  throw new InputError("bad-record", "the input has none of text, html, file or url");
}

function analyzeRaw(raw: RawInput, common: Common, options: AnalyzeOptions): Analysis {
  const hints: ArticleHints = {
    url: common.url,
    date: common.date ?? options.date,
    title: common.title,
  };
  return runPipeline(prepareArticle(raw, hints), {
    id: common.id,
    tokens: options.tokens,
    kb: options.kb,
    ner: options.ner,
  });
}
