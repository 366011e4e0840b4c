/**
 * Builds data/ner/word-classes.bin: distributional word classes (Brown-cluster-like) for the
 * NER tagger, learned from unlabelled text.
 *
 * Sources (read from ../shared, never copied into the repository):
 *  - ../shared/data/news/ant_v1.1.jsonl, field "text" (ANT corpus v1.1, Apache-2.0);
 *  - ../shared/data/text/arwiki_2017_subset.txt.gz (Arabic Wikipedia 2017, CC BY-SA 4.0).
 * Tokens come from our tokenizer: Arabic words keyed by normalizeArabic (clitics attached, as in
 * ANERcorp), other tokens by kind (<number>, <latin>, punctuation as itself); paragraphs are
 * separated by a boundary token <s>. Classes are given to Arabic words seen >= MIN times.
 *
 * Method (default, --method exchange): the exchange algorithm for a class bigram model, 256
 * classes, then 64 classes by exchanging those classes, then 1024 by splitting each class in 4
 * and exchanging words within their parent, so the levels nest (see exchangeHierarchy).
 * Alternative kept for the measurement (--method kmeans): spherical k-means over a randomized SVD
 * of PPMI context vectors (±WINDOW neighbours among the CONTEXTS most frequent tokens), coarser
 * levels by clustering the centroids. data/ner/README.md compares them with --eval: a small
 * perceptron on ANERcorp, 5-fold, with and without the classes.
 * Everything is deterministic (fixed orders; seeded PRNG for k-means): same inputs, same bytes.
 *
 * Output format: see src/ner/word-classes.ts.
 * Run: npx tsx scripts/build-word-classes.ts [--min 3] [--levels 64,256,1024] [--base 256]
 *        [--iters 8] [--method exchange|kmeans] [--sample] [--eval] [--out FILE]
 *      npx tsx scripts/build-word-classes.ts --eval-only FILE[,FILE] [--eval-levels 256] [--stem]
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  loadWordClasses,
  setWordClassesPath,
  WORD_CLASSES_FILE,
  WORD_CLASSES_MAGIC,
} from "../src/ner/word-classes.js";
import { mentionCore, normalizeArabic, tokenize } from "../src/text/index.js";
import { readParagraphs } from "./lib/corpus.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ANERCORP = join(root, "../shared/data/ner/anercorp/train.conll");

const { values: opt } = parseArgs({
  options: {
    min: { type: "string", default: "3" },
    contexts: { type: "string", default: "2000" },
    dim: { type: "string", default: "200" },
    power: { type: "string", default: "0.5" },
    levels: { type: "string", default: "64,256,1024" },
    iters: { type: "string", default: "8" },
    window: { type: "string", default: "2" },
    seed: { type: "string", default: "20250101" },
    eval: { type: "boolean", default: false },
    "eval-only": { type: "string" },
    "eval-levels": { type: "string" },
    stem: { type: "boolean", default: false },
    method: { type: "string", default: "exchange" },
    base: { type: "string", default: "256" },
    sample: { type: "boolean", default: false },
    out: { type: "string", default: join(root, "data/ner", WORD_CLASSES_FILE) },
  },
});
const MIN = Number(opt.min);
const CONTEXTS = Number(opt.contexts);
const DIM = Number(opt.dim);
const POWER = Number(opt.power);
const LEVELS = opt.levels
  .split(",")
  .map(Number)
  .sort((a, b) => a - b);
const FINE = LEVELS[LEVELS.length - 1] as number;
const ITERS = Number(opt.iters);
const WINDOW = Number(opt.window);
const SEED = Number(opt.seed);
/** The exchange level built directly; coarser ones merge it, finer ones split it. */
const BASE_CLASSES = Number(opt.base);

const t0 = Date.now();
function log(msg: string): void {
  console.error(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32; Box-Muller for normals)

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  const u = 1 - rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

// ---------------------------------------------------------------------------------------------
// 1. Corpus → token id stream

const ids = new Map<string, number>();
const names: string[] = [];
const isWord: boolean[] = [];
let stream = new Int32Array(1 << 24);
let len = 0;

function idOf(key: string, word: boolean): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = names.length;
    ids.set(key, id);
    names.push(key);
    isWord.push(word);
  }
  return id;
}
const BOUNDARY = idOf("<s>", false);

function push(id: number): void {
  if (len === stream.length) {
    const grown = new Int32Array(stream.length * 2);
    grown.set(stream);
    stream = grown;
  }
  stream[len++] = id;
}

function addText(text: string): void {
  for (const t of tokenize(text)) {
    switch (t.kind) {
      case "word":
        push(idOf(t.norm ?? t.text, true));
        break;
      case "punct":
        push(idOf(t.text, false));
        break;
      default:
        push(idOf(`<${t.kind}>`, false));
    }
  }
  push(BOUNDARY);
}

async function readCorpus(): Promise<void> {
  push(BOUNDARY);
  await readParagraphs(addText);
}

// ---------------------------------------------------------------------------------------------
// 2–3. Co-occurrence counts and PPMI, as a CSR matrix targets × (position, context)

interface Csr {
  rows: number;
  cols: number;
  ptr: Int32Array;
  idx: Int32Array;
  val: Float32Array;
}

