/**
 * Pre-cleaning of a parsed page before article detection: drops elements that are never part
 * of an article body (scripts, forms, navigation, share bars, related links, comments, cookie
 * notices …) so that Readability's scoring sees fewer distractions. A guard keeps any element
 * that holds most of the page's text, so a wrapper whose class happens to say "sidebar" or
 * "comments" cannot take the article with it.
 */
import type { DomDocument, DomElement } from "./dom.js";

/** Tags removed outright: invisible, interactive or navigational. */
const DROP_TAGS =
  "script,style,noscript,template,svg,math,canvas,iframe,object,embed,video,audio,select,textarea,input,button,nav,dialog,link,meta";

/** Tags removed when they do not hold most of the page's text. */
const GUARDED_TAGS = new Set(["ASIDE", "FOOTER", "FORM", "FIGCAPTION"]);

const DROP_ROLES = new Set([
  "navigation",
  "banner",
  "contentinfo",
  "complementary",
  "search",
  "dialog",
  "alertdialog",
  "menu",
  "menubar",
  "toolbar",
  "tablist",
  "button",
]);

/**
 * Class/id words of boilerplate blocks, in English and the languages common on news sites
 * (German, Spanish, French, Italian, Polish, Portuguese). Matched as whole words of the
 * class/id string after splitting on separators and camelCase.
 */
const BOILERPLATE_WORDS = [
  // sharing and social
  "share",
  "shares",
  "sharing",
  "sharebar",
  "sharetools",
  "social",
  "socials",
  "sociallinks",
  "addthis",
  "shariff",
  "teilen",
  "compartir",
  "partage",
  "partager",
  "condividi",
  "udostepnij",
  // related / recommended / more
  "related",
  "relatedposts",
  "recommended",
  "recommendations",
  "recommendation",
  "mostread",
  "most-read",
  "popular",
  "trending",
  "morestories",
  "more-stories",
  "readmore",
  "read-more",
  "also-read",
  "verwandte",
  "empfehlungen",
  "empfehlung",
  "weiterlesen",
  "relacionadas",
  "relacionados",
  "relacionada",
  "correlati",
  "powiazane",
  "outbrain",
  "taboola",
  "zergnet",
  "teads",
  "plista",
  "teaser",
  "teasers",
  "side",
  "rail",
  // subscriptions and accounts
  "newsletter",
  "newsletters",
  "subscribe",
  "subscription",
  "signup",
  "sign-up",
  "login",
  "paywall",
  "registration",
  "abo",
  "abonnement",
  // comments
  "comments",
  "comment",
  "commentlist",
  "comment-list",
  "disqus",
  "kommentare",
  "comentarios",
  "commentaires",
  "komentarze",
  "respond",
  "replies",
  // ads
  "ad",
  "ads",
  "adv",
  "advert",
  "adverts",
  "advertisement",
  "advertising",
  "adsense",
  "adslot",
  "adunit",
  "dfp",
  "sponsor",
  "sponsored",
  "promo",
  "promotion",
  "werbung",
  "anzeige",
  "publicidad",
  "publicite",
  "reklama",
  "pub",
  // page furniture
  "cookie",
  "cookies",
  "consent",
  "gdpr",
  "breadcrumb",
  "breadcrumbs",
  "pagination",
  "pager",
  "sidebar",
  "widget",
  "widgets",
  "footer",
  "navbar",
  "navigation",
  "menu",
  "popup",
  "modal",
  "overlay",
  "toolbar",
  "skip-link",
  "skiplink",
  "rating",
  "tags",
  "tagcloud",
  "taglist",
  "keywords",
  "author-bio",
  "authorbio",
  "author-box",
  "authorbox",
  "about-author",
  "caption",
  "credit",
  "credits",
  "copyright",
];

const BOILERPLATE = new Set(BOILERPLATE_WORDS);
/** Several-part names ("author-box") found inside longer tokens ("mh-author-box"). */
const BOILERPLATE_PHRASES = BOILERPLATE_WORDS.filter((w) => w.includes("-"));

const ALNUM_RE = /[a-z0-9]/;

