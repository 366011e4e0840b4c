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

/** An ANT article's text and its publication date (YYYY-MM-DD) where the record has one. */
export interface AntArticle {
  text: string;
  date: string | undefined;
}

/** The first `limit` ANT articles with a non-empty text, in file order. */
export async function readAntArticles(limit: number): Promise<AntArticle[]> {
  const out: AntArticle[] = [];
  const rl = createInterface({ input: createReadStream(ANT), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    if (out.length >= limit) break;
    const record = JSON.parse(line) as { text?: string; time?: string };
    const text = record.text ?? "";
    if (text.trim() === "") continue;
    out.push({ text, date: /^\d{4}-\d{2}-\d{2}/.exec(record.time ?? "")?.[0] });
  }
  rl.close();
  return out;
}
