/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds: the links of their items, with the title and date each
 * item gives (hints for the article; the page itself is fetched and analysed).
 */
import { XMLParser } from "fast-xml-parser";

export interface FeedItem {
  url: string;
  title?: string;
  /** YYYY-MM-DD as the feed wrote it (not shifted to UTC). */
  date?: string;
}

const FEED_ROOT = /<(rss|feed|rdf:RDF)[\s>]/;

/** Whether a fetched document is a feed rather than a page. */
export function isFeed(text: string, contentType?: string): boolean {
  if (contentType && /(rss|atom)\+xml/i.test(contentType)) return true;
  const head = text.slice(0, 4096);
  const root = FEED_ROOT.exec(head);
  if (!root) return false;
  const html = head.search(/<html[\s>]/i);
  return html < 0 || html > root.index;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  // the document's own entity declarations are not expanded (no entity-expansion bombs)
  processEntities: false,
  htmlEntities: false,
  isArray: (name) => name === "item" || name === "entry" || name === "link",
});

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const RFC822 = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/;
const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})/;
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(x[0-9a-f]+|\d+));/gi;
const BASIC_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

/** The items of a feed, links resolved against `base`; [] for anything that is not a feed. */
export function parseFeed(xml: string, base: string): FeedItem[] {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml) as Record<string, unknown>;
  } catch {
    return [];
  }
  const rss = record(doc.rss);
  const rdf = record(doc["rdf:RDF"]);
  const atom = record(doc.feed);
  const items = rss
    ? list(record(first(rss.channel))?.item)
    : rdf
      ? list(rdf.item)
      : atom
        ? list(atom.entry)
        : [];
  const out: FeedItem[] = [];
  const seen = new Set<string>();
  for (const raw of items) {
    const item = record(raw);
    if (!item) continue;
    const link = atom ? atomLink(item.link) : (text(first(item.link)) ?? permalink(item.guid));
    const url = link ? resolveUrl(link, base) : undefined;
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const title = text(item.title);
    const date = feedDate(
      text(item.pubDate) ?? text(item["dc:date"]) ?? text(item.published) ?? text(item.updated),
    );
    out.push({ url, ...(title ? { title } : {}), ...(date ? { date } : {}) });
  }
  return out;
}

function atomLink(links: unknown): string | undefined {
  let fallback: string | undefined;
  for (const l of list(links)) {
    const link = record(l);
    const href = link ? text(link["@_href"]) : undefined;
    if (!href) continue;
    const rel = text(link?.["@_rel"]) ?? "alternate";
    if (rel === "alternate") return href;
    fallback ??= href;
  }
  return fallback;
}

function permalink(guid: unknown): string | undefined {
  const g = first(guid);
  const value = text(g);
  if (!value || !/^https?:\/\//i.test(value)) return undefined;
  const attr = record(g)?.["@_isPermaLink"];
  return attr === "false" ? undefined : value;
}

function feedDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = ISO.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const rfc = RFC822.exec(value);
  if (!rfc) return undefined;
  const month = MONTHS.indexOf((rfc[2] as string).toLowerCase()) + 1;
  if (month === 0) return undefined;
  return `${rfc[3]}-${String(month).padStart(2, "0")}-${(rfc[1] as string).padStart(2, "0")}`;
}

function resolveUrl(link: string, base: string): string | undefined {
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** An element's text: a string, a number, or the text node of an element with attributes. */
function text(value: unknown): string | undefined {
  const v = first(value);
  let s: string | undefined;
  if (typeof v === "string") s = v;
  else if (typeof v === "number") s = String(v);
  else {
    const inner = record(v)?.["#text"];
    if (typeof inner === "string" || typeof inner === "number") s = String(inner);
  }
  if (s === undefined) return undefined;
  // one pass, so "&amp;#65;" stays "&#65;"
  const decoded = s
    .replace(ENTITY, (m, name: string | undefined, code: string | undefined) => {
      if (name) return BASIC_ENTITIES[name] ?? m;
      const c = code as string;
      const n = c[0] === "x" || c[0] === "X" ? Number.parseInt(c.slice(1), 16) : Number(c);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    })
    .trim();
  return decoded === "" ? undefined : decoded;
}
