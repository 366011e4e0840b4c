import { describe, expect, it } from "vitest";
import { parseDateHint, toIsoDate } from "../../src/input/index.js";

describe("dates given by the caller", () => {
  it("takes the date part of ISO dates and date-times as written, any year", () => {
    expect(toIsoDate("2025-01-21")).toBe("2025-01-21");
    expect(toIsoDate("2017-01-20T23:43:00-05:00")).toBe("2017-01-20");
    expect(toIsoDate("1958-7-4")).toBe("1958-07-04");
    expect(toIsoDate("2024-02-30")).toBeUndefined();
    expect(toIsoDate("20250121")).toBeUndefined();
  });

  it("accepts unambiguous page-style dates and refuses ambiguous or invalid ones", () => {
    expect(parseDateHint("17/05/2015")).toBe("2015-05-17");
    expect(parseDateHint(undefined)).toBeUndefined();
    expect(() => parseDateHint("03/04/2015")).toThrow(/unambiguous/);
    expect(() => parseDateHint("yesterday")).toThrow(/unambiguous/);
    expect(() => parseDateHint("2023-13-01")).toThrow();
  });
});
