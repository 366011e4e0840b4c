/**
 * `marsad ner`, `marsad eval ner` and `marsad train ner`: the tagger on CoNLL files, its exact-span
 * scores against gold tags, and training a new model.
 */
import { readFile, writeFile } from "node:fs/promises";
import { InputError } from "../errors.js";
import {
  type ConllSentence,
  canonicalTags,
  type DocumentTagger,
  formatConll,
  loadEmbeddings,
  loadTagger,
  nerResources,
  parseConll,
  scoreSpans,
  type TrainingSentence,
  tagSentences,
  trainNeuralTagger,
  trainTagger,
  withPartner,
} from "../ner/index.js";

/**
 * How much the perceptron partner counts in a neural model trained here: a fixed weight, where
 * scripts/train-ner.ts chooses the shipped model's (3) on a dev split.
 */
const NEURAL_PARTNER_WEIGHT = 2;

import { readStdin } from "./io.js";

async function readConll(path: string): Promise<ConllSentence[]> {
  let content: string;
  try {
    content = path === "-" ? await readStdin() : await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError("not-found", `${path}: no such file`);
    if (code === "EISDIR")
      throw new InputError("unreadable", `${path}: is a directory, not a file`);
    throw new InputError("unreadable", `${path}: cannot be read (${code ?? "unknown error"})`);
  }
  if (content.includes("\u0000"))
    throw new InputError("binary", `${path}: binary data, not a CoNLL file`);
  return parseConll(content);
}

/** The tagger named or stored at `model`, or a clear error (a missing file, a wrong file). */
export function nerModel(model?: string): DocumentTagger {
  try {
    return loadTagger(model);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new InputError(
        "not-found",
        `${model}: no such NER model (neural, perceptron, or a model file)`,
      );
    throw new InputError("unreadable", `${model ?? "the shipped model"}: not a marsad NER model`);
  }
}

/** Tags in the naming the input uses: ANERcorp's PERS, or PER where the input says PER. */
function labelStyle(sentences: ConllSentence[]): (tag: string) => string {
  const usesPer = sentences.some((s) => s.tags?.some((t) => /^[BI]-PER$/.test(t)));
  return usesPer ? (tag) => tag.replace(/-PERS$/, "-PER") : (tag) => tag;
}

export async function runNer(file: string, options: { model?: string }): Promise<void> {
  const sentences = await readConll(file);
  const style = labelStyle(sentences);
  const tagged = tagSentences(
    sentences.map((s) => s.tokens),
    nerModel(options.model),
  );
  process.stdout.write(
    formatConll(
      sentences.map((s, i) => ({ tokens: s.tokens, tags: (tagged[i]?.tags ?? []).map(style) })),
    ),
  );
}

export async function runEvalNer(options: {
  gold: string;
  model?: string;
  json?: boolean;
}): Promise<void> {
  const sentences = await readConll(options.gold);
  const gold = sentences.filter((s) => s.tags);
  if (gold.length === 0)
    throw new InputError("bad-record", `${options.gold}: no tagged sentences (token TAG per line)`);
  const started = process.hrtime.bigint();
  const tagged = tagSentences(
    gold.map((s) => s.tokens),
    nerModel(options.model),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const scores = scoreSpans(
    gold.map((s) => canonicalTags(s.tags ?? [])),
    tagged.map((t) => t.tags),
  );
  if (options.json) {
    process.stdout.write(`${JSON.stringify(scores, null, 2)}\n`);
    return;
  }
  const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
  const rows = [...Object.entries(scores.byType), ["micro", scores.overall] as const].map(
    ([type, s]) =>
      `${type.padEnd(6)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${String(s.tp + s.fn).padStart(6)}`,
  );
  const tokens = gold.reduce((n, s) => n + s.tokens.length, 0);
  process.stdout.write(
    [
      "type       P     R    F1   gold",
      ...rows,
      `${gold.length} sentences, ${tokens} tokens tagged in ${seconds.toFixed(2)} s`,
      "",
    ].join("\n"),
  );
}

export async function runTrainNer(options: {
  data: string[];
  out: string;
  kind: "neural" | "perceptron";
  epochs?: number;
  ensemble: number;
  window: number;
  dev?: string;
}): Promise<void> {
  const sentences: TrainingSentence[] = [];
  for (const file of options.data) {
    const tagged = (await readConll(file)).filter(
      (s): s is TrainingSentence => s.tags !== undefined,
    );
    if (tagged.length === 0)
      throw new InputError("bad-record", `${file}: no tagged sentences (token TAG per line)`);
    sentences.push(...tagged);
  }
  const dev = options.dev
    ? (await readConll(options.dev)).filter((s): s is TrainingSentence => s.tags !== undefined)
    : undefined;
  const tokens = sentences.reduce((n, s) => n + s.tokens.length, 0);
  process.stderr.write(`training on ${sentences.length} sentences (${tokens} tokens)\n`);
  const started = Date.now();
  const progress = (phase: string, epoch: number, epochs: number) => {
    const line = `  ${phase}: epoch ${epoch}/${epochs} (${((Date.now() - started) / 1000).toFixed(0)} s)`;
    process.stderr.write(process.stderr.isTTY ? `\r${line.padEnd(60)}` : `${line}\n`);
  };
  const perceptron = trainTagger(sentences, {
    epochs: options.kind === "perceptron" ? (options.epochs ?? 8) : 8,
    ensemble: options.ensemble,
    window: options.window,
    resources: nerResources(),
    ...(dev ? { calibration: dev } : {}),
    info: {
      data: options.data,
      epochs: options.epochs,
      ensemble: options.ensemble,
      window: options.window,
    },
    onProgress: progress,
  });
  let model: DocumentTagger = perceptron;
  if (options.kind === "neural") {
    const epochs = options.epochs ?? 7;
    const neural = trainNeuralTagger(sentences, {
      embeddings: loadEmbeddings(),
      resources: nerResources(),
      epochs,
      featureDropout: 0.5,
      info: { data: options.data, epochs },
      onEpoch: (epoch) => progress("neural", epoch, epochs),
    });
    model = withPartner(neural, perceptron, NEURAL_PARTNER_WEIGHT);
  }
  if (process.stderr.isTTY) process.stderr.write("\n");
  await writeFile(options.out, model.serialize());
  process.stderr.write(`wrote ${options.out}\n`);
  if (dev) {
    const scores = scoreSpans(
      dev.map((s) => canonicalTags(s.tags)),
      model
        .tagDocument(
          dev.map((s) => s.tokens),
          nerResources(),
        )
        .map((t) => t.tags),
    );
    process.stderr.write(`dev micro F1 ${(100 * scores.overall.f1).toFixed(1)}\n`);
  }
}
