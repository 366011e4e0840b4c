import { readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalysisSchema } from "../../src/analysis.js";
import { buildServer, defaultWebDir } from "../../src/server/index.js";
import { ARTICLES, EVENT_ARTICLES, EVENT_REPRINT, XSS_TITLE } from "./articles.js";
import { FakeStore } from "./fake-store.js";
import { FAKE_STORE, REAL_STORES, STORE_KINDS, type TestStore } from "./stores.js";

const TOKEN = "test-token-0123456789";
const auth = { authorization: `Bearer ${TOKEN}` };
/** Posted to /api/ingest: not among ARTICLES. */
const article = {
  text: "تونس - قال وزير الصحة إن الوضع الصحي تحت السيطرة. وأضاف أن الحملة متواصلة.",
  date: "2021-07-01",
};

function errorOf(response: { json(): unknown; body: string }): string {
  const body = response.json() as { error?: unknown };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(typeof body.error).toBe("string");
  expect(response.body).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack frames
  return body.error as string;
}

/**
 * What the store answers (search, articles, entities, quotes, stats, storing), over every
 * implementation of StorePort: the fake and the real store on SQLite and on PostgreSQL, holding
 * the same articles.
 */
/**
 * A server over a store opened before the tests of the enclosing describe and closed after them,
 * with shorthands for GET and POST.
 */
function serve(open: () => Promise<TestStore>) {
  const server = {} as { store: TestStore; app: FastifyInstance };
  beforeAll(async () => {
    server.store = await open();
    server.app = buildServer({ store: server.store, token: TOKEN });
    await server.app.ready();
  });
  afterAll(async () => {
    await server.app?.close();
    await server.store?.close();
  });
  const get = (url: string, query?: Record<string, string>) =>
    server.app.inject({ method: "GET", url, ...(query ? { query } : {}) });
  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    server.app.inject({ method: "POST", url, payload: payload as object, headers });
  return { server, get, post };
}

