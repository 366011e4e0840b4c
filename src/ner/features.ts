/**
 * Feature extraction for the NER tagger. A feature is a template id combined with a value and
 * hashed to 32 bits, so the model stores numbers, not strings. What depends on the word alone
 * (normalised form, clitic-stripped stem, affixes, shape, corpus frequency, word classes) is
 * computed once per distinct word and cached; a sentence then costs integer mixing only.
 * Context features look at a window of ±2 tokens, plus a position-free bag of the stems up to four
 * tokens away on each side (trigger words such as وزير or شركة need not sit right before a
 * name); gazetteer matches come per sentence.
 */
import { mentionCore, normalizeArabic, wordCount } from "../text/index.js";

/** Lookups the features draw on; each is optional so the tagger degrades without one. */
export interface FeatureResources {
  /** Distributional classes of a normalised word, coarse to fine, or undefined if unseen. */
  wordClasses?: (norm: string) => readonly (string | number)[] | undefined;
  /** Per-token gazetteer labels for a sentence of normalised tokens. */
  gazetteer?: (norms: readonly string[]) => readonly (readonly string[])[];
}

/**
 * What a first tagging pass said, for the second pass: the sentence's first-pass tags, and how
 * the first pass typed each word elsewhere in the document (names recur, and one clear
 * occurrence disambiguates the others).
 */
export interface FirstPass {
  tags: readonly string[];
  /** Entity types the first pass gave this stem across the document, with counts. */
  documentTypes: (stem: string) => ReadonlyMap<string, number> | undefined;
}

/**
 * The per-sentence features: token i's hashes are feats[offsets[i] .. offsets[i+1]) plus, when
 * `blocks` is there, the blocks blocks[blockOffsets[i] .. blockOffsets[i+1]). A block holds the
 * features one word contributes in one role (itself, previous word, in the bag on the left, ...);
 * it is one shared array per distinct word and role, so a model sums its weights once per block
 * and reuses the sum (see NerModel).
 */
export interface SentenceFeatures {
  feats: Int32Array;
  offsets: Int32Array;
  blocks?: readonly FeatureBlock[];
  blockOffsets?: Int32Array;
  /** Each token's stem (see wordStem), for the second pass. */
  stems?: readonly string[];
}

/**
 * Features that always occur together, with room for where the two models that read them (a
 * tagger's first and second pass) keep their summed weights: a model finds the sum instead of
 * probing its table for every feature again. `stamp` names the model's sums store (see NerModel).
 */
export class FeatureBlock {
  stampA = 0;
  atA = 0;
  stampB = 0;
  atB = 0;
  constructor(readonly feats: Int32Array) {}
}

/** The same features with the blocks merged into each token's run (what training reads). */
export function flattenFeatures(features: SentenceFeatures): SentenceFeatures {
  const { feats, offsets, blocks, blockOffsets } = features;
  if (!blocks || !blockOffsets) return features;
  const out = scratch;
  out.length = 0;
  const n = offsets.length - 1;
  const flat = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    flat[i] = out.length;
    for (let b = blockOffsets[i] as number; b < (blockOffsets[i + 1] as number); b++) {
      const block = (blocks[b] as FeatureBlock).feats;
      for (let k = 0; k < block.length; k++) out.push(block[k] as number);
    }
    for (let f = offsets[i] as number; f < (offsets[i + 1] as number); f++)
      out.push(feats[f] as number);
  }
  flat[n] = out.length;
  return { feats: out.take(), offsets: flat };
}

const FNV_PRIME = 0x01000193;

/** FNV-1a of a string: the value hash features are built from. */
export function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h | 0;
}

