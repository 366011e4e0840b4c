/**
 * Placing underspecified dates against the reference (publication) date. News conventions: a bare
 * weekday or day-month is the most recent one on or before the reference; الماضي and its synonyms
 * name an earlier one, المقبل and its synonyms a later one; a weekday given with a day-month picks
 * the year in which they agree. The forward convention (Duckling, Maha) reads bare weekdays and
 * day-months as the next occurrence instead.
 */
import {
  addMonths,
  dayNumber,
  daysInMonth,
  fromDayNumber,
  isoWeekday,
  isValidDate,
} from "./calendar.js";

/**
 * How an underspecified date is placed:
 *  - "past": latest on or before the reference (the news default);
 *  - "before": latest strictly before (الماضي);
 *  - "forward": earliest strictly after, for weekdays (Duckling), on or after for dates;
 *  - "after": earliest strictly after (المقبل);
 *  - "onOrAfter": earliest on or after (هذا الخميس);
 *  - "current": in the reference's own month or week (الجاري).
 */
export type Direction = "past" | "before" | "forward" | "after" | "onOrAfter" | "current";

/** Day of a weekday (1 = Monday … 7 = Sunday) placed against the reference. */
export function placeWeekday(ref: number, weekday: number, dir: Direction): number {
  const today = isoWeekday(ref);
  const back = (today - weekday + 7) % 7; // days back to the latest on or before
  switch (dir) {
    case "past":
      return ref - back;
    case "before":
      return ref - (back === 0 ? 7 : back);
    case "onOrAfter":
    case "current":
      return ref + ((weekday - today + 7) % 7);
    default: {
      const ahead = (weekday - today + 7) % 7;
      return ref + (ahead === 0 ? 7 : ahead);
    }
  }
}

/**
 * Year for a day and month without one. `weekday`, when given, must agree; `anchor` (a day the
 * text pins nearby, e.g. غدا in "غدا الأحد 6 ديسمبر") wins over the direction.
 */
export function placeDayMonth(
  ref: number,
  month: number,
  day: number,
  dir: Direction,
  weekday?: number,
  anchor?: number,
): number | null {
  const year = fromDayNumber(ref).y;
  // الجاري: the reference's own year (and, as written, its month)
  if (dir === "current") return isValidDate(year, month, day) ? dayNumber(year, month, day) : null;
  const candidates: number[] = [];
  for (let y = year - 1; y <= year + 1; y++) {
    if (!isValidDate(y, month, day)) continue;
    const n = dayNumber(y, month, day);
    if (weekday === undefined || isoWeekday(n) === weekday) candidates.push(n);
  }
  if (candidates.length === 0) {
    // 29 February or a weekday that matches no nearby year: fall back without the weekday.
    if (weekday !== undefined) return placeDayMonth(ref, month, day, dir, undefined, anchor);
    return null;
  }
  if (anchor !== undefined || weekday !== undefined) {
    const target = anchor ?? ref;
    return nearest(candidates, target);
  }
  return byDirection(candidates, ref, dir);
}

/** A day of the month with no month named (يوم 15): in this month or the one next to it. */
export function placeDayOfMonth(
  ref: number,
  day: number,
  dir: Direction,
  weekday?: number,
): number | null {
  const { y, m } = fromDayNumber(ref);
  const candidates: number[] = [];
  for (let k = -2; k <= 2; k++) {
    const first = addMonths(dayNumber(y, m, 1), k);
    const f = fromDayNumber(first);
    if (day > daysInMonth(f.y, f.m)) continue;
    const n = dayNumber(f.y, f.m, day);
    if (weekday === undefined || isoWeekday(n) === weekday) candidates.push(n);
  }
  if (candidates.length === 0) return null;
  if (weekday !== undefined) return nearest(candidates, ref);
  if (dir === "current") {
    return candidates.find((n) => fromDayNumber(n).m === m) ?? null;
  }
  return byDirection(candidates, ref, dir);
}

/** Year of a month named without one. */
export function placeMonth(ref: number, month: number, dir: Direction): number {
  const { y, m } = fromDayNumber(ref);
  switch (dir) {
    case "current":
      return y;
    case "past":
    case "before":
      // The month on or before the reference month (أكتوبر الماضي in September: last year's).
      return month <= m ? y : y - 1;
    case "after":
      return month > m ? y : y + 1;
    default:
      return month >= m ? y : y + 1;
  }
}

function nearest(candidates: number[], target: number): number {
  let best = candidates[0] as number;
  for (const n of candidates) if (Math.abs(n - target) < Math.abs(best - target)) best = n;
  return best;
}

/**
 * For the news default: a day-month that would fall more than ~8 months back while the same day
 * is at most ~6 weeks ahead is an announcement (يصدر الحكم يوم 1 مارس, written on 9 February).
 */
const FAR_BACK = 240;
const NEAR_AHEAD = 45;

function byDirection(candidates: number[], ref: number, dir: Direction): number | null {
  if (dir === "past") {
    const back = latest(candidates, (n) => n <= ref);
    const ahead = earliest(candidates, (n) => n > ref);
    if (back !== null && ahead !== null && ref - back > FAR_BACK && ahead - ref <= NEAR_AHEAD)
      return ahead;
  }
  return byStrictDirection(candidates, ref, dir);
}

function latest(candidates: number[], ok: (n: number) => boolean): number | null {
  let best: number | null = null;
  for (const n of candidates) if (ok(n) && (best === null || n > best)) best = n;
  return best;
}

function earliest(candidates: number[], ok: (n: number) => boolean): number | null {
  let best: number | null = null;
  for (const n of candidates) if (ok(n) && (best === null || n < best)) best = n;
  return best;
}

function byStrictDirection(candidates: number[], ref: number, dir: Direction): number | null {
  let pick: number | null = null;
  for (const n of candidates) {
    const ok =
      dir === "past" || dir === "current"
        ? n <= ref
        : dir === "before"
          ? n < ref
          : dir === "after"
            ? n > ref
            : n >= ref;
    if (!ok) continue;
    if (pick === null) pick = n;
    else if (dir === "past" || dir === "before" || dir === "current") pick = Math.max(pick, n);
    else pick = Math.min(pick, n);
  }
  return pick ?? nearest(candidates, ref);
}
