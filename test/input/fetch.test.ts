import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchPage, loadSource } from "../../src/input/index.js";

// A local server standing in for news sites: every route is a failure mode a real site has.
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? "/";
    if (url === "/article") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        "<html lang=ar><head><title>خبر</title></head><body><article><p>قال الوزير إن المحادثات مستمرة وإن الجولة المقبلة ستعقد في الشهر المقبل في العاصمة.</p><p>وأضاف أن الوفدين اتفقا على تشكيل لجنة فنية مشتركة لمتابعة الملفات العالقة بين البلدين.</p></article></body></html>",
      );
    } else if (url === "/cp1256") {
      // "مرحبا بالعالم" in windows-1256, declared only by the HTTP header.
      res.writeHead(200, { "content-type": "text/plain; charset=windows-1256" });
      res.end(
        Buffer.from([0xe3, 0xd1, 0xcd, 0xc8, 0xc7, 0x20, 0xc8, 0xc7, 0xe1, 0xda, 0xc7, 0xe1, 0xe3]),
      );
    } else if (url.startsWith("/hop/")) {
      const n = Number(url.slice(5));
      res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : "/article" });
      res.end();
    } else if (url === "/image") {
      res.writeHead(200, { "content-type": "image/png" });
      res.end(Buffer.alloc(100));
    } else if (url === "/huge") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("ا".repeat(600_000));
    } else if (url === "/slow") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("بداية");
      // never ends: the client's timeout must fire
    } else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not here");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("fetchPage", () => {
  it("reads a page and its content type", async () => {
    const page = await fetchPage(`${base}/article`);
    expect(page.contentType).toMatch(/text\/html/);
    expect(Buffer.from(page.bytes).toString("utf8")).toContain("المحادثات");
  });

  it("follows redirects up to the limit and reports the final URL", async () => {
    const page = await fetchPage(`${base}/hop/2`, { maxRedirects: 5 });
    expect(page.url).toBe(`${base}/article`);
    await expect(fetchPage(`${base}/hop/9`, { maxRedirects: 3 })).rejects.toThrow(
      /more than 3 redirects/,
    );
  });

  it("turns HTTP errors, wrong types, size and time limits into input errors", async () => {
    await expect(fetchPage(`${base}/missing`)).rejects.toMatchObject({
      name: "InputError",
      code: "http-status",
    });
    await expect(fetchPage(`${base}/image`)).rejects.toMatchObject({ code: "unsupported-type" });
    await expect(fetchPage(`${base}/huge`, { maxBytes: 100_000 })).rejects.toMatchObject({
      code: "too-large",
    });
    await expect(fetchPage(`${base}/slow`, { timeoutMs: 300 })).rejects.toMatchObject({
      code: "timeout",
    });
  });

  it("rejects unreachable hosts and non-http URLs with a clear message", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetchPage(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({
      code: "network",
      message: expect.stringMatching(/connection was refused/),
    });
    await expect(fetchPage("ftp://example.org/x")).rejects.toMatchObject({ code: "bad-url" });
  });
});

describe("loadSource over HTTP", () => {
  it("decodes by the charset the server declares", async () => {
    const raw = await loadSource(`${base}/cp1256`);
    expect(raw.kind).toBe("text");
    expect(raw.content).toBe("مرحبا بالعالم");
  });

  it("treats an HTML response as HTML and keeps its address", async () => {
    const raw = await loadSource(`${base}/article`);
    expect(raw.kind).toBe("html");
    expect(raw.url).toBe(`${base}/article`);
  });
});
