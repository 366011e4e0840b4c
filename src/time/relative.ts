/**
 * Relative dates: اليوم/أمس/غدا، الأسبوع الماضي، قبل ثلاثة أيام، quarters, seasons, decades,
 * centuries.
 */
import {
  addMonths,
  dayNumber,
  fromDayNumber,
  isoMonth,
  isoWeekValue,
  pad2,
  pad4,
  weekStart,
} from "./calendar.js";
import { durationValue, isTimeUnit, quantity, quantityBefore } from "./durations.js";
import {
  CARDINALS,
  DECADES,
  DEMONSTRATIVES,
  MODS,
  ORDINALS,
  PODS,
  RELATIVE,
  SEASONS,
  type Unit,
  W,
  WEEKDAYS,
} from "./lexicon.js";
import { number } from "./numbers.js";
import { modifier } from "./ranges.js";
import { dateInSentence, lastDay } from "./references.js";
import type { Scanner } from "./scan.js";
import type { Hit } from "./types.js";
import { dayHit, isYearWordAny, yearHit, yearReference } from "./worded-dates.js";

/** اليوم، أمس، أول أمس، غدا، بعد غد، البارحة، بكرة... as a day offset. */
export function relativeDay(
  sc: Scanner,
  i: number,
  afterYawm: boolean,
  first: boolean,
): { off: number; e: number } | null {
  if (!sc.preOk(i) && !first) return null;
  const c = sc.ca(i);
  const def = sc.isDef(i);
  if (c === W.yesterday || c === W.yesterday2 || c === W.mbareh || c === W.mbareh2) {
    // أمس الأول = the day before yesterday
    if (sc.c(i + 1) === W.first && sc.isDef(i + 1)) return { off: -2, e: i + 2 };
    return { off: -1, e: i + 1 };
  }
  if (c === W.first && !def) {
    // أول أمس, and أول من أمس with the partitive من between
    const k = sc.bare(i + 1, W.of) ? i + 2 : i + 1;
    const y = sc.c(k);
    if (y === W.yesterday || y === W.yesterday2 || y === W.mbareh) return { off: -2, e: k + 1 };
  }
  const afterPod = PODS.has(sc.ca(i - 1)) && !sc.isDef(i - 1);
  if (
    c === W.tomorrow ||
    c === W.bukra ||
    (c === W.tomorrowNoun && (def || afterYawm || afterPod))
  ) {
    return { off: 1, e: i + 1 };
  }
  if (c === W.after && !def) {
    const n = sc.c(i + 1);
    if (n === W.tomorrow || n === W.bukra || n === W.tomorrowNoun) return { off: 2, e: i + 2 };
  }
  if (c === W.today && def && !afterYawm) {
    // اليوم التالي / الماضي / الجاي...; not اليوم العالمي, اليوم الأول
    const next = sc.defWord(i + 1);
    if (next === W.world || next === W.national || next === W.intl || next === W.arab) return null;
    if ((ORDINALS.has(next) || CARDINALS.has(next)) && !WEEKDAYS.has(next)) return null;
    if (next === W.same || sc.c(i + 1) === W.self || sc.c(i + 1) === W.veryM) return null;
    const rel = relativeSuffix(sc, i + 1);
    if (rel) {
      if (next === "تالي" || next === "موالي" || next === "سابق") return null; // anaphora
      return { off: rel.shift, e: rel.e };
    }
    // في اليوم = per day after a quantity (a SET)
    if (sc.bare(i - 1, W.in) && quantityBefore(sc, i - 1)) return null;
    if (sc.c(i - 1) === W.that || sc.c(i - 1) === W.that2) return null;
    return { off: 0, e: i + 1 };
  }
  if (DEMONSTRATIVES.has(c) && sc.defWord(i + 1) === W.today) return { off: 0, e: i + 2 };
  return null;
}

/** A relative word after a noun: الماضي (-1), قبل الماضي (-2), المقبل (+1), بعد القادم (+2), الجاري (0). */
export function relativeSuffix(sc: Scanner, i: number): { shift: number; e: number } | null {
  const d = sc.defWord(i);
  const r = RELATIVE.get(d);
  if (r !== undefined) {
    return { shift: r, e: i + 1 };
  }
  const c = sc.c(i);
  if ((c === W.before || c === W.after) && !sc.isDef(i)) {
    const r2 = RELATIVE.get(sc.defWord(i + 1));
    if (c === W.before && r2 === -1) return { shift: -2, e: i + 2 };
    if (c === W.after && r2 === 1) return { shift: 2, e: i + 2 };
  }
  // السنة هاي: a demonstrative after the noun; before a definite noun (الجمعة هذا الأسبوع) it
  // belongs to that noun
  if (DEMONSTRATIVES.has(c) && !sc.isDef(i) && !sc.isDef(i + 1)) return { shift: 0, e: i + 1 };
  return null;
}

