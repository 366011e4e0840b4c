/** Durations: amounts of units (ثلاثة أيام، ساعة ونصف) and periods anchored to the reference. */
import { addMonths } from "./calendar.js";
import { CARDINALS, MODS, MONTHS, RELATIVE, UNITS, type Unit, W, WEEKDAYS } from "./lexicon.js";
import { number } from "./numbers.js";
import type { Scanner } from "./scan.js";
import type { Hit, Qty } from "./types.js";

// ---------- durations and sets ----------

const UNIT_CODE: Record<Unit, string> = {
  S: "S",
  MIN: "M",
  H: "H",
  D: "D",
  W: "W",
  M: "M",
  Y: "Y",
  DE: "DE",
  CE: "CE",
};

export function isTimeUnit(u: Unit): boolean {
  return u === "S" || u === "MIN" || u === "H";
}

/** Order of units, largest first, for sums such as P3Y6M. */
const UNIT_RANK: Record<Unit, number> = {
  CE: 9,
  DE: 8,
  Y: 7,
  M: 6,
  W: 5,
  D: 4,
  H: 3,
  MIN: 2,
  S: 1,
};

/**
 * A sum of whole amounts of decreasing units: P3Y6M, PT2H15M, P1DT6H. ISO 8601 lets weeks stand
 * only alone, so in a sum they are written as days (شهر وأسبوع → P1M7D).
 */
function compositeDuration(parts: [number, Unit][]): string {
  let date = "";
  let time = "";
  const inDays = parts.length > 1;
  for (const [given, givenUnit] of parts) {
    const [count, unit]: [number, Unit] =
      inDays && givenUnit === "W" ? [given * 7, "D"] : [given, givenUnit];
    const n = Number(count.toFixed(2));
    if (isTimeUnit(unit)) time += `${n}${UNIT_CODE[unit]}`;
    else date += `${n}${UNIT_CODE[unit]}`;
  }
  return `P${date}${time ? `T${time}` : ""}`;
}

/**
 * TIMEX3 duration: P3D, PT1H30M, PXD; halves in the next unit down where one exists. Counted
 * decades and centuries are written in years (نصف قرن → P50Y, عقدين → P20Y), the form every
 * reader compares; only a vague amount keeps its own unit (عقود → PXDE).
 */
export function durationValue(count: number, unit: Unit): string {
  const t = isTimeUnit(unit) ? "T" : "";
  const code = UNIT_CODE[unit];
  if (Number.isNaN(count)) return `P${t}X${code}`;
  if (unit === "DE" || unit === "CE") {
    const years = count * (unit === "DE" ? 10 : 100);
    if (Number.isInteger(years)) return `P${years}Y`;
  }
  const whole = Math.floor(count);
  const frac = count - whole;
  if (frac === 0) return `P${t}${whole}${code}`;
  const sub: Partial<Record<Unit, [string, number]>> = {
    Y: ["M", 12],
    D: ["H", 24],
    H: ["M", 60],
    MIN: ["S", 60],
  };
  const lower = sub[unit];
  if (lower) {
    const amount = Math.round(frac * lower[1]);
    const head = whole > 0 ? `${whole}${code}` : "";
    if (unit === "D") return `P${head}T${amount}H`;
    return `P${t}${head}${amount}${lower[0]}`;
  }
  return `P${t}${Number(count.toFixed(2))}${code}`;
}

