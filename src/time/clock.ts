/**
 * Clock times and parts of the day: الساعة الثالثة عصرا، 14:30 بتوقيت غرينتش، صباح اليوم، الليلة.
 */
import { isoDay, pad2 } from "./calendar.js";
import { DEMONSTRATIVES, HOURS, MODS, PODS, type Pod, UNITS, W } from "./lexicon.js";
import { asciiDigits, number, numberStripped } from "./numbers.js";
import { RANGE_TO, rangeFrom } from "./ranges.js";
import { relativeSuffix } from "./relative.js";
import type { Scanner } from "./scan.js";
import type { ClockContext, Hit } from "./types.js";
import { dayPhrase } from "./worded-dates.js";

// ---------- clock times and parts of the day ----------

const CLOCK = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/;
const CLOCK_COMMA = /^(\d{1,2}),(\d{2})$/;

/**
 * A clock time: [الساعة] 14:30 | 7 | السابعة [والنصف | إلا ربعا | و10 دقائق] [صباحا/مساء/م/ص]
 * [بتوقيت غرينتش]. `ctx` carries the day (and part of day) named around it; `ctx.end` re-reads
 * a clock already found.
 */
export function clockExpr(sc: Scanner, i: number, ctx?: ClockContext): Hit | null {
  let k = i;
  let saa = false;
  if (sc.ca(k) === W.hour && sc.isDef(k) && sc.preOk(k)) {
    saa = true;
    k++;
  }
  let hour = -1;
  let minute = 0;
  let second = -1;
  let minutes = false;
  let numeric = false;
  const t = sc.toks[k];
  if (t?.kind === "number") {
    const s = asciiDigits(t.text);
    const m = CLOCK.exec(s) ?? (timezone(sc, k + 1)?.utc ? CLOCK_COMMA.exec(s) : null);
    if (m && (s.includes(":") || saa || !CLOCK.test(s) || timezone(sc, k + 1))) {
      hour = Number(m[1]);
      minute = Number(m[2]);
      if (m[3] !== undefined) second = Number(m[3]);
      minutes = true;
      numeric = true;
      k++;
    } else if (/^\d{1,2}$/.test(s)) {
      hour = Number(s);
      numeric = true;
      k++;
    } else if (
      (/^\d{4}$/.test(s) || (saa && /^\d{3}$/.test(s))) &&
      (saa || (podAdverb(sc, k + 1) && Number(s) < 1300)) &&
      !sc.countedNoun(k + 1)
    ) {
      // 0945 صباحا، الساعة 1715: hours and minutes written together
      hour = Math.floor(Number(s) / 100);
      minute = Number(s) % 100;
      minutes = true;
      numeric = true;
      k++;
    } else return null;
  } else {
    const c = sc.ca(k);
    const h = HOURS.get(c);
    if (h === undefined || (!sc.isDef(k) && c !== W.oneF)) return null;
    if (sc.pre[k] !== "" && !(k === i && sc.preOk(k))) return null;
    hour = h;
    k++;
    // الحادية عشرة (11), الثانية عشرة (12)
    const teen = sc.c(k) === "عشر" || sc.c(k) === "عشره";
    if (teen && (h === 11 || h === 2)) {
      hour = h === 11 ? 11 : 12;
      k++;
    } else if (h === 11) return null; // الحادية alone
  }
  if (hour < 0 || hour > 24 || minute > 59 || second > 59) return null;
  // fractions: والنصف، والربع، والثلث، إلا ربعا، و10 دقائق
  const frac = clockFraction(sc, k);
  if (frac) {
    minute = frac.minutes;
    minutes = true;
    k = frac.e;
    if (frac.minus) hour = (hour + 23) % 24;
  }
  const reread = ctx?.end !== undefined;
  let pod = reread && k >= (ctx?.end as number) ? null : (podAdverb(sc, k) ?? podAfterClock(sc, k));
  if (!pod && numeric && !reread) {
    // 7 م / 7 ص: the abbreviations of مساء and صباحا
    const ab = sc.norm(k);
    if ((ab === "م" || ab === "ص") && sc.toks[k]?.kind === "word")
      pod = { pod: ab === "م" ? "EV" : "MO", e: k + 1 };
  }
  if (pod) k = pod.e;
  let exact = false;
  if (sc.c(k) === W.exactly) {
    exact = true;
    k++;
  }
  const tz = timezone(sc, k);
  if (tz) k = tz.e;
  if (reread) k = Math.min(k, ctx?.end as number);
  if (!pod && ctx?.pod) pod = { pod: ctx.pod, e: k };
  // Accepted: الساعة, a clock with a colon, a part of day, an hour word with a fraction, or an
  // hour word after في/عند/حتى at a clause end.
  const hourWord = !numeric;
  const accepted =
    saa ||
    (numeric && minutes) ||
    pod !== null ||
    (hourWord && (frac !== null || exact)) ||
    // العاشرة من صباح اليوم: the part of the day and its day follow (extend attaches them)
    (hourWord &&
      (clockPreposition(sc, i - 1) || sc.boundary(i - 1) || i === 0) &&
      sc.bare(k, W.of) &&
      PODS.has(sc.c(k + 1)) &&
      !sc.isDef(k + 1) &&
      dayPhrase(sc, k + 2)?.grain === "D") ||
    (hourWord && clockPreposition(sc, i - 1) && (sc.boundary(k) || isConjunctionWord(sc, k))) ||
    // عند الخامسة فتح الباب: "at" makes the hour whatever follows (not an age: عند الخامسة من عمره)
    (hourWord && sc.ca(i - 1) === W.at && !sc.isDef(i - 1) && !sc.bare(k, W.of)) ||
    (reread && (hourWord || ctx?.undated === true)) ||
    (ctx?.rangeEnd === true && !sc.countedNoun(k));
  if (!accepted) return null;
  if (numeric && !minutes && !saa && hour > 12 && !pod) return null;
  if (pod) hour = shiftHour(hour, pod.pod);
  if (hour === 24) hour = 0;
  const z = tz?.utc ? "Z" : "";
  const article = sc.opts.clock === "article";
  const dated = ctx !== undefined && ctx.undated !== true && ctx.free !== true;
  let onDay = dated ? (ctx?.day ?? null) : null;
  if (onDay === null && article && !dated && ctx?.free !== true) onDay = sc.ref;
  const hh = pad2(hour);
  const secs = second >= 0 ? `:${pad2(second)}` : "";
  const clock = article || minutes ? `T${hh}:${pad2(minute)}${secs}${z}` : `T${hh}${z}`;
  let value: string;
  if (onDay !== null) value = `${isoDay(onDay)}${clock}`;
  else if (dated && ctx?.dayValue !== undefined) value = `${ctx.dayValue}${clock}`;
  else value = clock;
  const hit: Hit = { s: i, e: k, type: "TIME", value, conf: saa || minutes ? 0.9 : 0.8 };
  if (onDay !== null) hit.day = onDay;
  if (dated) hit.dated = true;
  if (pod) hit.pod = pod.pod;
  return hit;
}

