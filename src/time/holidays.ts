/** Holidays: fixed, Hijri and moving ones (عيد الميلاد، عيد الفطر، عيد الفصح). */
import {
  dayNumber,
  fromDayNumber,
  fromHijri,
  isValidDate,
  nthWeekdayOf,
  pad2,
  toHijri,
} from "./calendar.js";
import { HOLIDAYS, lookupWord } from "./lexicon.js";
import type { Scanner } from "./scan.js";
import type { Hit } from "./types.js";
import { dayHit, yearAfter } from "./worded-dates.js";

/** Holidays: عيد الميلاد، رأس السنة، عيد الفطر، عيد الأضحى، المولد النبوي... */
export function holiday(sc: Scanner, i: number): Hit | null {
  const list = HOLIDAYS.get(sc.ca(i));
  if (!list || !sc.preOk(i)) return null;
  for (const h of list) {
    let ok = true;
    for (let w = 1; w < h.words.length; w++) {
      if (sc.norm(i + w) !== h.words[w]) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    // the first word may carry clitics: its core must match the phrase's first word's core
    const firstCore = lookupWord(h.words[0] as string)?.core ?? h.words[0];
    if (sc.ca(i) !== firstCore || sc.isDef(i) !== (lookupWord(h.words[0] as string)?.def ?? false))
      continue;
    let e = i + h.words.length;
    let year: number | null = null;
    // its year: عيد الميلاد 2015، عيد الميلاد عام 2015، عيد الفطر 1437، عيد الفطر عام 2016
    const y = yearAfter(sc, e);
    if (y && y.y >= 1000) {
      const hijriYear = y.hijri || y.y < 1600;
      if (!h.hijri && !hijriYear) year = y.y;
      else if (h.hijri && hijriYear) year = y.y;
      else if (h.hijri) year = hijriYearOfHoliday(y.y, h.month, h.day);
      if (year !== null) e = y.e;
    }
    if (h.rule) return movingHolidayHit(sc, i, e, h.rule, year);
    return holidayHit(sc, i, e, h.month, h.day, h.hijri, year);
  }
  return null;
}

function movingHolidayHit(
  sc: Scanner,
  s: number,
  e: number,
  rule: "thanksgiving" | "easter",
  year: number | null,
): Hit | null {
  const dayOf = (y: number) =>
    rule === "easter" ? easter(y) : (nthWeekdayOf(y, 11, 4, 4) as number); // every November has four Thursdays
  if (year !== null) return dayHit(s, e, dayOf(year), 0.85);
  if (sc.ref === null) return null;
  const y0 = fromDayNumber(sc.ref).y;
  const n = nearestHoliday([dayOf(y0 - 1), dayOf(y0), dayOf(y0 + 1)], sc.ref);
  return n === null ? null : dayHit(s, e, n, 0.8);
}

function holidayHit(
  sc: Scanner,
  s: number,
  e: number,
  month: number,
  day: number,
  hijri: boolean,
  year: number | null,
): Hit | null {
  const ref = sc.ref;
  if (!hijri) {
    if (year !== null)
      return isValidDate(year, month, day) ? dayHit(s, e, dayNumber(year, month, day), 0.85) : null;
    if (ref === null)
      return {
        s,
        e,
        type: "DATE",
        value: `XXXX-${pad2(month)}-${pad2(day)}`,
        grain: "D",
        conf: 0.8,
      };
    const y0 = fromDayNumber(ref).y;
    const days: number[] = [];
    for (let y = y0 - 1; y <= y0 + 1; y++)
      if (isValidDate(y, month, day)) days.push(dayNumber(y, month, day));
    const n = nearestHoliday(days, ref);
    return n === null ? null : dayHit(s, e, n, 0.8);
  }
  if (ref === null && year === null) return null;
  const hy = year ?? toHijri(ref as number)?.y;
  if (hy === undefined) return null;
  const days: number[] = [];
  for (const y of year !== null ? [hy] : [hy - 1, hy, hy + 1]) {
    const n = fromHijri(y, month, day);
    if (n !== null) days.push(n);
  }
  const best = year !== null || ref === null ? (days[0] ?? null) : nearestHoliday(days, ref);
  return best === null ? null : dayHit(s, e, best, 0.8);
}

/** The Hijri year in which a Hijri holiday falls in Gregorian year g (عيد الفطر عام 2016 → 1437). */
function hijriYearOfHoliday(g: number, month: number, day: number): number | null {
  for (let hy = g - 580; hy <= g - 577; hy++) {
    const n = fromHijri(hy, month, day);
    if (n !== null && fromDayNumber(n).y === g) return hy;
  }
  return null;
}

/** Western Easter Sunday (the anonymous Gregorian computus). */
function easter(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(y, month, day);
}

/**
 * A holiday named without a year: the last one, unless the next is less than half as far (عيد
 * الميلاد in November is the coming Christmas, عيد الفطر four months after it the past one).
 */
function nearestHoliday(days: number[], ref: number): number | null {
  let back: number | null = null;
  let ahead: number | null = null;
  for (const n of days) {
    if (n <= ref && (back === null || n > back)) back = n;
    if (n > ref && (ahead === null || n < ahead)) ahead = n;
  }
  if (back === null) return ahead;
  if (ahead === null) return back;
  return 2 * (ahead - ref) < ref - back ? ahead : back;
}
