/**
 * Pre-trains the word vectors the NER tagger reads (data/ner/embeddings.bin): skip-gram with
 * negative sampling (Mikolov et al. 2013) over ANT news and the Arabic Wikipedia subset, tokenised
 * and normalised exactly as the tagger sees words (clitics attached: والصين is a word of its own).
 *
 *   npx tsx scripts/train-embeddings.ts            # about 10 minutes on one core
 *
 * One thread and a seeded generator, so two runs write the same bytes.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { encodeEmbeddings } from "../src/ner/embeddings.js";
import { tokenize } from "../src/text/index.js";
import { readParagraphs } from "./lib/corpus.js";
import { ROOT } from "./lib/ner-dev.js";

const { values: opt } = parseArgs({
  options: {
    dim: { type: "string", default: "64" },
    window: { type: "string", default: "5" },
    negative: { type: "string", default: "5" },
    epochs: { type: "string", default: "3" },
    min: { type: "string", default: "5" },
    words: { type: "string", default: "100000" },
    sample: { type: "string", default: "1e-4" },
    rate: { type: "string", default: "0.025" },
    seed: { type: "string", default: "7" },
    out: { type: "string", default: join(ROOT, "data", "ner", "embeddings.bin") },
  },
});
const DIM = Number(opt.dim);
const WINDOW = Number(opt.window);
const NEGATIVE = Number(opt.negative);
const EPOCHS = Number(opt.epochs);
const t0 = Date.now();
const log = (m: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0)} s] ${m}`);

// 1. The corpus as a stream of ids; a boundary id ends each paragraph (windows do not cross it).
const ids = new Map<string, number>();
const keys: string[] = [];
const counts: number[] = [];
let stream = new Int32Array(1 << 24);
let length = 0;
function push(key: string): void {
  let id = ids.get(key);
  if (id === undefined) {
    id = keys.length;
    ids.set(key, id);
    keys.push(key);
    counts.push(0);
  }
  counts[id] = (counts[id] as number) + 1;
  if (length === stream.length) {
    const grown = new Int32Array(stream.length * 2);
    grown.set(stream);
    stream = grown;
  }
  stream[length++] = id;
}
await readParagraphs((text) => {
  for (const t of tokenize(text)) push(t.kind === "word" ? (t.norm ?? t.text) : embeddingKey(t));
  if (length > 0 && stream[length - 1] !== -1) {
    if (length === stream.length) {
      const grown = new Int32Array(stream.length * 2);
      grown.set(stream);
      stream = grown;
    }
    stream[length++] = -1;
  }
});
log(`${length} tokens, ${keys.length} types`);

/** Non-word tokens share one key per kind (numbers, Latin words…), punctuation keeps its mark. */
function embeddingKey(t: { kind: string; text: string }): string {
  return t.kind === "punct" ? t.text : `<${t.kind}>`;
}

// 2. The vocabulary: the most frequent types seen at least `min` times, re-numbered by rank.
const ranked = keys
  .map((_, id) => id)
  .filter((id) => (counts[id] as number) >= Number(opt.min))
  .sort(
    (a, b) =>
      (counts[b] as number) - (counts[a] as number) ||
      (keys[a] as string).localeCompare(keys[b] as string),
  )
  .slice(0, Number(opt.words));
const vocabOf = new Int32Array(keys.length).fill(-1);
ranked.forEach((id, rank) => {
  vocabOf[id] = rank;
});
const V = ranked.length;
const freq = new Float64Array(V);
let total = 0;
for (let r = 0; r < V; r++) {
  freq[r] = counts[ranked[r] as number] as number;
  total += freq[r] as number;
}
// the stream in vocabulary ids; out-of-vocabulary tokens are dropped, boundaries kept
let n = 0;
for (let i = 0; i < length; i++) {
  const id = stream[i] as number;
  const v = id < 0 ? -1 : (vocabOf[id] as number);
  if (id < 0 || v >= 0) stream[n++] = v;
}
log(`vocabulary ${V}, ${n} tokens kept`);

