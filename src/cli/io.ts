/**
 * Reading what a command is given: a file (a clear error when it is missing or a folder), or
 * standard input; and JSONL batches, one result line per input line.
 */
import { once } from "node:events";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { describeError, InputError, isInputError } from "../errors.js";

/** A readable stream of the file, after checking it exists and is a file. */
export async function openFile(path: string) {
  try {
    const info = await stat(path);
    if (info.isDirectory())
      throw new InputError("unreadable", `${path}: is a directory, not a file`);
  } catch (error) {
    if (isInputError(error)) throw error;
    throw new InputError("not-found", `${path}: no such file`);
  }
  return createReadStream(path);
}

/** All of standard input as UTF-8 text. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export interface JsonlSummary {
  /** Non-blank input lines. */
  lines: number;
  /** Lines that became an error line. */
  failed: number;
}

/**
 * Streams JSONL through `handle`: every non-blank input line gives one output line, in input
 * order, with flat memory. `handle` gets the parsed JSON value and the line number, and reports
 * the record's id as soon as it knows it (`setId`), so that a line it rejects (by throwing)
 * becomes `{ id, line, error }` and the run goes on.
 */
export async function mapJsonl(
  input: Readable,
  output: Writable,
  handle: (
    value: unknown,
    lineNumber: number,
    setId: (id: string | number | null) => void,
  ) => unknown,
): Promise<JsonlSummary> {
  const summary: JsonlSummary = { lines: 0, failed: 0 };
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === "") continue;
    summary.lines++;
    let id: string | number | null = null;
    let result: unknown;
    try {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new InputError("bad-record", `line ${lineNumber}: not valid JSON`);
      }
      result = await handle(value, lineNumber, (found) => {
        id = found;
      });
    } catch (error) {
      summary.failed++;
      result = { id, line: lineNumber, error: describeError(error) };
    }
    if (!output.write(`${JSON.stringify(result)}\n`)) await once(output, "drain");
  }
  return summary;
}