/** الأسبوع الماضي، الشهر المقبل، العام الجاري، هذه السنة، السنة هاي، الشهر قبل الماضي. */
export function relativePeriod(sc: Scanner, i: number): Hit | null {
  let k = i;
  let shift: number | null = null;
  if (DEMONSTRATIVES.has(sc.ca(k)) && sc.preOk(k)) {
    shift = 0;
    k++;
  }
  const noun = sc.defWord(k) || (sc.isDef(k) && sc.preOk(k) ? sc.ca(k) : "");
  if (noun !== W.week && noun !== W.month && noun !== W.year && noun !== W.year2) return null;
  k++;
  let anaphoric = false;
  if (shift === null) {
    const rel = relativeSuffix(sc, k);
    if (!rel) return null;
    const w = sc.defWord(k);
    anaphoric = w === "تالي" || w === "تاليه" || w === "موالي" || w === "مواليه";
    shift = rel.shift;
    k = rel.e;
  }
  const base = anaphoric ? lastDay(sc) : sc.ref;
  if (noun === W.week && base !== null) {
    // الأسبوع القادم يوم الأحد: that weekday of that week
    let j = k;
    if (sc.bare(j, W.day)) j++;
    const wd = WEEKDAYS.get(sc.c(j));
    if (wd !== undefined && (sc.isDef(j) || j > k)) {
      return dayHit(i, j + 1, weekStart(base) + 7 * shift + wd - 1, 0.85);
    }
  }
  if (base === null) {
    const value = noun === W.week ? "XXXX-WXX" : noun === W.month ? "XXXX-XX" : "XXXX";
    return {
      s: i,
      e: k,
      type: "DATE",
      value,
      grain: noun === W.week ? "W" : noun === W.month ? "M" : "Y",
      conf: 0.7,
    };
  }
  return periodHit(i, k, noun, base, shift, anaphoric ? 0.6 : 0.9);
}

export function periodHit(
  s: number,
  e: number,
  noun: string,
  base: number,
  shift: number,
  conf: number,
): Hit {
  if (noun === W.week) {
    const monday = weekStart(base) + 7 * shift;
    return { s, e, type: "DATE", value: isoWeekValue(monday), day: monday, grain: "W", conf };
  }
  if (noun === W.month) {
    const b = fromDayNumber(base);
    const first = addMonths(dayNumber(b.y, b.m, 1), shift);
    const f = fromDayNumber(first);
    return { s, e, type: "DATE", value: isoMonth(f.y, f.m), day: first, grain: "M", conf };
  }
  return yearHit(s, e, fromDayNumber(base).y + shift, conf);
}

/**
 * قبل ثلاثة أيام، منذ سنتين، بعد أسبوعين، قبل أيام (PAST_REF), بعد يوم من X (anchored to an
 * event: the date already given in the sentence, else a duration).
 */