describe.each(STORE_KINDS)("the API over $name", (kind) => {
  const { server, get, post } = serve(() => kind.open(ARTICLES));

  describe("GET /api/search", () => {
    it("returns ranked hits whose highlights point at the query words", async () => {
      const response = await get("/api/search", { q: "الصيد" });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.total).toBe(3);
      expect(body.limit).toBe(20);
      expect(body.offset).toBe(0);
      for (const hit of body.hits) {
        const [start, end] = hit.snippet.highlights[0];
        expect(hit.snippet.text.slice(start, end)).toBe("الصيد");
        expect(hit.cluster).toEqual({ id: expect.any(Number), size: expect.any(Number) });
      }
    });

    it("passes every filter on, with numbers as numbers", async () => {
      const query = {
        q: "تونس",
        entity: "TUN",
        speaker: "habib-essid",
        from: "2015-01-01",
        to: "2015-12-31",
        source: "news.example",
        limit: "5",
        offset: "1",
      };
      const response = await get("/api/search", query);
      expect(response.statusCode).toBe(200);
      expect(server.store.calls.at(-1)).toEqual({
        method: "search",
        query: { ...query, limit: 5, offset: 1, collapse: true },
      });
      expect(
        response.json().hits.every((h: { source: string }) => h.source.includes("news.")),
      ).toBe(true);
    });

    it.each([
      [{ limit: "abc" }, /limit/],
      [{ limit: "0" }, /limit/],
      [{ limit: "101" }, /limit/],
      [{ offset: "-1" }, /offset/],
      [{ from: "2015-13-01" }, /from/],
      [{ from: "2015-02-30" }, /not a date/],
      [{ to: "yesterday" }, /to/],
      [{ to: "2015-1-1" }, /to/],
      [{ collapse: "maybe" }, /collapse/],
      [{ from: "2015-06", to: "2015-05-31" }, /after/],
      [{ from: "2016-01-01", to: "2015-01-01" }, /after/],
      [{ qq: "x" }, /unknown parameter "qq"/],
      [{ q: "" }, /q/],
      [{ q: "x".repeat(1001) }, /q/],
    ])("answers 400 to a malformed query %j", async (query, message) => {
      const response = await get("/api/search", query as Record<string, string>);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response)).toMatch(message);
    });

    it("takes partial dates (a year, a month) and the collapse switch", async () => {
      const response = await get("/api/search", { from: "2015-04", to: "2015", collapse: "false" });
      expect(response.statusCode).toBe(200);
      expect(server.store.calls.at(-1)?.query).toMatchObject({
        from: "2015-04",
        to: "2015",
        collapse: false,
      });
      expect(
        response
          .json()
          .hits.map((h: { published: string }) => h.published)
          .sort(),
      ).toEqual(["2015-04-14", "2015-05-20", "2015-06-01"]);
    });

    it("answers 400 to a repeated parameter and to a query the store rejects", async () => {
      const repeated = await get("/api/search?q=a&q=b");
      expect(repeated.statusCode).toBe(400);
      const unbalanced = await get("/api/search", { q: '"الصين' });
      expect(unbalanced.statusCode).toBe(400);
      expect(errorOf(unbalanced)).toMatch(/unbalanced quote/);
    });
  });

  describe("GET /api/articles/:id", () => {
    it("returns the article with its analysis and the store key of each entity", async () => {
      const response = await get("/api/articles/1");
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.id).toBe(1);
      expect(() => AnalysisSchema.parse(body.analysis)).not.toThrow();
      expect(Object.keys(body.entityKeys).sort()).toEqual(
        body.analysis.entities.map((e: { id: string }) => e.id).sort(),
      );
      expect(body.entityKeys["habib-essid"]).toBe("habib-essid");
    });

    it("returns markup in article content as data, unchanged", async () => {
      const response = await get("/api/articles/4");
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
      const body = response.json();
      expect(body.title).toBe(XSS_TITLE);
      expect(body.analysis.text).toContain("<script>alert(1)</script>");
      expect(body.analysis.text).toContain('onerror="window.__xss=1"');
    });

    it("answers 400 to a malformed id and 404 to a missing one", async () => {
      for (const url of ["/api/articles/abc", "/api/articles/0", "/api/articles/1.5"]) {
        const response = await get(url);
        expect(response.statusCode, url).toBe(400);
        errorOf(response);
      }
      const missing = await get("/api/articles/999");
      expect(missing.statusCode).toBe(404);
      expect(errorOf(missing)).toMatch(/999/);
    });
  });

  describe("GET /api/entities/:key", () => {
    it("returns the profile: counts, timeline, quotes by, co-occurring actors", async () => {
      const response = await get("/api/entities/habib-essid");
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ key: "habib-essid", type: "PER", articles: 3 });
      expect(body.timeline.map((t: { month: string }) => t.month)).toEqual([
        "2015-03",
        "2015-04",
        "2015-06",
      ]);
      expect(body.quotesBy.length).toBeGreaterThan(0);
      expect(body.cooccurring.map((e: { key: string }) => e.key)).toContain("taieb-baccouche");
    });

    it("takes percent-encoded keys and answers 404 to unknown ones", async () => {
      const unknown = await get(`/api/entities/${encodeURIComponent("PER:زيد عمرو")}`);
      expect(unknown.statusCode).toBe(404);
      expect(errorOf(unknown)).toContain("PER:زيد عمرو");
    });
  });

  describe("GET /api/quotes", () => {
    it("filters by speaker and by subject", async () => {
      const bySpeaker = (await get("/api/quotes", { speaker: "taieb-baccouche" })).json();
      expect(bySpeaker.quotes.length).toBeGreaterThan(0);
      for (const q of bySpeaker.quotes) expect(q.speaker.key).toBe("taieb-baccouche");
      const about = (await get("/api/quotes", { about: "DZA" })).json();
      expect(about.quotes.length).toBeGreaterThan(0);
      for (const q of about.quotes) expect(q.text).toContain("الجزائر");
    });

    it("pages with limit and offset, saying whether more follow, and rejects bad ones", async () => {
      const all = (await get("/api/quotes", { limit: "100" })).json().quotes;
      expect(all.length).toBeGreaterThan(4);
      const page = (await get("/api/quotes", { limit: "2", offset: "1" })).json();
      expect(page).toMatchObject({ limit: 2, offset: 1, more: true });
      expect(page.quotes).toEqual(all.slice(1, 3));
      const last = (
        await get("/api/quotes", { limit: "2", offset: String(all.length - 2) })
      ).json();
      expect(last.more).toBe(false);
      expect(last.quotes).toHaveLength(2);
      expect((await get("/api/quotes", { limit: "x" })).statusCode).toBe(400);
      expect((await get("/api/quotes", { about: "" })).statusCode).toBe(400);
      expect((await get("/api/quotes", { from: "2015-1-1" })).statusCode).toBe(400);
    });
  });

  describe("GET /api/stats", () => {
    it("counts what the store holds", async () => {
      const response = await get("/api/stats");
      expect(response.json()).toEqual(await server.store.stats());
      expect(response.json().articles).toBeGreaterThanOrEqual(4);
    });
  });

  describe("POST /api/ingest", () => {
    it("stores posted text once (201, then 200 duplicate) and it becomes searchable", async () => {
      const first = await post("/api/ingest", article, auth);
      expect(first.statusCode).toBe(201);
      const { id, duplicate } = first.json();
      expect(duplicate).toBe(false);
      expect((await get(`/api/articles/${id}`)).json().analysis.meta.published).toBe("2021-07-01");
      expect(
        (await get("/api/search", { q: "الحملة" })).json().hits.map((h: { id: number }) => h.id),
      ).toContain(id);
      const again = await post("/api/ingest", article, auth);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ id, duplicate: true });
    });
  });
});

