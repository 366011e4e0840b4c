/**
 * Named-entity recognition (PERS, LOC, ORG, MISC in BIO, the ANERcorp label set). Two taggers
 * ship, both trained by scripts/train-ner.ts:
 *
 * - `neural` (the default, data/ner/neural.bin.gz): a BiLSTM-CRF over pre-trained word vectors
 *   and the sparse features, with names settled per document (see neural.ts);
 * - `perceptron` (data/ner/tagger.bin.gz): a two-pass averaged perceptron over the same sparse
 *   features, about five times as fast and a few points of F1 behind.
 *
 * `recognizeEntities` turns the tags into mentions with offsets in the analysed text, clitics
 * kept out of the span (وبوتين → بوتين), grouped by name into per-document entities.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import type { Doc, Entity, EntityType, Mention, Token } from "../analysis.js";
import { mentionCore, normalizeArabic } from "../text/index.js";
import { loadEmbeddings } from "./embeddings.js";
import type { FeatureResources } from "./features.js";
import { NEURAL_MAGIC, NeuralTagger } from "./neural.js";
import { nerResources } from "./resources.js";
import { bioSpans } from "./spans.js";
import { NerTagger, type TaggedSentence } from "./tagger.js";

export { type ConllSentence, formatConll, parseConll } from "./conll.js";
export { loadEmbeddings } from "./embeddings.js";
export { personNameToken } from "./gazetteers.js";
export { NeuralTagger } from "./neural.js";
export { nerResources } from "./resources.js";
export { bioSpans, canonicalType, type SpanScores, scoreSpans } from "./spans.js";
export { NerTagger, type TaggedSentence } from "./tagger.js";
export {
  canonicalTags,
  type TaggerTrainOptions,
  type TrainingSentence,
  trainTagger,
} from "./train.js";
export { type NeuralTrainOptions, trainNeuralTagger, withPartner } from "./train-neural.js";

/** What both taggers do: tag a document's sentences in order. */
export interface DocumentTagger {
  readonly labels: readonly string[];
  readonly info: Record<string, unknown>;
  /** `article`: the sentences are one article (not a file of unrelated sentences). */
  tagDocument(
    sentences: readonly (readonly string[])[],
    resources?: FeatureResources,
    options?: { article?: boolean },
  ): TaggedSentence[];
  serialize(): Buffer;
}

/** The shipped taggers by name; `neural` is the default. */
export const SHIPPED_MODELS = {
  neural: new URL("../../data/ner/neural.bin.gz", import.meta.url),
  perceptron: new URL("../../data/ner/tagger.bin.gz", import.meta.url),
} as const;
export type ShippedModel = keyof typeof SHIPPED_MODELS;
export const DEFAULT_MODEL = SHIPPED_MODELS.neural;

const taggers = new Map<string, DocumentTagger>();

/**
 * The tagger named (`neural`, `perceptron`) or stored at a path (default: the neural one),
 * loaded once. The file says which kind it is.
 */
export function loadTagger(model: string | URL = DEFAULT_MODEL): DocumentTagger {
  const path =
    typeof model === "string" && model in SHIPPED_MODELS
      ? SHIPPED_MODELS[model as ShippedModel]
      : model;
  const key = path.toString();
  let tagger = taggers.get(key);
  if (!tagger) {
    tagger = decodeTagger(readFileSync(path));
    taggers.set(key, tagger);
  }
  return tagger;
}

/** A tagger from a model file's bytes, of whichever kind they hold. */
export function decodeTagger(bytes: Buffer): DocumentTagger {
  const raw = gunzipSync(bytes);
  return raw.subarray(0, NEURAL_MAGIC.length).toString() === NEURAL_MAGIC
    ? NeuralTagger.fromRaw(raw, loadEmbeddings())
    : NerTagger.fromRaw(raw);
}

/** Tags pre-tokenised sentences (one document, or a file of them in order). */
export function tagSentences(
  sentences: readonly (readonly string[])[],
  tagger: DocumentTagger = loadTagger(),
  options: { article?: boolean } = {},
): TaggedSentence[] {
  return tagger.tagDocument(sentences, nerResources(), options);
}

const TYPE_OF: Record<string, EntityType> = {
  PERS: "PER",
  PER: "PER",
  LOC: "LOC",
  ORG: "ORG",
  MISC: "MISC",
};

/** Mentions found in the document, grouped by normalised name and type into entities. */
export function recognizeEntities(doc: Doc, tagger: DocumentTagger = loadTagger()): Entity[] {
  const sentences = sentenceTokens(doc);
  if (sentences.length === 0) return [];
  const tagged = tagSentences(
    sentences.map((tokens) => tokens.map((t) => t.text)),
    tagger,
    { article: true },
  );
  const found: { type: EntityType; mention: Mention }[] = [];
  sentences.forEach((tokens, s) => {
    const { tags, confidences } = tagged[s] as TaggedSentence;
    for (const span of bioSpans(tags)) {
      const type = TYPE_OF[span.type];
      const first = tokens[span.start];
      const last = tokens[span.end - 1];
      if (!type || !first || !last) continue;
      const start =
        first.kind === "word" ? first.start + mentionCore(first.text).start : first.start;
      let confidence = 0;
      for (let i = span.start; i < span.end; i++) confidence += confidences[i] ?? 0;
      found.push({
        type,
        mention: {
          start,
          end: last.end,
          text: doc.text.slice(start, last.end),
          confidence: round(confidence / (span.end - span.start)),
        },
      });
    }
  });
  const entities = new Map<string, Entity>();
  for (const { type, mention } of withoutLeftoverConjunction(found, doc.text)) {
    const key = `${type}:${normalizeArabic(mention.text)}`;
    const entity = entities.get(key);
    if (entity) entity.mentions.push(mention);
    else entities.set(key, { id: "", type, name: mention.text, mentions: [mention] });
  }
  return [...entities.values()].map((e, i) => ({ ...e, id: `e${i + 1}` }));
}

/**
 * The clitic segmenter keeps short names whole after و/ف (وشي could be a word of its own), but
 * when the rest is itself a mention of the document (شي), the و/ف is the conjunction.
 */
export function withoutLeftoverConjunction<T extends { mention: Mention }>(
  found: T[],
  text: string,
): T[] {
  const names = new Set(found.map((f) => normalizeArabic(f.mention.text)));
  return found.map((f) => {
    const { mention } = f;
    if (!/^[وف]/u.test(mention.text) || mention.end - mention.start < 3) return f;
    const rest = text.slice(mention.start + 1, mention.end);
    if (!names.has(normalizeArabic(rest))) return f;
    return { ...f, mention: { ...mention, start: mention.start + 1, text: rest } };
  });
}

/** The tokens of each sentence, as the tagger sees them (everything but URLs and e-mails). */
function sentenceTokens(doc: Doc): Token[][] {
  const out: Token[][] = [];
  let k = 0;
  for (const sentence of doc.sentences) {
    const tokens: Token[] = [];
    while (k < doc.tokens.length && (doc.tokens[k] as Token).start < sentence.start) k++;
    while (k < doc.tokens.length && (doc.tokens[k] as Token).end <= sentence.end) {
      tokens.push(doc.tokens[k] as Token);
      k++;
    }
    if (tokens.length) out.push(tokens);
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
