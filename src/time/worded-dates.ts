/**
 * Dates in words: day phrases, weekdays, day-month and month-first dates, month names, years, Hijri
 * dates.
 */
import { wordCount } from "../text/index.js";
import {
  addMonths,
  dayNumber,
  fromDayNumber,
  fromHijri,
  isoDay,
  isoMonth,
  isoWeekday,
  isValidDate,
  nthWeekdayOf,
  pad2,
  pad4,
  toHijri,
  weekStart,
} from "./calendar.js";
import {
  AMBIGUOUS_MONTH,
  CARDINALS,
  DEMONSTRATIVES,
  HIJRI_MONTHS,
  HIJRI_PAIR,
  MODS,
  MONTH_PAIR,
  MONTHS,
  ORDINALS,
  RELATIVE,
  W,
  WEEKDAYS,
} from "./lexicon.js";
import { asciiDigits, dayOfMonth, isOneInWords, number } from "./numbers.js";
import { isEraMark, NUMERIC_DD, NUMERIC_YY, numericDate } from "./numeric-dates.js";
import { makeRange, RANGE_TO } from "./ranges.js";
import {
  decade,
  periodPart,
  quantityDate,
  relativeDay,
  relativePeriod,
  relativeSuffix,
} from "./relative.js";
import {
  type Direction,
  placeDayMonth,
  placeDayOfMonth,
  placeMonth,
  placeWeekday,
} from "./resolve.js";
import type { Scanner } from "./scan.js";
import type { CalDate, Hit } from "./types.js";

// ---------- dates ----------

/** Words before a bare four-digit number that make it a year. */
const YEAR_CONTEXT = new Set(
  [
    "في",
    "فى",
    "منذ",
    "خلال",
    "حتى",
    "مطلع",
    "بداية",
    "نهاية",
    "أواخر",
    "أوائل",
    "منتصف",
    "أواسط",
    "قبل",
    "بعد",
    "إلى",
    "الى",
    "غاية",
    "لغاية",
    "بحلول",
    "مواليد",
    "موسم",
    "ميزانية",
    "عامي",
    "سنتي",
    "بدءا",
    "ابتداء",
    "اعتبارا",
    "انتخابات",
  ].map((w) => w.replace(/[أإآ]/g, "ا").replace(/ى/g, "ي").replace(/ة/g, "ه")),
);
/** Words of scheduling before a date: it is to come. */
const SCHEDULE_WORDS = new Set(
  [
    "المقرر",
    "مقرر",
    "المنتظر",
    "المرتقب",
    "المبرمج",
    "مبرمج",
    "المزمع",
    "موعد",
    "يرتقب",
    "ينتظر",
  ].map((w) => w.replace(/ة/g, "ه")),
);
/** Words after a number that can follow a year without making it a count. */
const AFTER_YEAR = new Set(["م", "و", "ثم", "الي", "حتي", "مقابل", "عندما", "حين", "بعد", "قبل"]);

/**
 * Dates built around a day: [يوم] [اليوم/أمس/غدا] [weekday [الماضي...]] [، الموافق] [calendar
 * date]; calendar dates alone; years; relative periods; قبل/بعد N units.
 */
export function dateExpr(sc: Scanner, i: number): Hit | null {
  let best: Hit | null = null;
  // nthWeekday first: where it and a weekday-plus-date reading both fit, it is the one whose
  // weekday agrees (الأحد الثاني من ديسمبر)
  for (const h of [
    nthWeekday(sc, i),
    dayPhrase(sc, i),
    relativePeriod(sc, i),
    quantityDate(sc, i),
    yearPhrase(sc, i),
    periodPart(sc, i),
    decade(sc, i),
    weekOfMonth(sc, i),
    dayNumberAfterIn(sc, i),
  ]) {
    if (h && h.e > i && (!best || h.e > best.e)) best = h;
  }
  return best;
}

