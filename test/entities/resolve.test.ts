import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Entity, EntityType } from "../../src/analysis.js";
import { knowledgeBase, resolveEntities } from "../../src/entities/index.js";
import { analyzeText } from "../../src/index.js";
import { docOf, tagged as taggedNames } from "../helpers/docs.js";

const kb = knowledgeBase();

const doc = docOf;
const tagged = (text: string, names: [string, EntityType][]) =>
  taggedNames(text, names, (i) => `e${i + 1}`);

function resolve(text: string, names: [string, EntityType][], date?: string) {
  return resolveEntities(doc(text, date), tagged(text, names));
}

const byId = (entities: Entity[], id: string) => entities.find((e) => e.id === id);
const texts = (e: Entity | undefined) => e?.mentions.map((m) => m.text) ?? [];

describe("linking and coreference", () => {
  it("merges a full name, its surname and the office title into one linked person", () => {
    const text =
      "قال الرئيس الروسي فلاديمير بوتين إن المحادثات كانت مثمرة. وأضاف بوتين أن العمل سيستمر.";
    const entities = resolve(
      text,
      [
        ["فلاديمير بوتين", "PER"],
        ["بوتين", "PER"],
      ],
      "2023-03-01",
    );
    const putin = byId(entities, "vladimir-putin");
    expect(putin?.type).toBe("PER");
    expect(putin?.kb?.wikidata).toBe("Q7747");
    expect(texts(putin)).toEqual(["الرئيس الروسي", "فلاديمير بوتين", "بوتين"]);
    expect(entities.filter((e) => e.type === "PER")).toHaveLength(1);
  });

  it("resolves an office title against the article's date", () => {
    const text = "وصل الرئيس الأمريكي إلى المنطقة في زيارة قصيرة.";
    const on = (date: string) => resolve(text, [], date).find((e) => e.type === "PER")?.id;
    expect(on("2015-06-01")).toBe("barack-obama");
    expect(on("2019-06-01")).toBe("donald-trump");
    expect(on("2022-06-01")).toBe("joe-biden");
    expect(on("2025-06-01")).toBe("donald-trump");
  });

  it("takes the next office holder for an elect title and nobody for a former one", () => {
    const elect = resolve("هنأ الزعماء الرئيس الأمريكي المنتخب بفوزه.", [], "2024-11-20");
    expect(elect.find((e) => e.type === "PER")?.id).toBe("donald-trump");
    const former = resolve("انتقد الرئيس الأمريكي السابق القرار.", [], "2024-11-20");
    expect(former.filter((e) => e.type === "PER")).toEqual([]);
  });

  it("reads an office named without a country as the article's own country's", () => {
    const tunis = "تونس (وات) - قال رئيس الحكومة إن الإصلاحات ستتواصل.";
    const d = doc(tunis, "2017-05-01");
    d.meta.dateline = { place: "تونس", agency: "وات", start: 0, end: 12 };
    expect(resolveEntities(d, []).find((e) => e.type === "PER")?.id).toBe("youssef-chahed");
    // the same words with no way to tell the country name no one
    const bare = resolve("قال رئيس الحكومة إن الإصلاحات ستتواصل.", [], "2017-05-01");
    expect(bare.filter((e) => e.type === "PER")).toEqual([]);
  });

  it("reads an ambiguous place name in the light of the country the article is about", () => {
    const amman = resolve("افتتح في العاصمة الأردنية عمّان مؤتمر للمياه بحضور وزراء من الأردن.", [
      ["عمّان", "LOC"],
      ["الأردن", "LOC"],
    ]);
    expect(amman.map((e) => e.id)).toEqual(["amman", "JOR"]);
    const oman = resolve("زار الوفد عمان وأجرى محادثات في مسقط.", [
      ["عمان", "LOC"],
      ["مسقط", "LOC"],
    ]);
    expect(oman.map((e) => e.id)).toEqual(["OMN", "muscat"]);
  });

  it("reports no nationality adjective as an entity, even when the tagger does", () => {
    const text = "استقبل الوفد الروسي نظيره الصيني في موسكو.";
    const entities = resolve(
      text,
      [
        ["الروسي", "LOC"],
        ["الصيني", "MISC"],
        ["موسكو", "LOC"],
      ],
      "2020-01-01",
    );
    expect(entities.map((e) => e.id)).toEqual(["moscow"]);
  });

  it("finds names the tagger missed and completes names it cut short", () => {
    const text = "أعلن مجلس الأمن الروسي اليوم أن روسيا والصين ستواصلان التعاون مع الأمم المتحدة.";
    const entities = resolve(text, [["مجلس الأمن", "ORG"]], "2021-01-01");
    const ids = entities.map((e) => e.id);
    expect(ids).toEqual(["russian-security-council", "RUS", "CHN", "united-nations"]);
    expect(texts(byId(entities, "russian-security-council"))).toEqual(["مجلس الأمن الروسي"]);
    // والصين: the conjunction stays out of the mention
    expect(texts(byId(entities, "CHN"))).toEqual(["الصين"]);
  });

  it("links through clitics and keeps unknown people as numbered entities with their short names", () => {
    const text =
      "قال المهندس كريم الزواري إن المشروع جاهز. وأكد للزواري زملاؤه ذلك، فيما قال الزواري إنه متفائل.";
    const entities = resolve(
      text,
      [
        ["كريم الزواري", "PER"],
        ["الزواري", "PER"],
      ],
      "2016-01-01",
    );
    expect(entities).toHaveLength(1);
    expect(entities[0]?.id).toBe("e1");
    expect(entities[0]?.name).toBe("كريم الزواري");
    expect(texts(entities[0])).toEqual(["كريم الزواري", "الزواري"]);
  });

  it("does not merge two people who only share a surname with different KB entries", () => {
    const text = "التقى جو بايدن ثم هانتر بايدن في واشنطن.";
    const entities = resolve(
      text,
      [
        ["جو بايدن", "PER"],
        ["هانتر بايدن", "PER"],
      ],
      "2022-01-01",
    );
    expect(entities.filter((e) => e.type === "PER")).toHaveLength(2);
    expect(byId(entities, "joe-biden")).toBeDefined();
  });

  it("keeps every mention's offsets as the evidence, whatever the text", () => {
    const words = [
      "بوتين",
      "الرئيس",
      "الروسي",
      "روسيا",
      "والصين",
      "قال",
      "مجلس",
      "الأمن",
      "، ",
      ".",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 4 })), {
          maxLength: 30,
        }),
        (parts) => {
          const text = parts.join(" ");
          const names: [string, EntityType][] = [["بوتين", "PER"]];
          for (const e of resolve(text, names, "2020-05-05")) {
            for (const m of e.mentions) {
              expect(text.slice(m.start, m.end)).toBe(m.text);
              expect(m.confidence).toBeGreaterThanOrEqual(0);
              expect(m.confidence).toBeLessThanOrEqual(1);
            }
          }
        },
      ),
    );
  });
});

