/**
 * The NER dev-split experiment, shared by scripts/train-ner.ts (which prints it before training
 * the shipped tagger) and scripts/eval.ts (which caches its model, since training takes minutes).
 *
 * The dev split is the last `devFraction` of ANERcorp train's sentences: contiguous, so whole
 * documents, like the corpus's own held-out part. A tagger trained on the rest is scored on it
 * (exact-span micro P/R/F1) and fits the confidence temperature on it.
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parseConll } from "../../src/ner/conll.js";
import { loadEmbeddings } from "../../src/ner/embeddings.js";
import type { FeatureResources } from "../../src/ner/features.js";
import { type DocumentTagger, loadTagger } from "../../src/ner/index.js";
import { NeuralTagger } from "../../src/ner/neural.js";
import { nerResources } from "../../src/ner/resources.js";
import { type SpanScores, scoreSpans } from "../../src/ner/spans.js";
import { NerTagger } from "../../src/ner/tagger.js";
import { canonicalTags, type TrainingSentence, trainTagger } from "../../src/ner/train.js";
import { trainNeuralTagger, withPartner } from "../../src/ner/train-neural.js";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const ANERCORP_TRAIN = join(ROOT, "..", "shared", "data", "ner", "anercorp", "train.conll");

/** How the tagger is trained; the defaults reproduce the shipped model's dev report. */
export interface NerSettings {
  epochs: number;
  /** Seeds the sentence order of training. */
  seed: number;
  /** Perceptrons averaged into each model (different sentence orders). */
  ensemble: number;
  /** Sentences on either side that count as one document (0: a single pass). */
  window: number;
  /** The share of sentences, taken from the end, that forms the dev split. */
  devFraction: number;
}

/** How the neural tagger is trained (scripts/train-ner.ts and the eval's dev model). */
export const NEURAL_SETTINGS = {
  /** At most; scripts/train-ner.ts keeps the epoch count that did best on the dev split. */
  epochs: 8,
  hidden: 64,
  bagDim: 32,
  bucketBits: 18,
  dropout: 0.5,
  featureDropout: 0.2,
  bagFeatures: "own",
} as const;

export const DEFAULT_NER_SETTINGS: NerSettings = {
  epochs: 8,
  seed: 1,
  ensemble: 3,
  window: 20,
  devFraction: 0.15,
};

/** The tagged sentences of a CoNLL file (untagged ones are dropped). */
export function readTrainingSentences(file: string): TrainingSentence[] {
  return parseConll(readFileSync(file, "utf8")).filter(
    (s): s is TrainingSentence => s.tags !== undefined,
  );
}

/** The training part and the dev split (the last `devFraction` of the sentences). */
export function splitDev(
  sentences: TrainingSentence[],
  devFraction: number,
): { train: TrainingSentence[]; dev: TrainingSentence[] } {
  const cut = Math.round(sentences.length * (1 - devFraction));
  return { train: sentences.slice(0, cut), dev: sentences.slice(cut) };
}

/** Trains on `train`, fitting the confidence temperature on `dev` (never trained on). */
export function trainDevTagger(
  train: TrainingSentence[],
  dev: TrainingSentence[],
  settings: NerSettings,
  resources: FeatureResources = nerResources(),
): NerTagger {
  return trainTagger(train, {
    epochs: settings.epochs,
    seed: settings.seed,
    ensemble: settings.ensemble,
    window: settings.window,
    resources,
    calibration: dev,
  });
}

/** Exact-span scores of the tagger on the dev sentences, tagged as one document in order. */
export function scoreDev(
  tagger: DocumentTagger,
  dev: TrainingSentence[],
  resources: FeatureResources = nerResources(),
): SpanScores {
  const predicted = tagger
    .tagDocument(
      dev.map((s) => s.tokens),
      resources,
    )
    .map((t) => t.tags);
  return scoreSpans(
    dev.map((s) => canonicalTags(s.tags)),
    predicted,
  );
}

// ---------- the cached dev-split model (scripts/eval.ts) ----------

/**
 * The data the tagger's features read (word classes, gazetteers, the clitic lexicon). The shipped
 * tagger (tagger.bin.gz) is not among them: the dev model does not depend on it.
 */
const FEATURE_DATA_DIRS = ["data/ner", "data/lexicon"];
const NOT_FEATURE_DATA = new Set(["README.md", "tagger.bin.gz", "neural.bin.gz"]);

/**
 * The TypeScript sources that training and tagging run: this module and everything it imports,
 * followed through relative imports. `import type` lines are skipped: types change no figure,
 * and src/analysis.ts (types only, here) changes often.
 */
function sourceClosure(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  const IMPORT = /^\s*(?:import|export)\s+(?!type\s)[^;]*?from\s+"(\.{1,2}\/[^"]+)"/gm;
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
      pending.push(resolve(dirname(file), (match[1] as string).replace(/\.js$/, ".ts")));
    }
  }
  return [...seen].sort();
}

/**
 * A key for the dev-split model: a hash of the training file, the settings, the sources of
 * training and tagging, and the feature data. Any change to these retrains the model.
 */