export function dayPhrase(sc: Scanner, i: number): Hit | null {
  let k = i;
  let yawm = false;
  if (sc.ca(k) === W.day && !sc.isDef(k) && sc.preOk(k)) {
    yawm = true;
    k++;
  } else if (sc.norm(k) === W.dual || (sc.ca(k) === W.dual && sc.preOk(k))) {
    yawm = true;
    k++;
  }
  let demonstrative = false;
  if (DEMONSTRATIVES.has(sc.ca(k)) && WEEKDAYS.has(sc.c(k + 1))) {
    demonstrative = true;
    k++;
  }
  const rd = relativeDay(sc, k, yawm, k === i);
  if (rd) k = rd.e;
  const wd = weekdayName(sc, k, yawm || rd !== null || demonstrative, k === i && !rd);
  let weekDir: Direction | null = demonstrative ? "onOrAfter" : null;
  let weekShift: number | null = null;
  if (wd) {
    k = wd.e;
    const rel = relativeSuffix(sc, k);
    if (rel) {
      k = rel.e;
      weekDir = rel.shift < 0 ? "before" : rel.shift > 0 ? "after" : "onOrAfter";
      if (Math.abs(rel.shift) === 2) weekShift = rel.shift;
    } else {
      const wk = weekReference(sc, k);
      if (wk) return finishWeekdayInWeek(sc, i, wk.e, wd.wd, wk.shift);
    }
  }
  let calStart = k;
  if (wd || rd) {
    if (sc.isPunct(calStart, "،,")) calStart++;
    if (sc.c(calStart) === W.muwafiq || sc.norm(calStart) === W.muwafiq) calStart++;
    else if (sc.bare(calStart, W.in)) calStart++;
  }
  const cal = calendarDate(sc, calStart, yawm || wd !== null || rd !== null || k !== i);
  if (cal) k = cal.e;
  else if (!rd && !wd) {
    // يوم 15، في الخامس عشر: a day of the month alone
    const num = number(sc, k);
    const ok =
      num &&
      num.v >= 1 &&
      num.v <= 31 &&
      Number.isInteger(num.v) &&
      !isOneInWords(num) &&
      (yawm
        ? !sc.isWordToken(num.e)
        : num.ordinal && num.v >= 11 && sc.bare(i - 1, W.in) && sc.boundary(num.e));
    if (ok && num) return dayOfMonthHit(sc, i, num.e, num.v, undefined, 0.7);
  }
  if (!rd && !wd && !cal) return null;
  const ref = sc.ref;
  const conf = cal ? cal.conf : rd ? 0.9 : 0.85;
  if (cal && cal.m === undefined && cal.d !== undefined) {
    // السبت السادس عشر، الخميس الموافق السادس عشر من هذا الشهر
    if (cal.monthShift !== undefined && ref !== null) {
      const first = addMonths(
        dayNumber(fromDayNumber(ref).y, fromDayNumber(ref).m, 1),
        cal.monthShift,
      );
      const f = fromDayNumber(first);
      if (!isValidDate(f.y, f.m, cal.d)) return null;
      const start = dayNumber(f.y, f.m, cal.d);
      if (cal.d2 !== undefined && isValidDate(f.y, f.m, cal.d2)) {
        const end = dayNumber(f.y, f.m, cal.d2);
        return {
          s: i,
          e: k,
          type: "DATE",
          value: `(${isoDay(start)},${isoDay(end)},P${end - start}D)`,
          day: start,
          grain: "D",
          conf,
        };
      }
      return dayHit(i, k, start, conf);
    }
    return dayOfMonthHit(sc, i, k, cal.d, wd?.wd, conf);
  }
  if (cal) {
    if (cal.d === undefined) {
      // a month or a year after a weekday is not one date: give up on the whole
      if (wd || rd) return null;
      return calendarHit(sc, i, k, cal, null, undefined);
    }
    const anchor = rd && ref !== null ? ref + rd.off : undefined;
    return calendarHit(sc, i, k, cal, wd?.wd ?? null, anchor);
  }
  if (rd) {
    if (ref === null) return { s: i, e: k, type: "DATE", value: "XXXX-XX-XX", grain: "D", conf };
    return dayHit(i, k, ref + rd.off, conf);
  }
  // a weekday alone
  const weekday = (wd as { wd: number }).wd;
  // السبت والأحد: a weekday joined to the day just named is the one after it
  const prev = sc.hits[sc.hits.length - 1];
  if (
    weekDir === null &&
    prev?.day !== undefined &&
    prev.grain === "D" &&
    (prev.e === i || (prev.e === i - 1 && sc.norm(i - 1) === "و")) &&
    sc.conj(prev.e === i ? i : i - 1)
  ) {
    const after = prev.day + ((weekday - isoWeekday(prev.day) + 7) % 7 || 7);
    return dayHit(i, k, after, conf);
  }
  if (ref === null) {
    return { s: i, e: k, type: "DATE", value: `XXXX-WXX-${weekday}`, grain: "D", conf };
  }
  let dir: Direction | null = weekDir;
  if (!dir) {
    if (sc.opts.bareDates === "forward") dir = "forward";
    else dir = futureCue(sc, i) ? "onOrAfter" : "past";
  }
  let day = placeWeekday(ref, weekday, dir);
  if (weekShift !== null) day += weekShift > 0 ? 7 : -7;
  const hit = dayHit(i, k, day, conf);
  if (weekDir === null && weekShift === null) hit.weekless = true;
  return hit;
}

/** أول جمعة من يوليو، آخر أربعاء من الشهر الماضي، الجمعة الأولى من الشهر الجاري. */
function nthWeekday(sc: Scanner, i: number): Hit | null {
  if (!sc.preOk(i)) return null;
  const c = sc.ca(i);
  let k: number;
  let nth: number | undefined;
  let wd: number | undefined;
  if (!sc.isDef(i) && (c === W.first || c === W.last || ORDINALS.has(c))) {
    nth = c === W.last ? -1 : c === W.first ? 1 : ORDINALS.get(c);
    k = i + 1;
    if (sc.bare(k, W.day)) k++;
    wd = WEEKDAYS.get(sc.c(k));
    k++;
  } else {
    wd = WEEKDAYS.get(c);
    if (!sc.isDef(i)) return null;
    const o = sc.defWord(i + 1);
    nth = o === W.recent || o === W.recentF ? -1 : ORDINALS.get(o);
    k = i + 2;
  }
  if (wd === undefined || nth === undefined || nth > 5) return null;
  if (!sc.bare(k, W.of) && !sc.bare(k, W.in)) {
    // الأحد الثاني alone: that weekday of the month around the reference (not الجمعة الثانية
    // على التوالي, the second Friday running)
    // nor a weekday counted in a series of something (الجمعة الرابعة للحراك)
    const counted = sc.bare(k, W.on) || sc.pre[k]?.endsWith("ل") || sc.norm(k).startsWith("لل");
    if (!sc.isDef(i) || nth < 1 || counted) return null;
    return nthWeekdayNear(sc, i, k, wd, nth);
  }
  k++;
  let y: number | undefined;
  const named = namedMonth(sc, k, sc.opts.bareDates === "forward" ? "onOrAfter" : "past");
  if (!named) return null;
  const m = named.m;
  y = named.y;
  k = named.e;
  if (y === undefined) {
    return {
      s: i,
      e: k,
      type: "DATE",
      value: `XXXX-${pad2(m)}-WXX-${wd}-#${nth}`,
      grain: "D",
      conf: 0.7,
    };
  }
  // الأحد الثاني من ديسمبر is also "Sunday the 2nd of December": that reading wins when the 2nd
  // is a Sunday
  if (sc.isDef(i) && nth > 0 && isoWeekday(dayNumber(y, m, nth)) === wd) return null;
  let day: number;
  if (nth > 0) {
    const nthDay = nthWeekdayOf(y, m, wd, nth);
    if (nthDay === null) return null;
    day = nthDay;
  } else {
    const last = dayNumber(y, m + 1, 1) - 1;
    day = last - ((isoWeekday(last) - wd + 7) % 7);
  }
  return dayHit(i, k, day, 0.85);
}

