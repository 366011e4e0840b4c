import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Analysis } from "../../src/analysis.js";
import { wordBase } from "../../src/entities/index.js";
import { InputError } from "../../src/errors.js";
import { analyzeText } from "../../src/index.js";
import { type EventQuery, openStore, parseQuery, type Store } from "../../src/store/index.js";
import { SHINGLE, signature, similarity } from "../../src/store/minhash.js";
import {
  BACKENDS,
  type Backend,
  freshPostgresDatabase,
  NOWHERE_PG,
  postgresRows,
  TEST_PG,
  withClient,
} from "../helpers/postgres.js";
import { HAS_SEED } from "../shared-data.js";
import {
  consistency,
  expectInputError,
  expectWhole,
  freshTarget,
  SEED,
  storeRows,
  tempDir,
} from "./helpers.js";

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

/** What every store of these tests holds: name, analysis, source. */
type Stored = [name: string, analysis: Analysis, source: string];
let stored: Stored[] | undefined;

/** The analyses, made once for every backend. */
function storedArticles(): Stored[] {
  if (stored) return stored;
  stored = [
    ["seed", analyzeText(seedText, { date: "2025-01-21" }), "/corpus/afp/putin-xi.txt"],
    [
      "reprint",
      analyzeText(reprint(seedText), { date: "2025-01-22" }),
      "https://example.com/news/putin-xi-reprint",
    ],
  ];
  let day = 1;
  for (const [name, text] of Object.entries(ARTICLES)) {
    stored.push([
      name,
      analyzeText(text, { date: `2016-0${day}-15` }),
      `/corpus/local/${name}.txt`,
    ]);
    day = (day % 9) + 1;
  }
  return stored;
}

/** A store of `backend` holding the articles, with the ids they got. */
async function filledStore(backend: Backend, dir: string, name: string) {
  const place = await freshTarget(backend, dir, name);
  const store = await openStore(place.target);
  const ids: Record<string, number> = {};
  for (const [article, analysis, source] of storedArticles()) {
    const outcome = await store.add(analysis, { key: source, kind: "file" });
    expect(outcome.status).toBe("added");
    ids[article] = outcome.id as number;
  }
  return { ...place, store, ids };
}

function hitIds(result: { hits: { id: number }[] }): number[] {
  return result.hits.map((h) => h.id).sort((a, b) => a - b);
}

