/**
 * `marsad events`: who did what to whom in an article (a file, a URL or - for stdin), as a table
 * for people or as the Analysis' `events[]` with --json; or a JSONL batch with --jsonl, whose
 * lines are either articles as `analyze --jsonl` takes them (analysed in full) or analyses as it
 * writes them (the events stage alone runs again on them): `{ id, events }` per line, streamed
 * in input order, a bad line `{ id, line, error }`.
 *
 * Only realised events happened: the table lists those and says how many others (negated,
 * future, hypothetical) it left out, unless --all.
 */
import type { Readable, Writable } from "node:stream";
import { createColors } from "picocolors";
import {
  ANALYSIS_SCHEMA_ID,
  type Analysis,
  AnalysisSchema,
  type Event,
  type EventActor,
} from "../analysis.js";
import { InputError } from "../errors.js";
import { eventsOfAnalysis } from "../events/index.js";
import { type AnalyzeOptions, analyze } from "../index.js";
import { analyzeSourceOrBatch, parseRecord, toArticleInput } from "./batch.js";
import { type JsonlSummary, mapJsonl } from "./io.js";

export interface EventsFlags {
  date?: string;
  json?: boolean;
  all?: boolean;
  jsonl?: string;
  timeout: number;
  maxBytes: number;
  kb?: string[];
  ner?: string;
}

export async function runEvents(
  source: string | undefined,
  flags: EventsFlags,
  options: AnalyzeOptions,
): Promise<void> {
  const analysis = await analyzeSourceOrBatch(source, flags.jsonl, options, eventsJsonl, "read");
  if (!analysis) return;
  process.stdout.write(
    flags.json
      ? `${JSON.stringify(analysis.events, null, 2)}\n`
      : formatEventsTable(analysis, {
          all: flags.all === true,
          color: process.stdout.isTTY === true,
        }),
  );
}

/**
 * The batch: `{ id, events }` for every line, an article (analysed) or an Analysis (the events
 * stage runs again on its text, entities and times).
 */
export async function eventsJsonl(
  input: Readable,
  output: Writable,
  options: AnalyzeOptions = {},
): Promise<JsonlSummary> {
  return mapJsonl(input, output, async (value, lineNumber, setId) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new InputError("bad-record", `line ${lineNumber}: not a JSON object`);
    }
    const line = value as Record<string, unknown>;
    if (typeof line.id === "string" || typeof line.id === "number") setId(line.id);
    if ("schema" in line) {
      const analysis = parseAnalysis(line, lineNumber);
      return { id: analysis.id ?? null, events: eventsOfAnalysis(analysis) };
    }
    if (typeof line.error === "string" && !("text" in line || "html" in line || "url" in line)) {
      throw new InputError(
        "bad-record",
        `line ${lineNumber}: an error line, not an article or analysis (${line.error})`,
      );
    }
    const record = parseRecord(value, lineNumber);
    const analysis = await analyze(toArticleInput(record), options);
    return { id: record.id ?? null, events: analysis.events };
  });
}

function parseAnalysis(line: Record<string, unknown>, lineNumber: number): Analysis {
  if (line.schema !== ANALYSIS_SCHEMA_ID) {
    throw new InputError(
      "bad-record",
      `line ${lineNumber}: "schema" is ${JSON.stringify(line.schema)}, not "${ANALYSIS_SCHEMA_ID}"`,
    );
  }
  const parsed = AnalysisSchema.safeParse(line);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `field "${issue.path.join(".")}"` : "the line";
    throw new InputError(
      "bad-record",
      `line ${lineNumber}: an analysis whose ${where} is not as expected (${issue?.message})`,
    );
  }
  return parsed.data;
}

const EVIDENCE_LENGTH = 160;

/**
 * The events of an analysis as a table for a person: type, mode, date, status, source → target
 * with their names and actor codes, place; the trigger and the evidence clause beneath. Realised
 * events only unless `all`; the first line says how many were left out.
 */
export function formatEventsTable(
  analysis: Analysis,
  options: { all?: boolean; color?: boolean } = {},
): string {
  const c = createColors(options.color === true);
  const events = analysis.events.map((event, index) => ({ event, index }));
  const realised = events.filter((e) => e.event.status === "realised");
  const shown = options.all ? events : realised;
  const others = events.length - realised.length;
  const unit = (n: number) => `${n} event${n === 1 ? "" : "s"}`;
  let head: string;
  if (events.length === 0) head = "no events found";
  else if (options.all)
    head = `${unit(events.length)}${others ? ` (${realised.length} realised, ${others} not)` : ""}`;
  else
    head = `${unit(realised.length)}${others ? ` (${others} not realised left out: --all lists them)` : ""}`;
  if (shown.length === 0) return `${head}\n`;

  const names = new Map(analysis.entities.map((e) => [e.id, e.name]));
  const rows = shown.map(({ event, index }) => ({
    n: String(index + 1),
    type: event.type,
    mode: event.mode ?? "",
    date: event.date ?? "",
    status: [event.status, event.background ? "background" : ""].filter(Boolean).join(", "),
    event,
  }));
  const width = (key: "n" | "type" | "mode" | "date" | "status", title: string) =>
    Math.max(title.length, ...rows.map((r) => r[key].length));
  const w = {
    n: width("n", "#"),
    type: width("type", "TYPE"),
    mode: width("mode", "MODE"),
    date: width("date", "DATE"),
    status: width("status", "STATUS"),
  };
  const out = [
    c.dim(head),
    c.bold(
      [
        "#".padStart(w.n),
        "TYPE".padEnd(w.type),
        "MODE".padEnd(w.mode),
        "DATE".padEnd(w.date),
        "STATUS".padEnd(w.status),
        "SOURCE → TARGET",
      ].join("  "),
    ),
  ];
  for (const r of rows) {
    const ev = r.event;
    const who = (id: string | null | undefined, actor: EventActor | undefined) => {
      const name = (id ? names.get(id) : undefined) ?? actor?.text ?? (id || "?");
      const codes = [actor?.code, actor?.sector].filter(Boolean).join(" ");
      return `${name}${codes ? c.dim(` [${codes}]`) : ""}`;
    };
    const hasTarget = Boolean(ev.target || ev.targetActor);
    const actors = `${who(ev.source, ev.sourceActor)} → ${hasTarget ? who(ev.target, ev.targetActor) : "—"}`;
    const place = ev.place ? ` ${c.dim("@")} ${names.get(ev.place) ?? ev.place}` : "";
    const status = r.status.padEnd(w.status);
    const line = [
      r.n.padStart(w.n),
      c.bold(r.type.padEnd(w.type)),
      r.mode.padEnd(w.mode),
      r.date.padEnd(w.date),
      ev.status === "realised" ? status : c.yellow(status),
      actors + place,
    ].join("  ");
    out.push(ev.status === "realised" ? line : c.dim(line));
    out.push(
      `${" ".repeat(w.n + 2)}${c.dim("«")}${ev.trigger.text}${c.dim("»")} ${evidence(analysis, ev)}`,
    );
  }
  return `${out.join("\n")}\n`;
}

/** The evidence clause on one line, cut to a readable length. */
function evidence(analysis: Analysis, ev: Event): string {
  const text = (ev.text ?? analysis.text.slice(ev.start, ev.end)).replace(/\s+/g, " ").trim();
  return text.length > EVIDENCE_LENGTH ? `${text.slice(0, EVIDENCE_LENGTH - 1)}…` : text;
}
