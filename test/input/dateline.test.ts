import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stripBoilerplate } from "../../src/input/boilerplate.js";
import { findDateline } from "../../src/input/dateline.js";

/** The dateline's evidence, place and agency, with the text that follows it. */
function parse(text: string) {
  const d = findDateline(text);
  if (d === undefined) return undefined;
  return {
    span: text.slice(d.start, d.end),
    place: d.place,
    agency: d.agency,
    rest: text.slice(d.end).trimStart().split(/\s/)[0],
  };
}

describe("findDateline: place and bracketed agency", () => {
  it.each([
    ["موسكو (أ ف ب) – تحدث الرئيس", "موسكو (أ ف ب) –", "موسكو", "أ ف ب"],
    ["موسكو (ا ف ب) - تحدث الرئيس", "موسكو (ا ف ب) -", "موسكو", "ا ف ب"],
    ["باريس (أ.ف.ب) - أعلنت الحكومة", "باريس (أ.ف.ب) -", "باريس", "أ.ف.ب"],
    ["بكين (رويترز) - قالت الصين", "بكين (رويترز) -", "بكين", "رويترز"],
    ["دمشق، سوريا (CNN) -- أكدت جهات", "دمشق، سوريا (CNN) --", "دمشق، سوريا", "CNN"],
    ["الرياض 15 يناير (واس) - وصل", "الرياض 15 يناير (واس) -", "الرياض", "واس"],
    ["تونس 11 ديسمبر 2016 (وات) - أكد بيان", "تونس 11 ديسمبر 2016 (وات) -", "تونس", "وات"],
    ["تونس (وات) – انطلقت اليوم", "تونس (وات) –", "تونس", "وات"],
    ["الكويت (كونا) -- أعلنت", "الكويت (كونا) --", "الكويت", "كونا"],
    ["بيروت، 4 آب/أغسطس (رويترز) - قال", "بيروت، 4 آب/أغسطس (رويترز) -", "بيروت", "رويترز"],
    ["بغداد - (د ب أ) - قتل", "بغداد - (د ب أ) -", "بغداد", "د ب أ"],
    ["القدس المحتلة (الأناضول): اقتحم", "القدس المحتلة (الأناضول):", "القدس المحتلة", "الأناضول"],
    ["أنقرة (أ ف ب ورويترز) - قال", "أنقرة (أ ف ب ورويترز) -", "أنقرة", "أ ف ب ورويترز"],
    ["واشنطن (رويترز، أ ف ب) - قال", "واشنطن (رويترز، أ ف ب) -", "واشنطن", "رويترز، أ ف ب"],
    ["نيويورك (أ ب) - قالت", "نيويورك (أ ب) -", "نيويورك", "أ ب"],
    ["عدن (سبأ) - أعلنت", "عدن (سبأ) -", "عدن", "سبأ"],
    ["طهران (إرنا) - قال", "طهران (إرنا) -", "طهران", "إرنا"],
    ["الرباط (و م ع) - ترأس", "الرباط (و م ع) -", "الرباط", "و م ع"],
  ])("%s", (text, span, place, agency) => {
    expect(parse(text)).toMatchObject({ span, place, agency });
  });

  it("keeps the body after the dateline's separator", () => {
    expect(parse("موسكو (أ ف ب) – تحدث الرئيس")?.rest).toBe("تحدث");
  });
});

