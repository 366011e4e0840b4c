/**
 * The NER tagger: two passes of the linear model over a document. The first pass tags each
 * sentence on its own; the second sees the first pass's tags and how each word was typed
 * elsewhere in the document (within `window` sentences), so that one clear mention of a name
 * helps the unclear ones. The file holds both models in one gzipped container.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import {
  extractFeatures,
  type FeatureResources,
  type FirstPass,
  type SentenceFeatures,
  withFirstPass,
  wordStem,
} from "./features.js";
import { NerModel } from "./model.js";

export interface TaggedSentence {
  tags: string[];
  /** Marginal probability of each token's tag. */
  confidences: number[];
}

const MAGIC = "MRSDTAG1";

export class NerTagger {
  constructor(
    readonly first: NerModel,
    readonly second: NerModel | undefined,
    /** Sentences on either side that count as the same document for the second pass. */
    readonly window: number,
    readonly info: Record<string, unknown> = {},
  ) {}

  get labels(): readonly string[] {
    return this.first.labels;
  }

  /** Tags the sentences of one document (or of a file in document order). */
  tagDocument(
    sentences: readonly (readonly string[])[],
    resources?: FeatureResources,
  ): TaggedSentence[] {
    const base = sentences.map((words) => extractFeatures(words, resources));
    if (!this.second) return base.map((features) => tagFeatures(this.first, features));
    const second = this.second;
    const firstTags = base.map((features) => bestPath(this.first, features));
    const passes = firstPasses(sentences, firstTags, this.window, resources);
    return sentences.map((words, i) =>
      tagFeatures(
        second,
        withFirstPass(base[i] as SentenceFeatures, words, passes[i] as FirstPass, resources),
      ),
    );
  }

  /**
   * The last pass's log-potentials for each sentence (emission scores n × L, and transitions),
   * divided by the fitted temperature so that they read as a CRF's: what another model can add
   * to its own scores.
   */
  documentPotentials(
    sentences: readonly (readonly string[])[],
    resources?: FeatureResources,
    base: readonly SentenceFeatures[] = sentences.map((words) => extractFeatures(words, resources)),
  ): { emissions: Float32Array[]; transitions: Float32Array } {
    const last = this.second ?? this.first;
    let features: readonly SentenceFeatures[] = base;
    if (this.second) {
      const firstTags = base.map((f) => bestPath(this.first, f));
      const passes = firstPasses(sentences, firstTags, this.window, resources);
      features = sentences.map((words, i) =>
        withFirstPass(base[i] as SentenceFeatures, words, passes[i] as FirstPass, resources),
      );
    }
    const scale = 1 / last.temperature;
    const emissions = features.map((f) =>
      f.offsets.length <= 1 ? new Float32Array(0) : last.emissions(f).map((x) => x * scale),
    );
    return { emissions, transitions: last.transitions.map((x) => x * scale) };
  }

  serialize(): Buffer {
    return gzipSync(this.rawBytes(), { level: 9 });
  }

  /** The file's bytes before gzip (what `fromRaw` reads). */
  rawBytes(): Buffer {
    const blocks = [this.first.serialize(), ...(this.second ? [this.second.serialize()] : [])];
    const header = Buffer.from(
      JSON.stringify({ window: this.window, blocks: blocks.map((b) => b.length), info: this.info }),
    );
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    return Buffer.concat([Buffer.from(MAGIC), length, header, ...blocks]);
  }

  static deserialize(data: Buffer): NerTagger {
    return NerTagger.fromRaw(gunzipSync(data));
  }

  /** A tagger from its file's bytes after gunzip. */
  static fromRaw(raw: Buffer): NerTagger {
    const opened = openContainer<{
      window: number;
      blocks: number[];
      info: Record<string, unknown>;
    }>(raw, MAGIC, "not a marsad NER tagger file");
    const { header } = opened;
    let { at } = opened;
    const models = header.blocks.map((size) => {
      const model = NerModel.deserialize(raw.subarray(at, at + size));
      at += size;
      return model;
    });
    const [first, second] = models;
    if (!first) throw new Error("the NER tagger file holds no model");
    return new NerTagger(first, second, header.window, header.info);
  }
}

/**
 * The JSON header of a model file (magic, uint32 LE length, JSON) and where what follows it
 * starts; both taggers' files begin so.
 */
export function openContainer<T>(
  raw: Buffer,
  magic: string,
  notOurs: string,
): { header: T; at: number } {
  if (raw.subarray(0, magic.length).toString() !== magic) throw new Error(notOurs);
  const length = raw.readUInt32LE(magic.length);
  const at = magic.length + 4;
  return { header: JSON.parse(raw.subarray(at, at + length).toString()) as T, at: at + length };
}

/** The best tags alone, without confidences (enough for a first pass). */
export function bestTags(
  model: NerModel,
  words: readonly string[],
  resources?: FeatureResources,
): string[] {
  return bestPath(model, extractFeatures(words, resources));
}

function bestPath(model: NerModel, features: SentenceFeatures): string[] {
  if (features.offsets.length <= 1) return [];
  return Array.from(model.decode(model.emissions(features)), (y) => model.labels[y] as string);
}

function tagFeatures(model: NerModel, features: SentenceFeatures): TaggedSentence {
  if (features.offsets.length <= 1) return { tags: [], confidences: [] };
  const emissions = model.emissions(features);
  const path = model.decode(emissions);
  const marginals = model.marginals(emissions);
  const L = model.labels.length;
  const tags: string[] = [];
  const confidences: number[] = [];
  path.forEach((y, i) => {
    tags.push(model.labels[y] as string);
    confidences.push(marginals[i * L + y] as number);
  });
  return { tags, confidences };
}

/**
 * For each sentence, its first-pass tags and the types the first pass gave each stem in the
 * sentences around it (a sliding window, so that long files of many documents stay local).
 */
export function firstPasses(
  sentences: readonly (readonly string[])[],
  tags: readonly (readonly string[])[],
  window: number,
  resources?: FeatureResources,
): FirstPass[] {
  const stems = sentences.map((words) => words.map((word) => wordStem(word, resources)));
  const typed = stems.map((sentenceStems, s) => {
    const pairs: [string, string][] = [];
    const sentenceTags = tags[s] ?? [];
    sentenceStems.forEach((stem, i) => {
      const tag = sentenceTags[i] ?? "O";
      if (tag !== "O") pairs.push([stem, tag.slice(2)]);
    });
    return pairs;
  });
  const counts = new Map<string, Map<string, number>>();
  const add = (s: number, delta: number) => {
    for (const [stem, type] of typed[s] ?? []) {
      let byType = counts.get(stem);
      if (!byType) {
        byType = new Map();
        counts.set(stem, byType);
      }
      const c = (byType.get(type) ?? 0) + delta;
      if (c > 0) byType.set(type, c);
      else byType.delete(type);
      if (byType.size === 0) counts.delete(stem);
    }
  };
  for (let s = 0; s <= Math.min(window, sentences.length - 1); s++) add(s, 1);
  return sentences.map((_, s) => {
    if (s > 0) {
      if (s + window < sentences.length) add(s + window, 1);
      if (s - window - 1 >= 0) add(s - window - 1, -1);
    }
    // The window moves on, so the sentence keeps a copy of the counts for its own stems.
    const snapshot = new Map<string, Map<string, number>>();
    for (const stem of stems[s] ?? []) {
      const byType = counts.get(stem);
      if (byType) snapshot.set(stem, new Map(byType));
    }
    return { tags: tags[s] ?? [], documentTypes: (stem: string) => snapshot.get(stem) };
  });
}
