/**
 * Named-entity recognition: a two-pass averaged-perceptron tagger (PERS, LOC, ORG, MISC in BIO,
 * the ANERcorp label set) trained by scripts/train-ner.ts and shipped as data/ner/tagger.bin.gz.
 * `recognizeEntities` turns its tags into mentions with offsets in the analysed text, clitics
 * kept out of the span (وبوتين → بوتين), grouped by name into per-document entities.
 */
import { readFileSync } from "node:fs";
import type { Doc, Entity, EntityType, Mention, Token } from "../analysis.js";
import { mentionCore, normalizeArabic } from "../text/index.js";
import { nerResources } from "./resources.js";
import { bioSpans } from "./spans.js";
import { NerTagger, type TaggedSentence } from "./tagger.js";

export { type ConllSentence, formatConll, parseConll } from "./conll.js";
export { personNameToken } from "./gazetteers.js";
export { nerResources } from "./resources.js";
export { bioSpans, canonicalType, type SpanScores, scoreSpans } from "./spans.js";
export { NerTagger, type TaggedSentence } from "./tagger.js";
export {
  canonicalTags,
  type TaggerTrainOptions,
  type TrainingSentence,
  trainTagger,
} from "./train.js";

export const DEFAULT_MODEL = new URL("../../data/ner/tagger.bin.gz", import.meta.url);

const taggers = new Map<string, NerTagger>();

/** The tagger stored at `path` (default: the shipped one), loaded once. */
export function loadTagger(path: string | URL = DEFAULT_MODEL): NerTagger {
  const key = path.toString();
  let tagger = taggers.get(key);
  if (!tagger) {
    tagger = NerTagger.deserialize(readFileSync(path));
    taggers.set(key, tagger);
  }
  return tagger;
}

/** Tags pre-tokenised sentences (one document, or a file of them in order). */
export function tagSentences(
  sentences: readonly (readonly string[])[],
  tagger = loadTagger(),
): TaggedSentence[] {
  return tagger.tagDocument(sentences, nerResources());
}

const TYPE_OF: Record<string, EntityType> = {
  PERS: "PER",
  PER: "PER",
  LOC: "LOC",
  ORG: "ORG",
  MISC: "MISC",
};

/** Mentions found in the document, grouped by normalised name and type into entities. */
export function recognizeEntities(doc: Doc): Entity[] {
  const sentences = sentenceTokens(doc);
  if (sentences.length === 0) return [];
  const tagged = tagSentences(sentences.map((tokens) => tokens.map((t) => t.text)));
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