/**
 * The month a phrase names at k, after أول جمعة من / الأسبوع الأول من: الشهر الماضي، [شهر] مارس
 * [2016]. A year the text does not write is placed in `dir` (left undefined with no reference).
 */
function namedMonth(
  sc: Scanner,
  k: number,
  dir: Direction,
): { y: number | undefined; m: number; e: number } | null {
  const shift = monthReference(sc, k);
  if (shift) {
    if (sc.ref === null) return null;
    const r = fromDayNumber(sc.ref);
    const f = fromDayNumber(addMonths(dayNumber(r.y, r.m, 1), shift.shift));
    return { y: f.y, m: f.m, e: shift.e };
  }
  const mn = monthName(sc, sc.bare(k, W.month) ? k + 1 : k);
  if (!mn || mn.hijri) return null;
  const year = yearAfter(sc, mn.e);
  if (year) return { y: year.y, m: mn.m, e: year.e };
  return { y: sc.ref === null ? undefined : placeMonth(sc.ref, mn.m, dir), m: mn.m, e: mn.e };
}

/** The nth weekday of the reference's month, or of the month after (forward) or before (past). */
function nthWeekdayNear(sc: Scanner, s: number, e: number, wd: number, nth: number): Hit | null {
  if (sc.ref === null)
    return { s, e, type: "DATE", value: `XXXX-XX-WXX-${wd}-#${nth}`, grain: "D", conf: 0.6 };
  const ref = sc.ref;
  const r = fromDayNumber(ref);
  const inMonth = (shift: number): number | null => {
    const f = fromDayNumber(addMonths(dayNumber(r.y, r.m, 1), shift));
    return nthWeekdayOf(f.y, f.m, wd, nth);
  };
  const forward = sc.opts.bareDates === "forward" || futureCue(sc, s);
  let day = inMonth(0);
  if (forward && (day === null || day < ref)) day = inMonth(1);
  if (!forward && (day === null || day > ref)) day = inMonth(-1);
  return day === null ? null : dayHit(s, e, day, 0.7);
}

/**
 * الأسبوع الأول من فبراير (its first seven days), أول يوم من الشهر، آخر يوم من العام.
 */
function weekOfMonth(sc: Scanner, i: number): Hit | null {
  if (!sc.preOk(i)) return null;
  const c = sc.ca(i);
  let k: number;
  let kind: "week" | "firstDay" | "lastDay";
  let nth = 1;
  if (c === W.week && sc.isDef(i)) {
    const o = sc.defWord(i + 1);
    const n = o === W.recent ? -1 : ORDINALS.get(o);
    if (n === undefined || n > 5) return null;
    nth = n;
    kind = "week";
    k = i + 2;
  } else if ((c === W.first || c === W.last) && !sc.isDef(i) && sc.bare(i + 1, W.day)) {
    kind = c === W.first ? "firstDay" : "lastDay";
    k = i + 2;
  } else return null;
  if (!sc.bare(k, W.of) && !sc.bare(k, W.in)) return null;
  k++;
  if (sc.ref === null) return null;
  const r = fromDayNumber(sc.ref);
  let y: number;
  let m: number | null = null;
  const named = namedMonth(sc, k, dateDirection(sc, i, undefined));
  const year = named ? null : yearReference(sc, k);
  if (named) {
    y = named.y as number; // the reference is known here
    m = named.m;
    k = named.e;
  } else if (year) {
    y = r.y + year.shift;
    k = year.e;
  } else if (sc.defWord(k) === W.month || sc.defWord(k) === W.year || sc.defWord(k) === W.year2) {
    // الشهر / العام alone: the current one
    y = r.y;
    if (sc.defWord(k) === W.month) m = r.m;
    k++;
  } else return null;
  if (kind === "week" && m === null) return null;
  const first = dayNumber(y, m ?? 1, 1);
  const last = m === null ? dayNumber(y + 1, 1, 1) - 1 : dayNumber(y, m + 1, 1) - 1;
  if (kind === "firstDay") return dayHit(i, k, first, 0.85);
  if (kind === "lastDay") return dayHit(i, k, last, 0.85);
  const start = nth > 0 ? first + 7 * (nth - 1) : last - 6;
  if (start > last) return null;
  const end = Math.min(start + 6, last);
  return {
    s: i,
    e: k,
    type: "DATE",
    value: `(${isoDay(start)},${isoDay(end)},P${end - start + 1}D)`,
    day: start,
    grain: "W",
    conf: 0.75,
  };
}

function finishWeekdayInWeek(
  sc: Scanner,
  s: number,
  e: number,
  weekday: number,
  shift: number,
): Hit {
  if (sc.ref === null) {
    return { s, e, type: "DATE", value: `XXXX-WXX-${weekday}`, grain: "D", conf: 0.8 };
  }
  const monday = weekStart(sc.ref) + 7 * shift;
  return dayHit(s, e, monday + weekday - 1, 0.85);
}