export function quantityDate(sc: Scanner, i: number): Hit | null {
  const c = sc.ca(i);
  if ((c !== W.before && c !== W.after && c !== W.since) || sc.isDef(i) || !sc.preOk(i))
    return null;
  let k = i + 1;
  const m = modifier(sc, k);
  if (m && m.mod !== "START" && m.mod !== "MID" && m.mod !== "END") k = m.e;
  const q = quantity(sc, k);
  if (!q) return null;
  k = q.e;
  const past = c !== W.after;
  // من الآن: counted from the reference
  let fromNow = false;
  if (sc.bare(k, W.of) && sc.ca(k + 1) === W.now) {
    fromNow = true;
    k += 2;
  }
  // (قبل أيام من أن ...: with no amount, من أن is "that" of what was said, not an event)
  const thatClause = Number.isNaN(q.count) && sc.norm(k + 1) === "ان";
  if (!fromNow && sc.bare(k, W.of) && sc.isWordToken(k + 1) && !thatClause) {
    // anchored on an event: "بعد يوم من أداء ترامب اليمين"
    const given = m ? null : dateInSentence(sc, i);
    if (given) return { ...given, s: i, e: q.e, conf: 0.5 };
    const dur: Hit = {
      s: m ? i + 1 : i + 1,
      e: q.e,
      type: "DURATION",
      value: durationValue(q.count, q.unit),
      conf: 0.6,
    };
    if (m) dur.mod = m.mod;
    return dur;
  }
  if (Number.isNaN(q.count)) {
    return { s: i, e: k, type: "DATE", value: past ? "PAST_REF" : "FUTURE_REF", conf: 0.75 };
  }
  if (isTimeUnit(q.unit)) {
    // بعد ساعتين، قبل 10 دقائق: a moment of the reference day (its hour is not known)
    const dur: Hit = {
      s: i,
      e: k,
      type: "DURATION",
      value: durationValue(q.count, q.unit),
      conf: 0.6,
    };
    if (sc.ref !== null) dur.day = sc.ref;
    if (m) dur.mod = m.mod;
    return dur;
  }
  if (c === W.since && !fromNow) {
    // منذ ثلاثين عاما: how long it has lasted (the value), reaching back to a day (resolved)
    const dur: Hit = {
      s: i,
      e: k,
      type: "DURATION",
      value: durationValue(q.count, q.unit),
      conf: 0.8,
    };
    if (sc.ref !== null) dur.day = shiftDay(sc.ref, -q.count, q.unit);
    if (m) dur.mod = m.mod;
    return dur;
  }
  const hit = shiftedDate(sc, i, k, q.count * (past ? -1 : 1), q.unit);
  if (hit && m) hit.mod = m.mod;
  return hit;
}

/** The day n units from day `from` (months and longer by calendar months, rounded). */
function shiftDay(from: number, n: number, unit: Unit): number {
  const months: Partial<Record<Unit, number>> = { M: 1, Y: 12, DE: 120, CE: 1200 };
  const perMonth = months[unit];
  if (perMonth !== undefined) return addMonths(from, Math.round(n * perMonth));
  return from + Math.round(n * (unit === "W" ? 7 : 1));
}

/** The reference moved by n units, at that unit's grain (قبل شهرين → 2021-07). */
function shiftedDate(sc: Scanner, s: number, e: number, n: number, unit: Unit): Hit | null {
  const ref = sc.ref;
  if (ref === null) {
    const value =
      unit === "M"
        ? "XXXX-XX"
        : unit === "Y" || unit === "DE" || unit === "CE"
          ? "XXXX"
          : "XXXX-XX-XX";
    return { s, e, type: "DATE", value, grain: "X", conf: 0.7 };
  }
  if ((unit === "DE" || unit === "CE") && !Number.isInteger(n)) {
    // قبل نصف قرن: in years
    const years = n * (unit === "DE" ? 10 : 100);
    if (Number.isInteger(years)) return yearHit(s, e, fromDayNumber(ref).y + years, 0.7);
  }
  if (!Number.isInteger(n)) {
    // قبل عام ونصف: to the day
    const days = Math.round(
      n * (unit === "Y" ? 365.25 : unit === "M" ? 30.44 : unit === "W" ? 7 : 1),
    );
    return dayHit(s, e, ref + days, 0.8);
  }
  switch (unit) {
    case "D":
      return dayHit(s, e, ref + n, 0.9);
    case "W":
      return dayHit(s, e, ref + 7 * n, 0.85);
    case "M": {
      const day = addMonths(ref, n);
      const f = fromDayNumber(day);
      return { s, e, type: "DATE", value: isoMonth(f.y, f.m), day, grain: "M", conf: 0.85 };
    }
    case "Y":
      return yearHit(s, e, fromDayNumber(ref).y + n, 0.85);
    case "DE":
    case "CE": {
      // قبل ثلاثة عقود: at the grain of the unit, the decade (198) or century (19) it lands in
      const size = unit === "DE" ? 10 : 100;
      const y = fromDayNumber(ref).y + size * n;
      return yearSpanHit(s, e, Math.floor(y / size) * size, size, 0.6);
    }
    default:
      return null;
  }
}

