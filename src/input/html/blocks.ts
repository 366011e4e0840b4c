/**
 * The page as a sequence of text blocks (paragraphs, headings, list items, lines), in document
 * order, each with the features needed to judge it without the DOM: its innermost block tag,
 * how much of it is link text and whether it sits in a figure. Readability and the container
 * finder choose the core of the article; the blocks let us look around that core for what they
 * left out (a standfirst above it, a subheading or paragraph dropped inside it).
 */
import { type DomNode, ELEMENT_NODE, TEXT_NODE } from "./dom.js";
import { SKIP_TAGS, SPACE_RUN, separatorOf, tagOf } from "./dom-text.js";

export interface TextBlock {
  /** Visible text, whitespace collapsed, as domToText would print the line. */
  text: string;
  /** Innermost enclosing block-level tag (P, H2, LI, DIV …). */
  tag: string;
  /** Characters of the text inside links. */
  linkChars: number;
  /** Inside <figure> or a caption. */
  inFigure: boolean;
}

const FIGURE_TAGS = new Set(["FIGURE", "FIGCAPTION", "CAPTION"]);

class BlockSink {
  readonly blocks: TextBlock[] = [];
  private parts: string[] = [];
  private linkChars = 0;
  readonly tags: string[] = [];
  anchors = 0;
  figures = 0;

  add(raw: string): void {
    this.parts.push(raw);
    if (this.anchors > 0) this.linkChars += raw.replace(SPACE_RUN, " ").trim().length;
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const text = this.parts.join("").replace(SPACE_RUN, " ").trim();
    this.parts = [];
    if (text.length > 0) {
      this.blocks.push({
        text,
        tag: this.tags[this.tags.length - 1] ?? "BODY",
        linkChars: Math.min(this.linkChars, text.length),
        inFigure: this.figures > 0,
      });
    }
    this.linkChars = 0;
  }
}

function enter(sink: BlockSink, tag: string): void {
  if (tag === "A") sink.anchors++;
  if (FIGURE_TAGS.has(tag)) sink.figures++;
  const sep = separatorOf(tag);
  if (sep >= 1) {
    sink.flush();
    sink.tags.push(tag);
  } else if (sep > 0) sink.add(" ");
}

function leave(sink: BlockSink, tag: string): void {
  if (tag === "A") sink.anchors--;
  if (FIGURE_TAGS.has(tag)) sink.figures--;
  const sep = separatorOf(tag);
  if (sep >= 1) {
    sink.flush();
    sink.tags.pop();
  } else if (sep > 0) sink.add(" ");
}

/** The text blocks under `root`, in document order. Iterative, so deep trees are safe. */
export function textBlocks(root: DomNode): TextBlock[] {
  const sink = new BlockSink();
  let node: DomNode | null = root.firstChild;
  while (node !== null) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      sink.add(node.textContent ?? "");
    } else if (node.nodeType === ELEMENT_NODE) {
      const tag = tagOf(node);
      if (tag === "BR") sink.flush();
      else if (!SKIP_TAGS.has(tag)) {
        enter(sink, tag);
        if (node.firstChild !== null) descend = true;
        else leave(sink, tag);
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node !== null && node !== root && node.nextSibling === null) {
      node = node.parentNode;
      if (node === null || node === root) {
        node = null;
        break;
      }
      leave(sink, tagOf(node));
    }
    node = node === null || node === root ? null : node.nextSibling;
  }
  sink.flush();
  return sink.blocks;
}
