/**
 * DOM → plain text with block structure: paragraphs and headings become blank-line separated
 * blocks, list items, table rows and <br> become line breaks, inline elements never split a
 * word, and runs of whitespace collapse to one space. The walk is iterative so that absurdly
 * deep (malformed) trees cannot overflow the stack.
 */
import { type DomElement, type DomNode, ELEMENT_NODE, TEXT_NODE } from "./dom.js";

const LINE = 1;
const PARAGRAPH = 2;

/** Elements that end a paragraph before and after themselves. */
const PARAGRAPH_TAGS = new Set([
  "P",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "BLOCKQUOTE",
  "PRE",
  "UL",
  "OL",
  "DL",
  "TABLE",
  "FIGURE",
  "HR",
  "ADDRESS",
  "SECTION",
  "ARTICLE",
  "ASIDE",
  "HEADER",
  "FOOTER",
  "NAV",
  "MAIN",
  "FORM",
  "FIELDSET",
  "DETAILS",
  "CENTER",
]);

/** Elements that start a new line before and after themselves. */
const LINE_TAGS = new Set([
  "DIV",
  "LI",
  "DT",
  "DD",
  "TR",
  "FIGCAPTION",
  "CAPTION",
  "SUMMARY",
  "LEGEND",
  "OPTION",
  "TBODY",
  "THEAD",
  "TFOOT",
  "DIALOG",
  "MENU",
  "LABEL",
  "BODY",
  "HTML",
]);

/** Table cells: separated by a space so that adjacent cells never glue into one word. */
const CELL_TAGS = new Set(["TD", "TH"]);

/** Elements whose content is never visible text. */
export const SKIP_TAGS = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "HEAD",
  "TITLE",
  "META",
  "LINK",
  "SVG",
  "MATH",
  "CANVAS",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "VIDEO",
  "AUDIO",
  "SELECT",
  "TEXTAREA",
  "INPUT",
  "BUTTON",
  "PICTURE",
  "SOURCE",
  "IMG",
  "MAP",
  // ruby annotations (furigana readings) would interleave with the base text
  "RT",
  "RP",
]);

// HTML collapsible whitespace plus the no-break and other Unicode spaces, which we flatten too:
// downstream stages want plain spaces, and a no-break space never joins two words.
export const SPACE_RUN = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;
const SPACE_CHAR = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

export function tagOf(node: DomNode): string {
  // linkedom and jsdom both upper-case HTML tag names; foreign (SVG) names keep their case.
  return node.nodeName.toUpperCase();
}

class TextSink {
  private readonly parts: string[] = [];
  /** Separator owed before the next text: 0 none, 0.5 space, 1 line, 2 paragraph. */
  private owed = 0;
  private empty = true;

  space(): void {
    if (this.owed < 0.5) this.owed = 0.5;
  }

  brk(level: number): void {
    if (this.owed < level) this.owed = level;
  }

  /** A line break from <br>: a second one in a row makes a paragraph break. */
  lineBreak(): void {
    this.owed = this.owed >= LINE ? PARAGRAPH : LINE;
  }

  text(raw: string, preformatted: boolean): void {
    if (preformatted) {
      const lines = raw.replace(/\r\n?/g, "\n").split("\n");
      for (let i = 0; i < lines.length; i++) {
        if (i > 0) this.lineBreak();
        this.text(lines[i] ?? "", false);
      }
      return;
    }
    if (raw.length === 0) return;
    if (SPACE_CHAR.test(raw[0] ?? "")) this.space();
    const core = raw.replace(SPACE_RUN, " ").trim();
    if (core.length > 0) {
      if (!this.empty && this.owed > 0) {
        this.parts.push(this.owed >= PARAGRAPH ? "\n\n" : this.owed >= LINE ? "\n" : " ");
      }
      this.parts.push(core);
      this.empty = false;
      this.owed = 0;
    }
    if (SPACE_CHAR.test(raw[raw.length - 1] ?? "")) this.space();
  }

  toString(): string {
    return this.parts.join("");
  }
}

/** The break an element makes around itself: 0 none, 0.5 space, 1 line, 2 paragraph. */
export function separatorOf(tag: string): number {
  if (PARAGRAPH_TAGS.has(tag)) return PARAGRAPH;
  if (LINE_TAGS.has(tag)) return LINE;
  if (CELL_TAGS.has(tag)) return 0.5;
  return 0;
}

/**
 * The visible text of `root` with paragraphs separated by a blank line and lines by "\n".
 * `skip` lets the caller drop further elements (e.g. hidden ones) during the same walk.
 */
export function domToText(root: DomNode, skip?: (el: DomElement) => boolean): string {
  const sink = new TextSink();
  let pre = 0;
  let node: DomNode | null = root.firstChild;
  while (node !== null) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      sink.text(node.textContent ?? "", pre > 0);
    } else if (node.nodeType === ELEMENT_NODE) {
      const tag = tagOf(node);
      if (tag === "BR") {
        sink.lineBreak();
      } else if (!SKIP_TAGS.has(tag) && !(skip?.(node as DomElement) ?? false)) {
        const sep = separatorOf(tag);
        if (sep > 0) sink.brk(sep);
        if (tag === "PRE") pre++;
        if (node.firstChild !== null) descend = true;
        else closeElement(sink, tag);
        if (tag === "PRE" && !descend) pre--;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Climb until a next sibling exists, closing the elements we leave.
    while (node !== null && node !== root && node.nextSibling === null) {
      node = node.parentNode;
      if (node === null || node === root) {
        node = null;
        break;
      }
      const tag = tagOf(node);
      if (tag === "PRE") pre--;
      closeElement(sink, tag);
    }
    node = node === null || node === root ? null : node.nextSibling;
  }
  return sink.toString();
}

function closeElement(sink: TextSink, tag: string): void {
  const sep = separatorOf(tag);
  if (sep > 0) sink.brk(sep);
}

/** True when the element tree under `root` is nested deeper than `limit` (stops early). */
export function deeperThan(root: DomNode, limit: number): boolean {
  let depth = 0;
  let node: DomNode | null = root.firstChild;
  while (node !== null) {
    if (node.nodeType === ELEMENT_NODE && node.firstChild !== null) {
      if (++depth > limit) return true;
      node = node.firstChild;
      continue;
    }
    while (node !== null && node !== root && node.nextSibling === null) {
      node = node.parentNode;
      depth--;
    }
    node = node === null || node === root ? null : node.nextSibling;
  }
  return false;
}
