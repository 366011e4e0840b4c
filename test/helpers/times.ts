/** Time-stage test helpers: the expressions of a text, checked against their evidence. */
import { expect } from "vitest";
import type { TimeExpression } from "../../src/analysis.js";
import { extractTimesFromText, type TimeOptions } from "../../src/time/index.js";

/** The expressions of a text against a reference date (phrase clock values unless asked). */
export function times(
  text: string,
  reference: string | null,
  options: TimeOptions = {},
): TimeExpression[] {
  return extractTimesFromText(text, { clock: "phrase", ...options, reference });
}

/** The single expression found, checked against its evidence. */
export function one(
  text: string,
  reference: string | null,
  options: TimeOptions = {},
): TimeExpression {
  const found = times(text, reference, options);
  expect(found, `${text} → ${JSON.stringify(found)}`).toHaveLength(1);
  const t = found[0] as TimeExpression;
  expect(text.slice(t.start, t.end)).toBe(t.text);
  return t;
}

/** The value of the single expression found. */
export function value(text: string, reference: string | null, options: TimeOptions = {}): string {
  return one(text, reference, options).value;
}
