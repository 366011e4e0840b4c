/**
 * Documents for stage tests: a text tokenised and split as the pipeline does, and the entities a
 * tagger might have found in it, so that a test can run one stage on invented input.
 */
import type { Doc, Entity, EntityType } from "../../src/analysis.js";
import { splitSentences, tokenize } from "../../src/text/index.js";

/** A text as the text layer leaves it, with an optional publication date. */
export function docOf(text: string, published?: string): Doc {
  const tokens = tokenize(text);
  return {
    text,
    meta: { language: "ar", ...(published ? { published } : {}) },
    sentences: splitSentences(text, tokens),
    tokens,
  };
}

/**
 * What a tagger might have said: each listed name, wherever it occurs outside a name listed
 * before it, as one entity (ids from `idOf`, n0, n1… by default).
 */
export function tagged(
  text: string,
  names: readonly [string, EntityType][],
  idOf: (i: number) => string = (i) => `n${i}`,
): Entity[] {
  const taken: [number, number][] = [];
  return names.map(([name, type], i) => {
    const mentions = [];
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      const end = at + name.length;
      if (taken.some(([s, e]) => s < end && at < e)) continue;
      mentions.push({ start: at, end, text: name, confidence: 0.9 });
    }
    for (const m of mentions) taken.push([m.start, m.end]);
    return { id: idOf(i), type, name, mentions };
  });
}

/** Offset of the n-th occurrence (from 1) of `needle` in `text`; throws when there is none. */
export function nthIndex(text: string, needle: string, n = 1): number {
  let at = -1;
  for (let k = 0; k < n; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`no occurrence ${n} of ${needle.slice(0, 30)} in the text`);
  }
  return at;
}