describe.skipIf(!HAS_SEED).each(BACKENDS)("the %s store", (backend) => {
  let dir: { dir: string; cleanup: () => void };
  let target: string;
  let drop: () => Promise<void>;
  let store: Store;
  let ids: Record<string, number> = {};
  /** Every other place a test made a store in, dropped at the end. */
  const drops: (() => Promise<void>)[] = [];
  const another = async (name: string) => {
    const place = await freshTarget(backend, dir.dir, name);
    drops.push(place.drop);
    return place.target;
  };

  beforeAll(async () => {
    dir = tempDir();
    ({ target, drop, store, ids } = await filledStore(backend, dir.dir, "test"));
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    await drop?.();
    for (const d of drops) await d();
    dir?.cleanup();
  });

  describe("storing articles", () => {
    it("stores the same article once, whatever its diacritics, tatweel and spacing", async () => {
      const variant = `${ARTICLES.bare.replace("الصين", "الصِّين").replace("التجارة", "التجـــارة")}  `;
      const before = await store.stats();
      const outcome = await store.add(analyzeText(variant, { date: "2016-01-15" }), {
        key: "/corpus/other/bare-copy.txt",
        kind: "file",
      });
      expect(outcome.status).toBe("duplicate");
      expect(outcome.id).toBe(ids.bare);
      const after = await store.stats();
      expect(after.articles).toBe(before.articles);
      expect(after.sources).toBe(before.sources + 1);
    });

    it("keeps the store consistent across tables", async () => {
      expectWhole(await consistency(target), backend);
    });

    it("returns an article with its analysis as it was made", async () => {
      const record = await store.article(ids.lavrov as number);
      const fresh = analyzeText(ARTICLES.lavrov, { date: "2016-06-15" });
      expect(record?.analysis).toEqual(fresh);
      expect(record?.source).toBe("/corpus/local/lavrov.txt");
      expect(record?.published).toBe("2016-06-15");
      expect(await store.rawInput(ids.lavrov as number)).toEqual({
        kind: "text",
        content: ARTICLES.lavrov,
      });
      expect(await store.article(987654)).toBeUndefined();
    });

    it("counts articles, clusters, entities, quotes and sources", async () => {
      const stats = await store.stats();
      expect(stats.articles).toBe(2 + Object.keys(ARTICLES).length);
      expect(stats.clusters).toBe(stats.articles - 1);
      expect(stats.quotes).toBeGreaterThan(10);
      expect(stats.entities).toBeGreaterThan(10);
      expect(stats.failed).toBe(0);
      for (const value of Object.values(stats)) expect(typeof value).toBe("number");
    });

    it("reopens read-only, and refuses writes there", async () => {
      const reader = await openStore(target, { readonly: true });
      try {
        expect(reader.backend).toBe(backend);
        expect((await reader.stats()).articles).toBe((await store.stats()).articles);
        await expect(
          reader.add(analyzeText(ARTICLES.bare), { key: "x", kind: "file" }),
        ).rejects.toThrow(/read-only/);
      } finally {
        await reader.close();
      }
    });

    it.runIf(backend === "sqlite")(
      "gives clear errors for a missing store and for a database that is not one",
      async () => {
        await expectInputError(
          () => openStore(join(dir.dir, "nope.db"), { readonly: true }),
          /no store/,
        );
        const other = join(dir.dir, "other.db");
        const db = new Database(other);
        db.exec("CREATE TABLE t (x)");
        db.close();
        await expectInputError(() => openStore(other), /not a marsad store/);
        const junk = join(dir.dir, "junk.db");
        writeFileSync(
          junk,
          "this is not a database at all, just text that is long enough".repeat(20),
        );
        await expectInputError(() => openStore(junk, { readonly: true }), /junk\.db/);
      },
    );

    it.runIf(backend === "postgres")(
      "gives clear errors for a schema that is not a store, no server and a bad schema name",
      async () => {
        const other = await another("other");
        const schema = new URL(other).searchParams.get("schema") as string;
        await withClient((client) => client.query(`CREATE TABLE ${schema}.articles (x int)`));
        await expectInputError(() => openStore(other), /not a marsad store/);
        await expectInputError(
          () => openStore(NOWHERE_PG),
          /cannot open the store \(no PostgreSQL server answers there\)/,
        );
        const bad = new URL(TEST_PG);
        bad.searchParams.set("schema", "Not-A-Name");
        await expectInputError(() => openStore(bad.toString()), /schema "Not-A-Name"/);
      },
    );
  });

  describe("near-duplicates", () => {
    it("puts a reprint of a story in the story's cluster, and unrelated articles in their own", async () => {
      const seed = await store.article(ids.seed as number);
      const copy = await store.article(ids.reprint as number);
      expect(copy?.cluster.id).toBe(seed?.cluster.id);
      expect(copy?.cluster.size).toBe(2);
      const lavrov = await store.article(ids.lavrov as number);
      expect(lavrov?.cluster.id).not.toBe(seed?.cluster.id);
      expect(lavrov?.cluster.size).toBe(1);
    });

    it("leaves an article that shares less than the threshold in a cluster of its own", async () => {
      const paragraphs = seedText.split(/\n\s*\n/);
      const half = paragraphs.slice(0, Math.floor(paragraphs.length / 2));
      const text = [...half, ARTICLES.lavrov, ARTICLES.apart, ARTICLES.li].join("\n\n");
      const own = await openStore(await another("half"));
      try {
        const source = (key: string) => ({ key, kind: "file" as const });
        const first = await own.add(storedArticles()[0]?.[1] as Analysis, source("seed"));
        const outcome = await own.add(analyzeText(text), source("half"));
        expect(outcome.status).toBe("added");
        expect(outcome.cluster?.size).toBe(1);
        expect(outcome.cluster?.id).not.toBe(first.cluster?.id);
        // while a reprint joins the seed's cluster, not the half copy's
        const copy = await own.add(storedArticles()[1]?.[1] as Analysis, source("reprint"));
        expect(copy.cluster).toEqual({ id: first.cluster?.id, size: 2 });
      } finally {
        await own.close();
      }
    });

    it("shows one hit per cluster with its size, unless asked for every article", async () => {
      const collapsed = await store.search({ q: "بوتين" });
      expect(collapsed.total).toBe(1);
      expect(collapsed.hits[0]?.cluster.size).toBe(2);
      expect(collapsed.hits[0]?.matches).toBe(2);
      const all = await store.search({ q: "بوتين", collapse: false });
      expect(all.total).toBe(2);
      expect(hitIds(all)).toEqual([ids.seed, ids.reprint].sort((a, b) => (a ?? 0) - (b ?? 0)));
      expect((await store.search({ q: "بوتين" })).total).toBe(1);
    });
  });

  describe("search", () => {
    it("finds every clitic form of a word: الصين finds والصين, للصين, بالصين", async () => {
      const result = await store.search({ q: "الصين", collapse: false, limit: 50 });
      const found = new Set(hitIds(result));
      for (const name of ["bare", "wa", "li", "bi", "lavrov", "seed"]) {
        expect(found.has(ids[name] as number), name).toBe(true);
      }
      // الصينية is another word (the adjective), not a form of الصين
      expect(found.has(ids.adjective as number)).toBe(false);
    });

    it("finds the base form from a clitic form too, and the exact form ranks first", async () => {
      const result = await store.search({ q: "والصين", collapse: false, limit: 50 });
      expect(hitIds(result)).toContain(ids.bare);
      const exact = [ids.wa, ids.lavrov];
      expect(exact).toContain(result.hits[0]?.id);
    });

    it("matches phrases as phrases", async () => {
      const phrase = await store.search({ q: '"الرئيس الصيني"', collapse: false });
      expect(hitIds(phrase)).toContain(ids.seed);
      expect(hitIds(phrase)).not.toContain(ids.apart);
      // the same words apart: both words are in `apart` (الرئيس ... الصيني)
      const words = await store.search({ q: "الرئيس الصيني", collapse: false });
      expect(hitIds(words)).toContain(ids.apart);
      const guillemets = await store.search({ q: "«الرئيس الصيني»", collapse: false });
      expect(hitIds(guillemets)).toEqual(hitIds(phrase));
    });

    it("needs every word, unless joined by OR", async () => {
      const both = await store.search({ q: "بكين الموانئ", collapse: false });
      expect(hitIds(both)).toEqual([ids.li]);
      const either = await store.search({ q: "اليابان OR لافروف", collapse: false });
      expect(hitIds(either)).toEqual([ids.wa, ids.lavrov].sort((a, b) => (a ?? 0) - (b ?? 0)));
    });

    it("highlights the matched words in a snippet cut from the original text", async () => {
      const result = await store.search({ q: "الصين تعزيز", collapse: false });
      expect(result.hits.map((h) => h.id)).toContain(ids.lavrov);
      for (const hit of result.hits) {
        expect(hit.snippet.highlights.length).toBeGreaterThan(0);
        for (const [start, end] of hit.snippet.highlights) {
          const word = hit.snippet.text.slice(start, end);
          expect(["الصين", "تعزيز"]).toContain(wordBase(word).norm);
        }
        const body = (await store.article(hit.id))?.analysis.text ?? "";
        expect(body.replace(/\s/g, " ")).toContain(hit.snippet.text.replace(/^…|…$/g, ""));
      }
    });

    it("filters by entity (KB id or name), speaker, date range and source", async () => {
      const china = hitIds(await store.search({ entity: "CHN", collapse: false, limit: 50 }));
      expect(china).toContain(ids.lavrov);
      expect(china).not.toContain(ids.adjective);
      expect(hitIds(await store.search({ entity: "الصين", collapse: false, limit: 50 }))).toEqual(
        china,
      );
      expect(
        hitIds(await store.search({ q: "الصين", speaker: "لافروف", collapse: false })),
      ).toEqual([ids.lavrov]);
      const dated = await store.search({ q: "الصين", from: "2025-01-01", collapse: false });
      expect(hitIds(dated)).toEqual([ids.seed, ids.reprint].sort((a, b) => (a ?? 0) - (b ?? 0)));
      const month = await store.search({
        q: "الصين",
        from: "2016-02",
        to: "2016-03",
        collapse: false,
      });
      for (const hit of month.hits) expect(hit.published?.slice(0, 7)).toMatch(/2016-0[23]/);
      expect(month.total).toBeGreaterThan(0);
      const site = await store.search({ q: "الصين", source: "EXAMPLE.com", collapse: false });
      expect(hitIds(site)).toEqual([ids.reprint]);
      expect(await store.search({ q: "الصين", entity: "لا أحد بهذا الاسم" })).toEqual({
        total: 0,
        hits: [],
      });
    });

    it("lists articles by filters alone, newest first", async () => {
      const result = await store.search({ source: "/corpus/local/", collapse: false, limit: 3 });
      expect(result.total).toBe(Object.keys(ARTICLES).length);
      const dates = result.hits.map((h) => h.published ?? "");
      expect(dates).toEqual([...dates].sort().reverse());
    });

    it("pages with limit and offset, and total stays the count of all matches", async () => {
      const all = await store.search({ q: "الصين", collapse: false, limit: 50 });
      const page = await store.search({ q: "الصين", collapse: false, limit: 2, offset: 2 });
      expect(page.total).toBe(all.total);
      expect(page.hits.map((h) => h.id)).toEqual(all.hits.slice(2, 4).map((h) => h.id));
      expect((await store.search({ q: "الصين", offset: 500 })).total).toBe(
        (await store.search({ q: "الصين" })).total,
      );
    });

    it("gives a clear InputError for a malformed query, never an SQL error", async () => {
      await expectInputError(() => store.search({ q: '"الرئيس الصيني' }), /unbalanced quote/);
      await expectInputError(() => store.search({ q: "الصين »" }), /unbalanced quote/);
      await expectInputError(() => store.search({ q: "OR" }), /OR needs/);
      await expectInputError(() => store.search({ q: "الصين OR" }), /OR needs/);
      await expectInputError(() => store.search({ q: "الصين OR OR روسيا" }), /OR needs/);
      await expectInputError(() => store.search({ q: '""' }), /no words/);
      await expectInputError(() => store.search({ q: "، . !" }), /no words/);
      await expectInputError(() => store.search({ q: "ب".repeat(2000) }), /limit/);
      await expectInputError(() => store.search({ q: "الصين", from: "last week" }), /not a date/);
    });

    it("never fails with anything but an InputError, whatever the query", async () => {
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
      await fc.assert(
        fc.asyncProperty(query, async (q) => {
          // names go through the resolver: arbitrary text must not break it either
          expect(Array.isArray(await store.quotes({ speaker: q, about: q }))).toBe(true);
          await store.entity(q);
          try {
            const result = await store.search({ q, entity: q.slice(0, 5) || undefined });
            return Number.isInteger(result.total) && result.hits.length <= result.total;
          } catch (error) {
            return error instanceof InputError;
          }
        }),
        { numRuns: 300 },
      );
    });
  });

  describe("quotes and entities", () => {
    it("lists who said what, by a speaker given by name", async () => {
      const quotes = await store.quotes({ speaker: "بوتين" });
      expect(quotes.length).toBeGreaterThan(3);
      for (const q of quotes) {
        expect(q.speaker?.key).toBe("vladimir-putin");
        expect(q.article.source.length).toBeGreaterThan(0);
        const text = (await store.article(q.article.id))?.analysis.text ?? "";
        expect(text).toContain(q.text);
      }
      // the reprint repeats the seed's quotes: shown once per story unless asked
      const every = await store.quotes({ speaker: "vladimir-putin", collapse: false, limit: 200 });
      const once = await store.quotes({ speaker: "vladimir-putin", limit: 200 });
      expect(every.length).toBeGreaterThan(once.length);
      expect(new Set(once.map((q) => `${q.article.cluster.id}|${q.text}`)).size).toBe(once.length);
    });

    it("finds quotes about an entity, and respects dates", async () => {
      const about = await store.quotes({ about: "الصين", collapse: false, limit: 100 });
      expect(about.map((q) => q.article.id)).toContain(ids.lavrov);
      for (const q of about) expect(q.speaker?.key).not.toBe("CHN");
      const lavrov = await store.quotes({ speaker: "سيرغي لافروف", about: "روسيا" });
      expect(lavrov).toHaveLength(1);
      expect(lavrov[0]?.text).toContain("روسيا والصين");
      expect(await store.quotes({ speaker: "بوتين", to: "2020-01-01" })).toEqual([]);
      expect(await store.quotes({ speaker: "شخص غير معروف إطلاقا" })).toEqual([]);
    });

    it("profiles an entity: counts, timeline, quotes by and about, co-occurring actors", async () => {
      const putin = await store.entity("فلاديمير بوتين");
      expect(putin?.key).toBe("vladimir-putin");
      expect(putin?.type).toBe("PER");
      expect(putin?.kb?.id).toBe("vladimir-putin");
      expect(putin?.articles).toBe(2);
      expect(putin?.mentions).toBeGreaterThan(10);
      expect(putin?.timeline.map((t) => t.month)).toEqual(["2025-01"]);
      expect(putin?.timeline[0]?.mentions).toBe(putin?.mentions);
      expect(putin?.quotesBy.length).toBeGreaterThan(3);
      expect(putin?.cooccurring.map((e) => e.key)).toContain("xi-jinping");
      const china = await store.entity("CHN");
      expect(china?.quotesAbout.map((q) => q.article.id)).toContain(ids.lavrov);
      expect(china?.timeline.length).toBeGreaterThan(1);
      expect(await store.entity("no-such-entity")).toBeUndefined();
    });

    it("resolves names through the KB, the stored names and TYPE:name keys", async () => {
      expect((await store.resolve("الصين"))[0]?.key).toBe("CHN");
      expect((await store.resolve("للصين"))[0]?.key).toBe("CHN");
      expect((await store.resolve("CHN"))[0]?.key).toBe("CHN");
      expect(await store.resolve("   ")).toEqual([]);
      // an entity the KB does not know is keyed TYPE:normalised name, and found by that or its name
      const [row] = await storeRows<{ key: string; name: string }>(
        target,
        "SELECT key, name FROM entities WHERE kb_id IS NULL ORDER BY key LIMIT 1",
      );
      expect(row).toBeDefined();
      const { key, name } = row as { key: string; name: string };
      expect(key).toMatch(/^(PER|ORG|LOC|MISC):/);
      expect((await store.resolve(`${key.split(":")[0]}:${name}`))[0]?.key).toBe(key);
      expect((await store.resolve(name)).map((e) => e.key)).toContain(key);
    });
  });
});