/** Quarters, halves, seasons: الربع الأول من 2016، الثلاثي الأول، النصف الثاني من العام، صيف 2016. */
export function periodPart(sc: Scanner, i: number): Hit | null {
  const c = sc.ca(i);
  const def = sc.isDef(i);
  let kind: "Q" | "H" | null = null;
  if ((c === W.quarterPeriod || c === W.quarterTn) && def) kind = "Q";
  else if ((c === W.half || c === W.halfTn) && def) kind = "H";
  if (DEMONSTRATIVES.has(c) && sc.preOk(i)) {
    // هذا الصيف
    const se = SEASONS.get(sc.defWord(i + 1));
    if (se === undefined || sc.ref === null) return null;
    return {
      s: i,
      e: i + 2,
      type: "DATE",
      value: `${pad4(seasonYear(sc.ref, se, 0))}-${se}`,
      grain: "M",
      conf: 0.8,
    };
  }
  const season = SEASONS.get(c);
  if (kind) {
    const ord = sc.defWord(i + 1);
    let n = ORDINALS.get(ord);
    if (ord === "اخير") n = kind === "Q" ? 4 : 2;
    if (n === undefined || n > (kind === "Q" ? 4 : 2)) return null;
    let k = i + 2;
    const year = ofYear(sc, k);
    if (!year && !(sc.boundary(k) || sc.ref !== null)) return null;
    if (year) k = year.e;
    const y = year?.y ?? (sc.ref !== null ? fromDayNumber(sc.ref).y : null);
    if (!year && kind === "H" && c === W.half) return null; // النصف الأول alone is too vague
    if (y === null)
      return { s: i, e: k, type: "DATE", value: `XXXX-${kind}${n}`, grain: "M", conf: 0.7 };
    const firstMonth = kind === "Q" ? 3 * (n - 1) + 1 : 6 * (n - 1) + 1;
    return {
      s: i,
      e: k,
      type: "DATE",
      value: `${pad4(y)}-${kind}${n}`,
      day: dayNumber(y, firstMonth, 1),
      grain: "M",
      conf: 0.85,
    };
  }
  if (season && sc.preOk(i)) {
    let k = i + 1;
    let y: number | null = null;
    const year = ofYear(sc, k);
    if (year && !def) {
      y = year.y;
      k = year.e;
    } else if (def) {
      const rel = relativeSuffix(sc, k);
      if (rel && sc.ref !== null) {
        k = rel.e;
        y = seasonYear(sc.ref, season, rel.shift);
      } else if (rel || namesMovement(sc, k)) {
        return null;
      }
    } else return null;
    // الصيف alone: as given (SU) in a phrase, the reference year's in an article
    if (y === null && sc.opts.clock === "article" && sc.ref !== null) y = fromDayNumber(sc.ref).y;
    const value = y === null ? season : `${pad4(y)}-${season}`;
    return { s: i, e: k, type: "DATE", value, grain: "M", conf: y === null ? 0.7 : 0.8 };
  }
  return null;
}

/** Where season y starts (meteorological, northern): [year offset, month]; winter y starts in December of y - 1. */
const SEASON_START: Record<string, [number, number]> = {
  SP: [0, 3],
  SU: [0, 6],
  FA: [0, 9],
  WI: [-1, 12],
};

/**
 * The year of the season the relative word points at: الربيع الماضي is the last spring that has
 * ended (in December, this year's), الصيف المقبل the next one to start, هذا الصيف this year's.
 */
function seasonYear(ref: number, season: string, shift: number): number {
  const y0 = fromDayNumber(ref).y;
  const [offset, month] = SEASON_START[season] ?? [0, 1];
  const start = (y: number) => dayNumber(y + offset, month, 1);
  if (shift < 0) {
    let y = y0 + 1;
    while (addMonths(start(y), 3) > ref) y--;
    return y + shift + 1;
  }
  if (shift > 0) {
    let y = y0 - 1;
    while (start(y) <= ref) y++;
    return y + shift - 1;
  }
  // هذا الشتاء in December: the winter that has begun, labelled by the year it ends in
  return start(y0 + 1) <= ref ? y0 + 1 : y0;
}

/** الربيع العربي، الخريف الديمقراطي: a definite nisba adjective makes a season a movement's name. */
function namesMovement(sc: Scanner, i: number): boolean {
  const w = sc.norm(i);
  return (
    sc.isWordToken(i) &&
    w.startsWith("ال") &&
    w.length > 5 &&
    w.endsWith("ي") &&
    !RELATIVE.has(sc.defWord(i))
  );
}

