/**
 * Explicit article-body containers: schema.org microdata and the class names that CMSs give
 * the element holding the story text (WordPress entry-content, "article-body", "story__text" …).
 */

import { nameTokens } from "./clean.js";
import { type DomDocument, type DomElement, type DomNode, TEXT_NODE } from "./dom.js";
import { containment, shingles } from "./similarity.js";

const BODY_CLASS_RE =
  /^(?:[a-z0-9]+[-_]{1,2})?(?:article|story|entry|post|news|blog|item|single|main|td-post|c-article|detail|details)[-_]{0,2}(?:body|content|text|copy|inner|main|detail|details)(?:[-_]{1,2}(?:body|content|text|wrapper|wrap|inner|container|main))?$|^(?:field-name-body|field--name-body|rich-text|richtext|bodytext|body-text|postbody|articlebody|text-article)$/;

const EXCLUDE_RE = /related|teaser|list|comment|sidebar|footer|header|summary|preview|card|promo/;

/** Below this many characters a candidate body is treated as a failed extraction. */
const MIN_BODY = 200;

export interface BodyContainer {
  /** The container, or several sibling containers that share its class (one per paragraph). */
  elements: DomElement[];
  /** Marked by schema.org microdata (itemprop=articleBody) rather than by a class name. */
  microdata: boolean;
  /** One body split into wrappers with different parents (around ads and embeds). */
  split?: boolean;
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
  const scattered = new Map<string, BodyContainer>();
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
    // The same container class anywhere on the page: a body split around ads and embeds
    // into several wrappers with different parents.
    const split = scattered.get(key);
    if (split === undefined) {
      scattered.set(key, { elements: [el], microdata: kind === "microdata", length });
    } else {
      // Members never nest, so `el` can only lie inside the last one (document order).
      const last = split.elements[split.elements.length - 1];
      if (last === undefined || last.contains(el)) continue;
      if (closeTogether(last, el)) {
        split.elements.push(el);
        split.length += length;
      } else split.elements.length = 0; // a listing of several posts, not one split body
    }
  }
  const candidates: BodyContainer[] = [];
  for (const byParent of groups.values()) candidates.push(...byParent.values());
  for (const g of scattered.values())
    if (g.elements.length > 1) candidates.push({ ...g, split: true });
  let best: BodyContainer | undefined;
  for (const group of candidates) {
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
  if (!LINK_LIST_TAGS.has(el.tagName) || inRunningText(el)) return false;
  const text = (el.textContent ?? "").trim();
  if (text.length === 0 || text.length > 600) return false;
  let linked = 0;
  const anchors = el.getElementsByTagName("a");
  for (let i = 0; i < anchors.length; i++) linked += (anchors[i]?.textContent ?? "").trim().length;
  return linked / text.length > 0.5;
}

/** A link wrapped in a span or the like in the middle of a sentence ("… frischen <span><a>Luft</a></span>."). */
function inRunningText(el: DomElement): boolean {
  return hasText(el.previousSibling) || hasText(el.nextSibling);
}

function hasText(node: DomNode | null): boolean {
  return node !== null && node.nodeType === TEXT_NODE && (node.textContent ?? "").trim().length > 0;
}

/** Most text allowed between two parts of one split body (an ad label, a caption). */
const MAX_GAP_TEXT = 200;
/** …and most nodes (ad slots are deep but not that deep). */
const MAX_GAP_NODES = 2000;
const HEADING_RE = /^H[1-6]$/;

/**
 * True when little text and no heading lie between the end of `a` and the start of `b`
 * (document order): the parts of one article, not two posts of a listing.
 */
function closeTogether(a: DomElement, b: DomElement): boolean {
  let text = 0;
  let steps = 0;
  // Start after a's subtree, then walk the tree in document order until b.
  let node: DomNode | null = a;
  while (node !== null && node.nextSibling === null) node = node.parentNode;
  node = node?.nextSibling ?? null;
  while (node !== null && node !== b) {
    if (++steps > MAX_GAP_NODES) return false;
    if (node.nodeType === TEXT_NODE) {
      text += (node.textContent ?? "").trim().length;
      if (text > MAX_GAP_TEXT) return false;
    } else if (HEADING_RE.test(node.nodeName.toUpperCase())) return false;
    let next: DomNode | null = node.firstChild;
    if (next === null) {
      next = node;
      while (next !== null && next.nextSibling === null) next = next.parentNode;
      next = next?.nextSibling ?? null;
    }
    node = next;
  }
  return node === b;
}

/**
 * Readability's text or the explicit container's, whichever holds the body better (texts
 * shorter than MIN_BODY characters count as failed extractions).
 */
export function chooseDomText(
  readable: string,
  containerText: string,
  container: BodyContainer | undefined,
): string {
  const microdata = container?.microdata === true;
  if (containerText.length >= MIN_BODY) {
    if (readable.length < MIN_BODY) return containerText;
    const a = shingles(readable);
    const b = shingles(containerText);
    const readableInContainer = containment(a, b);
    // Readability kept only part of the marked body (it joins sibling blocks conservatively).
    if (readableInContainer >= 0.8 && b.size >= 1.5 * a.size) return containerText;
    // Readability took one part of a body split around ads.
    if (readableInContainer >= 0.8 && container?.split && b.size > a.size) return containerText;
    // Readability chose a different block (an author bio, a disclosure box) while the markup
    // says where the body is.
    if (readableInContainer < 0.3 && microdata) return containerText;
    if (readableInContainer < 0.5 && containment(b, a) < 0.3 && b.size * 2 >= a.size)
      return containerText;
  }
  return readable;
}