function isConjunctionWord(sc: Scanner, i: number): boolean {
  return sc.norm(i) === "و" || sc.c(i) === W.until || RANGE_TO.has(sc.norm(i));
}

function clockPreposition(sc: Scanner, i: number): boolean {
  const c = sc.ca(i);
  return (
    c === W.in ||
    c === W.at ||
    c === W.until ||
    c === W.by ||
    c === W.upon ||
    c === W.from ||
    c === W.to ||
    c === W.to2 ||
    c === W.since ||
    MODS.get(c) === "APPROX"
  );
}

function clockFraction(
  sc: Scanner,
  k: number,
): { minutes: number; minus: boolean; e: number } | null {
  let j = k;
  let plus = false;
  if (sc.norm(j) === "و") {
    plus = true;
    j++;
  } else if (sc.pre[j] === "و") plus = true;
  const c = sc.ca(j);
  if (plus) {
    if (c === W.half) return { minutes: 30, minus: false, e: j + 1 };
    if (c === W.quarter) return { minutes: 15, minus: false, e: j + 1 };
    if (c === W.third) return { minutes: 20, minus: false, e: j + 1 };
    const num = sc.pre[j] === "و" ? numberStripped(sc, j) : number(sc, j);
    if (num && num.v > 0 && num.v < 60 && isMinuteUnit(sc, num.e)) {
      return { minutes: num.v, minus: false, e: num.e + 1 };
    }
    if (sc.pre[j] === "و" || sc.norm(k) === "و") {
      const d = sc.digits(j);
      if (d > 0 && d < 60 && isMinuteUnit(sc, j + 1)) return { minutes: d, minus: false, e: j + 2 };
    }
    return null;
  }
  if (c === W.except && sc.pre[j] === "") {
    const c2 = sc.ca(j + 1);
    if (c2 === W.quarter || sc.norm(j + 1) === "ربعا")
      return { minutes: 45, minus: true, e: j + 2 };
    if (c2 === W.third || sc.norm(j + 1) === "ثلثا") return { minutes: 40, minus: true, e: j + 2 };
    const num = number(sc, j + 1);
    if (num && num.v > 0 && num.v < 60 && isMinuteUnit(sc, num.e)) {
      return { minutes: 60 - num.v, minus: true, e: num.e + 1 };
    }
  }
  return null;
}

