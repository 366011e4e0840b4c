/**
 * The time-expression scanner: one pass over the tokens, trying the grammar wherever a token has a
 * time role (a number, or a word the lexicon knows) and keeping the longest expression found
 * there. Each rule builds its TIMEX3 value at once from the reference day; rules that need the
 * document (نفس اليوم, بعد يوم من ...) look back at the expressions already found.
 */
import type { Span, TimeExpression, Token } from "../analysis.js";
import { wordCount } from "../text/index.js";
import {
  addMonths,
  dayNumber,
  fromDayNumber,
  fromHijri,
  isoDay,
  isoMonth,
  isoWeekday,
  isoWeekValue,
  isValidDate,
  pad2,
  pad4,
  toHijri,
  weekStart,
} from "./calendar.js";
import {
  AMBIGUOUS_MONTH,
  CARDINALS,
  DECADES,
  DEICTICS,
  DEMONSTRATIVES,
  HIJRI_MONTHS,
  HIJRI_PAIR,
  HOLIDAYS,
  HOURS,
  lookupWord,
  MODS,
  MONTH_PAIR,
  MONTHS,
  ORDINALS,
  PODS,
  type Pod,
  RELATIVE,
  SEASONS,
  SET_ADVERBS,
  UNITS,
  type Unit,
  W,
  WEEKDAYS,
} from "./lexicon.js";
import {
  type Direction,
  placeDayMonth,
  placeDayOfMonth,
  placeMonth,
  placeWeekday,
} from "./resolve.js";

export type TimeType = "DATE" | "TIME" | "DURATION" | "SET";

/** Granularity of a DATE/TIME value: what `nearest date of grain G` anaphora looks for. */
type Grain = "D" | "W" | "M" | "Y" | "X";

export interface Hit {
  /** Token range [s, e). */
  s: number;
  e: number;
  type: TimeType;
  value: string;
  /** First day the value covers, when the reference pins it. */
  day?: number;
  grain?: Grain;
  mod?: TimeExpression["mod"];
  conf: number;
  /** A TIME whose day the text names (not the reference by default). */
  dated?: boolean;
  /** A day-month whose year was chosen by the reader, not written. */
  yearless?: boolean;
  /** The two ends of a range. */
  parts?: [Hit, Hit];
  /** For parts of the day: which one, and the day's own value. */
  pod?: Pod;
  dayValue?: string;
}

/** What a clock time knows from the words around it. */
interface ClockContext {
  /** The day it falls on (null when the text names a day the reference cannot place). */
  day: number | null;
  dayValue?: string | undefined;
  /** A part of the day named elsewhere (العاشرة من صباح اليوم). */
  pod?: Pod;
  /** Re-reading a clock already found: it must end here. */
  end?: number;
  /** Re-reading with a part of day only: the clock stays on no named day. */
  undated?: boolean;
  /** A clock inside a set (كل يوم في السابعة): never on the reference day. */
  free?: boolean;
}

export interface ScanOptions {
  /** Bare weekdays and day-months: most recent (news) or next occurrence (Duckling). */
  weekdays: "past" | "forward";
  /** Clock times: anchored to the reference day with minutes (article) or as written (phrase). */
  clock: "article" | "phrase";
}

interface Qty {
  /** The amount; NaN for a vague plural (أيام، بضعة أسابيع). */
  count: number;
  unit: Unit;
  e: number;
  /** A lone singular unit word (ساعة, شهر): a duration only with a cue. */
  single: boolean;
  /** Written as a decimal number (3.5 سنوات): the value keeps it (P3.5Y). */
  decimal?: boolean;
}

interface CalDate {
  e: number;
  y?: number;
  m?: number;
  d?: number;
  /** End day of a range of days in the same month (من 5 إلى 10 مارس). */
  d2?: number;
  /** Last month of a list of consecutive months (أكتوبر ونوفمبر وديسمبر). */
  m2?: number;
  hijri?: boolean;
  /** Month given relatively: الشهر الجاري (0), الماضي (-1), المقبل (+1)... */
  monthShift?: number;
  /** Year given relatively: من السنة الماضية. */
  yearShift?: number;
  /** A relative word after the date: -1 الماضي, +1 المقبل, 0 الجاري. */
  rel?: number;
  conf: number;
}

const NUMERIC_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const NUMERIC_YMD = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/;
const NUMERIC_DM = /^(\d{1,2})[/-](\d{1,2})$/;
const NUMERIC_MY = /^(\d{1,2})[/-](\d{4})$/;
const NUMERIC_YY = /^(\d{4})[/-](\d{4})$/;
const NUMERIC_DD = /^(\d{1,2})-(\d{1,2})$/;
const DECIMAL = /^(\d{1,3})[.,](\d{1,2})$/;
const CLOCK = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/;
const CLOCK_COMMA = /^(\d{1,2}),(\d{2})$/;

/** Words that join the two ends of a range (إلى، حتى، لغاية، and with و: وحتى، وإلى). */
const RANGE_TO = new Set(["الي", "حتي", "لغايه", "غايه", "والي", "وحتي", "ولغايه"]);
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

