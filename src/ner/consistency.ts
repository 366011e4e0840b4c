/**
 * One name, one type per document. A tagger decides each sentence on its own; names recur, and
 * the occurrence in "الرئيس التونسي قيس سعيد" is clearer than a bare "سعيد" further on. After
 * tagging, the names tagged confidently anywhere in a window of sentences (a document, or a run of
 * CoNLL sentences with no document boundaries) vote:
 *
 * - a span whose words (clitic-stripped stems) are a name typed otherwise by more confident
 *   occurrences takes that type (conflicts are settled per document);
 * - an untagged run of words equal to a confidently tagged name (also with a clitic attached:
 *   وبوتين after بوتين), or, within one article, to the first or last word of a person's full
 *   name (كيري after جون كيري, شي after شي جين بينغ), becomes a mention of it.
 */

import { bioSpans } from "./spans.js";
import type { TaggedSentence } from "./tagger.js";

export interface ConsistencyOptions {
  /** Sentences on either side that count as one document. */
  window: number;
  /** The mean tag confidence a span needs to vote. */
  voteConfidence: number;
  /** The share of a name's votes the winning type needs. */
  majority: number;
  /**
   * Whether the first and last word of a person's full name vote too: right within one article
   * (كيري after جون كيري), wrong across the unrelated sentences of a CoNLL file.
   */
  nameParts: boolean;
}

export const DEFAULT_CONSISTENCY: ConsistencyOptions = {
  window: 20,
  voteConfidence: 0.9,
  majority: 0.7,
  nameParts: false,
};

/** Words of a name that name nobody alone (عبد الله، بن سلمان). */
const NAME_PARTICLES = new Set(["بن", "ابن", "بنت", "ابو", "ام", "عبد", "ال", "آل", "ولد", "سيدي"]);

interface Vote {
  key: string;
  type: string;
  confidence: number;
}

/** Re-labels `tagged` in place (and returns it) so that each name has one type per window. */
export function settleDocument(
  stems: readonly (readonly string[])[],
  tagged: TaggedSentence[],
  options: ConsistencyOptions = DEFAULT_CONSISTENCY,
): TaggedSentence[] {
  const votes: Vote[][] = tagged.map((sentence, s) =>
    bioSpans(sentence.tags).map((span) => {
      let confidence = 0;
      for (let i = span.start; i < span.end; i++) confidence += sentence.confidences[i] ?? 0;
      return {
        key: (stems[s] ?? []).slice(span.start, span.end).join(" "),
        type: span.type,
        confidence: confidence / (span.end - span.start),
      };
    }),
  );
  // votes in a sliding window: key → type → summed confidence of confident spans
  const window = new Map<string, Map<string, number>>();
  const vote = (key: string, type: string, weight: number) => {
    let byType = window.get(key);
    if (!byType) {
      byType = new Map();
      window.set(key, byType);
    }
    byType.set(type, (byType.get(type) ?? 0) + weight);
  };
  const add = (s: number, sign: number) => {
    for (const v of votes[s] ?? []) {
      if (v.confidence < options.voteConfidence) continue;
      vote(v.key, v.type, sign * v.confidence);
      // a person named in full is named again by a part: the family name (كيري after جون كيري),
      // or the first word where it comes first (شي after شي جين بينغ)
      if (!options.nameParts || v.type !== "PERS") continue;
      const words = v.key.split(" ");
      if (words.length < 2) continue;
      for (const part of new Set([words[0] as string, words[words.length - 1] as string]))
        if (part.length >= 2 && !NAME_PARTICLES.has(part)) vote(part, v.type, sign * v.confidence);
    }
  };
  for (let s = 0; s <= Math.min(options.window, tagged.length - 1); s++) add(s, 1);
  const longest = () => {
    let n = 0;
    for (const key of window.keys()) n = Math.max(n, key.split(" ").length);
    return n;
  };
  tagged.forEach((sentence, s) => {
    if (s > 0) {
      if (s + options.window < tagged.length) add(s + options.window, 1);
      if (s - options.window - 1 >= 0) add(s - options.window - 1, -1);
    }
    const winner = (key: string): string | undefined => {
      const byType = window.get(key);
      if (!byType) return undefined;
      let total = 0;
      let best: string | undefined;
      let bestScore = 0;
      for (const [type, score] of byType) {
        if (score <= 1e-9) continue;
        total += score;
        if (score > bestScore) {
          bestScore = score;
          best = type;
        }
      }
      return best && bestScore >= options.majority * total ? best : undefined;
    };
    const words = stems[s] ?? [];
    // 1. conflicting types
    for (const span of bioSpans(sentence.tags)) {
      const type = winner(words.slice(span.start, span.end).join(" "));
      if (!type || type === span.type) continue;
      for (let i = span.start; i < span.end; i++)
        sentence.tags[i] = `${i === span.start ? "B" : "I"}-${type}`;
    }
    // 2. untagged occurrences, longest name first
    const maxLength = longest();
    for (let i = 0; i < words.length; i++) {
      if (sentence.tags[i] !== "O") continue;
      for (let length = Math.min(maxLength, words.length - i); length >= 1; length--) {
        let free = true;
        for (let k = i; k < i + length; k++) if (sentence.tags[k] !== "O") free = false;
        if (!free) continue;
        const type = winner(words.slice(i, i + length).join(" "));
        if (!type) continue;
        for (let k = i; k < i + length; k++) {
          sentence.tags[k] = `${k === i ? "B" : "I"}-${type}`;
          sentence.confidences[k] = Math.min(sentence.confidences[k] ?? 0, options.voteConfidence);
        }
        i += length - 1;
        break;
      }
    }
  });
  return tagged;
}