/** الأسبوع الماضي / من الأسبوع المقبل / هذا الأسبوع after a weekday. */
function weekReference(sc: Scanner, i: number): { shift: number; e: number } | null {
  let k = i;
  if (sc.bare(k, W.of) || sc.bare(k, W.in)) k++;
  if (DEMONSTRATIVES.has(sc.c(k)) && sc.defWord(k + 1) === W.week) return { shift: 0, e: k + 2 };
  if (sc.defWord(k) !== W.week) return null;
  const rel = relativeSuffix(sc, k + 1);
  if (!rel) return null;
  return { shift: rel.shift, e: rel.e };
}

/** A weekday name; "الاثنين" (also "both"), "الأحد" (also "the one") need support. */
function weekdayName(
  sc: Scanner,
  i: number,
  supported: boolean,
  first: boolean,
): { wd: number; e: number } | null {
  const c = sc.ca(i);
  const wd = WEEKDAYS.get(c);
  if (wd === undefined) return null;
  if (!first && sc.pre[i] !== "") return null;
  if (!sc.preOk(i)) return null;
  const def = sc.isDef(i);
  if (!def && !supported) {
    // bare ثلاثاء، أربعاء are unambiguous; خميس and جمعة are names, أحد "one", اثنين "two"
    if (wd !== 2 && wd !== 3) return null;
  }
  if (!supported) {
    const prev = sc.ca(i - 1);
    if (wd === 1) {
      if (prev === W.between || prev === W.both || prev === W.bothF) return null;
      if (sc.c(i + 1) === W.together) return null;
      if (sc.conj(i + 1) && (CARDINALS.get(sc.ca(i + 1)) ?? 0) >= 20) return null;
    }
    if (wd === 5 && (prev === W.prayer || prev === W.sermon)) return null;
    if (wd === 7 && (prev === W.one || prev === W.oneF)) return null;
    // الأحد عشر: eleven
    if (wd === 7 && (sc.c(i + 1) === "عشر" || sc.c(i + 1) === "عشره")) return null;
  }
  return { wd, e: i + 1 };
}

/**
 * A calendar date: numeric (21/1/2025), day-month (22 أكتوبر، الحادي والعشرين من يناير), month
 * first (شباط 13), month (+ year), with a year, a relative word and Hijri months.
 */
function calendarDate(sc: Scanner, i: number, supported: boolean): CalDate | null {
  return numericDate(sc, i, supported) ?? dayFirst(sc, i) ?? monthFirst(sc, i, supported);
}

/** 22 أكتوبر، الحادي والعشرين من يناير، 13 الى 15 تموز، 14 الشهر الجاي. */
function dayFirst(sc: Scanner, i: number): CalDate | null {
  let d: number;
  let k: number;
  let d2: number | undefined;
  const t = sc.toks[i];
  const range = t?.kind === "number" ? NUMERIC_DD.exec(asciiDigits(t.text)) : null;
  if (range) {
    d = Number(range[1]);
    d2 = Number(range[2]);
    if (d < 1 || d > 31 || d2 < 1 || d2 > 31 || d2 <= d) return null;
    k = i + 1;
  } else {
    const dn = dayOfMonth(sc, i);
    if (!dn) return null;
    d = dn.d;
    k = dn.e;
    // 13 الى 15 تموز, بين 4 و22 يناير
    const to = sc.norm(k);
    if (RANGE_TO.has(to) || sc.isPunct(k, "-–")) {
      const dn2 = dayOfMonth(sc, k + 1);
      if (dn2 && dn2.d > d) {
        const at = skipOf(sc, dn2.e);
        if (
          monthName(sc, at) ||
          monthReference(sc, at) ||
          (sc.bare(at, W.month) && monthName(sc, at + 1))
        ) {
          d2 = dn2.d;
          k = dn2.e;
        }
      }
    } else if (to === "و" && sc.digits(i) >= 0) {
      // يومي 1 و3 أوت 2016: the first day takes the month (and year) of the second
      const next = dayFirst(sc, k + 1);
      if (next && next.d !== undefined && next.d2 === undefined && next.m !== undefined) {
        const cal: CalDate = { ...next, e: k, d, conf: 0.85 };
        return cal;
      }
    }
  }
  // 2. أكتوبر، 2/ أكتوبر: a day in digits marked off from its month name
  if (sc.digits(i) >= 0 && sc.isPunct(k, "./") && monthName(sc, k + 1)) k++;
  let j = skipOf(sc, k);
  if (sc.bare(j, W.month) && MONTHS.has(sc.c(j + 1))) j++;
  const month = monthName(sc, j);
  if (month) {
    const cal: CalDate = { e: month.e, m: month.m, d, conf: 0.9 };
    if (month.hijri) cal.hijri = true;
    if (d2 !== undefined) cal.d2 = d2;
    yearAndRel(sc, cal);
    return cal;
  }
  // 14 الشهر الجاري; 12 الجاري with the month understood (day in digits after يوم or في);
  // العشرين من الشهر, the month being the current one
  let shift = monthReference(sc, j);
  if (!shift && sc.digits(i) >= 0 && (sc.bare(i - 1, W.day) || sc.bare(i - 1, W.in))) {
    // the understood noun is شهر, masculine: 5 الماضية (matches) is no date
    const w = sc.defWord(j);
    const r = RELATIVE.get(w);
    if (r !== undefined && j === k && !w.endsWith("ه")) shift = { shift: r, e: j + 1 };
  }
  if (!shift && j > k && sc.defWord(j) === W.month && sc.boundary(j + 1))
    shift = { shift: 0, e: j + 1 };
  if (shift) {
    const cal: CalDate = { e: shift.e, d, monthShift: shift.shift, conf: 0.85 };
    if (d2 !== undefined) cal.d2 = d2;
    return cal;
  }
  return null;
}

/** Skips "من" between a day and its month (الأول من مارس). */
function skipOf(sc: Scanner, k: number): number {
  return sc.bare(k, W.of) ? k + 1 : k;
}

