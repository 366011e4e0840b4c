import { describe, expect, it } from "vitest";
import type { EntityType } from "../../src/analysis.js";
import { resolveCoreference } from "../../src/coref/index.js";
import { knowledgeBase, resolveEntities } from "../../src/entities/index.js";
import { analyzeText } from "../../src/index.js";
import { extractQuotes } from "../../src/quotes/index.js";
import { extractTimes } from "../../src/time/index.js";
import { docOf, tagged } from "../helpers/docs.js";

/**
 * The quotations of a text, each as "speaker name or «unnamed words» ← quoted text", through
 * the stages the pipeline runs (entities from the names given, coreference, times, quotes).
 */
function said(text: string, names: [string, EntityType][] = [], published = "2015-06-10") {
  const d = docOf(text, published);
  const kb = knowledgeBase();
  const { entities, gender, speaksFor } = resolveCoreference(
    d,
    resolveEntities(d, tagged(text, names)),
    {
      kb,
      date: published,
    },
  );
  const quotes = extractQuotes(d, entities, { times: extractTimes(d), gender, speaksFor });
  const name = (id: string | null) => entities.find((e) => e.id === id)?.name;
  return quotes.map((q) => `${name(q.speaker) ?? `«${q.speakerText ?? ""}»`} ← ${q.text}`);
}

describe("speakers: the grammatical subject, not the nearest name", () => {
  it("gives a participle and a verb with no subject to the clause's subject, not to an earlier speaker", () => {
    const q = said(
      'وقالت الخبيرة سلمى الرميثي إن الموارد تتراجع. وكان وزير الزراعة والري قد افتتح الملتقى بكلمة دعا فيها إلى "شراكة بين القطاعين"، مؤكدا أن الدعم سيستمر.',
      [["سلمى الرميثي", "PER"]],
    );
    expect(q).toEqual([
      "سلمى الرميثي ← الموارد تتراجع",
      "«وزير الزراعة والري» ← شراكة بين القطاعين",
      "«وزير الزراعة والري» ← الدعم سيستمر",
    ]);
  });

  it("never takes a name inside the quoted words for the speaker", () => {
    const q = said(
      'وأوضح النائب عادل الشريف أن الجلسة علقت. وتابع قائلا: "فوجئنا بمقترح تقدم به رئيس الكتلة سليم الجبالي في آخر لحظة".',
      [
        ["عادل الشريف", "PER"],
        ["سليم الجبالي", "PER"],
      ],
    );
    expect(q[1]).toMatch(/^عادل الشريف ← فوجئنا/);
  });

  it("keeps an unnamed source unnamed even when a named body is part of its description", () => {
    const q = said(
      "وقال مصدر في حركة الشعب إن الاجتماع تأجل. وأضاف المصدر ذاته أن موعدا جديدا سيحدد.",
      [["حركة الشعب", "ORG"]],
    );
    expect(q).toEqual(["«مصدر» ← الاجتماع تأجل", "«مصدر» ← موعدا جديدا سيحدد"]);
  });

  it("finds the subject after time words and an adjunct, and an SVO subject after كان ... قد", () => {
    const q = said(
      "وقال أمس في مؤتمر صحفي بالرياض وزير المالية إبراهيم الحمدان إن العجز سينخفض. وكان محافظ البنك المركزي فهد الصقري قد أكد أن الاحتياطي كاف.",
      [
        ["إبراهيم الحمدان", "PER"],
        ["فهد الصقري", "PER"],
      ],
    );
    expect(q).toEqual(["إبراهيم الحمدان ← العجز سينخفض", "فهد الصقري ← الاحتياطي كاف"]);
  });

  it("lets the verb's gender choose between the people of the paragraph", () => {
    const q = said(
      "قالت الوزيرة ليلى الحسن إن الخطة جاهزة، فيما أكد المدير سامي العلي أن التمويل متوفر. وأضافت أن التنفيذ يبدأ غدا.",
      [
        ["ليلى الحسن", "PER"],
        ["سامي العلي", "PER"],
      ],
    );
    expect(q[2]).toBe("ليلى الحسن ← التنفيذ يبدأ غدا");
  });

  it("reads the addressee of a call verb as its object: the subject is the one speaking", () => {
    const q = said(
      "وأكد حزب العدالة رفضه للقرار. وطالب الحكومة بإلغاء القرار فورا. ودعا الحزب أنصاره إلى التظاهر السلمي.",
      [
        ["حزب العدالة", "ORG"],
        ["الحكومة", "ORG"],
      ],
    );
    expect(q).toEqual(["حزب العدالة ← إلغاء القرار فورا", "حزب العدالة ← التظاهر السلمي"]);
  });
});

