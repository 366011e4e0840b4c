/** The types shared by the scanner and its rule modules. */
import type { TimeExpression } from "../analysis.js";
import type { Pod, Unit } from "./lexicon.js";

export type TimeType = "DATE" | "TIME" | "DURATION" | "SET";

/** Granularity of a DATE/TIME value: what `nearest date of grain G` anaphora looks for. */
export type Grain = "D" | "W" | "M" | "Y" | "X";

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
  /** A day-month or month whose year was chosen by the reader, not written. */
  yearless?: boolean;
  /** A bare weekday whose week was chosen by the reader. */
  weekless?: boolean;
  /** The two ends of a range. */
  parts?: [Hit, Hit];
  /** For parts of the day: which one, and the day's own value. */
  pod?: Pod;
  dayValue?: string;
}

/** What a clock time knows from the words around it. */
export interface ClockContext {
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
  /** An end of a range of clock times already read as one: a bare number is an hour there. */
  rangeEnd?: boolean;
}

export interface ScanOptions {
  /** Dates the text leaves open: most recent (news) or next occurrence (Duckling, Recognizers). */
  bareDates: "past" | "forward";
  /** Clock times: anchored to the reference day with minutes (article) or as written (phrase). */
  clock: "article" | "phrase";
}

export interface Qty {
  /** The amount; NaN for a vague plural (أيام، بضعة أسابيع). */
  count: number;
  unit: Unit;
  e: number;
  /** A lone singular unit word (ساعة, شهر): a duration only with a cue. */
  single: boolean;
  /** Written as a decimal number (3.5 سنوات): the value keeps it (P3.5Y). */
  decimal?: boolean;
}

export interface CalDate {
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
