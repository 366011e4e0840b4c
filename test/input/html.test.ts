import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { domToText } from "../../src/input/html/dom-text.js";
import { extractArticle, normaliseMarkup, parseDocument } from "../../src/input/html.js";
import { sharedPath } from "../shared-data.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "html");
const SHARED = sharedPath("data/html");

/** 4-gram shingle F1 over word tokens, the extraction benchmark's measure. */
function shingleF1(truth: string, pred: string): number {
  const grams = (s: string) => {
    const w = s.match(/[\p{L}\p{N}_]+/gu) ?? [];
    const m = new Map<string, number>();
    for (let i = 0; i + 4 <= w.length; i++) {
      const k = w.slice(i, i + 4).join(" ");
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const t = grams(truth);
  const p = grams(pred);
  let tp = 0;
  for (const [k, n] of t) tp += Math.min(n, p.get(k) ?? 0);
  const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const precision = tp / Math.max(1, sum(p));
  const recall = tp / Math.max(1, sum(t));
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

const textOf = (html: string) => domToText(parseDocument(html).body ?? parseDocument(html));

describe("domToText", () => {
  it("separates blocks and keeps inline elements inside words", () => {
    expect(textOf("<p>First para.</p><p>Second <b>bo</b>ld<i>ly</i> said.</p>")).toBe(
      "First para.\n\nSecond boldly said.",
    );
    expect(textOf("<div>one</div><div>two</div><span>three</span>")).toBe("one\ntwo\nthree");
    expect(textOf("line one<br>line two<br><br>new para")).toBe("line one\nline two\n\nnew para");
    expect(
      textOf("<ul><li>a</li><li>b</li></ul><table><tr><td>x</td><td>y</td></tr></table>"),
    ).toBe("a\nb\n\nx y");
  });

  it("collapses whitespace, flattens no-break spaces and skips invisible elements", () => {
    expect(
      textOf("<p>  a \n\t b&nbsp;&nbsp;c </p><script>var x = 1;</script><style>p{}</style>"),
    ).toBe("a b c");
  });

  it("keeps the line structure of <pre>", () => {
    expect(textOf("<pre>x = 1\ny = 2</pre>")).toBe("x = 1\ny = 2");
  });

  it("survives very deep nesting without overflowing the stack", () => {
    const deep = `${"<div>".repeat(20000)}deep text${"</div>".repeat(20000)}`;
    expect(textOf(deep)).toBe("deep text");
  });
});

describe("normaliseMarkup", () => {
  it("gives fragments and headless pages a body", () => {
    for (const html of [
      "<p>fragment</p>",
      "<!DOCTYPE html><head><title>t</title></head><body><p>fragment</p></body>",
      "<!--[if lt IE 9]><html class=old><![endif]--><html><p>fragment",
      "PHP warning: junk\n<html><body><p>fragment</p></body></html>",
    ]) {
      expect(parseDocument(html).body?.textContent).toContain("fragment");
    }
    expect(normaliseMarkup("<html><body><p>x</p></body></html>")).toBe(
      "<html><body><p>x</p></body></html>",
    );
  });
});

describe("extractArticle on hand-written pages", () => {
  const pages = readdirSync(FIXTURES).filter((f) => f.endsWith(".html"));
  it("has fixtures", () => expect(pages.length).toBeGreaterThanOrEqual(7));
  for (const file of pages) {
    const base = file.replace(/\.html$/, "");
    it(`${base}: body and metadata`, () => {
      const html = readFileSync(join(FIXTURES, file), "utf8");
      const body = readFileSync(join(FIXTURES, `${base}.body.txt`), "utf8");
      const meta = JSON.parse(readFileSync(join(FIXTURES, `${base}.meta.json`), "utf8"));
      const out = extractArticle(html, "https://example.org/article/1");
      expect(shingleF1(body, out.text)).toBeGreaterThanOrEqual(0.95);
      expect(out.meta).toMatchObject(meta);
      // The title is metadata, not the first line of the body.
      if (out.meta.title) expect(out.text.split("\n")[0]).not.toBe(out.meta.title);
    });
  }
});

describe("extractArticle on a real Arabic page", () => {
  const page = join(SHARED, "test_cnn_arabic.html");
  it.skipIf(!existsSync(page))("CNN Arabic: the body starts with the expected sentence", () => {
    const gold = JSON.parse(readFileSync(join(SHARED, "test_cnn_arabic.json"), "utf8"));
    const out = extractArticle(readFileSync(page, "utf8"), gold.url);
    const squeeze = (s: string) => s.split(/\s+/).filter(Boolean).join(" ");
    expect(squeeze(out.text).startsWith(squeeze(gold.expected.cleaned_text))).toBe(true);
    expect(out.meta.language).toBe("ar");
    expect(out.meta.title).toBe("معارضون يسيطرون على مخازن للصواريخ بريف دمشق");
  });
});

describe("extractArticle robustness", () => {
  it("returns empty text, not an exception, for empty or text-free input", () => {
    expect(extractArticle("").text).toBe("");
    expect(extractArticle("<html><body><script>1</script></body></html>").text).toBe("");
  });

  it("handles absurdly deep nesting without a stack overflow", () => {
    const para = `<p>${"كلمة ".repeat(60)}</p>`;
    const deep = `<html><body>${"<div>".repeat(30000)}${para}${"</div>".repeat(30000)}</body></html>`;
    expect(extractArticle(deep).text).toBe("كلمة ".repeat(60).trim());
  });

  it("extracts the body of a bare fragment", () => {
    const p = "جملة أولى طويلة بما يكفي لتكون فقرة في خبر قصير عن الطقس في المدينة اليوم.";
    expect(extractArticle(`<p>${p}</p>`).text).toBe(p);
  });

  it("never throws on arbitrary strings or tag soup", () => {
    const tag = fc.constantFrom(
      "<p>",
      "</p>",
      "<div class=share>",
      "</div>",
      "<br>",
      "<script>",
      "<!--",
      "-->",
      "<html>",
      "<body>",
      "<table><tr><td>",
      "<meta charset=x>",
      '<script type="application/ld+json">{"@type":"NewsArticle","articleBody":',
      "</script>",
    );
    const soup = fc
      .array(fc.oneof(tag, fc.string({ unit: "grapheme", maxLength: 30 })), { maxLength: 40 })
      .map((a) => a.join(""));
    fc.assert(
      fc.property(fc.oneof(soup, fc.string({ maxLength: 200 })), (html) => {
        const out = extractArticle(html, "https://example.org/x");
        expect(typeof out.text).toBe("string");
        expect(typeof out.meta).toBe("object");
      }),
      { numRuns: 300 },
    );
  });
});