/** "[من] [عام] 2016" or "[من] العام الماضي / هذا العام" → a year. */
export function ofYear(sc: Scanner, i: number): { y: number; e: number } | null {
  let k = i;
  if (sc.bare(k, W.of) || sc.norm(k) === "ل") k++;
  if (isYearWordAny(sc, k) && sc.digits(k + 1) >= 1000) return { y: sc.digits(k + 1), e: k + 2 };
  const v = sc.digits(k);
  if (v >= 1000 && v < 3000) return { y: v, e: k + 1 };
  const shift = yearReference(sc, k);
  if (shift && sc.ref !== null) return { y: fromDayNumber(sc.ref).y + shift.shift, e: shift.e };
  const t = sc.toks[i];
  if (t && isYearWordAny(sc, i) && sc.pre[i] === "ل") {
    const v2 = sc.digits(i + 1);
    if (v2 >= 1000) return { y: v2, e: i + 2 };
  }
  return null;
}

/** Decades and centuries: التسعينيات (199), القرن العشرين (19), القرن الماضي. */
export function decade(sc: Scanner, i: number): Hit | null {
  const c = sc.ca(i);
  const dec = DECADES.get(c);
  if (dec !== undefined && sc.preOk(i)) {
    let k = i + 1;
    let century = 19;
    if (sc.defWord(k) === W.century || sc.c(k) === W.century) {
      const cent = centuryNumber(sc, k + 1);
      if (cent) {
        century = cent.c;
        k = cent.e;
      }
    }
    return yearSpanHit(i, k, (century * 10 + dec) * 10, 10, 0.75);
  }
  // في العقد الماضي، خلال العقد القادم، في هذا العقد: the calendar decade before, after or around
  // the reference. العقد is as often "the contract" (وقعت هذا العقد، العقد القادم مع الشركة), so a
  // preposition of time or a modifier must lead to it, and the present needs هذا
  let shift: number | null = null;
  let k = i;
  const decadeWord = c === W.decade || (DEMONSTRATIVES.has(c) && sc.defWord(i + 1) === W.decade);
  if (decadeWord && timeLed(sc, i) && DEMONSTRATIVES.has(c) && sc.preOk(i)) {
    shift = 0;
    k = i + 2;
  } else if (decadeWord && timeLed(sc, i) && c === W.decade && sc.isDef(i) && sc.preOk(i)) {
    const rel = relativeSuffix(sc, i + 1);
    if (rel && rel.shift !== 0) {
      shift = rel.shift;
      k = rel.e;
    }
  }
  if (shift !== null && sc.ref !== null) {
    const d = Math.floor(fromDayNumber(sc.ref).y / 10) + shift;
    return yearSpanHit(i, k, d * 10, 10, 0.75);
  }
  if (c === W.century && sc.isDef(i) && sc.preOk(i)) {
    const cent = centuryNumber(sc, i + 1);
    if (!cent) return null;
    return yearSpanHit(i, cent.e, cent.c * 100, 100, 0.75);
  }
  return null;
}

/** A preposition of time or a modifier right before i: في، خلال، طوال، منذ، أواخر... */
function timeLed(sc: Scanner, i: number): boolean {
  const p = sc.ca(i - 1);
  const led =
    p === W.in ||
    p === W.during ||
    p === W.throughout ||
    p === W.throughout2 ||
    p === W.since ||
    MODS.has(p);
  return led && !sc.isDef(i - 1);
}

/** A decade (size 10: 199) or century (size 100: 19) starting in year `first`, resolved to its first day. */
function yearSpanHit(s: number, e: number, first: number, size: 10 | 100, conf: number): Hit {
  const value = size === 100 ? pad2(first / 100) : String(first / 10);
  const hit: Hit = { s, e, type: "DATE", value, grain: "Y", conf };
  if (first >= 1) hit.day = dayNumber(first, 1, 1);
  return hit;
}

/** The number of a century after القرن: العشرين (→ 19), الحادي والعشرين (20), الماضي. */
function centuryNumber(sc: Scanner, i: number): { c: number; e: number } | null {
  const rel = relativeSuffix(sc, i);
  if (rel && sc.ref !== null) {
    return { c: Math.floor(fromDayNumber(sc.ref).y / 100) + rel.shift, e: rel.e };
  }
  if (sc.norm(i) === "ال" || sc.digits(i) >= 0) {
    const num = number(sc, i);
    if (num && num.v >= 1 && num.v <= 30) return { c: num.v - 1, e: num.e };
  }
  if (!sc.isDef(i)) return null;
  const num = number(sc, i);
  if (!num || num.v < 1 || num.v > 30) return null;
  return { c: num.v - 1, e: num.e };
}