/** الشهر الجاري / هذا الشهر / الشهر الماضي / الشهر قبل الماضي as a month shift. */
function monthReference(sc: Scanner, i: number): { shift: number; e: number } | null {
  if (DEMONSTRATIVES.has(sc.c(i)) && sc.defWord(i + 1) === W.month) return { shift: 0, e: i + 2 };
  if (sc.defWord(i) !== W.month) return null;
  const rel = relativeSuffix(sc, i + 1);
  if (!rel) return null;
  return { shift: rel.shift, e: rel.e };
}

/** A month name, then the same month in another series: نوفمبر/تشرين الثاني، ماي (أيار). */
export function monthName(
  sc: Scanner,
  i: number,
): { m: number; e: number; hijri: boolean; ambiguous: boolean } | null {
  const first = oneMonthName(sc, i);
  if (!first || first.hijri) return first;
  let j = first.e;
  const slash = sc.isPunct(j, "/(");
  if (slash) j++;
  const second = oneMonthName(sc, j);
  if (second && !second.hijri && second.m === first.m) {
    let e = second.e;
    if (sc.isPunct(e, ")")) e++;
    return { ...first, e, ambiguous: false };
  }
  return first;
}

function oneMonthName(
  sc: Scanner,
  i: number,
): { m: number; e: number; hijri: boolean; ambiguous: boolean } | null {
  const c = sc.ca(i);
  const pre = sc.pre[i] ?? "";
  if (pre !== "" && pre !== "و" && pre !== "ب" && pre !== "ل" && pre !== "ف") return null;
  if (sc.isDef(i)) return null;
  const g = MONTHS.get(c);
  if (g !== undefined) return { m: g, e: i + 1, hijri: false, ambiguous: AMBIGUOUS_MONTH.has(c) };
  const pair = MONTH_PAIR.get(c);
  if (pair) {
    const m = pair.get(sc.norm(i + 1));
    if (m !== undefined) return { m, e: i + 2, hijri: false, ambiguous: false };
  }
  const h = HIJRI_MONTHS.get(c);
  if (h !== undefined) return { m: h, e: i + 1, hijri: true, ambiguous: true };
  const hp = HIJRI_PAIR.get(c);
  if (hp) {
    const m = hp.get(sc.norm(i + 1));
    if (m !== undefined) return { m, e: i + 2, hijri: true, ambiguous: false };
  }
  return null;
}

/** شباط 13، أكتوبر 2014، شهر أفريل 2013، شهر 12 السابق، رمضان 1446. */
function monthFirst(sc: Scanner, i: number, supported: boolean): CalDate | null {
  let k = i;
  let shahr = false;
  const head = sc.ca(k);
  if (
    (head === W.month || head === W.monthsPl || head === W.monthsDual) &&
    !sc.isDef(k) &&
    sc.preOk(k)
  ) {
    shahr = true;
    k++;
  }
  let month = monthName(sc, k);
  if (!month && shahr) {
    // شهر 12، شهر تسعة
    // (شهر واحد is "one month": a number word names a month only with a relative word after)
    const num = number(sc, k);
    if (num && num.v >= 1 && num.v <= 12 && Number.isInteger(num.v) && !num.ordinal) {
      if (!num.word || relativeSuffix(sc, num.e))
        month = { m: num.v, e: num.e, hijri: false, ambiguous: false };
    }
  }
  if (!month) return null;
  const cal: CalDate = { e: month.e, m: month.m, conf: 0.85 };
  if (month.hijri) cal.hijri = true;
  // أشهر أكتوبر ونوفمبر وديسمبر 2014: consecutive months sharing a year
  if (!month.hijri) {
    let last = month.m;
    let j = month.e;
    for (;;) {
      let at = j;
      if (sc.norm(at) === "و") at++;
      else if (sc.pre[at] !== "و") break;
      const next = monthName(sc, at);
      if (!next || next.hijri || next.m !== last + 1) break;
      last = next.m;
      j = next.e;
    }
    if (last > month.m) {
      cal.m2 = last;
      cal.e = j;
    }
  }
  // month then day: شباط 13، يوليو 13-15 (not a year, not a count before a noun)
  const t = sc.toks[cal.e];
  if (t?.kind === "number" && cal.m2 === undefined) {
    const s = asciiDigits(t.text);
    const dd = NUMERIC_DD.exec(s);
    const v = sc.digits(month.e);
    if (dd) {
      const a = Number(dd[1]);
      const b = Number(dd[2]);
      if (a >= 1 && b <= 31 && b > a) {
        cal.d = a;
        cal.d2 = b;
        cal.e = month.e + 1;
      }
    } else if (v >= 1 && v <= 31 && s.length <= 2 && !sc.isWordToken(month.e + 1)) {
      cal.d = v;
      cal.e = month.e + 1;
    } else if (v >= 1 && v <= 31 && s.length <= 2 && RANGE_TO.has(sc.norm(month.e + 1))) {
      const v2 = sc.digits(month.e + 2);
      if (v2 > v && v2 <= 31) {
        cal.d = v;
        cal.d2 = v2;
        cal.e = month.e + 3;
      }
    }
  }
  // month, dash or slash, day: يناير-1، أكتوبر/2
  if (cal.d === undefined && cal.m2 === undefined && sc.isPunct(cal.e, "-/")) {
    const v = sc.digits(cal.e + 1);
    if (v >= 1 && v <= 31 && sc.digitLength(cal.e + 1) <= 2 && !sc.isWordToken(cal.e + 2)) {
      cal.d = v;
      cal.e += 2;
    }
  }
  // month then an ordinal day in words: يناير الثاني والعشرين، مارس الحادي عشر
  if (t?.kind === "word" && cal.d === undefined && cal.m2 === undefined && sc.isDef(cal.e)) {
    const num = number(sc, cal.e);
    if (num?.ordinal && num.v >= 1 && num.v <= 31 && Number.isInteger(num.v)) {
      cal.d = num.v;
      cal.e = num.e;
    }
  }
  yearAndRel(sc, cal);
  const hasSupport =
    shahr ||
    supported ||
    cal.d !== undefined ||
    cal.y !== undefined ||
    cal.rel !== undefined ||
    cal.yearShift !== undefined ||
    monthContext(sc, i - 1);
  if (month.ambiguous && !hasSupport) return null;
  if (month.hijri && !shahr && cal.d === undefined && cal.y === undefined) return null;
  return cal;
}

