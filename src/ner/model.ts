/**
 * The NER model: a linear scorer over hashed features (one weight per feature and label), label
 * transition weights, and decoding (Viterbi for the best BIO sequence, forward-backward for
 * per-token confidences). Serialised as a binary block that loads with a few typed-array copies
 * and one hash-table build.
 */
import type { FeatureBlock, SentenceFeatures } from "./features.js";

const MAGIC = "MRSDNER1";
/** Blocks whose sums a model keeps before it starts over (a few MB). */
const MAX_BLOCK_SUMS = 1 << 17;
/** Stamps of block-sum stores, unique across models (0 is never used). */
let stamps = 0;

export interface ModelInfo {
  /** Free-form facts about the training run (data, epochs, dev scores). */
  [key: string]: unknown;
}

export class NerModel {
  readonly labels: readonly string[];
  /** Feature hashes in row order, and their weights quantised to int16 (kept for saving). */
  private readonly hashes: Int32Array;
  private readonly quantised: Int16Array;
  /** A weight is quantised[row * L + label] * scale. */
  private readonly scale: number;
  /**
   * Open addressing at load factor <= 0.5. A slot is the key's two 16-bit halves followed by its
   * L weights, so a lookup usually touches one cache line; key 0 marks an empty slot (a feature
   * whose hash is 0 keeps its weights in `zeroKeyWeights`).
   */
  private readonly table: Int16Array;
  private readonly stride: number;
  private readonly mask: number;
  private readonly zeroKeyWeights: Int16Array | undefined;
  /** Summed weights of feature blocks (see blockSums), and this store's current stamp. */
  private sums = new Int32Array(1 << 12);
  private sumsUsed = 0;
  private stamp = ++stamps;
  /** transitions[(prev + 1) * L + label]; prev = -1 is the sentence start. */
  readonly transitions: Float32Array;
  /**
   * Divides scores before forward-backward so that marginals are calibrated probabilities; set
   * once by training after it is fitted on held-out sentences.
   */
  temperature: number;
  readonly info: ModelInfo;
  private readonly allowed: Uint8Array;

  constructor(
    labels: readonly string[],
    featureHashes: Int32Array,
    weights: Float32Array | { quantised: Int16Array; scale: number },
    transitions: Float32Array,
    temperature: number,
    info: ModelInfo = {},
  ) {
    this.labels = labels;
    this.hashes = featureHashes;
    const { quantised, scale } = weights instanceof Float32Array ? quantise(weights) : weights;
    this.quantised = quantised;
    this.scale = scale;
    this.transitions = transitions;
    this.temperature = temperature;
    this.info = info;
    const L = labels.length;
    let size = 1;
    while (size < featureHashes.length * 2) size <<= 1;
    this.mask = size - 1;
    this.stride = L + 2;
    this.table = new Int16Array(size * this.stride);
    let zero: Int16Array | undefined;
    for (let row = 0; row < featureHashes.length; row++) {
      const key = featureHashes[row] as number;
      const rowWeights = quantised.subarray(row * L, row * L + L);
      if (key === 0) {
        zero = rowWeights;
        continue;
      }
      let slot = mix(key) & this.mask;
      while (this.keyAt(slot) !== 0) slot = (slot + 1) & this.mask;
      const at = slot * this.stride;
      this.table[at] = key & 0xffff;
      this.table[at + 1] = key >> 16;
      this.table.set(rowWeights, at + 2);
    }
    this.zeroKeyWeights = zero;
    this.allowed = bioTransitions(labels);
  }

  private keyAt(slot: number): number {
    const at = slot * this.stride;
    return ((this.table[at] as number) & 0xffff) | ((this.table[at + 1] as number) << 16);
  }

  get featureCount(): number {
    return this.hashes.length;
  }

