import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AnalysisSchema,
  analysisJsonSchema,
  analyzeHtml,
  analyzeText,
  isInputError,
} from "../src/index.js";

describe("the Analysis schema", () => {
  it("ships a JSON Schema that matches the runtime schema (run `npm run schema` after changing it)", () => {
    const shipped = JSON.parse(
      readFileSync(new URL("../schema/analysis.schema.json", import.meta.url), "utf8"),
    );
    expect(shipped).toEqual(analysisJsonSchema());
  });

  it("rejects documents that break the contract", () => {
    const good = analyzeText("قال الوزير إن الاجتماع انتهى.");
    expect(AnalysisSchema.safeParse(good).success).toBe(true);
    expect(AnalysisSchema.safeParse({ ...good, schema: "marsad/analysis@2" }).success).toBe(false);
    expect(AnalysisSchema.safeParse({ ...good, sentences: [{ start: -1, end: 2 }] }).success).toBe(
      false,
    );
    expect(
      AnalysisSchema.safeParse({ ...good, meta: { ...good.meta, published: "21/1/2025" } }).success,
    ).toBe(false);
  });
});

describe("analyzeText", () => {
  it("uses the given date as the publication date and reports the language", () => {
    const a = analyzeText("القاهرة - أ ش أ: أعلنت الحكومة خطة جديدة.", {
      date: "2024-05-02",
      id: "x1",
    });
    expect(a.id).toBe("x1");
    expect(a.meta.published).toBe("2024-05-02");
    expect(a.meta.language).toBe("ar");
    expect(a.tokens).toBeUndefined();
    expect(analyzeText("قال الوزير.", { tokens: true }).tokens?.length).toBeGreaterThan(0);
  });

  it("either analyses any string with offsets inside the text, or refuses it with an input error", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (input) => {
        try {
          const a = analyzeText(input, { tokens: true });
          expect(AnalysisSchema.safeParse(a).success).toBe(true);
          for (const s of [...a.sentences, ...(a.tokens ?? [])]) {
            expect(s.start).toBeLessThanOrEqual(s.end);
            expect(s.end).toBeLessThanOrEqual(a.text.length);
          }
          for (const t of a.tokens ?? []) expect(a.text.slice(t.start, t.end)).toBe(t.text);
          for (const e of a.entities)
            for (const m of e.mentions) expect(a.text.slice(m.start, m.end)).toBe(m.text);
          for (const q of a.quotes) expect(a.text.slice(q.start, q.end)).toBe(q.text);
          const d = a.meta.dateline;
          if (d) expect(d.end).toBeLessThanOrEqual(a.text.length);
        } catch (error) {
          expect(isInputError(error)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("analyzeHtml", () => {
  it("takes the article body and the page's metadata", () => {
    const html = `<!doctype html><html lang="ar"><head><title>عنوان الخبر | الموقع</title>
      <meta property="article:published_time" content="2023-11-02T08:00:00Z"></head>
      <body><nav><a href="/">الرئيسية</a> <a href="/world">العالم</a></nav>
      <article><h1>عنوان الخبر</h1>
      <p>الرياض (واس) - أعلنت وزارة الطاقة اليوم عن مشروع جديد لتوليد الكهرباء من الطاقة الشمسية في شمال البلاد بقدرة كبيرة.</p>
      <p>وقال وزير الطاقة في بيان إن المشروع سيوفر آلاف فرص العمل خلال السنوات الخمس المقبلة، وإن العمل فيه سيبدأ العام المقبل.</p>
      </article><footer>جميع الحقوق محفوظة</footer></body></html>`;
    const a = analyzeHtml(html, { date: "2020-01-01" });
    expect(a.meta.published).toBe("2023-11-02");
    expect(a.text).toContain("مشروع جديد لتوليد الكهرباء");
    expect(a.text).not.toContain("جميع الحقوق محفوظة");
    expect(a.text).not.toContain("العالم");
    expect(a.meta.dateline).toMatchObject({ place: "الرياض", agency: "واس" });
  });
});
