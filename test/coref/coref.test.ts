import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Entity, type EntityType, MENTION_KINDS } from "../../src/analysis.js";
import { resolveCoreference } from "../../src/coref/index.js";
import { knowledgeBase, resolveEntities } from "../../src/entities/index.js";
import { docOf, nthIndex, tagged } from "../helpers/docs.js";

/** Entities as the pipeline would give them from the names a tagger found, then coreference. */
function corefer(text: string, names: [string, EntityType][], published = "2015-06-10") {
  const d = docOf(text, published);
  const named = resolveEntities(d, tagged(text, names));
  const result = resolveCoreference(d, named, { kb: knowledgeBase(), date: published });
  /** The entity a mention with this exact text at its n-th occurrence belongs to. */
  const who = (surface: string, occurrence = 1) => {
    const at = nthIndex(text, surface, occurrence);
    const e = result.entities.find((x) =>
      x.mentions.some((m) => m.start <= at && at + surface.length <= m.end),
    );
    return e?.name;
  };
  const kindOf = (surface: string, occurrence = 1) => {
    const at = nthIndex(text, surface, occurrence);
    for (const e of result.entities)
      for (const m of e.mentions) if (m.start <= at && at + surface.length <= m.end) return m.kind;
    return undefined;
  };
  return { ...result, who, kindOf };
}

describe("coreference: names", () => {
  it("finds a surname alone where the tagger found only the full name", () => {
    const r = corefer(
      "قال الوزير سامي الدباغ إن الخطة جاهزة. وأضاف الدباغ أن التنفيذ يبدأ الشهر المقبل.",
      [["سامي الدباغ", "PER"]],
    );
    expect(r.who("الدباغ", 2)).toBe("سامي الدباغ");
    expect(r.kindOf("الدباغ", 2)).toBe("name");
  });

  it("does not give a surname to the wrong one of two people who share it", () => {
    const r = corefer(
      "التقى وزير الصحة خالد العمري بالطبيب فهد العمري. وقال فهد العمري إن المستشفى جاهز، وأضاف العمري أن الطواقم كافية.",
      [
        ["خالد العمري", "PER"],
        ["فهد العمري", "PER"],
      ],
    );
    const people = r.entities.filter((e) => e.type === "PER");
    expect(people.map((e) => e.name).sort()).toEqual(["خالد العمري", "فهد العمري"]);
    expect(r.who("العمري", 4)).toBe("فهد العمري");
  });
});

describe("coreference: titles and descriptions", () => {
  it("links a title used alone to the person it described, not merging two ministers", () => {
    const r = corefer(
      "وقال وزير الخارجية عمر الحسيني إن المفاوضات مستمرة، فيما قال وزير الدفاع منصور الكبيسي إن القوات جاهزة. وأضاف وزير الخارجية أن الجولة المقبلة في جنيف.",
      [
        ["عمر الحسيني", "PER"],
        ["منصور الكبيسي", "PER"],
      ],
    );
    const people = r.entities.filter((e) => e.type === "PER");
    expect(people).toHaveLength(2);
    expect(r.who("وزير الخارجية", 2)).toBe("عمر الحسيني");
    expect(r.kindOf("وزير الخارجية", 2)).toBe("title");
  });

  it("tells two presidents apart by the country their title names", () => {
    const r = corefer(
      "استقبل الرئيس اليمني عبد ربه منصور هادي في الرياض الرئيس السوداني عمر البشير. وقال الرئيس اليمني إن التحالف ماض في عملياته.",
      [
        ["عبد ربه منصور هادي", "PER"],
        ["عمر البشير", "PER"],
      ],
    );
    expect(r.who("الرئيس اليمني", 2)).toBe("عبد ربه منصور هادي");
    expect(r.who("الرئيس اليمني", 2)).not.toBe(r.who("عمر البشير"));
  });

  it("takes a description given after the name, and a later shorter form of it", () => {
    const r = corefer(
      "قال غيرد مولر، وزير التنمية الألماني، إن أوروبا تحتاج خطة جديدة. وأكد الوزير الألماني أن التمويل متاح.",
      [["غيرد مولر", "PER"]],
    );
    expect(r.who("الوزير الألماني")).toBe("غيرد مولر");
  });

  it("does not take the genitive of a title for the one who holds it", () => {
    const r = corefer("وقال مستشار بوتين للشؤون الخارجية، يوري أوشاكوف، إن الاتصال تم.", [
      ["بوتين", "PER"],
      ["يوري أوشاكوف", "PER"],
    ]);
    expect(r.who("مستشار")).toBe("يوري أوشاكوف");
  });

  it("leaves a title that fits no one named in the article alone", () => {
    const r = corefer(
      "وقال مفتي المدينة إن الصلاة ستقام في موعدها. وأضاف المفتي أن الأمن مستتب.",
      [],
    );
    expect(r.entities.filter((e) => e.type === "PER")).toHaveLength(0);
  });
});

