/**
 * Evaluates HTML article extraction (src/input/html.ts) against Readability alone.
 *
 *   npx tsx scripts/eval-extract.ts [--shared ../shared] [--dom linkedom|jsdom] [--verbose]
 *
 * 1. trafilatura snippets: every page of ../shared/data/html/trafilatura_eval_subset.tar.gz
 *    (extracted to a temp dir), scored like marsad_score.py `snippets`: share of `with`
 *    snippets found, share of `without` snippets avoided, their harmonic mean.
 * 2. Our hand-written fixtures (test/fixtures/html/*.html with *.body.txt), scored like
 *    marsad_score.py `aeb`: 4-gram shingle precision/recall/F1 over \w+ tokens.
 * 3. CNN Arabic: the body must start with test_cnn_arabic.json `cleaned_text` (whitespace-blind).
 * Plus pages/s, ms per page and peak RSS for each extractor; the snippet runs happen in separate
 * child processes so that each peak RSS is its own.
 */
import { execFileSync, fork } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { extractArticle } from "../src/input/html.js";

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const SHARED = resolve(opt("--shared", join(import.meta.dirname, "..", "..", "shared")));
const DOM = opt("--dom", "linkedom");
const VERBOSE = args.includes("--verbose");
const FIXTURES = join(import.meta.dirname, "..", "test", "fixtures", "html");

type Extractor = (html: string, url?: string) => string;

// ---------- the two extractors ----------

async function readabilityAlone(): Promise<Extractor> {
  if (DOM === "jsdom") {
    const jsdom = (await import("jsdom" as string)) as {
      JSDOM: new (html: string, o: object) => { window: { document: unknown } };
      VirtualConsole: new () => unknown;
    };
    return (html, url) => {
      const doc = new jsdom.JSDOM(html, { url, virtualConsole: new jsdom.VirtualConsole() }).window
        .document;
      // biome-ignore lint/suspicious/noExplicitAny: DOM types are not loaded in this project.
      return new Readability(doc as any).parse()?.textContent ?? "";
    };
  }
  return (html) => {
    try {
      // biome-ignore lint/suspicious/noExplicitAny: DOM types are not loaded in this project.
      return new Readability(parseHTML(html).document as any).parse()?.textContent ?? "";
    } catch {
      return "";
    }
  };
}

const ours: Extractor = (html, url) => extractArticle(html, url).text;

// ---------- metrics, as in marsad_score.py ----------

// Python's str.split() whitespace.
const PY_SPACE_RE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: Python's whitespace set includes the \x1c-\x1f separators
  /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
const squeeze = (s: string): string =>
  s
    .split(PY_SPACE_RE)
    .filter((w) => w.length > 0)
    .join(" ");
// Python's re \w over str: Unicode letters and digits (not marks) and underscore.
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