/**
 * An entity's events over every store, on articles whose events are written by hand: only
 * realised ones, dated newest first then undated, and the network of who acts on whom.
 */
describe.each(STORE_KINDS)("entity events in the API over $name", (kind) => {
  const { get } = serve(() => kind.open(EVENT_ARTICLES));

  it("lists the entity's realised events, dated newest first, then undated ones", async () => {
    const response = await get("/api/entities/habib-essid/events");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.entity).toEqual({ key: "habib-essid", type: "PER", name: "الحبيب الصيد" });
    expect(body.total).toBe(3);
    expect(
      body.events.map((e: { type: string; date?: string; background: boolean }) => [
        e.type,
        e.date ?? null,
        e.background,
      ]),
    ).toEqual([
      ["AGREE", "2015-08-02", false],
      ["CONSULT", "2015-07-09", false],
      ["CONSULT", null, true],
    ]);
    const [agree] = body.events;
    expect(agree).toMatchObject({
      status: "realised",
      trigger: "وقع",
      source: {
        entity: { key: "habib-essid", type: "PER", name: "الحبيب الصيد" },
        code: "TUN",
        sector: "GOV",
      },
      target: { entity: { key: "abdelmalek-sellal" }, code: "DZA" },
      place: { key: "DZA", type: "LOC" },
      article: { title: "اتفاق أمني تونسي جزائري", published: "2015-08-02" },
      reports: 1,
    });
    expect(agree.id).toBe(`${agree.article.id}-${agree.index}`);
  });

  it("draws who acts on whom from those events", async () => {
    const { network } = (await get("/api/entities/habib-essid/events")).json();
    expect(
      network.edges.map((e: { source: string; target: string; types: unknown }) => [
        e.source,
        e.target,
        e.types,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ["habib-essid", "taieb-baccouche", [{ type: "CONSULT", count: 1 }]],
        ["habib-essid", "abdelmalek-sellal", [{ type: "AGREE", count: 1 }]],
        ["habib-essid", "DZA", [{ type: "CONSULT", count: 1 }]],
      ]),
    );
    expect(network.edges).toHaveLength(3);
    expect(network.nodes[0]).toMatchObject({ id: "habib-essid", key: "habib-essid", events: 3 });
  });

  it("leaves out events that did not happen, counts only those that did", async () => {
    // Libya is only the target of a closure announced for the future
    const libya = (await get("/api/entities/LBY/events")).json();
    expect(libya).toMatchObject({ total: 0, events: [], network: { nodes: [], edges: [] } });
    const tunisia = (await get("/api/entities/TUN/events")).json();
    expect(tunisia.total).toBe(0);
    expect((await get("/api/stats")).json().events).toBe(3);
    // the article itself still lists it, with its status
    const article = (await get("/api/articles/1")).json();
    expect(article.analysis.events.map((e: { status: string }) => e.status)).toEqual([
      "realised",
      "future",
    ]);
  });

  it("takes a limit, and answers 400 to a bad one and 404 to an unknown entity", async () => {
    const one = (await get("/api/entities/habib-essid/events", { limit: "1" })).json();
    expect(one.total).toBe(3);
    expect(one.events).toHaveLength(1);
    expect(one.network.edges).toHaveLength(3);
    const queries: Record<string, string>[] = [
      { limit: "0" },
      { limit: "x" },
      { limit: "1001" },
      { since: "2015" },
    ];
    for (const query of queries) {
      const response = await get("/api/entities/habib-essid/events", query);
      expect(response.statusCode, JSON.stringify(query)).toBe(400);
      errorOf(response);
    }
    const unknown = await get(`/api/entities/${encodeURIComponent("PER:زيد عمرو")}/events`);
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown)).toContain("PER:زيد عمرو");
  });
});

