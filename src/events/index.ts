/**
 * Political events between actors, typed with PLOVER 0.8: who did what to whom, when and where,
 * whether it happened (realis) and whether it is the sentence's news or only its background.
 */
import type { Analysis, Doc, Event } from "../analysis.js";
import { knowledgeBase } from "../entities/index.js";
import { splitSentences, tokenize } from "../text/index.js";
import { type EventOptions, extractEvents } from "./extract.js";

export { type EventOptions, extractEvents, reportTrainingRow } from "./extract.js";
export type { PloverType } from "./lexicon.js";
export { featureNames, loadReportModel, type ReportModel } from "./report.js";

/** The 16 PLOVER 0.8 event types. */
export const EVENT_TYPES = [
  "AGREE",
  "CONSULT",
  "SUPPORT",
  "CONCEDE",
  "COOPERATE",
  "AID",
  "RETREAT",
  "REQUEST",
  "ACCUSE",
  "REJECT",
  "THREATEN",
  "PROTEST",
  "SANCTION",
  "MOBILIZE",
  "COERCE",
  "ASSAULT",
] as const;

/**
 * The events stage alone over a finished analysis (its text, entities and times), e.g. the
 * lines of `analyze --jsonl`: the text is tokenised again, nothing else is recomputed.
 */
export function eventsOfAnalysis(
  analysis: Analysis,
  options: Omit<EventOptions, "kb"> = {},
): Event[] {
  const tokens = tokenize(analysis.text, { segments: false });
  const doc: Doc = {
    text: analysis.text,
    meta: analysis.meta,
    sentences: analysis.sentences.length
      ? analysis.sentences
      : splitSentences(analysis.text, tokens),
    tokens,
  };
  return extractEvents(doc, analysis.entities, analysis.times, {
    ...options,
    kb: knowledgeBase(),
  });
}