function shingleCounts(text: string): Map<string, number> {
  const toks = text.match(TOKEN_RE) ?? [];
  const out = new Map<string, number>();
  const n = Math.max(1, toks.length - 3);
  for (let i = 0; i < n; i++) {
    const gram = toks.slice(i, i + 4);
    if (gram.length === 0) continue;
    const key = gram.join("\u0001");
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

function shinglePrf(truth: string, pred: string): [number, number, number] {
  const t = shingleCounts(truth);
  const p = shingleCounts(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const k of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(k) ?? 0;
    const b = p.get(k) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

function benchF1(rows: [number, number, number][]): { f1: number; p: number; r: number } {
  const prec = ([tp, fp, fn]: number[]) =>
    fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : (tp ?? 0) / ((tp ?? 0) + (fp ?? 0));
  const rec = ([tp, fp, fn]: number[]) =>
    fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : (tp ?? 0) / ((tp ?? 0) + (fn ?? 0));
  const P = rows.filter((x) => x[0] + x[1] > 0).map(prec);
  const R = rows.filter((x) => x[0] + x[2] > 0).map(rec);
  const p = P.length ? P.reduce((a, b) => a + b, 0) / P.length : 0;
  const r = R.length ? R.reduce((a, b) => a + b, 0) / R.length : 0;
  return { f1: p + r > 0 ? (2 * p * r) / (p + r) : 0, p, r };
}

// ---------- timing ----------

interface Timed {
  ms: number;
  pages: number;
  peakRss: number;
}

function timer(): { run: (f: () => string) => string; done: () => Timed } {
  let ms = 0;
  let pages = 0;
  let peakRss = process.memoryUsage().rss;
  return {
    run(f) {
      const t0 = performance.now();
      const out = f();
      ms += performance.now() - t0;
      pages++;
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      return out;
    },
    done: () => ({ ms, pages, peakRss }),
  };
}

const fmtSpeed = (t: Timed): string =>
  `${(t.pages / (t.ms / 1000)).toFixed(1)} pages/s, ${(t.ms / t.pages).toFixed(1)} ms/page, peak RSS ${(t.peakRss / 2 ** 20).toFixed(0)} MiB`;

// ---------- the three evaluations ----------

interface EvalPage {
  file: string;
  with?: string[];
  without?: string[];
}

function snippets(
  dir: string,
  data: Record<string, EvalPage>,
  extract: Extractor,
  label: string,
): string {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let w = 0;
  let nw = 0;
  let wo = 0;
  let nwo = 0;
  const t = timer();
  const misses: string[] = [];
  for (const [url, v] of Object.entries(data)) {
    const path = join(dir, "pages", v.file);
    if (!existsSync(path)) continue;
    const html = decoder.decode(readFileSync(path));
    const text = squeeze(t.run(() => extract(html, url)));
    for (const s of v.with ?? []) {
      nw++;
      if (text.includes(squeeze(s))) w++;
      else misses.push(`  missing  ${v.file}: ${s.slice(0, 70)}`);
    }
    for (const s of v.without ?? []) {
      nwo++;
      if (!text.includes(squeeze(s))) wo++;
      else misses.push(`  included ${v.file}: ${s.slice(0, 70)}`);
    }
  }
  const rec = w / Math.max(1, nw);
  const prec = wo / Math.max(1, nwo);
  const f = (2 * rec * prec) / Math.max(1e-9, rec + prec);
  if (VERBOSE) console.log(misses.join("\n"));
  return `${label.padEnd(22)} kept ${w}/${nw} (${rec.toFixed(3)}), avoided ${wo}/${nwo} (${prec.toFixed(3)}), F1 ${f.toFixed(4)}; ${fmtSpeed(t.done())}`;
}

function fixtures(extract: Extractor, label: string): string {
  const rows: [number, number, number][] = [];
  const per: string[] = [];
  for (const f of readdirSync(FIXTURES)
    .filter((n) => n.endsWith(".html"))
    .sort()) {
    const bodyPath = join(FIXTURES, f.replace(/\.html$/, ".body.txt"));
    if (!existsSync(bodyPath)) continue;
    const html = readFileSync(join(FIXTURES, f), "utf8");
    const row = shinglePrf(readFileSync(bodyPath, "utf8"), extract(html));
    rows.push(row);
    const { f1 } = benchF1([row]);
    per.push(`${f.replace(/\.html$/, "")} ${f1.toFixed(3)}`);
  }
  const { f1, p, r } = benchF1(rows);
  return `${label.padEnd(22)} shingle F1 ${f1.toFixed(3)} P ${p.toFixed(3)} R ${r.toFixed(3)} (${rows.length} pages)\n    ${per.join(", ")}`;
}

function cnnArabic(extract: Extractor, label: string): string {
  const html = readFileSync(join(SHARED, "data/html/test_cnn_arabic.html"), "utf8");
  const gold = JSON.parse(readFileSync(join(SHARED, "data/html/test_cnn_arabic.json"), "utf8")) as {
    url: string;
    expected: { cleaned_text: string };
  };
  const text = extract(html, gold.url);
  const want = squeeze(gold.expected.cleaned_text);
  const ok = squeeze(text).startsWith(want);
  return `${label.padEnd(22)} ${ok ? "PASS" : "FAIL"}: body starts "${squeeze(text).slice(0, 40)}…"`;
}

/** Runs the snippet evaluation of one extractor in a fresh child process. */
function snippetsInChild(dir: string, which: "baseline" | "ours"): Promise<string> {
  return new Promise((resolveLine, reject) => {
    const child = fork(import.meta.filename, [
      "--worker",
      which,
      "--dir",
      dir,
      "--dom",
      DOM,
      ...(VERBOSE ? ["--verbose"] : []),
    ]);
    child.on("message", (line) => resolveLine(String(line)));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) reject(new Error(`worker ${which} exited with ${code}`));
    });
  });
}

async function worker(which: string): Promise<void> {
  const dir = opt("--dir", "");
  const data = JSON.parse(readFileSync(join(dir, "evaldata.json"), "utf8")) as Record<
    string,
    EvalPage
  >;
  const line =
    which === "ours"
      ? snippets(dir, data, ours, "marsad extractArticle")
      : snippets(dir, data, await readabilityAlone(), `readability+${DOM}`);
  process.send?.(line);
}

async function main(): Promise<void> {
  const tarball = join(SHARED, "data/html/trafilatura_eval_subset.tar.gz");
  const dir = mkdtempSync(join(tmpdir(), "marsad-eval-"));
  try {
    execFileSync("tar", ["-xzf", tarball, "-C", dir]);
    const data = JSON.parse(readFileSync(join(dir, "evaldata.json"), "utf8")) as Record<
      string,
      EvalPage
    >;
    const baseline = await readabilityAlone();
    const baseLabel = `readability+${DOM}`;
    console.log(`trafilatura snippets (${Object.keys(data).length} pages):`);
    console.log(`  ${await snippetsInChild(dir, "baseline")}`);
    console.log(`  ${await snippetsInChild(dir, "ours")}`);
    console.log("own fixtures (aeb-style):");
    console.log(`  ${fixtures(baseline, baseLabel)}`);
    console.log(`  ${fixtures(ours, "marsad extractArticle")}`);
    console.log("CNN Arabic:");
    console.log(`  ${cnnArabic(baseline, baseLabel)}`);
    console.log(`  ${cnnArabic(ours, "marsad extractArticle")}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (args.includes("--worker")) await worker(opt("--worker", "ours"));
else await main();
