/**
 * The analysis pipeline: one prepared article through the stages in order (text → NER →
 * entities → coreference → times → quotes → events), each reading the shared `Doc` and
 * returning its facts. Times come before quotes: a time expression between a reporting verb
 * and its subject is skipped like an adverb.
 */
import { ANALYSIS_SCHEMA_ID, type Analysis, type Doc } from "./analysis.js";
import { resolveCoreference } from "./coref/index.js";
import { knowledgeBase, resolveEntities } from "./entities/index.js";
import { extractEvents } from "./events/index.js";
import type { PreparedArticle } from "./input/index.js";
import { loadTagger, recognizeEntities } from "./ner/index.js";
import { extractQuotes } from "./quotes/index.js";
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

export function runPipeline(article: PreparedArticle, options: PipelineOptions = {}): Analysis {
  const { text, meta, removed } = article;
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
