/**
 * `marsad export events`: a store's events as PLOVER records, for event-data tools. Only events
 * that happened (realised; background ones included, flagged) and each once per story cluster:
 * a reprint is not a new event, it adds to the record's `reports`. Records are read and written
 * as a stream, in the order the articles were stored.
 *
 * `plover-json` is a JSON array of records in the layout of PLOVER's gold-standard records
 * (id, date, source and target as lists of { actorText, code, sector }, event, eventText, mode,
 * eventLoc, text, language, publication, coder, version, dateCoded), with marsad's additions
 * (the actors' entities, background, reports, the article). `csv` is one flat row per record.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { type Command, Option } from "commander";
import { stringify } from "csv-stringify/sync";
import { InputError } from "../errors.js";
import type { EventActorRecord, EventQuery, EventRecord, Store } from "../store/index.js";
import { DB_HELP, DEFAULT_DB } from "./options.js";

const CODER = "marsad 0.1.0";
/** The PLOVER version of the event types and modes. */
const PLOVER_VERSION = "0.8";

export type ExportFormat = "plover-json" | "csv";

interface ExportFlags {
  format: ExportFormat;
  db: string;
  out?: string;
  entity?: string;
  type?: string;
  from?: string;
  to?: string;
}

export function registerExportCommand(program: Command): void {
  const command = program
    .command("export")
    .description("write what a store holds in a format other tools read");
  command
    .command("events")
    .description(
      "events that happened (realised), once per story cluster, as PLOVER records (JSON) or CSV",
    )
    .addOption(
      new Option("--format <format>", "plover-json (a JSON array) or csv")
        .choices(["plover-json", "csv"])
        .default("plover-json"),
    )
    .option("--db <file|url>", DB_HELP, DEFAULT_DB)
    .option("--out <file>", "write to this file instead of standard output")
    .option("--entity <key|name>", "only events with this entity as source or target")
    .option("--type <type>", "only this PLOVER type, e.g. ASSAULT")
    .option("--from <date>", "events dated on or after (YYYY, YYYY-MM or YYYY-MM-DD)")
    .option("--to <date>", "events dated on or before")
    .action(runExportEvents);
}

async function runExportEvents(flags: ExportFlags): Promise<void> {
  // Loaded here so that other commands do not pay for the store at startup.
  const { openStore } = await import("../store/index.js");
  const { EVENT_TYPES } = await import("../events/index.js");
  const type = flags.type?.trim().toUpperCase();
  if (type !== undefined && !(EVENT_TYPES as readonly string[]).includes(type)) {
    throw new InputError(
      "bad-option",
      `--type: "${flags.type}" is not a PLOVER event type (${EVENT_TYPES.join(", ")})`,
    );
  }
  const store = await openStore(flags.db, { readonly: true });
  try {
    if (flags.entity !== undefined && (await store.resolve(flags.entity)).length === 0)
      throw new InputError("not-found", `no entity "${flags.entity}" in the store`);
    const query: Omit<EventQuery, "limit" | "offset"> = {
      ...(flags.entity ? { entity: flags.entity } : {}),
      ...(type ? { type } : {}),
      ...(flags.from ? { from: flags.from } : {}),
      ...(flags.to ? { to: flags.to } : {}),
    };
    // a bad date or type fails before the output file is created
    await store.countEvents(query);
    const output = flags.out === undefined ? process.stdout : await openOutput(flags.out);
    const written = await exportEvents(store, query, flags.format, output);
    if (output !== process.stdout) {
      output.end();
      await once(output, "finish");
      process.stderr.write(`marsad: wrote ${written} events to ${flags.out}\n`);
    }
  } finally {
    await store.close();
  }
}

/** Writes the store's events in `format`; the number of records written. */
export async function exportEvents(
  store: Store,
  query: Omit<EventQuery, "limit" | "offset">,
  format: ExportFormat,
  output: Writable,
): Promise<number> {
  const coded = new Date().toISOString().slice(0, 10);
  const write = async (chunk: string) => {
    if (!output.write(chunk)) await once(output, "drain");
  };
  let n = 0;
  // realised events, once per story cluster, whatever the caller passed
  const records = store.allEvents({ ...query, status: "realised", collapse: true });
  if (format === "csv") {
    await write(stringify([CSV_COLUMNS]));
    for await (const record of records) {
      await write(stringify([csvRow(record)]));
      n++;
    }
    return n;
  }
  await write("[");
  for await (const record of records) {
    await write(`${n === 0 ? "\n" : ",\n"}${JSON.stringify(ploverRecord(record, coded))}`);
    n++;
  }
  await write(n === 0 ? "]\n" : "\n]\n");
  return n;
}

