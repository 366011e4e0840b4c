/**
 * `marsad time`: the time expressions of a text, resolved against a date. One text from the
 * arguments (or - for stdin), or a JSONL batch (`{ id, text, date }` per line → `{ id, times }`,
 * a bad line → `{ id, line, error }`, streamed in input order).
 *
 * The reading defaults to "phrase" clock values (T15, T15:30: what the words say, as date-time
 * test suites expect); `--clock article` anchors clock times to the date as `analyze` does.
 */
import type { Readable, Writable } from "node:stream";
import type { TimeExpression } from "../analysis.js";
import { InputError } from "../errors.js";
import { parseDateHint } from "../input/index.js";
import { extractTimesFromText, type TimeOptions } from "../time/index.js";
import { type JsonlSummary, mapJsonl, openFile, readStdin } from "./io.js";

export interface TimeFlags {
  date?: string;
  bareDates?: "past" | "forward";
  weekdays?: "past" | "forward";
  clock?: "article" | "phrase";
  json?: boolean;
  jsonl?: string;
}

export async function runTime(words: string[], flags: TimeFlags): Promise<void> {
  const options: TimeOptions = {
    bareDates: flags.bareDates ?? flags.weekdays ?? "past",
    clock: flags.clock ?? "phrase",
  };
  if (flags.jsonl !== undefined) {
    if (words.length > 0)
      throw new InputError("bad-option", "give either a text or --jsonl, not both");
    const input = flags.jsonl === "-" ? process.stdin : await openFile(flags.jsonl);
    const summary = await timeJsonl(input, process.stdout, {
      ...options,
      reference: flags.date ?? null,
    });
    if (summary.failed > 0) {
      process.stderr.write(
        `marsad: ${summary.failed} of ${summary.lines} lines failed (see their "error" fields)\n`,
      );
    }
    return;
  }
  let text = words.join(" ");
  if (text === "-") text = await readStdin();
  if (text.trim() === "") {
    throw new InputError(
      "bad-option",
      "nothing to read: give a text, - for stdin, or --jsonl FILE",
    );
  }
  const times = extractTimesFromText(text, { ...options, reference: flags.date ?? null });
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(times, null, 2)}\n`);
    return;
  }
  if (times.length === 0) {
    process.stdout.write("no time expressions found\n");
    return;
  }
  process.stdout.write(`${times.map(formatLine).join("\n")}\n`);
}

function formatLine(t: TimeExpression): string {
  const resolved = t.resolved && t.resolved !== t.value ? `  → ${t.resolved}` : "";
  return `${t.start}-${t.end}\t${t.type}\t${t.value}${resolved}\t${t.text}`;
}

/**
 * The batch: one `{ id, text, date }` per line; `date` (YYYY-MM-DD or an ISO date-time) is the
 * reference, else `options.reference`.
 */
export async function timeJsonl(
  input: Readable,
  output: Writable,
  options: TimeOptions = {},
): Promise<JsonlSummary> {
  return mapJsonl(input, output, (value, lineNumber, setId) => {
    const record = parseRecord(value, lineNumber, setId);
    const reference = record.date ? parseDateHint(record.date) : options.reference;
    return {
      id: record.id,
      times: extractTimesFromText(record.text, { ...options, reference: reference ?? null }),
    };
  });
}

interface TimeRecord {
  id: string | number | null;
  text: string;
  date?: string;
}

/** Parses and checks a line; `onId` hears the id as soon as it is known, for the error line. */
function parseRecord(
  value: unknown,
  lineNumber: number,
  onId: (id: string | number | null) => void,
): TimeRecord {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InputError("bad-record", `line ${lineNumber}: not a JSON object`);
  }
  const r = value as Record<string, unknown>;
  const id = typeof r.id === "string" || typeof r.id === "number" ? r.id : null;
  onId(id);
  if (typeof r.text !== "string") {
    throw new InputError("bad-record", `line ${lineNumber}: field "text" is not a string`);
  }
  if (r.date !== undefined && r.date !== null && typeof r.date !== "string") {
    throw new InputError("bad-record", `line ${lineNumber}: field "date" is not a string`);
  }
  return {
    id,
    text: r.text,
    ...(typeof r.date === "string" && r.date !== "" ? { date: r.date } : {}),
  };
}
