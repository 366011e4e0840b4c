/** Numeric dates: 21/1/2025، 2025-01-21، ٢١/١/٢٠٢٥، and a bare day/month after a date word. */
import { isValidDate } from "./calendar.js";
import { CARDINALS, W } from "./lexicon.js";
import { asciiDigits } from "./numbers.js";
import type { Scanner } from "./scan.js";
import type { CalDate } from "./types.js";
import { isFutureVerb, monthName, yearAfter } from "./worded-dates.js";

const NUMERIC_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const NUMERIC_YMD = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;
const NUMERIC_DM = /^(\d{1,2})([/.-])(\d{1,2})$/;
const NUMERIC_MY = /^(\d{1,2})[/-](\d{4})$/;
const NUMERIC_YM = /^(\d{4})[/.](\d{1,2})$/;
export const NUMERIC_YY = /^(\d{4})[/-](\d{4})$/;
export const NUMERIC_DD = /^(\d{1,2})-(\d{1,2})$/;

export function numericDate(sc: Scanner, i: number, supported: boolean): CalDate | null {
  const t = sc.toks[i];
  if (t?.kind !== "number") return null;
  const s = asciiDigits(t.text);
  let m = NUMERIC_YMD.exec(s);
  if (m) return checkDate(sc, i, Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC_DMY.exec(s);
  if (m) {
    let d = Number(m[1]);
    let mo = Number(m[2]);
    let y = Number(m[3]);
    if ((m[3] as string).length === 2) y += y < 50 ? 2000 : 1900;
    if (mo > 12 && d <= 12) [d, mo] = [mo, d];
    return checkDate(sc, i, y, mo, d);
  }
  m = NUMERIC_MY.exec(s);
  if (m) {
    const mo = Number(m[1]);
    const y = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return { e: i + 1, y, m: mo, conf: 0.85 };
  }
  m = NUMERIC_YM.exec(s);
  if (m) {
    // 2015/3: a year then its month (a year of the last two centuries, so not a ratio)
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (y < 1900 || y > 2100 || mo < 1 || mo > 12) return null;
    if (!dateContext(sc, i - 1) && !isFutureVerb(sc, i - 1) && !(i === 0 && sc.n === 1))
      return null;
    if (amountFollows(sc, i + 1)) return null;
    return { e: i + 1, y, m: mo, conf: 0.75 };
  }
  m = NUMERIC_DM.exec(s);
  if (m) {
    const sep = m[2] as string;
    let d = Number(m[1]);
    let mo = Number(m[3]);
    if (mo > 12 && d <= 12) [d, mo] = [mo, d];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    // 3/4 is as often a fraction or a code, 3-1 a score, 3.17 a decimal, so a bare day/month
    // needs context unless it stands alone. Strong context (يوم، بتاريخ، the slash after في، منذ،
    // حتى...) makes it a date; the weaker (a future verb: سأعود 22-4، سيصوت 2/3; في before a dash
    // or dot) only where the clause ends with it, as a date ends its phrase and an amount goes on
    // to what it counts. 3-5 مارس is a range of days, read with its month.
    const strong =
      supported ||
      sc.bare(i - 1, W.day) ||
      sc.norm(i - 1) === "بتاريخ" ||
      (sep === "/" && dateContext(sc, i - 1));
    const weak =
      (isFutureVerb(sc, i - 1) ||
        (dateContext(sc, i - 1) && sc.ca(i - 1) !== W.to && sc.ca(i - 1) !== W.to2)) &&
      sc.boundary(i + 1);
    if (!strong && !weak && !(i === 0 && sc.n === 1)) return null;
    if (sep !== "/" && monthName(sc, sc.bare(i + 1, W.of) ? i + 2 : i + 1)) return null;
    if (amountFollows(sc, i + 1)) return null;
    const cal: CalDate = { e: i + 1, m: mo, d, conf: 0.8 };
    const year = yearAfter(sc, i + 1);
    if (year) {
      cal.y = year.y;
      cal.e = year.e;
    }
    return cal;
  }
  return null;
}

/**
 * What follows a number makes it an amount, not a date: a counted noun or unit (2014.5 نقطة،
 * 2.5 بالمئة، 3 مليون) or a share of something (3/4 من الحالات).
 */
function amountFollows(sc: Scanner, i: number): boolean {
  const w = sc.norm(i);
  const unit =
    w === "%" || w.startsWith("بالمئه") || w.startsWith("بالمائه") || CARDINALS.has(sc.ca(i));
  return unit || sc.countedNoun(i) || (sc.bare(i, W.of) && sc.countedNoun(i + 1));
}

/** Words before a bare day/month that make it a date. */
function dateContext(sc: Scanner, i: number): boolean {
  const c = sc.ca(i);
  return (
    c === W.in ||
    c === W.since ||
    c === W.until ||
    c === W.before ||
    c === W.after ||
    c === W.to ||
    c === W.to2 ||
    c === W.muwafiq ||
    c === W.by ||
    (c === W.day && !sc.isDef(i)) ||
    sc.norm(i) === "بتاريخ" ||
    sc.norm(i) === "تاريخ"
  );
}

function checkDate(sc: Scanner, i: number, y: number, m: number, d: number): CalDate | null {
  if (!isValidDate(y, m, d)) return null;
  let e = i + 1;
  if (isEraMark(sc, e)) e++;
  return { e, y, m, d, conf: 0.95 };
}

export function isEraMark(sc: Scanner, i: number): boolean {
  const c = sc.c(i);
  return (c === W.ceMark || c === W.ceWord || c === W.ceWordF) && !sc.isDef(i);
}
