/**
 * schema.org JSON-LD blocks of a page, parsed leniently and flattened: top-level arrays,
 * `@graph` lists and `mainEntity`/`mainEntityOfPage` objects all become plain nodes.
 */
import type { DomDocument } from "./dom.js";

export type JsonLdNode = Record<string, unknown>;

// biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters are what breaks JSON.parse
const CONTROL_CHARS_RE = /[\u0000-\u001f]+/g;
const CDATA_RE = /^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/g;
const ARTICLE_TYPE_RE = /(?:Article|Posting|Report|NewsArticle)$/;

function parseLenient(raw: string): unknown {
  const src = raw.replace(CDATA_RE, "").trim();
  if (src.length === 0) return undefined;
  try {
    return JSON.parse(src);
  } catch {
    // Raw newlines and tabs inside strings are the most common breakage.
    try {
      return JSON.parse(src.replace(CONTROL_CHARS_RE, " "));
    } catch {
      return undefined;
    }
  }
}

function isObject(v: unknown): v is JsonLdNode {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function collect(value: unknown, out: JsonLdNode[], depth: number): void {
  if (depth > 6) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, out, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  out.push(value);
  for (const key of ["@graph", "mainEntity", "mainEntityOfPage", "itemListElement"]) {
    const child = value[key];
    if (Array.isArray(child) || isObject(child)) collect(child, out, depth + 1);
  }
}

/** All JSON-LD nodes of the page, in document order. Never throws. */
export function readJsonLd(doc: DomDocument): JsonLdNode[] {
  const out: JsonLdNode[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  for (let i = 0; i < scripts.length; i++) {
    collect(parseLenient(scripts[i]?.textContent ?? ""), out, 0);
  }
  return out;
}

export function typesOf(node: JsonLdNode): string[] {
  const t = node["@type"];
  if (typeof t === "string") return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === "string");
  return [];
}

/** The node that describes the article itself: an *Article / *Posting type, richest first. */
export function findArticleNode(nodes: JsonLdNode[]): JsonLdNode | undefined {
  let best: JsonLdNode | undefined;
  let bestScore = 0;
  for (const node of nodes) {
    if (!typesOf(node).some((t) => ARTICLE_TYPE_RE.test(t))) continue;
    const score =
      1 +
      (typeof node.articleBody === "string" ? 2 : 0) +
      (node.headline !== undefined ? 1 : 0) +
      (node.datePublished !== undefined ? 1 : 0);
    if (score > bestScore) {
      best = node;
      bestScore = score;
    }
  }
  return best;
}

/** A string value, or the `name` / `@value` / first element of a structured one. */
export function stringOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.length > 0 ? stringOf(value[0]) : undefined;
  if (isObject(value)) return stringOf(value.name ?? value["@value"]);
  return undefined;
}