function cooccurrence(
  targetOf: Int32Array,
  contextOf: Int32Array,
  rows: number,
  positions: number[],
): Csr {
  const cols = positions.length * CONTEXTS;
  if (rows * cols >= 2 ** 32) throw new Error("targets × contexts too large to pack in 32 bits");
  // one packed (row, col) per co-occurrence, sorted, then run-length counted
  let n = 0;
  for (let i = 0; i < len; i++) {
    if ((targetOf[stream[i] as number] as number) < 0) continue;
    for (const d of positions) {
      const u = stream[i + d];
      if (u === undefined || (contextOf[u] as number) < 0) continue;
      n++;
    }
  }
  const packed = new Uint32Array(n);
  n = 0;
  for (let i = 0; i < len; i++) {
    const r = targetOf[stream[i] as number] as number;
    if (r < 0) continue;
    for (let p = 0; p < positions.length; p++) {
      const d = positions[p] as number;
      if (!withinParagraph(i, d)) continue;
      const c = contextOf[stream[i + d] as number] as number;
      if (c < 0) continue;
      packed[n++] = r * cols + p * CONTEXTS + c;
    }
  }
  const pairs = packed.subarray(0, n).sort();
  const ptr = new Int32Array(rows + 1);
  let nnz = 0;
  for (let k = 0; k < n; k++) if (k === 0 || pairs[k] !== pairs[k - 1]) nnz++;
  const idx = new Int32Array(nnz);
  const val = new Float32Array(nnz);
  let j = -1;
  for (let k = 0; k < n; k++) {
    const v = pairs[k] as number;
    if (k === 0 || v !== pairs[k - 1]) {
      j++;
      const r = Math.floor(v / cols);
      idx[j] = v - r * cols;
      ptr[r + 1] = j + 1;
    }
    val[j] = (val[j] as number) + 1;
  }
  for (let r = 1; r <= rows; r++)
    if ((ptr[r] as number) < (ptr[r - 1] as number)) ptr[r] = ptr[r - 1] as number;
  return { rows, cols, ptr, idx, val };
}

/** True when positions i and i+d are inside one paragraph (no boundary between them). */
function withinParagraph(i: number, d: number): boolean {
  const j = i + d;
  if (j < 0 || j >= len) return false;
  const lo = Math.min(i, j);
  const hi = Math.max(i, j);
  for (let k = lo + 1; k < hi; k++) if (stream[k] === BOUNDARY) return false;
  return true;
}

/** Replaces counts by PPMI with context-distribution smoothing (Levy, Goldberg & Dagan 2015). */
function ppmi(m: Csr, alpha: number): void {
  const colSum = new Float64Array(m.cols);
  for (let k = 0; k < m.idx.length; k++)
    colSum[m.idx[k] as number] = (colSum[m.idx[k] as number] as number) + (m.val[k] as number);
  let smoothTotal = 0;
  for (let c = 0; c < m.cols; c++) smoothTotal += (colSum[c] as number) ** alpha;
  const logPc = new Float64Array(m.cols);
  for (let c = 0; c < m.cols; c++) {
    const s = colSum[c] as number;
    logPc[c] = s > 0 ? alpha * Math.log(s) - Math.log(smoothTotal) : 0;
  }
  for (let r = 0; r < m.rows; r++) {
    const a = m.ptr[r] as number;
    const b = m.ptr[r + 1] as number;
    let rowSum = 0;
    for (let k = a; k < b; k++) rowSum += m.val[k] as number;
    const logRow = Math.log(rowSum);
    for (let k = a; k < b; k++) {
      const pmi = Math.log(m.val[k] as number) - logRow - (logPc[m.idx[k] as number] as number);
      m.val[k] = Math.max(0, pmi);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Randomized SVD (Halko, Martinsson & Tropp 2011) with small dense helpers

/** Y (rows × k) = A · X (cols × k). */
function mulA(m: Csr, x: Float64Array, k: number): Float64Array {
  const y = new Float64Array(m.rows * k);
  for (let r = 0; r < m.rows; r++) {
    const yo = r * k;
    for (let p = m.ptr[r] as number; p < (m.ptr[r + 1] as number); p++) {
      const v = m.val[p] as number;
      if (v === 0) continue;
      const xo = (m.idx[p] as number) * k;
      for (let j = 0; j < k; j++) y[yo + j] = (y[yo + j] as number) + v * (x[xo + j] as number);
    }
  }
  return y;
}

/** Z (cols × k) = Aᵀ · Y (rows × k). */
function mulAt(m: Csr, y: Float64Array, k: number): Float64Array {
  const z = new Float64Array(m.cols * k);
  for (let r = 0; r < m.rows; r++) {
    const yo = r * k;
    for (let p = m.ptr[r] as number; p < (m.ptr[r + 1] as number); p++) {
      const v = m.val[p] as number;
      if (v === 0) continue;
      const zo = (m.idx[p] as number) * k;
      for (let j = 0; j < k; j++) z[zo + j] = (z[zo + j] as number) + v * (y[yo + j] as number);
    }
  }
  return z;
}

/** Gram matrix XᵀX (k × k) of a row-major n × k matrix. */
function gram(x: Float64Array, n: number, k: number): Float64Array {
  const g = new Float64Array(k * k);
  for (let r = 0; r < n; r++) {
    const o = r * k;
    for (let i = 0; i < k; i++) {
      const xi = x[o + i] as number;
      if (xi === 0) continue;
      const gi = i * k;
      for (let j = i; j < k; j++) g[gi + j] = (g[gi + j] as number) + xi * (x[o + j] as number);
    }
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) g[i * k + j] = g[j * k + i] as number;
  return g;
}

/** Eigen-decomposition of a symmetric k × k matrix by cyclic Jacobi; sorted descending. */
function symmetricEigen(
  a0: Float64Array,
  k: number,
): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(a0);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let i = 0; i < k; i++)
      for (let j = i + 1; j < k; j++) off += (a[i * k + j] as number) ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q] as number;
        if (Math.abs(apq) < 1e-300) continue;
        const app = a[p * k + p] as number;
        const aqq = a[q * k + q] as number;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r * k + p] as number;
          const arq = a[r * k + q] as number;
          a[r * k + p] = c * arp - s * arq;
          a[r * k + q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p * k + r] as number;
          const aqr = a[q * k + r] as number;
          a[p * k + r] = c * apr - s * aqr;
          a[q * k + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p] as number;
          const vrq = v[r * k + q] as number;
          v[r * k + p] = c * vrp - s * vrq;
          v[r * k + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort(
    (i, j) => (a[j * k + j] as number) - (a[i * k + i] as number) || i - j,
  );
  const values = new Float64Array(k);
  const vectors = new Float64Array(k * k);
  order.forEach((src, dst) => {
    values[dst] = a[src * k + src] as number;
    for (let r = 0; r < k; r++) vectors[r * k + dst] = v[r * k + src] as number;
  });
  return { values, vectors };
}

