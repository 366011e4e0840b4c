/**
 * Reproduces the shipped NER tagger, data/ner/tagger.bin.gz, deterministically:
 *
 *   npx tsx scripts/train-ner.ts                 # dev report, then the final model on all data
 *   npx tsx scripts/train-ner.ts --dev-only      # only the dev-set experiment
 *
 * Data: ../shared/data/ner/anercorp/train.conll. Its last 15% of sentences (contiguous, so whole
 * documents, like the corpus's own held-out part) is our dev set: a tagger trained on the rest is
 * scored on it and fits the confidence temperature; the shipped tagger is then trained on
 * everything with the same settings and that temperature.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { nerResources } from "../src/ner/resources.js";
import { trainTagger } from "../src/ner/train.js";
import {
  ANERCORP_TRAIN,
  DEFAULT_NER_SETTINGS,
  type NerSettings,
  readTrainingSentences,
  scoreDev,
  splitDev,
  trainDevTagger,
} from "./lib/ner-dev.js";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: ANERCORP_TRAIN },
    out: { type: "string", default: "data/ner/tagger.bin.gz" },
    epochs: { type: "string", default: String(DEFAULT_NER_SETTINGS.epochs) },
    /** Seeds the sentence order of training (the default reproduces the shipped model). */
    seed: { type: "string", default: String(DEFAULT_NER_SETTINGS.seed) },
    /** Perceptrons averaged into each model (different sentence orders). */
    ensemble: { type: "string", default: String(DEFAULT_NER_SETTINGS.ensemble) },
    window: { type: "string", default: String(DEFAULT_NER_SETTINGS.window) },
    "dev-fraction": { type: "string", default: String(DEFAULT_NER_SETTINGS.devFraction) },
    "dev-only": { type: "boolean", default: false },
    /** More training files (e.g. AQMAR); never part of the dev set. */
    extra: { type: "string", multiple: true, default: [] },
  },
});

const sentences = readTrainingSentences(values.data);
const extra = values.extra.flatMap((file) => readTrainingSentences(file));
const settings: NerSettings = {
  epochs: Number(values.epochs),
  seed: Number(values.seed),
  ensemble: Number(values.ensemble),
  window: Number(values.window),
  devFraction: Number(values["dev-fraction"]),
};
const split = splitDev(sentences, settings.devFraction);
const train = [...split.train, ...extra];
const dev = split.dev;
const resources = nerResources();
console.log(
  `${sentences.length} sentences (+${extra.length} extra): ${train.length} train, ${dev.length} dev; ${JSON.stringify(settings)}`,
);

let started = Date.now();
const devTagger = trainDevTagger(train, dev, settings, resources);
const scores = scoreDev(devTagger, dev, resources);
const pct = (x: number) => (100 * x).toFixed(1);
console.log(
  `dev F1 ${pct(scores.overall.f1)} (P ${pct(scores.overall.precision)} R ${pct(scores.overall.recall)}) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
for (const [type, s] of Object.entries(scores.byType)) {
  console.log(`  ${type.padEnd(5)} F1 ${pct(s.f1)} (P ${pct(s.precision)} R ${pct(s.recall)})`);
}

if (!values["dev-only"]) {
  started = Date.now();
  const tagger = trainTagger([...sentences, ...extra], {
    epochs: settings.epochs,
    seed: settings.seed,
    ensemble: settings.ensemble,
    window: settings.window,
    resources,
    temperature: (devTagger.second ?? devTagger.first).temperature,
    info: {
      data: "ANERcorp train split, all sentences",
      devF1: Number(pct(scores.overall.f1)),
      epochs: settings.epochs,
      window: settings.window,
      ensemble: settings.ensemble,
      seed: settings.seed,
    },
  });
  const bytes = tagger.serialize();
  writeFileSync(values.out, bytes);
  console.log(
    `wrote ${values.out}: ${(bytes.length / 1024 / 1024).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}
