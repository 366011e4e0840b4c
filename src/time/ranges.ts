/** Modifiers, ranges and what may follow an expression: أكثر من، أواخر، من X إلى Y، بين X و Y. */
import type { TimeExpression } from "../analysis.js";
import {
  dayNumber,
  fromDayNumber,
  isoDay,
  isoMonth,
  isoWeekValue,
  isValidDate,
  weekStart,
} from "./calendar.js";
import { clockExpr, podAdverb, podAfterClock, podExpr, podHit, timeOf } from "./clock.js";
import { HOURS, MODS, W } from "./lexicon.js";
import { asciiDigits } from "./numbers.js";
import { periodHit, relativeSuffix } from "./relative.js";
import type { Scanner } from "./scan.js";
import type { ClockContext, Hit } from "./types.js";
import { dateExpr, dayHit } from "./worded-dates.js";

/** Words that join the two ends of a range (إلى، حتى، لغاية، and with و: وحتى، وإلى). */
export const RANGE_TO = new Set(["الي", "حتي", "لغايه", "غايه", "والي", "وحتي", "ولغايه"]);

/** Modifier words before an expression: أكثر من، حوالي، أواخر، منتصف... */
export function modifier(
  sc: Scanner,
  i: number,
): { mod: NonNullable<TimeExpression["mod"]>; e: number } | null {
  const c = sc.ca(i);
  const pre = sc.pre[i] ?? "";
  if (pre !== "" && pre !== "و" && pre !== "ف" && pre !== "ب" && pre !== "ل") return null;
  if ((c === W.more || c === W.more2) && sc.bare(i + 1, W.from))
    return { mod: "MORE_THAN", e: i + 2 };
  if (c === W.less && sc.bare(i + 1, W.from)) return { mod: "LESS_THAN", e: i + 2 };
  if (c === W.some3 && !sc.isDef(i)) {
    const v = sc.c(i + 1);
    if (v === W.not && sc.c(i + 2) === W.lessV && isAboutOrOn(sc, i + 3))
      return { mod: "EQUAL_OR_MORE", e: i + 4 };
    if ((v === W.exceeds || v === W.exceeds2 || v === W.exceeds3) && isAboutOrOn(sc, i + 2))
      return { mod: "MORE_THAN", e: i + 3 };
    if (v === W.exceeds3) return { mod: "MORE_THAN", e: i + 2 };
    if (v === W.lessV && isAboutOrOn(sc, i + 2)) return { mod: "LESS_THAN", e: i + 3 };
    if (v === W.approx || v === W.approx2) return { mod: "APPROX", e: i + 2 };
  }
  if (c === W.in && sc.c(i + 1) === W.limits && !sc.isDef(i + 1))
    return { mod: "APPROX", e: i + 2 };
  const mod = MODS.get(c);
  if (mod && !sc.isDef(i)) {
    // أول and آخر are mostly ordinals: only "أول العام", "آخر الشهر" read as START/END here.
    if (c === W.first || c === W.last) {
      const next = sc.defWord(i + 1);
      if (next !== W.month && next !== W.year && next !== W.year2 && next !== W.week) return null;
    }
    return { mod, e: i + 1 };
  }
  return null;
}

function isAboutOrOn(sc: Scanner, i: number): boolean {
  const c = sc.c(i);
  return c === W.about || c === W.upon || c === W.from;
}

