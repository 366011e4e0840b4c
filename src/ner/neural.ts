/**
 * The neural NER tagger: a BiLSTM-CRF (Huang et al. 2015; Lample et al. 2016) over two views of
 * each word:
 *
 * - its pre-trained vector (data/ner/embeddings.bin; the clitic-stripped stem's when the word
 *   itself has none), fixed during training, so words never seen in ANERcorp but seen in 10M
 *   words of news and Wikipedia still land near their kind;
 * - a dense "feature bag": the sum of learned vectors for the word's sparse features (the
 *   perceptron's: affixes, shape, word classes, gazetteer matches, neighbours), hashed into
 *   2^bucketBits rows.
 *
 * Both directions' states feed a linear layer to tag scores; a CRF's transition scores and the
 * BIO constraints (I-X only after B-X or I-X) join them in Viterbi decoding, and forward-backward
 * gives each tag's marginal probability as its confidence.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { normalizeArabic } from "../text/index.js";
import { DEFAULT_CONSISTENCY, settleDocument } from "./consistency.js";
import type { Embeddings } from "./embeddings.js";
import {
  extractFeatures,
  type FeatureBlock,
  type FeatureResources,
  ownFeatures,
  type SentenceFeatures,
  wordStem,
} from "./features.js";
import { MatVec } from "./kernel.js";
import { dot, type LstmTrace, type LstmWeights, lstmCell, lstmForward } from "./lstm.js";
import { bioTransitions, forwardBackward, viterbi } from "./model.js";
import { NerTagger, openContainer, type TaggedSentence } from "./tagger.js";

export interface NeuralConfig {
  labels: string[];
  /** Pre-trained vector size (the embeddings file's). */
  embDim: number;
  /** Feature-bag vector size. */
  bagDim: number;
  /** log2 of the number of feature-bag rows. */
  bucketBits: number;
  /** LSTM state size per direction. */
  hidden: number;
  /**
   * Which sparse features fill the bag: `all` (the perceptron's, with ±2 words of context) or
   * `own` (only the word's own and its gazetteer labels; context is left to the LSTM).
   */
  bagFeatures: "all" | "own";
  /**
   * How much the partner perceptron's log-potentials count when added to this model's (a
   * product of experts); 0 when there is no partner.
   */
  partnerWeight: number;
}

/** Where each dense parameter block sits in the one flat array (so optimisers see one vector). */
export interface DenseLayout {
  forward: LstmWeights;
  backward: LstmWeights;
  /** Output layer: L × 2H, then L biases. */
  out: Float32Array;
  outBias: Float32Array;
  /** (L + 1) × L: row 0 is the start of a sentence. */
  transitions: Float32Array;
}

export function inputSize(config: NeuralConfig): number {
  return config.embDim + config.bagDim;
}

/** The sizes of the dense blocks, in storage order. */
export function denseSizes(config: NeuralConfig): number[] {
  const D = inputSize(config);
  const H = config.hidden;
  const L = config.labels.length;
  const lstm = [4 * H * D, 4 * H * H, 4 * H];
  return [...lstm, ...lstm, L * 2 * H, L, (L + 1) * L];
}

/** Views of the blocks inside `dense` (which must have the total of denseSizes). */
export function denseLayout(config: NeuralConfig, dense: Float32Array): DenseLayout {
  let at = 0;
  const [a, b, c, d, e, f, g, h, i] = denseSizes(config).map((size) => {
    const view = dense.subarray(at, at + size);
    at += size;
    return view;
  }) as Float32Array[];
  return {
    forward: { W: a as Float32Array, U: b as Float32Array, b: c as Float32Array },
    backward: { W: d as Float32Array, U: e as Float32Array, b: f as Float32Array },
    out: g as Float32Array,
    outBias: h as Float32Array,
    transitions: i as Float32Array,
  };
}

/** One sentence's inputs: the embedding rows and, per token, its feature-bag rows. */
export interface SentenceInputs {
  n: number;
  /** Embedding row of each token, or -1. */
  rows: Int32Array;
  /** Bag rows of token i: bagRows[bagOffsets[i] .. bagOffsets[i+1]). */
  bagRows: Int32Array;
  bagOffsets: Int32Array;
}