// 3. Skip-gram with negative sampling.
let seed = Number(opt.seed) >>> 0;
const random = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 4294967296;
};
const TABLE = 1 << 24;
const table = new Int32Array(TABLE);
{
  let norm = 0;
  for (let r = 0; r < V; r++) norm += (freq[r] as number) ** 0.75;
  let r = 0;
  let cumulative = (freq[0] as number) ** 0.75 / norm;
  for (let i = 0; i < TABLE; i++) {
    table[i] = r;
    if (i / TABLE > cumulative && r < V - 1) {
      r++;
      cumulative += (freq[r] as number) ** 0.75 / norm;
    }
  }
}
const keep = new Float32Array(V);
const sample = Number(opt.sample) * total;
for (let r = 0; r < V; r++) {
  const f = freq[r] as number;
  keep[r] = Math.min(1, (Math.sqrt(f / sample) + 1) * (sample / f));
}
const input = new Float32Array(V * DIM);
for (let i = 0; i < input.length; i++) input[i] = (random() - 0.5) / DIM;
const output = new Float32Array(V * DIM);
const gradient = new Float32Array(DIM);
const sentence = new Int32Array(10000);
const startRate = Number(opt.rate);
const steps = EPOCHS * n;
let done = 0;

function train(center: number, context: number, rate: number): void {
  const ci = context * DIM;
  gradient.fill(0);
  for (let d = 0; d <= NEGATIVE; d++) {
    let target: number;
    let label: number;
    if (d === 0) {
      target = center;
      label = 1;
    } else {
      target = table[(random() * TABLE) | 0] as number;
      if (target === center) continue;
      label = 0;
    }
    const to = target * DIM;
    let dot = 0;
    for (let k = 0; k < DIM; k++) dot += (input[ci + k] as number) * (output[to + k] as number);
    const p = dot > 6 ? 1 : dot < -6 ? 0 : 1 / (1 + Math.exp(-dot));
    const g = (label - p) * rate;
    for (let k = 0; k < DIM; k++) {
      gradient[k] = (gradient[k] as number) + g * (output[to + k] as number);
      output[to + k] = (output[to + k] as number) + g * (input[ci + k] as number);
    }
  }
  for (let k = 0; k < DIM; k++) input[ci + k] = (input[ci + k] as number) + (gradient[k] as number);
}

for (let epoch = 0; epoch < EPOCHS; epoch++) {
  let i = 0;
  while (i < n) {
    // one paragraph, subsampled
    let len = 0;
    const from = i;
    while (i < n && stream[i] !== -1) {
      const w = stream[i] as number;
      if (random() < (keep[w] as number) && len < sentence.length) sentence[len++] = w;
      i++;
    }
    i++;
    const rate = Math.max(startRate * 1e-4, startRate * (1 - done / steps));
    for (let p = 0; p < len; p++) {
      const reach = 1 + Math.floor(random() * WINDOW);
      for (let q = Math.max(0, p - reach); q <= Math.min(len - 1, p + reach); q++)
        if (q !== p) train(sentence[p] as number, sentence[q] as number, rate);
    }
    const before = done;
    done += i - from;
    if (done >>> 22 !== before >>> 22)
      log(`epoch ${epoch + 1}: ${((100 * done) / steps).toFixed(1)}%`);
  }
}

const bytes = encodeEmbeddings(
  ranked.map((id) => keys[id] as string),
  input,
  DIM,
  `sgns dim=${DIM} window=${WINDOW} negative=${NEGATIVE} epochs=${EPOCHS} min=${opt.min} sample=${opt.sample} seed=${opt.seed} tokens=${n}`,
);
writeFileSync(opt.out, bytes);
log(`wrote ${opt.out}: ${(bytes.length / 1e6).toFixed(1)} MB`);
