import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/input/html.js";
import {
  extractMetadata,
  hostLabel,
  languageCode,
  normaliseDate,
  stripSiteName,
} from "../../src/input/metadata.js";

const meta = (head: string, body = "", url?: string) =>
  extractMetadata(parseDocument(`<html><head>${head}</head><body>${body}</body></html>`), url);

describe("normaliseDate", () => {
  it.each([
    ["2019-12-30T23:30:00-05:00", "2019-12-30"],
    ["2019-12-30", "2019-12-30"],
    ["2019/12/30 10:00", "2019-12-30"],
    ["20191230", "2019-12-30"],
    ["30.12.2019", "2019-12-30"],
    ["30/12/2019", "2019-12-30"],
    ["12/30/2019", "2019-12-30"],
    ["Mon, 30 Dec 2019 10:00:00 GMT", "2019-12-30"],
    ["December 30, 2019 at 10:15", "2019-12-30"],
    ["30. Dezember 2019", "2019-12-30"],
    ["Publié le 3 mars 2021", "2021-03-03"],
    ["الأحد، 04 آب/اغسطس 2013، آخر تحديث 02:21 (GMT+0400)", "2013-08-04"],
    ["١٢ مارس ٢٠٢٤", "2024-03-12"],
    ["5 جويلية 2016", "2016-07-05"],
    ["1577836800", "2020-01-01"],
  ])("%s → %s", (raw, want) => {
    expect(normaliseDate(raw)).toBe(want);
  });

  it.each([
    ["2019-02-30"],
    ["3/4/2020"],
    ["1850-01-01"],
    ["not a date"],
    [""],
    ["99999"],
    ["2019-13-01"],
  ])("drops %s", (raw) => {
    expect(normaliseDate(raw)).toBeUndefined();
  });

  it("never throws and only returns valid calendar dates", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const d = normaliseDate(s);
        if (d !== undefined) {
          expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("titles", () => {
  it("strips the site name given by og:site_name or the host", () => {
    expect(stripSiteName("Flood waters recede | Valley Gazette", "Valley Gazette")).toBe(
      "Flood waters recede",
    );
    expect(stripSiteName("Valley Gazette - Flood waters recede in town", "Valley Gazette")).toBe(
      "Flood waters recede in town",
    );
    expect(
      stripSiteName(
        "Wir waren 40 Tage in Quarantäne - Rosa-Luxemburg-Stiftung",
        undefined,
        hostLabel("https://www.rosalux.de/x"),
      ),
    ).toBe("Wir waren 40 Tage in Quarantäne");
    // A dash inside the headline is not a site separator.
    expect(stripSiteName("Benko-Firma in Sorge – Finanzdaten und Berater", "Finanzmarktwelt")).toBe(
      "Benko-Firma in Sorge – Finanzdaten und Berater",
    );
  });

  it("prefers og:title, then JSON-LD headline, then <title> without its suffix", () => {
    expect(
      meta('<meta property="og:title" content="OG title here"><title>Other | Site</title>').title,
    ).toBe("OG title here");
    expect(
      meta(
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline"}</script><title>x</title>',
      ).title,
    ).toBe("LD headline");
    expect(meta("<title>انطلاق مهرجان الكتاب في الإسكندرية - جريدة الشاطئ</title>").title).toBe(
      "انطلاق مهرجان الكتاب في الإسكندرية",
    );
    expect(
      meta("<title>Home | Site</title>", "<h1>Mayor resigns after budget vote</h1>").title,
    ).toBe("Mayor resigns after budget vote");
  });
});

describe("extractMetadata", () => {
  it("reads JSON-LD @graph: date, several authors, publisher", () => {
    const ld = {
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "WebSite", name: "Daily Example" },
        {
          "@type": ["NewsArticle"],
          headline: "H",
          datePublished: "2023-09-18T17:05:00-04:00",
          author: [{ "@type": "Person", name: "Daniel Okafor" }, { name: "Mei Tanaka" }],
          publisher: { "@type": "Organization", name: "Daily Example" },
        },
      ],
    };
    const m = meta(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`);
    expect(m.published).toBe("2023-09-18");
    expect(m.author).toBe("Daniel Okafor, Mei Tanaka");
    expect(m.siteName).toBe("Daily Example");
  });

  it("survives broken JSON-LD (raw newlines, trailing junk) and drops garbage values", () => {
    const m = meta(
      '<script type="application/ld+json">{"@type":"Article","headline":"Line\none","datePublished":"yesterday"}</script>' +
        '<script type="application/ld+json">{not json</script><meta name="author" content="https://example.org/staff">',
    );
    expect(m.title).toBe("Line one");
    expect(m.published).toBeUndefined();
    expect(m.author).toBeUndefined();
  });

  it("falls back through meta dates, itemprop and <time>", () => {
    expect(meta('<meta name="DC.date.issued" content="2020-05-16">').published).toBe("2020-05-16");
    expect(meta('<meta name="parsely-pub-date" content="2021-01-02T10:00:00Z">').published).toBe(
      "2021-01-02",
    );
    expect(
      meta('<meta name="sailthru.date" content="Tue, 05 Jan 2021 10:00:00 -0500">').published,
    ).toBe("2021-01-05");
    expect(
      meta("", '<span itemprop="datePublished" content="2019-06-24">24 June</span>').published,
    ).toBe("2019-06-24");
    expect(
      meta("", '<article><time datetime="2018-11-16T10:00">16 Nov</time><p>x</p></article>')
        .published,
    ).toBe("2018-11-16");
  });

  it("resolves the canonical URL against the page URL", () => {
    expect(
      meta('<link rel="canonical" href="/news/1">', "", "https://site.example/a?b=1").url,
    ).toBe("https://site.example/news/1");
    expect(meta('<meta property="og:url" content="https://site.example/og">').url).toBe(
      "https://site.example/og",
    );
    expect(
      meta('<link rel="canonical" href="javascript:alert(1)">', "", "https://site.example/p").url,
    ).toBe("https://site.example/p");
  });

  it("reads the language as an ISO 639-1 code", () => {
    expect(extractMetadata(parseDocument('<html lang="ar-EG"><body></body></html>')).language).toBe(
      "ar",
    );
    expect(meta('<meta http-equiv="Content-Language" content="fr-FR">').language).toBe("fr");
    expect(languageCode("ara")).toBe("ar");
    expect(languageCode("x-klingon")).toBeUndefined();
  });

  it("cleans author bylines", () => {
    expect(meta('<meta name="author" content="By Ruth Ellison">').author).toBe("Ruth Ellison");
    expect(meta('<meta name="author" content="بقلم سلمى الحداد">').author).toBe("سلمى الحداد");
  });
});
