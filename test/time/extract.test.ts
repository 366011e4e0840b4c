import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractTimesFromText } from "../../src/time/index.js";
import { nthIndex } from "../helpers/docs.js";
import { one, times, value } from "../helpers/times.js";
import { HAS_SEED, SEED_GOLD, SEED_TEXT } from "../shared-data.js";

const MON = "2016-11-07"; // a Monday
const TUE = "2025-01-21"; // a Tuesday

describe("calendar dates", () => {
  it("reads numeric dates in Western and Eastern digits, day first", () => {
    expect(value("وصل في 21/1/2025 إلى تونس", TUE)).toBe("2025-01-21");
    expect(value("بتاريخ 2025-01-21", TUE)).toBe("2025-01-21");
    expect(value("في 21-01-2025", TUE)).toBe("2025-01-21");
    expect(value("في ٢١/١/٢٠٢٥", TUE)).toBe("2025-01-21");
    expect(value("حتى 2/2013", TUE)).toBe("2013-02");
  });

  it("reads day-month in every month series, with the year where given", () => {
    expect(value("في 15 يناير 2024", TUE)).toBe("2024-01-15");
    expect(value("في 15 كانون الثاني 2024", TUE)).toBe("2024-01-15");
    expect(value("في 15 جانفي 2024", TUE)).toBe("2024-01-15");
    expect(value("في 3 أوت 2016", TUE)).toBe("2016-08-03");
    expect(value("في 3 غشت 2016", TUE)).toBe("2016-08-03");
    expect(value("يوم 6 ماي2017 صباحا", "2017-05-06")).toBe("2017-05-06TMO");
  });

  it("reads dates in words", () => {
    expect(value("في الحادي والعشرين من يناير", TUE)).toBe("2025-01-21");
    expect(value("الثالث عشر من شباط", "2013-02-12", { weekdays: "forward" })).toBe("2013-02-13");
    expect(value("تأسست سنة ألفين وعشرة", TUE)).toBe("2010");
  });

  it("places a day-month without a year on or before the reference, unless the text says otherwise", () => {
    expect(value("وقع ذلك في 18 نوفمبر", "2014-12-30")).toBe("2014-11-18");
    expect(value("بدأ يوم 22 أكتوبر الماضي", "2013-10-29")).toBe("2013-10-22");
    expect(value("يوم 06 ديسمبر الجاري", "2016-12-21")).toBe("2016-12-06");
    expect(value("يوم 3 فيفري القادم", TUE)).toBe("2025-02-03");
    expect(value("سيعقد المؤتمر يوم 15 مارس", TUE)).toBe("2025-03-15");
    // a weekday given with it picks the year in which they agree
    expect(value("يوم الاثنين 27 فيفري", "2017-02-25")).toBe("2017-02-27");
  });

  it("converts Hijri dates with the Umm al-Qura calendar", () => {
    expect(value("في 15 رمضان 1446", TUE)).toBe("2025-03-15");
    expect(value("في 10 ذو الحجة 1445 هـ", TUE)).toBe("2024-06-16");
    // a Hijri month name alone is also a personal name: not a date
    expect(times("قال رمضان إن", TUE)).toHaveLength(0);
  });

  it("reads years with a year word, and bare years only where the context makes them years", () => {
    expect(value("في عام 2022", TUE)).toBe("2022");
    expect(value("سنة 2016 ستكون صعبة", TUE)).toBe("2016");
    expect(value("تحسن في العام 2017", TUE)).toBe("2017");
    expect(value("شارك في 2014 في الانتخابات", TUE)).toBe("2014");
    expect(times("أكثر من 2000 شخص", TUE)).toHaveLength(0);
  });
});

