/**
 * Training the neural tagger (see neural.ts): the CRF's negative log-likelihood, back-propagated
 * by hand through the output layer and both LSTM directions into the feature-bag rows; Adam
 * (Kingma & Ba 2015) on the dense weights and lazily on the bag rows a batch touched; inverted
 * dropout on the inputs. Deterministic for a seed: one thread, a seeded generator for
 * initialisation, sentence order and dropout masks.
 */
import type { Embeddings } from "./embeddings.js";
import type { FeatureResources } from "./features.js";
import { type LstmWeights, lstmBackward } from "./lstm.js";
import {
  denseLayout,
  denseSizes,
  FeatureBag,
  inputSize,
  type NeuralConfig,
  NeuralTagger,
  type SentenceInputs,
} from "./neural.js";
import type { NerTagger } from "./tagger.js";
import { canonicalTags, labelSet, type TrainingSentence } from "./train.js";

export interface NeuralTrainOptions {
  embeddings: Embeddings;
  resources?: FeatureResources;
  epochs?: number;
  seed?: number;
  hidden?: number;
  bagDim?: number;
  bucketBits?: number;
  /** Share of input components zeroed in training. */
  dropout?: number;
  /** Share of a token's sparse features left out of its bag in training. */
  featureDropout?: number;
  rate?: number;
  bagFeatures?: "all" | "own";
  /** Sentences per update. */
  batch?: number;
  info?: Record<string, unknown>;
  /** Called after each epoch with the model so far (e.g. to score a dev set). */
  onEpoch?: (epoch: number, tagger: NeuralTagger, loss: number) => void;
}

