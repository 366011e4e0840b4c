/**
 * The unlabelled corpora that word statistics are built from: ANT news (one JSON article per
 * line, paragraphs separated by newlines in `text`) and the Arabic Wikipedia subset (gzipped, one
 * paragraph per line). Both live in ../shared and are read, never copied.
 */
import { createReadStream } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { ROOT } from "./ner-dev.js";

export const ANT = join(ROOT, "..", "shared", "data", "news", "ant_v1.1.jsonl");
export const WIKI = join(ROOT, "..", "shared", "data", "text", "arwiki_2017_subset.txt.gz");

async function readLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void) {
  const rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) onLine(line);
}

/** Calls `onParagraph` for every paragraph of ANT, then of the Wikipedia subset, in file order. */
export async function readParagraphs(onParagraph: (text: string) => void): Promise<void> {
  await readLines(createReadStream(ANT), (line) => {
    if (!line.trim()) return;
    const doc = JSON.parse(line) as { text?: unknown };
    if (typeof doc.text === "string") for (const p of doc.text.split("\n")) onParagraph(p);
  });
  await readLines(createReadStream(WIKI).pipe(createGunzip()), onParagraph);
}
