/**
 * Explicit article-body containers: schema.org microdata and the class names that CMSs give
 * the element holding the story text (WordPress entry-content, "article-body", "story__text" …).
 */

import { nameTokens } from "./clean.js";
import type { DomDocument, DomElement, DomNode } from "./dom.js";

const BODY_CLASS_RE =
  /^(?:[a-z0-9]+[-_]{1,2})?(?:article|story|entry|post|news|blog|item|single|main|td-post|c-article|detail|details)[-_]{0,2}(?:body|content|text|copy|inner|main|detail|details)(?:[-_]{1,2}(?:body|content|text|wrapper|wrap|inner|container|main))?$|^(?:field-name-body|field--name-body|rich-text|richtext|bodytext|body-text|postbody|articlebody|text-article)$/;

const EXCLUDE_RE = /related|teaser|list|comment|sidebar|footer|header|summary|preview|card|promo/;

export interface BodyContainer {
  /** The container, or several sibling containers that share its class (one per paragraph). */
  elements: DomElement[];
  /** Marked by schema.org microdata (itemprop=articleBody) rather than by a class name. */
  microdata: boolean;
  length: number;
}

function containerKind(el: DomElement): "microdata" | "class" | undefined {
  if ((el.getAttribute("itemprop") ?? "").toLowerCase() === "articlebody") return "microdata";
  for (const token of nameTokens(el)) {
    if (BODY_CLASS_RE.test(token) && !EXCLUDE_RE.test(token)) return "class";
  }
  return undefined;
}

/** The explicit body container with the most text, if any has at least `minChars`. */
export function findBodyContainer(doc: DomDocument, minChars: number): BodyContainer | undefined {
  const root = doc.body ?? doc.documentElement;
  if (!root) return undefined;
  const groups = new Map<DomNode | null, Map<string, BodyContainer>>();
  const all = root.querySelectorAll("*");
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    if (!el) continue;
    const kind = containerKind(el);
    if (kind === undefined) continue;
    // Siblings with the same class form one container (CMSs that mark every paragraph).
    const key = `${kind}\u0000${el.getAttribute("class") ?? ""}`;
    const parent = el.parentNode;
    let byParent = groups.get(parent);
    if (byParent === undefined) {
      byParent = new Map();
      groups.set(parent, byParent);
    }
    const length = (el.textContent ?? "").trim().length;
    const group = byParent.get(key);
    if (group) {
      group.elements.push(el);
      group.length += length;
    } else {
      byParent.set(key, { elements: [el], microdata: kind === "microdata", length });
    }
  }
  let best: BodyContainer | undefined;
  for (const byParent of groups.values()) {
    for (const group of byParent.values()) {
      if (group.length < minChars) continue;
      const first = group.elements[0];
      const nested =
        best !== undefined && first !== undefined && best.elements[0]?.contains(first) === true;
      // A nested container with (almost) the same text is the tighter choice.
      if (
        best === undefined ||
        group.length > best.length * 1.05 ||
        (nested && group.length >= best.length * 0.95)
      ) {
        best = group;
      }
    }
  }
  return best;
}

const LINK_LIST_TAGS = new Set([
  "UL",
  "OL",
  "DL",
  "DIV",
  "SECTION",
  "P",
  "TABLE",
  "TD",
  "LI",
  "SPAN",
]);

/**
 * A block that is mostly link text and not long: a related-links list, a tag cloud, a "read
 * also" line. Used to skip such blocks when taking a container's text without Readability.
 */
export function isLinkBlock(el: DomElement): boolean {
  if (!LINK_LIST_TAGS.has(el.tagName)) return false;
  const text = (el.textContent ?? "").trim();
  if (text.length === 0 || text.length > 600) return false;
  let linked = 0;
  const anchors = el.getElementsByTagName("a");
  for (let i = 0; i < anchors.length; i++) linked += (anchors[i]?.textContent ?? "").trim().length;
  return linked / text.length > 0.5;
}