/** Words before a month name that make it one: في، منذ، خلال، حتى، مطلع... */
function monthContext(sc: Scanner, i: number): boolean {
  const c = sc.ca(i);
  return (
    c === W.in ||
    c === W.since ||
    c === W.during ||
    c === W.until ||
    c === W.from ||
    c === W.to ||
    c === W.to2 ||
    c === W.before ||
    c === W.after ||
    MODS.has(c)
  );
}

/** Year and relative word after a day-month or month: 2014، من عام 2015، من السنة الماضية، الماضي. */
function yearAndRel(sc: Scanner, cal: CalDate): void {
  const year = yearAfter(sc, cal.e);
  if (year) {
    cal.y = year.y;
    cal.e = year.e;
    if (year.hijri) cal.hijri = true;
    cal.conf = 0.95;
    return;
  }
  let k = cal.e;
  if (sc.bare(k, W.of)) k++;
  const shift = yearReference(sc, k);
  if (shift) {
    cal.yearShift = shift.shift;
    cal.e = shift.e;
    return;
  }
  const rel = relativeSuffix(sc, cal.e);
  if (rel && !DEMONSTRATIVES.has(sc.c(cal.e))) {
    cal.rel = rel.shift;
    cal.e = rel.e;
  }
}

/** السنة الماضية / العام المقبل / هذه السنة / العام الحالي as a year shift. */
export function yearReference(sc: Scanner, i: number): { shift: number; e: number } | null {
  if (DEMONSTRATIVES.has(sc.c(i))) {
    const w = sc.defWord(i + 1);
    if (w === W.year || w === W.year2) return { shift: 0, e: i + 2 };
    return null;
  }
  const w = sc.defWord(i);
  if (w !== W.year && w !== W.year2) return null;
  const rel = relativeSuffix(sc, i + 1);
  return rel ? { shift: rel.shift, e: rel.e } : null;
}

/** A year right after a date: 2014، عام 2015، من عام 2015، 1446 هـ. */
export function yearAfter(sc: Scanner, i: number): { y: number; e: number; hijri: boolean } | null {
  let k = i;
  // a comma or a dash before it: 22 يناير، 2018; يناير - 2016
  if (sc.isPunct(k, ",،-–") && sc.digits(k + 1) >= 1000 && sc.digitLength(k + 1) === 4) k++;
  if (sc.bare(k, W.of) && (isYearWord(sc, k + 1) || sc.digits(k + 1) >= 1000)) k++;
  if (isYearWord(sc, k)) k++;
  const v = sc.digits(k);
  if (v < 100 || v > 2999 || sc.digitLength(k) < 3) return null;
  return eraSuffix(sc, k + 1, v);
}

function isYearWord(sc: Scanner, i: number): boolean {
  const c = sc.ca(i);
  return (c === W.year || c === W.year2) && (sc.pre[i] === "" || sc.pre[i] === "ل");
}

function eraSuffix(sc: Scanner, i: number, y: number): { y: number; e: number; hijri: boolean } {
  const c = sc.c(i);
  if (sc.def[i] === 0 && (c === "ه" || c === W.hijriWord || c === W.hijriWordF)) {
    return { y, e: i + 1, hijri: true };
  }
  if (sc.norm(i) === W.hijriFor) return { y, e: i + 1, hijri: true };
  if (isEraMark(sc, i) || sc.norm(i) === W.ceFor) return { y, e: i + 1, hijri: false };
  return { y, e: i, hijri: false };
}