describe("coreference: pronouns and nominals", () => {
  it("gives an honorific pronoun to the person whose office takes it", () => {
    const r = corefer(
      "افتتح أمير المنطقة الأمير فيصل بن سلطان المعرض بحضور الدكتور ماجد الهاشمي. وأكد سموه أن المنطقة تشهد نهضة.",
      [
        ["فيصل بن سلطان", "PER"],
        ["ماجد الهاشمي", "PER"],
      ],
    );
    expect(r.who("سموه")).toBe("فيصل بن سلطان");
    expect(r.kindOf("سموه")).toBe("pronoun");
  });

  it("gives معاليه to the minister rather than to the king mentioned after him", () => {
    const r = corefer(
      "وأوضح وزير الإعلام سعد البراك أن الملك عبد الله الثاني وجه بتسريع المشاريع. وقال معاليه إن الخطة تشمل كل المحافظات.",
      [
        ["سعد البراك", "PER"],
        ["عبد الله الثاني", "PER"],
      ],
    );
    expect(r.who("معاليه")).toBe("سعد البراك");
  });

  it("resolves an organisation nominal to the nearest body of that kind, and only then", () => {
    const r = corefer(
      "أعلن حزب العدالة رفضه للقانون. ودعا الحزب نوابه إلى التصويت ضده. وقالت حركة الشعب إن القانون جائر، وأضافت الحركة أنها ستطعن فيه.",
      [
        ["حزب العدالة", "ORG"],
        ["حركة الشعب", "ORG"],
      ],
    );
    expect(r.who("الحزب")).toBe("حزب العدالة");
    expect(r.who("الحركة")).toBe("حركة الشعب");
    expect(r.kindOf("الحزب")).toBe("nominal");
    const none = corefer("ودعا الحزب أنصاره إلى الهدوء.", []);
    expect(none.entities).toHaveLength(0);
  });

  it("knows a person's gender from a feminine title or verb", () => {
    const r = corefer(
      "قالت النائبة سلمى الرميثي إن المشروع مهم، وقال المهندس خالد السويدي إنه جاهز.",
      [
        ["سلمى الرميثي", "PER"],
        ["خالد السويدي", "PER"],
      ],
    );
    const id = (name: string) => r.entities.find((e) => e.name === name)?.id as string;
    expect(r.gender.get(id("سلمى الرميثي"))).toBe("f");
    expect(r.gender.get(id("خالد السويدي"))).toBe("m");
  });

  it("reads gender from a fronted subject's verb, over a masculine title a woman holds", () => {
    const r = corefer("أما العضو نورة الهاملي فقد طالبت بزيادة الرواتب، وأكدت أن الأمر عاجل.", [
      ["نورة الهاملي", "PER"],
    ]);
    expect(r.gender.get(r.entities.find((e) => e.name === "نورة الهاملي")?.id as string)).toBe("f");
  });

  it("does not take a title after و as a description of the name before it", () => {
    const r = corefer(
      "حضر اللقاء المدير سالم الحارثي وممثلة المنظمة في عمان. وقالت الممثلة إن البرنامج ناجح.",
      [["سالم الحارثي", "PER"]],
    );
    const salem = r.entities.find((e) => e.name === "سالم الحارثي") as Entity;
    expect(r.who("الممثلة")).not.toBe(salem.name);
    expect(r.gender.get(salem.id)).toBe("m");
  });
});

describe("coreference: offsets", () => {
  const pieces = [
    "وقال",
    "الوزير",
    "سامي الدباغ",
    "الدباغ",
    "سموه",
    "معاليه",
    "الحزب",
    "حزب العدالة",
    "وزير الخارجية",
    "،",
    ".",
    "إن",
    "\n",
  ];
  it("gives every mention a kind and offsets whose text is the mention", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), {
          maxLength: 30,
        }),
        (parts) => {
          const text = parts.join(" ");
          const r = corefer(text, [
            ["سامي الدباغ", "PER"],
            ["حزب العدالة", "ORG"],
          ]);
          for (const e of r.entities) {
            for (const m of e.mentions) {
              expect(text.slice(m.start, m.end)).toBe(m.text);
              expect(MENTION_KINDS).toContain(m.kind);
              expect(m.confidence).toBeGreaterThan(0);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
