/**
 * From a loaded input to the article the analysis works on: the main text of an HTML page,
 * page chrome peeled off either end (and listed, never dropped silently), the dateline found,
 * and the metadata gathered with the caller's hints as fallbacks.
 */
import type { Meta, Removed } from "../analysis.js";
import { InputError } from "../errors.js";
import { detectLanguage } from "../text/index.js";
import { stripBoilerplate } from "./boilerplate.js";
import { findDateline } from "./dateline.js";
import { parseDateHint } from "./dates.js";
import { extractArticle } from "./html.js";
import type { RawInput } from "./load.js";

export interface ArticleHints {
  /** The article's own address, when the caller knows it. */
  url?: string | undefined;
  /** Publication date (YYYY-MM-DD or an ISO date-time); used when the page gives none. */
  date?: string | undefined;
  title?: string | undefined;
}

export interface PreparedArticle {
  text: string;
  removed: Removed[];
  meta: Meta;
}

/** Longest body we analyse, in characters; a longer "article" is almost surely not one. */
export const MAX_TEXT_LENGTH = 2_000_000;

export function prepareArticle(raw: RawInput, hints: ArticleHints = {}): PreparedArticle {
  assertTextual(raw.content);
  const page = raw.kind === "html" ? extractArticle(raw.content, hints.url ?? raw.url) : undefined;
  const body = page ? page.text : raw.content;
  const { text, removed } = stripBoilerplate(body);
  if (text.trim() === "") {
    throw new InputError(
      "empty",
      page
        ? "no article text could be found in the page"
        : "the input has no text besides page chrome",
    );
  }
  if (text.length > MAX_TEXT_LENGTH) {
    throw new InputError(
      "too-large",
      `the article text has ${text.length} characters, over the ${MAX_TEXT_LENGTH} limit`,
    );
  }
  const pageMeta = page?.meta ?? {};
  const meta: Meta = { language: chooseLanguage(text, pageMeta.language) };
  const title = pageMeta.title ?? hints.title;
  if (title) meta.title = title;
  const url = pageMeta.url ?? hints.url ?? raw.url;
  if (url) meta.url = url;
  const published = pageMeta.published ?? parseDateHint(hints.date);
  if (published) meta.published = published;
  if (pageMeta.author) meta.author = pageMeta.author;
  if (pageMeta.siteName) meta.siteName = pageMeta.siteName;
  const dateline = findDateline(text);
  if (dateline) meta.dateline = dateline;
  return { text, removed, meta };
}

/**
 * Strings reach us without bytes too (the library API, JSONL lines); NULs or a high share of
 * control characters mean something binary was passed off as text.
 */
function assertTextual(content: string): void {
  let control = 0;
  const sample = Math.min(content.length, 65_536);
  for (let i = 0; i < sample; i++) {
    const c = content.charCodeAt(i);
    if (c === 0)
      throw new InputError(
        "binary",
        "the input looks binary (it contains NUL characters), not text",
      );
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (control > 8 && control / sample > 0.05) {
    throw new InputError("binary", "the input looks binary (many control characters), not text");
  }
}

/** What the text itself says wins; the page's declaration breaks a tie. */
function chooseLanguage(text: string, declared: string | undefined): string {
  const detected = detectLanguage(text);
  if (detected !== "und") return detected;
  return declared?.toLowerCase().split(/[-_]/)[0] || "und";
}
