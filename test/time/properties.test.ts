import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TimeSchema } from "../../src/analysis.js";
import { fromHijri, isoDay, parseIsoDay, toHijri } from "../../src/time/calendar.js";
import { extractTimesFromText } from "../../src/time/index.js";

/** Words and numbers the grammar reacts to, to build texts dense in near-expressions. */
const VOCAB = [
  "يوم",
  "اليوم",
  "أمس",
  "غدا",
  "بعد",
  "قبل",
  "منذ",
  "غد",
  "أول",
  "آخر",
  "الساعة",
  "ساعة",
  "ونصف",
  "الثلاثاء",
  "الجمعة",
  "الاثنين",
  "الماضي",
  "المقبل",
  "الفارط",
  "الجاري",
  "هذا",
  "هذه",
  "من",
  "إلى",
  "بين",
  "و",
  "في",
  "عام",
  "سنة",
  "العام",
  "الشهر",
  "الأسبوع",
  "شهر",
  "أشهر",
  "يناير",
  "مارس",
  "أوت",
  "كانون",
  "الثاني",
  "رمضان",
  "1446",
  "هـ",
  "2022",
  "21/1/2025",
  "14:30",
  "16.35",
  "٢١",
  "3",
  "31",
  "الثالثة",
  "عشرة",
  "عصرا",
  "مساء",
  "صباح",
  "الليلة",
  "كل",
  "يوميا",
  "مرة",
  "أكثر",
  "حوالي",
  "نهاية",
  "منتصف",
  "الأيام",
  "الثلاثة",
  "الماضية",
  "نفس",
  "الفترة",
  "نفسها",
  "،",
  ".",
  "-",
  "(",
  ")",
  "م",
  "ص",
  "بتوقيت",
  "غرينتش",
  "الحادي",
  "والعشرين",
  "التسعينيات",
  "القرن",
  "الربع",
  "صيف",
  "عيد",
  "الفطر",
  // issue 13's families
  "الظهر",
  "الظهيرة",
  "1140",
  "22-4",
  "4.22",
  "2015/3",
  "ألفين",
  "وأربعة",
  "عشر",
  "الصيف",
  "العقد",
  "القادم",
  "الأحد",
  "كامل",
  "ليوم",
  "السابق",
  "ذلك",
  "الوقت",
  "طويلة",
  "فترة",
  "قبل.",
  "الفاصلة",
  "سأعود",
  "العمر",
  "نصف",
  "قرن",
];

const vocabText = fc
  .array(fc.constantFrom(...VOCAB), { minLength: 1, maxLength: 25 })
  .map((words) => words.join(" "));
const reference = fc.option(
  fc.integer({ min: -20000, max: 30000 }).map((n) => isoDay(n)),
  { nil: null },
);

function checkAll(
  text: string,
  ref: string | null,
  weekdays: "past" | "forward",
  clock: "article" | "phrase",
) {
  const found = extractTimesFromText(text, { reference: ref, weekdays, clock });
  let last = -1;
  for (const t of found) {
    expect(t.start).toBeGreaterThanOrEqual(0);
    expect(t.end).toBeLessThanOrEqual(text.length);
    expect(t.start).toBeLessThan(t.end);
    expect(text.slice(t.start, t.end)).toBe(t.text);
    // in text order and never overlapping
    expect(t.start).toBeGreaterThanOrEqual(last);
    last = t.end;
    expect(TimeSchema.safeParse(t).success).toBe(true);
    expect(t.value.length).toBeGreaterThan(0);
    // no value is half-built, and no interval or duration runs backward
    expect(t.value).not.toMatch(/NaN|undefined|P-/);
    if (t.resolved !== undefined) {
      expect(ref).not.toBeNull();
      expect(parseIsoDay(t.resolved)).not.toBeNull();
    }
  }
}

describe("time extraction properties", () => {
  it("never throws on arbitrary Unicode, and every offset is evidence", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), reference, (text, ref) => {
        checkAll(text, ref, "past", "article");
      }),
      { numRuns: 400 },
    );
  });

  it("holds on texts made of time words, in every mode", () => {
    fc.assert(
      fc.property(
        vocabText,
        reference,
        fc.constantFrom<"past" | "forward">("past", "forward"),
        fc.constantFrom<"article" | "phrase">("article", "phrase"),
        (text, ref, weekdays, clock) => checkAll(text, ref, weekdays, clock),
      ),
      { numRuns: 1500 },
    );
  });

  it("gives resolved dates that are real calendar days, and day values that equal them", () => {
    fc.assert(
      fc.property(vocabText, fc.integer({ min: 0, max: 25000 }), (text, n) => {
        const ref = isoDay(n);
        for (const t of extractTimesFromText(text, { reference: ref })) {
          if (t.type === "DATE" && /^\d{4}-\d{2}-\d{2}$/.test(t.value))
            expect(t.resolved).toBe(t.value);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("Hijri conversion", () => {
  it("round-trips every day through the Umm al-Qura calendar", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40000 }), (n) => {
        const h = toHijri(n);
        expect(h).not.toBeNull();
        if (h) expect(fromHijri(h.y, h.m, h.d)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses dates that do not exist", () => {
    expect(fromHijri(1446, 9, 30)).toBeNull(); // Ramadan 1446 had 29 days
    expect(fromHijri(1446, 13, 1)).toBeNull();
    expect(fromHijri(0, 1, 1)).toBeNull();
  });
});