export function modified(sc: Scanner, i: number): Hit | null {
  let s = i;
  if (sc.ca(i) === W.weekend && sc.preOk(i) && sc.ca(i + 1) === "نهايه" && sc.pre[i + 1] === "")
    s = i + 1;
  const m = modifier(sc, s);
  if (!m) return null;
  if (
    m.mod === "END" &&
    sc.defWord(m.e) === W.week &&
    !relativeSuffix(sc, m.e + 1) &&
    sc.ref !== null
  ) {
    // (عطلة) نهاية الأسبوع: this week's weekend
    const monday = weekStart(sc.ref);
    return {
      s: i,
      e: m.e + 1,
      type: "DATE",
      value: `${isoWeekValue(monday)}-WE`,
      day: monday + 5,
      grain: "W",
      conf: 0.8,
    };
  }
  // في حدود / حوالي may introduce a clock time: في حدود الساعة الخامسة
  const base = sc.baseAt(m.e);
  let inner = base ? extend(sc, base) : rangeFrom(sc, m.e);
  const noun = sc.defWord(m.e);
  if (!inner && (m.mod === "START" || m.mod === "MID" || m.mod === "END") && sc.ref !== null) {
    // نهاية الشهر، منتصف العام، بداية الأسبوع: the current one
    if (noun === W.month || noun === W.year || noun === W.year2 || noun === W.week) {
      inner = periodHit(m.e, m.e + 1, noun, sc.ref, 0, 0.8);
    }
  }
  if (!inner) return null;
  const span = m.mod === "START" || m.mod === "MID" || m.mod === "END";
  if (span) {
    // نهاية الأسبوع is the weekend, منتصف الليل midnight: those are their own words.
    if (inner.type !== "DATE" || inner.grain === "D" || inner.grain === "X") return null;
    if (inner.grain === "W" && m.mod === "END" && inner.day !== undefined) {
      return { ...inner, s: i, value: `${inner.value}-WE`, day: inner.day + 5, conf: 0.8 };
    }
  } else if (inner.type === "SET") return null;
  return { ...inner, s: i, mod: m.mod };
}

/** من X إلى Y / بين X و Y, with X and Y of the same type. */
export function rangeFrom(sc: Scanner, i: number): Hit | null {
  const c = sc.c(i);
  if (c !== W.from && c !== W.between) return null;
  if (sc.pre[i] !== "" && sc.pre[i] !== "و") return null;
  const first = sc.baseAt(i + 1);
  // من 4 إلى 22 من هذا الشهر is a range already
  if (first?.value.startsWith("(")) return { ...first, s: i };
  const ranged = first ? rangeAfter(sc, first, c === W.between) : null;
  if (ranged) return { ...ranged, s: i };
  const hours = hourRange(sc, i + 1, c === W.between);
  return hours ? { ...hours, s: i } : null;
}

/** من 5 إلى 7 مساء، بين الثالثة والخامسة عصرا: a bare hour, then a clock time. */
function hourRange(sc: Scanner, i: number, between: boolean): Hit | null {
  // من الساعة 3 إلى 5، بين الساعة 2 و4: الساعة before the first hour serves both
  const saa = sc.ca(i) === W.hour && sc.isDef(i) && sc.preOk(i);
  const h = saa ? i + 1 : i;
  const t = sc.toks[h];
  let e: number;
  if (t?.kind === "number" && /^\d{1,2}$/.test(asciiDigits(t.text))) e = h + 1;
  else if (HOURS.has(sc.ca(h)) && sc.isDef(h) && (saa || sc.preOk(h))) {
    e = h + 1;
    if (sc.c(e) === "عشر" || sc.c(e) === "عشره") e++;
  } else return null;
  let j = e;
  if (between) {
    if (sc.norm(j) === "و") j++;
    else if (sc.pre[j] !== "و") return null;
  } else if (RANGE_TO.has(sc.norm(j)) || sc.isPunct(j, "-–")) j++;
  else return null;
  const second = clockExpr(sc, j, saa ? { day: null, undated: true, rangeEnd: true } : undefined);
  if (!second) return null;
  const first = reclock(sc, i, e, second);
  return first ? makeRange(sc, first, second) : null;
}

/** The clock at [s, e) read with the day and part of day of the range's other end. */
function reclock(sc: Scanner, s: number, e: number, other: Hit): Hit | null {
  const ctx: ClockContext = { day: other.dated ? (other.day ?? null) : null, end: e };
  if (!other.dated) ctx.undated = true;
  if (other.pod) ctx.pod = other.pod;
  return clockExpr(sc, s, ctx);
}

