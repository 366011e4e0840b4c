/**
 * Widens an extracted body with what the core detectors leave out. Readability keeps the
 * highest-scoring container and its close siblings, so a standfirst set in its own block
 * between the headline and the body ("intro", "teaser", "description", an <h2> lead) is lost
 * although every reader counts it as part of the article.
 */
import type { TextBlock } from "./blocks.js";
import { isCaption } from "./postprocess.js";

/** How far above the body a header of short blocks may reach … */
const NEAR_LOOKBACK = 12;
/** … and how far above it we look for the headline when related links come between. */
const MAX_LOOKBACK = 40;
/** A non-prose block longer than this ends the article header. */
const MAX_SKIPPED = 200;
/** Short blocks (byline, date, kicker, caption) allowed between headline and standfirst … */
const MAX_SKIPPED_BEFORE = 4;
/** … and between two standfirst paragraphs. */
const MAX_SKIPPED_AFTER = 1;
const MAX_LEADS = 3;
const SENTENCE_END_RE = /[.!?…:;"»”’)。！？؟]$/u;
const PUNCT_RE = /[\p{P}\p{S}\s]+/gu;

function comparable(s: string): string {
  return s.replace(PUNCT_RE, " ").trim().toLowerCase();
}

/** Prose that can stand as a standfirst: a sentence or more, mostly not links, not a caption. */
export function isProse(block: TextBlock): boolean {
  const n = block.text.length;
  if (n < 60 || block.inFigure || block.linkChars > n * 0.3 || isCaption(block.text)) return false;
  if (block.tag === "LI" || block.tag === "DT" || block.tag === "DD" || block.tag === "TD")
    return false;
  if (block.tag.length === 2 && block.tag[0] === "H" && n < 100) return false;
  return n >= 120 || SENTENCE_END_RE.test(block.text);
}

function isHeadline(block: TextBlock, titleKey: string): boolean {
  if (block.tag === "H1") return true;
  if (titleKey.length < 10) return false;
  const key = comparable(block.text);
  if (key === titleKey) return true;
  // A heading that carries the title with a kicker ("Covid-19: <title>").
  return block.tag.length === 2 && block.tag[0] === "H" && key.includes(titleKey);
}

export interface ArticleHead {
  /** Standfirst paragraphs, in page order. */
  leads: string[];
  /** Index of the body line the standfirst goes before. */
  at: number;
  /** Index of the headline among the blocks, -1 if not found. */
  headline: number;
}

/**
 * The article header around `lines` (the body): the headline (an <h1>, or a block with the
 * page title) above the body's first paragraph and the standfirst paragraphs that belong
 * between them but are missing from the body.
 */
export function articleHead(lines: string[], blocks: TextBlock[], title?: string): ArticleHead {
  const none: ArticleHead = { leads: [], at: 0, headline: -1 };
  // The first real paragraph of the body anchors the search (headings above it may be a
  // kicker or the title itself).
  let at = -1;
  let first = -1;
  for (let i = 0; i < lines.length && i < 8; i++) {
    const line = lines[i] ?? "";
    if (line.length < 80) continue;
    first = blocks.findIndex((b) => b.text === line);
    if (first >= 0) at = i;
    break;
  }
  if (first <= 0) return none;
  const inBody = new Set(lines);
  const titleKey = title ? comparable(title) : "";
  let headline = -1;
  for (let k = first - 1; k >= 0 && k >= first - MAX_LOOKBACK; k--) {
    const block = blocks[k];
    if (block && !inBody.has(block.text) && isHeadline(block, titleKey)) {
      headline = k;
      break;
    }
  }
  if (headline < 0) return none;
  const leads =
    first - headline <= NEAR_LOOKBACK
      ? (leadsAboveBody(blocks, first, headline, inBody) ??
        leadsBelowHeadline(blocks, first, headline, inBody))
      : leadsBelowHeadline(blocks, first, headline, inBody);
  return { leads, at, headline };
}

/**
 * Scans up from the body to the headline: every prose block on the way is standfirst, short
 * blocks (byline, date, tags) are skipped, anything else means we are not in the article
 * header.
 */
function leadsAboveBody(
  blocks: TextBlock[],
  first: number,
  headline: number,
  inBody: Set<string>,
): string[] | undefined {
  const leads: string[] = [];
  for (let k = first - 1; k > headline; k--) {
    const block = blocks[k];
    if (block === undefined || inBody.has(block.text)) continue;
    if (isProse(block)) {
      if (leads.length >= MAX_LEADS) return undefined;
      leads.unshift(block.text);
    } else if (block.text.length > MAX_SKIPPED) return undefined;
  }
  return leads;
}

/**
 * When related links or share bars separate header and body: the standfirst right below the
 * headline (a byline, date or kicker may come between; a second paragraph may follow).
 */
function leadsBelowHeadline(
  blocks: TextBlock[],
  first: number,
  headline: number,
  inBody: Set<string>,
): string[] {
  const leads: string[] = [];
  let skipped = 0;
  for (let k = headline + 1; k < first; k++) {
    const block = blocks[k];
    if (block === undefined || inBody.has(block.text)) continue;
    if (isProse(block)) {
      if (leads.length >= MAX_LEADS) return [];
      leads.push(block.text);
      skipped = 0;
    } else if (block.text.length > MAX_SKIPPED) break;
    else if (++skipped > (leads.length > 0 ? MAX_SKIPPED_AFTER : MAX_SKIPPED_BEFORE)) break;
  }
  return leads;
}

/**
 * `body` with its article header put right: the standfirst restored before the first
 * paragraph, and short lines that stand above the headline on the page (kicker, section
 * name, breadcrumb) dropped.
 */
export function withLead(body: string, blocks: TextBlock[], title?: string): string {
  const lines = body.split("\n").map((l) => l.trim());
  const { leads, at, headline } = articleHead(lines, blocks, title);
  if (headline < 0) return body;
  const before: string[] = [];
  for (const line of lines.slice(0, at)) {
    if (line.length > 0 && line.length < 80) {
      const k = blocks.findIndex((b) => b.text === line);
      if (k >= 0 && k < headline) continue;
    }
    before.push(line);
  }
  if (leads.length === 0 && before.length === at) return body;
  const after = lines.slice(at).join("\n");
  return [before.join("\n").trim(), ...leads, after].filter((p) => p.length > 0).join("\n\n");
}