/** A seeded generator (a 32-bit LCG mixed by xorshift): enough for shuffles and masks. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    let x = s;
    x ^= x >>> 15;
    x = Math.imul(x, 0x2c1b3c6d) >>> 0;
    x ^= x >>> 12;
    return (x >>> 0) / 4294967296;
  };
}

export function trainNeuralTagger(
  sentences: TrainingSentence[],
  options: NeuralTrainOptions,
): NeuralTagger {
  const labels = labelSet(sentences);
  const config: NeuralConfig = {
    labels,
    embDim: options.embeddings.dim,
    bagDim: options.bagDim ?? 32,
    bucketBits: options.bucketBits ?? 18,
    hidden: options.hidden ?? 64,
    partnerWeight: 0,
    bagFeatures: options.bagFeatures ?? "all",
  };
  const random = seededRandom(options.seed ?? 1);
  const sizes = denseSizes(config);
  const total = sizes.reduce((a, b) => a + b, 0);
  const params = new Float32Array(total);
  const D = inputSize(config);
  const H = config.hidden;
  const L = labels.length;
  const tagger = new NeuralTagger(
    config,
    params,
    FeatureBag.trainable(1 << config.bucketBits, config.bagDim),
    options.embeddings,
    options.info,
  );
  const layout = tagger.dense;
  const uniform = (a: Float32Array, range: number) => {
    for (let i = 0; i < a.length; i++) a[i] = (random() * 2 - 1) * range;
  };
  for (const w of [layout.forward, layout.backward]) {
    uniform(w.W, Math.sqrt(6 / (D + 4 * H)));
    uniform(w.U, Math.sqrt(6 / (H + 4 * H)));
    w.b.fill(0);
    w.b.fill(1, H, 2 * H); // forget gates start open
  }
  uniform(layout.out, Math.sqrt(6 / (2 * H + L)));
  // transitions start at zero; forbidden ones are masked out wherever they are read

  const gold = sentences.map((s) =>
    Int32Array.from(validBio(canonicalTags(s.tags)), (t) => Math.max(0, labels.indexOf(t))),
  );
  const inputs = sentences.map((s) => tagger.inputs(s.tokens, options.resources));

  const grad = new Float32Array(total);
  const gradLayout = denseLayout(config, grad);
  const m = new Float32Array(total);
  const v = new Float32Array(total);
  const bag = tagger.bag.floats as Float32Array;
  const bagDim = config.bagDim;
  const bagGrad = new Float32Array(bag.length);
  const bagM = new Float32Array(bag.length);
  const bagV = new Float32Array(bag.length);
  const touched = new Uint8Array(1 << config.bucketBits);
  const touchedRows: number[] = [];
  const rate = options.rate ?? 0.001;
  const dropout = options.dropout ?? 0.5;
  const featureDropout = options.featureDropout ?? 0;
  const batch = options.batch ?? 8;
  const beta1 = 0.9;
  const beta2 = 0.999;
  let step = 0;

  const update = () => {
    step++;
    const c1 = 1 - beta1 ** step;
    const c2 = 1 - beta2 ** step;
    let norm = 0;
    for (let i = 0; i < total; i++) norm += (grad[i] as number) ** 2;
    const clip = Math.min(1, 5 / (Math.sqrt(norm) + 1e-12));
    for (let i = 0; i < total; i++) {
      const g = (grad[i] as number) * clip;
      m[i] = beta1 * (m[i] as number) + (1 - beta1) * g;
      v[i] = beta2 * (v[i] as number) + (1 - beta2) * g * g;
      params[i] =
        (params[i] as number) -
        (rate * ((m[i] as number) / c1)) / (Math.sqrt((v[i] as number) / c2) + 1e-8);
    }
    grad.fill(0);
    for (const r of touchedRows) {
      touched[r] = 0;
      for (let k = r * bagDim; k < (r + 1) * bagDim; k++) {
        const g = bagGrad[k] as number;
        bagM[k] = beta1 * (bagM[k] as number) + (1 - beta1) * g;
        bagV[k] = beta2 * (bagV[k] as number) + (1 - beta2) * g * g;
        bag[k] =
          (bag[k] as number) -
          (rate * ((bagM[k] as number) / c1)) / (Math.sqrt((bagV[k] as number) / c2) + 1e-8);
        bagGrad[k] = 0;
      }
    }
    touchedRows.length = 0;
    tagger.weightsChanged();
  };

  const order = sentences.map((_, i) => i);
  const epochs = options.epochs ?? 20;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let loss = 0;
    let inBatch = 0;
    for (const s of order) {
      const input = inputs[s] as SentenceInputs;
      if (input.n === 0) continue;
      loss += sentenceGradient(input, gold[s] as Int32Array);
      if (++inBatch === batch) {
        update();
        inBatch = 0;
      }
    }
    if (inBatch > 0) update();
    options.onEpoch?.(epoch, tagger, loss);
  }
  return tagger;

  /** Adds one sentence's gradients; returns its loss. */
  function sentenceGradient(input: SentenceInputs, y: Int32Array): number {
    const n = input.n;
    if (featureDropout > 0) input = withoutSomeFeatures(input, featureDropout, random);
    const xs = tagger.inputVectors(input);
    const keep = new Float32Array(n * D);
    for (let i = 0; i < keep.length; i++) keep[i] = random() < dropout ? 0 : 1 / (1 - dropout);
    for (let i = 0; i < xs.length; i++) xs[i] = (xs[i] as number) * (keep[i] as number);
    const { emissions, forward, backward } = tagger.scores(xs, n);
    const dE = new Float32Array(n * L);
    const loss = crfGradient(
      emissions,
      layout.transitions,
      tagger.allowed,
      y,
      L,
      dE,
      gradLayout.transitions,
    );
    // output layer
    const dForward = new Float32Array(n * H);
    const dBackward = new Float32Array(n * H);
    for (let t = 0; t < n; t++) {
      for (let c = 0; c < L; c++) {
        const d = dE[t * L + c] as number;
        if (d === 0) continue;
        gradLayout.outBias[c] = (gradLayout.outBias[c] as number) + d;
        const o = c * 2 * H;
        for (let k = 0; k < H; k++) {
          gradLayout.out[o + k] =
            (gradLayout.out[o + k] as number) + d * (forward.states[t * H + k] as number);
          gradLayout.out[o + H + k] =
            (gradLayout.out[o + H + k] as number) + d * (backward.states[t * H + k] as number);
          dForward[t * H + k] = (dForward[t * H + k] as number) + d * (layout.out[o + k] as number);
          dBackward[t * H + k] =
            (dBackward[t * H + k] as number) + d * (layout.out[o + H + k] as number);
        }
      }
    }
    const dxs = new Float32Array(n * D);
    lstmBackward(
      layout.forward,
      gradLayout.forward as LstmWeights,
      xs,
      forward,
      dForward,
      dxs,
      n,
      D,
      H,
      false,
    );
    lstmBackward(
      layout.backward,
      gradLayout.backward as LstmWeights,
      xs,
      backward,
      dBackward,
      dxs,
      n,
      D,
      H,
      true,
    );
    // into the bag rows (the embeddings stay fixed)
    const { embDim } = config;
    for (let t = 0; t < n; t++) {
      for (let f = input.bagOffsets[t] as number; f < (input.bagOffsets[t + 1] as number); f++) {
        const r = input.bagRows[f] as number;
        if (!touched[r]) {
          touched[r] = 1;
          touchedRows.push(r);
        }
        const g0 = r * bagDim;
        const x0 = t * D + embDim;
        for (let k = 0; k < bagDim; k++)
          bagGrad[g0 + k] =
            (bagGrad[g0 + k] as number) + (dxs[x0 + k] as number) * (keep[x0 + k] as number);
      }
    }
    return loss;
  }
}

/**
 * Tags as valid BIO, read the way conlleval reads them: an I-X that follows neither B-X nor I-X
 * starts a name (B-X). ANERcorp has 39 such tags; the CRF forbids the transition they imply, so
 * taken literally they would make a gold path the model can never score.
 */
