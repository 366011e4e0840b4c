import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dayNumber,
  fromDayNumber,
  isoWeek,
  isoWeekday,
  isoWeekValue,
} from "../../src/time/calendar.js";
import { placeDayMonth, placeMonth, placeWeekday } from "../../src/time/resolve.js";

const day = fc.integer({ min: 0, max: 40000 });
const weekday = fc.integer({ min: 1, max: 7 });

describe("placing weekdays", () => {
  it("past: the latest such day on or before the reference, within a week", () => {
    fc.assert(
      fc.property(day, weekday, (ref, wd) => {
        const n = placeWeekday(ref, wd, "past");
        expect(isoWeekday(n)).toBe(wd);
        expect(ref - n).toBeGreaterThanOrEqual(0);
        expect(ref - n).toBeLessThan(7);
      }),
    );
  });

  it("before / after / forward exclude the reference day itself", () => {
    fc.assert(
      fc.property(day, weekday, (ref, wd) => {
        const back = placeWeekday(ref, wd, "before");
        const ahead = placeWeekday(ref, wd, "after");
        const forward = placeWeekday(ref, wd, "forward");
        expect(ref - back).toBeGreaterThanOrEqual(1);
        expect(ref - back).toBeLessThanOrEqual(7);
        expect(ahead - ref).toBeGreaterThanOrEqual(1);
        expect(ahead - ref).toBeLessThanOrEqual(7);
        expect(forward).toBe(ahead);
        expect(isoWeekday(back)).toBe(wd);
      }),
    );
  });
});

describe("placing day-months and months", () => {
  it("a weekday given with the date picks a year in which they agree", () => {
    // Monday 27 February: 2017 (not 2016, a Saturday)
    const ref = dayNumber(2017, 2, 25);
    expect(fromDayNumber(placeDayMonth(ref, 2, 27, "past", 1) as number).y).toBe(2017);
    // without it, the news default keeps a date on or before the reference…
    expect(fromDayNumber(placeDayMonth(ref, 6, 27, "past") as number).y).toBe(2016);
    expect(fromDayNumber(placeDayMonth(ref, 2, 20, "past") as number).y).toBe(2017);
    // …unless it would be most of a year back while a few weeks ahead (an announcement)
    expect(fromDayNumber(placeDayMonth(ref, 2, 27, "past") as number).y).toBe(2017);
    expect(fromDayNumber(placeDayMonth(ref, 5, 27, "past") as number).y).toBe(2016);
  });

  it("before and after keep their side of the reference", () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (ref, m, d) => {
          const back = placeDayMonth(ref, m, d, "before") as number;
          const ahead = placeDayMonth(ref, m, d, "after") as number;
          expect(back).toBeLessThan(ref);
          expect(ahead).toBeGreaterThan(ref);
          // a year apart at most, or two when the day-month is the reference's own day
          const own = fromDayNumber(ref);
          const sameDay = own.m === m && own.d === d;
          expect(ahead - back).toBeLessThanOrEqual(sameDay ? 731 : 366);
        },
      ),
    );
  });

  it("a month with الماضي is the latest one up to the reference month", () => {
    const ref = dayNumber(2021, 9, 1);
    expect(placeMonth(ref, 10, "before")).toBe(2020);
    expect(placeMonth(ref, 9, "before")).toBe(2021);
    expect(placeMonth(ref, 2, "after")).toBe(2022);
    expect(placeMonth(ref, 11, "after")).toBe(2021);
  });
});

describe("ISO weeks", () => {
  it("numbers weeks from the week holding the year's first Thursday", () => {
    expect(isoWeekValue(dayNumber(2016, 11, 7))).toBe("2016-W45");
    expect(isoWeekValue(dayNumber(2021, 1, 1))).toBe("2020-W53");
    expect(isoWeekValue(dayNumber(2024, 12, 30))).toBe("2025-W01");
    fc.assert(
      fc.property(day, (n) => {
        const w = isoWeek(n);
        expect(w.week).toBeGreaterThanOrEqual(1);
        expect(w.week).toBeLessThanOrEqual(53);
      }),
    );
  });
});
