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
 * 4. JSON-LD proxy (`aeb`-style, no human labels): the trafilatura pages whose schema.org
 *    JSON-LD `articleBody` is long (>= 50 shingles) and visibly on the page (>= 80% of its
 *    shingles occur in the page text) use it as ground truth. The ld+json blocks are removed
 *    from the HTML first so that the extractor cannot read the answer. Pages are split into two
 *    halves by a hash of the file name: tune on half A, check that changes carry over to B.
 * Plus pages/s, ms per page and peak RSS for each extractor; the snippet runs happen in separate
 * child processes so that each peak RSS is its own.
 *
 *   --only proxy,snippets,fixtures,cnn   run a subset      --worst N   list the N worst proxy pages
 */
import { execFileSync, fork } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { domToText } from "../src/input/html/dom-text.js";
import { findArticleNode, readJsonLd } from "../src/input/html/jsonld.js";
import { containment, shingles } from "../src/input/html/similarity.js";
import { extractArticle, jsonLdBody, parseDocument } from "../src/input/html.js";

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const SHARED = resolve(opt("--shared", join(import.meta.dirname, "..", "..", "shared")));
const DOM = opt("--dom", "linkedom");
const VERBOSE = args.includes("--verbose");
const ONLY = new Set(opt("--only", "snippets,fixtures,cnn,proxy").split(","));
const WORST = Number(opt("--worst", "0"));
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

// ---------- JSON-LD articleBody proxy ----------

const LD_SCRIPT_RE = /<script\b[^>]*application\/ld\+json[^>]*>[\s\S]*?<\/script\s*>/gi;
/** articleBody must have this many distinct 4-grams (teaser-length bodies are truncated). */
const PROXY_MIN_SHINGLES = 50;
/** Share of articleBody's 4-grams that must occur in the page's own visible text. */
const PROXY_MIN_VISIBLE = 0.8;
/** A body that ends in an ellipsis is a truncated teaser, not the article. */
const TRUNCATED_RE = /(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$/;
const HIDDEN_RE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
/** Elements a reader does not see: paywalled copies of the body are often display:none. */
const isHidden = (el: {
  getAttribute(n: string): string | null;
  hasAttribute(n: string): boolean;
}) => el.hasAttribute("hidden") || HIDDEN_RE.test(el.getAttribute("style") ?? "");

interface ProxyPage {
  file: string;
  url: string;
  html: string;
  truth: string;
  half: "A" | "B";
}

/** FNV-1a of the file name: a stable, content-independent split. */
function halfOf(name: string): "A" | "B" {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % 2 === 0 ? "A" : "B";
}

function proxyPages(dir: string, data: Record<string, EvalPage>): ProxyPage[] {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const out: ProxyPage[] = [];
  for (const [url, v] of Object.entries(data)) {
    const path = join(dir, "pages", v.file);
    if (!existsSync(path)) continue;
    const raw = decoder.decode(readFileSync(path));
    if (!raw.includes("articleBody")) continue;
    const body = findArticleNode(readJsonLd(parseDocument(raw)))?.articleBody;
    if (typeof body !== "string") continue;
    const truth = jsonLdBody(body);
    const truthShingles = shingles(truth);
    if (truthShingles.size < PROXY_MIN_SHINGLES || TRUNCATED_RE.test(truth)) {
      if (VERBOSE) console.log(`  proxy skips ${v.file}: short or truncated articleBody`);
      continue;
    }
    const html = raw.replace(LD_SCRIPT_RE, "");
    const page = parseDocument(html);
    const visible = containment(truthShingles, shingles(domToText(page.body ?? page, isHidden)));
    if (visible < PROXY_MIN_VISIBLE) {
      if (VERBOSE) console.log(`  proxy skips ${v.file}: ${(visible * 100).toFixed(0)}% visible`);
      continue;
    }
    out.push({ file: v.file, url, html, truth, half: halfOf(v.file) });
  }
  return out;
}

function proxy(pages: ProxyPage[], extract: Extractor, label: string): string {
  const lines: string[] = [];
  const per: { file: string; half: string; p: number; r: number; f: number }[] = [];
  for (const half of ["A", "B"] as const) {
    const rows: [number, number, number][] = [];
    for (const pg of pages.filter((x) => x.half === half)) {
      const row = shinglePrf(pg.truth, extract(pg.html, pg.url));
      rows.push(row);
      const one = benchF1([row]);
      per.push({ file: pg.file, half, p: one.p, r: one.r, f: one.f1 });
    }
    const { f1, p, r } = benchF1(rows);
    lines.push(
      `half ${half}${half === "A" ? " (tune)" : " (check)"} F1 ${f1.toFixed(3)} P ${p.toFixed(3)} R ${r.toFixed(3)} (${rows.length} pages)`,
    );
  }
  let out = `${label.padEnd(22)} ${lines.join("; ")}`;
  if (WORST > 0) {
    per.sort((a, b) => a.f - b.f);
    for (const x of per.slice(0, WORST)) {
      out += `\n    ${x.half} ${x.f.toFixed(3)} P ${x.p.toFixed(3)} R ${x.r.toFixed(3)}  ${x.file}`;
    }
  }
  return out;
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
    if (ONLY.has("snippets")) {
      console.log(`trafilatura snippets (${Object.keys(data).length} pages):`);
      console.log(`  ${await snippetsInChild(dir, "baseline")}`);
      console.log(`  ${await snippetsInChild(dir, "ours")}`);
    }
    if (ONLY.has("proxy")) {
      const pages = proxyPages(dir, data);
      console.log(`JSON-LD articleBody proxy (${pages.length} pages, ld+json removed; aeb-style):`);
      console.log(`  ${proxy(pages, baseline, baseLabel)}`);
      console.log(`  ${proxy(pages, ours, "marsad extractArticle")}`);
    }
    if (ONLY.has("fixtures")) {
      console.log("own fixtures (aeb-style):");
      console.log(`  ${fixtures(baseline, baseLabel)}`);
      console.log(`  ${fixtures(ours, "marsad extractArticle")}`);
    }
    if (ONLY.has("cnn")) {
      console.log("CNN Arabic:");
      console.log(`  ${cnnArabic(baseline, baseLabel)}`);
      console.log(`  ${cnnArabic(ours, "marsad extractArticle")}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (args.includes("--worker")) await worker(opt("--worker", "ours"));
else await main();
