/**
 * The analysis pipeline: one prepared article through the stages in order (text → NER →
 * entities → coreference → times → quotes → events), each reading the shared `Doc` and
 * returning its facts. Times come before quotes: a time expression between a reporting verb
 * and its subject is skipped like an adverb.
 */
import {
  ANALYSIS_SCHEMA_ID,
  type Analysis,
  type Doc,
  type Entity,
  type Quote,
  type TimeExpression,
} from "./analysis.js";
import { resolveCoreference } from "./coref/index.js";
import { type KnowledgeBase, knowledgeBase, resolveEntities } from "./entities/index.js";
import { extractEvents } from "./events/index.js";
import type { PreparedArticle } from "./input/index.js";
import { loadTagger, recognizeEntities } from "./ner/index.js";
import { extractQuotes } from "./quotes/index.js";
import type { Gender } from "./syntax/index.js";
import { splitSentences, tokenize } from "./text/index.js";
import { extractTimes } from "./time/index.js";

export interface PipelineOptions {
  id?: string | undefined;
  /** Include the tokens, with their clitic segments, in the output (stages always get tokens). */
  tokens?: boolean | undefined;
  /** Extra knowledge-base files over the bundled one. */
  kb?: readonly string[] | undefined;
  /** The NER model: `neural` (default), `perceptron`, or a model file. */
  ner?: string | undefined;
}

/** What the stages before events produce over one article, for the events stage or its training. */
export interface StageResults {
  doc: Doc;
  entities: Entity[];
  gender: ReadonlyMap<string, Gender>;
  speaksFor: ReadonlyMap<string, string>;
  kb: KnowledgeBase;
  times: TimeExpression[];
  quotes: Quote[];
}

/** Every stage up to the events, over one prepared article. */
export function runStagesBeforeEvents(
  article: PreparedArticle,
  options: PipelineOptions = {},
): StageResults {
  const { text, meta } = article;
  const tokens = tokenize(text, { segments: options.tokens === true });
  const doc: Doc = { text, meta, sentences: splitSentences(text, tokens), tokens };
  const named = resolveEntities(doc, recognizeEntities(doc, loadTagger(options.ner)), {
    kb: options.kb,
  });
  const kb = knowledgeBase(options.kb ?? []);
  const { entities, gender, speaksFor } = resolveCoreference(doc, named, {
    kb,
    date: meta.published,
  });
  const times = extractTimes(doc);
  const quotes = extractQuotes(doc, entities, { times, gender, speaksFor });
  return { doc, entities, gender, speaksFor, kb, times, quotes };
}

export function runPipeline(article: PreparedArticle, options: PipelineOptions = {}): Analysis {
  const { text, meta, removed } = article;
  const { doc, entities, gender, speaksFor, kb, times, quotes } = runStagesBeforeEvents(
    article,
    options,
  );
  const events = extractEvents(doc, entities, times, { gender, speaksFor, kb });
  return {
    schema: ANALYSIS_SCHEMA_ID,
    ...(options.id !== undefined ? { id: options.id } : {}),
    meta,
    text,
    removed,
    sentences: doc.sentences,
    ...(options.tokens ? { tokens: doc.tokens } : {}),
    entities,
    quotes,
    times,
    events,
  };
}