/** An amount of a unit: 3 أيام، ثلاثة أسابيع، يومين، ساعة ونصف، نصف ساعة، بضعة أشهر، أيام. */
export function quantity(sc: Scanner, i: number): Qty | null {
  let k = i;
  let count: number | null = null;
  const c = sc.ca(i);
  if ((c === W.half || c === W.quarter) && !sc.isDef(i)) {
    const u = UNITS.get(sc.c(i + 1));
    if (u && u.count === 1 && !sc.isDef(i + 1)) {
      return { count: c === W.half ? 0.5 : 0.25, unit: u.unit, e: i + 2, single: false };
    }
    return null;
  }
  if ((c === W.some || c === W.some2 || c === W.several) && !sc.isDef(i)) {
    const u = UNITS.get(sc.c(i + 1));
    if (u && u.count === 0) return { count: Number.NaN, unit: u.unit, e: i + 2, single: false };
    return null;
  }
  const num = number(sc, i);
  let decimal = false;
  if (num) {
    if (num.ordinal) return null;
    count = num.v;
    k = num.e;
    decimal = !Number.isInteger(num.v);
  }
  // ليوم كامل، لعام كامل: a clitic-borne unit counts only when "whole" follows it
  const wholeNext = isWhole(sc, k + 1);
  const u = UNITS.get(count === null && k === i && wholeNext ? sc.ca(k) : sc.c(k));
  if (!u || sc.isDef(k)) return null;
  if (sc.pre[k] !== "" && count !== null) return null;
  let e = k + 1;
  let single = false;
  if (count === null) {
    if (sc.pre[k] !== "" && k !== i) return null;
    if (u.count === 2) count = 2;
    else if (u.count === 1 && u.acc) {
      // استمر شهرا، سيستمر أسبوعا: the accusative singular is "for a month"; يوما alone is
      // also "some day", so it needs a cue
      const whole = sc.norm(k + 1) === "كاملا" || sc.norm(k + 1) === "واحدا";
      if (u.unit === "D" && !whole && !durationCue(sc, k - 1)) return null;
      count = 1;
    } else if (u.count === 1) {
      // يوم 22 أكتوبر، سنة 2007، يوم الاثنين: a date noun, not an amount
      const next = sc.ca(k + 1);
      if (sc.toks[k + 1]?.kind === "number" || WEEKDAYS.has(next) || MONTHS.has(next)) return null;
      if (sc.defWord(k + 1) === W.tomorrowNoun || sc.c(k + 1) === W.tomorrowNoun) return null;
      // عقد is also "holding" (قبل عقد الجلسة): a lone decade or century ends the phrase
      if ((u.unit === "DE" || u.unit === "CE") && !sc.boundary(k + 1)) return null;
      count = 1;
      single = true;
    } else {
      count = Number.NaN;
      // أيام قليلة
      if (sc.c(e) === W.few || sc.c(e) === W.fewM) e++;
    }
  } else if (u.count === 2) {
    return null;
  }
  // ونصف / وربع
  if (!Number.isNaN(count)) {
    if ((sc.ca(e) === W.half || sc.ca(e) === W.quarter) && sc.pre[e] === "و") {
      count += sc.ca(e) === W.half ? 0.5 : 0.25;
      single = false;
      e++;
    } else if (sc.norm(e) === "و" && (sc.c(e + 1) === W.half || sc.c(e + 1) === W.quarter)) {
      count += sc.c(e + 1) === W.half ? 0.5 : 0.25;
      single = false;
      e += 2;
    }
    // يوم كامل، شهر واحد، يوما كاملا: one whole unit
    if (count === 1 && isWhole(sc, e)) {
      single = false;
      e++;
    }
  }
  const q: Qty = { count, unit: u.unit, e, single };
  if (decimal) q.decimal = true;
  return q;
}

/** كامل، كاملة، كاملا، واحد، واحدة، واحدا after a unit: one whole of it. */
function isWhole(sc: Scanner, i: number): boolean {
  const c = sc.c(i);
  const n = sc.norm(i);
  return (
    c === W.whole || c === W.wholeF || c === W.one || c === W.oneF || n === "كاملا" || n === "واحدا"
  );
}

/** Whether a quantity ends right before i (for "14 يوما في السنة"). */
export function quantityBefore(sc: Scanner, i: number): boolean {
  const last = sc.hits[sc.hits.length - 1];
  if (last && last.e === i && last.type === "DURATION") return true;
  const p = sc.ca(i - 1);
  return p === W.once || p === W.twice || p === W.times || sc.digits(i - 1) >= 0;
}

/**
 * Durations: ثلاثة أيام، 14 يوما، ساعة ونصف، لمدة شهر، الأيام الثلاثة الماضية، الخمسة عشر يوما
 * الأخيرة، السنوات الأخيرة (PXY), الأيام القادمة (PXD), بضعة أسابيع.
 */
