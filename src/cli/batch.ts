/**
 * `analyze --jsonl`: one article per input line, one Analysis per output line, in input order.
 * Lines are read and written as a stream, so memory stays flat however long the file is; a bad
 * line becomes `{ id, error }` and the run goes on.
 */
import type { Readable, Writable } from "node:stream";
import { z } from "zod";
import { InputError } from "../errors.js";
import { type AnalyzeOptions, type ArticleInput, analyze } from "../index.js";
import { type JsonlSummary, mapJsonl } from "./io.js";

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