/** Turns a calendar date into a hit, choosing the year where the text leaves it open. */
function calendarHit(
  sc: Scanner,
  s: number,
  e: number,
  cal: CalDate,
  weekday: number | null,
  anchor?: number,
): Hit | null {
  const ref = sc.ref;
  const conf = cal.conf;
  if (cal.hijri) return hijriHit(sc, s, e, cal);
  let y = cal.y;
  if (y === undefined && cal.yearShift !== undefined && ref !== null)
    y = fromDayNumber(ref).y + cal.yearShift;
  if (cal.m === undefined) return null;
  const m = cal.m;
  if (cal.d === undefined) {
    // a month
    const yy = y === undefined ? "XXXX" : pad4(y);
    if (cal.m2 !== undefined) {
      // a run of months: a quarter, a half, or an interval
      const m2 = cal.m2;
      let value = `(${yy}-${pad2(m)},${yy}-${pad2(m2)},P${m2 - m}M)`;
      if (m2 - m === 2 && m % 3 === 1) value = `${yy}-Q${(m + 2) / 3}`;
      else if (m2 - m === 5 && m % 6 === 1) value = `${yy}-H${(m + 5) / 6}`;
      const hit: Hit = { s, e, type: "DATE", value, grain: "M", conf };
      if (y !== undefined) hit.day = dayNumber(y, m, 1);
      else if (ref !== null) {
        const py = placeMonth(ref, m, dateDirection(sc, s, cal.rel));
        hit.value = value.replaceAll("XXXX", pad4(py));
        hit.day = dayNumber(py, m, 1);
      }
      return hit;
    }
    let placed = false;
    if (y === undefined) {
      if (ref === null) return { s, e, type: "DATE", value: `XXXX-${pad2(m)}`, grain: "M", conf };
      y = placeMonth(ref, m, dateDirection(sc, s, cal.rel));
      placed = cal.rel === undefined;
    }
    const month: Hit = {
      s,
      e,
      type: "DATE",
      value: isoMonth(y, m),
      day: dayNumber(y, m, 1),
      grain: "M",
      conf,
    };
    // a year the reader chose may move to keep a range running forward (من ديسمبر إلى فبراير)
    if (placed) month.yearless = true;
    return month;
  }
  const d = cal.d;
  if (y === undefined) {
    if (ref === null) {
      const v = `XXXX-${pad2(m)}-${pad2(d)}`;
      if (cal.d2 !== undefined) {
        return {
          s,
          e,
          type: "DATE",
          value: `(${v},XXXX-${pad2(m)}-${pad2(cal.d2)},P${cal.d2 - d}D)`,
          grain: "D",
          conf,
        };
      }
      return { s, e, type: "DATE", value: v, grain: "D", conf };
    }
    const dir = dateDirection(sc, s, cal.rel);
    // a relative word (الماضي، الجاري) says more about the year than a weekday
    const wd = cal.rel === undefined ? (weekday ?? undefined) : undefined;
    const day = placeDayMonth(ref, m, d, dir, wd, anchor);
    if (day === null) return null;
    y = fromDayNumber(day).y;
  }
  const chosen = cal.y === undefined;
  if (!isValidDate(y, m, d)) return null;
  const start = dayNumber(y, m, d);
  if (cal.d2 !== undefined && isValidDate(y, m, cal.d2)) {
    const end = dayNumber(y, m, cal.d2);
    return {
      s,
      e,
      type: "DATE",
      value: `(${isoDay(start)},${isoDay(end)},P${end - start}D)`,
      day: start,
      grain: "D",
      conf,
    };
  }
  const hit = dayHit(s, e, start, conf);
  if (chosen) hit.yearless = true;
  return hit;
}

function hijriHit(sc: Scanner, s: number, e: number, cal: CalDate): Hit | null {
  const ref = sc.ref;
  const m = cal.m;
  if (m === undefined) {
    // a Hijri year: the Gregorian days it spans
    if (cal.y === undefined) return null;
    const a = fromHijri(cal.y, 1, 1);
    const b = fromHijri(cal.y + 1, 1, 1);
    if (a === null || b === null)
      return { s, e, type: "DATE", value: `AH${cal.y}`, grain: "Y", conf: 0.8 };
    return {
      s,
      e,
      type: "DATE",
      value: `(${isoDay(a)},${isoDay(b - 1)},P1Y)`,
      day: a,
      grain: "Y",
      conf: 0.85,
    };
  }
  let y = cal.y;
  if (y === undefined) {
    if (ref === null) return null;
    const h = toHijri(ref);
    if (!h) return null;
    y = h.y;
    // a day-month on or before the reference, like Gregorian ones
    if (cal.d !== undefined && (m > h.m || (m === h.m && cal.d > h.d)) && cal.rel !== 1) y -= 1;
  }
  if (cal.d === undefined) {
    const a = fromHijri(y, m, 1);
    const b = fromHijri(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1);
    if (a === null || b === null) return null;
    return {
      s,
      e,
      type: "DATE",
      value: `(${isoDay(a)},${isoDay(b - 1)},P${b - a}D)`,
      day: a,
      grain: "M",
      conf: 0.85,
    };
  }
  const day = fromHijri(y, m, cal.d);
  if (day === null) return null;
  return dayHit(s, e, day, 0.9);
}

/** How to place a date the text leaves open: by its relative word, after منذ, or by the convention. */
function dateDirection(sc: Scanner, s: number, rel: number | undefined): Direction {
  if (rel === -1 || sc.ca(s - 1) === W.since) return "before";
  if (rel === 1) return "after";
  if (rel === 0) return "current";
  if (sc.opts.bareDates === "forward") return "onOrAfter";
  return futureCue(sc, s) ? "onOrAfter" : "past";
}

/**
 * The words before an underspecified date make it future: سوف، a سـ-future verb (سيعقد), an
 * imperfect verb just before (يصل، ويتواصل إلى), or a word of scheduling (المقرر، المنتظر).
 */
function futureCue(sc: Scanner, s: number): boolean {
  for (let k = s - 1; k >= 0 && k >= s - 6; k--) {
    const t = sc.toks[k];
    if (t?.kind !== "word") return false;
    let w = t.norm ?? "";
    if (w === W.sawfa || SCHEDULE_WORDS.has(w)) return true;
    if (isFutureVerb(sc, k)) return true;
    if (w.length >= 5 && (w.charCodeAt(0) === 0x648 || w.charCodeAt(0) === 0x641)) w = w.slice(1);
    if (k >= s - 3 && w.length >= 4 && w.charCodeAt(0) === 0x64a && sc.core[k] === "") return true;
  }
  return false;
}

/** سأعود، وسيصدر: سـ on an imperfect that the corpus knows without it (not سيارة, سنة). */
export function isFutureVerb(sc: Scanner, k: number): boolean {
  const t = sc.toks[k];
  if (t?.kind !== "word") return false;
  let w = t.norm ?? "";
  if (w.length >= 5 && (w.charCodeAt(0) === 0x648 || w.charCodeAt(0) === 0x641)) w = w.slice(1);
  if (w.length < 4 || w.charCodeAt(0) !== 0x633 || !"يتنا".includes(w[1] as string)) return false;
  const restCount = wordCount(w.slice(1));
  return restCount >= 10 && restCount >= wordCount(w);
}