function isMinuteUnit(sc: Scanner, i: number): boolean {
  const u = UNITS.get(sc.c(i));
  return u !== undefined && u.unit === "MIN";
}

/** صباحا، مساء، ظهرا، عصرا، ليلا، فجرا after a clock or a day; بعد الظهر، بعد الزوال. */
export function podAdverb(sc: Scanner, i: number): { pod: Pod; e: number } | null {
  const c = sc.c(i);
  if (c === W.after && !sc.isDef(i)) {
    const n = sc.defWord(i + 1);
    if (n === W.afternoon || n === W.afternoon2 || n === "ظهر") return { pod: "AF", e: i + 2 };
    return null;
  }
  if (c === W.before && !sc.isDef(i)) {
    const n = sc.defWord(i + 1);
    if (n === W.afternoon || n === "ظهر") return { pod: "MO", e: i + 2 };
    return null;
  }
  const p = PODS.get(c);
  if (p === undefined || sc.isDef(i)) return null;
  // adverbs only: صباحا، مساء (also the construct noun when nothing follows)
  const norm = sc.norm(i);
  const adverb = norm.endsWith("ا") || norm === "مساء" || norm === "مساءا";
  if (!adverb) return null;
  if (c === "ليلا" && sc.conj(i + 1) && sc.ca(i + 1) === "نهارا") return null;
  return { pod: p, e: i + 1 };
}

/** "من صباح/مساء ..." or "في الصباح/المساء" after a clock time: the part of day alone. */
export function podAfterClock(sc: Scanner, i: number): { pod: Pod; e: number } | null {
  let k = i;
  if (sc.bare(k, W.of) || sc.bare(k, W.in)) k++;
  else return null;
  const p = PODS.get(sc.ca(k));
  if (p === undefined || sc.pre[k] !== "") return null;
  if (sc.isDef(k)) return { pod: p, e: k + 1 };
  return null;
}

