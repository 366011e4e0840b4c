/**
 * Reference words and back-references to dates already found: الآن، مؤخرا، نفس اليوم، اليوم التالي.
 */
import { dayNumber, fromDayNumber } from "./calendar.js";
import { DEICTICS, DEMONSTRATIVES, RELATIVE, UNITS, W } from "./lexicon.js";
import { number } from "./numbers.js";
import { ofYear } from "./relative.js";
import type { Scanner } from "./scan.js";
import type { Grain, Hit } from "./types.js";
import { dateExpr, dayHit } from "./worded-dates.js";

// ---------- reference words, anaphora, holidays ----------

/** The latest day-grain date found so far (anaphora), else the reference. */
export function lastDay(sc: Scanner): number | null {
  for (let k = sc.hits.length - 1; k >= 0; k--) {
    const h = sc.hits[k] as Hit;
    if (h.day !== undefined && (h.grain === "D" || h.type === "TIME")) return h.day;
  }
  return sc.ref;
}

/** The nearest earlier day-grain date in the same sentence. */
export function dateInSentence(sc: Scanner, i: number): Hit | null {
  const start = sc.sentenceStart(sc.toks[i]?.start ?? 0);
  for (let k = sc.hits.length - 1; k >= 0; k--) {
    const h = sc.hits[k] as Hit;
    if ((sc.toks[h.s]?.start ?? 0) < start) return null;
    if (h.type === "DATE" && h.grain === "D" && h.day !== undefined) return h;
  }
  return null;
}

/** الآن، حاليا، مؤخرا، سابقا، مستقبلا، الوقت الحالي، في وقت سابق، في المستقبل، يوما ما. */
export function deictic(sc: Scanner, i: number): Hit | null {
  const c = sc.ca(i);
  const v = DEICTICS.get(c);
  if (v && sc.preOk(i)) {
    let s = i;
    const p = sc.ca(i - 1);
    if (c === W.now && (p === W.until || p === W.until3 || p === W.to || p === W.to2)) s = i - 1;
    const hit: Hit = { s, e: i + 1, type: "DATE", value: v, conf: 0.8 };
    if (v === "PRESENT_REF" && sc.ref !== null) hit.day = sc.ref;
    return hit;
  }
  if (c === W.time && sc.isDef(i)) {
    const w = sc.defWord(i + 1);
    if (w === "حالي" || w === W.present) return refHit(sc, i, i + 2, "PRESENT_REF");
    return null;
  }
  if (c === W.time && !sc.isDef(i) && afterIn(sc, i)) {
    const w = sc.c(i + 1);
    // في وقت سابق من الشهر الجاري، في وقت سابق اليوم: earlier in a period that is named
    if ((w === W.prevDay || w === W.later) && !sc.isDef(i + 1)) {
      const k = sc.bare(i + 2, W.of) ? i + 3 : i + 2;
      const period = dateExpr(sc, k);
      if (period && period.type === "DATE" && /^\d/.test(period.value) && period.s === k)
        return { ...period, s: i, conf: 0.7 };
    }
    if (w === W.prevDay && !sc.isDef(i + 1)) return refHit(sc, i, i + 2, "PAST_REF");
    if (w === W.later && !sc.isDef(i + 1)) return refHit(sc, i, i + 2, "FUTURE_REF");
    return null;
  }
  if (afterIn(sc, i) && sc.isDef(i) && sc.pre[i] === "") {
    if (c === W.past && !sc.isWordToken(i + 1)) return refHit(sc, i, i + 1, "PAST_REF");
    if (c === W.future) return refHit(sc, i, i + 1, "FUTURE_REF");
  }
  if (c === W.nearest && !sc.isDef(i) && sc.c(i + 1) === W.time && !sc.isDef(i + 1)) {
    // في أقرب وقت (ممكن): as soon as possible
    const e = sc.c(i + 2) === W.possible ? i + 3 : i + 2;
    return refHit(sc, i, e, "FUTURE_REF");
  }
  if (c === "قريب" && sc.isDef(i) && afterIn(sc, i) && sc.norm(i + 1) === W.urgent) {
    return refHit(sc, i, i + 2, "FUTURE_REF");
  }
  const vague = vagueReference(sc, i);
  if (vague) return vague;
  if (sc.norm(i) === "يوما" && sc.digits(i - 1) < 0 && !number(sc, i - 1)) {
    // يوما ما، يوما من الأيام، قرر يوما أن: "some day"
    const n = sc.norm(i + 1);
    if (n === "ما") return refHit(sc, i, i + 2, "FUTURE_REF");
    if (n === "ان") return refHit(sc, i, i + 1, "FUTURE_REF");
  }
  return null;
}

