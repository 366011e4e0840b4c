import { once } from "node:events";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest, openStore, parseFeed, USER_AGENT } from "../../src/store/index.js";
import { BACKENDS } from "../helpers/postgres.js";
import { consistency, expectWhole, freshTarget, shortArticle, tempDir } from "./helpers.js";

const CHINA =
  "وصل وفد تجاري إلى بكين في زيارة للصين تستمر ثلاثة أيام لبحث الاستثمارات المشتركة في الموانئ والسكك الحديدية.";
const LAVROV =
  "قال وزير الخارجية الروسي سيرغي لافروف يوم الاثنين إن روسيا والصين تعملان معا على تعزيز التعاون الاقتصادي بين البلدين.";
const TUNIS =
  "أكد رئيس الحكومة في تونس أن الميزانية الجديدة ستخصص اعتمادات إضافية للصحة والتعليم في الجهات الداخلية.";

interface Request {
  path: string;
  agent: string;
  at: number;
}

function page(title: string, date: string, paragraphs: string[]): string {
  return `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>${title}</title>
${date ? `<meta property="article:published_time" content="${date}">` : ""}</head><body>
<nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}</article>
<footer>جميع الحقوق محفوظة</footer></body></html>`;
}

describe.each(BACKENDS)("ingest from files, folders and JSONL into the %s store", (backend) => {
  let dir: ReturnType<typeof tempDir>;
  let drop = async () => {};
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(async () => {
    await drop();
    dir.cleanup();
  });

  it("reads a folder recursively (text, HTML, JSONL), records failures, stores duplicates once", async () => {
    const corpus = join(dir.dir, "corpus");
    mkdirSync(join(corpus, "sub", "deeper"), { recursive: true });
    writeFileSync(join(corpus, "china.txt"), CHINA);
    writeFileSync(join(corpus, "china-copy.txt"), `\n${CHINA.replace("الصين", "الصِّين")}  \n`);
    writeFileSync(join(corpus, "sub", "page.html"), page("تونس", "2016-05-02", [TUNIS, LAVROV]));
    writeFileSync(join(corpus, "sub", "deeper", "empty.txt"), "   \n");
    writeFileSync(join(corpus, "sub", ".hidden.txt"), "نص مخفي لا يقرأ");
    writeFileSync(join(corpus, "notes.pdf"), "%PDF-1.4 not an article");
    const lines = [
      JSON.stringify({ id: "a1", text: LAVROV, date: "2016-03-01", title: "لافروف" }),
      "",
      "{not json",
      JSON.stringify({ id: "a3" }),
      JSON.stringify({ id: 4, html: page("عنوان", "2016-04-04", [TUNIS]) }),
      JSON.stringify({ id: "a5", text: shortArticle(5).text, date: "05/06/2016" }),
    ];
    writeFileSync(join(corpus, "sub", "batch.jsonl"), `${lines.join("\n")}\n`);
    const place = await freshTarget(backend, dir.dir, "files");
    drop = place.drop;
    const db = place.target;
    const store = await openStore(db);
    const progress: number[] = [];
    const summary = await ingest(store, [corpus, join(dir.dir, "missing.txt")], {
      jobs: 1,
      date: "2017-01-01",
      batchSize: 2,
      onProgress: (p) => progress.push(p.done),
    });
    const reasons = Object.fromEntries(
      summary.failures.map((f) => [f.source.replace(`${dir.dir}/`, ""), f.reason]),
    );
    expect(reasons).toEqual({
      "corpus/sub/batch.jsonl:3": "line 3: not valid JSON",
      "corpus/sub/batch.jsonl:4": "line 4: the line has none of text, html or url",
      "corpus/sub/deeper/empty.txt": expect.stringMatching(/blank/),
      "missing.txt": expect.stringMatching(/no such file/),
    });
    // a date that is no date costs the line its date, not its article
    expect(summary.warnings).toBe(1);
    expect(
      summary.warningList.map((w) => [w.source.replace(`${dir.dir}/`, ""), w.warning]),
    ).toEqual([["corpus/sub/batch.jsonl:6", expect.stringMatching(/not an unambiguous date/)]]);
    // china.txt, page.html and the three good JSONL lines; china-copy.txt is china.txt with a
    // diacritic and spaces, so the same article
    expect(summary.added).toBe(5);
    expect(summary.duplicates).toBe(1);
    expect(summary.failed).toBe(4);
    expect(summary.skipped).toBe(0);
    expect(progress.at(-1)).toBe(10);
    const stats = await store.stats();
    expect(stats.articles).toBe(5);
    expect(stats.failed).toBe(4);
    const undated = (await store.search({ source: "batch.jsonl:6" })).hits;
    expect(undated.map((h) => h.published)).toEqual(["2017-01-01"]); // --date instead
    const lavrov = await store.search({ q: "لافروف", collapse: false });
    expect(lavrov.total).toBe(2);
    const fromJsonl = lavrov.hits.find((h) => h.source.endsWith("batch.jsonl:1"));
    expect(fromJsonl?.title).toBe("لافروف");
    expect(fromJsonl?.published).toBe("2016-03-01");
    const china = await store.search({ q: "الصين", source: "china" });
    expect(china.hits[0]?.published).toBe("2017-01-01"); // --date for a file without one
    expect((await store.search({ q: "مخفي" })).total).toBe(0);
    expectWhole(await consistency(db), backend);

    // a rerun reads nothing already done, and retries what failed
    writeFileSync(join(corpus, "sub", "deeper", "empty.txt"), TUNIS.replace("الميزانية", "الخطة"));
    const again = await ingest(store, [corpus], { jobs: 0 });
    expect(again).toMatchObject({ added: 1, duplicates: 0, skipped: 6, failed: 2 });
    expect((await store.stats()).articles).toBe(6);
    expectWhole(await consistency(db), backend);
    await store.close();
  });
});

