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
 * True when the element's class/id names page furniture (share bar, related links, comments,
 * ads …) and none of its names marks it as a content container.
 */
export function isBoilerplateName(el: DomElement): boolean {
  let furniture = false;
  for (const token of nameTokens(el)) {
    let hasFurniture = false;
    for (const part of token.split(PART_SPLIT_RE)) {
      if (CONTENT_WORDS.has(part)) return false;
      if (BOILERPLATE.has(part) || BOILERPLATE.has(token)) hasFurniture = true;
    }
    if (hasFurniture) furniture = true;
  }
  return furniture;
}

function isHidden(el: DomElement): boolean {
  if (el.hasAttribute("hidden")) return true;
  const style = el.getAttribute("style");
  return style !== null && HIDDEN_STYLE_RE.test(style);
}

function textLength(el: DomElement): number {
  return (el.textContent ?? "").length;
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

/**
 * Removes boilerplate from `doc` in place. `protect` marks elements that must survive with all
 * their ancestors (e.g. the element holding schema.org articleBody).
 */
export function cleanDocument(doc: DomDocument, protect?: DomElement | null): void {
  const root = doc.body ?? doc.documentElement;
  if (root === null) return;
  for (const el of Array.from(root.querySelectorAll(DROP_TAGS))) {
    if (!protect || !el.contains(protect)) el.remove();
  }
  const total = textLength(root);
  // A removable block may hold at most this much of the page's text.
  const limit = Math.max(400, total * 0.4);
  for (const el of Array.from(root.querySelectorAll("*"))) {
    if (el.parentNode === null) continue;
    const tag = el.tagName;
    if (tag === "BODY" || tag === "HTML" || tag === "MAIN" || tag === "ARTICLE") continue;
    const role = el.getAttribute("role");
    const suspicious =
      GUARDED_TAGS.has(tag) ||
      (role !== null && DROP_ROLES.has(role.toLowerCase())) ||
      isHidden(el) ||
      isBoilerplateName(el);
    if (!suspicious) continue;
    if (protect && el.contains(protect)) continue;
    if (textLength(el) > limit || hasProse(el)) continue;
    el.remove();
  }
}