function hasPhrase(token: string, phrase: string): boolean {
  const at = token.indexOf(phrase);
  if (at < 0) return false;
  const end = at + phrase.length;
  return (at === 0 || !ALNUM_RE.test(token[at - 1] ?? "")) && !ALNUM_RE.test(token[end] ?? "-");
}

/** Words that mark a class/id token as a content container even when it also names furniture. */
const CONTENT_WORDS = new Set([
  "content",
  "article",
  "body",
  "entry",
  "post",
  "story",
  "text",
  "main",
]);

/**
 * Furniture words that may also name the article's own parts: "teaser" is a list of other
 * stories on one site and the standfirst ("teaser-text", a lone "teaser" paragraph) on another.
 */
const WEAK_WORDS = new Set(["teaser", "teasers", "side", "rail", "pub", "abo"]);

const CAMEL_RE = /([a-z0-9])([A-Z])/g;
const PART_SPLIT_RE = /[^a-z0-9]+/;
const HIDDEN_STYLE_RE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** The class and id of an element as lower-case tokens, camelCase split with dashes. */
export function nameTokens(el: DomElement): string[] {
  const cls = el.getAttribute("class") ?? "";
  const id = el.getAttribute("id") ?? "";
  if (cls.length === 0 && id.length === 0) return [];
  return `${cls} ${id}`
    .replace(CAMEL_RE, "$1-$2")
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

/**
 * How the element's class/id names it: "furniture" (share bar, related links, comments, ads …),
 * "qualified" (a furniture word qualifying a content word: "article-caption", "related-content",
 * "content-sidebar-wrap" — usually furniture, sometimes a wrapper of the body), "weak" (a word
 * like "teaser" that names both teaser lists and the article's own intro), or undefined when
 * no name marks it as furniture or one marks it as a content container.
 */
export function boilerplateName(el: DomElement): "furniture" | "qualified" | "weak" | undefined {
  let kind: "furniture" | "qualified" | "weak" | undefined;
  for (const token of nameTokens(el)) {
    let hasFurniture =
      (BOILERPLATE.has(token) && !WEAK_WORDS.has(token)) ||
      BOILERPLATE_PHRASES.some((phrase) => hasPhrase(token, phrase));
    let hasWeak = false;
    let hasContent = false;
    for (const part of token.split(PART_SPLIT_RE)) {
      if (CONTENT_WORDS.has(part)) hasContent = true;
      else if (WEAK_WORDS.has(part)) hasWeak = true;
      else if (BOILERPLATE.has(part)) hasFurniture = true;
    }
    if (hasFurniture && !hasContent) kind = "furniture";
    else if (hasFurniture) kind = kind === "furniture" ? kind : "qualified";
    else if (hasContent) return undefined;
    else if (hasWeak && kind === undefined) kind = "weak";
  }
  return kind;
}

/** True when the element's class/id names page furniture and no name marks it as content. */
export function isBoilerplateName(el: DomElement): boolean {
  return boilerplateName(el) !== undefined;
}

/** Share of the element's text inside links. */
export function linkDensity(el: DomElement): number {
  const text = (el.textContent ?? "").trim().length;
  if (text === 0) return 0;
  let linked = 0;
  const anchors = el.getElementsByTagName("a");
  for (let i = 0; i < anchors.length; i++) linked += (anchors[i]?.textContent ?? "").trim().length;
  return linked / text;
}

/**
 * A "teaser" that is one block of prose without links is the article's standfirst; teaser lists
 * and cards are lists, links, or repeated siblings of the same class (`repeated` remembers the
 * siblings of a card already removed).
 */
function isStandfirst(el: DomElement, repeated: Set<DomElement>): boolean {
  if (repeated.has(el)) return false;
  const weak = nameTokens(el).filter((t) => t.split(PART_SPLIT_RE).some((p) => WEAK_WORDS.has(p)));
  const siblings = el.parentElement?.children;
  let cards = false;
  for (let i = 0; siblings && i < siblings.length; i++) {
    const sib = siblings[i];
    if (sib && sib !== el && nameTokens(sib).some((t) => weak.includes(t))) {
      repeated.add(sib);
      cards = true;
    }
  }
  if (cards) return false;
  if (el.tagName === "UL" || el.tagName === "OL" || el.getElementsByTagName("li").length > 0)
    return false;
  return textLength(el) >= 80 && linkDensity(el) < 0.1;
}

function isHidden(el: DomElement): boolean {
  if (el.hasAttribute("hidden")) return true;
  const style = el.getAttribute("style");
  return style !== null && HIDDEN_STYLE_RE.test(style);
}

function textLength(el: DomElement): number {
  return (el.textContent ?? "").length;
}

/** One paragraph of real prose: enough to doubt a furniture word qualifying a content word. */
function hasParagraph(el: DomElement): boolean {
  const paragraphs = el.getElementsByTagName("p");
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (p && (p.textContent ?? "").length >= 100 && linkDensity(p) < 0.3) return true;
  }
  return false;
}

