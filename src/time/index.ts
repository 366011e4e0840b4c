/**
 * Time expressions in Arabic news, found with exact offsets and normalised to TIMEX3 values
 * against a reference date (the article's publication date).
 *
 * What it reads (lexicon.ts lists the words; scan.ts and its rule modules beside it, the grammar):
 *  - dates: Gregorian months in every series (يناير، كانون الثاني، جانفي، أوت، غشت...), Hijri
 *    months and years converted with Intl's Umm al-Qura calendar (15 رمضان 1446 → 2025-03-15),
 *    numeric dates (21/1/2025، 2025-01-21، ٢١/١/٢٠٢٥), dates in words (الحادي والعشرين من يناير),
 *    weekdays, اليوم/أمس/غدا/أول أمس/بعد غد, الأسبوع الماضي, الشهر الجاري, العام المقبل, years
 *    (عام 2022، في 2022، bare years where the context makes them years), قبل ثلاثة أيام, quarters,
 *    seasons, decades, a few fixed and Hijri holidays;
 *  - times: الساعة الثالثة عصرا، 14:30 بتوقيت غرينتش، صباح اليوم، مساء أمس الجمعة، الليلة;
 *  - durations: ثلاثة أيام، ساعة ونصف (PT1H30M)، الأيام الثلاثة الماضية، السنوات الأخيرة (PXY);
 *  - sets: يوميا، كل أسبوع، كل يومين، كل يوم اثنين، مرة في الشهر;
 *  - references: الآن/حاليا (PRESENT_REF)، مؤخرا (PAST_REF)، مستقبلا (FUTURE_REF), and back-
 *    references to the last date named (نفس اليوم، اليوم التالي، للفترة نفسها هذه السنة).
 *
 * Conventions: a bare weekday or day-month is the most recent one on or before the reference
 * (the publication day included), unless الماضي/المقبل/القادم, a future verb (سـ، سوف، an
 * imperfect just before) or a weekday that agrees with another year says otherwise; a day-month
 * that would be most of a year back while a few weeks ahead is read ahead (an announcement).
 * `bareDates: "forward"` (formerly `weekdays`) reads bare weekdays (never today), day-months,
 * months and weekdays of a month as the next occurrence instead, the Duckling and Recognizers-Text
 * convention. Event-anchored phrases (بعد يوم من أداء اليمين) take the date
 * already named in their sentence, else stay a duration. A range (من 5 إلى 10 مارس) is one expression whose value is
 * the interval "(2025-03-05,2025-03-10,P5D)" and whose `resolved` is its first day. `resolved` is
 * the first day of whatever the value denotes (a week's Monday, a month's 1st, a duration's start
 * when it is anchored to the reference). Modifiers (أكثر من، حوالي، أواخر) keep the value as it is
 * and set `mod` (MORE_THAN, APPROX, END...) when the Analysis schema has that field.
 * Clock times: in an article a time with no day named falls on the reference day, written to the
 * minute (2025-01-21T15:00); `clock: "phrase"` writes it as stated (T15, T15:30), the reading of
 * date-time test suites. A bare season follows the same switch: as stated (SU) in a phrase, the
 * reference year's (2016-SU) in an article.
 * Without a reference date nothing gets `resolved`, and values that need one stay relative
 * (XXXX-10-02, XXXX-WXX-2, XXXX-XX-XX).
 */
import type { Doc, TimeExpression } from "../analysis.js";
import { splitSentences, tokenize } from "../text/index.js";
import { isoDay, parseIsoDay } from "./calendar.js";
import { type Hit, Scanner, type ScanOptions } from "./scan.js";

export interface TimeOptions {
  /** Reference date, YYYY-MM-DD; defaults to `doc.meta.published`. null: none. */
  reference?: string | null;
  /**
   * Dates the text leaves open (a bare weekday, day-month, month or ordinal weekday of the month):
   * "past", the most recent on or before the reference (news, default), or "forward", the next
   * one (the Duckling and Recognizers-Text convention).
   */
  bareDates?: "past" | "forward";
  /** @deprecated the former name of `bareDates`. */
  weekdays?: "past" | "forward";
  /** Clock times anchored to the reference day ("article", default) or as written ("phrase"). */
  clock?: "article" | "phrase";
}

/** The schema may gain a TIMEX3 `mod` field; until then the modifier stays internal. */

/** The time expressions of a document, in text order, resolved against its publication date. */
export function extractTimes(doc: Doc, options: TimeOptions = {}): TimeExpression[] {
  const refText = options.reference === undefined ? doc.meta.published : options.reference;
  const ref = refText ? parseIsoDay(refText) : null;
  const scanOptions: ScanOptions = {
    bareDates: options.bareDates ?? options.weekdays ?? "past",
    clock: options.clock ?? "article",
  };
  const hits = new Scanner(doc.text, doc.tokens, ref, scanOptions, doc.sentences).scan();
  const out: TimeExpression[] = [];
  for (const hit of hits) {
    const t = toExpression(doc, hit, ref !== null);
    if (t) out.push(t);
  }
  return out;
}

/** extractTimes on plain text: tokenises it, with `options.reference` as the reference date. */
export function extractTimesFromText(text: string, options: TimeOptions = {}): TimeExpression[] {
  const tokens = tokenize(text);
  const doc: Doc = {
    text,
    tokens,
    sentences: splitSentences(text, tokens),
    meta: { language: "ar" },
  };
  return extractTimes(doc, options);
}

function toExpression(doc: Doc, hit: Hit, withReference: boolean): TimeExpression | null {
  const first = doc.tokens[hit.s];
  const last = doc.tokens[hit.e - 1];
  if (!first || !last || last.end <= first.start) return null;
  const expr: TimeExpression = {
    start: first.start,
    end: last.end,
    text: doc.text.slice(first.start, last.end),
    type: hit.type,
    value: hit.value,
    confidence: hit.conf,
  };
  if (withReference && hit.day !== undefined && hit.type !== "SET") {
    const resolved = isoDay(hit.day);
    // "قبل 2022 عام" against 1970: no calendar date; the expression is not one we can give
    if (!/^\d{4}-\d{2}-\d{2}$/.test(resolved)) return null;
    expr.resolved = resolved;
  }
  if (hit.mod) expr.mod = hit.mod;
  return expr;
}