/** X · W (n × k times k × m). */
function mulSmall(x: Float64Array, n: number, k: number, w: Float64Array, m: number): Float64Array {
  const y = new Float64Array(n * m);
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < k; i++) {
      const xi = x[r * k + i] as number;
      if (xi === 0) continue;
      const wo = i * m;
      const yo = r * m;
      for (let j = 0; j < m; j++) y[yo + j] = (y[yo + j] as number) + xi * (w[wo + j] as number);
    }
  }
  return y;
}

/** Orthonormal basis of the columns of X (n × k) via the eigenvectors of XᵀX. */
function orthonormalize(x: Float64Array, n: number, k: number): Float64Array {
  const { values, vectors } = symmetricEigen(gram(x, n, k), k);
  const w = new Float64Array(k * k);
  const floor = (values[0] as number) * 1e-12;
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      const l = values[j] as number;
      w[i * k + j] = l > floor ? (vectors[i * k + j] as number) / Math.sqrt(l) : 0;
    }
  return mulSmall(x, n, k, w, k);
}

/** Rows of U·Σ^power (rank DIM), each normalised to unit length. */
function embed(m: Csr, rand: () => number): Float32Array {
  const k = DIM + 16;
  const omega = new Float64Array(m.cols * k);
  for (let i = 0; i < omega.length; i++) omega[i] = gaussian(rand);
  let q = orthonormalize(mulA(m, omega, k), m.rows, k);
  for (let it = 0; it < 2; it++) {
    const z = orthonormalize(mulAt(m, q, k), m.cols, k);
    q = orthonormalize(mulA(m, z, k), m.rows, k);
  }
  // B = QᵀA; BBᵀ = (AᵀQ)ᵀ(AᵀQ) gives the left singular vectors in Q's basis
  const z = mulAt(m, q, k);
  const { values, vectors } = symmetricEigen(gram(z, m.cols, k), k);
  log(
    `singular values: ${[0, 1, 2, DIM - 1].map((i) => Math.sqrt(values[i] as number).toFixed(1)).join(" ")}`,
  );
  const w = new Float64Array(k * DIM);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < DIM; j++)
      w[i * DIM + j] =
        (vectors[i * k + j] as number) * Math.max(0, values[j] as number) ** (POWER / 2);
  const u = mulSmall(q, m.rows, k, w, DIM);
  const out = new Float32Array(m.rows * DIM);
  for (let r = 0; r < m.rows; r++) {
    let s = 0;
    for (let j = 0; j < DIM; j++) s += (u[r * DIM + j] as number) ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let j = 0; j < DIM; j++) out[r * DIM + j] = (u[r * DIM + j] as number) * inv;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 5. Spherical k-means

function nearest(x: Float32Array, r: number, cent: Float32Array, k: number): number {
  let best = -1;
  let bestDot = Number.NEGATIVE_INFINITY;
  const xo = r * DIM;
  for (let c = 0; c < k; c++) {
    const co = c * DIM;
    let dot = 0;
    for (let j = 0; j < DIM; j++) dot += (x[xo + j] as number) * (cent[co + j] as number);
    if (dot > bestDot) {
      bestDot = dot;
      best = c;
    }
  }
  return best;
}

/**
 * Spherical k-means of the n unit rows of x into k classes, k-means++ seeding; optional row
 * weights (used when clustering class centroids by their word counts).
 */
function kmeans(
  x: Float32Array,
  n: number,
  k: number,
  rand: () => number,
  weight?: Float64Array,
): Int32Array {
  const w = (r: number) => (weight ? (weight[r] as number) : 1);
  const cent = new Float32Array(k * DIM);
  const dist = new Float64Array(n).fill(4);
  let pick = Math.floor(rand() * n);
  for (let c = 0; c < k; c++) {
    cent.set(x.subarray(pick * DIM, pick * DIM + DIM), c * DIM);
    let total = 0;
    const co = c * DIM;
    for (let r = 0; r < n; r++) {
      let dot = 0;
      const xo = r * DIM;
      for (let j = 0; j < DIM; j++) dot += (x[xo + j] as number) * (cent[co + j] as number);
      const d = Math.max(0, 1 - dot);
      if (d < (dist[r] as number)) dist[r] = d;
      total += (dist[r] as number) ** 2 * w(r);
    }
    let target = rand() * total;
    pick = n - 1;
    for (let r = 0; r < n; r++) {
      target -= (dist[r] as number) ** 2 * w(r);
      if (target <= 0) {
        pick = r;
        break;
      }
    }
  }
  const assign = new Int32Array(n).fill(-1);
  for (let it = 0; it < ITERS; it++) {
    let moved = 0;
    for (let r = 0; r < n; r++) {
      const c = nearest(x, r, cent, k);
      if (c !== assign[r]) moved++;
      assign[r] = c;
    }
    if (moved === 0) break;
    cent.fill(0);
    const size = new Float64Array(k);
    for (let r = 0; r < n; r++) {
      const c = assign[r] as number;
      const wr = w(r);
      size[c] = (size[c] as number) + wr;
      for (let j = 0; j < DIM; j++)
        cent[c * DIM + j] = (cent[c * DIM + j] as number) + wr * (x[r * DIM + j] as number);
    }
    for (let c = 0; c < k; c++) {
      // an empty class takes a random row (rare; keeps k classes in use)
      if (size[c] === 0) {
        const r = Math.floor(rand() * n);
        cent.set(x.subarray(r * DIM, r * DIM + DIM), c * DIM);
      }
    }
    normalizeRows(cent, k);
    if (n > 10 * k) log(`k-means ${k}: iteration ${it + 1}, ${moved} words moved`);
  }
  return assign;
}