export function devModelKey(dataFile: string, settings: NerSettings): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(settings));
  hash.update(readFileSync(dataFile));
  const files = [
    ...sourceClosure(join(ROOT, "scripts", "lib", "ner-dev.ts")),
    ...FEATURE_DATA_DIRS.flatMap((dir) =>
      readdirSync(join(ROOT, dir))
        .filter((name) => !NOT_FEATURE_DATA.has(name))
        .sort()
        .map((name) => join(ROOT, dir, name)),
    ),
  ];
  for (const file of files) {
    hash.update(relative(ROOT, file));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

export interface DevReport {
  scores: SpanScores;
  sentences: { train: number; dev: number };
  /** The cached model file. */
  model: string;
  /** Whether the model was read from the cache rather than trained now. */
  cached: boolean;
  /** Seconds spent training (0 when cached). */
  trainSeconds: number;
}

/**
 * The dev-split scores, from the model cached in `cacheDir` under its key when there is one,
 * else from a model trained now (about five minutes) and then cached.
 */
export function cachedDevReport(
  dataFile: string,
  cacheDir: string,
  settings: NerSettings = DEFAULT_NER_SETTINGS,
  log: (message: string) => void = () => {},
  kind: "perceptron" | "neural" = "perceptron",
): DevReport {
  if (kind === "neural") return cachedNeuralDevReport(dataFile, cacheDir, settings, log);
  const { train, dev } = splitDev(readTrainingSentences(dataFile), settings.devFraction);
  const model = join(cacheDir, `ner-dev-${devModelKey(dataFile, settings)}.bin.gz`);
  const resources = nerResources();
  let tagger = readModel(model);
  const cached = tagger !== undefined;
  let trainSeconds = 0;
  if (tagger === undefined) {
    log(`training the dev-split NER model (about 5 minutes) → ${relative(ROOT, model)}`);
    const started = Date.now();
    const bytes = trainDevTagger(train, dev, settings, resources).serialize();
    trainSeconds = (Date.now() - started) / 1000;
    mkdirSync(cacheDir, { recursive: true });
    // write then rename, so an interrupted run leaves no half-written model under the key
    writeFileSync(`${model}.tmp`, bytes);
    renameSync(`${model}.tmp`, model);
    // score the model as stored, so that this run and later cached ones print the same figures
    tagger = NerTagger.deserialize(bytes);
  }
  return {
    scores: scoreDev(tagger, dev, resources),
    sentences: { train: train.length, dev: dev.length },
    model,
    cached,
    trainSeconds,
  };
}

/** The model cached at `file`, or undefined when there is none or it cannot be read. */
function readModel(file: string): NerTagger | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return NerTagger.deserialize(readFileSync(file));
  } catch {
    return undefined; // a truncated or foreign file: train again
  }
}

/**
 * The neural tagger's dev-split scores: a BiLSTM-CRF trained on the training part (cached like
 * the perceptron, about 8 minutes), paired with the dev-split perceptron at the weight the shipped
 * model uses (fitted on this dev split by scripts/train-ner.ts).
 */
function cachedNeuralDevReport(
  dataFile: string,
  cacheDir: string,
  settings: NerSettings,
  log: (message: string) => void,
): DevReport {
  const perceptron = cachedDevReport(dataFile, cacheDir, settings, log, "perceptron");
  // the shipped model's epoch count and partner weight (chosen on this dev split)
  const shipped = loadTagger("neural");
  const weight = shipped instanceof NeuralTagger ? shipped.config.partnerWeight : 0;
  const epochs = Number(shipped.info.epochs ?? NEURAL_SETTINGS.epochs);
  const partner = readModel(perceptron.model) as NerTagger;
  const { train, dev } = splitDev(readTrainingSentences(dataFile), settings.devFraction);
  // devModelKey already hashes the neural sources: this module imports them
  const key = createHash("sha256")
    .update(devModelKey(dataFile, settings))
    .update(JSON.stringify({ ...NEURAL_SETTINGS, epochs }))
    .digest("hex")
    .slice(0, 16);
  const model = join(cacheDir, `ner-dev-neural-${key}.bin.gz`);
  const embeddings = loadEmbeddings();
  let neural: NeuralTagger | undefined;
  if (existsSync(model)) {
    try {
      neural = NeuralTagger.deserialize(readFileSync(model), embeddings);
    } catch {
      neural = undefined;
    }
  }
  const cached = neural !== undefined;
  let trainSeconds = 0;
  if (neural === undefined) {
    log(`training the dev-split neural NER model (about 8 minutes) → ${relative(ROOT, model)}`);
    const started = Date.now();
    const bytes = trainNeuralTagger(train, {
      ...NEURAL_SETTINGS,
      epochs,
      embeddings,
      resources: nerResources(),
      seed: settings.seed,
    }).serialize();
    trainSeconds = (Date.now() - started) / 1000;
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(`${model}.tmp`, bytes);
    renameSync(`${model}.tmp`, model);
    neural = NeuralTagger.deserialize(bytes, embeddings);
  }
  return {
    scores: scoreDev(withPartner(neural, partner, weight), dev),
    sentences: { train: train.length, dev: dev.length },
    model,
    cached,
    trainSeconds: trainSeconds + perceptron.trainSeconds,
  };
}
