import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wordBase } from "../../src/entities/index.js";
import { InputError, isInputError } from "../../src/errors.js";
import { analyzeText } from "../../src/index.js";
import { openStore, parseQuery, type Store } from "../../src/store/index.js";
import { SHINGLE, signature, similarity } from "../../src/store/minhash.js";
import { HAS_SEED } from "../shared-data.js";
import { consistency, SEED, tempDir } from "./helpers.js";

// The stored articles include the seed article and a reprint of it (story clusters, quotes,
// entity profiles): without ../shared the whole file skips.
const seedText = HAS_SEED ? readFileSync(SEED, "utf8") : "";

/** Short articles, each naming China in a different clitic form (or not at all). */
const ARTICLES = {
  bare: "أعلنت وزارة التجارة أن الصين رفعت وارداتها من زيت الزيتون التونسي خلال الربع الأول من العام.",
  wa: "التقى وزير الفلاحة بسفير اليابان والصين لبحث صادرات التمور إلى آسيا في الموسم القادم.",
  li: "وصل وفد تجاري إلى بكين في زيارة للصين تستمر ثلاثة أيام لبحث الاستثمارات المشتركة في الموانئ.",
  bi: "افتتحت الشركة التونسية مكتبا بالصين لتسويق منتجاتها الإلكترونية في المدن الساحلية الكبرى.",
  adjective:
    "قررت الحكومة توسيع الشراكة مع الشركات الصينية في قطاع النقل الحديدي بين العاصمة والجنوب.",
  lavrov:
    "قال وزير الخارجية الروسي سيرغي لافروف يوم الاثنين في موسكو إن روسيا والصين تعملان معا على تعزيز التعاون الاقتصادي بين البلدين.",
  apart:
    "استقبل الرئيس التونسي في قصر قرطاج سفيرا جديدا، فيما أعلن المتحدث أن الوفد الصيني سيزور الجنوب الأسبوع القادم.",
};

/** The seed rewritten by another site: a new first paragraph, one paragraph dropped. */
function reprint(text: string): string {
  const paragraphs = text.split(/\n\s*\n/);
  return [
    "بكين (وكالات) – أجرى الزعيمان الصيني والروسي محادثات عبر الفيديو بحسب ما أفادت وسائل إعلام رسمية.",
    ...paragraphs.slice(1, -2),
    ...paragraphs.slice(-1),
  ].join("\n\n");
}

let dir: { dir: string; cleanup: () => void };
let store: Store;
const ids: Record<string, number> = {};

beforeAll(() => {
  if (!HAS_SEED) return;
  dir = tempDir();
  store = openStore(join(dir.dir, "test.db"));
  const add = (name: string, text: string, date: string, source: string) => {
    const outcome = store.add(analyzeText(text, { date }), { key: source, kind: "file" });
    expect(outcome.status).toBe("added");
    ids[name] = outcome.id as number;
  };
  add("seed", seedText, "2025-01-21", "/corpus/afp/putin-xi.txt");
  add("reprint", reprint(seedText), "2025-01-22", "https://example.com/news/putin-xi-reprint");
  let day = 1;
  for (const [name, text] of Object.entries(ARTICLES)) {
    add(name, text, `2016-0${day}-15`, `/corpus/local/${name}.txt`);
    day = (day % 9) + 1;
  }
});

afterAll(() => {
  if (!HAS_SEED) return;
  store.close();
  dir.cleanup();
});

function hitIds(result: { hits: { id: number }[] }): number[] {
  return result.hits.map((h) => h.id).sort((a, b) => a - b);
}

function expectInputError(run: () => unknown, message: RegExp): void {
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(isInputError(error), String(error)).toBe(true);
  expect((error as InputError).message).toMatch(message);
}

