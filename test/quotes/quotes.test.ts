import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Doc, Entity, EntityType, Quote } from "../../src/analysis.js";
import { resolveEntities } from "../../src/entities/index.js";
import { cueOf, extractQuotes, quotedSpans } from "../../src/quotes/index.js";
import { normalizeArabic, tokenize } from "../../src/text/index.js";
import { docOf, tagged } from "../helpers/docs.js";

const doc = (text: string) => docOf(text, "2024-03-05");

/** Entities as the pipeline would give them, from names a tagger might have found. */
const entities = (d: Doc, names: [string, EntityType][]): Entity[] =>
  resolveEntities(d, tagged(d.text, names));

function quotes(text: string, names: [string, EntityType][] = []) {
  const d = doc(text);
  const ents = entities(d, names);
  const nameOf = (id: string | null) => ents.find((e) => e.id === id)?.name ?? null;
  return extractQuotes(d, ents).map((q: Quote) => ({
    text: q.text,
    kind: q.kind,
    speaker: nameOf(q.speaker),
    speakerText: q.speakerText,
    cue: q.cue?.text,
  }));
}

describe("quotation marks", () => {
  const spans = (text: string) =>
    quotedSpans(text, tokenize(text)).map((s) => text.slice(s.start, s.end));

  it("pairs guillemets, curly and straight quotes, nested ones staying inside", () => {
    expect(spans('قال: «نحن هنا» ثم قال “سنبقى” و"لن نرحل".')).toEqual([
      "نحن هنا",
      "سنبقى",
      "لن نرحل",
    ]);
    expect(spans("قال: «إن عبارة “لا تراجع” تلخص الموقف».")).toEqual([
      "إن عبارة “لا تراجع” تلخص الموقف",
    ]);
  });

  it("closes a mismatched pair and turns a stray closing mark into a span of its own", () => {
    expect(spans("قال: “نحن مستعدون». ونحن جاهزون للحوار».")).toEqual([
      "نحن مستعدون",
      "ونحن جاهزون للحوار",
    ]);
  });

  it("ends a quotation left open at the end of its paragraph, unless the next opens with a mark", () => {
    expect(spans("قال: «الجملة الأولى بلا إغلاق\nفقرة جديدة عادية.")).toEqual([
      "الجملة الأولى بلا إغلاق",
    ]);
    const carried = spans("قال: «الفقرة الأولى.\n«والفقرة الثانية من الكلام نفسه».");
    expect(carried).toHaveLength(1);
    expect(carried[0]).toContain("والفقرة الثانية");
  });
});

describe("cues", () => {
  it("knows reporting verbs in their forms and with a conjunction", () => {
    for (const w of ["قال", "وقالت", "فقال", "يقول", "أكدوا", "وأضاف", "مشيرا", "مضيفةً", "قائلين"])
      expect(cueOf(normalizeArabic(w)), w).toBeDefined();
    expect(cueOf(normalizeArabic("مشيراً"))?.kind).toBe("participle");
    expect(cueOf(normalizeArabic("بحسب"))?.kind).toBe("according");
    for (const w of ["بين", "الكتاب", "وزارة", "تبين"])
      expect(cueOf(normalizeArabic(w)), w).toBeUndefined();
  });
});