describe("weekdays", () => {
  it("reads a bare weekday as the most recent one on or before the reference (news)", () => {
    expect(value("قال يوم الثلاثاء إن", TUE)).toBe("2025-01-21");
    expect(value("وتحدث هاتفيا الجمعة مع", TUE)).toBe("2025-01-17");
    expect(value("وقال ترامب يوم الاثنين", TUE)).toBe("2025-01-20");
  });

  it("reads them forward with المقبل/القادم or a future verb", () => {
    expect(value("الخميس المقبل", TUE)).toBe("2025-01-23");
    expect(value("سيلتقي الوزير نظيره الخميس", TUE)).toBe("2025-01-23");
    expect(value("الثلاثاء القادم", TUE)).toBe("2025-01-28");
  });

  it("reads الماضي، الفارط، المنقضي، المنصرم as the previous one", () => {
    expect(value("الأربعاء الفارط", TUE)).toBe("2025-01-15");
    expect(value("الأحد المنقضي", TUE)).toBe("2025-01-19");
    expect(value("يوم الثلاثاء الماضي", TUE)).toBe("2025-01-14");
    expect(value("الاثنين المنصرم", TUE)).toBe("2025-01-20");
  });

  it("has the forward (Duckling) convention as an option, never today", () => {
    expect(value("الثلاثاء", TUE, { weekdays: "forward" })).toBe("2025-01-28");
    expect(value("الخميس", TUE, { weekdays: "forward" })).toBe("2025-01-23");
    expect(value("الثلاثاء", TUE)).toBe("2025-01-21");
  });

  it("does not read names and the dual as weekdays", () => {
    expect(times("قال مهدي جمعة إن", TUE)).toHaveLength(0);
    expect(times("اتفق الاثنان على الحل بين الاثنين", TUE)).toHaveLength(0);
    expect(times("قال خميس الجهيناوي", TUE)).toHaveLength(0);
  });
});

describe("relative days and periods", () => {
  it("reads days around the reference", () => {
    expect(value("عاد أمس", MON)).toBe("2016-11-06");
    expect(value("حدث ذلك أول أمس", MON)).toBe("2016-11-05");
    expect(value("قال اليوم", MON)).toBe("2016-11-07");
    expect(value("سيصل غدا", MON)).toBe("2016-11-08");
    expect(value("بعد غد", MON)).toBe("2016-11-09");
    expect(value("غدا الأحد 6 ديسمبر", "2015-12-05")).toBe("2015-12-06");
  });

  it("reads weeks, months and years relative to the reference", () => {
    expect(value("الأسبوع الماضي", MON)).toBe("2016-W44");
    expect(value("الأسبوع المقبل", MON)).toBe("2016-W46");
    expect(value("الأسبوع الجاري", MON)).toBe("2016-W45");
    expect(value("الشهر الماضي", MON)).toBe("2016-10");
    expect(value("الشهر الجاري", MON)).toBe("2016-11");
    expect(value("العام الماضي", MON)).toBe("2015");
    expect(value("العام المقبل", MON)).toBe("2017");
    expect(value("العام الجاري", MON)).toBe("2016");
    expect(value("هذه السنة", MON)).toBe("2016");
  });

  it("reads قبل/بعد N units, with number words and duals, at the unit's grain", () => {
    expect(value("قبل ثلاثة أيام", MON)).toBe("2016-11-04");
    expect(value("قبل 10 أيام", MON)).toBe("2016-10-28");
    expect(value("قبل يومين", MON)).toBe("2016-11-05");
    expect(value("بعد أسبوعين", MON)).toBe("2016-11-21");
    expect(value("قبل شهرين", MON)).toBe("2016-09");
    expect(value("قبل عامين", MON)).toBe("2014");
    expect(value("قبل خمسة أشهر", MON)).toBe("2016-06");
    expect(value("قبل أيام قليلة", MON)).toBe("PAST_REF");
  });

  it("reads خلال الأيام الثلاثة الماضية as a duration that ends at the reference", () => {
    const t = one("خلال الأيام الثلاثة الماضية", MON);
    expect(t).toMatchObject({ type: "DURATION", value: "P3D", resolved: "2016-11-04" });
    expect(value("الخمسة عشر يوما الأخيرة", MON)).toBe("P15D");
    // with no amount the coming or past ones point at the future or past; the latest ones
    // are a stretch up to now
    expect(value("في السنوات الأخيرة", MON)).toBe("PXY");
    expect(value("في السنوات الماضية", MON)).toBe("PAST_REF");
    expect(value("في الأيام القادمة", MON)).toBe("FUTURE_REF");
    expect(value("خلال الأيام القادمة", MON)).toBe("FUTURE_REF");
    expect(value("خلال الأسابيع القليلة المقبلة", MON)).toBe("PXW");
  });

  it("reads references to the present, past and future", () => {
    expect(one("حتى الآن", MON)).toMatchObject({ type: "DATE", value: "PRESENT_REF" });
    expect(value("يوجد حاليا", MON)).toBe("PRESENT_REF");
    expect(value("كشفت مؤخرا", MON)).toBe("PAST_REF");
    expect(value("سيفعله مستقبلا", MON)).toBe("FUTURE_REF");
    expect(value("في الوقت الحالي", MON)).toBe("PRESENT_REF");
  });

  it("resolves back-references to the last date named", () => {
    const found = times("بدأت يوم 23 أكتوبر، وفي نفس اليوم بدأ الجيش", "2013-10-29");
    expect(found.map((t) => t.value)).toEqual(["2013-10-23", "2013-10-23"]);
    const period = times(
      "من 40 مليون دولار نهاية سبتمبر من السنة الماضية، إلى 60 مليون دولار للفترة نفسها هذه السنة",
      "2013-11-15",
    );
    expect(period.map((t) => t.value)).toEqual(["2012-09", "2013-09"]);
  });
});

