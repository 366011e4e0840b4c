/**
 * `analyze --jsonl`: one article per input line, one Analysis per output line, in input order.
 * Lines are read and written as a stream, so memory stays flat however long the file is; a bad
 * line becomes `{ id, error }` and the run goes on.
 */
import { once } from "node:events";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { z } from "zod";
import { describeError, InputError } from "../errors.js";
import { type AnalyzeOptions, type ArticleInput, analyze } from "../index.js";

const RecordSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string().optional(),
  html: z.string().optional(),
  url: z.string().optional(),
  date: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
});

export interface BatchSummary {
  lines: number;
  analysed: number;
  failed: number;
}

export async function analyzeJsonl(
  input: Readable,
  output: Writable,
  options: AnalyzeOptions = {},
): Promise<BatchSummary> {
  const summary: BatchSummary = { lines: 0, analysed: 0, failed: 0 };
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === "") continue;
    summary.lines++;
    let result: unknown;
    let id: string | number | null = null;
    try {
      const record = parseRecord(line, lineNumber);
      id = record.id ?? null;
      result = await analyze(toArticleInput(record), options);
      summary.analysed++;
    } catch (error) {
      summary.failed++;
      result = { id, line: lineNumber, error: describeError(error) };
    }
    if (!output.write(`${JSON.stringify(result)}\n`)) await once(output, "drain");
  }
  return summary;
}

type BatchRecord = z.infer<typeof RecordSchema>;

function parseRecord(line: string, lineNumber: number): BatchRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new InputError("bad-record", `line ${lineNumber}: not valid JSON`);
  }
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

function toArticleInput(record: BatchRecord): ArticleInput {
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