function timezone(sc: Scanner, i: number): { e: number; utc: boolean } | null {
  const n = sc.norm(i);
  if (n === W.timezone || (sc.ca(i) === W.timing && sc.pre[i] === "ب")) {
    const next = sc.norm(i + 1);
    const utc =
      next === W.gmt ||
      next === W.gmt2 ||
      next === W.gmt3 ||
      next === W.gmt4 ||
      next === "gmt" ||
      next === "utc";
    if (sc.isWordToken(i + 1)) return { e: i + 2, utc };
    return { e: i + 1, utc: false };
  }
  if (n === "gmt" || n === "utc") return { e: i + 1, utc: true };
  // ت غ (توقيت غرينتش), also written ت.غ
  if (n === "ت" && sc.norm(i + 1) === "غ") return { e: i + 2, utc: true };
  if (n === "ت" && sc.isPunct(i + 1, ".") && sc.norm(i + 2) === "غ") return { e: i + 3, utc: true };
  // بالتوقيت المحلي
  if (sc.ca(i) === W.timing && sc.isDef(i) && sc.pre[i] === "ب") {
    return { e: sc.norm(i + 1) === W.local ? i + 2 : i + 1, utc: false };
  }
  return null;
}

/**
 * Parts of the day: صباح اليوم، مساء أمس الجمعة، ليلة الجمعة، هذا الصباح، الليلة، الليلة
 * الماضية، في المساء، صباحا (alone).
 */
export function podExpr(sc: Scanner, i: number): Hit | null {
  const c = sc.ca(i);
  const pod = PODS.get(c);
  const def = sc.isDef(i);
  if (pod !== undefined && !def && sc.preOk(i)) {
    // منتصف الليل handled as a modifier miss: see midnight below
    const norm = sc.norm(i);
    const adverb = norm.endsWith("ا") && c !== "ليله";
    if (!adverb) {
      const day = dayPhrase(sc, i + 1);
      if (day && day.grain === "D")
        return podHit(sc, i, day.e, day.day ?? null, pod, true, day.value);
      // مساء الساعة الثامنة: the part of the day, then its hour
      return clockAfterPod(sc, i, i + 1, pod);
    }
    // an adverb alone: وصل صباحا
    if (c === "ليلا" && sc.conj(i + 1)) return null;
    return podHit(sc, i, i + 1, null, pod, false);
  }
  if (DEMONSTRATIVES.has(c) && sc.preOk(i)) {
    const p = PODS.get(sc.defWord(i + 1));
    if (p !== undefined) return podHit(sc, i, i + 2, sc.ref, p, true);
    return null;
  }
  if (c === "ليله" && def && sc.preOk(i)) {
    // الليلة، الليلة الماضية، الليلة المقبلة
    const rel = relativeSuffix(sc, i + 1);
    if (rel && !DEMONSTRATIVES.has(sc.c(i + 1))) {
      // الليلة الماضية is last night; الليلة القادمة/المقبلة is the coming one, tonight
      const day = sc.ref === null ? null : sc.ref + Math.min(rel.shift, 0);
      return podHit(sc, i, rel.e, day, "NI", sc.ref !== null);
    }
    if (sc.norm(i + 1) === "الفاصله" && sc.bare(i + 2, W.between)) {
      // الليلة الفاصلة بين السبت والأحد: the night that starts on the first of the two days
      const span = rangeFrom(sc, i + 2);
      if (span?.day !== undefined) return podHit(sc, i, span.e, span.day, "NI", true);
    }
    const next = sc.toks[i + 1];
    if (next && sc.isWordToken(i + 1) && !sc.conj(i + 1) && sc.core[i + 1] === "") return null; // ليلة القدر…
    return podHit(sc, i, i + 1, sc.ref, "NI", sc.ref !== null);
  }
  if (pod !== undefined && def && sc.ca(i - 1) === W.in && !sc.isDef(i - 1) && c !== "ليله") {
    // في الصباح، في المساء
    return podHit(sc, i, i + 1, null, pod, false);
  }
  if (
    (c === W.afternoon2 && def && sc.preOk(i)) ||
    (c === "ظهر" && def && sc.pre[i] === "" && (sc.bare(i - 1, W.at) || sc.bare(i - 1, W.until)))
  ) {
    // الظهيرة، عند الظهر: noon, a moment rather than the midday part of the day
    return clockValueHit(sc, i, i + 1, 12);
  }
  if (c === W.after && !def && sc.preOk(i)) {
    // بعد الظهر, alone or before its hour (بعد الظهر الساعة 4)
    const p = podAdverb(sc, i);
    if (p) return clockAfterPod(sc, i, p.e, p.pod) ?? podHit(sc, i, p.e, null, p.pod, false);
  }
  if ((c === W.after || c === W.before) && !def && sc.preOk(i) && sc.bare(i + 1, "ظهر")) {
    // بعد ظهر اليوم، قبل ظهر الأحد: the afternoon or the morning of that day
    const day = dayPhrase(sc, i + 2);
    if (day && day.grain === "D")
      return podHit(sc, i, day.e, day.day ?? null, c === W.after ? "AF" : "MO", true, day.value);
  }
  if (c === "منتصف" || c === W.in) {
    // منتصف الليل / منتصف النهار
    const k = c === W.in ? i + 1 : i;
    if (sc.ca(k) !== "منتصف") return null;
    const w = sc.defWord(k + 1);
    if (w === W.midnight || w === "ليله") return clockValueHit(sc, i, k + 2, 0);
    if (w === W.noon) return clockValueHit(sc, i, k + 2, 12);
  }
  return null;
}

