/**
 * HTML page → article body text and page metadata. The page is pre-cleaned (clean.ts), then
 * Readability's pick, the explicit body container (candidates.ts) and schema.org articleBody
 * (as a referee) compete; the winner gets its standfirst back from the page's text blocks
 * (expand.ts) and a line-level clean-up (postprocess.ts).
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { textBlocks } from "./html/blocks.js";
import { chooseDomText, findBodyContainer, isLinkBlock } from "./html/candidates.js";
import { cleanDocument } from "./html/clean.js";
import { type DomDocument, type DomElement, TEXT_NODE } from "./html/dom.js";
import { deeperThan, domToText } from "./html/dom-text.js";
import { withLead } from "./html/expand.js";
import { findArticleNode, type JsonLdNode, readJsonLd } from "./html/jsonld.js";
import { cleanArticleText } from "./html/postprocess.js";
import { containment, shingles } from "./html/similarity.js";
import { extractMetadata, type PageMeta } from "./metadata.js";

export interface ExtractedArticle {
  text: string;
  meta: PageMeta;
}

// The first <html> start tag that is not inside a comment (old pages wrap alternative <html>
// tags in IE conditional comments).
const HTML_OR_COMMENT_RE = /<!--[\s\S]*?(?:-->|$)|<html(?=[\s>/])/gi;
const BODY_TAG_RE = /<body[\s>/]/i;
const HEAD_END_RE = /<\/head\s*>/i;

function htmlTagIndex(html: string): number {
  HTML_OR_COMMENT_RE.lastIndex = 0;
  for (let m = HTML_OR_COMMENT_RE.exec(html); m !== null; m = HTML_OR_COMMENT_RE.exec(html)) {
    if (m[0].length === 5) return m.index;
    if (m[0].length === 0) HTML_OR_COMMENT_RE.lastIndex++;
  }
  return -1;
}

/**
 * Gives the markup the html/head/body skeleton linkedom needs: it takes the first element of
 * the input as the document element and leaves content outside <body> when that tag is
 * missing, so a page starting with junk, a bare <head> or a fragment would lose its text.
 */
export function normaliseMarkup(html: string): string {
  const at = htmlTagIndex(html);
  let doc = at >= 0 ? html.slice(at) : `<html>${html}`;
  if (!BODY_TAG_RE.test(doc)) {
    const headEnd = HEAD_END_RE.exec(doc);
    const cut = headEnd ? headEnd.index + headEnd[0].length : doc.indexOf(">") + 1;
    doc = `${doc.slice(0, cut)}<body>${doc.slice(cut)}`;
  }
  return doc;
}

export function parseDocument(html: string): DomDocument {
  return parseHTML(normaliseMarkup(html)).document as unknown as DomDocument;
}

/** Below this many characters the chosen text is treated as a failed extraction. */
const MIN_TEXT = 200;
/** JSON-LD articleBody is trusted as a referee only with at least this many 4-grams. */
const MIN_LD_SHINGLES = 50;
/** Element nesting beyond which Readability is not attempted (real pages stay far below). */
const MAX_DEPTH = 500;

/**
 * Extracts the article body text and the page metadata from an HTML page. Never throws: a page
 * that cannot be parsed yields empty text and whatever metadata was found.
 */
export function extractArticle(html: string, url?: string): ExtractedArticle {
  let doc: DomDocument;
  try {
    doc = parseDocument(html);
  } catch {
    return { text: "", meta: {} };
  }
  let jsonld: JsonLdNode[] = [];
  let meta: PageMeta = {};
  try {
    jsonld = readJsonLd(doc);
    meta = extractMetadata(doc, url, jsonld);
  } catch {
    // metadata is best effort
  }
  let text = "";
  try {
    text = articleText(doc, jsonld, meta.title);
    if (text.length < MIN_TEXT) {
      const dense = denseBlockText(parseDocument(html));
      if (dense.length > text.length) text = dense;
    }
  } catch {
    text = "";
  }
  return { text: cleanArticleText(text, meta.title, meta.author), meta };
}