/** The embedding row of a word: its normalised form's, else its stem's, else -1. */
export function embeddingRow(
  word: string,
  embeddings: Embeddings,
  resources?: FeatureResources,
): number {
  const row = embeddings.row(normalizeArabic(word));
  return row >= 0 ? row : embeddings.row(wordStem(word, resources));
}

/** The feature-bag rows of a sentence's features. */
export function bagRows(features: SentenceFeatures, bucketBits: number): SentenceInputs {
  const mask = (1 << bucketBits) - 1;
  const n = features.offsets.length - 1;
  const out: number[] = [];
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    offsets[i] = out.length;
    if (features.blocks && features.blockOffsets) {
      for (
        let b = features.blockOffsets[i] as number;
        b < (features.blockOffsets[i + 1] as number);
        b++
      ) {
        const block = (features.blocks[b] as FeatureBlock).feats;
        for (let k = 0; k < block.length; k++) out.push((block[k] as number) & mask);
      }
    }
    for (let f = features.offsets[i] as number; f < (features.offsets[i + 1] as number); f++)
      out.push((features.feats[f] as number) & mask);
  }
  offsets[n] = out.length;
  return { n, rows: new Int32Array(n), bagRows: Int32Array.from(out), bagOffsets: offsets };
}

export class NeuralTagger {
  readonly dense: DenseLayout;
  readonly allowed: Uint8Array;
  readonly D: number;

  constructor(
    readonly config: NeuralConfig,
    /** All dense parameters (see denseSizes). */
    readonly params: Float32Array,
    /** 2^bucketBits × bagDim feature-bag vectors. */
    readonly bag: FeatureBag,
    readonly embeddings: Embeddings,
    readonly info: Record<string, unknown> = {},
    /** The perceptron whose scores join this model's (see NeuralConfig.partnerWeight). */
    readonly partner?: NerTagger,
  ) {
    this.dense = denseLayout(config, params);
    this.allowed = bioTransitions(config.labels);
    this.D = inputSize(config);
  }

  get labels(): readonly string[] {
    return this.config.labels;
  }

  /** The inputs of a sentence of words (features hashed to bag rows, embedding rows looked up). */
  inputs(
    words: readonly string[],
    resources?: FeatureResources,
    features: SentenceFeatures = this.config.bagFeatures === "own"
      ? ownFeatures(words, resources)
      : extractFeatures(words, resources),
  ): SentenceInputs {
    const inputs = bagRows(features, this.config.bucketBits);
    words.forEach((word, i) => {
      inputs.rows[i] = embeddingRow(word, this.embeddings, resources);
    });
    return inputs;
  }

  /** Adds token t's feature-bag vector (the sum of its rows) to out[offset ..]. */
  private addBag(inputs: SentenceInputs, t: number, out: Float32Array, offset: number): void {
    for (let f = inputs.bagOffsets[t] as number; f < (inputs.bagOffsets[t + 1] as number); f++)
      this.bag.addRow(inputs.bagRows[f] as number, out, offset);
  }

  /** The input vectors (n × D), before any dropout. */
  inputVectors(inputs: SentenceInputs): Float32Array {
    const { embDim } = this.config;
    const D = this.D;
    const xs = new Float32Array(inputs.n * D);
    for (let i = 0; i < inputs.n; i++) {
      const row = inputs.rows[i] as number;
      if (row >= 0) this.embeddings.addRow(row, xs, i * D);
      this.addBag(inputs, i, xs, i * D + embDim);
    }
    return xs;
  }

  /** Tag scores (n × L) from input vectors, with both directions' traces for training. */
  scores(
    xs: Float32Array,
    n: number,
  ): { emissions: Float32Array; forward: LstmTrace; backward: LstmTrace } {
    const H = this.config.hidden;
    const L = this.config.labels.length;
    const forward = lstmForward(this.dense.forward, xs, n, this.D, H, false);
    const backward = lstmForward(this.dense.backward, xs, n, this.D, H, true);
    const emissions = new Float32Array(n * L);
    const { out, outBias } = this.dense;
    for (let t = 0; t < n; t++) {
      for (let y = 0; y < L; y++) {
        let s = outBias[y] as number;
        const o = y * 2 * H;
        for (let k = 0; k < H; k++) {
          s += (out[o + k] as number) * (forward.states[t * H + k] as number);
          s += (out[o + H + k] as number) * (backward.states[t * H + k] as number);
        }
        emissions[t * L + y] = s;
      }
    }
    return { emissions, forward, backward };
  }