/** A clock time right after a part of the day that stands before it: مساء الساعة 8 → T20. */
function clockAfterPod(sc: Scanner, s: number, k: number, pod: Pod): Hit | null {
  // only الساعة or digits: an ordinal after a part of the day is its adjective (الليلة السادسة)
  if (!(sc.ca(k) === W.hour && sc.isDef(k)) && sc.toks[k]?.kind !== "number") return null;
  const clock = clockExpr(sc, k, { day: null, pod, undated: true });
  if (!clock || sc.countedNoun(clock.e)) return null;
  return { ...clock, s };
}

function clockValueHit(sc: Scanner, s: number, e: number, hour: number): Hit {
  const article = sc.opts.clock === "article";
  const clock = article ? `T${pad2(hour)}:00` : `T${pad2(hour)}`;
  const hit: Hit = {
    s,
    e,
    type: "TIME",
    value: article && sc.ref !== null ? `${isoDay(sc.ref)}${clock}` : clock,
    conf: 0.8,
  };
  if (article && sc.ref !== null) hit.day = sc.ref;
  return hit;
}

/** A part of the day on a day: 2017-05-05TEV; on no day, TEV (phrase) or the reference day (article). */
export function podHit(
  sc: Scanner,
  s: number,
  e: number,
  day: number | null,
  pod: Pod,
  dated: boolean,
  dayValue?: string,
): Hit {
  let onDay = day;
  if (onDay === null && !dated && sc.opts.clock === "article") onDay = sc.ref;
  const suffix = `T${pod}`;
  let value: string;
  if (onDay !== null) value = `${isoDay(onDay)}${suffix}`;
  else if (dayValue !== undefined) value = `${dayValue}${suffix}`;
  else value = suffix;
  const hit: Hit = { s, e, type: "TIME", value, conf: 0.8, pod };
  if (onDay !== null) hit.day = onDay;
  if (dated) hit.dated = true;
  if (dayValue !== undefined) hit.dayValue = dayValue;
  return hit;
}

function shiftHour(hour: number, pod: Pod): number {
  switch (pod) {
    case "MO":
      return hour === 12 ? 0 : hour;
    case "MI":
      return hour < 6 ? hour + 12 : hour;
    case "AF":
    case "EV":
      return hour < 12 ? hour + 12 : hour;
    case "NI":
      if (hour === 12) return 0;
      return hour >= 6 && hour < 12 ? hour + 12 : hour;
  }
}

/** Minutes since midnight of the clock in a TIME value (T15, T15:30, 2016-11-07T15:30). */
export function timeOf(value: string): number {
  const m = /T(\d{2})(?::(\d{2}))?/.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2] ?? 0) : -1;
}