export function durationExpr(sc: Scanner, i: number): Hit | null {
  const anchored = anchoredPeriod(sc, i) ?? lastPeriod(sc, i);
  if (anchored) return anchored;
  const c0 = sc.ca(i);
  if ((c0 === W.throughout || c0 === W.throughout2) && sc.preOk(i)) {
    // طوال اليوم، طيلة الأسبوع: the whole of it
    const u = UNITS.get(sc.defWord(i + 1));
    if (u && u.count === 1 && !u.acc) {
      return { s: i, e: i + 2, type: "DURATION", value: durationValue(1, u.unit), conf: 0.8 };
    }
    // طوال عقود، طيلة سنوات: an uncounted stretch
    const v = UNITS.get(sc.c(i + 1));
    if (v && v.count === 0 && !sc.isDef(i + 1) && !number(sc, i + 2)) {
      const e = sc.c(i + 2) === W.long || sc.c(i + 2) === W.longF ? i + 3 : i + 2;
      return { s: i, e, type: "DURATION", value: durationValue(Number.NaN, v.unit), conf: 0.75 };
    }
  }
  // في الثامنة من العمر / من عمرها: an age, so a number of years (not العقد الرابع من العمر, where the
  // ordinal counts another unit)
  const ord = sc.isDef(i) && sc.pre[i] === "" ? number(sc, i) : null;
  if (
    ord?.ordinal &&
    ord.word &&
    !UNITS.has(sc.ca(i - 1)) &&
    sc.bare(ord.e, W.of) &&
    (sc.defWord(ord.e + 1) === W.age || /^عمر(ه|ها|هم|هما|ي|ك)$/.test(sc.norm(ord.e + 1)))
  )
    return { s: i, e: ord.e + 2, type: "DURATION", value: `P${ord.v}Y`, conf: 0.75 };
  const q = quantity(sc, i);
  if (!q) return null;
  if (q.single) {
    // a lone "شهر" or "ساعة" is a duration only after لمدة، طيلة، خلال... or with a smaller
    // unit joined to it (ساعة و30 دقيقة)
    if (!durationCue(sc, i - 1) && !smallerPartAfter(sc, q)) return null;
  }
  if (Number.isNaN(q.count)) {
    // a bare plural (أيام) is too vague unless counted (بضعة أيام)
    const c = sc.ca(i);
    if (!(c === W.some || c === W.some2 || c === W.several)) return null;
  }
  let e = q.e;
  const value = q.decimal ? compositeDuration([[q.count, q.unit]]) : durationValue(q.count, q.unit);
  const hit: Hit = { s: i, e, type: "DURATION", value, conf: 0.85 };
  // ثلاث سنوات وستة أشهر، ساعتين و15 دقيقة: a sum of smaller units
  const parts: [number, Unit][] = [[q.count, q.unit]];
  let last = q;
  for (let next = smallerPartAfter(sc, last); next; next = smallerPartAfter(sc, last)) {
    parts.push([next.count, next.unit]);
    last = next;
  }
  if (parts.length > 1) {
    hit.value = compositeDuration(parts);
    hit.e = e = last.e;
  }
  // ... الماضية / الأخيرة / المقبلة: a duration that ends or starts at the reference, also after
  // an indefinite amount (3 أيام القادمة), as news and speech write it
  const rel = relativeOrRecent(sc, e);
  if (rel) {
    e = rel.e;
    hit.e = e;
    anchorDuration(sc, hit, q, rel.shift);
  }
  return hit;
}

/** و then a counted amount of a smaller unit right after q: ساعة و30 دقيقة، سنة وستة أشهر. */
function smallerPartAfter(sc: Scanner, q: Qty): Qty | null {
  if (Number.isNaN(q.count)) return null;
  let j = q.e;
  if (sc.norm(j) === "و") j++;
  else if (sc.pre[j] !== "و") return null;
  const next = sc.pre[j] === "و" ? quantityAfterAnd(sc, j) : quantity(sc, j);
  if (!next || Number.isNaN(next.count) || UNIT_RANK[next.unit] >= UNIT_RANK[q.unit]) return null;
  return next;
}

/** A quantity whose first word carries و (وستة أشهر): the number read from its core. */
function quantityAfterAnd(sc: Scanner, j: number): Qty | null {
  const v = CARDINALS.get(sc.ca(j));
  if (v !== undefined) {
    const u = UNITS.get(sc.c(j + 1));
    if (u && !sc.isDef(j + 1) && u.count !== 2)
      return { count: v, unit: u.unit, e: j + 2, single: false };
    return null;
  }
  const u = UNITS.get(sc.ca(j));
  if (u && !sc.isDef(j) && u.count > 0)
    return { count: u.count, unit: u.unit, e: j + 1, single: u.count === 1 };
  return null;
}