  /**
   * Tag scores for tagging (no traces kept): the same as `scores`, but each distinct word's
   * embedding goes through the input weights once and is remembered (b + W·e for both
   * directions), so only the feature bag is multiplied per token.
   */
  fastScores(inputs: SentenceInputs): Float32Array {
    const { embDim, bagDim, hidden: H } = this.config;
    const L = this.config.labels.length;
    const G = 4 * H;
    const D = this.D;
    const n = inputs.n;
    const bags = new Float32Array(n * bagDim);
    for (let t = 0; t < n; t++) this.addBag(inputs, t, bags, t * bagDim);
    const simd = this.simd();
    const states: Float32Array[] = [];
    for (const [direction, weights] of [this.dense.forward, this.dense.backward].entries()) {
      const trace = {
        gates: new Float32Array(n * G),
        cells: new Float32Array(n * H),
        states: new Float32Array(n * H),
      };
      if (simd) {
        // per step: z = b + W·e (remembered) + W_bag·bag + U·h, the products in WebAssembly
        const { kernel, bagWeights, recurrent, x, out } = simd;
        const z = new Float32Array(G);
        for (let s = 0; s < n; s++) {
          const t = direction === 1 ? n - 1 - s : s;
          const prev = s === 0 ? -1 : direction === 1 ? t + 1 : t - 1;
          const own = this.projection(inputs.rows[t] as number);
          kernel.view.set(bags.subarray(t * bagDim, (t + 1) * bagDim), x);
          kernel.matvec(bagWeights[direction] as number, x, out, G, bagDim);
          let memory = kernel.view;
          for (let j = 0; j < G; j++)
            z[j] = (own[direction * G + j] as number) + (memory[out + j] as number);
          if (prev >= 0) {
            memory.set(trace.states.subarray(prev * H, prev * H + H), x);
            kernel.matvec(recurrent[direction] as number, x, out, G, H);
            memory = kernel.view;
            for (let j = 0; j < G; j++) z[j] = (z[j] as number) + (memory[out + j] as number);
          }
          lstmCell(z, trace, t, prev, H);
        }
      } else {
        const pre = new Float32Array(n * G);
        for (let t = 0; t < n; t++) {
          const own = this.projection(inputs.rows[t] as number);
          for (let j = 0; j < G; j++)
            pre[t * G + j] =
              (own[direction * G + j] as number) +
              dot(weights.W, j * D + embDim, bags, t * bagDim, bagDim);
        }
        lstmForward(weights, bags, n, D, H, direction === 1, trace, pre);
      }
      states.push(trace.states);
    }
    const [forward, backward] = states as [Float32Array, Float32Array];
    const emissions = new Float32Array(n * L);
    const { out, outBias } = this.dense;
    for (let t = 0; t < n; t++) {
      for (let y = 0; y < L; y++) {
        emissions[t * L + y] =
          (outBias[y] as number) +
          dot(out, y * 2 * H, forward, t * H, H) +
          dot(out, y * 2 * H + H, backward, t * H, H);
      }
    }
    return emissions;
  }

  private readonly projections = new Map<number, Float32Array>();
  private kernelState: SimdWeights | null | undefined;

  /** Forgets what was derived from the weights (training calls it after every update). */
  weightsChanged(): void {
    this.projections.clear();
    this.kernelState = undefined;
  }

  /**
   * The weights the SIMD kernel multiplies, copied into its memory on first use: each
   * direction's bag columns of W (4H × bagDim) and U (4H × H). Null where the kernel cannot run
   * (no WebAssembly SIMD, or sizes that are not multiples of 4).
   */
  private simd(): SimdWeights | null {
    if (this.kernelState !== undefined) return this.kernelState;
    const { embDim, bagDim, hidden: H } = this.config;
    const kernel = bagDim % 4 === 0 && H % 4 === 0 ? MatVec.create() : undefined;
    if (!kernel) {
      this.kernelState = null;
      return null;
    }
    const G = 4 * H;
    const D = this.D;
    const bagWeights: number[] = [];
    const recurrent: number[] = [];
    for (const weights of [this.dense.forward, this.dense.backward]) {
      const bagAt = kernel.allocate(G * bagDim);
      const uAt = kernel.allocate(G * H);
      const view = kernel.view;
      for (let j = 0; j < G; j++)
        view.set(weights.W.subarray(j * D + embDim, j * D + embDim + bagDim), bagAt + j * bagDim);
      view.set(weights.U, uAt);
      bagWeights.push(bagAt);
      recurrent.push(uAt);
    }
    const x = kernel.allocate(Math.max(bagDim, H));
    const out = kernel.allocate(G);
    this.kernelState = { kernel, bagWeights, recurrent, x, out };
    return this.kernelState;
  }