function largest(assign: Int32Array, k: number): number {
  const size = new Int32Array(k);
  for (const c of assign) size[c] = (size[c] as number) + 1;
  return Math.max(...size);
}

// ---------------------------------------------------------------------------------------------
// 6. Coarser levels: weighted spherical k-means over the class centroids, level by level

/** Unit-length mean direction and word count of each class of `assign`. */
function centroids(x: Float32Array, n: number, assign: Int32Array, k: number) {
  const cent = new Float32Array(k * DIM);
  const size = new Float64Array(k);
  for (let r = 0; r < n; r++) {
    const c = assign[r] as number;
    size[c] = (size[c] as number) + 1;
    for (let j = 0; j < DIM; j++)
      cent[c * DIM + j] = (cent[c * DIM + j] as number) + (x[r * DIM + j] as number);
  }
  normalizeRows(cent, k);
  return { cent, size };
}

function normalizeRows(x: Float32Array, n: number): void {
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let j = 0; j < DIM; j++) s += (x[r * DIM + j] as number) ** 2;
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let j = 0; j < DIM; j++) x[r * DIM + j] = (x[r * DIM + j] as number) * inv;
  }
}

/**
 * For each level below the finest, the parent class of every fine class: the classes of one
 * level are clustered (weighted by their word counts) into those of the next coarser level, so
 * the levels nest.
 */
function coarsen(x: Float32Array, n: number, fine: Int32Array, rand: () => number): Int32Array[] {
  const parents: Int32Array[] = [];
  let { cent, size } = centroids(x, n, fine, FINE);
  let toFine = Int32Array.from({ length: FINE }, (_, i) => i); // current class of each fine class
  for (let l = LEVELS.length - 2; l >= 0; l--) {
    const k = LEVELS[l] as number;
    const kPrev = LEVELS[l + 1] as number;
    const up = kmeans(cent, kPrev, k, rand, size);
    toFine = toFine.map((c) => up[c] as number);
    parents.unshift(toFine);
    const next = centroids(cent, kPrev, up, k);
    // weights: words per class, summed
    const w = new Float64Array(k);
    for (let c = 0; c < kPrev; c++)
      w[up[c] as number] = (w[up[c] as number] as number) + (size[c] as number);
    cent = next.cent;
    size = w;
  }
  return parents; // coarse → fine order, matching LEVELS without the finest
}

// Exchange algorithm for a class bigram model (Kneser & Ney 1993; Martin, Liermann & Ney 1998):
// each unit (word) in turn moves to the class that most increases the likelihood
//   Σ_{c,d} N(c,d) log N(c,d) − Σ_c Nl(c) log Nl(c) − Σ_d Nr(d) log Nr(d)
// of the corpus under P(w_i | w_{i−1}) = P(c_i | c_{i−1}) P(w_i | c_i).

/** Bigram counts between units, both directions, as CSR lists. */
interface Bigrams {
  units: number;
  right: Adjacency; // right neighbours of each unit
  left: Adjacency;
  nl: Float64Array; // occurrences as the left member of a bigram
  nr: Float64Array;
}
interface Adjacency {
  ptr: Int32Array;
  nb: Int32Array;
  c: Float64Array;
}

/** Bigrams of a sequence of unit ids (as packed pairs, sorted and counted). */
function bigramsFromPairs(pair: Float64Array, units: number): Bigrams {
  pair.sort();
  const uniq: number[] = [];
  const cnt: number[] = [];
  for (let i = 0; i < pair.length; i++) {
    if (i > 0 && pair[i] === pair[i - 1]) cnt[cnt.length - 1] = (cnt[cnt.length - 1] as number) + 1;
    else {
      uniq.push(pair[i] as number);
      cnt.push(1);
    }
  }
  return bigramsFromList(uniq, cnt, units);
}

function bigramsFromList(uniq: number[], cnt: number[], units: number): Bigrams {
  const csr = (key: (p: number) => number, other: (p: number) => number): Adjacency => {
    const ptr = new Int32Array(units + 1);
    for (const p of uniq) ptr[key(p) + 1] = (ptr[key(p) + 1] as number) + 1;
    for (let i = 0; i < units; i++) ptr[i + 1] = (ptr[i + 1] as number) + (ptr[i] as number);
    const fill = ptr.slice(0, units);
    const nb = new Int32Array(uniq.length);
    const c = new Float64Array(uniq.length);
    uniq.forEach((p, j) => {
      const at = fill[key(p)] as number;
      fill[key(p)] = at + 1;
      nb[at] = other(p);
      c[at] = cnt[j] as number;
    });
    return { ptr, nb, c };
  };
  const right = csr(
    (p) => Math.floor(p / units),
    (p) => p % units,
  );
  const left = csr(
    (p) => p % units,
    (p) => Math.floor(p / units),
  );
  const nl = new Float64Array(units);
  const nr = new Float64Array(units);
  for (let w = 0; w < units; w++) {
    for (let p = right.ptr[w] as number; p < (right.ptr[w + 1] as number); p++)
      nl[w] = (nl[w] as number) + (right.c[p] as number);
    for (let p = left.ptr[w] as number; p < (left.ptr[w + 1] as number); p++)
      nr[w] = (nr[w] as number) + (left.c[p] as number);
  }
  return { units, right, left, nl, nr };
}