describe("findDateline: agency after a separator", () => {
  it.each([
    ["بيروت - رويترز: قال مسؤول", "بيروت - رويترز:", "بيروت", "رويترز"],
    ["القاهرة - أ ش أ\nأعلنت الوزارة", "القاهرة - أ ش أ", "القاهرة", "أ ش أ"],
    ["القاهرة - أ ش أ أعلنت الوزارة", "القاهرة - أ ش أ", "القاهرة", "أ ش أ"],
    ["الرياض - واس\nأكد مجلس الوزراء", "الرياض - واس", "الرياض", "واس"],
    ["غزة/ الأناضول\nقصفت طائرات", "غزة/ الأناضول", "غزة", "الأناضول"],
    ["واشنطن - (د ب أ)\nقال", "واشنطن - (د ب أ)", "واشنطن", "د ب أ"],
    ["عمان - بترا - افتتح", "عمان - بترا -", "عمان", "بترا"],
    ["الدوحة - قنا: استقبل", "الدوحة - قنا:", "الدوحة", "قنا"],
    ["أبوظبي - وام: أعلنت", "أبوظبي - وام:", "أبوظبي", "وام"],
    ["المنامة - بنا\nاستقبل", "المنامة - بنا", "المنامة", "بنا"],
    ["دمشق - سانا: أصدر", "دمشق - سانا:", "دمشق", "سانا"],
    ["الجزائر - واج - أكد", "الجزائر - واج -", "الجزائر", "واج"],
    ["الخرطوم ـ سونا ـ أعلن", "الخرطوم ـ سونا ـ", "الخرطوم", "سونا"],
    ["رام الله - وفا: قال", "رام الله - وفا:", "رام الله", "وفا"],
    ["موسكو - سبوتنيك\nأعلن", "موسكو - سبوتنيك", "موسكو", "سبوتنيك"],
    ["بكين - شينخوا: قال", "بكين - شينخوا:", "بكين", "شينخوا"],
    ["باريس - فرانس برس: قال", "باريس - فرانس برس:", "باريس", "فرانس برس"],
    ["صنعاء - وكالات: قال", "صنعاء - وكالات:", "صنعاء", "وكالات"],
  ])("%s", (text, span, place, agency) => {
    expect(parse(text)).toMatchObject({ span, place, agency });
  });
});

describe("findDateline: quoted outlets", () => {
  it.each([
    ["لندن: «الشرق الأوسط»\nقال مسؤول", "لندن: «الشرق الأوسط»", "لندن", "الشرق الأوسط"],
    ["لندن: «الشرق الأوسط» قال مسؤول", "لندن: «الشرق الأوسط»", "لندن", "الشرق الأوسط"],
    ["باريس ـ «القدس العربي»: أعلنت", "باريس ـ «القدس العربي»:", "باريس", "القدس العربي"],
    ["تونس - «الصباح»: انطلقت", "تونس - «الصباح»:", "تونس", "الصباح"],
    // an outlet the list does not know still counts when a separator follows it
    ["صفاقس - «جريدة المساء»: انطلقت", "صفاقس - «جريدة المساء»:", "صفاقس", "جريدة المساء"],
  ])("%s", (text, span, place, agency) => {
    expect(parse(text)).toMatchObject({ span, place, agency });
  });

  it("does not take an unknown quoted phrase without a separator", () => {
    expect(findDateline("الوزير: «لا تراجع» عن القرار")).toBeUndefined();
    expect(findDateline("تونس: «نعم للحوار» قالها الرئيس")).toBeUndefined();
  });
});

describe("findDateline: agency alone", () => {
  it.each([
    ["(رويترز) - قال مسؤول", "(رويترز) -", "رويترز"],
    ["(أ ف ب) - أعلنت", "(أ ف ب) -", "أ ف ب"],
    ["واس\nوصل خادم الحرمين", "واس", "واس"],
    ["واس - وصل خادم الحرمين", "واس -", "واس"],
    ["رويترز: قال مسؤول", "رويترز:", "رويترز"],
    ["(CNN) -- The president", "(CNN) --", "CNN"],
  ])("%s", (text, span, agency) => {
    const d = findDateline(text);
    expect(d).toBeDefined();
    expect(d?.place).toBeUndefined();
    expect(d && text.slice(d.start, d.end)).toBe(span);
    expect(d?.agency).toBe(agency);
  });

  it("credits the agency but claims no place for a paper or initials before it", () => {
    expect(parse("سبق – وكالات: أعلنت")).toEqual({
      span: "سبق – وكالات:",
      place: undefined,
      agency: "وكالات",
      rest: "أعلنت",
    });
    expect(parse("ع ب م - وكالات\nقال")).toMatchObject({ place: undefined, agency: "وكالات" });
    expect(parse("الجوهرة أف أم - وات\nقال")).toMatchObject({ place: undefined, agency: "وات" });
  });

  it("requires brackets or a separator for agency names that are ordinary words", () => {
    expect(findDateline("معا نحو مستقبل أفضل")).toBeUndefined();
    expect(findDateline("قنا\nمدينة في صعيد مصر")).toBeUndefined();
    expect(findDateline("خاص بالمشتركين فقط")).toBeUndefined();
    expect(parse("بيت لحم (معا) - قال")).toMatchObject({ place: "بيت لحم", agency: "معا" });
  });
});

