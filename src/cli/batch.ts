/**
 * `analyze --jsonl`: one article per input line, one Analysis per output line, in input order.
 * Lines are read and written as a stream, so memory stays flat however long the file is; a bad
 * line becomes `{ id, error }` and the run goes on.
 */
import type { Readable, Writable } from "node:stream";
import { z } from "zod";
import type { Analysis } from "../analysis.js";
import { InputError } from "../errors.js";
import { type AnalyzeOptions, type ArticleInput, analyze } from "../index.js";
import { isUrl } from "../input/index.js";
import { type JsonlSummary, mapJsonl, openFile } from "./io.js";

const RecordSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string().optional(),
  html: z.string().optional(),
  url: z.string().optional(),
  date: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
});

export async function analyzeJsonl(
  input: Readable,
  output: Writable,
  options: AnalyzeOptions = {},
): Promise<JsonlSummary> {
  return mapJsonl(input, output, (value, lineNumber, setId) => {
    const record = parseRecord(value, lineNumber);
    setId(record.id ?? null);
    return analyze(toArticleInput(record), options);
  });
}

export type BatchRecord = z.infer<typeof RecordSchema>;

/** Checks an article line of a batch; an `InputError` says which field is wrong. */
export function parseRecord(value: unknown, lineNumber: number): BatchRecord {
  const parsed = RecordSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `field "${issue.path.join(".")}"` : "the line";
    throw new InputError(
      "bad-record",
      `line ${lineNumber}: ${where} is not as expected (${issue?.message})`,
    );
  }
  return parsed.data;
}

export function toArticleInput(record: BatchRecord): ArticleInput {
  const common = {
    ...(record.id !== undefined ? { id: String(record.id) } : {}),
    ...(record.date ? { date: record.date } : {}),
    ...(record.title ? { title: record.title } : {}),
    ...(record.url ? { url: record.url } : {}),
  };
  if (record.text !== undefined) return { ...common, text: record.text };
  if (record.html !== undefined) return { ...common, html: record.html };
  if (record.url) return { ...common, url: record.url };
  throw new InputError("bad-record", "the line has none of text, html or url");
}

/** A JSONL batch runner: `analyzeJsonl`, or `eventsJsonl` for `marsad events --jsonl`. */
export type BatchRunner = (
  input: Readable,
  output: Writable,
  options: AnalyzeOptions,
) => Promise<JsonlSummary>;

/**
 * What `analyze` and `events` share: with `--jsonl`, the batch streamed through `runBatch` (a
 * summary line on stderr when lines failed), and undefined; otherwise the one source analysed
 * (a file, a URL, - for stdin), with a note when its text is not Arabic. `verb` words the error
 * when there is nothing to read ("nothing to analyse: …").
 */
export async function analyzeSourceOrBatch(
  source: string | undefined,
  jsonl: string | undefined,
  options: AnalyzeOptions,
  runBatch: BatchRunner,
  verb: string,
): Promise<Analysis | undefined> {
  if (jsonl !== undefined) {
    if (source !== undefined)
      throw new InputError("bad-option", "give either a source or --jsonl, not both");
    const input = jsonl === "-" ? process.stdin : await openFile(jsonl);
    const summary = await runBatch(input, process.stdout, options);
    if (summary.failed > 0) {
      process.stderr.write(
        `marsad: ${summary.failed} of ${summary.lines} lines failed (see their "error" fields)\n`,
      );
    }
    return undefined;
  }
  if (source === undefined) {
    throw new InputError(
      "bad-option",
      `nothing to ${verb}: give a file, a URL, - for stdin, or --jsonl FILE`,
    );
  }
  // "-" is read from stdin by the file loader.
  const analysis = await analyze(isUrl(source) ? { url: source } : { file: source }, options);
  if (analysis.meta.language !== "ar") {
    process.stderr.write(
      `marsad: note: the text reads as "${analysis.meta.language}", not Arabic; the analysis stages are built for Arabic news\n`,
    );
  }
  return analysis;
}