/** X followed by إلى/حتى/- Y (or و Y after بين): one range. */
function rangeAfter(sc: Scanner, first: Hit, between: boolean): Hit | null {
  if (first.type !== "DATE" && first.type !== "TIME") return null;
  const j = first.e;
  let secondStart = j;
  if (between) {
    if (sc.norm(j) === "و") secondStart = j + 1;
    else if (sc.pre[j] !== "و" && !(sc.toks[j]?.kind === "word" && sc.norm(j).startsWith("و")))
      return null;
  } else if (RANGE_TO.has(sc.norm(j)) || sc.isPunct(j, "-–—")) {
    secondStart = j + 1;
  } else return null;
  const second = sc.baseAt(secondStart);
  if (!second || second.type !== first.type) return null;
  const range = makeRange(sc, first, second);
  // a range runs forward: يناير - 2016 read as one would run backward, so it is not one
  const [a, b] = range.parts ?? [first, second];
  if (a.day !== undefined && b.day !== undefined && b.day < a.day) return null;
  return range;
}

export function makeRange(sc: Scanner, a: Hit, b: Hit): Hit {
  let first = a;
  let second = b;
  if (first.type === "TIME" && second.type === "TIME" && !first.pod && second.pod) {
    // من الساعة 3 إلى الساعة 5 مساء: the first takes the second's part of day when before it
    const re = reclock(sc, first.s, first.e, second);
    if (re && timeOf(re.value) <= timeOf(second.value)) first = { ...re, s: a.s };
  } else if (
    first.type === "TIME" &&
    second.type === "TIME" &&
    !first.pod &&
    !second.pod &&
    timeOf(second.value) < timeOf(first.value) &&
    timeOf(second.value) < 12 * 60
  ) {
    // من الساعة 10 إلى 2: clock times run forward, so the end is in the afternoon
    const re = reclock(sc, second.s, second.e, { ...second, pod: "AF" });
    if (re && timeOf(re.value) > timeOf(first.value)) second = { ...re, s: b.s };
  }
  // A range runs forward. An end whose year or week the reader chose moves, by years or weeks,
  // to the other side of the end the text fixed (من الأحد القادم إلى الخميس: the Thursday after);
  // where both were chosen, the start moves back in the news reading and the end forward in the
  // forward one.
  if (first.day !== undefined && second.day !== undefined && second.day < first.day) {
    const placed = (h: Hit) => h.yearless === true || h.weekless === true;
    const moveFirst = placed(first) && (!placed(second) || sc.opts.bareDates === "past");
    if (moveFirst) first = movedTo(first, second.day, -1);
    else if (placed(second)) second = movedTo(second, first.day, 1);
  }
  const value = intervalValue(first, second);
  const hit: Hit = {
    s: first.s,
    e: second.e,
    type: first.type,
    value,
    conf: Math.min(first.conf, second.conf),
  };
  hit.parts = [first, second];
  if (first.day !== undefined) hit.day = first.day;
  if (first.grain) hit.grain = first.grain;
  return hit;
}

/** h moved by years (yearless) or weeks (weekless), in direction dir, until it is on the far side of day. */
function movedTo(h: Hit, day: number, dir: 1 | -1): Hit {
  let moved = h;
  for (let step = 0; step < 3 && moved.day !== undefined; step++) {
    if (dir > 0 ? moved.day >= day : moved.day <= day) break;
    moved = h.yearless
      ? moveYear(moved, dir)
      : dayHit(moved.s, moved.e, moved.day + 7 * dir, moved.conf);
  }
  return moved;
}

function moveYear(h: Hit, years: number): Hit {
  if (h.day === undefined) return h;
  const f = fromDayNumber(h.day);
  if (!isValidDate(f.y + years, f.m, f.d)) return h;
  const day = dayNumber(f.y + years, f.m, f.d);
  if (h.grain === "M") return { ...h, value: isoMonth(f.y + years, f.m), day };
  return dayHit(h.s, h.e, day, h.conf);
}