/**
 * The test site runs in its own thread: request arrival times taken on the test's event loop
 * (busy with the ingest) would bunch together and say nothing about the client's spacing.
 */
const SITE = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const log = [];
let base = "";
const server = http.createServer((req, res) => {
  log.push({ path: req.url, agent: req.headers["user-agent"] || "", at: performance.timeOrigin + performance.now() });
  const route = workerData[req.url];
  res.writeHead(route ? 200 : 404, { "content-type": route ? route.type : "text/plain" });
  res.end(route ? route.body.replaceAll("{base}", base) : "not found");
});
server.listen(0, "127.0.0.1", () => {
  base = "http://127.0.0.1:" + server.address().port;
  parentPort.postMessage({ base });
});
parentPort.on("message", (m) => {
  if (m === "log") parentPort.postMessage({ log });
  else server.close(() => parentPort.close());
});
`;

function routes(): Record<string, { type: string; body: string }> {
  const html = (body: string) => ({ type: "text/html; charset=utf-8", body });
  const item = (p: string, title: string, date: string) =>
    `<item><title>${title}</title><link>{base}${p}</link><pubDate>${date}</pubDate></item>`;
  return {
    "/robots.txt": { type: "text/plain", body: "User-agent: *\nDisallow: /private/\n" },
    "/feed.xml": {
      type: "application/rss+xml",
      body: `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار</title>
${item("/news/1.html", "زيارة إلى الصين", "Mon, 02 May 2016 10:00:00 +0100")}
${item("/news/2.html", "لافروف والصين", "Tue, 03 May 2016 23:30:00 +0100")}
${item("/private/3.html", "سري", "Wed, 04 May 2016 09:00:00 +0100")}
${item("/news/missing.html", "مفقود", "Thu, 05 May 2016 09:00:00 +0100")}
</channel></rss>`,
    },
    "/atom.xml": {
      type: "application/atom+xml",
      body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>تونس &amp; الميزانية</title><link rel="alternate" href="/news/4.html"/><updated>2016-06-07T08:00:00Z</updated></entry>
<entry><title>زيارة</title><link href="{base}/news/1.html"/></entry></feed>`,
    },
    "/news/1.html": html(page("زيارة إلى الصين", "2016-05-02", [CHINA, shortArticle(1).text])),
    "/news/2.html": html(page("لافروف", "", [LAVROV, shortArticle(2).text])),
    "/private/3.html": html(page("سري", "2016-05-04", [shortArticle(3).text])),
    "/news/4.html": html(page("الميزانية", "2016-06-07", [TUNIS, shortArticle(4).text])),
    "/page.html": html(page("صفحة", "2016-07-01", [shortArticle(6).text, shortArticle(7).text])),
    "/news/5.html": html(page("", "", [shortArticle(8).text, shortArticle(9).text])),
  };
}