async function openOutput(path: string): Promise<Writable> {
  const stream = createWriteStream(path);
  try {
    await once(stream, "open");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      "unreadable",
      `${path}: cannot write there${code === "ENOENT" ? " (no such folder)" : code ? ` (${code})` : ""}`,
    );
  }
  return stream;
}

// ---------------------------------------------------------------------------------------------
// PLOVER JSON

export interface PloverActor {
  actorText: string;
  code?: string;
  sector?: string;
  /** marsad: the store's entity key and name, where the actor is a known entity. */
  entity?: string;
  name?: string;
}

export interface PloverRecord {
  id: string;
  date?: string;
  source: PloverActor[] | "";
  target: PloverActor[] | "";
  event: string;
  eventText?: string;
  mode?: string;
  eventLoc?: { name: string; entity: string };
  text?: string;
  language: "ar";
  publication?: string;
  coder: string;
  version: string;
  dateCoded: string;
  /** marsad: context in a subordinate clause rather than the article's news. */
  background: boolean;
  /** marsad: articles of the story cluster that report the event. */
  reports: number;
  confidence?: number;
  /** marsad: the first article of the story cluster that reports it. */
  article: { id: number; url?: string; title?: string; published?: string; source: string };
}

export function ploverRecord(record: EventRecord, dateCoded: string): PloverRecord {
  const a = record.article;
  return {
    id: `marsad-${record.id}`,
    ...(record.date ? { date: record.date } : {}),
    source: ploverActors(record.source),
    target: ploverActors(record.target),
    event: record.type,
    ...(record.trigger ? { eventText: record.trigger } : {}),
    ...(record.mode ? { mode: record.mode } : {}),
    ...(record.place ? { eventLoc: { name: record.place.name, entity: record.place.key } } : {}),
    ...(record.text ? { text: record.text } : {}),
    language: "ar",
    ...(a.siteName ? { publication: a.siteName } : {}),
    coder: CODER,
    version: PLOVER_VERSION,
    dateCoded,
    background: record.background,
    reports: record.reports,
    ...(record.confidence !== undefined ? { confidence: record.confidence } : {}),
    article: {
      id: a.id,
      ...(a.url ? { url: a.url } : {}),
      ...(a.title ? { title: a.title } : {}),
      ...(a.published ? { published: a.published } : {}),
      source: a.source,
    },
  };
}

function ploverActors(actor: EventActorRecord | null): PloverActor[] | "" {
  if (!actor) return "";
  const text = actor.text ?? actor.entity?.name ?? actor.code;
  if (text === undefined) return "";
  return [
    {
      actorText: text,
      ...(actor.code ? { code: actor.code } : {}),
      ...(actor.sector ? { sector: actor.sector } : {}),
      ...(actor.entity ? { entity: actor.entity.key, name: actor.entity.name } : {}),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// CSV

export const CSV_COLUMNS = [
  "id",
  "date",
  "event",
  "mode",
  "actor",
  "actor_text",
  "actor_code",
  "actor_sector",
  "actor_entity",
  "recipient",
  "recipient_text",
  "recipient_code",
  "recipient_sector",
  "recipient_entity",
  "event_loc",
  "event_loc_entity",
  "event_text",
  "text",
  "background",
  "reports",
  "confidence",
  "article_id",
  "article_url",
  "article_title",
  "article_published",
  "article_source",
  "publication",
] as const;

function csvRow(record: EventRecord): string[] {
  const a = record.article;
  const actor = (x: EventActorRecord | null) => [
    x?.entity?.name ?? x?.text ?? "",
    x?.text ?? "",
    x?.code ?? "",
    x?.sector ?? "",
    x?.entity?.key ?? "",
  ];
  return [
    `marsad-${record.id}`,
    record.date ?? "",
    record.type,
    record.mode ?? "",
    ...actor(record.source),
    ...actor(record.target),
    record.place?.name ?? "",
    record.place?.key ?? "",
    record.trigger ?? "",
    record.text ?? "",
    String(record.background),
    String(record.reports),
    record.confidence === undefined ? "" : String(record.confidence),
    String(a.id),
    a.url ?? "",
    a.title ?? "",
    a.published ?? "",
    a.source,
    a.siteName ?? "",
  ];
}
