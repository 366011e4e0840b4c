/**
 * The NER model: a linear scorer over hashed features (one weight per feature and label), label
 * transition weights, and decoding (Viterbi for the best BIO sequence, forward-backward for
 * per-token confidences). Serialised as a binary block that loads with a few typed-array copies
 * and one hash-table build.
 */
import type { SentenceFeatures } from "./features.js";

const MAGIC = "MRSDNER1";

export interface ModelInfo {
  /** Free-form facts about the training run (data, epochs, dev scores). */
  [key: string]: unknown;
}

export class NerModel {
  readonly labels: readonly string[];
  /** weights[row * L + label] for the feature whose hash sits at `row` of the table. */
  /** Feature hashes in row order (kept for saving). */
  private readonly hashes: Int32Array;
  private readonly keys: Int32Array;
  private readonly occupied: Uint8Array;
  private readonly slotWeights: Float32Array;
  private readonly mask: number;
  private readonly weights: Float32Array;
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
    weights: Float32Array,
    transitions: Float32Array,
    temperature: number,
    info: ModelInfo = {},
  ) {
    this.labels = labels;
    this.hashes = featureHashes;
    this.weights = weights;
    this.transitions = transitions;
    this.temperature = temperature;
    this.info = info;
    // Open addressing, load factor <= 0.5, with each slot's weights stored at the slot: a lookup
    // touches one key and one run of adjacent weights.
    const L = labels.length;
    let size = 1;
    while (size < featureHashes.length * 2) size <<= 1;
    this.mask = size - 1;
    this.keys = new Int32Array(size);
    this.occupied = new Uint8Array(size);
    this.slotWeights = new Float32Array(size * L);
    for (let row = 0; row < featureHashes.length; row++) {
      const key = featureHashes[row] as number;
      let slot = mix(key) & this.mask;
      while (this.occupied[slot]) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.occupied[slot] = 1;
      this.slotWeights.set(weights.subarray(row * L, row * L + L), slot * L);
    }
    this.allowed = bioTransitions(labels);
  }

  get featureCount(): number {
    return this.weights.length / this.labels.length;
  }

  /** Emission scores, n × L. */
  emissions(features: SentenceFeatures): Float32Array {
    const L = this.labels.length;
    const n = features.offsets.length - 1;
    const scores = new Float32Array(n * L);
    const { keys, occupied, slotWeights, mask } = this;
    const { feats, offsets } = features;
    for (let i = 0; i < n; i++) {
      const base = i * L;
      const to = offsets[i + 1] as number;
      for (let f = offsets[i] as number; f < to; f++) {
        const key = feats[f] as number;
        let slot = mix(key) & mask;
        while (occupied[slot] && keys[slot] !== key) slot = (slot + 1) & mask;
        if (!occupied[slot]) continue;
        const w = slot * L;
        for (let y = 0; y < L; y++)
          scores[base + y] = (scores[base + y] as number) + (slotWeights[w + y] as number);
      }
    }
    return scores;
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
    return serializeModel(this, this.hashes, this.weights);
  }

  static deserialize(data: Buffer): NerModel {
    return deserializeModel(data);
  }
}

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
  const score = new Float64Array(n * L);
  const back = new Int32Array(n * L);
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
  const emit = new Float64Array(n * L);
  for (let i = 0; i < n; i++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let y = 0; y < L; y++) max = Math.max(max, emissions[i * L + y] as number);
    for (let y = 0; y < L; y++)
      emit[i * L + y] = Math.exp(((emissions[i * L + y] as number) - max) * t);
  }
  const alpha = new Float64Array(n * L);
  const beta = new Float64Array(n * L);
  const scale = new Float64Array(n);
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

// Binary layout (little-endian): MAGIC, u32 header length, header JSON
// { labels, temperature, features, scale, info }, then int32 feature hashes, int16 weights
// (quantised by `scale`), float32 transitions.
function serializeModel(model: NerModel, hashes: Int32Array, weights: Float32Array): Buffer {
  let maxAbs = 0;
  for (const w of weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const quantised = new Int16Array(weights.length);
  for (let k = 0; k < weights.length; k++)
    quantised[k] = Math.round((weights[k] as number) / scale);
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
    Buffer.from(quantised.buffer),
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
  const weights = new Float32Array(quantised.length);
  for (let k = 0; k < quantised.length; k++) weights[k] = (quantised[k] as number) * header.scale;
  return new NerModel(header.labels, hashes, weights, transitions, header.temperature, header.info);
}