describe("extractQuotes", () => {
  it("attributes an indirect quote to the named subject after the verb", () => {
    const q = quotes("وقال وزير الخارجية الفرنسي جان إيف لودريان للصحفيين إن الحل سياسي.", [
      ["جان إيف لودريان", "PER"],
    ]);
    expect(q).toEqual([
      {
        text: "الحل سياسي",
        kind: "indirect",
        speaker: "جان إيف لودريان",
        speakerText: "وزير الخارجية الفرنسي جان إيف لودريان",
        cue: "وقال",
      },
    ]);
  });

  it("keeps the speaker for a verb with no subject and for a participle", () => {
    const q = quotes(
      "قال رئيس البلدية سمير العياري إن الأشغال ستنتهي قريبا، مضيفا أن الميزانية كافية. وأضاف أن الطريق سيفتح.",
      [["سمير العياري", "PER"]],
    );
    expect(q.map((x) => [x.text, x.speaker])).toEqual([
      ["الأشغال ستنتهي قريبا", "سمير العياري"],
      ["الميزانية كافية", "سمير العياري"],
      ["الطريق سيفتح", "سمير العياري"],
    ]);
  });

  it("takes direct quotes after a colon, and their continuation in the next paragraph", () => {
    const q = quotes(
      "وقال سمير العياري: «سنواصل العمل حتى النهاية».\n«ولن نتراجع عن أي قرار اتخذناه».",
      [["سمير العياري", "PER"]],
    );
    expect(q).toMatchObject([
      { text: "سنواصل العمل حتى النهاية", kind: "direct", speaker: "سمير العياري", cue: "وقال" },
      { text: "ولن نتراجع عن أي قرار اتخذناه", kind: "direct", speaker: "سمير العياري" },
    ]);
  });

  it("attributes a quote followed by its verb (SVO order after the marks)", () => {
    const q = quotes("«الوضع تحت السيطرة تماما»، قال سمير العياري للصحفيين.", [
      ["سمير العياري", "PER"],
    ]);
    expect(q).toMatchObject([{ text: "الوضع تحت السيطرة تماما", speaker: "سمير العياري" }]);
  });

  it("keeps unnamed speakers as their words, and a later «the same source» as the same one", () => {
    const q = quotes("وأفاد مصدر أمني بأن الهجوم وقع ليلا. وأضاف المصدر ذاته أن التحقيق جار.");
    expect(q).toMatchObject([
      { text: "الهجوم وقع ليلا", speaker: null, speakerText: "مصدر أمني" },
      { text: "التحقيق جار", speaker: null, speakerText: "مصدر أمني" },
    ]);
  });

  it("reads بحسب and وفقا لـ as attributions of the clause around them", () => {
    const q = quotes("ارتفعت الأسعار بنسبة عشرة بالمائة، بحسب المعهد الوطني للإحصاء.");
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({
      text: "ارتفعت الأسعار بنسبة عشرة بالمائة",
      kind: "indirect",
      cue: "بحسب",
    });
    expect(q[0]?.speaker ?? q[0]?.speakerText).toContain("المعهد الوطني للإحصاء");
  });

  it("marks quoted words inside a reported clause as a mixed quote", () => {
    const q = quotes("وشدد سمير العياري على أن الحكومة «لن تتخلى عن مسؤولياتها» مهما حدث.", [
      ["سمير العياري", "PER"],
    ]);
    expect(q).toMatchObject([{ kind: "mixed", speaker: "سمير العياري" }]);
    expect(q[0]?.text).toContain("لن تتخلى عن مسؤولياتها");
  });

  it("does not take titles in quotation marks, background formulas or questions for quotes", () => {
    expect(quotes("شاهد الجمهور فيلم «غدوة حي» في قاعة الكوليزي.")).toEqual([]);
    expect(quotes("يذكر أن الوزارة أطلقت البرنامج منذ عامين.")).toEqual([]);
    const asked = quotes(
      "وردا على سؤال: «هل ستترشح للانتخابات؟»، قال سمير العياري إن الأمر سابق لأوانه.",
      [["سمير العياري", "PER"]],
    );
    expect(asked.map((x) => x.text)).toEqual(["الأمر سابق لأوانه"]);
  });

  it("always returns quotes whose offsets are the evidence, whatever the text", () => {
    const words = [
      "قال",
      "وأضاف",
      "إن",
      "أن",
      "«",
      "»",
      "“",
      "”",
      '"',
      ":",
      "،",
      ".",
      "\n",
      "مشيرا",
      "بحسب",
      "بوتين",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 5 })), {
          maxLength: 40,
        }),
        (parts) => {
          const text = parts.join(" ");
          const d = doc(text);
          const found = extractQuotes(d, entities(d, [["بوتين", "PER"]]));
          for (const q of found) {
            expect(q.start).toBeLessThan(q.end);
            expect(text.slice(q.start, q.end)).toBe(q.text);
            if (q.cue) expect(text.slice(q.cue.start, q.cue.end)).toBe(q.cue.text);
            expect(q.confidence).toBeGreaterThan(0);
          }
          // two quotations share no words, or one is a report inside the other
          for (const a of found)
            for (const b of found) {
              if (a === b || a.end <= b.start || b.end <= a.start) continue;
              const inside = (x: Quote, y: Quote) => y.start <= x.start && x.end <= y.end;
              expect(inside(a, b) || inside(b, a)).toBe(true);
            }
        },
      ),
    );
  });
});
