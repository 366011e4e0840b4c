/**
 * Calendar dates given by the caller (--date, a JSONL line's `date`). The date part of an ISO
 * date-time is the date where it was written, so it is taken as is, not shifted to UTC.
 */
import { InputError } from "../errors.js";
import { normaliseDate } from "./metadata.js";

const DATE_PREFIX = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/;

/** YYYY-MM-DD for a real calendar date at the start of `value`, else undefined. */
export function toIsoDate(value: string): string | undefined {
  const match = DATE_PREFIX.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined;
  }
  return `${match[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * A date the user gave: ISO first (any year), then the unambiguous forms pages use (17/05/2015,
 * "21 يناير 2025"). One that is not a date, or could be two (03/04/2015), is their error to hear
 * about.
 */
export function parseDateHint(value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  const date = toIsoDate(value) ?? normaliseDate(value);
  if (!date) {
    throw new InputError(
      "bad-option",
      `"${value}" is not an unambiguous date (expected YYYY-MM-DD)`,
    );
  }
  return date;
}