/** Attach what may follow an expression: a clock time after a day, a day after a clock, a range. */
export function extend(sc: Scanner, hit: Hit): Hit {
  if (hit.parts) return rangeOnDay(sc, hit);
  let h = hit;
  if (h.type === "DATE" && h.grain === "D") {
    let j = h.e;
    if (sc.isPunct(j, "،,")) j++;
    const at = sc.ca(j);
    if ((at === W.upon || at === W.in || at === W.at) && sc.pre[j] === "") j++;
    const clock = clockExpr(sc, j, { day: h.day ?? null, dayValue: h.value });
    const range = clock ? null : rangeFrom(sc, j);
    // يوم الجمعة عند الظهر، أمس عند منتصف الليل: noon and midnight on that day
    const moment = clock || range || at !== W.at ? null : podExpr(sc, j);
    if (clock) h = { ...clock, s: h.s, conf: Math.max(clock.conf, h.conf) };
    else if (moment?.type === "TIME" && /T\d/.test(moment.value)) {
      // the moment's clock (T12, or T12:00 on the reference day in an article) on the date's day
      const date = h;
      const t = moment.value.slice(moment.value.indexOf("T"));
      const value = date.day === undefined ? `${date.value}${t}` : `${isoDay(date.day)}${t}`;
      h = { ...moment, s: date.s, value, dated: true };
      if (date.day !== undefined) h.day = date.day;
    } else if (range?.type === "TIME" && range.parts && !range.parts[0].dated) {
      // غدا بين الساعة 3 و5 مساء: both ends on that day
      const [a, b] = range.parts;
      const ctx = { day: h.day ?? null, dayValue: h.value };
      const first = clockExpr(sc, a.s, { ...ctx, end: a.e, ...(b.pod ? { pod: b.pod } : {}) });
      const second = clockExpr(sc, b.s, { ...ctx, end: b.e });
      if (first && second) h = { ...makeRange(sc, first, second), s: h.s, e: range.e };
    } else {
      // غدا صباحا، الأحد في المساء
      const pod = podAdverb(sc, h.e) ?? podAfterClock(sc, h.e);
      if (pod) h = podHit(sc, h.s, pod.e, h.day ?? null, pod.pod, true, h.value);
    }
  } else if (h.type === "TIME" && h.dated && h.pod && !/T\d/.test(h.value)) {
    // الليلة الساعة 8، صباح الغد على الساعة العاشرة
    let j = h.e;
    if (sc.isPunct(j, "،,")) j++;
    const at = sc.ca(j);
    if ((at === W.upon || at === W.in || at === W.at) && sc.pre[j] === "") j++;
    if (clockExpr(sc, j)) {
      const clock = clockExpr(sc, j, { day: h.day ?? null, dayValue: h.dayValue, pod: h.pod });
      if (clock) h = { ...clock, s: h.s };
    }
  } else if (h.type === "SET" && (h.value === "P1D" || h.value.startsWith("XXXX-WXX-"))) {
    // كل يوم اثنين في الساعة الرابعة عصرا: XXXX-WXX-1T16
    let j = h.e;
    const at = sc.ca(j);
    if ((at === W.upon || at === W.in || at === W.at) && sc.pre[j] === "") j++;
    const clock = clockExpr(sc, j, { day: null, free: true });
    if (clock) {
      const t = clock.value.slice(clock.value.indexOf("T"));
      h = { ...h, e: clock.e, value: h.value === "P1D" ? t : `${h.value}${t}` };
    }
  } else if (h.type === "TIME" && !h.dated) {
    // الخامسة بعد الزوال من اليوم السبت، العاشرة من صباح اليوم
    let j = h.e;
    if (sc.bare(j, W.of) || sc.isPunct(j, "،,")) j++;
    const day = dateExpr(sc, j);
    if (day && day.grain === "D" && day.type === "DATE") {
      const again = clockExpr(sc, h.s, { day: day.day ?? null, dayValue: day.value, end: h.e });
      if (again) h = { ...again, e: day.e };
    } else {
      const pod = podExpr(sc, j);
      if (pod?.dated && pod.pod) {
        const again = clockExpr(sc, h.s, {
          day: pod.day ?? null,
          dayValue: pod.dayValue,
          pod: pod.pod,
          end: h.e,
        });
        if (again) h = { ...again, e: pod.e };
      }
    }
  }
  const ranged = rangeAfter(sc, h, false);
  return ranged ? rangeOnDay(sc, ranged) : h;
}