  /** Emission scores, n × L. */
  emissions(features: SentenceFeatures): Float32Array {
    const L = this.labels.length;
    const n = features.offsets.length - 1;
    const sums = scratch.int32("sums", n * L);
    sums.fill(0, 0, n * L);
    const { feats, offsets, blocks, blockOffsets } = features;
    for (let i = 0; i < n; i++) {
      const base = i * L;
      if (blocks && blockOffsets) {
        for (let b = blockOffsets[i] as number; b < (blockOffsets[i + 1] as number); b++) {
          const at = this.blockSums(blocks[b] as FeatureBlock);
          const pool = this.sums;
          for (let y = 0; y < L; y++)
            sums[base + y] = (sums[base + y] as number) + (pool[at + y] as number);
        }
      }
      this.accumulate(feats, offsets[i] as number, offsets[i + 1] as number, sums, base);
    }
    const scores = new Float32Array(n * L);
    for (let k = 0; k < scores.length; k++) scores[k] = (sums[k] as number) * this.scale;
    return scores;
  }

  /**
   * Where the summed weights of a block start in `sums`, computed on first sight. The sums of all
   * blocks live in one growing array rather than one small array each (fewer allocations, less
   * garbage); when it is full it starts over under a new stamp, which voids the old offsets.
   */
  private blockSums(block: FeatureBlock): number {
    if (block.stampA === this.stamp) return block.atA;
    if (block.stampB === this.stamp) return block.atB;
    const L = this.labels.length;
    if (this.sumsUsed + L > this.sums.length) {
      if (this.sums.length < MAX_BLOCK_SUMS * L) {
        const bigger = new Int32Array(this.sums.length * 2);
        bigger.set(this.sums);
        this.sums = bigger;
      } else {
        this.stamp = ++stamps;
        this.sumsUsed = 0;
      }
    }
    const at = this.sumsUsed;
    this.sumsUsed += L;
    this.sums.fill(0, at, at + L);
    this.accumulate(block.feats, 0, block.feats.length, this.sums, at);
    // Keep the newer of the two cached sums in slot A.
    block.stampB = block.stampA;
    block.atB = block.atA;
    block.stampA = this.stamp;
    block.atA = at;
    return at;
  }

  /** Adds the weights of feats[from..to) to sums[base .. base + L). */
  private accumulate(
    feats: Int32Array,
    from: number,
    to: number,
    sums: Int32Array,
    base: number,
  ): void {
    const L = this.labels.length;
    const { table, stride, mask } = this;
    for (let f = from; f < to; f++) {
      const key = feats[f] as number;
      if (key === 0) {
        const zero = this.zeroKeyWeights;
        if (zero)
          for (let y = 0; y < L; y++)
            sums[base + y] = (sums[base + y] as number) + (zero[y] as number);
        continue;
      }
      const lo = key & 0xffff;
      const hi = key >> 16;
      let at = (mix(key) & mask) * stride;
      for (;;) {
        const a = (table[at] as number) & 0xffff;
        const b = table[at + 1] as number;
        if (a === lo && b === hi) {
          for (let y = 0; y < L; y++)
            sums[base + y] = (sums[base + y] as number) + (table[at + 2 + y] as number);
          break;
        }
        if (a === 0 && b === 0) break;
        at += stride;
        if (at >= table.length) at = 0;
      }
    }
  }

  /** The best label sequence that is valid BIO (no I-X after anything but B-X or I-X). */
  decode(emissions: Float32Array): Int32Array {
    return viterbi(emissions, this.transitions, this.allowed, this.labels.length);
  }

  /** Per-token label marginals (n × L) under the scores divided by the temperature. */
  marginals(emissions: Float32Array): Float64Array {
    return forwardBackward(
      emissions,
      this.transitions,
      this.allowed,
      this.labels.length,
      this.temperature,
    );
  }

  serialize(): Buffer {
    return serializeModel(this, this.hashes, this.quantised, this.scale);
  }

  static deserialize(data: Buffer): NerModel {
    return deserializeModel(data);
  }
}

/**
 * Work arrays of the decoders, reused from sentence to sentence (a long sentence grows them):
 * allocating them per sentence was a good part of tagging time in garbage collection. Callers
 * must not keep them; every decoder fills what it reads.
 */
