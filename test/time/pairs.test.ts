import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractTimesFromText } from "../../src/time/index.js";

const PAIRS = fileURLToPath(
  new URL("../../../shared/data/time/relative_date_pairs.json", import.meta.url),
);

interface Pair {
  source: string;
  reference_datetime: string;
  expression: string;
  expected: string | { from: string; to_exclusive: string };
  note: string;
}

/**
 * The Duckling/Maha pairs, each expression alone against its reference. Duckling's pairs and
 * Maha's "next weekday" ones follow the forward convention, read with `weekdays: "forward"`; the
 * rest with the news default. An expression counts when it is found as one expression whose value
 * or resolved date is the expected one (a range: its first day).
 */
describe.skipIf(!existsSync(PAIRS))("Duckling and Maha relative-date pairs", () => {
  it("resolves at least 95% of them", () => {
    const pairs = JSON.parse(readFileSync(PAIRS, "utf8")) as Pair[];
    const misses: string[] = [];
    for (const p of pairs) {
      const forward = p.source.includes("duckling") || /next_weekday/.test(p.note);
      const found = extractTimesFromText(p.expression, {
        reference: p.reference_datetime.slice(0, 10),
        weekdays: forward ? "forward" : "past",
      });
      const want = typeof p.expected === "string" ? p.expected : p.expected.from;
      const t = found[0];
      const ok = found.length === 1 && t !== undefined && (t.value === want || t.resolved === want);
      if (!ok)
        misses.push(`${p.expression} → ${found.map((x) => x.value).join(" | ")} (want ${want})`);
    }
    const rate = 1 - misses.length / pairs.length;
    console.log(
      `relative_date_pairs: ${pairs.length - misses.length}/${pairs.length} = ${rate.toFixed(3)}`,
    );
    expect(rate, misses.join("\n")).toBeGreaterThanOrEqual(0.95);
  });
});