describe.each(BACKENDS)("ingest from the web into the %s store", (backend) => {
  let site: Worker;
  let base = "";
  let dir: ReturnType<typeof tempDir>;
  let drop = async () => {};
  const requests = async () => {
    site.postMessage("log");
    const [message] = (await once(site, "message")) as [{ log: Request[] }];
    return message.log;
  };

  beforeAll(async () => {
    dir = tempDir();
    site = new Worker(SITE, { eval: true, workerData: routes() });
    const [message] = (await once(site, "message")) as [{ base: string }];
    base = message.base;
  });

  afterAll(async () => {
    site.postMessage("close");
    await once(site, "exit");
    await drop();
    dir.cleanup();
  });

  it("fetches feed items and pages politely, obeying robots.txt", async () => {
    const place = await freshTarget(backend, dir.dir, "web");
    drop = place.drop;
    const db = place.target;
    const store = await openStore(db);
    const delay = 50;
    const summary = await ingest(
      store,
      [`${base}/feed.xml`, `${base}/atom.xml`, `${base}/page.html`, `${base}/feed.xml`],
      // analysis in a worker: the event loop stays free to send requests when they are due
      { jobs: 1, fetch: { hostDelayMs: delay, concurrency: 2, timeoutMs: 5000 } },
    );
    expect(summary.added).toBe(4); // news 1, 2, 4 and page.html
    expect(summary.failed).toBe(2);
    expect(summary.skipped).toBe(1); // news/1.html again in the Atom feed
    const reasons = Object.fromEntries(
      summary.failures.map((f) => [f.source.replace(base, ""), f.reason]),
    );
    expect(reasons["/private/3.html"]).toMatch(/robots\.txt .* disallows/);
    expect(reasons["/news/missing.html"]).toMatch(/HTTP 404/);

    const log = await requests();
    const paths = log.map((r) => r.path);
    expect(paths).not.toContain("/private/3.html");
    expect(paths.filter((p) => p === "/robots.txt")).toHaveLength(1);
    expect(paths.filter((p) => p === "/news/1.html")).toHaveLength(1);
    for (const r of log) expect(r.agent).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^marsad\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/marsad\)$/);
    const times = log.map((r) => r.at).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) {
      // arrival times jitter a little; without the delay the gaps would be ~1 ms
      expect(times[i] as number).toBeGreaterThanOrEqual((times[i - 1] as number) + delay / 2);
    }

    // the feed's title and date reach the article when the page gives none better
    const lavrov = (await store.search({ q: "لافروف" })).hits[0];
    expect(lavrov?.source).toBe(`${base}/news/2.html`);
    expect(lavrov?.published).toBe("2016-05-03");
    const budget = (await store.search({ q: "الميزانية" })).hits[0];
    expect(budget?.source).toBe(`${base}/news/4.html`);
    expectWhole(await consistency(db), backend);

    // a rerun fetches the feeds again but not the pages already stored; a JSONL line with a
    // URL alone is fetched too, with the line's date
    const jsonl = join(dir.dir, "links.jsonl");
    writeFileSync(
      jsonl,
      `${JSON.stringify({ id: "u1", url: `${base}/news/5.html`, date: "2016-08-01" })}\n`,
    );
    const before = log.length;
    const again = await ingest(store, [`${base}/feed.xml`, `${base}/page.html`, jsonl], {
      jobs: 0,
      fetch: { hostDelayMs: 0 },
    });
    expect(again).toMatchObject({ added: 1, skipped: 3, failed: 2 });
    const linked = (await store.search({ source: "links.jsonl" })).hits[0];
    expect(linked?.published).toBe("2016-08-01");
    expect((await store.article(linked?.id ?? 0))?.analysis.meta.url).toBe(`${base}/news/5.html`);
    const fetched = (await requests()).slice(before).map((r) => r.path);
    expect(fetched).toContain("/feed.xml");
    expect(fetched).not.toContain("/news/1.html");
    expect(fetched).not.toContain("/page.html");
    await store.close();
  });
});

describe("feeds", () => {
  it("parses RSS, RSS 1.0 and Atom items with their links, titles and dates", () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<item rdf:about="x"><title><![CDATA[عنوان <b>أول</b>]]></title><link>/a?x=1&amp;y=2</link><dc:date>2017-02-03T10:00:00+01:00</dc:date></item>
<item><title>بلا رابط</title></item></rdf:RDF>`;
    expect(parseFeed(rdf, "https://site.tn/feed")).toEqual([
      { url: "https://site.tn/a?x=1&y=2", title: "عنوان <b>أول</b>", date: "2017-02-03" },
    ]);
    const rss = `<rss><channel><item><guid isPermaLink="true">https://site.tn/b</guid><title>&#1578;</title></item>
<item><link>javascript:alert(1)</link></item></channel></rss>`;
    expect(parseFeed(rss, "https://site.tn/")).toEqual([{ url: "https://site.tn/b", title: "ت" }]);
    expect(parseFeed("<html><body>not a feed</body></html>", "https://site.tn/")).toEqual([]);
    expect(parseFeed("<<<", "https://site.tn/")).toEqual([]);
  });
});