function isTimeUnit(u: Unit): boolean {
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

/** A sum of whole amounts of decreasing units: P3Y6M, PT2H15M, P1DT6H. */
function compositeDuration(parts: [number, Unit][]): string {
  let date = "";
  let time = "";
  for (const [count, unit] of parts) {
    const n = Number(count.toFixed(2));
    if (isTimeUnit(unit)) time += `${n}${UNIT_CODE[unit]}`;
    else date += `${n}${UNIT_CODE[unit]}`;
  }
  return `P${date}${time ? `T${time}` : ""}`;
}

/** TIMEX3 duration: P3D, PT1H30M, PXD; halves in the next unit down where one exists. */
export function durationValue(count: number, unit: Unit): string {
  const t = isTimeUnit(unit) ? "T" : "";
  const code = UNIT_CODE[unit];
  if (Number.isNaN(count)) return `P${t}X${code}`;
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

export class Scanner {
  private readonly n: number;
  private readonly core: string[];
  private readonly pre: string[];
  private readonly def: Uint8Array;
  private readonly num: Float64Array;
  private readonly hits: Hit[] = [];
  private sentenceStarts: number[] | null = null;

  constructor(
    private readonly text: string,
    private readonly toks: readonly Token[],
    private readonly ref: number | null,
    private readonly opts: ScanOptions,
    private readonly sentences: readonly Span[] = [],
  ) {
    const n = toks.length;
    this.n = n;
    this.core = new Array<string>(n);
    this.pre = new Array<string>(n);
    this.def = new Uint8Array(n);
    this.num = new Float64Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      const t = toks[i] as Token;
      this.core[i] = "";
      this.pre[i] = "";
      if (t.kind === "word") {
        const entry = lookupWord(t.norm ?? "");
        if (entry) {
          this.core[i] = entry.core;
          this.pre[i] = entry.pre;
          if (entry.def) this.def[i] = 1;
        }
      } else if (t.kind === "number") {
        this.num[i] = digitValue(t.text);
      }
    }
  }

  scan(): Hit[] {
    const n = this.n;
    for (let i = 0; i < n; ) {
      if (this.core[i] === "" && this.toks[i]?.kind !== "number" && this.norm(i) !== "ال") {
        i++;
        continue;
      }
      const hit = this.parseAt(i);
      if (hit && hit.e > i) {
        this.hits.push(hit);
        i = hit.e;
      } else i++;
    }
    return this.hits;
  }

  // ---------- token helpers ----------

  private norm(i: number): string {
    const t = this.toks[i];
    return t && (t.kind === "word" || t.kind === "latin") ? (t.norm ?? "") : "";
  }

  /** Core of token i when it carries no proclitic (the article is allowed). */
  private c(i: number): string {
    return i < this.n && this.pre[i] === "" ? (this.core[i] as string) : "";
  }

  /** Core of token i whatever its proclitics. */
  private ca(i: number): string {
    return i >= 0 && i < this.n ? (this.core[i] as string) : "";
  }

  private isDef(i: number): boolean {
    return this.def[i] === 1;
  }

  /** Plain word: the core with neither proclitic nor article. */
  private bare(i: number, word: string): boolean {
    return this.c(i) === word && this.def[i] === 0;
  }

  /** A definite word with no other proclitic: الماضي. */
  private defWord(i: number): string {
    return this.c(i) !== "" && this.def[i] === 1 ? (this.core[i] as string) : "";
  }

  private digits(i: number): number {
    return i >= 0 && i < this.n ? (this.num[i] as number) : -1;
  }

  private digitLength(i: number): number {
    return this.toks[i]?.text.length ?? 0;
  }

  private isPunct(i: number, chars?: string): boolean {
    const t = this.toks[i];
    if (t?.kind !== "punct") return false;
    return chars === undefined || chars.includes(t.text);
  }

  /** Nothing more of this expression can follow: end of text, punctuation or a quote. */
  private boundary(i: number): boolean {
    const t = this.toks[i];
    return !t || t.kind === "punct" || t.kind === "quote";
  }

  /** Token i is "و" alone, or carries a leading و. */
  private conj(i: number): boolean {
    return this.norm(i) === "و" || (this.pre[i] ?? "").startsWith("و");
  }

  private isWordToken(i: number): boolean {
    const k = this.toks[i]?.kind;
    return k === "word" || k === "latin";
  }

  // ---------- numbers ----------

  /** A number in digits or words (واحد وعشرين، الخامس عشر، الـ24) starting at i. */
  private number(i: number): { v: number; e: number; word: boolean; ordinal: boolean } | null {
    const d = this.digits(i);
    if (d >= 0) return { v: d, e: i + 1, word: false, ordinal: false };
    const t = this.toks[i];
    if (t?.kind === "number") {
      // 3.5 / 3,5 / ٣٫٥
      const m = DECIMAL.exec(asciiDigits(t.text));
      if (m) return { v: Number(`${m[1]}.${m[2]}`), e: i + 1, word: false, ordinal: false };
      return null;
    }
    if (this.norm(i) === "ال") {
      const d2 = this.digits(i + 1);
      if (d2 >= 0) return { v: d2, e: i + 2, word: false, ordinal: false };
      return null;
    }
    const c = this.ca(i);
    const pre = this.pre[i] ?? "";
    if (pre !== "" && pre !== "و" && pre !== "ب" && pre !== "ل") return null;
    if (pre !== "" && this.isDef(i)) return null; // بالمائة is "percent"
    let v = CARDINALS.get(c);
    let ordinal = false;
    if (v === undefined) {
      v = ORDINALS.get(c);
      ordinal = true;
      if (v === undefined) return null;
    }
    let e = i + 1;
    const needsTeen = c === "احد" || c === "حادي" || c === "حاديه" || c === "اثنا" || c === "اثني";
    if (v < 10 && (this.c(e) === "عشر" || this.c(e) === "عشره") && this.def[e] === 0) {
      v += 10;
      e++;
    } else if (needsTeen && !(this.conj(e) && (CARDINALS.get(this.ca(e)) ?? 0) >= 20)) {
      return null;
    }
    // و-chains: واحد وعشرين، ألفين وواحد وعشرين
    while (e < this.n) {
      let j = e;
      if (this.norm(j) === "و") j++;
      else if (this.pre[j] !== "و") break;
      const next = CARDINALS.get(this.ca(j)) ?? ORDINALS.get(this.ca(j));
      if (next === undefined || (j === e && this.pre[j] !== "و")) break;
      let add = next;
      let k = j + 1;
      if (add < 10 && (this.c(k) === "عشر" || this.c(k) === "عشره")) {
        add += 10;
        k++;
      }
      // Only a larger order after a smaller one (واحد وعشرين), or hundreds/thousands first.
      if (add < 20 && v < 100) break;
      v += add;
      e = k;
    }
    return { v, e, word: true, ordinal };
  }

  /** A day of the month: 1–31 in digits or words, or أول. */
  private dayNumber(i: number): { d: number; e: number } | null {
    if (this.ca(i) === W.first && (this.pre[i] === "" || this.pre[i] === "و"))
      return { d: 1, e: i + 1 };
    const num = this.number(i);
    if (!num || num.v < 1 || num.v > 31 || !Number.isInteger(num.v)) return null;
    if (!num.word && this.digitLength(i) > 2) return null;
    return { d: num.v, e: num.e };
  }

  // ---------- the grammar ----------

  private parseAt(i: number): Hit | null {
    let best: Hit | null = null;
    const consider = (h: Hit | null) => {
      if (h && h.e > i && (!best || h.e > best.e)) best = h;
    };
    consider(this.modified(i));
    consider(this.rangeFrom(i));
    consider(this.dateExpr(i));
    consider(this.clockExpr(i));
    consider(this.podExpr(i));
    consider(this.durationExpr(i));
    consider(this.setExpr(i));
    consider(this.deictic(i));
    consider(this.anaphora(i));
    consider(this.holiday(i));
    if (!best) return null;
    return this.extend(best);
  }

  /** A base expression at i without modifiers or ranges (used inside ranges). */
  private baseAt(i: number): Hit | null {
    let best: Hit | null = null;
    for (const h of [
      this.dateExpr(i),
      this.clockExpr(i),
      this.podExpr(i),
      this.holiday(i),
      this.durationExpr(i),
    ]) {
      if (h && h.e > i && (!best || h.e > best.e)) best = h;
    }
    return best;
  }

  /** Modifier words before an expression: أكثر من، حوالي، أواخر، منتصف... */
  private modifier(i: number): { mod: NonNullable<TimeExpression["mod"]>; e: number } | null {
    const c = this.ca(i);
    const pre = this.pre[i] ?? "";
    if (pre !== "" && pre !== "و" && pre !== "ف" && pre !== "ب" && pre !== "ل") return null;
    if ((c === W.more || c === W.more2) && this.bare(i + 1, W.from))
      return { mod: "MORE_THAN", e: i + 2 };
    if (c === W.less && this.bare(i + 1, W.from)) return { mod: "LESS_THAN", e: i + 2 };
    if (c === W.some3 && !this.isDef(i)) {
      const v = this.c(i + 1);
      if (v === W.not && this.c(i + 2) === W.lessV && this.isAboutOrOn(i + 3))
        return { mod: "EQUAL_OR_MORE", e: i + 4 };
      if ((v === W.exceeds || v === W.exceeds2 || v === W.exceeds3) && this.isAboutOrOn(i + 2))
        return { mod: "MORE_THAN", e: i + 3 };
      if (v === W.exceeds3) return { mod: "MORE_THAN", e: i + 2 };
      if (v === W.lessV && this.isAboutOrOn(i + 2)) return { mod: "LESS_THAN", e: i + 3 };
      if (v === W.approx || v === W.approx2) return { mod: "APPROX", e: i + 2 };
    }
    if (c === W.in && this.c(i + 1) === W.limits && !this.isDef(i + 1))
      return { mod: "APPROX", e: i + 2 };
    const mod = MODS.get(c);
    if (mod && !this.isDef(i)) {
      // أول and آخر are mostly ordinals: only "أول العام", "آخر الشهر" read as START/END here.
      if (c === W.first || c === W.last) {
        const next = this.defWord(i + 1);
        if (next !== W.month && next !== W.year && next !== W.year2 && next !== W.week) return null;
      }
      return { mod, e: i + 1 };
    }
    return null;
  }

  private isAboutOrOn(i: number): boolean {
    const c = this.c(i);
    return c === W.about || c === W.upon || c === W.from;
  }

  private modified(i: number): Hit | null {
    let s = i;
    if (
      this.ca(i) === W.weekend &&
      this.preOk(i) &&
      this.ca(i + 1) === "نهايه" &&
      this.pre[i + 1] === ""
    )
      s = i + 1;
    const m = this.modifier(s);
    if (!m) return null;
    if (
      m.mod === "END" &&
      this.defWord(m.e) === W.week &&
      !this.relativeSuffix(m.e + 1) &&
      this.ref !== null
    ) {
      // (عطلة) نهاية الأسبوع: this week's weekend
      const monday = weekStart(this.ref);
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
    const base = this.baseAt(m.e);
    let inner = base ? this.extend(base) : this.rangeFrom(m.e);
    const noun = this.defWord(m.e);
    if (!inner && (m.mod === "START" || m.mod === "MID" || m.mod === "END") && this.ref !== null) {
      // نهاية الشهر، منتصف العام، بداية الأسبوع: the current one
      if (noun === W.month || noun === W.year || noun === W.year2 || noun === W.week) {
        inner = this.periodHit(m.e, m.e + 1, noun, this.ref, 0, 0.8);
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
  private rangeFrom(i: number): Hit | null {
    const c = this.c(i);
    if (c !== W.from && c !== W.between) return null;
    if (this.pre[i] !== "" && this.pre[i] !== "و") return null;
    const first = this.baseAt(i + 1);
    // من 4 إلى 22 من هذا الشهر is a range already
    if (first?.value.startsWith("(")) return { ...first, s: i };
    const ranged = first ? this.rangeAfter(first, c === W.between) : null;
    if (ranged) return { ...ranged, s: i };
    const hours = this.hourRange(i + 1, c === W.between);
    return hours ? { ...hours, s: i } : null;
  }

  /** من 5 إلى 7 مساء، بين الثالثة والخامسة عصرا: a bare hour, then a clock time. */
  private hourRange(i: number, between: boolean): Hit | null {
    const t = this.toks[i];
    let e: number;
    if (t?.kind === "number" && /^\d{1,2}$/.test(asciiDigits(t.text))) e = i + 1;
    else if (HOURS.has(this.ca(i)) && this.isDef(i) && this.preOk(i)) {
      e = i + 1;
      if (this.c(e) === "عشر" || this.c(e) === "عشره") e++;
    } else return null;
    let j = e;
    if (between) {
      if (this.norm(j) === "و") j++;
      else if (this.pre[j] !== "و") return null;
    } else if (RANGE_TO.has(this.norm(j)) || this.isPunct(j, "-–")) j++;
    else return null;
    const second = this.clockExpr(j);
    if (!second) return null;
    const first = this.reclock(i, e, second);
    return first ? this.makeRange(first, second) : null;
  }

  /** The clock at [s, e) read with the day and part of day of the range's other end. */
  private reclock(s: number, e: number, other: Hit): Hit | null {
    const ctx: ClockContext = { day: other.dated ? (other.day ?? null) : null, end: e };
    if (!other.dated) ctx.undated = true;
    if (other.pod) ctx.pod = other.pod;
    return this.clockExpr(s, ctx);
  }

  /** X followed by إلى/حتى/- Y (or و Y after بين): one range. */
  private rangeAfter(first: Hit, between: boolean): Hit | null {
    if (first.type !== "DATE" && first.type !== "TIME") return null;
    const j = first.e;
    let secondStart = j;
    if (between) {
      if (this.norm(j) === "و") secondStart = j + 1;
      else if (
        this.pre[j] !== "و" &&
        !(this.toks[j]?.kind === "word" && this.norm(j).startsWith("و"))
      )
        return null;
    } else if (RANGE_TO.has(this.norm(j)) || this.isPunct(j, "-–—")) {
      secondStart = j + 1;
    } else return null;
    const second = this.baseAt(secondStart);
    if (!second || second.type !== first.type) return null;
    return this.makeRange(first, second);
  }

  private makeRange(a: Hit, b: Hit): Hit {
    let first = a;
    let second = b;
    if (first.type === "TIME" && second.type === "TIME" && !first.pod && second.pod) {
      // من الساعة 3 إلى الساعة 5 مساء: the first takes the second's part of day when before it
      const re = this.reclock(first.s, first.e, second);
      if (re && timeOf(re.value) <= timeOf(second.value)) first = { ...re, s: a.s };
    }
    // a range runs forward: a year the reader chose gives way to the other end's
    if (first.day !== undefined && second.day !== undefined && second.day < first.day) {
      if (second.yearless) second = this.moveYear(second, 1);
      else if (first.yearless) first = this.moveYear(first, -1);
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

  private moveYear(h: Hit, years: number): Hit {
    if (h.day === undefined) return h;
    const f = fromDayNumber(h.day);
    if (!isValidDate(f.y + years, f.m, f.d)) return h;
    return this.dayHit(h.s, h.e, dayNumber(f.y + years, f.m, f.d), h.conf);
  }

  /** Attach what may follow an expression: a clock time after a day, a day after a clock, a range. */
  private extend(hit: Hit): Hit {
    if (hit.parts) return this.rangeOnDay(hit);
    let h = hit;
    if (h.type === "DATE" && h.grain === "D") {
      let j = h.e;
      if (this.isPunct(j, "،,")) j++;
      const at = this.ca(j);
      if ((at === W.upon || at === W.in || at === W.at) && this.pre[j] === "") j++;
      const clock = this.clockExpr(j, { day: h.day ?? null, dayValue: h.value });
      const range = clock ? null : this.rangeFrom(j);
      if (clock) h = { ...clock, s: h.s, conf: Math.max(clock.conf, h.conf) };
      else if (range?.type === "TIME" && range.parts && !range.parts[0].dated) {
        // غدا بين الساعة 3 و5 مساء: both ends on that day
        const [a, b] = range.parts;
        const ctx = { day: h.day ?? null, dayValue: h.value };
        const first = this.clockExpr(a.s, { ...ctx, end: a.e, ...(b.pod ? { pod: b.pod } : {}) });
        const second = this.clockExpr(b.s, { ...ctx, end: b.e });
        if (first && second) h = { ...this.makeRange(first, second), s: h.s, e: range.e };
      } else {
        // غدا صباحا، الأحد في المساء
        const pod = this.podAdverb(h.e) ?? this.podAfterClock(h.e);
        if (pod) h = this.podHit(h.s, pod.e, h.day ?? null, pod.pod, true, h.value);
      }
    } else if (h.type === "TIME" && h.dated && h.pod && !/T\d/.test(h.value)) {
      // الليلة الساعة 8، صباح الغد على الساعة العاشرة
      let j = h.e;
      if (this.isPunct(j, "،,")) j++;
      const at = this.ca(j);
      if ((at === W.upon || at === W.in || at === W.at) && this.pre[j] === "") j++;
      if (this.clockExpr(j)) {
        const clock = this.clockExpr(j, { day: h.day ?? null, dayValue: h.dayValue, pod: h.pod });
        if (clock) h = { ...clock, s: h.s };
      }
    } else if (h.type === "SET" && (h.value === "P1D" || h.value.startsWith("XXXX-WXX-"))) {
      // كل يوم اثنين في الساعة الرابعة عصرا: XXXX-WXX-1T16
      let j = h.e;
      const at = this.ca(j);
      if ((at === W.upon || at === W.in || at === W.at) && this.pre[j] === "") j++;
      const clock = this.clockExpr(j, { day: null, free: true });
      if (clock) {
        const t = clock.value.slice(clock.value.indexOf("T"));
        h = { ...h, e: clock.e, value: h.value === "P1D" ? t : `${h.value}${t}` };
      }
    } else if (h.type === "TIME" && !h.dated) {
      // الخامسة بعد الزوال من اليوم السبت، العاشرة من صباح اليوم
      let j = h.e;
      if (this.bare(j, W.of) || this.isPunct(j, "،,")) j++;
      const day = this.dateExpr(j);
      if (day && day.grain === "D" && day.type === "DATE") {
        const again = this.clockExpr(h.s, { day: day.day ?? null, dayValue: day.value, end: h.e });
        if (again) h = { ...again, e: day.e };
      } else {
        const pod = this.podExpr(j);
        if (pod?.dated && pod.pod) {
          const again = this.clockExpr(h.s, {
            day: pod.day ?? null,
            dayValue: pod.dayValue,
            pod: pod.pod,
            end: h.e,
          });
          if (again) h = { ...again, e: pod.e };
        }
      }
    }
    const ranged = this.rangeAfter(h, false);
    return ranged ? this.rangeOnDay(ranged) : h;
  }

  /** A range of clock times followed by its day (من 5 إلى 7 مساء اليوم): both ends on that day. */
  private rangeOnDay(h: Hit): Hit {
    const parts = h.parts;
    if (h.type !== "TIME" || !parts || parts[0].dated || parts[1].dated) return h;
    let j = h.e;
    if (this.bare(j, W.of) || this.isPunct(j, "،,")) j++;
    const day = this.dateExpr(j);
    if (day?.type !== "DATE" || day.grain !== "D") return h;
    const dayCtx = { day: day.day ?? null, dayValue: day.value };
    const a = this.clockExpr(parts[0].s, {
      ...dayCtx,
      end: parts[0].e,
      ...(parts[1].pod ? { pod: parts[1].pod } : {}),
    });
    const b = this.clockExpr(parts[1].s, { ...dayCtx, end: parts[1].e });
    if (!a || !b) return h;
    return { ...this.makeRange(a, b), s: h.s, e: day.e };
  }

  // ---------- dates ----------

  /**
   * Dates built around a day: [يوم] [اليوم/أمس/غدا] [weekday [الماضي...]] [، الموافق] [calendar
   * date]; calendar dates alone; years; relative periods; قبل/بعد N units.
   */
  private dateExpr(i: number): Hit | null {
    let best: Hit | null = null;
    for (const h of [
      this.dayPhrase(i),
      this.relativePeriod(i),
      this.quantityDate(i),
      this.yearPhrase(i),
      this.periodPart(i),
      this.decade(i),
      this.nthWeekday(i),
      this.weekOfMonth(i),
    ]) {
      if (h && h.e > i && (!best || h.e > best.e)) best = h;
    }
    return best;
  }

  private dayPhrase(i: number): Hit | null {
    let k = i;
    let yawm = false;
    if (this.ca(k) === W.day && !this.isDef(k) && this.preOk(k)) {
      yawm = true;
      k++;
    } else if (this.norm(k) === W.dual || (this.ca(k) === W.dual && this.preOk(k))) {
      yawm = true;
      k++;
    }
    let demonstrative = false;
    if (DEMONSTRATIVES.has(this.ca(k)) && WEEKDAYS.has(this.c(k + 1))) {
      demonstrative = true;
      k++;
    }
    const rd = this.relativeDay(k, yawm, k === i);
    if (rd) k = rd.e;
    const wd = this.weekday(k, yawm || rd !== null || demonstrative, k === i && !rd);
    let weekDir: Direction | null = demonstrative ? "onOrAfter" : null;
    let weekShift: number | null = null;
    if (wd) {
      k = wd.e;
      const rel = this.relativeSuffix(k);
      if (rel) {
        k = rel.e;
        weekDir = rel.shift < 0 ? "before" : rel.shift > 0 ? "after" : "onOrAfter";
        if (Math.abs(rel.shift) === 2) weekShift = rel.shift;
      } else {
        const wk = this.weekReference(k);
        if (wk) return this.finishWeekdayInWeek(i, wk.e, wd.wd, wk.shift);
      }
    }
    let calStart = k;
    if (wd || rd) {
      if (this.isPunct(calStart, "،,")) calStart++;
      if (this.c(calStart) === W.muwafiq || this.norm(calStart) === W.muwafiq) calStart++;
      else if (this.bare(calStart, W.in)) calStart++;
    }
    const cal = this.calendarDate(calStart, yawm || wd !== null || rd !== null || k !== i);
    if (cal) k = cal.e;
    else if (!rd && !wd) {
      // يوم 15، في الخامس عشر: a day of the month alone
      const num = this.number(k);
      const ok =
        num &&
        num.v >= 1 &&
        num.v <= 31 &&
        Number.isInteger(num.v) &&
        (yawm
          ? !this.isWordToken(num.e)
          : num.ordinal && num.v >= 11 && this.bare(i - 1, W.in) && this.boundary(num.e));
      if (ok && num) return this.dayOfMonthHit(i, num.e, num.v, undefined, 0.7);
    }
    if (!rd && !wd && !cal) return null;
    const ref = this.ref;
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
        return this.dayHit(i, k, start, conf);
      }
      return this.dayOfMonthHit(i, k, cal.d, wd?.wd, conf);
    }
    if (cal) {
      if (cal.d === undefined) {
        // a month or a year after a weekday is not one date: give up on the whole
        if (wd || rd) return null;
        return this.calendarHit(i, k, cal, null, undefined);
      }
      const anchor = rd && ref !== null ? ref + rd.off : undefined;
      return this.calendarHit(i, k, cal, wd?.wd ?? null, anchor);
    }
    if (rd) {
      if (ref === null) return { s: i, e: k, type: "DATE", value: "XXXX-XX-XX", grain: "D", conf };
      return this.dayHit(i, k, ref + rd.off, conf);
    }
    // a weekday alone
    const weekday = (wd as { wd: number }).wd;
    // السبت والأحد: a weekday joined to the day just named is the one after it
    const prev = this.hits[this.hits.length - 1];
    if (
      weekDir === null &&
      prev?.day !== undefined &&
      prev.grain === "D" &&
      (prev.e === i || (prev.e === i - 1 && this.norm(i - 1) === "و")) &&
      this.conj(prev.e === i ? i : i - 1)
    ) {
      const after = prev.day + ((weekday - isoWeekday(prev.day) + 7) % 7 || 7);
      return this.dayHit(i, k, after, conf);
    }
    if (ref === null) {
      return { s: i, e: k, type: "DATE", value: `XXXX-WXX-${weekday}`, grain: "D", conf };
    }
    let dir: Direction | null = weekDir;
    if (!dir) {
      if (this.opts.weekdays === "forward") dir = "forward";
      else dir = this.futureCue(i) ? "onOrAfter" : "past";
    }
    let day = placeWeekday(ref, weekday, dir);
    if (weekShift !== null) day += weekShift > 0 ? 7 : -7;
    return this.dayHit(i, k, day, conf);
  }

  /** أول جمعة من يوليو، آخر أربعاء من الشهر الماضي، الجمعة الأولى من الشهر الجاري. */
  private nthWeekday(i: number): Hit | null {
    if (!this.preOk(i)) return null;
    const c = this.ca(i);
    let k: number;
    let nth: number | undefined;
    let wd: number | undefined;
    if (!this.isDef(i) && (c === W.first || c === W.last || ORDINALS.has(c))) {
      nth = c === W.last ? -1 : c === W.first ? 1 : ORDINALS.get(c);
      k = i + 1;
      if (this.bare(k, W.day)) k++;
      wd = WEEKDAYS.get(this.c(k));
      k++;
    } else {
      wd = WEEKDAYS.get(c);
      if (!this.isDef(i)) return null;
      const o = this.defWord(i + 1);
      nth = o === W.recent || o === W.recentF ? -1 : ORDINALS.get(o);
      k = i + 2;
    }
    if (wd === undefined || nth === undefined || nth > 5) return null;
    if (!this.bare(k, W.of) && !this.bare(k, W.in)) return null;
    k++;
    let y: number | undefined;
    let m: number;
    const shift = this.monthReference(k);
    if (shift) {
      if (this.ref === null) return null;
      const r = fromDayNumber(this.ref);
      const f = fromDayNumber(addMonths(dayNumber(r.y, r.m, 1), shift.shift));
      y = f.y;
      m = f.m;
      k = shift.e;
    } else {
      if (this.bare(k, W.month)) k++;
      const mn = this.monthName(k);
      if (!mn || mn.hijri) return null;
      m = mn.m;
      k = mn.e;
      const year = this.yearAfter(k);
      if (year) {
        y = year.y;
        k = year.e;
      } else if (this.ref !== null) {
        y = placeMonth(this.ref, m, this.opts.weekdays === "forward" ? "onOrAfter" : "past");
      }
    }
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
    let day: number;
    if (nth > 0) {
      const first = dayNumber(y, m, 1);
      day = first + ((wd - isoWeekday(first) + 7) % 7) + 7 * (nth - 1);
      if (fromDayNumber(day).m !== m) return null;
    } else {
      const last = dayNumber(y, m + 1, 1) - 1;
      day = last - ((isoWeekday(last) - wd + 7) % 7);
    }
    return this.dayHit(i, k, day, 0.85);
  }

  /**
   * الأسبوع الأول من فبراير (its first seven days), أول يوم من الشهر، آخر يوم من العام.
   */
  private weekOfMonth(i: number): Hit | null {
    if (!this.preOk(i)) return null;
    const c = this.ca(i);
    let k: number;
    let kind: "week" | "firstDay" | "lastDay";
    let nth = 1;
    if (c === W.week && this.isDef(i)) {
      const o = this.defWord(i + 1);
      const n = o === W.recent ? -1 : ORDINALS.get(o);
      if (n === undefined || n > 5) return null;
      nth = n;
      kind = "week";
      k = i + 2;
    } else if ((c === W.first || c === W.last) && !this.isDef(i) && this.bare(i + 1, W.day)) {
      kind = c === W.first ? "firstDay" : "lastDay";
      k = i + 2;
    } else return null;
    if (!this.bare(k, W.of) && !this.bare(k, W.in)) return null;
    k++;
    if (this.ref === null) return null;
    const r = fromDayNumber(this.ref);
    let y: number;
    let m: number | null = null;
    const shift = this.monthReference(k);
    const year = this.yearReference(k);
    if (shift) {
      const f = fromDayNumber(addMonths(dayNumber(r.y, r.m, 1), shift.shift));
      y = f.y;
      m = f.m;
      k = shift.e;
    } else if (year) {
      y = r.y + year.shift;
      k = year.e;
    } else if (
      this.defWord(k) === W.month ||
      this.defWord(k) === W.year ||
      this.defWord(k) === W.year2
    ) {
      // الشهر / العام alone: the current one
      y = r.y;
      if (this.defWord(k) === W.month) m = r.m;
      k++;
    } else {
      if (this.bare(k, W.month)) k++;
      const mn = this.monthName(k);
      if (!mn || mn.hijri) return null;
      m = mn.m;
      k = mn.e;
      const ya = this.yearAfter(k);
      if (ya) {
        y = ya.y;
        k = ya.e;
      } else y = placeMonth(this.ref, m, this.monthDirection(i, undefined));
    }
    if (kind === "week" && m === null) return null;
    const first = dayNumber(y, m ?? 1, 1);
    const last = m === null ? dayNumber(y + 1, 1, 1) - 1 : dayNumber(y, m + 1, 1) - 1;
    if (kind === "firstDay") return this.dayHit(i, k, first, 0.85);
    if (kind === "lastDay") return this.dayHit(i, k, last, 0.85);
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

  private finishWeekdayInWeek(s: number, e: number, weekday: number, shift: number): Hit {
    if (this.ref === null) {
      return { s, e, type: "DATE", value: `XXXX-WXX-${weekday}`, grain: "D", conf: 0.8 };
    }
    const monday = weekStart(this.ref) + 7 * shift;
    return this.dayHit(s, e, monday + weekday - 1, 0.85);
  }

  private preOk(i: number): boolean {
    const p = this.pre[i] ?? "";
    return (
      p === "" ||
      p === "و" ||
      p === "ف" ||
      p === "ب" ||
      p === "ل" ||
      p === "وب" ||
      p === "ول" ||
      p === "فب"
    );
  }

  /** اليوم، أمس، أول أمس، غدا، بعد غد، البارحة، بكرة... as a day offset. */
  private relativeDay(
    i: number,
    afterYawm: boolean,
    first: boolean,
  ): { off: number; e: number } | null {
    if (!this.preOk(i) && !first) return null;
    const c = this.ca(i);
    const def = this.isDef(i);
    if (c === W.yesterday || c === W.yesterday2 || c === W.mbareh || c === W.mbareh2) {
      // أمس الأول = the day before yesterday
      if (this.c(i + 1) === W.first && this.isDef(i + 1)) return { off: -2, e: i + 2 };
      return { off: -1, e: i + 1 };
    }
    if (
      c === W.first &&
      !def &&
      (this.c(i + 1) === W.yesterday ||
        this.c(i + 1) === W.yesterday2 ||
        this.c(i + 1) === W.mbareh)
    ) {
      return { off: -2, e: i + 2 };
    }
    const afterPod = PODS.has(this.ca(i - 1)) && !this.isDef(i - 1);
    if (
      c === W.tomorrow ||
      c === W.bukra ||
      (c === W.tomorrowNoun && (def || afterYawm || afterPod))
    ) {
      return { off: 1, e: i + 1 };
    }
    if (c === W.after && !def) {
      const n = this.c(i + 1);
      if (n === W.tomorrow || n === W.bukra || n === W.tomorrowNoun) return { off: 2, e: i + 2 };
    }
    if (c === W.today && def && !afterYawm) {
      // اليوم التالي / الماضي / الجاي...; not اليوم العالمي, اليوم الأول
      const next = this.defWord(i + 1);
      if (next === W.world || next === W.national || next === W.intl || next === W.arab)
        return null;
      if ((ORDINALS.has(next) || CARDINALS.has(next)) && !WEEKDAYS.has(next)) return null;
      if (next === W.same || this.c(i + 1) === W.self || this.c(i + 1) === W.veryM) return null;
      const rel = this.relativeSuffix(i + 1);
      if (rel) {
        if (next === "تالي" || next === "موالي" || next === "سابق") return null; // anaphora
        return { off: rel.shift, e: rel.e };
      }
      // في اليوم = per day after a quantity (a SET)
      if (this.bare(i - 1, W.in) && this.quantityBefore(i - 1)) return null;
      if (this.c(i - 1) === W.that || this.c(i - 1) === W.that2) return null;
      return { off: 0, e: i + 1 };
    }
    if (DEMONSTRATIVES.has(c) && this.defWord(i + 1) === W.today) return { off: 0, e: i + 2 };
    return null;
  }

  /** A relative word after a noun: الماضي (-1), قبل الماضي (-2), المقبل (+1), بعد القادم (+2), الجاري (0). */
  private relativeSuffix(i: number): { shift: number; e: number } | null {
    const d = this.defWord(i);
    const r = RELATIVE.get(d);
    if (r !== undefined) {
      return { shift: r, e: i + 1 };
    }
    const c = this.c(i);
    if ((c === W.before || c === W.after) && !this.isDef(i)) {
      const r2 = RELATIVE.get(this.defWord(i + 1));
      if (c === W.before && r2 === -1) return { shift: -2, e: i + 2 };
      if (c === W.after && r2 === 1) return { shift: 2, e: i + 2 };
    }
    if (DEMONSTRATIVES.has(c) && !this.isDef(i)) return { shift: 0, e: i + 1 };
    return null;
  }

  /** الأسبوع الماضي / من الأسبوع المقبل / هذا الأسبوع after a weekday. */
  private weekReference(i: number): { shift: number; e: number } | null {
    let k = i;
    if (this.bare(k, W.of) || this.bare(k, W.in)) k++;
    if (DEMONSTRATIVES.has(this.c(k)) && this.defWord(k + 1) === W.week)
      return { shift: 0, e: k + 2 };
    if (this.defWord(k) !== W.week) return null;
    const rel = this.relativeSuffix(k + 1);
    if (!rel) return null;
    return { shift: rel.shift, e: rel.e };
  }

  /** A weekday name; "الاثنين" (also "both"), "الأحد" (also "the one") need support. */
  private weekday(i: number, supported: boolean, first: boolean): { wd: number; e: number } | null {
    const c = this.ca(i);
    const wd = WEEKDAYS.get(c);
    if (wd === undefined) return null;
    if (!first && this.pre[i] !== "") return null;
    if (!this.preOk(i)) return null;
    const def = this.isDef(i);
    if (!def && !supported) {
      // bare ثلاثاء، أربعاء are unambiguous; خميس and جمعة are names, أحد "one", اثنين "two"
      if (wd !== 2 && wd !== 3) return null;
    }
    if (!supported) {
      const prev = this.ca(i - 1);
      if (wd === 1) {
        if (prev === W.between || prev === W.both || prev === W.bothF) return null;
        if (this.c(i + 1) === W.together) return null;
        if (this.conj(i + 1) && (CARDINALS.get(this.ca(i + 1)) ?? 0) >= 20) return null;
      }
      if (wd === 5 && (prev === W.prayer || prev === W.sermon)) return null;
      if (wd === 7 && (prev === W.one || prev === W.oneF)) return null;
    }
    return { wd, e: i + 1 };
  }

  /**
   * A calendar date: numeric (21/1/2025), day-month (22 أكتوبر، الحادي والعشرين من يناير), month
   * first (شباط 13), month (+ year), with a year, a relative word and Hijri months.
   */
  private calendarDate(i: number, supported: boolean): CalDate | null {
    return this.numericDate(i, supported) ?? this.dayFirst(i) ?? this.monthFirst(i, supported);
  }

  private numericDate(i: number, supported: boolean): CalDate | null {
    const t = this.toks[i];
    if (t?.kind !== "number") return null;
    const s = asciiDigits(t.text);
    let m = NUMERIC_YMD.exec(s);
    if (m) return this.checkDate(i, Number(m[1]), Number(m[2]), Number(m[3]));
    m = NUMERIC_DMY.exec(s);
    if (m) {
      let d = Number(m[1]);
      let mo = Number(m[2]);
      let y = Number(m[3]);
      if ((m[3] as string).length === 2) y += y < 50 ? 2000 : 1900;
      if (mo > 12 && d <= 12) [d, mo] = [mo, d];
      return this.checkDate(i, y, mo, d);
    }
    m = NUMERIC_MY.exec(s);
    if (m) {
      const mo = Number(m[1]);
      const y = Number(m[2]);
      if (mo < 1 || mo > 12) return null;
      return { e: i + 1, y, m: mo, conf: 0.85 };
    }
    m = NUMERIC_DM.exec(s);
    if (m && (s.includes("/") || supported)) {
      let d = Number(m[1]);
      let mo = Number(m[2]);
      if (mo > 12 && d <= 12) [d, mo] = [mo, d];
      if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
      // 3/4 is as often a fraction or a code: a bare day/month needs a date word before it
      // (في، يوم، بتاريخ...) unless it stands alone
      if (!supported && !this.dateContext(i - 1) && !(i === 0 && this.n === 1)) return null;
      const cal: CalDate = { e: i + 1, m: mo, d, conf: 0.8 };
      const year = this.yearAfter(i + 1);
      if (year) {
        cal.y = year.y;
        cal.e = year.e;
      }
      return cal;
    }
    return null;
  }

  /** Words before a bare day/month that make it a date. */
  private dateContext(i: number): boolean {
    const c = this.ca(i);
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
      (c === W.day && !this.isDef(i)) ||
      this.norm(i) === "بتاريخ" ||
      this.norm(i) === "تاريخ"
    );
  }

  private checkDate(i: number, y: number, m: number, d: number): CalDate | null {
    if (!isValidDate(y, m, d)) return null;
    let e = i + 1;
    if (this.isEraMark(e)) e++;
    return { e, y, m, d, conf: 0.95 };
  }

  private isEraMark(i: number): boolean {
    const c = this.c(i);
    return (c === W.ceMark || c === W.ceWord || c === W.ceWordF) && !this.isDef(i);
  }

  /** 22 أكتوبر، الحادي والعشرين من يناير، 13 الى 15 تموز، 14 الشهر الجاي. */
  private dayFirst(i: number): CalDate | null {
    let d: number;
    let k: number;
    let d2: number | undefined;
    const t = this.toks[i];
    const range = t?.kind === "number" ? NUMERIC_DD.exec(asciiDigits(t.text)) : null;
    if (range) {
      d = Number(range[1]);
      d2 = Number(range[2]);
      if (d < 1 || d > 31 || d2 < 1 || d2 > 31 || d2 <= d) return null;
      k = i + 1;
    } else {
      const dn = this.dayNumber(i);
      if (!dn) return null;
      d = dn.d;
      k = dn.e;
      // 13 الى 15 تموز, بين 4 و22 يناير
      const to = this.norm(k);
      if (RANGE_TO.has(to) || this.isPunct(k, "-–")) {
        const dn2 = this.dayNumber(k + 1);
        if (dn2 && dn2.d > d) {
          const at = this.skipOf(dn2.e);
          if (
            this.monthName(at) ||
            this.monthReference(at) ||
            (this.bare(at, W.month) && this.monthName(at + 1))
          ) {
            d2 = dn2.d;
            k = dn2.e;
          }
        }
      } else if (to === "و" && this.digits(i) >= 0) {
        // يومي 1 و3 أوت 2016: the first day takes the month (and year) of the second
        const next = this.dayFirst(k + 1);
        if (next && next.d !== undefined && next.d2 === undefined && next.m !== undefined) {
          const cal: CalDate = { ...next, e: k, d, conf: 0.85 };
          return cal;
        }
      }
    }
    let j = this.skipOf(k);
    if (this.bare(j, W.month) && MONTHS.has(this.c(j + 1))) j++;
    const month = this.monthName(j);
    if (month) {
      const cal: CalDate = { e: month.e, m: month.m, d, conf: 0.9 };
      if (month.hijri) cal.hijri = true;
      if (d2 !== undefined) cal.d2 = d2;
      this.yearAndRel(cal);
      return cal;
    }
    const shift = this.monthReference(j);
    if (shift) {
      const cal: CalDate = { e: shift.e, d, monthShift: shift.shift, conf: 0.85 };
      if (d2 !== undefined) cal.d2 = d2;
      return cal;
    }
    return null;
  }

  /** Skips "من" between a day and its month (الأول من مارس). */
  private skipOf(k: number): number {
    return this.bare(k, W.of) ? k + 1 : k;
  }

  /** الشهر الجاري / هذا الشهر / الشهر الماضي / الشهر قبل الماضي as a month shift. */
  private monthReference(i: number): { shift: number; e: number } | null {
    if (DEMONSTRATIVES.has(this.c(i)) && this.defWord(i + 1) === W.month)
      return { shift: 0, e: i + 2 };
    if (this.defWord(i) !== W.month) return null;
    const rel = this.relativeSuffix(i + 1);
    if (!rel) return null;
    return { shift: rel.shift, e: rel.e };
  }

  /** A month name, then the same month in another series: نوفمبر/تشرين الثاني، ماي (أيار). */
  private monthName(
    i: number,
  ): { m: number; e: number; hijri: boolean; ambiguous: boolean } | null {
    const first = this.oneMonthName(i);
    if (!first || first.hijri) return first;
    let j = first.e;
    const slash = this.isPunct(j, "/(");
    if (slash) j++;
    const second = this.oneMonthName(j);
    if (second && !second.hijri && second.m === first.m) {
      let e = second.e;
      if (this.isPunct(e, ")")) e++;
      return { ...first, e, ambiguous: false };
    }
    return first;
  }

  private oneMonthName(
    i: number,
  ): { m: number; e: number; hijri: boolean; ambiguous: boolean } | null {
    const c = this.ca(i);
    const pre = this.pre[i] ?? "";
    if (pre !== "" && pre !== "و" && pre !== "ب" && pre !== "ل" && pre !== "ف") return null;
    if (this.isDef(i)) return null;
    const g = MONTHS.get(c);
    if (g !== undefined) return { m: g, e: i + 1, hijri: false, ambiguous: AMBIGUOUS_MONTH.has(c) };
    const pair = MONTH_PAIR.get(c);
    if (pair) {
      const m = pair.get(this.norm(i + 1));
      if (m !== undefined) return { m, e: i + 2, hijri: false, ambiguous: false };
    }
    const h = HIJRI_MONTHS.get(c);
    if (h !== undefined) return { m: h, e: i + 1, hijri: true, ambiguous: true };
    const hp = HIJRI_PAIR.get(c);
    if (hp) {
      const m = hp.get(this.norm(i + 1));
      if (m !== undefined) return { m, e: i + 2, hijri: true, ambiguous: false };
    }
    return null;
  }

  /** شباط 13، أكتوبر 2014، شهر أفريل 2013، شهر 12 السابق، رمضان 1446. */
  private monthFirst(i: number, supported: boolean): CalDate | null {
    let k = i;
    let shahr = false;
    const head = this.ca(k);
    if (
      (head === W.month || head === W.monthsPl || head === W.monthsDual) &&
      !this.isDef(k) &&
      this.preOk(k)
    ) {
      shahr = true;
      k++;
    }
    let month = this.monthName(k);
    if (!month && shahr) {
      // شهر 12، شهر تسعة
      // (شهر واحد is "one month": a number word names a month only with a relative word after)
      const num = this.number(k);
      if (num && num.v >= 1 && num.v <= 12 && Number.isInteger(num.v) && !num.ordinal) {
        if (!num.word || this.relativeSuffix(num.e))
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
        if (this.norm(at) === "و") at++;
        else if (this.pre[at] !== "و") break;
        const next = this.monthName(at);
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
    const t = this.toks[cal.e];
    if (t?.kind === "number" && cal.m2 === undefined) {
      const s = asciiDigits(t.text);
      const dd = NUMERIC_DD.exec(s);
      const v = this.digits(month.e);
      if (dd) {
        const a = Number(dd[1]);
        const b = Number(dd[2]);
        if (a >= 1 && b <= 31 && b > a) {
          cal.d = a;
          cal.d2 = b;
          cal.e = month.e + 1;
        }
      } else if (v >= 1 && v <= 31 && s.length <= 2 && !this.isWordToken(month.e + 1)) {
        cal.d = v;
        cal.e = month.e + 1;
      } else if (v >= 1 && v <= 31 && s.length <= 2 && RANGE_TO.has(this.norm(month.e + 1))) {
        const v2 = this.digits(month.e + 2);
        if (v2 > v && v2 <= 31) {
          cal.d = v;
          cal.d2 = v2;
          cal.e = month.e + 3;
        }
      }
    }
    this.yearAndRel(cal);
    const hasSupport =
      shahr ||
      supported ||
      cal.d !== undefined ||
      cal.y !== undefined ||
      cal.rel !== undefined ||
      cal.yearShift !== undefined ||
      this.monthContext(i - 1);
    if (month.ambiguous && !hasSupport) return null;
    if (month.hijri && !shahr && cal.d === undefined && cal.y === undefined) return null;
    return cal;
  }

  /** Words before a month name that make it one: في، منذ، خلال، حتى، مطلع... */
  private monthContext(i: number): boolean {
    const c = this.ca(i);
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
  private yearAndRel(cal: CalDate): void {
    const year = this.yearAfter(cal.e);
    if (year) {
      cal.y = year.y;
      cal.e = year.e;
      if (year.hijri) cal.hijri = true;
      cal.conf = 0.95;
      return;
    }
    let k = cal.e;
    if (this.bare(k, W.of)) k++;
    const shift = this.yearReference(k);
    if (shift) {
      cal.yearShift = shift.shift;
      cal.e = shift.e;
      return;
    }
    const rel = this.relativeSuffix(cal.e);
    if (rel && !DEMONSTRATIVES.has(this.c(cal.e))) {
      cal.rel = rel.shift;
      cal.e = rel.e;
    }
  }

  /** السنة الماضية / العام المقبل / هذه السنة / العام الحالي as a year shift. */
  private yearReference(i: number): { shift: number; e: number } | null {
    if (DEMONSTRATIVES.has(this.c(i))) {
      const w = this.defWord(i + 1);
      if (w === W.year || w === W.year2) return { shift: 0, e: i + 2 };
      return null;
    }
    const w = this.defWord(i);
    if (w !== W.year && w !== W.year2) return null;
    const rel = this.relativeSuffix(i + 1);
    return rel ? { shift: rel.shift, e: rel.e } : null;
  }

  /** A year right after a date: 2014، عام 2015، من عام 2015، 1446 هـ. */
  private yearAfter(i: number): { y: number; e: number; hijri: boolean } | null {
    let k = i;
    if (this.isPunct(k, ",،") && this.digits(k + 1) >= 1000) k++;
    if (this.bare(k, W.of) && (this.isYearWord(k + 1) || this.digits(k + 1) >= 1000)) k++;
    if (this.isYearWord(k)) k++;
    const v = this.digits(k);
    if (v < 100 || v > 2999 || this.digitLength(k) < 3) return null;
    return this.eraSuffix(k + 1, v);
  }

  private isYearWord(i: number): boolean {
    const c = this.ca(i);
    return (c === W.year || c === W.year2) && (this.pre[i] === "" || this.pre[i] === "ل");
  }

  private eraSuffix(i: number, y: number): { y: number; e: number; hijri: boolean } {
    const c = this.c(i);
    if (this.def[i] === 0 && (c === "ه" || c === W.hijriWord || c === W.hijriWordF)) {
      return { y, e: i + 1, hijri: true };
    }
    if (this.norm(i) === W.hijriFor) return { y, e: i + 1, hijri: true };
    if (this.isEraMark(i) || this.norm(i) === W.ceFor) return { y, e: i + 1, hijri: false };
    return { y, e: i, hijri: false };
  }

  /** Turns a calendar date into a hit, choosing the year where the text leaves it open. */
  private calendarHit(
    s: number,
    e: number,
    cal: CalDate,
    weekday: number | null,
    anchor?: number,
  ): Hit | null {
    const ref = this.ref;
    const conf = cal.conf;
    if (cal.hijri) return this.hijriHit(s, e, cal);
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
          const py = placeMonth(ref, m, this.monthDirection(s, cal.rel));
          hit.value = value.replaceAll("XXXX", pad4(py));
          hit.day = dayNumber(py, m, 1);
        }
        return hit;
      }
      if (y === undefined) {
        if (ref === null) return { s, e, type: "DATE", value: `XXXX-${pad2(m)}`, grain: "M", conf };
        y = placeMonth(ref, m, this.monthDirection(s, cal.rel));
      }
      return {
        s,
        e,
        type: "DATE",
        value: isoMonth(y, m),
        day: dayNumber(y, m, 1),
        grain: "M",
        conf,
      };
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
      const dir = this.dateDirection(s, cal.rel);
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
    const hit = this.dayHit(s, e, start, conf);
    if (chosen) hit.yearless = true;
    return hit;
  }

  private hijriHit(s: number, e: number, cal: CalDate): Hit | null {
    const ref = this.ref;
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
    return this.dayHit(s, e, day, 0.9);
  }

  private dateDirection(s: number, rel: number | undefined): Direction {
    if (rel === -1 || this.ca(s - 1) === W.since) return "before";
    if (rel === 1) return "after";
    if (rel === 0) return "current";
    if (this.opts.weekdays === "forward") return "onOrAfter";
    return this.futureCue(s) ? "onOrAfter" : "past";
  }

  private monthDirection(s: number, rel: number | undefined): Direction {
    if (rel === -1 || this.ca(s - 1) === W.since) return "before";
    if (rel === 1) return "after";
    if (rel === 0) return "current";
    if (this.opts.weekdays === "forward") return "onOrAfter";
    return this.futureCue(s) ? "onOrAfter" : "past";
  }

  /**
   * The words before an underspecified date make it future: سوف، a سـ-future verb (سيعقد), an
   * imperfect verb just before (يصل، ويتواصل إلى), or a word of scheduling (المقرر، المنتظر).
   */
  private futureCue(s: number): boolean {
    for (let k = s - 1; k >= 0 && k >= s - 6; k--) {
      const t = this.toks[k];
      if (t?.kind !== "word") return false;
      let w = t.norm ?? "";
      if (w === W.sawfa || SCHEDULE_WORDS.has(w)) return true;
      if (w.length >= 5 && (w.charCodeAt(0) === 0x648 || w.charCodeAt(0) === 0x641)) w = w.slice(1);
      if (w.length >= 4 && w.charCodeAt(0) === 0x633 && "يتنا".includes(w[1] as string)) {
        const restCount = wordCount(w.slice(1));
        if (restCount >= 10 && restCount >= wordCount(w)) return true;
      }
      if (k >= s - 3 && w.length >= 4 && w.charCodeAt(0) === 0x64a && this.core[k] === "")
        return true;
    }
    return false;
  }

  private dayHit(s: number, e: number, day: number, conf: number): Hit {
    return { s, e, type: "DATE", value: isoDay(day), day, grain: "D", conf };
  }

  private dayOfMonthHit(
    s: number,
    e: number,
    d: number,
    weekday: number | undefined,
    conf: number,
  ): Hit | null {
    if (this.ref === null) {
      return { s, e, type: "DATE", value: `XXXX-XX-${pad2(d)}`, grain: "D", conf };
    }
    const day = placeDayOfMonth(this.ref, d, this.dateDirection(s, undefined), weekday);
    return day === null ? null : this.dayHit(s, e, day, conf);
  }

  /** Years: عام 2022، سنة 2016، العام 2017، في 2022 (bare years need context), عام ألفين وعشرين. */
  private yearPhrase(i: number): Hit | null {
    const c = this.ca(i);
    if ((c === W.yearDual || c === W.yearDual2) && this.preOk(i)) {
      // عامي 2010 و2015
      const a = this.digits(i + 1);
      let j = i + 2;
      if (this.norm(j) === "و") j++;
      const b = this.digits(j);
      if (a >= 1000 && b > a && b < 3000) {
        const first: Hit = this.yearHit(i, i + 2, a, 0.9);
        const second: Hit = this.yearHit(j, j + 1, b, 0.9);
        return this.makeRange(first, second);
      }
      return null;
    }
    if (this.isYearWordAny(i)) {
      const v = this.digits(i + 1);
      if (v >= 100 && v <= 2999 && this.digitLength(i + 1) >= 3) {
        const era = this.eraSuffix(i + 2, v);
        if (era.hijri) return this.hijriHit(i, era.e, { e: era.e, y: v, hijri: true, conf: 0.9 });
        return this.yearHit(i, era.e, v, 0.95);
      }
      const num = this.number(i + 1);
      if (num?.word && num.v >= 1000 && num.v <= 2999) return this.yearHit(i, num.e, num.v, 0.85);
      return null;
    }
    const t = this.toks[i];
    const yy = t?.kind === "number" ? NUMERIC_YY.exec(asciiDigits(t.text)) : null;
    if (yy) {
      // 2019-2020, 2015/2016
      const a = Number(yy[1]);
      const b = Number(yy[2]);
      if (a < 1900 || a > 2099 || b <= a || b - a > 10) return null;
      return this.makeRange(this.yearHit(i, i + 1, a, 0.8), this.yearHit(i, i + 1, b, 0.8));
    }
    const v = this.digits(i);
    if (v < 1900 || v > 2099 || !t || t.text.length !== 4) return null;
    const prev = this.toks[i - 1];
    const prevNorm = prev?.kind === "word" ? (prev.norm ?? "") : "";
    const prevCore = this.ca(i - 1);
    const strong =
      YEAR_CONTEXT.has(prevNorm) ||
      YEAR_CONTEXT.has(prevCore) ||
      (prevNorm.length > 1 && YEAR_CONTEXT.has(prevNorm.slice(1)));
    const nextFree =
      !this.isWordToken(i + 1) || AFTER_YEAR.has(this.norm(i + 1)) || this.isEraMark(i + 1);
    if (!strong && !nextFree) return null;
    if (!strong && prev?.kind === "symbol") return null; // $2000
    const era = this.eraSuffix(i + 1, v);
    return this.yearHit(i, era.e, v, strong ? 0.85 : 0.7);
  }

  private isYearWordAny(i: number): boolean {
    const c = this.ca(i);
    return (c === W.year || c === W.year2) && this.preOk(i);
  }

  private yearHit(s: number, e: number, y: number, conf: number): Hit {
    return { s, e, type: "DATE", value: pad4(y), day: dayNumber(y, 1, 1), grain: "Y", conf };
  }

  /** الأسبوع الماضي، الشهر المقبل، العام الجاري، هذه السنة، السنة هاي، الشهر قبل الماضي. */
  private relativePeriod(i: number): Hit | null {
    let k = i;
    let shift: number | null = null;
    if (DEMONSTRATIVES.has(this.ca(k)) && this.preOk(k)) {
      shift = 0;
      k++;
    }
    const noun = this.defWord(k) || (this.isDef(k) && this.preOk(k) ? this.ca(k) : "");
    if (noun !== W.week && noun !== W.month && noun !== W.year && noun !== W.year2) return null;
    k++;
    let anaphoric = false;
    if (shift === null) {
      const rel = this.relativeSuffix(k);
      if (!rel) return null;
      const w = this.defWord(k);
      anaphoric = w === "تالي" || w === "تاليه" || w === "موالي" || w === "مواليه";
      shift = rel.shift;
      k = rel.e;
    }
    const base = anaphoric ? this.lastDay() : this.ref;
    if (noun === W.week && base !== null) {
      // الأسبوع القادم يوم الأحد: that weekday of that week
      let j = k;
      if (this.bare(j, W.day)) j++;
      const wd = WEEKDAYS.get(this.c(j));
      if (wd !== undefined && (this.isDef(j) || j > k)) {
        return this.dayHit(i, j + 1, weekStart(base) + 7 * shift + wd - 1, 0.85);
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
    return this.periodHit(i, k, noun, base, shift, anaphoric ? 0.6 : 0.9);
  }

  private periodHit(
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
    return this.yearHit(s, e, fromDayNumber(base).y + shift, conf);
  }

  /** The latest day-grain date found so far (anaphora), else the reference. */
  private lastDay(): number | null {
    for (let k = this.hits.length - 1; k >= 0; k--) {
      const h = this.hits[k] as Hit;
      if (h.day !== undefined && (h.grain === "D" || h.type === "TIME")) return h.day;
    }
    return this.ref;
  }

  /**
   * قبل ثلاثة أيام، منذ سنتين، بعد أسبوعين، قبل أيام (PAST_REF), بعد يوم من X (anchored to an
   * event: the date already given in the sentence, else a duration).
   */
  private quantityDate(i: number): Hit | null {
    const c = this.ca(i);
    if ((c !== W.before && c !== W.after && c !== W.since) || this.isDef(i) || !this.preOk(i))
      return null;
    let k = i + 1;
    const m = this.modifier(k);
    if (m && m.mod !== "START" && m.mod !== "MID" && m.mod !== "END") k = m.e;
    const q = this.quantity(k);
    if (!q) return null;
    k = q.e;
    const past = c !== W.after;
    // من الآن: counted from the reference
    let fromNow = false;
    if (this.bare(k, W.of) && this.ca(k + 1) === W.now) {
      fromNow = true;
      k += 2;
    }
    if (!fromNow && this.bare(k, W.of) && this.isWordToken(k + 1)) {
      // anchored on an event: "بعد يوم من أداء ترامب اليمين"
      const given = m ? null : this.dateInSentence(i);
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
      if (this.ref !== null) dur.day = this.ref;
      if (m) dur.mod = m.mod;
      return dur;
    }
    const hit = this.shiftedDate(i, k, q.count * (past ? -1 : 1), q.unit);
    if (hit && m) hit.mod = m.mod;
    return hit;
  }

  /** The reference moved by n units, at that unit's grain (قبل شهرين → 2021-07). */
  private shiftedDate(s: number, e: number, n: number, unit: Unit): Hit | null {
    const ref = this.ref;
    if (ref === null) {
      const value =
        unit === "M"
          ? "XXXX-XX"
          : unit === "Y" || unit === "DE" || unit === "CE"
            ? "XXXX"
            : "XXXX-XX-XX";
      return { s, e, type: "DATE", value, grain: "X", conf: 0.7 };
    }
    if (!Number.isInteger(n)) {
      // قبل عام ونصف: to the day
      const days = Math.round(
        n * (unit === "Y" ? 365.25 : unit === "M" ? 30.44 : unit === "W" ? 7 : 1),
      );
      return this.dayHit(s, e, ref + days, 0.8);
    }
    switch (unit) {
      case "D":
        return this.dayHit(s, e, ref + n, 0.9);
      case "W":
        return this.dayHit(s, e, ref + 7 * n, 0.85);
      case "M": {
        const day = addMonths(ref, n);
        const f = fromDayNumber(day);
        return { s, e, type: "DATE", value: isoMonth(f.y, f.m), day, grain: "M", conf: 0.85 };
      }
      case "Y":
        return this.yearHit(s, e, fromDayNumber(ref).y + n, 0.85);
      case "DE":
        return this.yearHit(s, e, fromDayNumber(ref).y + 10 * n, 0.7);
      case "CE":
        return this.yearHit(s, e, fromDayNumber(ref).y + 100 * n, 0.6);
      default:
        return null;
    }
  }

  /** The nearest earlier day-grain date in the same sentence. */
  private dateInSentence(i: number): Hit | null {
    const start = this.sentenceStart(this.toks[i]?.start ?? 0);
    for (let k = this.hits.length - 1; k >= 0; k--) {
      const h = this.hits[k] as Hit;
      if ((this.toks[h.s]?.start ?? 0) < start) return null;
      if (h.type === "DATE" && h.grain === "D" && h.day !== undefined) return h;
    }
    return null;
  }

  private sentenceStart(offset: number): number {
    if (!this.sentenceStarts) {
      this.sentenceStarts = this.sentences.map((s) => s.start);
    }
    const starts = this.sentenceStarts;
    let lo = 0;
    let hi = starts.length - 1;
    let best = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = starts[mid] as number;
      if (v <= offset) {
        best = v;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  /** An amount of a unit: 3 أيام، ثلاثة أسابيع، يومين، ساعة ونصف، نصف ساعة، بضعة أشهر، أيام. */
  private quantity(i: number): Qty | null {
    let k = i;
    let count: number | null = null;
    const c = this.ca(i);
    if ((c === W.half || c === W.quarter) && !this.isDef(i)) {
      const u = UNITS.get(this.c(i + 1));
      if (u && u.count === 1 && !this.isDef(i + 1)) {
        return { count: c === W.half ? 0.5 : 0.25, unit: u.unit, e: i + 2, single: false };
      }
      return null;
    }
    if ((c === W.some || c === W.some2 || c === W.several) && !this.isDef(i)) {
      const u = UNITS.get(this.c(i + 1));
      if (u && u.count === 0) return { count: Number.NaN, unit: u.unit, e: i + 2, single: false };
      return null;
    }
    const num = this.number(i);
    let decimal = false;
    if (num) {
      if (num.ordinal) return null;
      count = num.v;
      k = num.e;
      decimal = !Number.isInteger(num.v);
    }
    const u = UNITS.get(this.c(k));
    if (!u || this.isDef(k)) return null;
    if (this.pre[k] !== "" && count !== null) return null;
    let e = k + 1;
    let single = false;
    if (count === null) {
      if (this.pre[k] !== "" && k !== i) return null;
      if (u.count === 2) count = 2;
      else if (u.count === 1 && u.acc) {
        // استمر شهرا، سيستمر أسبوعا: the accusative singular is "for a month"; يوما alone is
        // also "some day", so it needs a cue
        const whole = this.norm(k + 1) === "كاملا" || this.norm(k + 1) === "واحدا";
        if (u.unit === "D" && !whole && !this.durationCue(k - 1)) return null;
        count = 1;
      } else if (u.count === 1) {
        // يوم 22 أكتوبر، سنة 2007، يوم الاثنين: a date noun, not an amount
        const next = this.ca(k + 1);
        if (this.toks[k + 1]?.kind === "number" || WEEKDAYS.has(next) || MONTHS.has(next))
          return null;
        if (this.defWord(k + 1) === W.tomorrowNoun || this.c(k + 1) === W.tomorrowNoun) return null;
        // عقد is also "holding" (قبل عقد الجلسة): a lone decade or century ends the phrase
        if ((u.unit === "DE" || u.unit === "CE") && !this.boundary(k + 1)) return null;
        count = 1;
        single = true;
      } else {
        count = Number.NaN;
        // أيام قليلة
        if (this.c(e) === W.few || this.c(e) === W.fewM) e++;
      }
    } else if (u.count === 2) {
      return null;
    }
    // ونصف / وربع
    if (!Number.isNaN(count)) {
      if ((this.ca(e) === W.half || this.ca(e) === W.quarter) && this.pre[e] === "و") {
        count += this.ca(e) === W.half ? 0.5 : 0.25;
        single = false;
        e++;
      } else if (
        this.norm(e) === "و" &&
        (this.c(e + 1) === W.half || this.c(e + 1) === W.quarter)
      ) {
        count += this.c(e + 1) === W.half ? 0.5 : 0.25;
        single = false;
        e += 2;
      }
      // يوم كامل، شهر واحد، يوما كاملا: one whole unit
      const after = this.c(e);
      const n = this.norm(e);
      if (
        count === 1 &&
        (after === W.whole ||
          after === W.wholeF ||
          after === W.one ||
          after === W.oneF ||
          n === "كاملا" ||
          n === "واحدا")
      ) {
        single = false;
        e++;
      }
    }
    const q: Qty = { count, unit: u.unit, e, single };
    if (decimal) q.decimal = true;
    return q;
  }

  /** Whether a quantity ends right before i (for "14 يوما في السنة"). */
  private quantityBefore(i: number): boolean {
    const last = this.hits[this.hits.length - 1];
    if (last && last.e === i && last.type === "DURATION") return true;
    const p = this.ca(i - 1);
    return p === W.once || p === W.twice || p === W.times || this.digits(i - 1) >= 0;
  }

  /** Quarters, halves, seasons: الربع الأول من 2016، الثلاثي الأول، النصف الثاني من العام، صيف 2016. */
  private periodPart(i: number): Hit | null {
    const c = this.ca(i);
    const def = this.isDef(i);
    let kind: "Q" | "H" | null = null;
    if ((c === W.quarterPeriod || c === W.quarterTn) && def) kind = "Q";
    else if ((c === W.half || c === W.halfTn) && def) kind = "H";
    if (DEMONSTRATIVES.has(c) && this.preOk(i)) {
      // هذا الصيف
      const se = SEASONS.get(this.defWord(i + 1));
      if (se === undefined || this.ref === null) return null;
      return {
        s: i,
        e: i + 2,
        type: "DATE",
        value: `${pad4(fromDayNumber(this.ref).y)}-${se}`,
        grain: "M",
        conf: 0.8,
      };
    }
    const season = SEASONS.get(c);
    if (kind) {
      const ord = this.defWord(i + 1);
      let n = ORDINALS.get(ord);
      if (ord === "اخير") n = kind === "Q" ? 4 : 2;
      if (n === undefined || n > (kind === "Q" ? 4 : 2)) return null;
      let k = i + 2;
      const year = this.ofYear(k);
      if (!year && !(this.boundary(k) || this.ref !== null)) return null;
      if (year) k = year.e;
      const y = year?.y ?? (this.ref !== null ? fromDayNumber(this.ref).y : null);
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
    if (season && this.preOk(i)) {
      let k = i + 1;
      let y: number | null = null;
      const year = this.ofYear(k);
      if (year && !def) {
        y = year.y;
        k = year.e;
      } else if (def) {
        const rel = this.relativeSuffix(k);
        if (!rel || this.ref === null) return null;
        k = rel.e;
        y = fromDayNumber(this.ref).y + rel.shift;
      } else return null;
      return { s: i, e: k, type: "DATE", value: `${pad4(y)}-${season}`, grain: "M", conf: 0.8 };
    }
    return null;
  }

  /** "[من] [عام] 2016" or "[من] العام الماضي / هذا العام" → a year. */
  private ofYear(i: number): { y: number; e: number } | null {
    let k = i;
    if (this.bare(k, W.of) || this.norm(k) === "ل") k++;
    if (this.isYearWordAny(k) && this.digits(k + 1) >= 1000)
      return { y: this.digits(k + 1), e: k + 2 };
    const v = this.digits(k);
    if (v >= 1000 && v < 3000) return { y: v, e: k + 1 };
    const shift = this.yearReference(k);
    if (shift && this.ref !== null)
      return { y: fromDayNumber(this.ref).y + shift.shift, e: shift.e };
    const t = this.toks[i];
    if (t && this.isYearWordAny(i) && this.pre[i] === "ل") {
      const v2 = this.digits(i + 1);
      if (v2 >= 1000) return { y: v2, e: i + 2 };
    }
    return null;
  }

  /** Decades and centuries: التسعينيات (199), القرن العشرين (19), القرن الماضي. */
  private decade(i: number): Hit | null {
    const c = this.ca(i);
    const dec = DECADES.get(c);
    if (dec !== undefined && this.preOk(i)) {
      let k = i + 1;
      let century = 19;
      if (this.defWord(k) === W.century || this.c(k) === W.century) {
        const cent = this.centuryNumber(k + 1);
        if (cent) {
          century = cent.c;
          k = cent.e;
        }
      }
      return { s: i, e: k, type: "DATE", value: `${century}${dec}`, grain: "Y", conf: 0.75 };
    }
    if (c === W.century && this.isDef(i) && this.preOk(i)) {
      const cent = this.centuryNumber(i + 1);
      if (!cent) return null;
      return { s: i, e: cent.e, type: "DATE", value: pad2(cent.c), grain: "Y", conf: 0.75 };
    }
    return null;
  }

  /** The number of a century after القرن: العشرين (→ 19), الحادي والعشرين (20), الماضي. */
  private centuryNumber(i: number): { c: number; e: number } | null {
    const rel = this.relativeSuffix(i);
    if (rel && this.ref !== null) {
      return { c: Math.floor(fromDayNumber(this.ref).y / 100) + rel.shift, e: rel.e };
    }
    if (this.norm(i) === "ال" || this.digits(i) >= 0) {
      const num = this.number(i);
      if (num && num.v >= 1 && num.v <= 30) return { c: num.v - 1, e: num.e };
    }
    if (!this.isDef(i)) return null;
    const num = this.number(i);
    if (!num || num.v < 1 || num.v > 30) return null;
    return { c: num.v - 1, e: num.e };
  }

  // ---------- clock times and parts of the day ----------

  /**
   * A clock time: [الساعة] 14:30 | 7 | السابعة [والنصف | إلا ربعا | و10 دقائق] [صباحا/مساء/م/ص]
   * [بتوقيت غرينتش]. `ctx` carries the day (and part of day) named around it; `ctx.end` re-reads
   * a clock already found.
   */
  private clockExpr(i: number, ctx?: ClockContext): Hit | null {
    let k = i;
    let saa = false;
    if (this.ca(k) === W.hour && this.isDef(k) && this.preOk(k)) {
      saa = true;
      k++;
    }
    let hour = -1;
    let minute = 0;
    let second = -1;
    let minutes = false;
    let numeric = false;
    const t = this.toks[k];
    if (t?.kind === "number") {
      const s = asciiDigits(t.text);
      const m = CLOCK.exec(s) ?? (this.timezone(k + 1)?.utc ? CLOCK_COMMA.exec(s) : null);
      if (m && (s.includes(":") || saa || !CLOCK.test(s) || this.timezone(k + 1))) {
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
      } else return null;
    } else {
      const c = this.ca(k);
      const h = HOURS.get(c);
      if (h === undefined || (!this.isDef(k) && c !== W.oneF)) return null;
      if (this.pre[k] !== "" && !(k === i && this.preOk(k))) return null;
      hour = h;
      k++;
      // الحادية عشرة (11), الثانية عشرة (12)
      const teen = this.c(k) === "عشر" || this.c(k) === "عشره";
      if (teen && (h === 11 || h === 2)) {
        hour = h === 11 ? 11 : 12;
        k++;
      } else if (h === 11) return null; // الحادية alone
    }
    if (hour < 0 || hour > 24 || minute > 59 || second > 59) return null;
    // fractions: والنصف، والربع، والثلث، إلا ربعا، و10 دقائق
    const frac = this.clockFraction(k);
    if (frac) {
      minute = frac.minutes;
      minutes = true;
      k = frac.e;
      if (frac.minus) hour = (hour + 23) % 24;
    }
    const reread = ctx?.end !== undefined;
    let pod =
      reread && k >= (ctx?.end as number) ? null : (this.podAdverb(k) ?? this.podAfterClock(k));
    if (!pod && numeric && !reread) {
      // 7 م / 7 ص: the abbreviations of مساء and صباحا
      const ab = this.norm(k);
      if ((ab === "م" || ab === "ص") && this.toks[k]?.kind === "word")
        pod = { pod: ab === "م" ? "EV" : "MO", e: k + 1 };
    }
    if (pod) k = pod.e;
    let exact = false;
    if (this.c(k) === W.exactly) {
      exact = true;
      k++;
    }
    const tz = this.timezone(k);
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
      (hourWord &&
        this.clockPreposition(i - 1) &&
        (this.boundary(k) || this.isConjunctionWord(k))) ||
      (reread && (hourWord || ctx?.undated === true));
    if (!accepted) return null;
    if (numeric && !minutes && !saa && hour > 12 && !pod) return null;
    if (pod) hour = shiftHour(hour, pod.pod);
    if (hour === 24) hour = 0;
    const z = tz?.utc ? "Z" : "";
    const article = this.opts.clock === "article";
    const dated = ctx !== undefined && ctx.undated !== true && ctx.free !== true;
    let onDay = dated ? (ctx?.day ?? null) : null;
    if (onDay === null && article && !dated && ctx?.free !== true) onDay = this.ref;
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

  private isConjunctionWord(i: number): boolean {
    return this.norm(i) === "و" || this.c(i) === W.until || RANGE_TO.has(this.norm(i));
  }

  private clockPreposition(i: number): boolean {
    const c = this.ca(i);
    return (
      c === W.in ||
      c === W.at ||
      c === W.until ||
      c === W.by ||
      c === W.upon ||
      c === W.from ||
      c === W.to ||
      c === W.to2 ||
      c === W.since
    );
  }

  private clockFraction(k: number): { minutes: number; minus: boolean; e: number } | null {
    let j = k;
    let plus = false;
    if (this.norm(j) === "و") {
      plus = true;
      j++;
    } else if (this.pre[j] === "و") plus = true;
    const c = this.ca(j);
    if (plus) {
      if (c === W.half) return { minutes: 30, minus: false, e: j + 1 };
      if (c === W.quarter) return { minutes: 15, minus: false, e: j + 1 };
      if (c === W.third) return { minutes: 20, minus: false, e: j + 1 };
      const num = this.pre[j] === "و" ? this.numberStripped(j) : this.number(j);
      if (num && num.v > 0 && num.v < 60 && this.isMinuteUnit(num.e)) {
        return { minutes: num.v, minus: false, e: num.e + 1 };
      }
      if (this.pre[j] === "و" || this.norm(k) === "و") {
        const d = this.digits(j);
        if (d > 0 && d < 60 && this.isMinuteUnit(j + 1))
          return { minutes: d, minus: false, e: j + 2 };
      }
      return null;
    }
    if (c === W.except && this.pre[j] === "") {
      const c2 = this.ca(j + 1);
      if (c2 === W.quarter || this.norm(j + 1) === "ربعا")
        return { minutes: 45, minus: true, e: j + 2 };
      if (c2 === W.third || this.norm(j + 1) === "ثلثا")
        return { minutes: 40, minus: true, e: j + 2 };
      const num = this.number(j + 1);
      if (num && num.v > 0 && num.v < 60 && this.isMinuteUnit(num.e)) {
        return { minutes: 60 - num.v, minus: true, e: num.e + 1 };
      }
    }
    return null;
  }

  /** A number word carrying و (وعشر دقائق): read from its core. */
  private numberStripped(i: number): { v: number; e: number } | null {
    const v = CARDINALS.get(this.ca(i));
    if (v === undefined) return null;
    return { v, e: i + 1 };
  }

  private isMinuteUnit(i: number): boolean {
    const u = UNITS.get(this.c(i));
    return u !== undefined && u.unit === "MIN";
  }

  /** صباحا، مساء، ظهرا، عصرا، ليلا، فجرا after a clock or a day; بعد الظهر، بعد الزوال. */
  private podAdverb(i: number): { pod: Pod; e: number } | null {
    const c = this.c(i);
    if (c === W.after && !this.isDef(i)) {
      const n = this.defWord(i + 1);
      if (n === W.afternoon || n === W.afternoon2 || n === "ظهر") return { pod: "AF", e: i + 2 };
      return null;
    }
    if (c === W.before && !this.isDef(i)) {
      const n = this.defWord(i + 1);
      if (n === W.afternoon || n === "ظهر") return { pod: "MO", e: i + 2 };
      return null;
    }
    const p = PODS.get(c);
    if (p === undefined || this.isDef(i)) return null;
    // adverbs only: صباحا، مساء (also the construct noun when nothing follows)
    const norm = this.norm(i);
    const adverb = norm.endsWith("ا") || norm === "مساء" || norm === "مساءا";
    if (!adverb) return null;
    if (c === "ليلا" && this.conj(i + 1) && this.ca(i + 1) === "نهارا") return null;
    return { pod: p, e: i + 1 };
  }

  /** "من صباح/مساء ..." or "في الصباح/المساء" after a clock time: the part of day alone. */
  private podAfterClock(i: number): { pod: Pod; e: number } | null {
    let k = i;
    if (this.bare(k, W.of) || this.bare(k, W.in)) k++;
    else return null;
    const p = PODS.get(this.ca(k));
    if (p === undefined || this.pre[k] !== "") return null;
    if (this.isDef(k)) return { pod: p, e: k + 1 };
    return null;
  }

  private timezone(i: number): { e: number; utc: boolean } | null {
    const n = this.norm(i);
    if (n === W.timezone || (this.ca(i) === W.timing && this.pre[i] === "ب")) {
      const next = this.norm(i + 1);
      const utc =
        next === W.gmt ||
        next === W.gmt2 ||
        next === W.gmt3 ||
        next === W.gmt4 ||
        next === "gmt" ||
        next === "utc";
      if (this.isWordToken(i + 1)) return { e: i + 2, utc };
      return { e: i + 1, utc: false };
    }
    if (n === "gmt" || n === "utc") return { e: i + 1, utc: true };
    // ت غ (توقيت غرينتش), also written ت.غ
    if (n === "ت" && this.norm(i + 1) === "غ") return { e: i + 2, utc: true };
    if (n === "ت" && this.isPunct(i + 1, ".") && this.norm(i + 2) === "غ")
      return { e: i + 3, utc: true };
    // بالتوقيت المحلي
    if (this.ca(i) === W.timing && this.isDef(i) && this.pre[i] === "ب") {
      return { e: this.norm(i + 1) === W.local ? i + 2 : i + 1, utc: false };
    }
    return null;
  }

  /**
   * Parts of the day: صباح اليوم، مساء أمس الجمعة، ليلة الجمعة، هذا الصباح، الليلة، الليلة
   * الماضية، في المساء، صباحا (alone).
   */
  private podExpr(i: number): Hit | null {
    const c = this.ca(i);
    const pod = PODS.get(c);
    const def = this.isDef(i);
    if (pod !== undefined && !def && this.preOk(i)) {
      // منتصف الليل handled as a modifier miss: see midnight below
      const norm = this.norm(i);
      const adverb = norm.endsWith("ا") && c !== "ليله";
      if (!adverb) {
        const day = this.dayPhrase(i + 1);
        if (day && day.grain === "D")
          return this.podHit(i, day.e, day.day ?? null, pod, true, day.value);
        // صباح يوم الأحد
        return null;
      }
      // an adverb alone: وصل صباحا
      if (c === "ليلا" && this.conj(i + 1)) return null;
      return this.podHit(i, i + 1, null, pod, false);
    }
    if (DEMONSTRATIVES.has(c) && this.preOk(i)) {
      const p = PODS.get(this.defWord(i + 1));
      if (p !== undefined) return this.podHit(i, i + 2, this.ref, p, true);
      return null;
    }
    if (c === "ليله" && def && this.preOk(i)) {
      // الليلة، الليلة الماضية، الليلة المقبلة
      const rel = this.relativeSuffix(i + 1);
      if (rel && !DEMONSTRATIVES.has(this.c(i + 1))) {
        // الليلة الماضية is last night; الليلة القادمة/المقبلة is the coming one, tonight
        const day = this.ref === null ? null : this.ref + Math.min(rel.shift, 0);
        return this.podHit(i, rel.e, day, "NI", this.ref !== null);
      }
      const next = this.toks[i + 1];
      if (next && this.isWordToken(i + 1) && !this.conj(i + 1) && this.core[i + 1] === "")
        return null; // ليلة القدر…
      return this.podHit(i, i + 1, this.ref, "NI", this.ref !== null);
    }
    if (pod !== undefined && def && this.bare(i - 1, W.in) && c !== "ليله") {
      // في الصباح، في المساء
      return this.podHit(i, i + 1, null, pod, false);
    }
    if (
      (c === "ظهر" || c === W.afternoon2) &&
      def &&
      this.pre[i] === "" &&
      (this.bare(i - 1, W.at) || this.bare(i - 1, W.until))
    ) {
      // عند الظهر: noon
      return this.clockValueHit(i, i + 1, 12);
    }
    if (c === W.after && !def && this.preOk(i)) {
      // بعد الظهر، بعد الزوال alone
      const p = this.podAdverb(i);
      if (p) return this.podHit(i, p.e, null, p.pod, false);
    }
    if (c === "منتصف" || c === W.in) {
      // منتصف الليل / منتصف النهار
      const k = c === W.in ? i + 1 : i;
      if (this.ca(k) !== "منتصف") return null;
      const w = this.defWord(k + 1);
      if (w === W.midnight || w === "ليله") return this.clockValueHit(i, k + 2, 0);
      if (w === W.noon) return this.clockValueHit(i, k + 2, 12);
    }
    return null;
  }

  private clockValueHit(s: number, e: number, hour: number): Hit {
    const article = this.opts.clock === "article";
    const clock = article ? `T${pad2(hour)}:00` : `T${pad2(hour)}`;
    const hit: Hit = {
      s,
      e,
      type: "TIME",
      value: article && this.ref !== null ? `${isoDay(this.ref)}${clock}` : clock,
      conf: 0.8,
    };
    if (article && this.ref !== null) hit.day = this.ref;
    return hit;
  }

  /** A part of the day on a day: 2017-05-05TEV; on no day, TEV (phrase) or the reference day (article). */
  private podHit(
    s: number,
    e: number,
    day: number | null,
    pod: Pod,
    dated: boolean,
    dayValue?: string,
  ): Hit {
    let onDay = day;
    if (onDay === null && !dated && this.opts.clock === "article") onDay = this.ref;
    // midday (ظهر) is noon: T12
    const suffix = pod === "MI" ? (this.opts.clock === "article" ? "T12:00" : "T12") : `T${pod}`;
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

  // ---------- durations and sets ----------

  /**
   * Durations: ثلاثة أيام، 14 يوما، ساعة ونصف، لمدة شهر، الأيام الثلاثة الماضية، الخمسة عشر يوما
   * الأخيرة، السنوات الأخيرة (PXY), الأيام القادمة (PXD), بضعة أسابيع.
   */
  private durationExpr(i: number): Hit | null {
    const anchored = this.anchoredPeriod(i) ?? this.lastPeriod(i);
    if (anchored) return anchored;
    const c0 = this.ca(i);
    if ((c0 === W.throughout || c0 === W.throughout2) && this.preOk(i)) {
      // طوال اليوم، طيلة الأسبوع: the whole of it
      const u = UNITS.get(this.defWord(i + 1));
      if (u && u.count === 1 && !u.acc) {
        return { s: i, e: i + 2, type: "DURATION", value: durationValue(1, u.unit), conf: 0.8 };
      }
    }
    const q = this.quantity(i);
    if (!q) return null;
    if (q.single) {
      // a lone "شهر" or "ساعة" is a duration only after لمدة، طيلة، خلال...
      if (!this.durationCue(i - 1)) return null;
    }
    if (Number.isNaN(q.count)) {
      // a bare plural (أيام) is too vague unless counted (بضعة أيام)
      const c = this.ca(i);
      if (!(c === W.some || c === W.some2 || c === W.several)) return null;
    }
    let e = q.e;
    const value = q.decimal
      ? compositeDuration([[q.count, q.unit]])
      : durationValue(q.count, q.unit);
    const hit: Hit = { s: i, e, type: "DURATION", value, conf: 0.85 };
    // ثلاث سنوات وستة أشهر، ساعتين و15 دقيقة: a sum of smaller units
    const parts: [number, Unit][] = [[q.count, q.unit]];
    let last = q;
    while (!Number.isNaN(last.count)) {
      let j = last.e;
      if (this.norm(j) === "و") j++;
      else if (this.pre[j] !== "و") break;
      const next = this.pre[j] === "و" ? this.quantityAfterAnd(j) : this.quantity(j);
      if (!next || Number.isNaN(next.count) || UNIT_RANK[next.unit] >= UNIT_RANK[last.unit]) break;
      parts.push([next.count, next.unit]);
      last = next;
    }
    if (parts.length > 1) {
      hit.value = compositeDuration(parts);
      hit.e = e = last.e;
    }
    // ... الماضية / الأخيرة / المقبلة: a duration that ends or starts at the reference
    const rel = this.relativeOrRecent(e);
    if (rel && this.isDefQuantity(i)) {
      e = rel.e;
      hit.e = e;
      this.anchorDuration(hit, q, rel.shift);
    }
    return hit;
  }

  /** A quantity whose first word carries و (وستة أشهر): the number read from its core. */
  private quantityAfterAnd(j: number): Qty | null {
    const v = CARDINALS.get(this.ca(j));
    if (v !== undefined) {
      const u = UNITS.get(this.c(j + 1));
      if (u && !this.isDef(j + 1) && u.count !== 2)
        return { count: v, unit: u.unit, e: j + 2, single: false };
      return null;
    }
    const u = UNITS.get(this.ca(j));
    if (u && !this.isDef(j) && u.count > 0)
      return { count: u.count, unit: u.unit, e: j + 1, single: u.count === 1 };
    return null;
  }

  /** آخر ثلاثة أيام، آخر 24 ساعة: the period that ends at the reference. */
  private lastPeriod(i: number): Hit | null {
    if (this.ca(i) !== W.last || this.isDef(i) || !this.preOk(i)) return null;
    const q = this.quantity(i + 1);
    if (!q || q.single || Number.isNaN(q.count)) return null;
    const hit: Hit = {
      s: i,
      e: q.e,
      type: "DURATION",
      value: durationValue(q.count, q.unit),
      conf: 0.8,
    };
    this.anchorDuration(hit, q, -1);
    return hit;
  }

  /** "الأيام الثلاثة الماضية", "الأسابيع القليلة المقبلة", "السنوات الأخيرة", "الأسبوعين الماضيين". */
  private anchoredPeriod(i: number): Hit | null {
    if (!this.isDef(i) || !this.preOk(i)) return null;
    const u = UNITS.get(this.ca(i));
    if (!u || u.count === 1) return null;
    let k = i + 1;
    let count = u.count === 2 ? 2 : Number.NaN;
    if (u.count === 0) {
      const num = this.number(k);
      if (num && this.isDef(k) === true && !num.ordinal) {
        count = num.v;
        k = num.e;
      } else if (num && this.norm(k) === "ال") {
        count = num.v;
        k = num.e;
      } else if (this.c(k) === W.few || this.c(k) === W.fewM) k++;
    }
    const rel = this.relativeOrRecent(k);
    if (!rel) return null;
    const hit: Hit = {
      s: i,
      e: rel.e,
      type: "DURATION",
      value: durationValue(count, u.unit),
      conf: 0.8,
    };
    this.anchorDuration(hit, { count, unit: u.unit, e: k, single: false }, rel.shift);
    return hit;
  }

  private isDefQuantity(i: number): boolean {
    return this.isDef(i) || this.norm(i) === "ال";
  }

  private relativeOrRecent(i: number): { shift: number; e: number } | null {
    const d = this.defWord(i);
    if (d === W.recent || d === W.recentF || d === W.recentPl || d === W.recentDual)
      return { shift: -1, e: i + 1 };
    const r = RELATIVE.get(d);
    if (r === undefined || r === 0) return null;
    return { shift: r, e: i + 1 };
  }

  /** The first day of a duration that ends at (past) or starts after (future) the reference. */
  private anchorDuration(hit: Hit, q: Qty, shift: number): void {
    const ref = this.ref;
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

  private durationCue(i: number): boolean {
    const c = this.ca(i);
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
      (MODS.get(c) === "APPROX" && !this.isDef(i)) ||
      (c === W.limits && this.bare(i - 1, W.in))
    );
  }

  /** Sets: يوميا، أسبوعيا، كل يوم، كل يومين، كل ثلاثة أشهر، كل يوم اثنين، كل صباح، مرة في الأسبوع. */
  private setExpr(i: number): Hit | null {
    const c = this.ca(i);
    const adv = SET_ADVERBS.get(c);
    if (adv && this.preOk(i) && !this.isDef(i))
      return { s: i, e: i + 1, type: "SET", value: adv, conf: 0.85 };
    if (c === W.every && !this.isDef(i) && this.preOk(i)) {
      let k = i + 1;
      if (this.bare(k, W.day) && WEEKDAYS.has(this.c(k + 1))) k++;
      const wd = WEEKDAYS.get(this.c(k));
      if (
        wd !== undefined &&
        (this.isDef(k) || k > i + 1 || wd === 2 || wd === 3 || wd === 4 || wd === 5 || wd === 6)
      ) {
        return { s: i, e: k + 1, type: "SET", value: `XXXX-WXX-${wd}`, conf: 0.85 };
      }
      const pod = PODS.get(this.c(i + 1));
      if (pod !== undefined && !this.isDef(i + 1))
        return { s: i, e: i + 2, type: "SET", value: `T${pod}`, conf: 0.8 };
      const month = this.monthName(i + 1);
      if (month && !month.hijri)
        return { s: i, e: month.e, type: "SET", value: `XXXX-${pad2(month.m)}`, conf: 0.8 };
      const q = this.quantity(i + 1);
      if (q && !Number.isNaN(q.count)) {
        return { s: i, e: q.e, type: "SET", value: durationValue(q.count, q.unit), conf: 0.85 };
      }
      return null;
    }
    // مرة في الأسبوع، مرتين في الشهر، ثلاث مرات في السنة
    let k = i;
    if (c === W.once || c === W.twice) k = i + 1;
    else {
      const num = this.number(i);
      if (num && this.c(num.e) === W.times) k = num.e + 1;
    }
    if (k > i) {
      if (this.c(k) === W.oneF) k++;
      if (this.bare(k, W.in) || this.bare(k, W.every)) {
        const u = UNITS.get(this.c(k + 1));
        if (u && u.count === 1 && (this.isDef(k + 1) || this.bare(k, W.every))) {
          return { s: i, e: k + 2, type: "SET", value: durationValue(1, u.unit), conf: 0.8 };
        }
      }
      return null;
    }
    // "في السنة" right after an amount: 14 يوما في السنة
    if (c === W.in && this.pre[i] === "" && this.quantityBefore(i)) {
      const u = UNITS.get(this.c(i + 1));
      if (u && u.count === 1 && this.isDef(i + 1) && !this.relativeSuffix(i + 2)) {
        return { s: i, e: i + 2, type: "SET", value: durationValue(1, u.unit), conf: 0.75 };
      }
    }
    return null;
  }

  // ---------- reference words, anaphora, holidays ----------

  /** الآن، حاليا، مؤخرا، سابقا، مستقبلا، الوقت الحالي، في وقت سابق، في المستقبل، يوما ما. */
  private deictic(i: number): Hit | null {
    const c = this.ca(i);
    const v = DEICTICS.get(c);
    if (v && this.preOk(i)) {
      let s = i;
      const p = this.ca(i - 1);
      if (c === W.now && (p === W.until || p === W.until3 || p === W.to || p === W.to2)) s = i - 1;
      const hit: Hit = { s, e: i + 1, type: "DATE", value: v, conf: 0.8 };
      if (v === "PRESENT_REF" && this.ref !== null) hit.day = this.ref;
      return hit;
    }
    if (c === W.time && this.isDef(i)) {
      const w = this.defWord(i + 1);
      if (w === "حالي" || w === W.present) return this.refHit(i, i + 2, "PRESENT_REF");
      return null;
    }
    if (c === W.time && !this.isDef(i) && this.bare(i - 1, W.in)) {
      const w = this.c(i + 1);
      if (w === W.prevDay && !this.isDef(i + 1)) return this.refHit(i, i + 2, "PAST_REF");
      if (w === W.later && !this.isDef(i + 1)) return this.refHit(i, i + 2, "FUTURE_REF");
      return null;
    }
    if (this.bare(i - 1, W.in) && this.isDef(i) && this.pre[i] === "") {
      if (c === W.past && !this.isWordToken(i + 1)) return this.refHit(i, i + 1, "PAST_REF");
      if (c === W.future) return this.refHit(i, i + 1, "FUTURE_REF");
    }
    if (c === W.nearest && !this.isDef(i) && this.c(i + 1) === W.time && !this.isDef(i + 1)) {
      // في أقرب وقت (ممكن): as soon as possible
      const e = this.c(i + 2) === W.possible ? i + 3 : i + 2;
      return this.refHit(i, e, "FUTURE_REF");
    }
    if (c === "قريب" && this.isDef(i) && this.bare(i - 1, W.in) && this.norm(i + 1) === W.urgent) {
      return this.refHit(i, i + 2, "FUTURE_REF");
    }
    if (this.norm(i) === "يوما" && this.digits(i - 1) < 0 && !this.number(i - 1)) {
      // يوما ما، يوما من الأيام، قرر يوما أن: "some day"
      const n = this.norm(i + 1);
      if (n === "ما") return this.refHit(i, i + 2, "FUTURE_REF");
      if (n === "ان") return this.refHit(i, i + 1, "FUTURE_REF");
    }
    return null;
  }

  private refHit(s: number, e: number, value: string): Hit {
    const hit: Hit = { s, e, type: "DATE", value, conf: 0.75 };
    if (value === "PRESENT_REF" && this.ref !== null) hit.day = this.ref;
    return hit;
  }

  /**
   * Back-references: نفس اليوم / اليوم نفسه / ذات اليوم (the last day named), اليوم التالي (the
   * day after it), للفترة نفسها هذه السنة (the last period, in this year).
   */
  private anaphora(i: number): Hit | null {
    let k = i;
    let noun = "";
    const c = this.ca(i);
    if ((c === W.same || c === W.very) && !this.isDef(i) && this.preOk(i)) {
      noun = this.defWord(i + 1);
      k = i + 2;
    } else if (this.isDef(i) && this.preOk(i)) {
      const next = this.c(i + 1);
      if (next === W.self || next === W.selfF || next === W.veryM || next === W.veryF) {
        noun = c;
        k = i + 2;
      } else if (c === W.today) {
        const rel = this.defWord(i + 1);
        if (rel === "تالي" || rel === "موالي") return this.relativeToLast(i, i + 2, 1);
        if (rel === "سابق") return this.relativeToLast(i, i + 2, -1);
        return null;
      } else return null;
    } else return null;
    if (noun === W.today) {
      const last = this.lastOfGrain("D");
      return last ? { ...last, s: i, e: k, conf: 0.6 } : null;
    }
    if (noun === W.period) {
      const last = this.lastOfGrain("M") ?? this.lastOfGrain("D");
      if (!last) return null;
      // للفترة نفسها هذه السنة / من العام الماضي: the same period in another year
      const year = this.ofYear(k);
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
      const last = this.lastOfGrain(grain);
      return last ? { ...last, s: i, e: k, conf: 0.6 } : null;
    }
    return null;
  }

  private lastOfGrain(grain: Grain): Hit | null {
    for (let k = this.hits.length - 1; k >= 0; k--) {
      const h = this.hits[k] as Hit;
      if (h.type === "DATE" && h.grain === grain && !h.value.startsWith("(")) return h;
    }
    return null;
  }

  private relativeToLast(s: number, e: number, shift: number): Hit | null {
    const base = this.lastDay();
    if (base === null) return { s, e, type: "DATE", value: "XXXX-XX-XX", grain: "D", conf: 0.5 };
    return this.dayHit(s, e, base + shift, 0.6);
  }

  /** Holidays: عيد الميلاد، رأس السنة، عيد الفطر، عيد الأضحى، المولد النبوي... */
  private holiday(i: number): Hit | null {
    const list = HOLIDAYS.get(this.ca(i));
    if (!list || !this.preOk(i)) return null;
    for (const h of list) {
      let ok = true;
      for (let w = 1; w < h.words.length; w++) {
        if (this.norm(i + w) !== h.words[w]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      // the first word may carry clitics: its core must match the phrase's first word's core
      const firstCore = lookupWord(h.words[0] as string)?.core ?? h.words[0];
      if (
        this.ca(i) !== firstCore ||
        this.isDef(i) !== (lookupWord(h.words[0] as string)?.def ?? false)
      )
        continue;
      let e = i + h.words.length;
      let year: number | null = null;
      const y = this.digits(e);
      if (y >= 1000 && y < 3000 && this.digitLength(e) === 4) {
        year = y;
        e++;
      }
      if (h.rule) return this.movingHolidayHit(i, e, h.rule, year);
      return this.holidayHit(i, e, h.month, h.day, h.hijri, year);
    }
    return null;
  }

  private movingHolidayHit(
    s: number,
    e: number,
    rule: "thanksgiving" | "easter",
    year: number | null,
  ): Hit | null {
    const dayOf = (y: number) => (rule === "easter" ? easter(y) : nthWeekdayOf(y, 11, 4, 4));
    if (year !== null) return this.dayHit(s, e, dayOf(year), 0.85);
    if (this.ref === null) return null;
    const y0 = fromDayNumber(this.ref).y;
    const n = nearestHoliday([dayOf(y0 - 1), dayOf(y0), dayOf(y0 + 1)], this.ref);
    return n === null ? null : this.dayHit(s, e, n, 0.8);
  }

  private holidayHit(
    s: number,
    e: number,
    month: number,
    day: number,
    hijri: boolean,
    year: number | null,
  ): Hit | null {
    const ref = this.ref;
    if (!hijri) {
      if (year !== null)
        return isValidDate(year, month, day)
          ? this.dayHit(s, e, dayNumber(year, month, day), 0.85)
          : null;
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
      return n === null ? null : this.dayHit(s, e, n, 0.8);
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
    return best === null ? null : this.dayHit(s, e, best, 0.8);
  }
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

/** The nth given weekday (1 = Monday) of a month. */
function nthWeekdayOf(y: number, m: number, weekday: number, nth: number): number {
  const first = dayNumber(y, m, 1);
  return first + ((weekday - isoWeekday(first) + 7) % 7) + 7 * (nth - 1);
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
function timeOf(value: string): number {
  const m = /T(\d{2})(?::(\d{2}))?/.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2] ?? 0) : -1;
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

/** Value of a token of digits in any of the three digit families; -1 when it has separators. */
function digitValue(text: string): number {
  let v = 0;
  if (text.length === 0 || text.length > 9) return -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let d: number;
    if (c >= 0x30 && c <= 0x39) d = c - 0x30;
    else if (c >= 0x660 && c <= 0x669) d = c - 0x660;
    else if (c >= 0x6f0 && c <= 0x6f9) d = c - 0x6f0;
    else return -1;
    v = v * 10 + d;
  }
  return v;
}

/** The token's text with Eastern-Arabic digits as ASCII and ٫ ٬ as . , */
function asciiDigits(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x660 && c <= 0x669) out += String.fromCharCode(c - 0x660 + 0x30);
    else if (c >= 0x6f0 && c <= 0x6f9) out += String.fromCharCode(c - 0x6f0 + 0x30);
    else if (c === 0x66b) out += ".";
    else if (c === 0x66c) out += ",";
    else out += text[i];
  }
  return out;
}
