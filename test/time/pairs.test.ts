import { describe, expect, it } from "vitest";
import { scoreRelativeDatePairs } from "../../scripts/lib/time-pairs.js";
import { hasShared, sharedPath } from "../shared-data.js";

const PAIRS = "data/time/relative_date_pairs.json";

/**
 * The Duckling and Maha pairs, scored as `npm run eval` prints them (scripts/lib/time-pairs.ts
 * says how): this holds the bar.
 */
describe.skipIf(!hasShared(PAIRS))("Duckling and Maha relative-date pairs", () => {
  it("resolves at least 95% of them", () => {
    const { total, correct, rate, misses } = scoreRelativeDatePairs(sharedPath(PAIRS));
    console.log(`relative_date_pairs: ${correct}/${total} = ${rate.toFixed(3)}`);
    expect(rate, misses.join("\n")).toBeGreaterThanOrEqual(0.95);
  });
});