/**
 * Phrases that point at the past, present or future without a date: في السابق، في ذلك الوقت،
 * منذ فترة طويلة، في هذه الفترة، الفترة المقبلة، في الآونة الأخيرة، من قبل (ending its clause),
 * قريبا. A في before them belongs to the phrase.
 */
function vagueReference(sc: Scanner, i: number): Hit | null {
  const c = sc.ca(i);
  const withIn = (s: number) => (afterIn(sc, s) ? s - 1 : s);
  // في السابق، في الماضي: the adjective as a noun, nothing after it
  if ((c === W.prevDay || c === W.past) && sc.isDef(i) && sc.pre[i] === "" && afterIn(sc, i)) {
    if (!sc.isWordToken(i + 1) || sc.core[i + 1] === "" || sc.conj(i + 1))
      return refHit(sc, i - 1, i + 1, "PAST_REF");
    return null;
  }
  // في الآونة الأخيرة
  if (c === W.lately && sc.isDef(i) && sc.preOk(i)) {
    const d = sc.defWord(i + 1);
    if (d === W.recentF || d === W.recent) return refHit(sc, withIn(i), i + 2, "PAST_REF");
    return null;
  }
  // في ذلك الوقت، في تلك الفترة، ذلك الحين: a time the story has left
  if ((c === W.that || c === W.that2) && sc.preOk(i)) {
    const d = sc.defWord(i + 1);
    if (d === W.time || d === W.period || d === W.era || d === W.moment)
      return refHit(sc, withIn(i), i + 2, "PAST_REF");
    return null;
  }
  // منذ فترة (طويلة)، منذ زمن بعيد، منذ وقت طويل
  if (c === W.since && !sc.isDef(i) && sc.preOk(i)) {
    const w = sc.c(i + 1);
    if ((w === W.period || w === W.duration || w === W.era || w === W.time) && !sc.isDef(i + 1)) {
      const a = sc.c(i + 2);
      const e = (a === W.long || a === W.longF || a === "بعيد") && !sc.isDef(i + 2) ? i + 3 : i + 2;
      return refHit(sc, i, e, "PAST_REF");
    }
    return null;
  }
  // هذه الفترة، هذه اللحظة، الفترة الحالية / المقبلة / الماضية / الأخيرة، هذه الأيام
  if (DEMONSTRATIVES.has(c) && sc.preOk(i)) {
    const d = sc.defWord(i + 1);
    if (
      d === W.period ||
      d === W.duration ||
      d === W.instant ||
      d === W.time ||
      d === W.timing ||
      (d === "ايام" && !sc.isWordToken(i + 2))
    )
      return refHit(sc, withIn(i), i + 2, "PRESENT_REF");
    return null;
  }
  if (c === W.period && sc.isDef(i) && sc.preOk(i)) {
    const d = sc.defWord(i + 1);
    if (d === W.recent || d === W.recentF) return refHit(sc, withIn(i), i + 2, "PAST_REF");
    if (d === W.present) return refHit(sc, withIn(i), i + 2, "PRESENT_REF");
    const r = RELATIVE.get(d);
    if (r === undefined) return null;
    const value = r < 0 ? "PAST_REF" : r > 0 ? "FUTURE_REF" : "PRESENT_REF";
    return refHit(sc, withIn(i), i + 2, value);
  }
  // سنوات سابقة، أيام قادمة: uncounted plural units, past or to come
  const unit = UNITS.get(c);
  if (unit?.count === 0 && !sc.isDef(i) && sc.preOk(i) && !sc.isDef(i + 1)) {
    const r = RELATIVE.get(sc.c(i + 1));
    if (r !== undefined && r !== 0)
      return refHit(sc, withIn(i), i + 2, r < 0 ? "PAST_REF" : "FUTURE_REF");
  }
  // من قبل at a clause end is "before, ever"; followed by a noun it is "by" (من قبل الشرطة)
  if (
    c === W.before &&
    sc.pre[i] === "" &&
    !sc.isDef(i) &&
    sc.bare(i - 1, W.of) &&
    sc.boundary(i + 1)
  )
    return refHit(sc, i - 1, i + 1, "PAST_REF");
  // قريبا (not قريبا من, "near")
  if (c === W.soon && sc.preOk(i) && !/^من(ه|ها|هم|هما|هن|ا|ي|ك|كم)?$/.test(sc.norm(i + 1)))
    return refHit(sc, i, i + 1, "FUTURE_REF");
  return null;
}