/**
 * The two backends holding the same articles answer every query that has one right answer
 * alike, to the last field: only search scores (bm25 and ts_rank) and so the order of ranked
 * hits may differ.
 */
describe.skipIf(!HAS_SEED)("the SQLite and PostgreSQL stores", () => {
  let dir: { dir: string; cleanup: () => void };
  const stores = {} as Record<Backend, Awaited<ReturnType<typeof filledStore>>>;

  beforeAll(async () => {
    dir = tempDir();
    // and two articles without a date, which order apart from the dated ones
    const undated = [
      'قال وزير الخارجية الروسي سيرغي لافروف إن "العلاقات مع الصين ممتازة" وإن التعاون مستمر.',
      'وقال الرئيس الروسي فلاديمير بوتين في موسكو إن "روسيا والصين شريكان" في كل الملفات.',
    ].map((text) => analyzeText(text));
    for (const backend of BACKENDS) {
      stores[backend] = await filledStore(backend, dir.dir, "same");
      for (const [i, analysis] of undated.entries()) {
        const outcome = await stores[backend].store.add(analysis, {
          key: `/corpus/undated/${i}.txt`,
          kind: "file",
        });
        expect(outcome.status).toBe("added");
        stores[backend].ids[`undated${i}`] = outcome.id as number;
      }
    }
    expect(undated.map((a) => a.meta.published)).toEqual([undefined, undefined]);
  }, 60_000);

  afterAll(async () => {
    for (const backend of BACKENDS) {
      await stores[backend]?.store.close();
      await stores[backend]?.drop();
    }
    dir?.cleanup();
  });

  /** The answer of both stores to `ask`. */
  const both = async <T>(ask: (store: Store) => Promise<T>): Promise<[T, T]> => [
    await ask(stores.sqlite.store),
    await ask(stores.postgres.store),
  ];

  it("give the same ids, clusters, counts and articles", async () => {
    expect(stores.postgres.ids).toEqual(stores.sqlite.ids);
    const [sqlite, postgres] = await both((s) => s.stats());
    expect(postgres).toEqual(sqlite);
    for (const id of Object.values(stores.sqlite.ids)) {
      const [a, b] = await both((s) => s.article(id));
      // fetched_at is the time of writing
      expect({ ...b, fetchedAt: "" }).toEqual({ ...a, fetchedAt: "" });
      const [rawA, rawB] = await both((s) => s.rawInput(id));
      expect(rawB).toEqual(rawA);
    }
  });

  it("give the same quotes, entity profiles and names", async () => {
    for (const query of [
      { limit: 1000 },
      { limit: 1000, collapse: false },
      { speaker: "بوتين", limit: 5, offset: 2 },
      { about: "الصين", from: "2016", to: "2016-06" },
    ]) {
      const [a, b] = await both((s) => s.quotes(query));
      expect(a.length, JSON.stringify(query)).toBeGreaterThan(0);
      expect(b, JSON.stringify(query)).toEqual(a);
    }
    const keys = await storeRows<{ key: string }>(
      stores.sqlite.target,
      "SELECT key FROM entities ORDER BY key",
    );
    expect(keys.length).toBe((await stores.sqlite.store.stats()).entities);
    for (const { key } of keys) {
      const [a, b] = await both((s) => s.entity(key));
      expect(a?.key).toBe(key);
      expect(b, key).toEqual(a);
      const [ra, rb] = await both((s) => s.resolve(a?.name ?? ""));
      expect(rb, a?.name).toEqual(ra);
    }
  });

  it("give the same events and event counts", async () => {
    const queries: EventQuery[] = [
      { status: "any", collapse: false, limit: 1000 },
      { limit: 1000 },
      { entity: "vladimir-putin" },
    ];
    for (const query of queries) {
      const [a, b] = await both((s) => s.events(query));
      expect(b, JSON.stringify(query)).toEqual(a);
      const [na, nb] = await both((s) => s.countEvents(query));
      expect(nb).toBe(na);
    }
    const [all, allPg] = await both(async (s) => {
      const events = [];
      for await (const e of s.allEvents({ status: "any" })) events.push(e);
      return events;
    });
    expect(all.length).toBeGreaterThan(0);
    expect(allPg).toEqual(all);
    const [ea, eb] = await both(async (s) => s.entityEvents("vladimir-putin"));
    expect(eb).toEqual(ea);
  });

  it("sort text by code point, whatever the PostgreSQL database's own collation", async () => {
    const sqlite = await openStore(join(dir.dir, "order.db"));
    const database = await freshPostgresDatabase("en-US");
    try {
      // precondition: the database itself sorts "a" before "B"
      const [order] = await postgresRows<{ before: boolean }>(
        database.url,
        "SELECT 'a' < 'B' AS before",
      );
      expect(order?.before).toBe(true);
      const postgres = await openStore(database.url);
      try {
        const failed = ["b-feed", "B-feed", "a-feed", "A-feed"].map((key) => ({
          source: { key, kind: "feed" as const },
          error: "HTTP 404",
        }));
        for (const store of [sqlite, postgres]) {
          await store.write(failed);
          const keys = async (after: string) =>
            (await store.sourcesOf(null, after, 2)).map((r) => r.key);
          expect(await keys(""), store.backend).toEqual(["A-feed", "B-feed"]);
          expect(await keys("B-feed"), store.backend).toEqual(["a-feed", "b-feed"]);
        }
      } finally {
        await postgres.close();
      }
    } finally {
      await sqlite.close();
      await database.drop();
    }
  });

  it("find the same articles, and list them alike when nothing ranks them", async () => {
    for (const query of [
      { q: "الصين", collapse: false, limit: 50 },
      { q: "الصين" },
      { q: '"الرئيس الصيني" OR لافروف', collapse: false },
      { q: "روسيا", entity: "CHN", from: "2016" },
    ]) {
      const [a, b] = await both((s) => s.search(query));
      expect(a.total, JSON.stringify(query)).toBeGreaterThan(0);
      expect(b.total, JSON.stringify(query)).toBe(a.total);
      // the same hits with the same snippets, whatever their scores; collapsed, the same stories
      // (the article shown for a story is its best ranked, and the rankings differ: bm25 over
      // the whole text against ts_rank over the title and lead)
      const byId = (r: typeof a) =>
        query.collapse === false
          ? r.hits.map(({ score: _, ...hit }) => hit).sort((x, y) => x.id - y.id)
          : r.hits
              .map((hit) => ({ story: hit.cluster, matches: hit.matches }))
              .sort((x, y) => x.story.id - y.story.id);
      expect(byId(b), JSON.stringify(query)).toEqual(byId(a));
    }
    for (const query of [
      { source: "/corpus/", collapse: false, limit: 5, offset: 1 },
      { entity: "CHN" },
      { from: "2016-03", to: "2025-01-21" },
    ]) {
      const [a, b] = await both((s) => s.search(query));
      expect(a.total, JSON.stringify(query)).toBeGreaterThan(0);
      expect(b, JSON.stringify(query)).toEqual(a);
    }
  });
});

describe("signatures and queries", () => {
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

  it("parses words, phrases and OR into groups", () => {
    const parsed = parseQuery('تونس "الرئيس الصيني" OR بوتين');
    expect(parsed.groups.map((g) => g.map((t) => t.words.map((w) => w.base).join(" ")))).toEqual([
      ["تونس"],
      ["الرييس الصيني", "بوتين"],
    ]);
  });
});