/** Prose guard: two or more substantial paragraphs mean article text, not furniture. */
function hasProse(el: DomElement): boolean {
  let long = 0;
  const paragraphs = el.getElementsByTagName("p");
  for (let i = 0; i < paragraphs.length; i++) {
    if ((paragraphs[i]?.textContent ?? "").length >= 150 && ++long >= 2) return true;
  }
  return false;
}

const NON_WORD_RE = /[\p{P}\p{S}\s]+/gu;
const wordsOnly = (s: string): string => s.replace(NON_WORD_RE, " ").trim().toLowerCase();

/** The <h1> that shows the page title, if any. */
function findHeadline(root: DomElement, title: string): DomElement | undefined {
  const key = wordsOnly(title);
  if (key.length === 0) return undefined;
  const h1s = root.getElementsByTagName("h1");
  for (let i = 0; i < h1s.length; i++) {
    const h1 = h1s[i];
    const text = wordsOnly(h1?.textContent ?? "");
    // The <h1> may add a kicker or drop the title's site name, but a short logo <h1> ("News")
    // inside a long title is not the headline.
    if (
      h1 &&
      text.length > 0 &&
      (text.includes(key) || (key.includes(text) && text.length * 2 >= key.length))
    )
      return h1;
  }
  return undefined;
}

/**
 * Removes boilerplate from `doc` in place. `protect` marks elements that must survive with all
 * their ancestors (e.g. the element holding schema.org articleBody); `title` lets the headline
 * and its wrappers survive their class names.
 */
export function cleanDocument(doc: DomDocument, protect?: DomElement | null, title?: string): void {
  const root = doc.body ?? doc.documentElement;
  if (root === null) return;
  const headline = title ? findHeadline(root, title) : undefined;
  const repeated = new Set<DomElement>();
  for (const el of Array.from(root.querySelectorAll(DROP_TAGS))) {
    if (!protect || !el.contains(protect)) el.remove();
  }
  const total = textLength(root);
  // A removable block may hold at most this much of the page's text.
  const limit = Math.max(400, total * 0.4);
  // Syntax highlighters mark code with "comment", "tag" … classes: never furniture.
  // (A descendant selector would climb every ancestor of every element on deep pages.)
  const inCode = new Set<DomElement>();
  for (const code of Array.from(root.querySelectorAll("pre, code"))) {
    for (const el of Array.from(code.querySelectorAll("*"))) inCode.add(el);
  }
  for (const el of Array.from(root.querySelectorAll("*"))) {
    if (el.parentNode === null) continue;
    const tag = el.tagName;
    if (tag === "BODY" || tag === "HTML" || tag === "MAIN" || tag === "ARTICLE") continue;
    if (inCode.has(el)) continue;
    const role = el.getAttribute("role");
    const name = boilerplateName(el);
    const byName =
      name === "furniture" ||
      (name === "qualified" && !hasParagraph(el)) ||
      (name === "weak" && !isStandfirst(el, repeated));
    const byKind =
      GUARDED_TAGS.has(tag) ||
      (role !== null && DROP_ROLES.has(role.toLowerCase())) ||
      isHidden(el);
    if (!byKind && !byName) continue;
    // A class name alone does not remove the headline or its wrapper ("article-teaser-
    // breadcrumb"): the standfirst is found next to it.
    if (!byKind && headline && (el.contains(headline) || headline.contains(el))) continue;
    if (protect && el.contains(protect)) continue;
    if (textLength(el) > limit || hasProse(el)) continue;
    el.remove();
  }
}