function articleText(doc: DomDocument, jsonld: JsonLdNode[], title?: string): string {
  const ld = jsonLdBody(findArticleNode(jsonld)?.articleBody);
  const ldShingles = ld ? shingles(ld) : undefined;
  // The page's own text, before cleaning, to check that articleBody is really on the page.
  const pageShingles =
    ldShingles && ldShingles.size >= MIN_LD_SHINGLES
      ? shingles(domToText(doc.body ?? doc))
      : undefined;
  cleanDocument(doc, undefined, title);
  // The cleaned page as text blocks, before Readability rearranges the tree.
  const blocks = textBlocks(doc.body ?? doc);
  const container = findBodyContainer(doc, 250);
  const containerText = container
    ? container.elements.map((e) => domToText(e, isLinkBlock)).join("\n\n")
    : "";
  // Readability recurses over the tree: a pathologically deep page would overflow the stack
  // after a long time, so such pages go straight to the container or dense-block fallback.
  if (deeperThan(doc.body ?? doc, MAX_DEPTH)) {
    return containerText.length >= MIN_TEXT ? containerText : denseBlockText(doc);
  }
  const readable = readabilityText(doc);

  if (ldShingles && pageShingles) {
    const chosen = refereeWithJsonLd(ld, ldShingles, pageShingles, [readable, containerText]);
    if (chosen !== undefined) return chosen === ld ? ld : withLead(chosen, blocks, title);
  }
  return withLead(chooseDomText(readable, containerText, container), blocks, title);
}

function readabilityText(doc: DomDocument): string {
  try {
    // biome-ignore lint/suspicious/noExplicitAny: Readability is typed against the DOM lib.
    const reader = new Readability<DomElement>(doc as any, {
      serializer: (n) => n as unknown as DomElement,
    });
    const res = reader.parse();
    return res?.content ? domToText(res.content, isLinkBlock) : "";
  } catch {
    return "";
  }
}

/**
 * schema.org articleBody as a referee: the DOM candidate that best matches it wins; if none
 * covers most of it and it is visibly on the page, it is used itself.
 */
function refereeWithJsonLd(
  ld: string,
  ldShingles: Set<string>,
  pageShingles: Set<string>,
  candidates: string[],
): string | undefined {
  let best: string | undefined;
  let bestF1 = 0;
  let bestRecall = 0;
  let bestPrecision = 0;
  for (const text of candidates) {
    if (text.length === 0) continue;
    const c = shingles(text);
    const recall = containment(ldShingles, c);
    const precision = containment(c, ldShingles);
    const f1 = recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
    if (f1 > bestF1) {
      best = text;
      bestF1 = f1;
      bestRecall = recall;
      bestPrecision = precision;
    }
  }
  if (best !== undefined && bestRecall >= 0.6) return best;
  // articleBody agrees with the page when the page shows it, or when what the page shows of
  // the article (a paywalled lead) is part of it.
  const visible = containment(ldShingles, pageShingles) >= 0.8;
  const partial = best !== undefined && bestPrecision >= 0.7;
  return visible || partial ? ld : undefined;
}

const DENSE_TAGS = "article, main, section, div, td";

/**
 * Fallback when article detection finds (almost) nothing: the block whose own paragraphs and
 * text hold the most non-link text.
 */
function denseBlockText(doc: DomDocument): string {
  cleanDocument(doc);
  const root = doc.body ?? doc.documentElement;
  if (!root) return "";
  let best: DomElement = root;
  let bestScore = 0;
  const blocks = root.querySelectorAll(DENSE_TAGS);
  for (let i = 0; i < blocks.length; i++) {
    const el = blocks[i];
    if (!el) continue;
    let score = 0;
    for (let child = el.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) score += (child.textContent ?? "").trim().length;
      else if (
        child.nodeName === "P" ||
        child.nodeName === "BLOCKQUOTE" ||
        child.nodeName === "PRE"
      ) {
        if (!isLinkBlock(child as DomElement)) score += (child.textContent ?? "").trim().length;
      }
    }
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return domToText(best, isLinkBlock);
}

const MARKUP_RE = /<[a-z][^>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

/** schema.org articleBody as plain text (some sites put HTML or entities in it). */
export function jsonLdBody(value: unknown): string {
  if (typeof value !== "string" || value.length < 200) return "";
  let text = value;
  // Entity-escaped HTML ("&lt;p&gt;…") needs a second pass.
  for (let pass = 0; pass < 2 && MARKUP_RE.test(text); pass++) {
    const doc = parseDocument(`<html><body>${text}</body></html>`);
    text = doc.body ? domToText(doc.body) : "";
  }
  return text;
}