  /** b + W·e of an embedding row (-1: no embedding) for the forward, then the backward LSTM. */
  private projection(row: number): Float32Array {
    let p = this.projections.get(row);
    if (p) return p;
    const { embDim, hidden: H } = this.config;
    const G = 4 * H;
    const D = this.D;
    const e = new Float32Array(embDim);
    if (row >= 0) this.embeddings.addRow(row, e, 0);
    p = new Float32Array(2 * G);
    for (const [direction, weights] of [this.dense.forward, this.dense.backward].entries())
      for (let j = 0; j < G; j++)
        p[direction * G + j] = (weights.b[j] as number) + dot(weights.W, j * D, e, 0, embDim);
    // bounded: a long-running process sees ever new words
    if (this.projections.size >= PROJECTION_CACHE) this.projections.clear();
    this.projections.set(row, p);
    return p;
  }

  /** Best tags and each tag's marginal probability, for one sentence on its own. */
  tag(words: readonly string[], resources?: FeatureResources): TaggedSentence {
    return this.tagDocument([words], resources)[0] as TaggedSentence;
  }

  /**
   * Tags the sentences of one document (or of a file in document order): this model's scores,
   * plus the partner perceptron's (which reads the document in two passes) when there is one,
   * decoded per sentence; then each name's type is settled across a window of sentences (see
   * consistency.ts).
   */
  tagDocument(
    sentences: readonly (readonly string[])[],
    resources?: FeatureResources,
    options: { article?: boolean } = {},
  ): TaggedSentence[] {
    const own = this.config.bagFeatures === "own";
    const weight = this.config.partnerWeight;
    const paired = this.partner !== undefined && weight > 0;
    // the perceptron's features: for the partner, and for a bag of all features
    const features =
      paired || !own ? sentences.map((words) => extractFeatures(words, resources)) : undefined;
    const emissions = sentences.map((words, i) =>
      words.length === 0
        ? new Float32Array(0)
        : this.fastScores(this.inputs(words, resources, own ? undefined : features?.[i])),
    );
    let transitions = this.dense.transitions;
    if (this.partner && paired) {
      const partner = this.partner.documentPotentials(sentences, resources, features);
      transitions = transitions.map((x, k) => x + weight * (partner.transitions[k] as number));
      emissions.forEach((e, i) => {
        const p = partner.emissions[i] as Float32Array;
        for (let k = 0; k < e.length; k++) e[k] = (e[k] as number) + weight * (p[k] as number);
      });
    }
    const L = this.config.labels.length;
    const tagged = emissions.map((e) => {
      if (e.length === 0) return { tags: [], confidences: [] };
      const path = viterbi(e, transitions, this.allowed, L);
      const marginals = forwardBackward(e, transitions, this.allowed, L, 1);
      const tags: string[] = [];
      const confidences: number[] = [];
      path.forEach((y, t) => {
        tags.push(this.config.labels[y] as string);
        confidences.push(marginals[t * L + y] as number);
      });
      return { tags, confidences };
    });
    const stems = sentences.map(
      (words, i) => features?.[i]?.stems ?? words.map((word) => wordStem(word, resources)),
    );
    return settleDocument(
      stems,
      tagged,
      options.article
        ? { ...DEFAULT_CONSISTENCY, window: sentences.length, nameParts: true }
        : DEFAULT_CONSISTENCY,
    );
  }

  serialize(): Buffer {
    const header = Buffer.from(JSON.stringify({ config: this.config, info: this.info }));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    const { scales, q } = this.bag.quantized();
    return gzipSync(
      Buffer.concat([
        Buffer.from(NEURAL_MAGIC),
        length,
        header,
        Buffer.from(this.params.buffer, this.params.byteOffset, this.params.byteLength),
        Buffer.from(scales.buffer),
        Buffer.from(q.buffer),
        this.partner ? this.partner.rawBytes() : Buffer.alloc(0),
      ]),
      { level: 9 },
    );
  }

