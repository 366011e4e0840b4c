/**
 * Materialises an Arabic news development set (dev/news; dev/news2 or dev/times3 with --set) for
 * scoring. The repository keeps only the annotations; the article texts come from the ANT corpus
 * in ../shared, which is never copied into the repo. For every dev/<set>/*.gold.json this writes
 * DIR/<id>.txt (the article's `text`, byte for byte) and a copy of the gold file beside it, after
 * checking that the text is the one that was annotated (sha256), that every alias, quote, cue,
 * unnamed-speaker phrase and time string is found in it, and that every `occurrence` is valid
 * (a positive integer, given whenever the string occurs more than once).
 *
 *   npx tsx scripts/devset.ts [--set news|news2|times3] [--out DIR] [--split SPLIT|all] [--corpus FILE]
 *
 * Defaults: --set news, --out .bench/devset (.bench/devset-<set> for the others), --split all,
 * --corpus ../shared/data/news/ant_v1.1.jsonl. Splits: tune|test for news, tune|check for the
 * others.
 * Exits 1 when a gold file does not fit its text, 2 when the corpus or an article is missing.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

interface GoldFile {
  document: {
    id: string;
    file: string;
    published: string;
    split?: string;
    source: { corpus: string; docno: string; sha256?: string };
  };
  entities: { key: string; aliases: string[] }[];
  quotes: { speaker: string; cue: string | null; content: string; occurrence?: number }[];
  times: { text: string; occurrence?: number }[];
}

const ROOT = resolve(import.meta.dirname, "..");

/** The annotated sets: where their gold files live, where they go by default, their splits. */
const SETS: Record<string, { dir: string; out: string; splits: string[] }> = {
  news: { dir: "news", out: ".bench/devset", splits: ["tune", "test"] },
  news2: { dir: "news2", out: ".bench/devset-news2", splits: ["tune", "check"] },
  times3: { dir: "times3", out: ".bench/devset-times3", splits: ["tune", "check"] },
};

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const setName = opt("--set", "news");
const set = SETS[setName];
if (!set) fail(2, `--set must be ${Object.keys(SETS).join(" or ")}`);
const GOLD_DIR = join(ROOT, "dev", set.dir);
const out = resolve(opt("--out", set.out));
const split = opt("--split", "all");
const corpus = resolve(
  opt("--corpus", join(ROOT, "..", "shared", "data", "news", "ant_v1.1.jsonl")),
);
if (![...set.splits, "all"].includes(split)) {
  fail(2, `--split must be ${set.splits.join(", ")} or all for --set ${setName}`);
}

function fail(code: number, message: string): never {
  console.error(message);
  process.exit(code);
}

/** Start of the n-th (1-based) occurrence of `needle`, or -1: the scorer's `locate`. */
function nthIndex(hay: string, needle: string, n: number): number {
  let at = -1;
  for (let k = 0; k < n; k++) {
    at = hay.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/** How often `needle` occurs in `hay` (overlapping occurrences counted, as nthIndex steps). */
function countOf(hay: string, needle: string): number {
  let n = 0;
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) n++;
  return n;
}

/** A missing or bad `occurrence` for a string that has to be located in the text. */
function occurrenceProblem(text: string, needle: string, occurrence: unknown): string | null {
  if (occurrence === undefined) {
    const n = countOf(text, needle);
    return n > 1 ? `occurs ${n} times but has no occurrence` : null;
  }
  return Number.isInteger(occurrence) && (occurrence as number) >= 1
    ? null
    : `occurrence is not a positive integer`;
}

/** Problems that would make the scorer misplace or reject an annotation. */
function checkGold(gold: GoldFile, text: string): string[] {
  const problems: string[] = [];
  for (const e of gold.entities) {
    for (const alias of e.aliases) {
      // After the preposition لـ the article loses its alif (للولايات), so الولايات is a valid form.
      const found =
        text.includes(alias) || (alias.startsWith("ال") && text.includes(`ل${alias.slice(1)}`));
      if (!found) problems.push(`alias of ${e.key} not in text: ${alias}`);
    }
  }
  for (const q of gold.quotes) {
    const bad = occurrenceProblem(text, q.content, q.occurrence);
    if (bad) problems.push(`quote ${bad}: ${q.content.slice(0, 40)}`);
    else if (nthIndex(text, q.content, q.occurrence ?? 1) < 0) {
      problems.push(`quote not in text: ${q.content.slice(0, 40)}`);
    }
    if (q.cue !== null && q.cue !== undefined && !text.includes(q.cue)) {
      problems.push(`cue not in text: ${q.cue}`);
    }
    if (q.speaker.startsWith("anon:") && !text.includes(q.speaker.slice(5))) {
      problems.push(`unnamed speaker not in text: ${q.speaker}`);
    }
  }
  for (const t of gold.times) {
    const bad = occurrenceProblem(text, t.text, t.occurrence);
    if (bad) problems.push(`time ${bad}: ${t.text}`);
    else if (nthIndex(text, t.text, t.occurrence ?? 1) < 0)
      problems.push(`time not in text: ${t.text}`);
  }
  return problems;
}

const golds = readdirSync(GOLD_DIR)
  .filter((f) => f.endsWith(".gold.json"))
  .sort()
  .map((f) => ({ name: f, gold: JSON.parse(readFileSync(join(GOLD_DIR, f), "utf8")) as GoldFile }))
  .filter(({ gold }) => split === "all" || gold.document.split === split);
if (golds.length === 0) fail(2, `no gold files for split ${split} in ${GOLD_DIR}`);

// One pass over the corpus, keeping only the annotated articles.
const wanted = new Set(golds.map(({ gold }) => gold.document.source.docno));
const texts = new Map<string, string>();
let corpusText: string;
try {
  corpusText = readFileSync(corpus, "utf8");
} catch {
  fail(2, `cannot read the corpus at ${corpus} (pass --corpus FILE)`);
}
for (const line of corpusText.split("\n")) {
  if (line.trim() === "") continue;
  const row = JSON.parse(line) as { docno?: string; text?: string | null };
  if (row.docno && wanted.has(row.docno)) texts.set(row.docno, row.text ?? "");
}

const missing = golds.filter(({ gold }) => !texts.has(gold.document.source.docno));
if (missing.length > 0) {
  fail(2, `not in ${corpus}: ${missing.map(({ gold }) => gold.document.source.docno).join(", ")}`);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let bad = 0;
for (const { name, gold } of golds) {
  const { docno, sha256 } = gold.document.source;
  const text = texts.get(docno) ?? "";
  const digest = createHash("sha256").update(text, "utf8").digest("hex");
  const problems = checkGold(gold, text);
  if (sha256 && sha256 !== digest) problems.unshift(`text differs from the annotated one (sha256)`);
  for (const p of problems) console.error(`${name}: ${p}`);
  bad += problems.length;
  writeFileSync(join(out, gold.document.file), text);
  writeFileSync(join(out, name), readFileSync(join(GOLD_DIR, name)));
}
if (bad > 0) fail(1, `${bad} problem(s): fix the gold files before scoring`);

const rel = relative(process.cwd(), out);
const shown = rel === "" ? "." : rel.startsWith("..") ? out : rel;
console.log(`wrote ${golds.length} articles (split ${split}) to ${shown}`);
console.log(`score with: python3 ../shared/tools/marsad_score.py news ${shown}/*.gold.json`);