/** Bigrams between classes (the classes become the units of a coarser exchange). */
function classBigrams(g: Bigrams, cls: Int32Array, classes: number): Bigrams {
  const m = new Map<number, number>();
  for (let w = 0; w < g.units; w++)
    for (let p = g.right.ptr[w] as number; p < (g.right.ptr[w + 1] as number); p++) {
      const key = (cls[w] as number) * classes + (cls[g.right.nb[p] as number] as number);
      m.set(key, (m.get(key) ?? 0) + (g.right.c[p] as number));
    }
  const keys = [...m.keys()].sort((a, b) => a - b);
  return bigramsFromList(
    keys,
    keys.map((key) => m.get(key) as number),
    classes,
  );
}

/**
 * Runs exchange passes over units [0, movable) in order; units from `movable` on stay in their
 * classes. `range(w)` gives the candidate classes [lo, hi) of unit w. `cls` is updated in place.
 */
function exchange(
  g: Bigrams,
  cls: Int32Array,
  classes: number,
  movable: number,
  range: (w: number) => [number, number],
  label: string,
): void {
  const K = classes;
  const { right, left, nl, nr } = g;
  const M = new Float64Array(K * K);
  const Nl = new Float64Array(K);
  const Nr = new Float64Array(K);
  for (let w = 0; w < g.units; w++) {
    const c = cls[w] as number;
    Nl[c] = (Nl[c] as number) + (nl[w] as number);
    Nr[c] = (Nr[c] as number) + (nr[w] as number);
    for (let p = right.ptr[w] as number; p < (right.ptr[w + 1] as number); p++) {
      const at = c * K + (cls[right.nb[p] as number] as number);
      M[at] = (M[at] as number) + (right.c[p] as number);
    }
  }
  const f = (x: number) => (x > 0 ? x * Math.log(x) : 0);
  const FM = M.map(f); // f(M), kept in step with M
  const R = new Float64Array(K);
  const L = new Float64Array(K);
  const rList: number[] = [];
  const lList: number[] = [];
  const add = (at: number, v: number) => {
    const m = (M[at] as number) + v;
    M[at] = m;
    FM[at] = f(m);
  };
  const apply = (w: number, c: number, sign: number, self: number) => {
    for (const d of rList) add(c * K + d, sign * (R[d] as number));
    for (const e of lList) add(e * K + c, sign * (L[e] as number));
    add(c * K + c, sign * self);
    Nl[c] = (Nl[c] as number) + sign * (nl[w] as number);
    Nr[c] = (Nr[c] as number) + sign * (nr[w] as number);
  };
  for (let pass = 0; pass < ITERS; pass++) {
    let moved = 0;
    for (let w = 0; w < movable; w++) {
      const [lo, hi] = range(w);
      if (hi - lo < 2) continue;
      // neighbour class counts, self-bigrams apart
      rList.length = 0;
      lList.length = 0;
      let self = 0;
      for (let p = right.ptr[w] as number; p < (right.ptr[w + 1] as number); p++) {
        const u = right.nb[p] as number;
        if (u === w) {
          self = right.c[p] as number;
          continue;
        }
        const d = cls[u] as number;
        if (R[d] === 0) rList.push(d);
        R[d] = (R[d] as number) + (right.c[p] as number);
      }
      for (let p = left.ptr[w] as number; p < (left.ptr[w + 1] as number); p++) {
        const u = left.nb[p] as number;
        if (u === w) continue;
        const e = cls[u] as number;
        if (L[e] === 0) lList.push(e);
        L[e] = (L[e] as number) + (left.c[p] as number);
      }
      const a = cls[w] as number;
      apply(w, a, -1, self);
      const nlw = nl[w] as number;
      const nrw = nr[w] as number;
      const gain = (b: number) => {
        let gn = 0;
        const row = b * K;
        for (const d of rList)
          if (d !== b) gn += f((M[row + d] as number) + (R[d] as number)) - (FM[row + d] as number);
        for (const e of lList)
          if (e !== b)
            gn += f((M[e * K + b] as number) + (L[e] as number)) - (FM[e * K + b] as number);
        gn +=
          f((M[row + b] as number) + (R[b] as number) + (L[b] as number) + self) -
          (FM[row + b] as number);
        gn -= f((Nl[b] as number) + nlw) - f(Nl[b] as number);
        gn -= f((Nr[b] as number) + nrw) - f(Nr[b] as number);
        return gn;
      };
      let best = a;
      let bestGain = gain(a);
      for (let b = lo; b < hi; b++) {
        if (b === a) continue;
        const gn = gain(b);
        if (gn > bestGain + 1e-9) {
          best = b;
          bestGain = gn;
        }
      }
      apply(w, best, 1, self);
      if (best !== a) {
        cls[w] = best;
        moved++;
      }
      for (const d of rList) R[d] = 0;
      for (const e of lList) L[e] = 0;
    }
    log(`exchange ${label}: pass ${pass + 1}, ${moved} moved`);
    if (moved <= movable / 1000) break;
  }
}