const scratch = {
  arrays: new Map<string, Float64Array | Int32Array>(),
  float64(name: string, size: number): Float64Array {
    let a = this.arrays.get(name);
    if (!(a instanceof Float64Array) || a.length < size) {
      a = new Float64Array(Math.max(size, 1024));
      this.arrays.set(name, a);
    }
    return a;
  },
  int32(name: string, size: number): Int32Array {
    let a = this.arrays.get(name);
    if (!(a instanceof Int32Array) || a.length < size) {
      a = new Int32Array(Math.max(size, 1024));
      this.arrays.set(name, a);
    }
    return a;
  },
};

/** A cheap integer mix so that hash-table slots spread even for similar keys. */
function mix(key: number): number {
  let h = Math.imul(key ^ (key >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

/** allowed[(prev + 1) * L + y]: 1 when label y may follow prev (prev = -1: sentence start). */
export function bioTransitions(labels: readonly string[]): Uint8Array {
  const L = labels.length;
  const allowed = new Uint8Array((L + 1) * L);
  for (let prev = -1; prev < L; prev++) {
    for (let y = 0; y < L; y++) {
      const label = labels[y] as string;
      let ok = true;
      if (label.startsWith("I-")) {
        const type = label.slice(2);
        const before = prev >= 0 ? (labels[prev] as string) : "O";
        ok = before === `B-${type}` || before === `I-${type}`;
      }
      allowed[(prev + 1) * L + y] = ok ? 1 : 0;
    }
  }
  return allowed;
}

export function viterbi(
  emissions: Float32Array,
  transitions: Float32Array,
  allowed: Uint8Array,
  L: number,
): Int32Array {
  const n = emissions.length / L;
  const path = new Int32Array(n);
  if (n === 0) return path;
  const score = scratch.float64("score", n * L);
  const back = scratch.int32("back", n * L);
  for (let y = 0; y < L; y++) {
    score[y] = allowed[y]
      ? (emissions[y] as number) + (transitions[y] as number)
      : Number.NEGATIVE_INFINITY;
  }
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < L; y++) {
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!allowed[(p + 1) * L + y]) continue;
        const s = (score[(i - 1) * L + p] as number) + (transitions[(p + 1) * L + y] as number);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * L + y] = best + (emissions[i * L + y] as number);
      back[i * L + y] = arg;
    }
  }
  let best = Number.NEGATIVE_INFINITY;
  for (let y = 0; y < L; y++) {
    const s = score[(n - 1) * L + y] as number;
    if (s > best) {
      best = s;
      path[n - 1] = y;
    }
  }
  for (let i = n - 1; i > 0; i--) path[i - 1] = back[i * L + (path[i] as number)] as number;
  return path;
}

/**
 * Label marginals by the scaled forward-backward algorithm in probability space (Rabiner): each
 * step is normalised to sum to one, so no logarithms are needed. Scores are shifted by the
 * step's maximum before exponentiation to stay in range.
 */