describe("user knowledge-base files", () => {
  it("add people that analyze then links and merges", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-kb-"));
    const file = join(dir, "extra.jsonl");
    const federation = {
      id: "tunisian-chess-federation",
      type: "ORG",
      kind: "other",
      nameAr: "الجامعة التونسية للشطرنج",
      country: "TUN",
    };
    const president = {
      id: "sami-khelifi",
      type: "PER",
      kind: "person",
      nameAr: "سامي الخليفي",
      aliases: ["الخليفي"],
      roles: [{ role: "leader", of: "tunisian-chess-federation", from: "2019-03" }],
    };
    writeFileSync(file, `${JSON.stringify(federation)}\n${JSON.stringify(president)}\n`);
    const text =
      "أكد رئيس الجامعة التونسية للشطرنج أن البطولة ستقام في موعدها، وقال الخليفي إن الاستعدادات انتهت.";
    const entities = resolveEntities(doc(text, "2020-02-02"), tagged(text, [["الخليفي", "PER"]]), {
      kb: [file],
    });
    const person = entities.find((e) => e.type === "PER");
    expect(person?.id).toBe("sami-khelifi");
    expect(texts(person)).toEqual(["رئيس الجامعة التونسية للشطرنج", "الخليفي"]);
    expect(entities.some((e) => e.id === "tunisian-chess-federation")).toBe(false);
    // before his term, the title names no one
    const before = resolveEntities(doc(text, "2018-02-02"), [], { kb: [file] });
    expect(before.find((e) => e.type === "PER")).toBeUndefined();
    // without the file, nobody
    expect(resolve(text, [], "2020-02-02").find((e) => e.id === "sami-khelifi")).toBeUndefined();
  });
});

describe("analyze", () => {
  it("returns linked entities with their KB codes", () => {
    const analysis = analyzeText("أعلنت روسيا اليوم أن وفدا سيزور القاهرة الأسبوع المقبل.", {
      date: "2020-02-02",
    });
    const russia = analysis.entities.find((e) => e.id === "RUS");
    expect(russia?.kb).toMatchObject({ id: "RUS", iso: "RU", cameo: "RUS" });
    expect(analysis.entities.some((e) => e.id === "cairo")).toBe(true);
    expect(kb.get("RUS")?.capitalOf).toBeUndefined();
  });
});

describe("entity spans", () => {
  it("stops a body's name before a time word or an adjective none of its words can carry", () => {
    const text =
      "شارك النواب في اجتماع هيئة المراجعات المنعقد أمس. وقالت الجمعية الأصلي إنها تعترض. وصرح المجلس الوطني اليوم بأنه يرفض.";
    const entities = resolve(text, [
      ["هيئة المراجعات المنعقد", "ORG"],
      ["الجمعية الأصلي", "ORG"],
      ["المجلس الوطني اليوم", "ORG"],
    ]);
    const names = entities.flatMap((e) => texts(e));
    expect(names).toContain("هيئة المراجعات");
    expect(names).toContain("المجلس الوطني");
    expect(names.some((n) => n.endsWith("المنعقد") || n.endsWith("اليوم"))).toBe(false);
    // a masculine adjective after a masculine noun of the name belongs to the name
    const kept = resolve("وأعلن اتحاد العمال الوطني موقفه.", [["اتحاد العمال الوطني", "ORG"]]);
    expect(kept.flatMap((e) => texts(e))).toContain("اتحاد العمال الوطني");
  });

  it("finds forces and committees named by a head noun and a qualifier", () => {
    const text = "وأعلنت اللجان الشعبية أنها صدت الهجوم، فيما قال الدرك الوطني إنه اعتقل ثلاثة.";
    const entities = resolveEntities(doc(text), []);
    const orgs = entities.filter((e) => e.type === "ORG").flatMap((e) => texts(e));
    expect(orgs).toContain("اللجان الشعبية");
    expect(orgs).toContain("الدرك الوطني");
    // a generic qualifier makes no name of an ordinary body
    const generic = resolveEntities(doc("وقالت الحكومة الحالية إنها ستعمل."), []);
    expect(generic.flatMap((e) => texts(e))).not.toContain("الحكومة الحالية");
    // a verbal noun in construct is an action, with the article and an adjective a body
    const action = resolveEntities(
      doc("ودعا إلى مقاومة الاحتلال، وأعلنت المقاومة الشعبية مسؤوليتها."),
      [],
    ).flatMap((e) => texts(e));
    expect(action).not.toContain("مقاومة الاحتلال");
    expect(action).toContain("المقاومة الشعبية");
  });
});