/**
 * Nested exchange classes for the target words: the middle level by the exchange algorithm over
 * all token types seen >= MIN times (rarer ones share a fixed extra class); the coarser levels by
 * exchanging the classes themselves; the finer ones by splitting each class into subclasses and
 * exchanging words only between the subclasses of their parent.
 */
function exchangeHierarchy(
  count: Float64Array,
  byCount: number[],
): { fine: Int32Array; parents: Int32Array[] } {
  const vocab = new Int32Array(names.length).fill(-1);
  let v = 0;
  for (const id of byCount) if ((count[id] as number) >= MIN) vocab[id] = v++;
  const units = v + 1; // the last unit stands for every rarer type
  const pair = new Float64Array(len - 1);
  for (let i = 0; i + 1 < len; i++) {
    const a = vocab[stream[i] as number] as number;
    const b = vocab[stream[i + 1] as number] as number;
    pair[i] = (a < 0 ? v : a) * units + (b < 0 ? v : b);
  }
  const g = bigramsFromPairs(pair, units);
  log(`exchange: ${units} units, ${g.right.nb.length} bigram types`);
  const base = LEVELS.findIndex((k) => k >= BASE_CLASSES);
  const kBase = LEVELS[base] as number;
  // base level: classes by frequency rank modulo k (so the frequent words start apart)
  const baseCls = Int32Array.from({ length: units }, (_, w) => (w === v ? kBase : w % kBase));
  exchange(g, baseCls, kBase + 1, v, () => [0, kBase], String(kBase));
  const byLevel = new Map<number, Int32Array>([[base, baseCls]]);
  // coarser levels: exchange the classes of the level below
  let unitsCls = baseCls;
  let kPrev = kBase;
  for (let l = base - 1; l >= 0; l--) {
    const k = LEVELS[l] as number;
    const cg = classBigrams(g, unitsCls, kPrev + 1);
    const up = Int32Array.from({ length: kPrev + 1 }, (_, c) => (c === kPrev ? k : c % k));
    exchange(cg, up, k + 1, kPrev, () => [0, k], `${k} (of ${kPrev} classes)`);
    unitsCls = unitsCls.map((c) => up[c] as number);
    byLevel.set(l, unitsCls);
    kPrev = k;
  }
  // finer levels: split each class into `ratio` subclasses, exchange within the parent
  let parentCls = baseCls;
  kPrev = kBase;
  for (let l = base + 1; l < LEVELS.length; l++) {
    const k = LEVELS[l] as number;
    const ratio = k / kPrev;
    if (!Number.isInteger(ratio)) throw new Error("each finer level must divide into the next");
    const seen = new Int32Array(kPrev);
    const cls = Int32Array.from({ length: units }, (_, w) => {
      const p = parentCls[w] as number;
      if (w === v) return k;
      const i = seen[p] as number;
      seen[p] = i + 1;
      return p * ratio + (i % ratio);
    });
    const from = parentCls;
    exchange(
      g,
      cls,
      k + 1,
      v,
      (w) => [(from[w] as number) * ratio, (from[w] as number) * ratio + ratio],
      String(k),
    );
    byLevel.set(l, cls);
    parentCls = cls;
    kPrev = k;
  }
  // per target word (Arabic, seen >= MIN), finest class; parents per fine class
  const finest = byLevel.get(LEVELS.length - 1) as Int32Array;
  const fine: number[] = [];
  for (const id of byCount)
    if (isWord[id] && (count[id] as number) >= MIN)
      fine.push(finest[vocab[id] as number] as number);
  const parents = LEVELS.slice(0, -1).map((_, l) => {
    const lv = byLevel.get(l) as Int32Array;
    const parent = new Int32Array(FINE);
    for (let w = 0; w < v; w++) parent[finest[w] as number] = lv[w] as number;
    return parent;
  });
  return { fine: Int32Array.from(fine), parents };
}

// ---------------------------------------------------------------------------------------------
// Output

function writeFile(words: string[], fine: Int32Array, parents: Int32Array[]): Buffer {
  // alphabet: every letter of the keys, code-point order (at most 127, as in the lexicon)
  const letters = new Set<string>();
  for (const w of words) for (const ch of w) letters.add(ch);
  const alphabet = [...letters].sort();
  if (alphabet.length > 127) throw new Error(`alphabet too large: ${alphabet.length}`);
  const code = new Map(alphabet.map((ch, i) => [ch, 0x80 + i]));
  const order = words
    .map((_, i) => i)
    .sort((a, b) => ((words[a] as string) < (words[b] as string) ? -1 : 1));
  const header = [
    WORD_CLASSES_MAGIC,
    alphabet.join(""),
    `levels=${LEVELS.join(",")}`,
    `words=${words.length}`,
    `min=${MIN}`,
    `method=${opt.method}`,
    `passes=${ITERS}`,
    ...(opt.method === "exchange"
      ? [`base=${BASE_CLASSES}`]
      : [`contexts=${CONTEXTS}`, `dim=${DIM}`, `window=${WINDOW}`, `seed=${SEED}`]),
  ].join("\t");
  const chunks: Buffer[] = [Buffer.from(`${header}\n`, "utf8")];
  // parent table: for each coarse level, FINE uint16 LE
  const table = Buffer.alloc(parents.length * FINE * 2);
  parents.forEach((p, l) => {
    for (let f = 0; f < FINE; f++) table.writeUInt16LE(p[f] as number, (l * FINE + f) * 2);
  });
  chunks.push(table);
  const body: number[] = [];
  for (const i of order) {
    for (const ch of words[i] as string) body.push(code.get(ch) as number);
    const f = fine[i] as number;
    body.push(f >> 7, f & 0x7f);
  }
  chunks.push(Buffer.from(body));
  return Buffer.concat(chunks);
}

