/**
 * Builds data/lexicon/ar-lexicon.bin, the word-frequency lexicon behind the clitic segmenter.
 *
 * Sources (read from ../shared, never copied into the repository):
 *  - ../shared/data/news/ant_v1.1.jsonl, field "text" (ANT corpus v1.1, Apache-2.0);
 *  - ../shared/data/text/arwiki_2017_subset.txt.gz (Arabic Wikipedia 2017, CC BY-SA 4.0).
 * Words are Arabic tokens from our tokenizer, keyed by normalizeArabic. For each key we keep its
 * count and the share of occurrences whose first letter was written with a hamza/madda alef
 * (أ إ آ): the segmenter uses it to tell the article ال from a hamza-less ألـ/إلـ (المانيا) and
 * و+احد from واحد. Keys seen fewer than MIN_COUNT times are pruned to keep the file compact.
 *
 * Output format: see src/text/lexicon.ts (sorted records, one byte per letter, searched in place).
 * `--tsv FILE` also writes a readable gzipped TSV (key, count, hamza%) for inspection.
 * Run: npx tsx scripts/build-lexicon.ts [--min N] [--tsv FILE]
 */
import { createReadStream, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createGunzip, gzipSync } from "node:zlib";
import { LEXICON_FILE } from "../src/text/lexicon.js";
import { tokenize } from "../src/text/tokenize.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ANT = join(root, "../shared/data/news/ant_v1.1.jsonl");
const WIKI = join(root, "../shared/data/text/arwiki_2017_subset.txt.gz");
const OUT = join(root, "data/lexicon", LEXICON_FILE);

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const MIN_COUNT = Number(arg("--min") ?? 2);
const TSV = arg("--tsv");

const counts = new Map<string, number>();
const hamza = new Map<string, number>();
let total = 0;

function addText(text: string): void {
  for (const t of tokenize(text)) {
    if (t.kind !== "word" || t.norm === undefined) continue;
    const key = t.norm;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    total++;
    const c = t.text.charCodeAt(0);
    if (c === 0x0623 || c === 0x0625 || c === 0x0622) hamza.set(key, (hamza.get(key) ?? 0) + 1);
  }
}

async function readLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void) {
  const rl = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) onLine(line);
}

async function main(): Promise<void> {
  const t0 = Date.now();
  await readLines(createReadStream(ANT), (line) => {
    if (!line.trim()) return;
    const doc = JSON.parse(line) as { text?: unknown };
    if (typeof doc.text === "string") addText(doc.text);
  });
  const antTokens = total;
  await readLines(createReadStream(WIKI).pipe(createGunzip()), addText);
  const kept = [...counts.keys()].filter((k) => (counts.get(k) ?? 0) >= MIN_COUNT);
  // The alphabet: every letter of the kept keys, in code-point order (at most 127 letters).
  const letters = new Map<string, number>();
  for (const k of kept) for (const ch of k) letters.set(ch, (letters.get(ch) ?? 0) + 1);
  const alphabet = [...letters.keys()]
    .sort((a, b) => (letters.get(b) ?? 0) - (letters.get(a) ?? 0))
    .slice(0, 127)
    .sort();
  const index = new Map(alphabet.map((ch, i) => [ch, i]));
  const keys = kept.filter((k) => [...k].every((ch) => index.has(ch))).sort();
  const header = [
    "#marsad-lexicon 1",
    alphabet.join(""),
    `tokens=${total}`,
    `ant=${antTokens}`,
    `wiki=${total - antTokens}`,
    `types=${counts.size}`,
    `words=${keys.length}`,
    `min=${MIN_COUNT}`,
    "sources: ANT corpus v1.1 (Apache-2.0); Arabic Wikipedia 2017 subset, Saad & Alijla 2017 (CC BY-SA 4.0)",
  ].join("\t");
  const chunks: Buffer[] = [Buffer.from(`${header}\n`, "utf8")];
  const tsv: string[] = [];
  for (const k of keys) {
    const n = counts.get(k) ?? 0;
    const h = Math.round((100 * (hamza.get(k) ?? 0)) / n);
    const key = Buffer.from([...k].map((ch) => 0x80 + (index.get(ch) ?? 0)));
    chunks.push(key, Buffer.from(h > 0 ? `${n} ${h}\n` : `${n}\n`, "ascii"));
    if (TSV) tsv.push(h > 0 ? `${k}\t${n}\t${h}` : `${k}\t${n}`);
  }
  const bin = Buffer.concat(chunks);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, bin);
  if (TSV) writeFileSync(TSV, gzipSync(`${tsv.join("\n")}\n`));
  console.log(
    `${total} tokens (${antTokens} ANT), ${counts.size} types, kept ${keys.length} (min ${MIN_COUNT}), ${bin.length} bytes, ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}

await main();
