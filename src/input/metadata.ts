/**
 * Page metadata: title, canonical URL, publication date, author, site name and language, from
 * Open Graph / Twitter / Dublin Core meta tags, schema.org JSON-LD and microdata, and plain
 * HTML (<title>, <h1>, <time>, <html lang>). Every value is validated; garbage is dropped,
 * nothing throws.
 */
import type { DomDocument, DomElement } from "./html/dom.js";
import { findArticleNode, type JsonLdNode, readJsonLd, stringOf, typesOf } from "./html/jsonld.js";

export interface PageMeta {
  title?: string;
  url?: string;
  published?: string;
  author?: string;
  siteName?: string;
  language?: string;
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {};
function addMonths(names: string): void {
  const list = names.split(",");
  for (let i = 0; i < list.length; i++) {
    for (const name of (list[i] ?? "").split("|")) if (name) MONTHS[name] = i + 1;
  }
}
// English, German, French, Spanish, Italian, Portuguese and Polish month names and common
// abbreviations, then Arabic: Egyptian/Gulf, Levantine and Maghrebi names.
addMonths(
  "january|jan|januar|jänner|janvier|enero|gennaio|janeiro|stycznia|styczeń,february|feb|februar|février|fevrier|febrero|febbraio|fevereiro|lutego|luty,march|mar|märz|maerz|mars|marzo|março|marco|marca|marzec,april|apr|avril|abril|aprile|kwietnia|kwiecień,may|mai|mayo|maggio|maio|maja|maj,june|jun|juni|juin|junio|giugno|junho|czerwca|czerwiec,july|jul|juli|juillet|julio|luglio|julho|lipca|lipiec,august|aug|août|aout|agosto|sierpnia|sierpień,september|sep|sept|septembre|septiembre|settembre|setembro|września|wrzesień,october|oct|oktober|okt|octobre|octubre|ottobre|outubro|października|październik,november|nov|novembre|noviembre|novembro|listopada|listopad,december|dec|dezember|dez|décembre|decembre|diciembre|dicembre|dezembro|grudnia|grudzień",
);
addMonths(
  "يناير|كانون الثاني|جانفي|ينائر,فبراير|شباط|فيفري|فبرائر,مارس|آذار|اذار,أبريل|ابريل|إبريل|نيسان|أفريل|افريل,مايو|أيار|ايار|ماي,يونيو|يونيه|حزيران|جوان,يوليو|يوليه|تموز|جويلية|يوليوز,أغسطس|اغسطس|آب|اب|أوت|اوت|غشت,سبتمبر|أيلول|ايلول|شتنبر,أكتوبر|اكتوبر|تشرين الأول|تشرين الاول|أكتوبر,نوفمبر|تشرين الثاني|نونبر,ديسمبر|كانون الأول|كانون الاول|دجنبر",
);
const MONTH_NAME_RE = new RegExp(
  `(?<!\\p{L})(${Object.keys(MONTHS)
    .sort((a, b) => b.length - a.length)
    .join("|")})(?!\\p{L})`,
  "iu",
);

/** Month names anywhere in a string (for stripping dates out of a line). */
export const MONTH_WORDS_RE = new RegExp(MONTH_NAME_RE.source, "giu");

const ISO_RE = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(?:$|T)/;
const DMY_RE = /(?<!\d)(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?!\d)/;
const EPOCH_RE = /^\d{10}(?:\d{3})?$/;
const YEAR_RE = /(?<!\d)(\d{4})(?!\d)/;
const DAY_RE = /(?<!\d)(\d{1,2})(?!\d)/g;
const CLOCK_RE = /\d{1,2}:\d{2}(?::\d{2})?/g;
const EASTERN_DIGITS_RE = /[\u0660-\u0669\u06f0-\u06f9]/g;

function validDate(y: number, m: number, d: number): string | undefined {
  const maxYear = new Date().getUTCFullYear() + 1;
  if (y < 1990 || y > maxYear || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * Normalises a date as found in pages to YYYY-MM-DD, or undefined if it is not a plausible
 * publication date. The calendar date is taken as written (the publisher's local date), not
 * shifted to UTC. Ambiguous numeric dates (3/4/2020) are rejected rather than guessed.
 */
export function normaliseDate(raw: string | null | undefined): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const value = raw
    .trim()
    .replace(EASTERN_DIGITS_RE, (c) => String(c.charCodeAt(0) & 0xf))
    .slice(0, 200);
  if (value.length === 0) return undefined;
  if (EPOCH_RE.test(value)) {
    const ms = Number(value) * (value.length === 10 ? 1000 : 1);
    const d = new Date(ms);
    return validDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  let m = ISO_RE.exec(value) ?? COMPACT_RE.exec(value);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DMY_RE.exec(value);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = Number(m[4]);
    if (m[2] === "." || m[2] === "-" || a > 12) return validDate(y, b, a);
    if (b > 12) return validDate(y, a, b);
    return a === b ? validDate(y, a, b) : undefined;
  }
  const month = MONTH_NAME_RE.exec(value);
  const year = YEAR_RE.exec(value);
  if (month && year) {
    const monthNo = MONTHS[(month[1] ?? "").toLowerCase()];
    // The day is the 1-2 digit number nearest to the month name (clock times blanked out).
    const rest = value.replace(CLOCK_RE, (t) => " ".repeat(t.length));
    let day = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const d of rest.matchAll(DAY_RE)) {
      const distance = Math.abs((d.index ?? 0) - month.index);
      if (distance < bestDistance) {
        bestDistance = distance;
        day = Number(d[1]);
      }
    }
    if (monthNo && day > 0) return validDate(Number(year[1]), monthNo, day);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Helpers

const SPACE_RE = /\s+/g;

function clean(s: string | null | undefined): string | undefined {
  if (s === null || s === undefined) return undefined;
  const t = s.replace(SPACE_RE, " ").trim();
  return t.length > 0 ? t : undefined;
}

/** meta tags by lower-cased property / name / itemprop / http-equiv, first value wins. */
function metaMap(doc: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  const metas = doc.getElementsByTagName("meta");
  for (let i = 0; i < metas.length; i++) {
    const el = metas[i];
    if (!el) continue;
    const content = el.getAttribute("content");
    if (content === null || content.trim().length === 0) continue;
    for (const attr of ["property", "name", "itemprop", "http-equiv"]) {
      const key = el.getAttribute(attr);
      if (key === null) continue;
      // A meta may carry several space-separated keys (RDFa).
      for (const k of key.toLowerCase().split(SPACE_RE)) {
        if (k.length > 0 && !map.has(k)) map.set(k, content);
      }
    }
  }
  return map;
}

function firstMeta(map: Map<string, string>, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = map.get(k);
    if (v !== undefined) return v;
  }
  return undefined;
}

export function resolveUrl(href: string | null | undefined, base?: string): string | undefined {
  const h = clean(href);
  if (h === undefined) return undefined;
  try {
    const u = base ? new URL(h, base) : new URL(h);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Title

const TITLE_SEPARATOR_RE = /\s+(?:[|–—·•»«~/\\-]{1,2}|::)\s+|\s*\|\s*/;
const SEPARATOR_CHARS_RE = /^[\s|–—·•»«~/\\:-]+|[\s|–—·•»«~/\\:-]+$/g;

/** Letters and digits only, lower-cased: "Rosa-Luxemburg-Stiftung" → "rosaluxemburgstiftung". */
function squash(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The distinctive label of a host name: "www.rosalux.de" → "rosalux". */
export function hostLabel(pageUrl?: string): string | undefined {
  if (!pageUrl) return undefined;
  try {
    const labels = new URL(pageUrl).hostname.split(".");
    const generic = new Set(["www", "m", "amp", "news", "com", "co", "org", "net", "gov", "ac"]);
    const useful = labels.slice(0, -1).filter((l) => !generic.has(l) && l.length >= 3);
    return useful.length > 0 ? squash(useful[useful.length - 1] ?? "") : undefined;
  } catch {
    return undefined;
  }
}

function isSiteName(part: string, siteName?: string, host?: string): boolean {
  const p = squash(part);
  if (p.length === 0) return false;
  const site = siteName ? squash(siteName) : "";
  if (site.length > 0 && (p === site || p.startsWith(site) || site.startsWith(p))) return true;
  return (
    host !== undefined &&
    host.length >= 4 &&
    (p.includes(host) || (p.length >= 4 && host.includes(p)))
  );
}

/**
 * Drops site-name parts from a title split on " | ", " - ", " – ", " :: " …: parts that name
 * the site (its og:site_name or its host name). With `aggressive` (for <title>), also drops a
 * short trailing part after the separator.
 */
export function stripSiteName(
  title: string,
  siteName?: string,
  host?: string,
  aggressive = false,
): string {
  const parts = title.split(TITLE_SEPARATOR_RE).filter((p) => p.trim().length > 0);
  if (parts.length < 2) return title;
  // Only the first and last parts can be a site name.
  let from = 0;
  let to = parts.length;
  while (to - from > 1 && isSiteName(parts[to - 1] ?? "", siteName, host)) to--;
  while (to - from > 1 && isSiteName(parts[from] ?? "", siteName, host)) from++;
  if (aggressive && from === 0 && to === parts.length) {
    // Without a known site name, a short part at either end (the end first) is the site.
    const last = parts[to - 1] ?? "";
    const first = parts[0] ?? "";
    if (wordCount(last) <= 4 && parts.slice(0, to - 1).join(" ").length >= 2 * last.length) to--;
    else if (wordCount(first) <= 3 && parts.slice(1).join(" ").length >= 2 * first.length) from++;
  }
  if (from === 0 && to === parts.length) return title;
  // Cut the original string so that separators inside the kept span survive.
  const start = from === 0 ? 0 : title.indexOf(parts[from] ?? "");
  const lastKept = parts[to - 1] ?? "";
  const end = title.lastIndexOf(lastKept) + lastKept.length;
  const kept = title.slice(Math.max(0, start), end).replace(SEPARATOR_CHARS_RE, "").trim();
  return kept.length > 0 ? kept : title;
}

function wordCount(s: string): number {
  const t = s.trim();
  return t.length === 0 ? 0 : t.split(SPACE_RE).length;
}

/** The page's headline element: an h1 inside the article (or marked as headline) first. */
function headlineElement(doc: DomDocument): string | undefined {
  const el =
    doc.querySelector("article h1") ??
    doc.querySelector('h1[itemprop="headline"], [itemprop="headline"] h1') ??
    doc.querySelector("main h1") ??
    doc.querySelector("h1");
  const t = clean(el?.textContent);
  return t !== undefined && t.length >= 4 && t.length <= 300 ? t : undefined;
}

function pageTitle(
  doc: DomDocument,
  metas: Map<string, string>,
  article: JsonLdNode | undefined,
  siteName: string | undefined,
  host: string | undefined,
): string | undefined {
  const declared =
    clean(
      firstMeta(metas, [
        "og:title",
        "twitter:title",
        "dc.title",
        "dcterms.title",
        "sailthru.title",
        "parsely-title",
      ]),
    ) ?? clean(stringOf(article?.headline ?? article?.name));
  const h1 = headlineElement(doc);
  if (declared !== undefined && declared.length >= 4) {
    const t = stripSiteName(declared, siteName, host);
    // The visible headline is the cleaner form when the declared title only decorates it
    // (a kicker before it, a site or section name after it).
    if (h1 !== undefined && h1 !== t && t.includes(h1) && h1.length >= 0.4 * t.length) return h1;
    return t;
  }
  const titleEl = clean(doc.querySelector("title")?.textContent);
  const fromTitle =
    titleEl !== undefined ? stripSiteName(titleEl, siteName, host, true) : undefined;
  // An <h1> is the visible headline unless it is just the site's name (a logo heading).
  if (
    h1 !== undefined &&
    !isSiteName(h1, siteName, host) &&
    (fromTitle === undefined || squash(h1) !== squash(siteName ?? ""))
  ) {
    return h1;
  }
  return fromTitle ?? h1;
}

// ---------------------------------------------------------------------------------------------
// Author

const BY_PREFIX_RE =
  /^(?:by|von|por|par|di|da|door|av|przez|بقلم|كتب|كتبت|إعداد|اعداد|تحرير)\s*[:：]?\s+/iu;
const JUNK_RE = /[@→←»«|©<>{}]|\bdesigned\b|\btheme/i;
const URLISH_RE = /^(?:https?:)?\/\/|^www\.|\.(?:com|org|net)\b|\/\w/i;

function cleanAuthor(raw: string | undefined): string | undefined {
  let a = clean(raw);
  if (a === undefined) return undefined;
  a = a.replace(BY_PREFIX_RE, "").trim();
  if (a.length < 2 || a.length > 120 || URLISH_RE.test(a) || JUNK_RE.test(a) || !/\p{L}/u.test(a)) {
    return undefined;
  }
  return a;
}

function authorNames(value: unknown, out: string[]): void {
  if (Array.isArray(value)) {
    for (const v of value) authorNames(v, out);
    return;
  }
  const name = cleanAuthor(stringOf(value));
  if (name !== undefined && !out.includes(name)) out.push(name);
}

function pageAuthor(
  doc: DomDocument,
  metas: Map<string, string>,
  article: JsonLdNode | undefined,
): string | undefined {
  const names: string[] = [];
  if (article) authorNames(article.author ?? article.creator, names);
  if (names.length > 0) return names.join(", ");
  for (const key of [
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "cxenseparse:author",
    "twitter:creator:name",
  ]) {
    const a = cleanAuthor(metas.get(key));
    if (a !== undefined) return a;
  }
  const el =
    doc.querySelector('[itemprop="author"] [itemprop="name"]') ??
    doc.querySelector('[itemprop="author"]') ??
    doc.querySelector('a[rel="author"]') ??
    doc.querySelector('[rel="author"]');
  if (el) return cleanAuthor(el.getAttribute("content") ?? el.textContent ?? undefined);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Date

const DATE_META_KEYS = [
  "article:published_time",
  "og:article:published_time",
  "article.published",
  "article:published",
  "datepublished",
  "og:published_time",
  "published_time",
  "publishdate",
  "publish-date",
  "publish_date",
  "pubdate",
  "publication_date",
  "parsely-pub-date",
  "sailthru.date",
  "dc.date.issued",
  "dcterms.issued",
  "dc.date",
  "dcterms.date",
  "dc.date.created",
  "dcterms.created",
  "citation_publication_date",
  "citation_date",
  "prism.publicationdate",
  "cxenseparse:recs:publishtime",
  "originalpublicationdate",
  "article_date_original",
  "date",
  "created",
];

function pageDate(
  doc: DomDocument,
  metas: Map<string, string>,
  article: JsonLdNode | undefined,
  nodes: JsonLdNode[],
): string | undefined {
  const fromLd = normaliseDate(stringOf(article?.datePublished ?? article?.dateCreated));
  if (fromLd) return fromLd;
  for (const key of DATE_META_KEYS) {
    const d = normaliseDate(metas.get(key));
    if (d) return d;
  }
  const itemprop = doc.querySelector('[itemprop="datePublished"]');
  if (itemprop) {
    const d = normaliseDate(
      itemprop.getAttribute("content") ?? itemprop.getAttribute("datetime") ?? itemprop.textContent,
    );
    if (d) return d;
  }
  for (const node of nodes) {
    const d = normaliseDate(stringOf(node.datePublished));
    if (d) return d;
  }
  const parsely = metas.get("parsely-page");
  if (parsely) {
    try {
      const d = normaliseDate(stringOf((JSON.parse(parsely) as JsonLdNode).pub_date));
      if (d) return d;
    } catch {
      // not JSON: ignore
    }
  }
  const times = doc.querySelectorAll("time[datetime], time[pubdate]");
  for (let i = 0; i < times.length && i < 5; i++) {
    const t = times[i];
    if (t && !inTeaser(t)) {
      const d = normaliseDate(t.getAttribute("datetime") ?? t.textContent);
      if (d) return d;
    }
  }
  return visibleDate(doc);
}

const DATE_CLASS_SELECTOR =
  '[class*="date" i], [class*="time" i], [class*="datum" i], [class*="fecha" i], [class*="publish" i], [class*="posted" i], [class*="byline" i], [class*="stamp" i], [id*="date" i], [class*="meta" i], [class*="tarikh" i], time';
const TEASER_RE =
  /teaser|related|sidebar|widget|comment|footer|swiper|slide|card|recommend|popular|nav|menu/i;

function inTeaser(el: DomElement): boolean {
  for (
    let p: DomElement | null = el, depth = 0;
    p !== null && depth < 8;
    p = p.parentElement, depth++
  ) {
    const tag = p.tagName;
    if (tag === "ASIDE" || tag === "NAV" || tag === "FOOTER" || tag === "LI") return true;
    const names = `${p.getAttribute("class") ?? ""} ${p.getAttribute("id") ?? ""}`;
    if (TEASER_RE.test(names)) return true;
  }
  return false;
}

/** Last resort: a short visible date in a date-like element outside teasers and sidebars. */
function visibleDate(doc: DomDocument): string | undefined {
  const candidates = (doc.body ?? doc.documentElement)?.querySelectorAll(DATE_CLASS_SELECTOR);
  if (!candidates) return undefined;
  let tried = 0;
  for (let i = 0; i < candidates.length && tried < 12; i++) {
    const el = candidates[i];
    const text = el?.textContent ?? "";
    if (!el || text.length < 6 || text.length > 120 || inTeaser(el)) continue;
    tried++;
    const d = normaliseDate(text);
    if (d) return d;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Language

const ISO639_2: Record<string, string> = {
  ara: "ar",
  eng: "en",
  fra: "fr",
  fre: "fr",
  deu: "de",
  ger: "de",
  spa: "es",
  ita: "it",
  por: "pt",
  rus: "ru",
  tur: "tr",
  fas: "fa",
  per: "fa",
  urd: "ur",
  heb: "he",
  zho: "zh",
  chi: "zh",
  jpn: "ja",
  pol: "pl",
  nld: "nl",
  dut: "nl",
};
const LANG_RE = /^\s*([a-z]{2,3})(?:$|[-_\s,;])/i;

export function languageCode(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const m = LANG_RE.exec(raw);
  if (!m) return undefined;
  const code = (m[1] ?? "").toLowerCase();
  if (code.length === 2) return code;
  return ISO639_2[code];
}

function pageLanguage(
  doc: DomDocument,
  metas: Map<string, string>,
  article: JsonLdNode | undefined,
): string | undefined {
  return (
    languageCode(doc.documentElement?.getAttribute("lang")) ??
    languageCode(doc.documentElement?.getAttribute("xml:lang")) ??
    languageCode(metas.get("content-language")) ??
    languageCode(metas.get("language")) ??
    languageCode(metas.get("dc.language")) ??
    languageCode(stringOf(article?.inLanguage)) ??
    languageCode(metas.get("og:locale"))
  );
}

// ---------------------------------------------------------------------------------------------

function siteNameOf(
  metas: Map<string, string>,
  nodes: JsonLdNode[],
  article: JsonLdNode | undefined,
): string | undefined {
  const og = clean(
    firstMeta(metas, [
      "og:site_name",
      "application-name",
      "al:android:app_name",
      "twitter:app:name:iphone",
    ]),
  );
  if (og) return og;
  const publisher = clean(stringOf(article?.publisher));
  if (publisher) return publisher;
  for (const node of nodes) {
    if (typesOf(node).some((t) => t === "WebSite" || t === "NewsMediaOrganization")) {
      const name = clean(stringOf(node.name));
      if (name) return name;
    }
  }
  return undefined;
}

function canonicalUrl(
  doc: DomDocument,
  metas: Map<string, string>,
  pageUrl?: string,
): string | undefined {
  const links = doc.querySelectorAll('link[rel~="canonical" i]');
  for (let i = 0; i < links.length; i++) {
    const u = resolveUrl((links[i] as DomElement | undefined)?.getAttribute("href"), pageUrl);
    if (u) return u;
  }
  return resolveUrl(metas.get("og:url"), pageUrl) ?? resolveUrl(pageUrl);
}

/**
 * Reads the metadata of a parsed page. Call it before any cleaning mutates the document.
 * `jsonld` may be passed when the caller has already read the page's JSON-LD.
 */
export function extractMetadata(
  doc: DomDocument,
  pageUrl?: string,
  jsonld?: JsonLdNode[],
): PageMeta {
  const nodes = jsonld ?? readJsonLd(doc);
  const article = findArticleNode(nodes);
  const metas = metaMap(doc);
  const meta: PageMeta = {};
  const siteName = siteNameOf(metas, nodes, article);
  const title = pageTitle(doc, metas, article, siteName, hostLabel(pageUrl));
  if (title) meta.title = title;
  const url = canonicalUrl(doc, metas, pageUrl);
  if (url) meta.url = url;
  const published = pageDate(doc, metas, article, nodes);
  if (published) meta.published = published;
  const author = pageAuthor(doc, metas, article);
  // A "byline" that is the site's own name says nothing about who wrote the article.
  if (author && !isSiteName(author, siteName, hostLabel(pageUrl))) meta.author = author;
  if (siteName) meta.siteName = siteName;
  const language = pageLanguage(doc, metas, article);
  if (language) meta.language = language;
  return meta;
}