// ---------------------------------------------------------------------------------------------
// Evaluation: how much do the classes help to type ANERcorp words unseen in training?
// A token classifier (averaged perceptron; PERS/LOC/ORG/MISC/O, no BIO) is trained on the first
// 80% of the sentences of ANERcorp train and scored on the rest, with and without class
// features; entity-type F1 is reported on all dev tokens and on dev tokens unseen in training.

type Lookup = (norm: string) => readonly number[] | undefined;

function evaluate(lookup: Lookup, levels: readonly number[], stem: boolean): void {
  const sents: { norm: string; type: string }[][] = [[]];
  for (const line of readFileSync(ANERCORP, "utf8").split("\n")) {
    const [tok, tag] = line.trim().split(/\s+/);
    if (!tok || !tag) {
      if ((sents[sents.length - 1] as unknown[]).length) sents.push([]);
      continue;
    }
    sents[sents.length - 1]?.push({
      norm: normalizeArabic(tok),
      type: tag === "O" ? "O" : tag.slice(2),
    });
  }
  const classes = (norm: string): readonly number[] | undefined => {
    const c = lookup(norm);
    if (c || !stem) return c;
    const { start, end } = mentionCore(norm);
    return end - start < norm.length ? lookup(norm.slice(start, end)) : undefined;
  };
  // counts[useClasses][onlyUnseen] = [tp, fp, fn], summed over the folds
  const counts = [0, 1].map(() => [0, 1].map(() => [0, 0, 0]));
  let unseen = 0;
  let unseenCovered = 0;
  for (let fold = 0; fold < FOLDS; fold++) {
    const lo = Math.floor((sents.length * fold) / FOLDS);
    const hi = Math.floor((sents.length * (fold + 1)) / FOLDS);
    const train = [...sents.slice(0, lo), ...sents.slice(hi)];
    const dev = sents.slice(lo, hi);
    const seen = new Set(train.flat().map((t) => t.norm));
    for (const t of dev.flat())
      if (!seen.has(t.norm) && t.type !== "O") {
        unseen++;
        if (classes(t.norm)) unseenCovered++;
      }
    for (const useClasses of [0, 1]) {
      const features = (s: { norm: string }[], i: number): string[] => {
        const f = ["b"];
        for (let d = -1; d <= 1; d++) {
          const t = s[i + d];
          const w = t ? t.norm : "<s>";
          if (d === 0 || seen.has(w)) f.push(`w${d}=${w}`);
          if (d === 0) f.push(`suf=${w.slice(-2)}`, `pre=${w.slice(0, 2)}`);
          if (!useClasses || !t) continue;
          const c = classes(w);
          if (!c) f.push(`c${d}=none`);
          else
            c.forEach((id, l) => {
              f.push(`c${d}:${levels[l]}=${id}`);
            });
        }
        return f;
      };
      const { predict } = trainPerceptron(train, features);
      for (const s of dev)
        s.forEach((t, i) => {
          const p = predict(s, i);
          for (const onlyUnseen of [0, 1]) {
            if (onlyUnseen && seen.has(t.norm)) continue;
            const c = counts[useClasses]?.[onlyUnseen] as number[];
            if (p !== "O" && p === t.type) c[0] = (c[0] as number) + 1;
            else {
              if (p !== "O") c[1] = (c[1] as number) + 1;
              if (t.type !== "O") c[2] = (c[2] as number) + 1;
            }
          }
        });
    }
  }
  const f1 = (c: number[]) =>
    (
      (2 * (c[0] as number)) /
      Math.max(1, 2 * (c[0] as number) + (c[1] as number) + (c[2] as number))
    ).toFixed(3);
  log(
    `eval (${FOLDS}-fold): ${unseen} entity tokens unseen in training, ${unseenCovered} of them with a class`,
  );
  for (const useClasses of [0, 1]) {
    const c = counts[useClasses] as number[][];
    log(
      `eval ${useClasses ? "with classes   " : "without classes"}: entity-type F1 all ${f1(c[0] as number[])}, unseen ${f1(c[1] as number[])}`,
    );
  }
}

const FOLDS = 5;
const LABELS = ["O", "PERS", "LOC", "ORG", "MISC"];

/** Averaged perceptron over LABELS, 8 epochs. */
function trainPerceptron(
  train: { norm: string; type: string }[][],
  features: (s: { norm: string }[], i: number) => string[],
): { predict: (s: { norm: string }[], i: number) => string } {
  const index = new Map<string, number>();
  const featIds = (s: { norm: string }[], i: number, grow: boolean) =>
    features(s, i)
      .map((f) => {
        let id = index.get(f);
        if (id === undefined && grow) {
          id = index.size;
          index.set(f, id);
        }
        return id ?? -1;
      })
      .filter((id) => id >= 0);
  const trainX = train.map((s) => s.map((_, i) => featIds(s, i, true)));
  const L = LABELS.length;
  const w = new Float64Array(index.size * L);
  const acc = new Float64Array(index.size * L); // for averaging: sum of (step · update)
  let step = 1;
  const argmax = (x: number[], wt: Float64Array) => {
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let y = 0; y < L; y++) {
      let v = 0;
      for (const f of x) v += wt[f * L + y] as number;
      if (v > bestScore) {
        bestScore = v;
        best = y;
      }
    }
    return best;
  };
  for (let epoch = 0; epoch < 8; epoch++) {
    train.forEach((s, si) => {
      s.forEach((t, i) => {
        const x = trainX[si]?.[i] as number[];
        const gold = LABELS.indexOf(t.type);
        const guess = argmax(x, w);
        if (guess !== gold) {
          for (const f of x) {
            w[f * L + gold] = (w[f * L + gold] as number) + 1;
            w[f * L + guess] = (w[f * L + guess] as number) - 1;
            acc[f * L + gold] = (acc[f * L + gold] as number) + step;
            acc[f * L + guess] = (acc[f * L + guess] as number) - step;
          }
        }
        step++;
      });
    });
  }
  const avg = w.map((v, i) => v - (acc[i] as number) / step);
  return { predict: (s, i) => LABELS[argmax(featIds(s, i, false), avg)] as string };
}