describe("findDateline: place and date without an agency", () => {
  it("takes a known city with a date and a separator", () => {
    expect(parse("القاهرة 28 نوفمبر 2016: أعلنت مجموعة")).toMatchObject({
      span: "القاهرة 28 نوفمبر 2016:",
      place: "القاهرة",
      agency: undefined,
    });
    expect(parse("تونس في 5 جانفي 2017 - قال")).toBeUndefined();
  });

  it("does not take schedule lines or unknown places", () => {
    expect(findDateline("الأحد 29 جانفي 2017 : المجموعة الاولى")).toBeUndefined();
    expect(findDateline("مقابلات الذهاب 9 أفريل 2017 - الساعة الثانية")).toBeUndefined();
    expect(findDateline("* السبت 13 ماي 2017 - الساعة 20:00")).toBeUndefined();
  });
});

describe("findDateline: English and French", () => {
  it.each([
    ["MOSCOW (Reuters) - Russia said", "MOSCOW (Reuters) -", "MOSCOW", "Reuters"],
    ["WASHINGTON, Jan 5 (Reuters) - The", "WASHINGTON, Jan 5 (Reuters) -", "WASHINGTON", "Reuters"],
    ["LONDON (AP) — Britain", "LONDON (AP) —", "LONDON", "AP"],
    [
      "SAN FRANCISCO, Calif. (AP) — A",
      "SAN FRANCISCO, Calif. (AP) —",
      "SAN FRANCISCO, Calif",
      "AP",
    ],
    ["PARIS (AFP) - La France", "PARIS (AFP) -", "PARIS", "AFP"],
    ["Tunis, 5 janvier 2017 (TAP) - Le", "Tunis, 5 janvier 2017 (TAP) -", "Tunis", "TAP"],
    ["Rabat (MAP) - Le roi", "Rabat (MAP) -", "Rabat", "MAP"],
  ])("%s", (text, span, place, agency) => {
    expect(parse(text)).toMatchObject({ span, place, agency });
  });

  it("takes an upper-case place before a long dash", () => {
    expect(parse("KOBE – A survey")).toMatchObject({ span: "KOBE –", place: "KOBE" });
    expect(parse("NEW YORK — Stocks fell")).toMatchObject({ place: "NEW YORK" });
    expect(findDateline("ZDF - Astra 19.2E")).toBeUndefined();
    expect(findDateline("Photo : YONHAP")).toBeUndefined();
    expect(findDateline("The president (Reuters) - said")).toBeUndefined();
  });
});

describe("findDateline: ordinary first sentences are not datelines", () => {
  it.each([
    "قال الرئيس: إن المحادثات مستمرة",
    "أعلنت وزارة الصحة - في بيان لها - عن تسجيل إصابات",
    "أوردت وكالة رويترز خبرا مفاده أن البنوك",
    "قال مصدر قضائي لرويترز، اليوم الخميس إن التحقيق",
    "قالت شبكة (CNN) إن الرئيس",
    "نقلت قناة تلفزيونية تابعة لشبكة (سي.بي.إس) في هيوستون",
    "الترتيب :",
    "البرنامج : الاربعاء 8 فيفري 2018 :",
    "المصدر : وات",
    "المصدر (روسيا اليوم)",
    "- ضباب محليا كثيف في الصباح",
    "وزير الخارجية: لا تفاوض مع الإرهابيين",
    "الحكومة التونسية - رسميا",
    "(فيديو) لحظة سقوط الطائرة",
    "رويترز قالت إن",
    "",
    "   \n\n  ",
  ])("%s", (text) => {
    expect(findDateline(text)).toBeUndefined();
  });
});