/** A range of clock times followed by its day (من 5 إلى 7 مساء اليوم): both ends on that day. */
function rangeOnDay(sc: Scanner, h: Hit): Hit {
  const parts = h.parts;
  if (h.type !== "TIME" || !parts || parts[0].dated || parts[1].dated) return h;
  let j = h.e;
  if (sc.bare(j, W.of) || sc.isPunct(j, "،,")) j++;
  // its day (يوم الثلاثاء، اليوم) or a part of a day (صباح الغد)
  let day: Hit | null = dateExpr(sc, j);
  if (day?.type !== "DATE" || day.grain !== "D") {
    const pod = podExpr(sc, j);
    day = pod?.dated && pod.pod ? pod : null;
  }
  if (!day) return h;
  // both ends were read as clocks already, so a bare number is an hour here
  const dayCtx = { day: day.day ?? null, dayValue: day.dayValue ?? day.value, rangeEnd: true };
  // each end keeps the part of day it was read with (the range gave the first the second's),
  // else takes the day's (صباح الغد)
  const dayPod = day.type === "TIME" ? day.pod : undefined;
  const podOf = (part: Hit) => part.pod ?? dayPod;
  const [p0, p1] = [podOf(parts[0]), podOf(parts[1])];
  const a = clockExpr(sc, parts[0].s, { ...dayCtx, end: parts[0].e, ...(p0 ? { pod: p0 } : {}) });
  const b = clockExpr(sc, parts[1].s, { ...dayCtx, end: parts[1].e, ...(p1 ? { pod: p1 } : {}) });
  if (!a || !b) return h;
  return { ...makeRange(sc, a, b), s: h.s, e: day.e };
}

/** "(start,end,Pn)": a range as one TIMEX-style interval value. */
function intervalValue(a: Hit, b: Hit): string {
  let len = "";
  if (a.day !== undefined && b.day !== undefined) {
    if (a.grain === "Y" && b.grain === "Y") {
      len = `P${fromDayNumber(b.day).y - fromDayNumber(a.day).y}Y`;
    } else if (a.grain === "M" && b.grain === "M") {
      const fa = fromDayNumber(a.day);
      const fb = fromDayNumber(b.day);
      len = `P${(fb.y - fa.y) * 12 + fb.m - fa.m}M`;
    } else if (a.type === "DATE") {
      len = `P${b.day - a.day}D`;
    }
  }
  if (a.type === "TIME") {
    const ha = /T(\d{2})(?::(\d{2}))?/.exec(a.value);
    const hb = /T(\d{2})(?::(\d{2}))?/.exec(b.value);
    if (ha && hb) {
      let mins =
        Number(hb[1]) * 60 + Number(hb[2] ?? 0) - (Number(ha[1]) * 60 + Number(ha[2] ?? 0));
      if (mins < 0) mins += 24 * 60;
      const h = Math.floor(mins / 60);
      const m = mins % 60;
      len = `PT${h > 0 ? `${h}H` : ""}${m > 0 ? `${m}M` : ""}`;
      if (len === "PT") len = "PT0H";
    }
  }
  return `(${a.value},${b.value}${len ? `,${len}` : ""})`;
}