describe("times of day", () => {
  it("reads clock times as written (phrase) and on the reference day (article)", () => {
    expect(value("الساعة الثالثة عصرا", MON)).toBe("T15");
    expect(value("الساعة الثالثة عصرا", MON, { clock: "article" })).toBe("2016-11-07T15:00");
    expect(value("على الساعة 14:30", MON)).toBe("T14:30");
    expect(value("14:30 بتوقيت غرينتش", MON)).toBe("T14:30Z");
    expect(value("على الساعة 16.35", MON)).toBe("T16:35");
    expect(value("حوالي الساعة السادسة والنصف مساء", MON)).toBe("T18:30");
    expect(value("الساعة العاشرة ليلا", MON)).toBe("T22");
    expect(value("في الخامسة إلا ربعا", MON)).toBe("T04:45");
    expect(value("الساعة الحادية عشرة صباحا", MON)).toBe("T11");
  });

  it("reads parts of the day on a day", () => {
    expect(value("صباح اليوم", MON)).toBe("2016-11-07TMO");
    expect(value("مساء أمس الجمعة", "2017-02-25")).toBe("2017-02-24TEV");
    expect(value("الليلة", MON)).toBe("2016-11-07TNI");
    expect(value("الليلة الماضية", MON)).toBe("2016-11-06TNI");
    expect(value("غدا الساعة الثامنة مساء", MON)).toBe("2016-11-08T20");
    expect(
      value("في حدود الساعة الخامسة بعد الزوال من اليوم السبت", "2017-03-18", { clock: "article" }),
    ).toBe("2017-03-18T17:00");
  });
});