  static deserialize(data: Buffer, embeddings: Embeddings): NeuralTagger {
    return NeuralTagger.fromRaw(gunzipSync(data), embeddings);
  }

  /** A tagger from its file's bytes after gunzip. */
  static fromRaw(raw: Buffer, embeddings: Embeddings): NeuralTagger {
    const opened = openContainer<{ config: NeuralConfig; info: Record<string, unknown> }>(
      raw,
      NEURAL_MAGIC,
      "not a marsad neural NER tagger file",
    );
    const { header } = opened;
    let { at } = opened;
    const { config } = header;
    const take = (bytes: number) => {
      const copy = raw.buffer.slice(raw.byteOffset + at, raw.byteOffset + at + bytes);
      at += bytes;
      return copy;
    };
    const total = denseSizes(config).reduce((a, b) => a + b, 0);
    const params = new Float32Array(take(total * 4));
    const rows = 1 << config.bucketBits;
    const scales = new Float32Array(take(rows * 4));
    const q = new Int8Array(take(rows * config.bagDim));
    const bag = FeatureBag.fromQuantized(config.bagDim, q, scales);
    // what follows, if anything, is the partner perceptron's own file
    const partner = at < raw.length ? NerTagger.fromRaw(raw.subarray(at)) : undefined;
    return new NeuralTagger(config, params, bag, embeddings, header.info, partner);
  }
}

export const NEURAL_MAGIC = "MRSDNN01";

/**
 * The feature-bag vectors: floats while training; int8 with a scale per row once saved (a
 * quarter of the memory, and nothing to convert at load).
 */
export class FeatureBag {
  private constructor(
    readonly dim: number,
    /** Present while trainable. */
    readonly floats: Float32Array | undefined,
    private readonly q: Int8Array | undefined,
    private readonly scales: Float32Array | undefined,
  ) {}

  static trainable(rows: number, dim: number): FeatureBag {
    return new FeatureBag(dim, new Float32Array(rows * dim), undefined, undefined);
  }

  static fromQuantized(dim: number, q: Int8Array, scales: Float32Array): FeatureBag {
    return new FeatureBag(dim, undefined, q, scales);
  }

  /** Adds row `row`'s vector to out[offset ..]. */
  addRow(row: number, out: Float32Array, offset: number): void {
    const dim = this.dim;
    const from = row * dim;
    if (this.floats) {
      for (let k = 0; k < dim; k++)
        out[offset + k] = (out[offset + k] as number) + (this.floats[from + k] as number);
      return;
    }
    const q = this.q as Int8Array;
    const scale = (this.scales as Float32Array)[row] as number;
    if (scale === 0) return;
    for (let k = 0; k < dim; k++)
      out[offset + k] = (out[offset + k] as number) + scale * (q[from + k] as number);
  }

  /** int8 components with a scale per row (rows no feature reached stay zero and gzip away). */
  quantized(): { q: Int8Array; scales: Float32Array } {
    if (!this.floats) return { q: this.q as Int8Array, scales: this.scales as Float32Array };
    const dim = this.dim;
    const rows = this.floats.length / dim;
    const scales = new Float32Array(rows);
    const q = new Int8Array(this.floats.length);
    for (let r = 0; r < rows; r++) {
      let max = 0;
      for (let k = 0; k < dim; k++)
        max = Math.max(max, Math.abs(this.floats[r * dim + k] as number));
      if (max === 0) continue;
      scales[r] = max / 127;
      for (let k = 0; k < dim; k++)
        q[r * dim + k] = Math.round((this.floats[r * dim + k] as number) / (max / 127));
    }
    return { q, scales };
  }
}

interface SimdWeights {
  kernel: MatVec;
  /** Where each direction's matrices start in the kernel's memory (floats). */
  bagWeights: number[];
  recurrent: number[];
  /** The input vector and the output of a product. */
  x: number;
  out: number;
}
/** Distinct words whose input projection is remembered (2 KB each at 64 hidden units). */
const PROJECTION_CACHE = 50_000;
