/**
 * The Duckling/Maha relative-date pairs (../shared/data/time/relative_date_pairs.json), scored
 * one way for test/time/pairs.test.ts (which holds the bar) and scripts/eval.ts (which prints the
 * figure): each expression alone against its reference date. Duckling's pairs and Maha's "next
 * weekday" ones follow the forward convention for a bare weekday, read with `weekdays:
 * "forward"`; the rest with the news default. An expression counts when it is found as one
 * expression whose value or resolved date is the expected one (for a range: its first day).
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { extractTimesFromText } from "../../src/time/index.js";

export const RELATIVE_DATE_PAIRS = join(
  resolve(import.meta.dirname, "..", ".."),
  "..",
  "shared",
  "data",
  "time",
  "relative_date_pairs.json",
);

interface Pair {
  source: string;
  reference_datetime: string;
  expression: string;
  expected: string | { from: string; to_exclusive: string };
  note: string;
}

export interface PairsScore {
  total: number;
  correct: number;
  /** correct / total */
  rate: number;
  /** One line per missed pair: the expression, what was found, what was wanted. */
  misses: string[];
}

export function scoreRelativeDatePairs(file = RELATIVE_DATE_PAIRS): PairsScore {
  const pairs = JSON.parse(readFileSync(file, "utf8")) as Pair[];
  const misses: string[] = [];
  for (const p of pairs) {
    const forward = p.source.includes("duckling") || /next_weekday/.test(p.note);
    const found = extractTimesFromText(p.expression, {
      reference: p.reference_datetime.slice(0, 10),
      bareDates: forward ? "forward" : "past",
    });
    const want = typeof p.expected === "string" ? p.expected : p.expected.from;
    const t = found[0];
    const ok = found.length === 1 && t !== undefined && (t.value === want || t.resolved === want);
    if (!ok)
      misses.push(`${p.expression} → ${found.map((x) => x.value).join(" | ")} (want ${want})`);
  }
  const correct = pairs.length - misses.length;
  return { total: pairs.length, correct, rate: correct / pairs.length, misses };
}