describe.skipIf(!HAS_SEED)("storing articles", () => {
  it("stores the same article once, whatever its diacritics, tatweel and spacing", () => {
    const variant = `${ARTICLES.bare.replace("الصين", "الصِّين").replace("التجارة", "التجـــارة")}  `;
    const before = store.stats();
    const outcome = store.add(analyzeText(variant, { date: "2016-01-15" }), {
      key: "/corpus/other/bare-copy.txt",
      kind: "file",
    });
    expect(outcome.status).toBe("duplicate");
    expect(outcome.id).toBe(ids.bare);
    const after = store.stats();
    expect(after.articles).toBe(before.articles);
    expect(after.sources).toBe(before.sources + 1);
  });

  it("keeps the store consistent across tables", () => {
    const check = consistency(store.path);
    expect(check.integrity).toBe("ok");
    expect(check.problems).toEqual([]);
  });

  it("returns an article with its analysis as it was made", () => {
    const record = store.article(ids.lavrov as number);
    const fresh = analyzeText(ARTICLES.lavrov, { date: "2016-06-15" });
    expect(record?.analysis).toEqual(fresh);
    expect(record?.source).toBe("/corpus/local/lavrov.txt");
    expect(record?.published).toBe("2016-06-15");
    expect(store.rawInput(ids.lavrov as number)).toEqual({
      kind: "text",
      content: ARTICLES.lavrov,
    });
    expect(store.article(987654)).toBeUndefined();
  });

  it("counts articles, clusters, entities, quotes and sources", () => {
    const stats = store.stats();
    expect(stats.articles).toBe(2 + Object.keys(ARTICLES).length);
    expect(stats.clusters).toBe(stats.articles - 1);
    expect(stats.quotes).toBeGreaterThan(10);
    expect(stats.entities).toBeGreaterThan(10);
    expect(stats.failed).toBe(0);
  });

  it("reopens read-only, and refuses writes there", () => {
    const reader = openStore(store.path, { readonly: true });
    try {
      expect(reader.stats().articles).toBe(store.stats().articles);
      expect(() => reader.add(analyzeText(ARTICLES.bare), { key: "x", kind: "file" })).toThrow(
        /read-only/,
      );
    } finally {
      reader.close();
    }
  });

  it("gives clear errors for a missing store and for a database that is not one", () => {
    expectInputError(() => openStore(join(dir.dir, "nope.db"), { readonly: true }), /no store/);
    const other = join(dir.dir, "other.db");
    const db = new Database(other);
    db.exec("CREATE TABLE t (x)");
    db.close();
    expectInputError(() => openStore(other), /not a marsad store/);
    const junk = join(dir.dir, "junk.db");
    writeFileSync(junk, "this is not a database at all, just text that is long enough".repeat(20));
    expectInputError(() => openStore(junk, { readonly: true }), /junk\.db/);
  });
});

describe.skipIf(!HAS_SEED)("near-duplicates", () => {
  it("puts a reprint of a story in the story's cluster, and unrelated articles in their own", () => {
    const seed = store.article(ids.seed as number);
    const copy = store.article(ids.reprint as number);
    expect(copy?.cluster.id).toBe(seed?.cluster.id);
    expect(copy?.cluster.size).toBe(2);
    const lavrov = store.article(ids.lavrov as number);
    expect(lavrov?.cluster.id).not.toBe(seed?.cluster.id);
    expect(lavrov?.cluster.size).toBe(1);
  });

  it("leaves an article that shares less than the threshold in a cluster of its own", () => {
    const paragraphs = seedText.split(/\n\s*\n/);
    const half = paragraphs.slice(0, Math.floor(paragraphs.length / 2));
    const text = [...half, ARTICLES.lavrov, ARTICLES.apart, ARTICLES.li].join("\n\n");
    const own = openStore(join(dir.dir, "half.db"));
    try {
      const source = (key: string) => ({ key, kind: "file" as const });
      const first = own.add(analyzeText(seedText), source("seed"));
      const outcome = own.add(analyzeText(text), source("half"));
      expect(outcome.status).toBe("added");
      expect(outcome.cluster?.size).toBe(1);
      expect(outcome.cluster?.id).not.toBe(first.cluster?.id);
      // while a reprint joins the seed's cluster, not the half copy's
      const copy = own.add(analyzeText(reprint(seedText)), source("reprint"));
      expect(copy.cluster).toEqual({ id: first.cluster?.id, size: 2 });
    } finally {
      own.close();
    }
  });

  it("estimates Jaccard similarity from signatures", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(..."ابتثجحخدذرزسشصضطظعغفقكلمنهوي"), {
          minLength: 80,
          maxLength: 200,
        }),
        fc.integer({ min: 0, max: 60 }),
        (letters, cut) => {
          const words = letters.map((l, i) => `${l}${i % 7}`);
          const other = [...words.slice(0, words.length - cut), ...words.slice(0, cut).reverse()];
          const shingles = (w: string[]) =>
            new Set(
              w.slice(0, w.length - SHINGLE + 1).map((_, i) => w.slice(i, i + SHINGLE).join(" ")),
            );
          const a = shingles(words);
          const b = shingles(other);
          let common = 0;
          for (const x of a) if (b.has(x)) common++;
          const truth = common / (a.size + b.size - common);
          const estimate = similarity(
            signature(words) as Uint32Array,
            signature(other) as Uint32Array,
          );
          return Math.abs(estimate - truth) < 0.25;
        },
      ),
      { numRuns: 100 },
    );
  });

  it("shows one hit per cluster with its size, unless asked for every article", () => {
    const collapsed = store.search({ q: "بوتين" });
    expect(collapsed.total).toBe(1);
    expect(collapsed.hits[0]?.cluster.size).toBe(2);
    expect(collapsed.hits[0]?.matches).toBe(2);
    const all = store.search({ q: "بوتين", collapse: false });
    expect(all.total).toBe(2);
    expect(hitIds(all)).toEqual([ids.seed, ids.reprint].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(store.search({ q: "بوتين" }).total).toBe(1);
  });
});

