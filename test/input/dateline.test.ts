import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stripBoilerplate } from "../../src/input/boilerplate.js";
import { findDateline } from "../../src/input/dateline.js";
import { HAS_SEED, SEED_GOLD, SEED_TEXT } from "../shared-data.js";

/** The dateline's evidence and fields, with the word that follows it. */
function parse(text: string) {
  const d = findDateline(text);
  if (d === undefined) return undefined;
  return {
    span: text.slice(d.start, d.end),
    place: d.place,
    agency: d.agency,
    author: d.author,
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

describe.skipIf(!HAS_SEED)("findDateline on the seed article", () => {
  it("finds موسكو (أ ف ب) – as in the gold file", () => {
    const seed = readFileSync(SEED_TEXT, "utf8");
    const gold = JSON.parse(readFileSync(SEED_GOLD, "utf8")) as {
      document: { dateline: { place: string; agency: string } };
    };
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
        if (d.author !== undefined) expect(span).toContain(d.author);
        for (const value of [d.place, d.agency, d.author]) {
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

describe("findDateline: a city, then the reporter", () => {
  it.each([
    ["الرياض: فهد العتيبي\nأعلنت وزارة الداخلية", "الرياض: فهد العتيبي", "الرياض", "فهد العتيبي"],
    ["الرياض - فهد العتيبي:\nأعلنت", "الرياض - فهد العتيبي:", "الرياض", "فهد العتيبي"],
    ["الرياض - فهد العتيبي: أعلنت", "الرياض - فهد العتيبي:", "الرياض", "فهد العتيبي"],
    ["جدة - عبدالله الزهراني\nأعلنت أمانة", "جدة - عبدالله الزهراني", "جدة", "عبدالله الزهراني"],
    // the lead straight after the name: it opens with a verb, the name ends with a family name
    ["جدة - عبدالله الزهراني أعلنت أمانة", "جدة - عبدالله الزهراني", "جدة", "عبدالله الزهراني"],
    ["الدمام - نورة الراشد شهدت المنطقة", "الدمام - نورة الراشد", "الدمام", "نورة الراشد"],
    ["أبها - سعيد القحطاني في خطوة", "أبها - سعيد القحطاني", "أبها", "سعيد القحطاني"],
    ["تبوك ـ منيرة الأحمد ـ افتتح", "تبوك ـ منيرة الأحمد ـ", "تبوك", "منيرة الأحمد"],
    ["الرياض - محمد الغامدي\nاستقبل", "الرياض - محمد الغامدي", "الرياض", "محمد الغامدي"],
    ["القاهرة - أحمد فتحي شاهين:\nقال", "القاهرة - أحمد فتحي شاهين:", "القاهرة", "أحمد فتحي شاهين"],
    [
      "الرياض - عبد الله بن محمد آل الشيخ\nأكد",
      "الرياض - عبد الله بن محمد آل الشيخ",
      "الرياض",
      "عبد الله بن محمد آل الشيخ",
    ],
    [
      "الرياض - فهد العتيبي وعبدالله الزهراني\nأعلنت",
      "الرياض - فهد العتيبي وعبدالله الزهراني",
      "الرياض",
      "فهد العتيبي وعبدالله الزهراني",
    ],
    ["مكة المكرمة - هند الحربي\nتستعد", "مكة المكرمة - هند الحربي", "مكة المكرمة", "هند الحربي"],
    // the Okaz order: the reporter, then the city in brackets
    ["عبدالله الزهراني (جدة)\nأعلنت", "عبدالله الزهراني (جدة)", "جدة", "عبدالله الزهراني"],
    ["علي الرباعي (الباحة) - شهدت", "علي الرباعي (الباحة) -", "الباحة", "علي الرباعي"],
  ])("%s", (text, span, place, author) => {
    expect(parse(text)).toMatchObject({ span, place, author, agency: undefined });
  });

  it("keeps the lead's first word out of the byline", () => {
    expect(parse("جدة - عبدالله الزهراني أعلنت أمانة")?.rest).toBe("أعلنت");
    expect(parse("الرياض - فهد العتيبي: أعلنت")?.rest).toBe("أعلنت");
  });
});

describe("findDateline: the reporter's name from the NER gazetteer's name data", () => {
  it.each([
    // given names the parser never listed: the gazetteer knows them
    ["جدة - لمياء الغامدي\nأعلنت", "لمياء الغامدي"],
    ["بيروت - جورج عيسى\nقال", "جورج عيسى"],
    // a nationality is a family name as often as an adjective
    ["القاهرة - نجلاء المصري\nقال", "نجلاء المصري"],
    // a compound name with الدين
    ["تونس - نور الدين الطبوبي\nأكد", "نور الدين الطبوبي"],
  ])("%s", (text, author) => {
    expect(parse(text)?.author).toBe(author);
  });

  it.each([
    // nouns the name data also holds as rare names: common words, mostly with the article
    "الرياض - مسجد الحنين\nقال",
    "دبي: أسد الماساي في محمية",
    // a common adjective is no family name
    "الرياض - رمضان الماضي\nشهد",
    "الرياض - فهد الرسمي\nقال",
    // roles, forms of address and honorifics after a name
    "الرياض - معالي الوزير\nقال",
    "القاهرة - محمد علي باشا\nقال",
    // و + a verb is no name (ويدين)
    "متابعة: ويدين محفوظ في الكرنك",
    // a name whose verb reports at once is the verb's subject (SVO), not a reporter
    "بيروت - سامر الخطيب قال إن الحكومة ستجتمع",
    "عمان - رنا الحسيني أكدت أن القرار نهائي",
    "الدوحة - سالم المري قال: لن نتراجع",
  ])("credits no reporter in %s", (text) => {
    expect(findDateline(text)?.author).toBeUndefined();
  });
});

describe("findDateline: labelled bylines", () => {
  it.each([
    ["متابعة: سارة الأحمد\nشهدت", "متابعة: سارة الأحمد", "سارة الأحمد"],
    ["كتب: أحمد علي\nقال", "كتب: أحمد علي", "أحمد علي"],
    ["كتب - أحمد علي: قال", "كتب - أحمد علي:", "أحمد علي"],
    ["كتب - أحمد علي قال مصدر", "كتب - أحمد علي", "أحمد علي"],
    ["كتبت/ ريم السالم\nأكدت", "كتبت/ ريم السالم", "ريم السالم"],
    ["بقلم: خالد الدخيل\nليس", "بقلم: خالد الدخيل", "خالد الدخيل"],
    ["بقلم د. خالد الدخيل\nليس", "بقلم د. خالد الدخيل", "د. خالد الدخيل"],
    // بقلم only ever precedes a writer, so a name the lists do not know is taken
    ["بقلم: توماس فريدمان\nفي", "بقلم: توماس فريدمان", "توماس فريدمان"],
    ["إعداد: منيرة القحطاني\nفي", "إعداد: منيرة القحطاني", "منيرة القحطاني"],
    ["تقرير: نايف الشمري\nفي", "تقرير: نايف الشمري", "نايف الشمري"],
    ["ترجمة: ريم الحربي\nفي", "ترجمة: ريم الحربي", "ريم الحربي"],
    ["كتب ـ خليفة أدهم : أناب الرئيس", "كتب ـ خليفة أدهم :", "خليفة أدهم"],
  ])("%s", (text, span, author) => {
    expect(parse(text)).toMatchObject({ span, author, place: undefined, agency: undefined });
  });

  it("takes an agency after a label as a credit, not a person", () => {
    expect(parse("متابعة: وكالات\nأعلنت")).toMatchObject({
      span: "متابعة: وكالات",
      agency: "وكالات",
      author: undefined,
    });
  });
});

describe("findDateline: papers and their cities", () => {
  it.each([
    ["عكاظ - جدة\nأعلنت", "عكاظ - جدة", "جدة", "عكاظ", undefined],
    ["عكاظ - جدة أعلنت", "عكاظ - جدة", "جدة", "عكاظ", undefined],
    ["«عكاظ» (جدة)\nأعلنت", "«عكاظ» (جدة)", "جدة", "عكاظ", undefined],
    ["«عكاظ» (جدة) أعلنت", "«عكاظ» (جدة)", "جدة", "عكاظ", undefined],
    ["عكاظ - جدة - فهد العتيبي\nأعلنت", "عكاظ - جدة - فهد العتيبي", "جدة", "عكاظ", "فهد العتيبي"],
    ["الرياض - «الرياض»\nأعلنت", "الرياض - «الرياض»", "الرياض", "الرياض", undefined],
    ["الرياض - «الرياض» أعلنت", "الرياض - «الرياض»", "الرياض", "الرياض", undefined],
    [
      "الرياض - «الرياض» - فهد العتيبي\nأعلنت",
      "الرياض - «الرياض» - فهد العتيبي",
      "الرياض",
      "الرياض",
      "فهد العتيبي",
    ],
    ["لندن: «الشرق الأوسط»\nقال", "لندن: «الشرق الأوسط»", "لندن", "الشرق الأوسط", undefined],
    ["دبي - العربية.نت\nقال", "دبي - العربية.نت", "دبي", "العربية.نت", undefined],
    ["الرياض - واس\nأكد", "الرياض - واس", "الرياض", "واس", undefined],
    ["واس - الرياض\nأكد", "واس - الرياض", "الرياض", "واس", undefined],
    ["القاهرة - رويترز\nقال", "القاهرة - رويترز", "القاهرة", "رويترز", undefined],
    ["القاهرة - رويترز قال", "القاهرة - رويترز", "القاهرة", "رويترز", undefined],
    ["الحياة - فهد العتيبي\nقال", "الحياة - فهد العتيبي", undefined, "الحياة", "فهد العتيبي"],
    // a city that is also a paper is the place in front of an agency
    ["القدس - وكالات: قال", "القدس - وكالات:", "القدس", "وكالات", undefined],
  ])("%s", (text, span, place, agency, author) => {
    expect(parse(text)).toMatchObject({ span, place, agency, author });
  });

  it("keeps the paper credited before a wire's credit out of the place", () => {
    expect(parse("سبق – وكالات: أعلنت")).toMatchObject({
      span: "سبق – وكالات:",
      place: undefined,
      agency: "وكالات",
    });
  });
});

describe("findDateline: a paper's name on its own line", () => {
  it.each([
    [
      "الحياة\nالرياض - فهد العتيبي\nأعلنت",
      "الحياة\nالرياض - فهد العتيبي",
      "الرياض",
      "الحياة",
      "فهد العتيبي",
    ],
    ["«عكاظ»\nفهد العتيبي\nأعلنت", "«عكاظ»\nفهد العتيبي", undefined, "عكاظ", "فهد العتيبي"],
    [
      "الشرق الأوسط\nكتب: أحمد علي\nقال",
      "الشرق الأوسط\nكتب: أحمد علي",
      undefined,
      "الشرق الأوسط",
      "أحمد علي",
    ],
    [
      "عنوان الخبر هنا\nالحياة\nجدة - سارة الأحمد\nأعلنت",
      "الحياة\nجدة - سارة الأحمد",
      "جدة",
      "الحياة",
      "سارة الأحمد",
    ],
  ])("%s", (text, span, place, agency, author) => {
    expect(parse(text)).toMatchObject({ span, place, agency, author });
  });

  it("leaves a wire dateline under a paper's name its own credit", () => {
    expect(parse("الحياة\nبيروت - رويترز: قال")).toMatchObject({
      span: "بيروت - رويترز:",
      place: "بيروت",
      agency: "رويترز",
    });
  });

  it("does not take a paper's name alone, or before an ordinary lead", () => {
    expect(findDateline("الحياة\nأعلنت وزارة الداخلية أمس")).toBeUndefined();
    expect(findDateline("الأخبار\nفهد العتيبي يفوز بالجائزة")).toBeUndefined();
    expect(findDateline("«عكاظ»\nأعلنت وزارة الداخلية")).toBeUndefined();
    // الرياض is a city as much as a paper: a name alone under it is not claimed
    expect(findDateline("الرياض\nفهد العتيبي\nأعلنت")).toBeUndefined();
  });
});

describe("findDateline: sentences and headlines are not bylines", () => {
  it.each([
    "قال الرئيس: إن المحادثات مستمرة",
    "أكد وزير الخارجية: إن المملكة ماضية",
    "الرياض: أعلنت وزارة الداخلية أمس عن القبض",
    "الرياض - أعلنت وزارة الداخلية أمس",
    "جدة: شهد مطار الملك عبدالعزيز الدولي",
    "الرياض: 50 ألف زائر لمعرض الكتاب",
    "الرياض: نجاح عملية جراحية\nنجح فريق طبي",
    "القاهرة: مصرع شخصين وإصابة ثلاثة\nلقي",
    "الرياض - المحرر الاقتصادي\nارتفع المؤشر",
    "الرياض: أمير منطقة الرياض يستقبل السفير",
    // a named person as the subject of a headline or lead
    "الرياض - خالد الفيصل يدشن المشروع",
    "جدة: خالد الفيصل أمير منطقة مكة يدشن",
    "الرياض: محمد بن سلمان يستقبل",
    "الرياض - فيصل بن فرحان يلتقي نظيره",
    "جدة - مريم اليحياوي تقيم معرضا",
    "جدة - محمود الجوهري أحد أبرز المدربين",
    "جدة - ريم السعيدي هي مذيعة",
    "الرياض - أحمد علي شاهين بطلا",
    // a name with no family name, or one that may go on, before the lead
    "الرياض - أحمد علي أعلنت",
    "كتب: محمد أنور محمد السادات",
    "كتب: محمود نجيب حسني أستاذ القانون",
    "جدة - زياد العذاري محمد العكروت",
    // no known given name first
    "تقرير: الأمم المتحدة تحذر",
    "تقرير: مصر وتركيا\nفي",
    "كتب - صدر حديثا\nكتاب",
    "كتب: الزميل أحمد\nقال",
    "متابعة: الأوضاع في غزة",
    "ترجمة: نصوص مختارة\nيضم",
    // a label that is not followed by a separator (only بقلم may be)
    "كتب محمد صلاح تاريخا جديدا",
    // papers that are ordinary words, and club fixtures
    "الاتحاد - الرياض\nمباراة",
    "الخليج: الكويت تستضيف القمة",
    "الجزيرة - العين\nفي",
    // a reporter after a wire credit would be the lead's subject
    "بيروت - رويترز: فهد العتيبي قال",
    "فهد العتيبي (جدة) يفوز بالجائزة",
    "الرياض: على الرغم من",
  ])("%s", (text) => {
    expect(findDateline(text)?.author).toBeUndefined();
  });

  it("keeps the wire credit when a name follows it", () => {
    expect(parse("بيروت - رويترز: فهد العتيبي قال")).toMatchObject({
      span: "بيروت - رويترز:",
      author: undefined,
    });
  });

  it.each([
    "الرياض: أعلنت وزارة الداخلية أمس",
    "الرياض - خالد الفيصل يدشن المشروع",
    "الاتحاد - الرياض\nمباراة",
    "الخليج: الكويت تستضيف القمة",
    "تقرير: الأمم المتحدة تحذر",
    "كتب - صدر حديثا\nكتاب",
  ])("claims nothing at all for %s", (text) => {
    expect(findDateline(text)).toBeUndefined();
  });
});

describe("findDateline: bylines, properties", () => {
  const piece = fc.constantFrom(
    "الرياض",
    "جدة",
    "عكاظ",
    "«عكاظ»",
    "الحياة",
    "كتب",
    "بقلم",
    "متابعة",
    "فهد",
    "العتيبي",
    "عبدالله",
    "الزهراني",
    "بن",
    "آل",
    "عبد",
    "د.",
    "وعبدالله",
    "أعلنت",
    "يدشن",
    "-",
    "–",
    ":",
    "،",
    "(",
    ")",
    "(جدة)",
    "\n",
    "واس",
  );
  const shuffled = fc.array(piece, { maxLength: 14 }).map((ws) => ws.join(" "));
  // shaped like a byline (city, separator, name words, then a line break or a lead), so that
  // the author checks below run often
  const shaped = fc
    .tuple(
      fc.constantFrom("الرياض", "جدة", "«عكاظ»", "كتب", "متابعة"),
      fc.constantFrom(" - ", ": ", " – "),
      fc.array(fc.constantFrom("فهد", "العتيبي", "عبدالله", "الزهراني", "بن", "آل", "يدشن"), {
        minLength: 1,
        maxLength: 5,
      }),
      fc.constantFrom("\n", " ", ": "),
      fc.constantFrom("أعلنت وزارة", "في خطوة", "قال إن", ""),
    )
    .map(([place, sep, name, end, lead]) => `${place}${sep}${name.join(" ")}${end}${lead}`);
  const bylineish = fc.oneof(shuffled, shaped);

  it("returns a span that holds every field, with no punctuation around a value", () => {
    let authors = 0;
    fc.assert(
      fc.property(bylineish, (text) => {
        const d = findDateline(text);
        if (d === undefined) return;
        if (d.author !== undefined) authors++;
        expect(d.start).toBeGreaterThanOrEqual(0);
        expect(d.end).toBeGreaterThan(d.start);
        expect(d.end).toBeLessThanOrEqual(text.length);
        const span = text.slice(d.start, d.end);
        for (const value of [d.place, d.agency, d.author]) {
          if (value === undefined) continue;
          expect(span).toContain(value);
          expect(value).not.toMatch(/^[\s\p{P}]|[\s\p{P}]$/u);
        }
        // a reporter's name is 2–4 words (بن، آل، عبد and a title aside) per person
        if (d.author !== undefined) {
          for (const name of d.author.split(/،|\sو/u)) {
            const words = name.trim().split(/\s+/u);
            expect(words.length).toBeGreaterThanOrEqual(2);
          }
        }
      }),
      { numRuns: 3000 },
    );
    // the name checks ran on a fair number of reporters, not on none
    expect(authors).toBeGreaterThan(20);
  });
});

describe("findDateline: the reporter after a paper's credit", () => {
  it.each([
    // the reporter's name alone on the line under a paper's source line
    ["عكاظ - جدة\nفهد العتيبي\nأعلنت", "عكاظ - جدة\nفهد العتيبي", "جدة", "عكاظ", "فهد العتيبي"],
    [
      "«عكاظ» (الطائف)\nهيا القحطاني\nأعلنت",
      "«عكاظ» (الطائف)\nهيا القحطاني",
      "الطائف",
      "عكاظ",
      "هيا القحطاني",
    ],
    [
      "لندن: «الشرق الأوسط»\nسلمان الدوسري\nقال",
      "لندن: «الشرق الأوسط»\nسلمان الدوسري",
      "لندن",
      "الشرق الأوسط",
      "سلمان الدوسري",
    ],
    // "من" before the reporter, as Al-Quds Al-Arabi writes it
    [
      "عمان ـ «القدس العربي» ـ من باسل النجار: قال",
      "عمان ـ «القدس العربي» ـ من باسل النجار:",
      "عمان",
      "القدس العربي",
      "باسل النجار",
    ],
    [
      "بيروت ـ «القدس العربي» من رنا الحداد:\nقال",
      "بيروت ـ «القدس العربي» من رنا الحداد:",
      "بيروت",
      "القدس العربي",
      "رنا الحداد",
    ],
  ])("%s", (text, span, place, agency, author) => {
    expect(parse(text)).toMatchObject({ span, place, agency, author });
  });

  it.each([
    // wire copy credits no reporter on the next line
    ["الرياض - واس\nفهد العتيبي\nأعلن", "الرياض - واس"],
    // the next line is the lead, not a name alone
    ["عكاظ - جدة\nفهد العتيبي يفوز بالجائزة", "عكاظ - جدة"],
    // "من" + a name must be closed by a separator; "من مصادر" is the lead
    ["بيروت ـ «القدس العربي» ـ من رنا الحداد قال", "بيروت ـ «القدس العربي» ـ"],
    ["لندن ـ «القدس العربي» من مصادر مطلعة: إن", "لندن ـ «القدس العربي»"],
  ])("credits no reporter in %s", (text, span) => {
    expect(parse(text)).toMatchObject({ span, author: undefined });
  });
});
