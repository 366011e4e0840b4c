/**
 * The tune and check halves of the arabic_event_gsr development split: a sentence is in the
 * tune half when the first byte of the SHA-1 of its id is even. The events stage was tuned on
 * the tune half only; the check half is scored, never read.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

export type EventSplit = "tune" | "check";

export function inHalf(id: string, split: EventSplit): boolean {
  const even = ((createHash("sha1").update(id).digest()[0] as number) & 1) === 0;
  return split === "tune" ? even : !even;
}

/** Splits one CSV line into fields (RFC 4180 quoting). */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Records of a CSV whose quoted fields may hold newlines: the raw text of each record. */
function records(text: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quotes = 0;
  for (const line of text.split(/\r?\n/)) {
    cur = cur ? `${cur}\n${line}` : line;
    quotes += (line.match(/"/g) ?? []).length;
    if (quotes % 2 === 0) {
      if (cur.trim()) out.push(cur);
      cur = "";
      quotes = 0;
    }
  }
  return out;
}

export interface GsrRow {
  id: string;
  type: string;
  label: string;
  text: string;
}

/** The rows of one arabic_event_gsr CSV (id, event_type, label, …, text). */
export function readGsr(path: string): GsrRow[] {
  const [header, ...rows] = records(readFileSync(path, "utf8"));
  const names = fields(header ?? "");
  const at = (name: string) => names.indexOf(name);
  return rows.map((r) => {
    const f = fields(r);
    return {
      id: f[at("id")] ?? "",
      type: (f[at("event_type")] ?? "").toUpperCase(),
      label: f[at("label")] ?? "",
      text: f[at("text")] ?? "",
    };
  });
}

/** Writes the half of each CSV to a temporary folder; returns the new files' paths. */
export function splitEventCsvs(csvs: readonly string[], split: EventSplit): string[] {
  const dir = join(tmpdir(), `marsad-events-${split}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  return csvs.map((path) => {
    const [header, ...rows] = records(readFileSync(path, "utf8"));
    const kept = rows.filter((r) => inHalf(fields(r)[0] ?? "", split));
    const out = join(dir, basename(path));
    writeFileSync(out, `${[header, ...kept].join("\n")}\n`);
    return out;
  });
}