describe("durations", () => {
  it("reads amounts of units in digits, words and duals", () => {
    expect(value("استمر ثلاث ساعات", MON)).toBe("PT3H");
    expect(value("لمدة 10 أيام", MON)).toBe("P10D");
    expect(value("أمضى يومين", MON)).toBe("P2D");
    expect(value("ثلاثة أسابيع", MON)).toBe("P3W");
    expect(value("بسبع سنوات", MON)).toBe("P7Y");
    expect(value("14 يوما", MON)).toBe("P14D");
    expect(value("لمدة شهر", MON)).toBe("P1M");
  });

  it("reads halves and quarters, and sums of units", () => {
    expect(value("ساعة ونصف", MON)).toBe("PT1H30M");
    expect(value("نصف ساعة", MON)).toBe("PT30M");
    expect(value("ربع ساعة", MON)).toBe("PT15M");
    expect(value("سنة ونصف", MON)).toBe("P1Y6M");
    expect(value("ثلاث سنوات وستة أشهر", MON)).toBe("P3Y6M");
  });

  it("keeps a modifier out of the value", () => {
    const t = one("استمرت أكثر من ساعة ونصف", MON);
    expect(t.value).toBe("PT1H30M");
    expect(t.text).toBe("أكثر من ساعة ونصف");
    expect(value("أقل من يومين", MON)).toBe("P2D");
    expect(value("أواخر 2016", MON)).toBe("2016");
    expect(one("في حدود الساعة الخامسة", MON).text).toBe("في حدود الساعة الخامسة");
  });

  it("does not read a lone unit word as a duration", () => {
    expect(times("عقد اجتماعا", MON)).toHaveLength(0);
    expect(times("قال إن الساعة حانت", MON)).toHaveLength(0);
    expect(times("المدير العام", MON)).toHaveLength(0);
  });
});

describe("sets", () => {
  it("reads frequency adverbs and كل", () => {
    expect(one("يوميا", MON)).toMatchObject({ type: "SET", value: "P1D" });
    expect(value("أسبوعيا", MON)).toBe("P1W");
    expect(value("كل أسبوع", MON)).toBe("P1W");
    expect(value("كل يومين", MON)).toBe("P2D");
    expect(value("كل ثلاثة أشهر", MON)).toBe("P3M");
    expect(value("كل يوم اثنين", MON)).toBe("XXXX-WXX-1");
    expect(value("مرة في الشهر", MON)).toBe("P1M");
  });
});

describe("ranges", () => {
  it("reads a range as one expression with an interval value and its first day resolved", () => {
    const t = one("من 5 إلى 10 مارس 2025", TUE);
    expect(t).toMatchObject({ value: "(2025-03-05,2025-03-10,P5D)", resolved: "2025-03-05" });
    expect(value("بين 4 و22 يناير 2016", TUE)).toBe("(2016-01-04,2016-01-22,P18D)");
    expect(value("من 2010 إلى 2015", TUE)).toBe("(2010,2015,P5Y)");
    expect(value("من 5 إلى 7 مساء", TUE)).toBe("(T17,T19,PT2H)");
  });
});

describe("without a reference date", () => {
  it("leaves values that need one relative and resolves nothing", () => {
    const t = one("في 2 أكتوبر", null);
    expect(t.value).toBe("XXXX-10-02");
    expect(t.resolved).toBeUndefined();
    expect(value("يوم الثلاثاء", null)).toBe("XXXX-WXX-2");
    expect(value("أمس", null)).toBe("XXXX-XX-XX");
    expect(value("في عام 2022", null)).toBe("2022");
    expect(times("قبل ثلاثة أيام وأمس", null).every((x) => x.resolved === undefined)).toBe(true);
  });
});

describe.skipIf(!HAS_SEED)("the seed article", () => {
  it("finds every gold time with its gold value", () => {
    const text = readFileSync(SEED_TEXT, "utf8");
    const gold = JSON.parse(readFileSync(SEED_GOLD, "utf8")) as {
      times: { text: string; value: string; occurrence?: number }[];
    };
    const found = extractTimesFromText(text, { reference: "2025-01-21" });
    for (const g of gold.times) {
      const at = nthIndex(text, g.text, g.occurrence);
      const hit = found.find((t) => t.start < at + g.text.length && at < t.end);
      expect(hit?.value, g.text).toBe(g.value);
    }
  });
});