describe.skipIf(!HAS_SEED)("search", () => {
  it("finds every clitic form of a word: الصين finds والصين, للصين, بالصين", () => {
    const result = store.search({ q: "الصين", collapse: false, limit: 50 });
    const found = new Set(hitIds(result));
    for (const name of ["bare", "wa", "li", "bi", "lavrov", "seed"]) {
      expect(found.has(ids[name] as number), name).toBe(true);
    }
    // الصينية is another word (the adjective), not a form of الصين
    expect(found.has(ids.adjective as number)).toBe(false);
  });

  it("finds the base form from a clitic form too, and the exact form ranks first", () => {
    const result = store.search({ q: "والصين", collapse: false, limit: 50 });
    expect(hitIds(result)).toContain(ids.bare);
    const exact = [ids.wa, ids.lavrov];
    expect(exact).toContain(result.hits[0]?.id);
  });

  it("matches phrases as phrases", () => {
    const phrase = store.search({ q: '"الرئيس الصيني"', collapse: false });
    expect(hitIds(phrase)).toContain(ids.seed);
    expect(hitIds(phrase)).not.toContain(ids.apart);
    // the same words apart: both words are in `apart` (الرئيس ... الصيني)
    const words = store.search({ q: "الرئيس الصيني", collapse: false });
    expect(hitIds(words)).toContain(ids.apart);
    const guillemets = store.search({ q: "«الرئيس الصيني»", collapse: false });
    expect(hitIds(guillemets)).toEqual(hitIds(phrase));
  });

  it("needs every word, unless joined by OR", () => {
    const both = store.search({ q: "بكين الموانئ", collapse: false });
    expect(hitIds(both)).toEqual([ids.li]);
    const either = store.search({ q: "اليابان OR لافروف", collapse: false });
    expect(hitIds(either)).toEqual([ids.wa, ids.lavrov].sort((a, b) => (a ?? 0) - (b ?? 0)));
  });

  it("highlights the matched words in a snippet cut from the original text", () => {
    const result = store.search({ q: "الصين تعزيز", collapse: false });
    expect(result.hits.map((h) => h.id)).toContain(ids.lavrov);
    for (const hit of result.hits) {
      expect(hit.snippet.highlights.length).toBeGreaterThan(0);
      for (const [start, end] of hit.snippet.highlights) {
        const word = hit.snippet.text.slice(start, end);
        expect(["الصين", "تعزيز"]).toContain(wordBase(word).norm);
      }
      const body = store.article(hit.id)?.analysis.text ?? "";
      expect(body.replace(/\s/g, " ")).toContain(hit.snippet.text.replace(/^…|…$/g, ""));
    }
  });

  it("filters by entity (KB id or name), speaker, date range and source", () => {
    const china = hitIds(store.search({ entity: "CHN", collapse: false, limit: 50 }));
    expect(china).toContain(ids.lavrov);
    expect(china).not.toContain(ids.adjective);
    expect(hitIds(store.search({ entity: "الصين", collapse: false, limit: 50 }))).toEqual(china);
    expect(hitIds(store.search({ q: "الصين", speaker: "لافروف", collapse: false }))).toEqual([
      ids.lavrov,
    ]);
    const dated = store.search({ q: "الصين", from: "2025-01-01", collapse: false });
    expect(hitIds(dated)).toEqual([ids.seed, ids.reprint].sort((a, b) => (a ?? 0) - (b ?? 0)));
    const month = store.search({ q: "الصين", from: "2016-02", to: "2016-03", collapse: false });
    for (const hit of month.hits) expect(hit.published?.slice(0, 7)).toMatch(/2016-0[23]/);
    expect(month.total).toBeGreaterThan(0);
    const site = store.search({ q: "الصين", source: "EXAMPLE.com", collapse: false });
    expect(hitIds(site)).toEqual([ids.reprint]);
    expect(store.search({ q: "الصين", entity: "لا أحد بهذا الاسم" })).toEqual({
      total: 0,
      hits: [],
    });
  });

  it("lists articles by filters alone, newest first", () => {
    const result = store.search({ source: "/corpus/local/", collapse: false, limit: 3 });
    expect(result.total).toBe(Object.keys(ARTICLES).length);
    const dates = result.hits.map((h) => h.published ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("pages with limit and offset, and total stays the count of all matches", () => {
    const all = store.search({ q: "الصين", collapse: false, limit: 50 });
    const page = store.search({ q: "الصين", collapse: false, limit: 2, offset: 2 });
    expect(page.total).toBe(all.total);
    expect(page.hits.map((h) => h.id)).toEqual(all.hits.slice(2, 4).map((h) => h.id));
    expect(store.search({ q: "الصين", offset: 500 }).total).toBe(
      store.search({ q: "الصين" }).total,
    );
  });

  it("gives a clear InputError for a malformed query, never an SQL error", () => {
    expectInputError(() => store.search({ q: '"الرئيس الصيني' }), /unbalanced quote/);
    expectInputError(() => store.search({ q: "الصين »" }), /unbalanced quote/);
    expectInputError(() => store.search({ q: "OR" }), /OR needs/);
    expectInputError(() => store.search({ q: "الصين OR" }), /OR needs/);
    expectInputError(() => store.search({ q: "الصين OR OR روسيا" }), /OR needs/);
    expectInputError(() => store.search({ q: '""' }), /no words/);
    expectInputError(() => store.search({ q: "، . !" }), /no words/);
    expectInputError(() => store.search({ q: "ب".repeat(2000) }), /limit/);
    expectInputError(() => store.search({ q: "الصين", from: "last week" }), /not a date/);
  });

  it("never fails with anything but an InputError, whatever the query", () => {
    const pieces = fc.constantFrom(
      "الصين",
      "OR",
      "AND",
      "NOT",
      "NEAR",
      '"',
      "«",
      "»",
      "“",
      "”",
      "*",
      "^",
      "(",
      ")",
      ":",
      "-",
      "base:",
      "{plain}",
      "'",
      "\\",
      " ",
      "\u0000",
      "🙂",
      "\ud800",
    );
    const query = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.array(pieces, { maxLength: 12 }).map((p) => p.join("")),
    );
    fc.assert(
      fc.property(query, (q) => {
        // names go through the resolver: arbitrary text must not break it either
        expect(Array.isArray(store.quotes({ speaker: q, about: q }))).toBe(true);
        store.entity(q);
        try {
          const result = store.search({ q, entity: q.slice(0, 5) || undefined });
          return Number.isInteger(result.total) && result.hits.length <= result.total;
        } catch (error) {
          return error instanceof InputError;
        }
      }),
      { numRuns: 300 },
    );
  });

  it("parses words, phrases and OR into groups", () => {
    const parsed = parseQuery('تونس "الرئيس الصيني" OR بوتين');
    expect(parsed.groups.map((g) => g.map((t) => t.words.map((w) => w.base).join(" ")))).toEqual([
      ["تونس"],
      ["الرييس الصيني", "بوتين"],
    ]);
  });
});

describe.skipIf(!HAS_SEED)("quotes and entities", () => {
  it("lists who said what, by a speaker given by name", () => {
    const quotes = store.quotes({ speaker: "بوتين" });
    expect(quotes.length).toBeGreaterThan(3);
    for (const q of quotes) {
      expect(q.speaker?.key).toBe("vladimir-putin");
      expect(q.article.source.length).toBeGreaterThan(0);
      const text = store.article(q.article.id)?.analysis.text ?? "";
      expect(text).toContain(q.text);
    }
    // the reprint repeats the seed's quotes: shown once per story unless asked
    const every = store.quotes({ speaker: "vladimir-putin", collapse: false, limit: 200 });
    const once = store.quotes({ speaker: "vladimir-putin", limit: 200 });
    expect(every.length).toBeGreaterThan(once.length);
    expect(new Set(once.map((q) => `${q.article.cluster.id}|${q.text}`)).size).toBe(once.length);
  });

  it("finds quotes about an entity, and respects dates", () => {
    const about = store.quotes({ about: "الصين", collapse: false, limit: 100 });
    expect(about.map((q) => q.article.id)).toContain(ids.lavrov);
    for (const q of about) expect(q.speaker?.key).not.toBe("CHN");
    const lavrov = store.quotes({ speaker: "سيرغي لافروف", about: "روسيا" });
    expect(lavrov).toHaveLength(1);
    expect(lavrov[0]?.text).toContain("روسيا والصين");
    expect(store.quotes({ speaker: "بوتين", to: "2020-01-01" })).toEqual([]);
    expect(store.quotes({ speaker: "شخص غير معروف إطلاقا" })).toEqual([]);
  });

  it("profiles an entity: counts, timeline, quotes by and about, co-occurring actors", () => {
    const putin = store.entity("فلاديمير بوتين");
    expect(putin?.key).toBe("vladimir-putin");
    expect(putin?.type).toBe("PER");
    expect(putin?.kb?.id).toBe("vladimir-putin");
    expect(putin?.articles).toBe(2);
    expect(putin?.mentions).toBeGreaterThan(10);
    expect(putin?.timeline.map((t) => t.month)).toEqual(["2025-01"]);
    expect(putin?.timeline[0]?.mentions).toBe(putin?.mentions);
    expect(putin?.quotesBy.length).toBeGreaterThan(3);
    expect(putin?.cooccurring.map((e) => e.key)).toContain("xi-jinping");
    const china = store.entity("CHN");
    expect(china?.quotesAbout.map((q) => q.article.id)).toContain(ids.lavrov);
    expect(china?.timeline.length).toBeGreaterThan(1);
    expect(store.entity("no-such-entity")).toBeUndefined();
  });

  it("resolves names through the KB, the stored names and TYPE:name keys", () => {
    expect(store.resolve("الصين")[0]?.key).toBe("CHN");
    expect(store.resolve("للصين")[0]?.key).toBe("CHN");
    expect(store.resolve("CHN")[0]?.key).toBe("CHN");
    expect(store.resolve("   ")).toEqual([]);
    // an entity the KB does not know is keyed TYPE:normalised name, and found by that or its name
    const db = new Database(store.path, { readonly: true });
    const row = db
      .prepare("SELECT key, name FROM entities WHERE kb_id IS NULL ORDER BY key LIMIT 1")
      .get() as { key: string; name: string } | undefined;
    db.close();
    expect(row).toBeDefined();
    const { key, name } = row as { key: string; name: string };
    expect(key).toMatch(/^(PER|ORG|LOC|MISC):/);
    expect(store.resolve(`${key.split(":")[0]}:${name}`)[0]?.key).toBe(key);
    expect(store.resolve(name).map((e) => e.key)).toContain(key);
  });
});
