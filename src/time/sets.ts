/** Sets: يوميا، كل أسبوع، كل يوم اثنين، مرة في الشهر. */
import { pad2 } from "./calendar.js";
import { durationValue, quantity, quantityBefore } from "./durations.js";
import { PODS, SET_ADVERBS, UNITS, W, WEEKDAYS } from "./lexicon.js";
import { dayOfMonth, number } from "./numbers.js";
import { relativeSuffix } from "./relative.js";
import type { Scanner } from "./scan.js";
import type { Hit } from "./types.js";
import { monthName } from "./worded-dates.js";

/** Sets: يوميا، أسبوعيا، كل يوم، كل يومين، كل ثلاثة أشهر، كل يوم اثنين، كل صباح، مرة في الأسبوع. */
export function setExpr(sc: Scanner, i: number): Hit | null {
  const c = sc.ca(i);
  const adv = SET_ADVERBS.get(c);
  if (adv && sc.preOk(i) && !sc.isDef(i))
    return { s: i, e: i + 1, type: "SET", value: adv, conf: 0.85 };
  // الثامن والعشرين من كل شهر، يوم 5 من كل شهر: that day of every month
  const dom = dayOfMonth(sc, sc.bare(i, W.day) ? i + 1 : i);
  if (dom && sc.bare(dom.e, W.of) && sc.c(dom.e + 1) === W.every && sc.bare(dom.e + 2, W.month))
    return { s: i, e: dom.e + 3, type: "SET", value: `XXXX-XX-${pad2(dom.d)}`, conf: 0.8 };
  // ليل نهار، ليلا ونهارا: night and day, so every day
  if (PODS.get(c) === "NI" && !sc.isDef(i) && sc.preOk(i)) {
    const next = sc.norm(i + 1);
    const day = next.startsWith("و") ? next.slice(1) : next;
    if (day === W.noon || day === `${W.noon}ا`)
      return { s: i, e: i + 2, type: "SET", value: "P1D", conf: 0.75 };
  }
  if (c === W.every && !sc.isDef(i) && sc.preOk(i)) {
    let k = i + 1;
    if (sc.bare(k, W.day) && WEEKDAYS.has(sc.c(k + 1))) k++;
    const wd = WEEKDAYS.get(sc.c(k));
    if (
      wd !== undefined &&
      (sc.isDef(k) || k > i + 1 || wd === 2 || wd === 3 || wd === 4 || wd === 5 || wd === 6)
    ) {
      return { s: i, e: k + 1, type: "SET", value: `XXXX-WXX-${wd}`, conf: 0.85 };
    }
    const pod = PODS.get(sc.c(i + 1));
    if (pod !== undefined && !sc.isDef(i + 1))
      return { s: i, e: i + 2, type: "SET", value: `T${pod}`, conf: 0.8 };
    const month = monthName(sc, i + 1);
    if (month && !month.hijri)
      return { s: i, e: month.e, type: "SET", value: `XXXX-${pad2(month.m)}`, conf: 0.8 };
    const q = quantity(sc, i + 1);
    if (q && !Number.isNaN(q.count)) {
      return { s: i, e: q.e, type: "SET", value: durationValue(q.count, q.unit), conf: 0.85 };
    }
    return null;
  }
  // مرة في الأسبوع، مرتين في الشهر، ثلاث مرات في السنة
  let k = i;
  if (c === W.once || c === W.twice) k = i + 1;
  else {
    const num = number(sc, i);
    if (num && sc.c(num.e) === W.times) k = num.e + 1;
  }
  if (k > i) {
    if (sc.c(k) === W.oneF) k++;
    if (sc.bare(k, W.in) || sc.bare(k, W.every)) {
      const u = UNITS.get(sc.c(k + 1));
      if (u && u.count === 1 && (sc.isDef(k + 1) || sc.bare(k, W.every))) {
        return { s: i, e: k + 2, type: "SET", value: durationValue(1, u.unit), conf: 0.8 };
      }
    }
    return null;
  }
  // "في السنة" right after an amount: 14 يوما في السنة
  if (c === W.in && sc.pre[i] === "" && quantityBefore(sc, i)) {
    const u = UNITS.get(sc.c(i + 1));
    if (u && u.count === 1 && sc.isDef(i + 1) && !relativeSuffix(sc, i + 2)) {
      return { s: i, e: i + 2, type: "SET", value: durationValue(1, u.unit), conf: 0.75 };
    }
  }
  return null;
}