describe("speakers: titles, honorifics, nominals", () => {
  it("attributes a title used alone, an honorific pronoun and a nominal to whom they stand for", () => {
    const q = said(
      "التقى أمير المنطقة الأمير فيصل بن سلطان الوزير ماجد الهاشمي. وأكد سموه أن المشاريع ستنجز في موعدها. وأعلنت حركة الإصلاح مشاركتها في الانتخابات، وقالت الحركة إن قائمتها جاهزة. وقال الوزير إن الميزانية معتمدة.",
      [
        ["فيصل بن سلطان", "PER"],
        ["ماجد الهاشمي", "PER"],
        ["حركة الإصلاح", "ORG"],
      ],
    );
    expect(q).toEqual([
      "فيصل بن سلطان ← المشاريع ستنجز في موعدها",
      "حركة الإصلاح ← قائمتها جاهزة",
      "ماجد الهاشمي ← الميزانية معتمدة",
    ]);
  });

  it("lets a capital speak for its country's government when the country is in the article", () => {
    const q = said(
      "وأكدت ألمانيا دعمها للخطة. وأعلنت برلين أنها ستخصص 300 مليون يورو للمشروع.",
      [],
    );
    expect(q).toEqual(["ألمانيا ← ستخصص 300 مليون يورو للمشروع"]);
  });
});

describe("speakers: people found beside their titles", () => {
  it("links a rank that is also an office, used alone, to the person it stood before", () => {
    const q = said("وطالب المحامي سامر الحداد بالإفراج عن موكله. وقال المحامي إن موكله بريء.", [
      ["سامر الحداد", "PER"],
    ]);
    expect(q).toContain("سامر الحداد ← موكله بريء");
  });

  it("reads a description holding a quoted body's name, used alone later", () => {
    const q = said(
      "وقالت الخبيرة في شركة «نور للطاقة» سلوى مراد إن الأسعار سترتفع. وأضافت الخبيرة أن الطلب قوي.",
      [["سلوى مراد", "PER"]],
    );
    expect(q).toEqual(["سلوى مراد ← الأسعار سترتفع", "سلوى مراد ← الطلب قوي"]);
  });

  it("finds a name the tagger missed after a title: a father's name first, an unseen family name", () => {
    const q = said("أكد المتحدث الرسمي لوزارة النقل فهد الغنيمان أن الطريق سيفتح قريبا.");
    expect(q).toEqual(["فهد الغنيمان ← الطريق سيفتح قريبا"]);
  });

  it("reads a woman's gender from her verb under an object pronoun, over a masculine title", () => {
    const q = said(
      "وأكد الوزير سالم العامري أن الخطة ناجحة. ورفضته العضو هند الكتبي في الجلسة، وقالت إن الخطة فاشلة.",
      [
        ["سالم العامري", "PER"],
        ["هند الكتبي", "PER"],
      ],
    );
    expect(q).toContain("هند الكتبي ← الخطة فاشلة");
  });
});

describe("speakers: what is no report", () => {
  it("does not report a negated statement, and reads بحسب القانون as 'in accordance with'", () => {
    const q = said(
      "ولم يفصح البيان عن أسماء المتهمين. وسيتم تطبيق العقوبات بحسب القانون المعمول به في البلاد.",
    );
    expect(q).toEqual([]);
  });

  it("never makes the reporting word itself or a function word the speaker", () => {
    const q = said(
      'وقال رئيس الجمعية نبيل الفاسي إن الموسم ناجح. وتابع يقول: "سنواصل العمل بنفس الروح".',
      [["نبيل الفاسي", "PER"]],
    );
    expect(q).toEqual(["نبيل الفاسي ← الموسم ناجح", "نبيل الفاسي ← سنواصل العمل بنفس الروح"]);
  });

  it("does not take the reporter of a byline for the speaker of the first quotation", () => {
    const a = analyzeText(
      "الرياض: فهد العتيبي\nأكد أن الاجتماع المقبل سيعقد في جدة، وقال مصدر مطلع إن جدول الأعمال لم يحدد بعد.",
      { date: "2015-06-10" },
    );
    const author = a.entities.find((e) => e.name.includes("العتيبي"))?.id;
    expect(author).toBeDefined();
    expect(a.quotes.length).toBeGreaterThan(0);
    for (const q of a.quotes) expect(q.speaker).not.toBe(author);
  });
});

describe("speakers: reports inside reports", () => {
  it("keeps a named speaker's words inside another's report as a quotation of their own", () => {
    const q = said(
      'وأوضح وزير الإعلام سعد البراك أن الملك عبد الله الثاني أكد خلال الجلسة أن "أمن المنطقة مسؤولية مشتركة".',
      [
        ["سعد البراك", "PER"],
        ["عبد الله الثاني", "PER"],
      ],
    );
    expect(q).toContain("عبد الله الثاني ← أمن المنطقة مسؤولية مشتركة");
    expect(q[0]).toMatch(/^سعد البراك ← /);
  });
});
