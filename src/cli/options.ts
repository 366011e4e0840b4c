/** The option parsers the commands share: a bad value is commander's usage error, not ours. */
import { InvalidArgumentError } from "commander";
import { describeError, InputError } from "../errors.js";
import { parseDateHint } from "../input/index.js";

/** A publication date as YYYY-MM-DD (the forms `parseDateHint` reads). */
export function dateOption(value: string): string {
  try {
    return parseDateHint(value) ?? value;
  } catch (error) {
    throw new InvalidArgumentError(describeError(error));
  }
}

/** A whole number above 0. */
export function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError("expected a whole number above 0");
  return n;
}

/** A whole number, 0 or more. */
export function whole(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError("expected a whole number, 0 or more");
  return n;
}

/** Any number above 0. */
export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a positive number");
  return n;
}

/** The store a command uses when `--db` is not given. */
export const DEFAULT_DB = "./marsad.db";
export const DB_HELP = "the store: a SQLite file or a postgres:// URL";

/** A stopped ingest or copy: what was done is kept, and the same command goes on from there. */
export function interruptedError(): InputError {
  return new InputError("bad-option", "interrupted: run the same command again to finish");
}