describe("findDateline: position", () => {
  it("skips leading blank lines, spaces and invisible marks", () => {
    const text = "\n\n  \u200f بيروت - رويترز: قال";
    const d = findDateline(text);
    expect(d && text.slice(d.start, d.end)).toBe("بيروت - رويترز:");
  });

  it("looks at the line after a short title line, but no further", () => {
    const titled = "معارضون يسيطرون على مخازن للصواريخ\nدمشق، سوريا (CNN) -- أكدت جهات";
    const d = findDateline(titled);
    expect(d && titled.slice(d.start, d.end)).toBe("دمشق، سوريا (CNN) --");
    const third = "عنوان قصير\nسطر ثان عادي\nدمشق (سانا) - أعلن";
    expect(findDateline(third)).toBeUndefined();
    const longFirst = `${"كلمة ".repeat(60)}\nدمشق (سانا) - أعلن`;
    expect(findDateline(longFirst)).toBeUndefined();
  });

  it("does not look past the start of the body", () => {
    expect(findDateline("تحدث الرئيس اليوم. موسكو (أ ف ب) - قال")).toBeUndefined();
  });
});

describe("findDateline on the seed article", () => {
  it("finds موسكو (أ ف ب) – as in the gold file", () => {
    const seed = readFileSync(
      new URL("../../../shared/seed/putin-xi-call.txt", import.meta.url),
      "utf8",
    );
    const gold = JSON.parse(
      readFileSync(
        new URL("../../../shared/seed/putin-xi-call.gold.json", import.meta.url),
        "utf8",
      ),
    ) as { document: { dateline: { place: string; agency: string } } };
    const { text } = stripBoilerplate(seed);
    const d = findDateline(text);
    expect(d).toMatchObject(gold.document.dateline);
    expect(d && text.slice(d.start, d.end)).toBe("موسكو (أ ف ب) –");
    expect(
      text
        .slice(d?.end ?? 0)
        .trimStart()
        .startsWith("تحدث الرئيس"),
    ).toBe(true);
  });
});

describe("findDateline properties", () => {
  const arabicish = fc.string({
    unit: fc.constantFrom(
      ..."موسكو (أ ف ب) – رويترز: «الشرق» واس بيروت - 15 يناير\n ،,/ـ—".split(""),
    ),
    maxLength: 80,
  });

  it("never throws and returns a span inside the text whose evidence holds its fields", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), arabicish), (text) => {
        const d = findDateline(text);
        if (d === undefined) return;
        expect(d.start).toBeGreaterThanOrEqual(0);
        expect(d.end).toBeGreaterThan(d.start);
        expect(d.end).toBeLessThanOrEqual(text.length);
        const span = text.slice(d.start, d.end);
        if (d.place !== undefined) expect(span).toContain(d.place);
        if (d.agency !== undefined) expect(span).toContain(d.agency);
        for (const value of [d.place, d.agency]) {
          if (value !== undefined) expect(value).not.toMatch(/^[\s\p{P}]|[\s\p{P}]$/u);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("finds the same dateline after any leading blank lines", () => {
    fc.assert(
      fc.property(fc.constantFrom("\n", "\n\n", "  \n", "\t\n \n"), (lead) => {
        const text = `${lead}بيروت - رويترز: قال مسؤول`;
        const d = findDateline(text);
        expect(d && text.slice(d.start, d.end)).toBe("بيروت - رويترز:");
      }),
    );
  });
});

describe("findDateline: words that fold to agency names", () => {
  it.each(["فقال: وما هي؟", "عاصر مصطفى الموسوي ـ أب روح الله الخميني", "BBC.", "وإم."])(
    "%s",
    (text) => {
      expect(findDateline(text)).toBeUndefined();
    },
  );
});