export function validBio(tags: readonly string[]): string[] {
  return tags.map((tag, i) => {
    if (!tag.startsWith("I-")) return tag;
    const before = i > 0 ? (tags[i - 1] as string) : "O";
    return before.slice(2) === tag.slice(2) && before !== "O" ? tag : `B-${tag.slice(2)}`;
  });
}

/** The inputs with each sparse feature left out with probability `p`. */
function withoutSomeFeatures(
  input: SentenceInputs,
  p: number,
  random: () => number,
): SentenceInputs {
  const rows: number[] = [];
  const offsets = new Int32Array(input.n + 1);
  for (let t = 0; t < input.n; t++) {
    offsets[t] = rows.length;
    for (let f = input.bagOffsets[t] as number; f < (input.bagOffsets[t + 1] as number); f++)
      if (random() >= p) rows.push(input.bagRows[f] as number);
  }
  offsets[input.n] = rows.length;
  return { ...input, bagRows: Int32Array.from(rows), bagOffsets: offsets };
}

/**
 * The CRF's negative log-likelihood of the gold path `y`, adding its gradient on the emissions
 * to dE and on the transitions to dT (same layout as the transitions: start row, then L rows).
 */
export function crfGradient(
  emissions: Float32Array,
  transitions: Float32Array,
  allowed: Uint8Array,
  y: Int32Array,
  L: number,
  dE: Float32Array,
  dT: Float32Array,
): number {
  const n = emissions.length / L;
  const trans = new Float64Array((L + 1) * L);
  for (let k = 0; k < trans.length; k++)
    trans[k] = allowed[k] ? Math.exp(transitions[k] as number) : 0;
  const emit = new Float64Array(n * L);
  let logShift = 0;
  for (let i = 0; i < n; i++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < L; c++) max = Math.max(max, emissions[i * L + c] as number);
    logShift += max;
    for (let c = 0; c < L; c++) emit[i * L + c] = Math.exp((emissions[i * L + c] as number) - max);
  }
  const alpha = new Float64Array(n * L);
  const beta = new Float64Array(n * L);
  const scale = new Float64Array(n);
  let logZ = logShift;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let c = 0; c < L; c++) {
      let a = 0;
      if (i === 0) a = trans[c] as number;
      else
        for (let p = 0; p < L; p++)
          a += (alpha[(i - 1) * L + p] as number) * (trans[(p + 1) * L + c] as number);
      a *= emit[i * L + c] as number;
      alpha[i * L + c] = a;
      sum += a;
    }
    scale[i] = sum;
    logZ += Math.log(sum);
    for (let c = 0; c < L; c++) alpha[i * L + c] = (alpha[i * L + c] as number) / sum;
  }
  for (let c = 0; c < L; c++) beta[(n - 1) * L + c] = 1;
  for (let i = n - 2; i >= 0; i--) {
    for (let p = 0; p < L; p++) {
      let b = 0;
      for (let c = 0; c < L; c++)
        b +=
          (trans[(p + 1) * L + c] as number) *
          (emit[(i + 1) * L + c] as number) *
          (beta[(i + 1) * L + c] as number);
      beta[i * L + p] = b / (scale[i + 1] as number);
    }
  }
  let goldScore = 0;
  for (let i = 0; i < n; i++) {
    const c = y[i] as number;
    goldScore += emissions[i * L + c] as number;
    goldScore += transitions[(i === 0 ? 0 : (y[i - 1] as number) + 1) * L + c] as number;
    for (let k = 0; k < L; k++) {
      const marginal = (alpha[i * L + k] as number) * (beta[i * L + k] as number);
      dE[i * L + k] = (dE[i * L + k] as number) + marginal - (k === c ? 1 : 0);
    }
    if (i === 0) {
      for (let k = 0; k < L; k++)
        dT[k] = (dT[k] as number) + (alpha[k] as number) * (beta[k] as number) - (k === c ? 1 : 0);
    } else {
      for (let p = 0; p < L; p++) {
        const a = (alpha[(i - 1) * L + p] as number) / (scale[i] as number);
        for (let k = 0; k < L; k++) {
          const t = (p + 1) * L + k;
          if (!allowed[t]) continue;
          const pair =
            a * (trans[t] as number) * (emit[i * L + k] as number) * (beta[i * L + k] as number);
          dT[t] = (dT[t] as number) + pair;
        }
      }
      const t = ((y[i - 1] as number) + 1) * L + c;
      dT[t] = (dT[t] as number) - 1;
    }
  }
  return logZ - goldScore;
}

/** The neural tagger with `partner`'s scores joining its own at `weight` (see NeuralConfig). */
export function withPartner(
  tagger: NeuralTagger,
  partner: NerTagger,
  weight: number,
): NeuralTagger {
  if (partner.labels.join() !== tagger.labels.join())
    throw new Error("the partner perceptron has another label set");
  return new NeuralTagger(
    { ...tagger.config, partnerWeight: weight },
    tagger.params,
    tagger.bag,
    tagger.embeddings,
    tagger.info,
    partner,
  );
}