describe.each(REAL_STORES)("entity events of a reprinted story, over $name", (kind) => {
  const { get } = serve(() => kind.open([...EVENT_ARTICLES, EVENT_REPRINT]));

  it("counts the event once, from the story's first article, with its number of reports", async () => {
    const body = (await get("/api/entities/habib-essid/events")).json();
    expect(body.total).toBe(3);
    const consult = body.events.find((e: { date?: string }) => e.date === "2015-07-09");
    expect(consult).toMatchObject({
      reports: 2,
      article: { id: 1, title: "الصيد يستقبل البكوش", cluster: { id: 1, size: 2 } },
    });
    expect((await get("/api/stats")).json().events).toBe(3);
  });
});

/** What the server does on its own (validation, analysis, guards, headers), over the fake. */
describe("the API's own behaviour", () => {
  const { server, get, post } = serve(() => FAKE_STORE.open(ARTICLES));

  describe("POST /api/analyze", () => {
    it("analyses text and returns a valid Analysis, storing nothing", async () => {
      const before = (await server.store.stats()).articles;
      const response = await post("/api/analyze", {
        text: "قال الرئيس الروسي فلاديمير بوتين أمس إن موسكو مستعدة للحوار.",
        date: "2024-05-10",
      });
      expect(response.statusCode).toBe(200);
      const analysis = AnalysisSchema.parse(response.json());
      expect(analysis.meta.published).toBe("2024-05-10");
      expect(analysis.entities.length).toBeGreaterThan(0);
      expect(analysis.times.some((t) => t.resolved === "2024-05-09")).toBe(true);
      expect((await server.store.stats()).articles).toBe(before);
    });

    it("analyses HTML, extracting the article", async () => {
      const html = `<html><head><title>خبر</title></head><body><nav>الرئيسية</nav><article><p>${"أعلنت وزارة الصحة التونسية اليوم عن حملة تلقيح جديدة في كامل الولايات. ".repeat(4)}</p></article></body></html>`;
      const response = await post("/api/analyze", { html });
      expect(response.statusCode).toBe(200);
      const analysis = response.json();
      expect(analysis.text).toContain("حملة تلقيح");
      expect(analysis.text).not.toContain("<p>");
    });

    it.each([
      [{}, /exactly one/],
      [{ text: "نص", html: "<p>نص</p>" }, /exactly one/],
      [{ text: "   " }, /empty/],
      [{ text: 42 }, /text/],
      [{ text: "نص", date: "not a date" }, /date|not/i],
      [{ text: "نص", extra: 1 }, /unknown parameter "extra"/],
      // an input error raised in the analysis thread keeps its meaning
      [{ html: "<html><body><nav>الرئيسية</nav></body></html>" }, /no article text/],
    ])("answers 400 to %j", async (body, message) => {
      const response = await post("/api/analyze", body);
      expect(response.statusCode).toBe(400);
      expect(errorOf(response)).toMatch(message);
    });

    it("answers 400 to broken JSON and 415 to other content types", async () => {
      const broken = await server.app.inject({
        method: "POST",
        url: "/api/analyze",
        payload: '{"text": ',
        headers: { "content-type": "application/json" },
      });
      expect(broken.statusCode).toBe(400);
      errorOf(broken);
      const form = await server.app.inject({
        method: "POST",
        url: "/api/analyze",
        payload: "text=x",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      });
      expect(form.statusCode).toBe(415);
      errorOf(form);
    });

    it("answers 413 with a JSON error to a body over the limit", async () => {
      const response = await post("/api/analyze", { text: "ا".repeat(1_100_000) }); // 2.2 MB
      expect(response.statusCode).toBe(413);
      expect(errorOf(response)).toMatch(/limit/);
    });
  });

  describe("POST /api/ingest", () => {
    it("is disabled (403) on a server started without a token", async () => {
      const open = buildServer({ store: new FakeStore() });
      const response = await open.inject({
        method: "POST",
        url: "/api/ingest",
        payload: article,
        headers: auth,
      });
      expect(response.statusCode).toBe(403);
      expect(errorOf(response)).toMatch(/--token/);
      await open.close();
    });

    it("answers 401 without the token or with a wrong one", async () => {
      for (const headers of [
        {} as Record<string, string>,
        { authorization: "Bearer wrong-token" },
        { authorization: TOKEN },
        { authorization: `Basic ${TOKEN}` },
      ]) {
        const response = await post("/api/ingest", article, headers);
        expect(response.statusCode).toBe(401);
        expect(response.headers["www-authenticate"]).toMatch(/^Bearer/);
        errorOf(response);
      }
    });

    it("answers 501 on a read-only store", async () => {
      const readOnly = await FAKE_STORE.open([], { writable: false });
      const ro = buildServer({ store: readOnly, token: TOKEN });
      const response = await ro.inject({
        method: "POST",
        url: "/api/ingest",
        payload: article,
        headers: auth,
      });
      expect(response.statusCode).toBe(501);
      await ro.close();
    });

    describe("URLs", () => {
      let page: Server;
      let base: string;
      const html = `<html lang="ar"><head><title>خبر محلي</title><meta property="article:published_time" content="2022-02-02"></head><body><article><p>${"قال رئيس البلدية إن الأشغال ستنتهي قريبا في وسط المدينة. ".repeat(3)}</p></article></body></html>`;

      beforeAll(async () => {
        page = createServer((request, response) => {
          if (request.url === "/redirect") {
            response.writeHead(302, { location: `http://127.0.0.2:${port()}/article` });
            response.end();
            return;
          }
          response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
          response.end(html);
        });
        await new Promise<void>((resolve) => page.listen(0, "127.0.0.1", resolve));
        base = `http://127.0.0.1:${port()}`;
      });
      afterAll(() => new Promise<void>((resolve) => page.close(() => resolve())));
      const port = () => (page.address() as AddressInfo).port;

      it.each([
        "http://127.0.0.1/x",
        "http://localhost/x",
        "http://[::1]/x",
        "http://[::ffff:127.0.0.1]/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.1.2.3/",
        "http://0x7f000001/",
      ])("refuses %s (a private, loopback or link-local address)", async (url) => {
        const response = await post("/api/ingest", { url }, auth);
        expect(response.statusCode).toBe(400);
        expect(errorOf(response)).toMatch(/private|loopback/);
      });

      it("refuses a host name that resolves to a private address (checked by lookup)", async () => {
        const guarded = buildServer({
          store: new FakeStore(),
          token: TOKEN,
          fetch: { resolve: async () => [{ address: "192.168.1.20", family: 4 }] },
        });
        const response = await guarded.inject({
          method: "POST",
          url: "/api/ingest",
          payload: { url: "http://intranet.example/page" },
          headers: auth,
        });
        expect(response.statusCode).toBe(400);
        expect(errorOf(response)).toMatch(/192\.168\.1\.20/);
        await guarded.close();
      });

      it("refuses non-http URLs", async () => {
        for (const url of ["file:///etc/passwd", "ftp://example.org/", "not a url"]) {
          const response = await post("/api/ingest", { url }, auth);
          expect(response.statusCode, url).toBe(400);
        }
      });

      it("fetches, analyses and stores a private page with --allow-private", async () => {
        const s = new FakeStore();
        const allowing = buildServer({ store: s, token: TOKEN, allowPrivate: true });
        const response = await allowing.inject({
          method: "POST",
          url: "/api/ingest",
          payload: { url: `${base}/article` },
          headers: auth,
        });
        expect(response.statusCode).toBe(201);
        expect(response.json().source).toBe(`${base}/article`);
        const record = s.article(response.json().id);
        expect(record?.analysis.text).toContain("رئيس البلدية");
        expect(record?.published).toBe("2022-02-02");
        await allowing.close();
      });

      it("checks every redirect hop", async () => {
        // 127.0.0.1 counts as public here, so only the redirect's target is refused.
        const narrowed = buildServer({
          store: new FakeStore(),
          token: TOKEN,
          fetch: { isPrivate: (address) => address !== "127.0.0.1" },
        });
        const direct = await narrowed.inject({
          method: "POST",
          url: "/api/ingest",
          payload: { url: `${base}/article` },
          headers: auth,
        });
        expect(direct.statusCode).toBe(201);
        const redirected = await narrowed.inject({
          method: "POST",
          url: "/api/ingest",
          payload: { url: `${base}/redirect` },
          headers: auth,
        });
        expect(redirected.statusCode).toBe(400);
        expect(errorOf(redirected)).toMatch(/127\.0\.0\.2/);
        await narrowed.close();
      });
    });
  });

  describe("errors and headers", () => {
    it("answers 500 with a generic message when the store fails, leaking nothing", async () => {
      const broken = new FakeStore();
      broken.stats = () => {
        throw new Error("SQLITE_CORRUPT: database disk image is malformed at /secret/path.db");
      };
      const failing = buildServer({ store: broken });
      const response = await failing.inject({ method: "GET", url: "/api/stats" });
      expect(response.statusCode).toBe(500);
      expect(errorOf(response)).toBe("internal error");
      expect(response.body).not.toContain("SQLITE");
      await failing.close();
    });

    it("answers 404 JSON for unknown API routes and methods", async () => {
      for (const [method, url] of [
        ["GET", "/api/nothing"],
        ["DELETE", "/api/articles/1"],
      ] as const) {
        const response = await server.app.inject({ method, url });
        expect(response.statusCode).toBe(404);
        errorOf(response);
      }
    });

    it("sets a strict Content-Security-Policy and no-sniff on pages and API answers", async () => {
      for (const url of ["/", "/api/stats", "/api/nothing", "/js/app.js"]) {
        const response = await get(url);
        const csp = String(response.headers["content-security-policy"]);
        expect(csp, url).toContain("script-src 'self'");
        expect(csp).toContain("default-src 'none'");
        expect(csp).not.toContain("unsafe-inline");
        expect(response.headers["x-content-type-options"]).toBe("nosniff");
      }
    });

    it("refuses other Host names when limited to loopback ones (DNS rebinding)", async () => {
      const local = buildServer({ store: server.store, allowedHosts: ["localhost", "127.0.0.1"] });
      const bad = await local.inject({
        method: "GET",
        url: "/api/stats",
        headers: { host: "evil.example:8080" },
      });
      expect(bad.statusCode).toBe(421);
      errorOf(bad);
      const good = await local.inject({
        method: "GET",
        url: "/api/stats",
        headers: { host: "127.0.0.1:8080" },
      });
      expect(good.statusCode).toBe(200);
      await local.close();
    });
  });

  describe("OpenAPI document", () => {
    it("is OpenAPI 3.1 and describes every /api route with its parameters", async () => {
      const doc = (await get("/api/openapi.json")).json();
      expect(doc.openapi).toBe("3.1.0");
      // The routes the server really has, from fastify's route tree: a route below another
      // (/api/entities/:key/events under /api/entities/:key) is printed as a child of it.
      const parents: string[] = [];
      const routes = server.app
        .printRoutes({ commonPrefix: false })
        .split("\n")
        .flatMap((line) => {
          const node = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)/.exec(line);
          if (!node) return [];
          const [, indent = "", segment = "", methods = ""] = node;
          parents.length = indent.length / 4;
          const path = parents.join("") + segment;
          parents.push(segment);
          if (!path.startsWith("/api/")) return [];
          return methods
            .split(", ")
            .filter((m) => m !== "HEAD")
            .map((m) => [m.toLowerCase(), path.replace(/:(\w+)/g, "{$1}")] as const);
        });
      expect(routes.length).toBe(9);
      for (const [method, path] of routes)
        expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
      const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops as object).map((m) => `${m} ${path}`),
      );
      expect(documented.sort()).toEqual(routes.map(([m, p]) => `${m} ${p}`).sort());
      const searchParams = doc.paths["/api/search"].get.parameters.map(
        (p: { name: string }) => p.name,
      );
      expect(searchParams.sort()).toEqual(
        ["q", "entity", "speaker", "from", "to", "source", "collapse", "limit", "offset"].sort(),
      );
      expect(doc.components.schemas.Analysis.properties.quotes).toBeDefined();
      const events = doc.paths["/api/entities/{key}/events"].get;
      expect(
        events.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`),
      ).toEqual(["path:key", "query:limit"]);
      expect(events.responses[200].content["application/json"].schema.$ref).toBe(
        "#/components/schemas/EntityEvents",
      );
      // every schema the document refers to is in it
      for (const [, name] of JSON.stringify(doc).matchAll(/"#\/components\/schemas\/(\w+)"/g))
        expect(doc.components.schemas[name as string], name).toBeDefined();
    });
  });

  describe("web UI files", () => {
    it("serves the RTL Arabic shell for every page path, and the bundled font", async () => {
      for (const url of ["/", "/articles/1", "/entities/habib-essid", "/quotes", "/analyze"]) {
        const response = await get(url);
        expect(response.statusCode, url).toBe(200);
        expect(response.body).toContain('<html lang="ar" dir="rtl">');
      }
      const font = await get("/fonts/NotoNaskhArabic-Regular.ttf");
      expect(font.statusCode).toBe(200);
      expect(font.rawPayload.subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]));
      expect((await get("/nowhere")).statusCode).toBe(404);
    });

    it("has no inline script and never parses strings as HTML", () => {
      const dir = defaultWebDir();
      const shell = readFileSync(`${dir}/index.html`, "utf8");
      for (const tag of shell.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc=/);
      expect(shell).not.toMatch(/\bon[a-z]+\s*=/i);
      const scripts = readdirSync(`${dir}/js`, { recursive: true, encoding: "utf8" }).filter((f) =>
        f.endsWith(".js"),
      );
      expect(scripts.length).toBeGreaterThan(3);
      for (const file of scripts) {
        const code = readFileSync(`${dir}/js/${file}`, "utf8");
        expect(code, file).not.toMatch(
          /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/,
        );
      }
    });
  });
});
