/**
 * Calendar arithmetic for the time stage. Dates are whole days counted from 1970-01-01 (UTC), so
 * adding days is integer addition and no time zone can shift a date. Hijri dates are converted
 * with the Umm al-Qura calendar that `Intl` ships (ICU), searched around an arithmetic estimate.
 */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

/** Day number of a proleptic Gregorian date (months and days may overflow, as in Date.UTC). */
export function dayNumber(y: number, m: number, d: number): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return Math.floor(date.getTime() / DAY_MS);
}

export function fromDayNumber(n: number): Ymd {
  const date = new Date(n * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(n: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** Day number of the nth given weekday (1 = Monday) of a month, or null when it has no nth. */
export function nthWeekdayOf(y: number, m: number, weekday: number, nth: number): number | null {
  const first = dayNumber(y, m, 1);
  const day = first + ((weekday - isoWeekday(first) + 7) % 7) + 7 * (nth - 1);
  return fromDayNumber(day).m === m ? day : null;
}

export function daysInMonth(y: number, m: number): number {
  return dayNumber(y, m + 1, 1) - dayNumber(y, m, 1);
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) &&
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    y >= 1 &&
    y <= 9999 &&
    d <= daysInMonth(y, m)
  );
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function pad4(n: number): string {
  const s = String(n);
  return s.length >= 4 ? s : "0000".slice(s.length) + s;
}

export function isoDay(n: number): string {
  const { y, m, d } = fromDayNumber(n);
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}

export function isoMonth(y: number, m: number): string {
  return `${pad4(y)}-${pad2(m)}`;
}

/** Parses YYYY-MM-DD (the first ten characters of an ISO date-time too); null when invalid. */
export function parseIsoDay(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  return isValidDate(y, m, d) ? dayNumber(y, m, d) : null;
}

/** ISO 8601 week of a day: its year (which may differ from the calendar year) and number. */
export function isoWeek(n: number): { year: number; week: number } {
  const thursday = n - isoWeekday(n) + 4;
  const year = fromDayNumber(thursday).y;
  const week = Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1;
  return { year, week };
}

export function isoWeekValue(n: number): string {
  const { year, week } = isoWeek(n);
  return `${pad4(year)}-W${pad2(week)}`;
}

/** Monday of the ISO week containing day n. */
export function weekStart(n: number): number {
  return n - isoWeekday(n) + 1;
}

/** Adds months, keeping the day of month where it exists (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(n: number, months: number): number {
  const { y, m, d } = fromDayNumber(n);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return dayNumber(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

// ---------- Hijri (Umm al-Qura) ----------

let hijriFormat: Intl.DateTimeFormat | null | undefined;

function hijriFormatter(): Intl.DateTimeFormat | null {
  if (hijriFormat === undefined) {
    try {
      hijriFormat = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura-nu-latn", {
        timeZone: "UTC",
        year: "numeric",
        month: "numeric",
        day: "numeric",
      });
      if (hijriFormat.resolvedOptions().calendar !== "islamic-umalqura") hijriFormat = null;
    } catch {
      hijriFormat = null; // a Node built without full ICU
    }
  }
  return hijriFormat;
}

/** Hijri (Umm al-Qura) date of a day number; null when Intl lacks the calendar. */
export function toHijri(n: number): Ymd | null {
  const format = hijriFormatter();
  if (!format) return null;
  let y = 0;
  let m = 0;
  let d = 0;
  for (const part of format.formatToParts(new Date(n * DAY_MS))) {
    if (part.type === "year") y = Number.parseInt(part.value, 10);
    else if (part.type === "month") m = Number.parseInt(part.value, 10);
    else if (part.type === "day") d = Number.parseInt(part.value, 10);
  }
  return y > 0 && m > 0 && d > 0 ? { y, m, d } : null;
}

/** Mean Hijri position in days, for the estimate and the correction steps. */
function hijriOrdinal(y: number, m: number, d: number): number {
  return (y - 1) * 354.367 + (m - 1) * 29.5306 + (d - 1);
}

// 1 Muharram 1 AH = 16 July 622 (Julian) = day number of 19 July 622 proleptic Gregorian.
const HIJRI_EPOCH = dayNumber(622, 7, 19);

/**
 * Gregorian day number of a Hijri (Umm al-Qura) date, or null when it does not exist (day 30 of a
 * 29-day month) or Intl lacks the calendar.
 */
export function fromHijri(y: number, m: number, d: number): number | null {
  if (y < 1 || y > 2000 || m < 1 || m > 12 || d < 1 || d > 30) return null;
  let n = Math.round(HIJRI_EPOCH + hijriOrdinal(y, m, d));
  for (let step = 0; step < 8; step++) {
    const h = toHijri(n);
    if (!h) return null;
    if (h.y === y && h.m === m && h.d === d) return n;
    const diff = Math.round(hijriOrdinal(y, m, d) - hijriOrdinal(h.y, h.m, h.d));
    if (diff === 0) {
      // Same mean position but another date: the month is shorter than assumed.
      return h.m !== m ? null : n;
    }
    n += diff;
  }
  // Last resort: walk day by day within a few days.
  for (let k = -3; k <= 3; k++) {
    const h = toHijri(n + k);
    if (h && h.y === y && h.m === m && h.d === d) return n + k;
  }
  return null;
}

/** The Hijri year the given day falls in. */
export function hijriYearOf(n: number): number | null {
  return toHijri(n)?.y ?? null;
}