/** Combines a template id with a value hash (murmur3's finaliser spreads the bits). */
export function feature(template: number, value: number): number {
  let h = Math.imul(value ^ Math.imul(template, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

function pair(a: number, b: number): number {
  return feature(0x7fff, a) ^ b;
}

// Template ids: stable numbers, since trained models store hashes made with them.
const T = {
  bias: 1,
  norm: 2,
  normM1: 3,
  normP1: 4,
  normM2: 5,
  normP2: 6,
  bigramM1: 7,
  bigramP1: 8,
  stem: 9,
  stemM1: 10,
  stemP1: 11,
  prefix: 12,
  suffix: 13,
  stemSuffix: 14,
  shape: 15,
  shapeWindow: 16,
  proclitics: 17,
  article: 18,
  length: 19,
  frequency: 20,
  first: 21,
  frequencyM1: 22,
  frequencyP1: 23,
  classI: 30,
  classM1: 40,
  classP1: 50,
  classM2: 60,
  classP2: 70,
  gazI: 80,
  gazM1: 81,
  gazP1: 82,
  gazM2: 83,
  gazP2: 84,
  passI: 90,
  passM1: 91,
  passP1: 92,
  passWindow: 93,
  docType: 94,
  docMajority: 95,
  docMajorityM1: 96,
  docMajorityP1: 97,
  bagLeft: 100,
  bagRight: 101,
  normClass: 110,
} as const;

const ARABIC_LETTER = /[\u0621-\u064a\u0671-\u06d3\ufb50-\ufefc]/;
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/;
const DIGIT = /[0-9\u0660-\u0669\u06f0-\u06f9]/;

/** A coarse word shape: script, digits, punctuation, Latin capitalisation. */
function shapeOf(word: string): string {
  if (ARABIC_LETTER.test(word)) return DIGIT.test(word) ? "AD" : "A";
  if (LATIN_LETTER.test(word)) {
    if (word === word.toUpperCase()) return word.length > 1 ? "LU" : "L1";
    return /^[A-Z]/.test(word) ? "LC" : "Ll";
  }
  if (DIGIT.test(word)) return /^[0-9\u0660-\u0669\u06f0-\u06f9]{4}$/.test(word) ? "D4" : "D";
  if (/^[«»“”"'„]+$/.test(word)) return "Q";
  return "P";
}

/** What features need of one distinct word, computed once. */
interface WordInfo {
  stem: string;
  norm: string;
  normHash: number;
  stemHash: number;
  shapeHash: number;
  /** Features of the word itself (affixes, shape, classes, ...), templates already applied. */
  own: FeatureBlock;
  /** What the word contributes as the previous / next word, and two before / after. */
  asPrev: FeatureBlock;
  asNext: FeatureBlock;
  asPrev2: FeatureBlock;
  asNext2: FeatureBlock;
}

/** The default when no resources are given: one shared object, since the word cache keys on it. */
const NO_RESOURCES: FeatureResources = {};
const UNKNOWN_CLASS = new Int32Array([stringHash("?")]);
const CACHE_LIMIT = 200_000;
const cache = new Map<string, WordInfo>();
let cachedResources: FeatureResources | undefined;

function wordInfo(word: string, resources: FeatureResources): WordInfo {
  if (cachedResources !== resources) {
    cache.clear();
    cachedResources = resources;
  }
  let info = cache.get(word);
  if (info) return info;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  info = computeWordInfo(word, resources);
  cache.set(word, info);
  return info;
}

function computeWordInfo(word: string, resources: FeatureResources): WordInfo {
  const norm = normalizeArabic(word);
  const shape = shapeOf(word);
  let stem = norm;
  let proclitics = "";
  if (shape === "A") {
    const core = mentionCore(word);
    stem = normalizeArabic(word.slice(core.start, core.end)) || norm;
    proclitics = normalizeArabic(word.slice(0, core.start));
  }
  const frequency = shape === "A" ? frequencyBucket(stem) : shape;
  const own: number[] = [
    feature(T.bias, 0),
    feature(T.norm, stringHash(norm)),
    feature(T.stem, stringHash(stem)),
    feature(T.shape, stringHash(shape)),
    feature(T.proclitics, stringHash(proclitics)),
    feature(T.length, Math.min(stem.length, 10)),
    feature(T.frequency, stringHash(frequency)),
  ];
  if (stem.startsWith("ال")) own.push(feature(T.article, 0));
  for (let k = 1; k <= 4 && k < stem.length; k++) {
    own.push(
      feature(T.prefix, stringHash(stem.slice(0, k))),
      feature(T.suffix, stringHash(norm.slice(-k))),
      feature(T.stemSuffix, stringHash(stem.slice(-k))),
    );
  }
  const classes = resources.wordClasses?.(stem) ?? resources.wordClasses?.(norm);
  // The unstripped form's classes too: when clitic stripping is wrong (a name that starts with
  // و, ب, ل...), the full form's classes still carry its distributional evidence.
  if (norm !== stem) {
    const normClasses = resources.wordClasses?.(norm);
    normClasses?.forEach((c, k) => {
      own.push(feature(T.normClass + 1 + k, stringHash(`${k}:${c}`)));
    });
  }
  const classHashes = classes
    ? Int32Array.from(classes, (c, k) => stringHash(`${k}:${c}`))
    : UNKNOWN_CLASS;
  const withClasses = (template: number, first: number[]) => {
    classHashes.forEach((c, k) => {
      first.push(feature(template + 1 + k, c));
    });
    return new FeatureBlock(Int32Array.from(first));
  };
  const normHash = stringHash(norm);
  const stemHash = stringHash(stem);
  const frequencyHash = stringHash(frequency);
  return {
    stem,
    norm,
    normHash,
    stemHash,
    shapeHash: stringHash(shape),
    own: withClasses(T.classI, own),
    asPrev: withClasses(T.classM1, [
      feature(T.normM1, normHash),
      feature(T.stemM1, stemHash),
      feature(T.frequencyM1, frequencyHash),
    ]),
    asNext: withClasses(T.classP1, [
      feature(T.normP1, normHash),
      feature(T.stemP1, stemHash),
      feature(T.frequencyP1, frequencyHash),
    ]),
    asPrev2: withClasses(T.classM2, [feature(T.normM2, normHash)]),
    asNext2: withClasses(T.classP2, [feature(T.normP2, normHash)]),
  };
}

function frequencyBucket(stem: string): string {
  const count = wordCount(stem);
  if (count === 0) return "0";
  return String(Math.min(6, Math.floor(Math.log10(count + 1) * 1.5)));
}

/** The clitic-stripped, normalised stem features use for a word. */
export function wordStem(word: string, resources: FeatureResources = NO_RESOURCES): string {
  return wordInfo(word, resources).stem;
}

/** A growable scratch buffer: sentences are built in it without per-feature allocation. */
class Scratch {
  data = new Int32Array(1 << 14);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  take(): Int32Array {
    const out = this.data.slice(0, this.length);
    this.length = 0;
    return out;
  }
}
const scratch = new Scratch();

const START = stringHash("<s>");
const END = stringHash("</s>");
const labelHashes = new Map<string, number>();

function labelHash(label: string): number {
  let h = labelHashes.get(label);
  if (h === undefined) {
    h = stringHash(label);
    labelHashes.set(label, h);
  }
  return h;
}

// What lies beyond the sentence's edges, as blocks (a missing neighbour has the class "<s>").
const edge = (...feats: number[]) => new FeatureBlock(Int32Array.from(feats));
const BEFORE_START = edge(
  feature(T.normM1, START),
  feature(T.stemM1, START),
  feature(T.frequencyM1, START),
  feature(T.classM1, START),
);
const AFTER_END = edge(
  feature(T.normP1, END),
  feature(T.stemP1, END),
  feature(T.frequencyP1, END),
  feature(T.classP1, START),
);
const BEFORE_START2 = edge(feature(T.normM2, START), feature(T.classM2, START));
const AFTER_END2 = edge(feature(T.normP2, END), feature(T.classP2, START));

/** The features of a sentence that do not depend on a first pass. */
export function extractFeatures(
  words: readonly string[],
  resources: FeatureResources = NO_RESOURCES,
): SentenceFeatures {
  const n = words.length;
  const infos = words.map((w) => wordInfo(w, resources));
  const gazetteer = resources.gazetteer?.(infos.map((v) => v.norm));
  const normAt = (i: number) => (i < 0 ? START : i >= n ? END : (infos[i] as WordInfo).normHash);
  const out = scratch;
  out.length = 0;
  const offsets = new Int32Array(n + 1);
  const blocks: FeatureBlock[] = [];
  const blockOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    offsets[i] = out.length;
    blockOffsets[i] = blocks.length;
    const v = infos[i] as WordInfo;
    const prev = infos[i - 1];
    const next = infos[i + 1];
    blocks.push(
      v.own,
      prev ? prev.asPrev : BEFORE_START,
      next ? next.asNext : AFTER_END,
      i >= 2 ? (infos[i - 2] as WordInfo).asPrev2 : BEFORE_START2,
      i + 2 < n ? (infos[i + 2] as WordInfo).asNext2 : AFTER_END2,
    );
    // One feature each: cheaper to look up directly than as blocks.
    for (let k = Math.max(0, i - 4); k < i; k++)
      out.push(feature(T.bagLeft, (infos[k] as WordInfo).stemHash));
    for (let k = i + 1; k <= i + 4 && k < n; k++)
      out.push(feature(T.bagRight, (infos[k] as WordInfo).stemHash));
    out.push(feature(T.bigramM1, pair(normAt(i - 1), v.normHash)));
    out.push(feature(T.bigramP1, pair(v.normHash, normAt(i + 1))));
    out.push(
      feature(
        T.shapeWindow,
        pair(pair(prev ? prev.shapeHash : START, v.shapeHash), next ? next.shapeHash : END),
      ),
    );
    if (i === 0) out.push(feature(T.first, 0));
    if (gazetteer) {
      pushLabels(out, T.gazI, gazetteer[i]);
      pushLabels(out, T.gazM1, gazetteer[i - 1]);
      pushLabels(out, T.gazP1, gazetteer[i + 1]);
      pushLabels(out, T.gazM2, gazetteer[i - 2]);
      pushLabels(out, T.gazP2, gazetteer[i + 2]);
    }
  }
  offsets[n] = out.length;
  blockOffsets[n] = blocks.length;
  return { feats: out.take(), offsets, blocks, blockOffsets, stems: infos.map((v) => v.stem) };
}

/**
 * Only what each word says of itself (form, stem, affixes, shape, classes) and the gazetteer
 * labels on it: for a model that reads context with its own machinery.
 */
export function ownFeatures(
  words: readonly string[],
  resources: FeatureResources = NO_RESOURCES,
): SentenceFeatures {
  const n = words.length;
  const infos = words.map((w) => wordInfo(w, resources));
  const gazetteer = resources.gazetteer?.(infos.map((v) => v.norm));
  const out = scratch;
  out.length = 0;
  const offsets = new Int32Array(n + 1);
  const blockOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    offsets[i] = out.length;
    blockOffsets[i] = i;
    if (gazetteer) pushLabels(out, T.gazI, gazetteer[i]);
  }
  offsets[n] = out.length;
  blockOffsets[n] = n;
  return {
    feats: out.take(),
    offsets,
    blocks: infos.map((v) => v.own),
    blockOffsets,
    stems: infos.map((v) => v.stem),
  };
}

/** The sentence's features plus those of the first pass, for the second-pass model. */
export function withFirstPass(
  base: SentenceFeatures,
  words: readonly string[],
  firstPass: FirstPass,
  resources: FeatureResources = NO_RESOURCES,
): SentenceFeatures {
  const n = words.length;
  const stems = base.stems ?? words.map((w) => wordStem(w, resources));
  const majority = stems.map((stem) => documentMajority(firstPass, stem));
  const tag = (k: number) => labelHash(k < 0 ? "S" : k >= n ? "E" : (firstPass.tags[k] ?? "O"));
  const out = scratch;
  out.length = 0;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    offsets[i] = out.length;
    for (let f = base.offsets[i] as number; f < (base.offsets[i + 1] as number); f++)
      out.push(base.feats[f] as number);
    out.push(feature(T.passI, tag(i)));
    out.push(feature(T.passM1, tag(i - 1)));
    out.push(feature(T.passP1, tag(i + 1)));
    out.push(feature(T.passWindow, pair(pair(tag(i - 1), tag(i)), tag(i + 1))));
    out.push(feature(T.docMajority, labelHash(majority[i] ?? "-")));
    out.push(feature(T.docMajorityM1, labelHash(i > 0 ? (majority[i - 1] ?? "-") : "S")));
    out.push(feature(T.docMajorityP1, labelHash(i + 1 < n ? (majority[i + 1] ?? "-") : "E")));
    const types = firstPass.documentTypes(stems[i] as string);
    if (types) for (const type of types.keys()) out.push(feature(T.docType, labelHash(type)));
  }
  offsets[n] = out.length;
  return { ...base, feats: out.take(), offsets };
}

/** The type the first pass gave this stem most often in the document, with a count bucket. */
function documentMajority(firstPass: FirstPass, stem: string): string | undefined {
  const types = firstPass.documentTypes(stem);
  if (!types) return undefined;
  let best: string | undefined;
  let count = 0;
  for (const [type, c] of types) {
    if (c > count) {
      best = type;
      count = c;
    }
  }
  return best && `${best}${count > 1 ? "+" : "1"}`;
}

function pushLabels(out: Scratch, template: number, labels: readonly string[] | undefined): void {
  if (!labels) return;
  for (const label of labels) out.push(feature(template, labelHash(label)));
}