/** آخر ثلاثة أيام، آخر 24 ساعة: the period that ends at the reference. */
function lastPeriod(sc: Scanner, i: number): Hit | null {
  if (sc.ca(i) !== W.last || sc.isDef(i) || !sc.preOk(i)) return null;
  const q = quantity(sc, i + 1);
  if (!q || q.single || Number.isNaN(q.count)) return null;
  const hit: Hit = {
    s: i,
    e: q.e,
    type: "DURATION",
    value: durationValue(q.count, q.unit),
    conf: 0.8,
  };
  anchorDuration(sc, hit, q, -1);
  return hit;
}

/** "الأيام الثلاثة الماضية", "الأسابيع القليلة المقبلة", "السنوات الأخيرة", "الأسبوعين الماضيين". */
function anchoredPeriod(sc: Scanner, i: number): Hit | null {
  if (!sc.isDef(i) || !sc.preOk(i)) return null;
  const u = UNITS.get(sc.ca(i));
  if (!u || u.count === 1) return null;
  let k = i + 1;
  let count = u.count === 2 ? 2 : Number.NaN;
  if (u.count === 0) {
    const num = number(sc, k);
    if (num && sc.isDef(k) === true && !num.ordinal) {
      count = num.v;
      k = num.e;
    } else if (num && sc.norm(k) === "ال") {
      count = num.v;
      k = num.e;
    } else if (sc.c(k) === W.few || sc.c(k) === W.fewM) k++;
  }
  const rel = relativeOrRecent(sc, k);
  if (!rel) return null;
  if (Number.isNaN(count) && k === i + 1 && !isRecent(sc, k)) {
    // (خلال) الأيام المقبلة، في السنوات السابقة: no amount, so a pointer to the future or past
    // (the evaluation's guidelines); the stretch up to now, السنوات الأخيرة, stays PXY
    const value = rel.shift > 0 ? "FUTURE_REF" : "PAST_REF";
    return { s: i, e: rel.e, type: "DATE", value, conf: 0.75 };
  }
  const hit: Hit = {
    s: i,
    e: rel.e,
    type: "DURATION",
    value: durationValue(count, u.unit),
    conf: 0.8,
  };
  anchorDuration(sc, hit, { count, unit: u.unit, e: k, single: false }, rel.shift);
  return hit;
}

function isRecent(sc: Scanner, i: number): boolean {
  const d = sc.defWord(i);
  return d === W.recent || d === W.recentF || d === W.recentPl || d === W.recentDual;
}

function relativeOrRecent(sc: Scanner, i: number): { shift: number; e: number } | null {
  if (isRecent(sc, i)) return { shift: -1, e: i + 1 };
  const d = sc.defWord(i);
  const r = RELATIVE.get(d);
  if (r === undefined || r === 0) return null;
  return { shift: r, e: i + 1 };
}

/** The first day of a duration that ends at (past) or starts after (future) the reference. */
function anchorDuration(sc: Scanner, hit: Hit, q: Qty, shift: number): void {
  const ref = sc.ref;
  if (ref === null || Number.isNaN(q.count)) return;
  if (isTimeUnit(q.unit)) {
    // the next hours start on the reference day; the last ones began the day before at least
    const hours = q.unit === "H" ? q.count : q.unit === "MIN" ? q.count / 60 : q.count / 3600;
    hit.day = shift > 0 ? ref : ref - Math.max(1, Math.ceil(hours / 24));
    return;
  }
  if (shift > 0) {
    hit.day = ref + 1;
    return;
  }
  const n = q.count;
  let start: number;
  switch (q.unit) {
    case "D":
      start = ref - n;
      break;
    case "W":
      start = ref - 7 * n;
      break;
    case "M":
      start = addMonths(ref, -n);
      break;
    case "Y":
      start = addMonths(ref, -12 * n);
      break;
    default:
      return;
  }
  if (Number.isInteger(start)) hit.day = start;
}

function durationCue(sc: Scanner, i: number): boolean {
  const c = sc.ca(i);
  return (
    c === W.whileP ||
    c === W.duration ||
    c === W.throughout ||
    c === W.throughout2 ||
    c === W.during ||
    c === W.within ||
    c === W.within2 ||
    c === W.span ||
    c === W.span2 ||
    c === W.span3 ||
    c === W.from ||
    (MODS.get(c) === "APPROX" && !sc.isDef(i)) ||
    (c === W.limits && sc.bare(i - 1, W.in))
  );
}