/** في right before i, alone or with و/ف (وفي وقت سابق). */
function afterIn(sc: Scanner, i: number): boolean {
  return sc.ca(i - 1) === W.in && !sc.isDef(i - 1);
}

function refHit(sc: Scanner, s: number, e: number, value: string): Hit {
  const hit: Hit = { s, e, type: "DATE", value, conf: 0.75 };
  if (value === "PRESENT_REF" && sc.ref !== null) hit.day = sc.ref;
  return hit;
}

/**
 * Back-references: نفس اليوم / اليوم نفسه / ذات اليوم (the last day named), اليوم التالي (the
 * day after it), للفترة نفسها هذه السنة (the last period, in this year).
 */
export function anaphora(sc: Scanner, i: number): Hit | null {
  let k = i;
  let noun = "";
  const c = sc.ca(i);
  if ((c === W.same || c === W.very) && !sc.isDef(i) && sc.preOk(i)) {
    noun = sc.defWord(i + 1);
    k = i + 2;
  } else if (sc.isDef(i) && sc.preOk(i)) {
    const next = sc.c(i + 1);
    if (next === W.self || next === W.selfF || next === W.veryM || next === W.veryF) {
      noun = c;
      k = i + 2;
    } else if (c === W.today) {
      const rel = sc.defWord(i + 1);
      if (rel === "تالي" || rel === "موالي") return relativeToLast(sc, i, i + 2, 1);
      if (rel === "سابق") return relativeToLast(sc, i, i + 2, -1);
      return null;
    } else return null;
  } else return null;
  if (noun === W.today) {
    const last = lastOfGrain(sc, "D");
    return last ? { ...last, s: i, e: k, conf: 0.6 } : null;
  }
  if (noun === W.period) {
    const last = lastOfGrain(sc, "M") ?? lastOfGrain(sc, "D");
    if (!last) return null;
    // للفترة نفسها هذه السنة / من العام الماضي: the same period in another year
    const year = ofYear(sc, k);
    if (year && last.day !== undefined) {
      const f = fromDayNumber(last.day);
      const value = year.y + last.value.slice(4);
      const hit: Hit = {
        ...last,
        s: i,
        e: year.e,
        value,
        day: dayNumber(year.y, f.m, f.d),
        conf: 0.6,
      };
      return hit;
    }
    return { ...last, s: i, e: k, conf: 0.5 };
  }
  if (noun === W.month || noun === W.year || noun === W.year2 || noun === W.week) {
    const grain: Grain = noun === W.month ? "M" : noun === W.week ? "W" : "Y";
    const last = lastOfGrain(sc, grain);
    return last ? { ...last, s: i, e: k, conf: 0.6 } : null;
  }
  return null;
}

function lastOfGrain(sc: Scanner, grain: Grain): Hit | null {
  for (let k = sc.hits.length - 1; k >= 0; k--) {
    const h = sc.hits[k] as Hit;
    if (h.type === "DATE" && h.grain === grain && !h.value.startsWith("(")) return h;
  }
  return null;
}

function relativeToLast(sc: Scanner, s: number, e: number, shift: number): Hit | null {
  const base = lastDay(sc);
  if (base === null) return { s, e, type: "DATE", value: "XXXX-XX-XX", grain: "D", conf: 0.5 };
  return dayHit(s, e, base + shift, 0.6);
}