export function dayHit(s: number, e: number, day: number, conf: number): Hit {
  return { s, e, type: "DATE", value: isoDay(day), day, grain: "D", conf };
}

function dayOfMonthHit(
  sc: Scanner,
  s: number,
  e: number,
  d: number,
  weekday: number | undefined,
  conf: number,
): Hit | null {
  if (sc.ref === null) {
    return { s, e, type: "DATE", value: `XXXX-XX-${pad2(d)}`, grain: "D", conf };
  }
  const day = placeDayOfMonth(sc.ref, d, dateDirection(sc, s, undefined), weekday);
  return day === null ? null : dayHit(s, e, day, conf);
}

/**
 * سأعود في 15: a bare day of the month after في, only where a future verb leads to it and the
 * clause ends there (في 15 ولاية is a count).
 */
function dayNumberAfterIn(sc: Scanner, i: number): Hit | null {
  if (sc.toks[i]?.kind !== "number" || sc.digitLength(i) > 2 || !sc.boundary(i + 1)) return null;
  if (!sc.bare(i - 1, W.in) || !isFutureVerb(sc, i - 2)) return null;
  const d = sc.digits(i);
  return d >= 1 && d <= 31 ? dayOfMonthHit(sc, i, i + 1, d, undefined, 0.6) : null;
}

/** Years: عام 2022، سنة 2016، العام 2017، في 2022 (bare years need context), عام ألفين وعشرين. */
function yearPhrase(sc: Scanner, i: number): Hit | null {
  const c = sc.ca(i);
  if ((c === W.yearDual || c === W.yearDual2) && sc.preOk(i)) {
    // عامي 2010 و2015
    const a = sc.digits(i + 1);
    let j = i + 2;
    if (sc.norm(j) === "و") j++;
    const b = sc.digits(j);
    if (a >= 1000 && b > a && b < 3000) {
      const first: Hit = yearHit(i, i + 2, a, 0.9);
      const second: Hit = yearHit(j, j + 1, b, 0.9);
      return makeRange(sc, first, second);
    }
    return null;
  }
  if (isYearWordAny(sc, i)) {
    // العام المالي 2016، السنة الدراسية 2015: a definite adjective between the noun and the year
    const adjective = sc.isDef(i) && sc.isWordToken(i + 1) && sc.norm(i + 1).startsWith("ال");
    if (adjective && sc.core[i + 1] === "" && sc.digits(i + 2) >= 1000) {
      // (a year of the last two centuries: العام السياحي 2500 سائح counts tourists)
      const y = sc.digits(i + 2);
      if (y >= 1900 && y <= 2100 && sc.digitLength(i + 2) === 4) return yearHit(i, i + 3, y, 0.8);
    }
    const v = sc.digits(i + 1);
    if (v >= 100 && v <= 2999 && sc.digitLength(i + 1) >= 3) {
      const era = eraSuffix(sc, i + 2, v);
      if (era.hijri) return hijriHit(sc, i, era.e, { e: era.e, y: v, hijri: true, conf: 0.9 });
      return yearHit(i, era.e, v, 0.95);
    }
    const num = number(sc, i + 1);
    if (num?.word && num.v >= 1000 && num.v <= 2999) return yearHit(i, num.e, num.v, 0.85);
    return null;
  }
  const t = sc.toks[i];
  const yy = t?.kind === "number" ? NUMERIC_YY.exec(asciiDigits(t.text)) : null;
  if (yy) {
    // 2019-2020, 2015/2016
    const a = Number(yy[1]);
    const b = Number(yy[2]);
    if (a < 1900 || a > 2099 || b <= a || b - a > 10) return null;
    return makeRange(sc, yearHit(i, i + 1, a, 0.8), yearHit(i, i + 1, b, 0.8));
  }
  if (t?.kind === "word" && sc.bare(i - 1, W.in)) {
    // في ألفين وأربعة عشر: a year in words of the last two centuries, ending its phrase (a
    // counted noun after it makes it an amount: في ألفين وأربعة عشر متظاهرا)
    const num = number(sc, i);
    if (num?.word && !num.ordinal && num.v >= 1900 && num.v <= 2099) {
      if (!sc.isWordToken(num.e) || AFTER_YEAR.has(sc.norm(num.e)))
        return yearHit(i, num.e, num.v, 0.7);
    }
    return null;
  }
  const v = sc.digits(i);
  if (v < 1900 || v > 2099 || !t || t.text.length !== 4) return null;
  const prev = sc.toks[i - 1];
  const prevNorm = prev?.kind === "word" ? (prev.norm ?? "") : "";
  const prevCore = sc.ca(i - 1);
  const strong =
    YEAR_CONTEXT.has(prevNorm) ||
    YEAR_CONTEXT.has(prevCore) ||
    (prevNorm.length > 1 && YEAR_CONTEXT.has(prevNorm.slice(1)));
  const nextFree = !sc.isWordToken(i + 1) || AFTER_YEAR.has(sc.norm(i + 1)) || isEraMark(sc, i + 1);
  if (!strong && !nextFree) return null;
  if (!strong && prev?.kind === "symbol") return null; // $2000
  const era = eraSuffix(sc, i + 1, v);
  return yearHit(i, era.e, v, strong ? 0.85 : 0.7);
}

export function isYearWordAny(sc: Scanner, i: number): boolean {
  const c = sc.ca(i);
  return (c === W.year || c === W.year2) && sc.preOk(i);
}

export function yearHit(s: number, e: number, y: number, conf: number): Hit {
  return { s, e, type: "DATE", value: pad4(y), day: dayNumber(y, 1, 1), grain: "Y", conf };
}
