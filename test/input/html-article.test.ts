/**
 * Article-body rules added on top of Readability: the standfirst next to the headline, bodies
 * split around ads, furniture names that qualify content words, captions, code and ruby text.
 * Each page is small and hand-written; each expectation fails without the rule it covers.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textBlocks } from "../../src/input/html/blocks.js";
import { chooseDomText, findBodyContainer, isLinkBlock } from "../../src/input/html/candidates.js";
import { boilerplateName, cleanDocument } from "../../src/input/html/clean.js";
import type { DomElement } from "../../src/input/html/dom.js";
import { domToText } from "../../src/input/html/dom-text.js";
import { articleHead, withLead } from "../../src/input/html/expand.js";
import { cleanArticleText, isCaption } from "../../src/input/html/postprocess.js";
import { extractArticle, parseDocument } from "../../src/input/html.js";

const BODY = [
  "The regional council voted on Tuesday to rebuild the old harbour bridge, ending a dispute that had split the town for almost three years.",
  "Work on the new bridge is due to start in April and should take about eighteen months, the council's building department said after the vote.",
  "During construction a ferry will carry pedestrians and cyclists across the river every fifteen minutes, free of charge for residents.",
  "Shop owners on the southern bank welcomed the decision but asked for a clear timetable, since the closure will keep customers away.",
  "The old bridge, built in 1911, was closed to cars last spring after engineers found deep cracks in two of its stone piers.",
];
const STANDFIRST =
  "The town will get a new bridge by autumn next year. Until then, a free ferry links both banks of the river.";
const paragraphs = (list: string[]) => list.map((p) => `<p>${p}</p>`).join("\n");
const el = (html: string): DomElement =>
  parseDocument(`<html><body>${html}</body></html>`).body?.firstElementChild as DomElement;

describe("textBlocks", () => {
  it("lists paragraphs, headings and lines with their tag, link text and figure flag", () => {
    const doc = parseDocument(
      "<div><h1>Title here</h1><p>Some <b>bold</b> text and <a href='#'>a link</a>.</p>" +
        "<figure><img src=x><figcaption>A caption</figcaption></figure><ul><li>one</li></ul>" +
        "line a<br>line b</div>",
    );
    const blocks = textBlocks(doc.body ?? doc);
    expect(blocks.map((b) => [b.tag, b.text])).toEqual([
      ["H1", "Title here"],
      ["P", "Some bold text and a link."],
      ["FIGCAPTION", "A caption"],
      ["LI", "one"],
      ["DIV", "line a"],
      ["DIV", "line b"],
    ]);
    expect(blocks[1]?.linkChars).toBe("a link".length);
    expect(blocks[2]?.inFigure).toBe(true);
    expect(blocks[1]?.inFigure).toBe(false);
  });

  it("walks deep trees without recursion", () => {
    const deep = `${"<div>".repeat(20000)}<p>deep</p>${"</div>".repeat(20000)}`;
    expect(textBlocks(parseDocument(deep).body as DomElement).map((b) => b.text)).toEqual(["deep"]);
  });
});

describe("standfirst next to the headline", () => {
  const page = (between: string) =>
    `<html><head><title>Council approves new harbour bridge</title></head><body>
    <header><a href="/">Town Gazette</a></header>
    <div class="head"><span class="section">Local</span><h1>Council approves new harbour bridge</h1>
    <div class="intro"><p>${STANDFIRST}</p></div><div class="meta">By Jo Lee, 3 May 2023</div></div>
    ${between}
    <article class="story"><div class="text">${paragraphs(BODY)}</div></article></body></html>`;

  it("restores a standfirst Readability leaves out, before the body and without the headline", () => {
    const text = extractArticle(page("")).text;
    expect(text.startsWith(STANDFIRST)).toBe(true);
    expect(text).toContain(BODY[4]);
    expect(text).not.toContain("Council approves new harbour bridge");
    expect(text.split("\n")[0]).not.toBe("Local");
  });

  it("finds it below the headline when a list of related links separates header and body", () => {
    const links = `<ul>${Array.from(
      { length: 8 },
      (_, i) => `<li><a href="/a/${i}">Related story number ${i} about the town</a></li>`,
    ).join("")}</ul>`;
    expect(extractArticle(page(links)).text.startsWith(STANDFIRST)).toBe(true);
  });

  it("is only taken between a headline and the body", () => {
    const blocks = textBlocks(
      parseDocument(`<div><p>${STANDFIRST}</p>${paragraphs(BODY)}</div>`).body as DomElement,
    );
    // No headline above: the paragraph may be anything (a cookie notice, a site blurb).
    expect(articleHead(BODY, blocks, "Council approves new harbour bridge").leads).toEqual([]);
    const withTitle = textBlocks(
      parseDocument(`<div><h1>Council</h1><p>${STANDFIRST}</p>${paragraphs(BODY)}</div>`)
        .body as DomElement,
    );
    expect(articleHead(BODY, withTitle).leads).toEqual([STANDFIRST]);
    expect(withLead(BODY.join("\n\n"), withTitle)).toBe([STANDFIRST, ...BODY].join("\n\n"));
  });

  it("skips captions and link lists between headline and body", () => {
    const blocks = textBlocks(
      parseDocument(
        `<div><h1>Council</h1><p>The old bridge seen from the southern bank in winter. Photo: Jo Lee</p>
        <p><a href="/x">Read the whole series on the bridge and its history here in one place</a></p>
        ${paragraphs(BODY)}</div>`,
      ).body as DomElement,
    );
    expect(articleHead(BODY, blocks).leads).toEqual([]);
  });
});

describe("bodies the core detectors miss", () => {
  it("joins a body split into wrappers with different parents around an ad", () => {
    const html = `<html><head><title>Senator quits race</title></head><body><main>
      <div class="grid"><div class="col"><div class="story-text">${paragraphs(BODY.slice(0, 2))}</div></div>
      <aside class="col-side"><div class="ad-slot"></div></aside></div>
      <div class="grid"><div class="col"><div class="story-text">${paragraphs(BODY.slice(2))}
      <p>Political scientists said an open seat this late in the cycle was unusual and would draw outside money.</p>
      </div></div></div></main></body></html>`;
    const text = extractArticle(html).text;
    expect(text.startsWith(BODY[0] as string)).toBe(true);
    expect(text).toContain(BODY[4]);
  });

  it("does not join the same container class across posts of a listing", () => {
    const parts = (between: string) =>
      parseDocument(`<html><body><main>
      <div class="a"><div class="entry-content">${paragraphs(BODY.slice(0, 3))}</div></div>
      ${between}<div class="b"><div class="entry-content">${paragraphs(BODY.slice(3))}</div></div>
      </main></body></html>`);
    const split = findBodyContainer(parts('<div class="ad">Advertisement</div>'), 250);
    expect(split?.split).toBe(true);
    expect(split?.elements.length).toBe(2);
    const listing = findBodyContainer(parts("<h2>Second post title</h2>"), 250);
    expect(listing?.split).toBeFalsy();
    expect(listing?.elements.length).toBe(1);
  });

  it("prefers the marked container when Readability picked an unrelated block", () => {
    const body = BODY.join("\n\n");
    const bio = "I am Jess, a writer and editor living in Berlin, and I love long walks. ".repeat(
      8,
    );
    const container = { elements: [], microdata: false, length: body.length };
    expect(chooseDomText(bio, body, container)).toBe(body);
    // …but not when Readability's text is the container's plus more of the same story.
    expect(chooseDomText(`${body}\n\n${STANDFIRST}`, body, container)).toBe(
      `${body}\n\n${STANDFIRST}`,
    );
  });
});

describe("furniture by class name", () => {
  it("treats a furniture word as qualifying a content word", () => {
    expect(boilerplateName(el('<div class="article-caption-content">x</div>'))).toBe("qualified");
    expect(boilerplateName(el('<div class="related-content">x</div>'))).toBe("qualified");
    expect(boilerplateName(el('<div class="comments">x</div>'))).toBe("furniture");
    expect(boilerplateName(el('<div class="mh-author-box__bio">x</div>'))).toBe("furniture");
    expect(boilerplateName(el('<div class="entry-content">x</div>'))).toBeUndefined();
    expect(boilerplateName(el('<div class="entry-content share-on">x</div>'))).toBeUndefined();
    expect(boilerplateName(el('<div class="teaser">x</div>'))).toBe("weak");
    expect(boilerplateName(el('<div class="teaser-text">x</div>'))).toBeUndefined();
  });

  it("drops a qualified name without prose and keeps one that wraps the body", () => {
    const doc = parseDocument(
      `<div class="content-sidebar-wrap"><div class="article-caption-content">The old bridge in 1911. Photo: Town archive</div>
      ${paragraphs(BODY)}</div><div class="sidebar">${paragraphs(["Subscribe to our weekly newsletter about the town and its people, its shops and its history."])}</div>
      <div class="thread">${paragraphs(BODY.map((p) => `Reader comment: ${p}`).concat(BODY.map((p) => `Reply: ${p}`)))}</div>`,
    );
    cleanDocument(doc);
    const text = domToText(doc.body as DomElement);
    expect(text).toContain(BODY[0]);
    expect(text).not.toContain("Town archive");
    expect(text).not.toContain("newsletter");
  });

  it("keeps a teaser that is the standfirst and drops teaser lists", () => {
    const doc = parseDocument(
      `<html><head><title>Council approves new harbour bridge</title></head><body>
      <div class="head"><h1>Council approves new harbour bridge</h1>
      <div class="teaser"><p>${STANDFIRST}</p></div></div>
      <div class="story">${paragraphs(BODY)}</div>
      <div class="more"><div class="teaser"><p>Other story one: the mayor opens a new library in the old town hall this week.</p></div>
      <div class="teaser"><p>Other story two: the football club signs a young striker from the city's academy.</p></div></div>
      </body></html>`,
    );
    cleanDocument(doc);
    const text = domToText(doc.body as DomElement);
    expect(text).toContain(STANDFIRST);
    expect(text).not.toContain("Other story");
  });

  it("lets the headline's wrapper survive a furniture class", () => {
    const html = `<div class="article-breadcrumb"><a href="/">Home</a><h1>Council approves new harbour bridge</h1></div>${paragraphs(BODY)}`;
    const kept = parseDocument(html);
    cleanDocument(kept, undefined, "Council approves new harbour bridge");
    expect(kept.querySelector("h1")).not.toBeNull();
    const dropped = parseDocument(html);
    cleanDocument(dropped);
    expect(dropped.querySelector("h1")).toBeNull();
  });

  it("never treats syntax-highlighting classes in code as furniture", () => {
    const doc = parseDocument(
      `<pre><code>x = 1 <span class="hljs-comment"># keep this comment</span></code></pre>${paragraphs(BODY)}`,
    );
    cleanDocument(doc);
    expect(domToText(doc.body as DomElement)).toContain("# keep this comment");
  });
});

describe("inline text", () => {
  it("keeps a link wrapped in a span inside a sentence", () => {
    const p = el(
      '<p>Clear the snow as a workout in the fresh <span><a href="/air">air</a></span>.</p>',
    );
    expect(domToText(p, isLinkBlock)).toBe("Clear the snow as a workout in the fresh air.");
    const list = el('<div><span><a href="/a">Read also: another story</a></span></div>');
    expect(domToText(list, isLinkBlock)).toBe("");
  });

  it("drops ruby annotations", () => {
    expect(
      domToText(
        el("<p>子ども<ruby>虐待<rp>(</rp><rt>ぎゃくたい</rt><rp>)</rp></ruby>をなくす</p>"),
      ),
    ).toBe("子ども虐待をなくす");
  });
});

describe("captions and headline in the text", () => {
  it("recognises captions by their credit or figure number", () => {
    for (const line of [
      "Roman Prymula, photo: Archives du Gouvernement tchèque",
      "The mayor opens the new library on Monday. (Foto: dpa)",
      "Moderatorin Susanna Proskura führt durch die Versteigerung. Quelle: Lutz Roeßler",
      "Abbildung 4: klassische Schwachschicht.",
      "Judy Eddy/WENN.com",
      "Protestaktion vor dem Parlament in London (Archivbild)",
      "Photo Source: Markus Spiske from Pexels.",
    ]) {
      expect(isCaption(line), line).toBe(true);
    }
    for (const line of [
      BODY[0] as string,
      "Photo editors said the source of the leak was never found, and the paper apologised.",
      "Berlin/Potsdam",
    ]) {
      expect(isCaption(line), line).toBe(false);
    }
  });

  it("drops captions and a headline that follows a kicker or standfirst", () => {
    const text = cleanArticleText(
      [
        "Politics",
        "Council approves bridge",
        BODY[0],
        "The old bridge. Photo: Jo Lee",
        BODY[1],
      ].join("\n\n"),
      "Council approves bridge",
    );
    expect(text).toBe(["Politics", BODY[0], BODY[1]].join("\n\n"));
  });

  it("drops pull quotes that repeat a sentence of the body, not recurring subheadings", () => {
    const quote = "“We ran out of fuel and the electricity is cut off.”";
    const para = `“We ran out of fuel and the electricity is cut off,” the director said on Monday. ${BODY[0]}`;
    expect(cleanArticleText([BODY[1], quote, para].join("\n\n"))).toBe(
      [BODY[1], para].join("\n\n"),
    );
    const heading = "Parking and deliveries";
    const withHeading = [
      heading,
      `${heading} were the main worry of shop owners, the council said.`,
    ];
    expect(cleanArticleText(withHeading.join("\n\n"))).toBe(withHeading.join("\n\n"));
  });

  it("drops an interview byline among the first lines only when it has a colon", () => {
    expect(cleanArticleText(["حوار: آسيا العتروس", BODY[0]].join("\n\n"))).toBe(BODY[0]);
    const heading = "حوار مع وزير الخارجية حول الأزمة";
    expect(cleanArticleText([heading, BODY[0]].join("\n\n"))).toBe([heading, BODY[0]].join("\n\n"));
  });
});

describe("robustness of the added rules", () => {
  const piece = fc.oneof(
    fc.constantFrom(
      "<h1>Council approves bridge</h1>",
      "<div class='teaser'>",
      "<div class='story-text'>",
      "</div>",
      "<p>",
      "</p>",
      "<figure><figcaption>Photo: x</figcaption></figure>",
      "<a href='/x'>link</a>",
      "<br>",
      "“",
      "”",
      "\n",
    ),
    fc.constantFrom(...BODY, STANDFIRST),
    fc.string({ unit: "grapheme", maxLength: 40 }),
  );
  const soup = fc.array(piece, { maxLength: 40 }).map((a) => a.join(""));

  it("never throws, and only ever adds page text to the body or drops lines from it", () => {
    fc.assert(
      fc.property(soup, (html) => {
        const doc = parseDocument(html);
        const blocks = textBlocks(doc.body ?? doc);
        const body = blocks
          .slice(Math.floor(blocks.length / 2))
          .map((b) => b.text)
          .join("\n\n");
        const widened = withLead(body, blocks, "Council approves bridge");
        const pageLines = new Set(blocks.map((b) => b.text));
        for (const line of widened.split("\n")) {
          if (line.trim())
            expect(pageLines.has(line.trim()) || body.includes(line.trim())).toBe(true);
        }
        const cleaned = cleanArticleText(widened, "Council approves bridge");
        const squeezed = widened.replace(/\s+/g, " ");
        for (const line of cleaned.split("\n")) if (line) expect(squeezed).toContain(line);
      }),
      { numRuns: 300 },
    );
  });
});