export function forwardBackward(
  emissions: Float32Array,
  transitions: Float32Array,
  allowed: Uint8Array,
  L: number,
  temperature: number,
): Float64Array {
  const n = emissions.length / L;
  const t = 1 / temperature;
  let top = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < transitions.length; k++)
    if (allowed[k]) top = Math.max(top, transitions[k] as number);
  const trans = new Float64Array((L + 1) * L);
  for (let k = 0; k < trans.length; k++) {
    trans[k] = allowed[k] ? Math.exp(((transitions[k] as number) - top) * t) : 0;
  }
  const emit = scratch.float64("emit", n * L);
  for (let i = 0; i < n; i++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let y = 0; y < L; y++) max = Math.max(max, emissions[i * L + y] as number);
    for (let y = 0; y < L; y++)
      emit[i * L + y] = Math.exp(((emissions[i * L + y] as number) - max) * t);
  }
  const alpha = scratch.float64("alpha", n * L);
  const beta = scratch.float64("beta", n * L);
  const scale = scratch.float64("scale", n);
  const normalise = (a: Float64Array, i: number) => {
    let sum = 0;
    for (let y = 0; y < L; y++) sum += a[i * L + y] as number;
    const z = sum > 0 ? sum : 1;
    for (let y = 0; y < L; y++) a[i * L + y] = (a[i * L + y] as number) / z;
    return z;
  };
  for (let y = 0; y < L; y++) alpha[y] = (trans[y] as number) * (emit[y] as number);
  scale[0] = normalise(alpha, 0);
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < L; y++) {
      let sum = 0;
      for (let p = 0; p < L; p++)
        sum += (alpha[(i - 1) * L + p] as number) * (trans[(p + 1) * L + y] as number);
      alpha[i * L + y] = sum * (emit[i * L + y] as number);
    }
    scale[i] = normalise(alpha, i);
  }
  for (let y = 0; y < L; y++) beta[(n - 1) * L + y] = 1;
  for (let i = n - 2; i >= 0; i--) {
    for (let p = 0; p < L; p++) {
      let sum = 0;
      for (let y = 0; y < L; y++) {
        sum +=
          (trans[(p + 1) * L + y] as number) *
          (emit[(i + 1) * L + y] as number) *
          (beta[(i + 1) * L + y] as number);
      }
      beta[i * L + p] = sum / (scale[i + 1] as number);
    }
  }
  const out = new Float64Array(n * L);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let y = 0; y < L; y++) {
      const m = (alpha[i * L + y] as number) * (beta[i * L + y] as number);
      out[i * L + y] = m;
      sum += m;
    }
    if (sum > 0) for (let y = 0; y < L; y++) out[i * L + y] = (out[i * L + y] as number) / sum;
  }
  return out;
}

/** Weights as int16 with one scale (the largest magnitude maps to 32767). */
function quantise(weights: Float32Array): { quantised: Int16Array; scale: number } {
  let maxAbs = 0;
  for (const w of weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const quantised = new Int16Array(weights.length);
  for (let k = 0; k < weights.length; k++)
    quantised[k] = Math.round((weights[k] as number) / scale);
  return { quantised, scale };
}

// Binary layout (little-endian): MAGIC, u32 header length, header JSON
// { labels, temperature, features, scale, info }, then int32 feature hashes, int16 weights
// (quantised by `scale`), float32 transitions.
function serializeModel(
  model: NerModel,
  hashes: Int32Array,
  quantised: Int16Array,
  scale: number,
): Buffer {
  const header = Buffer.from(
    JSON.stringify({
      labels: model.labels,
      temperature: model.temperature,
      features: hashes.length,
      scale,
      info: model.info,
    }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  return Buffer.concat([
    Buffer.from(MAGIC),
    length,
    header,
    Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength),
    Buffer.from(quantised.buffer, quantised.byteOffset, quantised.byteLength),
    Buffer.from(
      model.transitions.buffer,
      model.transitions.byteOffset,
      model.transitions.byteLength,
    ),
  ]);
}

function deserializeModel(raw: Buffer): NerModel {
  if (raw.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error("not a marsad NER model");
  const headerLength = raw.readUInt32LE(MAGIC.length);
  let at = MAGIC.length + 4;
  const header = JSON.parse(raw.subarray(at, at + headerLength).toString()) as {
    labels: string[];
    temperature: number;
    features: number;
    scale: number;
    info: ModelInfo;
  };
  at += headerLength;
  const L = header.labels.length;
  const copy = (bytes: number) => {
    const slice = new Uint8Array(bytes);
    slice.set(raw.subarray(at, at + bytes));
    at += bytes;
    return slice.buffer;
  };
  const hashes = new Int32Array(copy(header.features * 4));
  const quantised = new Int16Array(copy(header.features * L * 2));
  const transitions = new Float32Array(copy((L + 1) * L * 4));
  return new NerModel(
    header.labels,
    hashes,
    { quantised, scale: header.scale },
    transitions,
    header.temperature,
    header.info,
  );
}