async function main(): Promise<void> {
  if (opt["eval-only"]) return evaluateFile(opt["eval-only"]);
  await readCorpus();
  log(`corpus: ${len} tokens, ${names.length} types`);
  const count = new Float64Array(names.length);
  for (let i = 0; i < len; i++)
    count[stream[i] as number] = (count[stream[i] as number] as number) + 1;
  const byCount = names
    .map((_, i) => i)
    .sort(
      (a, b) =>
        (count[b] as number) - (count[a] as number) ||
        ((names[a] as string) < (names[b] as string) ? -1 : 1),
    );
  const contextOf = new Int32Array(names.length).fill(-1);
  byCount.slice(0, CONTEXTS).forEach((id, c) => {
    contextOf[id] = c;
  });
  const targetOf = new Int32Array(names.length).fill(-1);
  const words: string[] = [];
  for (const id of byCount) {
    if (!isWord[id] || (count[id] as number) < MIN) continue;
    targetOf[id] = words.length;
    words.push(names[id] as string);
  }
  log(`targets: ${words.length} words seen >= ${MIN} times; contexts: ${CONTEXTS}`);
  let fine: Int32Array;
  let parents: Int32Array[];
  if (opt.method === "exchange") ({ fine, parents } = exchangeHierarchy(count, byCount));
  else ({ fine, parents } = kmeansHierarchy(targetOf, contextOf, words));
  const sizes = LEVELS.map((k, l) => {
    const at = l < parents.length ? fine.map((f) => (parents[l] as Int32Array)[f] as number) : fine;
    return `${k} classes (largest ${largest(at, k)} words)`;
  });
  log(`levels: ${sizes.join(", ")}`);
  if (opt.sample) printSamples(words, fine, parents);
  const file = writeFile(words, fine, parents);
  mkdirSync(dirname(opt.out), { recursive: true });
  writeFileSync(opt.out, file);
  log(`wrote ${opt.out}: ${file.length} bytes`);
  if (opt.eval) evaluateFile(opt.out);
}

function kmeansHierarchy(
  targetOf: Int32Array,
  contextOf: Int32Array,
  words: string[],
): { fine: Int32Array; parents: Int32Array[] } {
  const positions: number[] = [];
  for (let d = 1; d <= WINDOW; d++) positions.push(-d, d);
  const m = cooccurrence(targetOf, contextOf, words.length, positions);
  log(`co-occurrence: ${m.idx.length} non-zeros`);
  ppmi(m, 0.75);
  const rand = rng(SEED);
  const x = embed(m, rand);
  log(`embedded in ${DIM} dimensions`);
  const fine = kmeans(x, words.length, FINE, rand);
  return { fine, parents: coarsen(x, words.length, fine, rand) };
}

/** Prints the most frequent words of the classes of a few probe words (words: by frequency). */
function printSamples(words: string[], fine: Int32Array, parents: Int32Array[]): void {
  const index = new Map(words.map((w, i) => [w, i]));
  const mid = parents.length - 1; // the level just above the finest
  for (const w of [
    "يناير",
    "جانفي",
    "فرنسا",
    "صفاقس",
    "محمد",
    "بوتين",
    "اوباما",
    "قال",
    "وزاره",
    "الدولار",
  ]) {
    const i = index.get(w);
    if (i === undefined) continue;
    const f = fine[i] as number;
    const ids = [...parents.map((p) => p[f] as number), f];
    const same = (j: number, level: number) =>
      level === parents.length
        ? fine[j] === f
        : (parents[level] as Int32Array)[fine[j] as number] === ids[level];
    const top = (level: number) =>
      words
        .filter((_, j) => same(j, level))
        .slice(0, 14)
        .join(" ");
    console.log(
      `${w} [${ids.join("/")}]\n  fine: ${top(parents.length)}\n  ${LEVELS[mid]}: ${top(mid)}`,
    );
  }
}

/** Evaluates one class file, or several (comma-separated) used together. */
function evaluateFile(paths: string): void {
  const all = paths.split(",").map((path) => {
    setWordClassesPath(path);
    const wc = loadWordClasses();
    log(
      `loaded ${path}: ${wc.size} words, levels ${wc.levels.join(",")}, ${wc.loadMs.toFixed(1)} ms`,
    );
    return wc;
  });
  // --eval-levels 64,256: only these levels of every file
  const keep = (l: number) =>
    !opt["eval-levels"] || opt["eval-levels"].split(",").includes(String(l));
  const lookup = (w: string) => {
    const ids: number[] = [];
    for (const wc of all)
      wc.classIds(w)?.forEach((id, l) => {
        if (keep(wc.levels[l] as number)) ids.push(id);
      });
    return ids.length > 0 ? ids : undefined;
  };
  const levels = all.flatMap((wc, i) => wc.levels.filter(keep).map((l) => l + i * 100000));
  evaluate(lookup, levels, opt.stem);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
