/**
 * Gazetteer features for the NER tagger: full-name matches (LOC, ORG, PER, person titles TTL)
 * and token memberships (first/family-name token with a frequency bucket, name particle,
 * organisation head word, place trigger word, nationality adjective).
 *
 * Data: data/ner/gazetteers.json.gz, built by scripts/build-gazetteers.ts (data/ner/README.md).
 * Loaded lazily once, then matched against the normalised tokens of each sentence.
 *
 * Matching rules:
 *  - one-word entries match the token exactly (normalizeArabic form): the article is part of
 *    the name, so الصين matches but صين does not, and أمل never matches الأمل (the one-word
 *    forms that alternate are common words, and ال-less equality would merge الخليل / خليل);
 *  - multi-word entries match on loose keys: each token without a leading ال and a final ة/ه
 *    (منظمة التحرير الفلسطينية = منظمة تحرير فلسطيني, the lemma form of the CAMEO lists; construct
 *    states drop and add the article);
 *  - the first token of a match, and every token's membership, may carry leading clitics
 *    (و ف ب ل ك, وال, بال, لل): when the token itself is unknown, the clitic segmenter of the
 *    text layer gives its core (article restored after لل) and that is looked up instead; when
 *    the segmenter leaves a word whole, a leading و/ف is still dropped if the rest is known and
 *    more frequent than the whole word;
 *  - per category, matches are taken greedily left to right, longest first; categories are
 *    independent (جامعة القاهرة is ORG over both tokens and LOC on the second).
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import * as clitics from "../text/clitics.js";
import * as lexicon from "../text/lexicon.js";

// local copies of imported bindings (accessors under some loaders; see src/text/tokenize.ts)
const segmentWord = clitics.segmentWord;
const wordCount = lexicon.wordCount;

export const GAZETTEER_FILE = "gazetteers.json.gz";

/** Full-name categories, in the bit order of the match arrays. */
export const GAZ_CATEGORIES = ["LOC", "ORG", "PER", "TTL"] as const;
export type GazCategory = (typeof GAZ_CATEGORIES)[number];

const CAT_BITS: Record<GazCategory, number> = { LOC: 1, ORG: 2, PER: 4, TTL: 8 };

/** Membership flags. First/family names carry a bucket 1..3 (Wikidata frequency) in 2 bits. */
export const FIRST_NAME_SHIFT = 0;
export const FAMILY_NAME_SHIFT = 2;
export const FLAG_NAME_PARTICLE = 1 << 4;
export const FLAG_ORG_HEAD = 1 << 5;
export const FLAG_LOC_TRIGGER = 1 << 6;
export const FLAG_NATIONALITY = 1 << 7;

/** Frequency bucket (0 = not a first name) of a flags value. */
export function firstNameBucket(flags: number): number {
  return (flags >> FIRST_NAME_SHIFT) & 3;
}
/** Frequency bucket (0 = not a family name) of a flags value. */
export function familyNameBucket(flags: number): number {
  return (flags >> FAMILY_NAME_SHIFT) & 3;
}

/** Result of matching one sentence. Arrays are indexed by token. */
export interface GazetteerMatch {
  /** 0 = outside, 1 = begins, 2 = inside a match; one array per category. */
  readonly loc: Uint8Array;
  readonly org: Uint8Array;
  readonly per: Uint8Array;
  readonly ttl: Uint8Array;
  /** Membership flags (see FLAG_* and the name buckets). */
  readonly flags: Uint16Array;
}

/** The file's JSON layout (see scripts/build-gazetteers.ts). */
interface GazetteerFile {
  format: string;
  loc: string[];
  org: string[];
  per: string[];
  title: string[];
  /** Name tokens by buckets: index first * 4 + family (0 = not that kind of name). */
  names: string[];
  nameParticle: string;
  orgHead: string;
  locTrigger: string;
  nationality: string;
}

export interface GazetteerInfo {
  /** Entries per full-name category (LOC, ORG, PER, TTL). */
  entries: Record<GazCategory, number>;
  firstNames: number;
  familyNames: number;
  nationalities: number;
  orgHeads: number;
  locTriggers: number;
  /** Longest entry, in tokens. */
  maxTokens: number;
  bytes: number;
  loadMs: number;
}

interface Gazetteers {
  /** Exact token → membership flags | single-token category bits << SINGLE_SHIFT. */
  tokens: Map<string, number>;
  /** Loose token → id. */
  loose: Map<string, number>;
  /** Trie over loose ids: key parent * LOOSE_BASE + id → child node; root = 0. */
  children: Map<number, number>;
  /** Category bits of the multi-word entries ending at a node. */
  nodeCats: Uint8Array;
  info: GazetteerInfo;
}

const LOOSE_BASE = 1 << 21;
const SINGLE_SHIFT = 8;
const ALEF = 0x0627;
const LAM = 0x0644;
const HEH = 0x0647;

/**
 * The loose form of a normalised token used for multi-word entries: without a leading ال
 * (4+ letters) and without a final ه (= ة after normalisation; 3+ letters remaining).
 */
export function looseKey(t: string): string {
  let s = 0;
  let e = t.length;
  if (e >= 4 && t.charCodeAt(0) === ALEF && t.charCodeAt(1) === LAM) s = 2;
  if (e - s >= 3 && t.charCodeAt(e - 1) === HEH) e--;
  return s === 0 && e === t.length ? t : t.slice(s, e);
}

let gazPath: string | URL = new URL(`../../data/ner/${GAZETTEER_FILE}`, import.meta.url);
let loaded: Gazetteers | undefined;

/** Points the loader at another file (tests, tools); resets the loaded data and caches. */
export function setGazetteerPath(path: string | URL): void {
  gazPath = path;
  loaded = undefined;
  tokenCache.clear();
}

function words(s: string): string[] {
  return s.length === 0 ? [] : s.split(" ");
}

function build(file: GazetteerFile, bytes: number, t0: number): Gazetteers {
  const tokens = new Map<string, number>();
  const loose = new Map<string, number>();
  const children = new Map<number, number>();
  const nodeCats: number[] = [0];
  const setFlag = (w: string, f: number) => tokens.set(w, (tokens.get(w) ?? 0) | f);
  const looseId = (w: string): number => {
    const k = looseKey(w);
    let id = loose.get(k);
    if (id === undefined) {
      id = loose.size;
      loose.set(k, id);
    }
    return id;
  };
  let maxTokens = 1;
  const addEntries = (list: string[], bit: number) => {
    for (const entry of list) {
      const toks = words(entry);
      if (toks.length === 0) continue;
      if (toks.length === 1) {
        setFlag(toks[0] as string, bit << SINGLE_SHIFT);
        continue;
      }
      maxTokens = Math.max(maxTokens, toks.length);
      let node = 0;
      for (const w of toks) {
        const key = node * LOOSE_BASE + looseId(w);
        let child = children.get(key);
        if (child === undefined) {
          child = nodeCats.length;
          nodeCats.push(0);
          children.set(key, child);
        }
        node = child;
      }
      nodeCats[node] = (nodeCats[node] as number) | bit;
    }
  };
  addEntries(file.loc, CAT_BITS.LOC);
  addEntries(file.org, CAT_BITS.ORG);
  addEntries(file.per, CAT_BITS.PER);
  addEntries(file.title, CAT_BITS.TTL);
  let firstNames = 0;
  let familyNames = 0;
  file.names.forEach((list, k) => {
    const first = k >> 2;
    const family = k & 3;
    const f = (first << FIRST_NAME_SHIFT) | (family << FAMILY_NAME_SHIFT);
    const ws = words(list);
    for (const w of ws) setFlag(w, f);
    if (first) firstNames += ws.length;
    if (family) familyNames += ws.length;
  });
  const setAll = (list: string, f: number): number => {
    const ws = words(list);
    for (const w of ws) setFlag(w, f);
    return ws.length;
  };
  setAll(file.nameParticle, FLAG_NAME_PARTICLE);
  const orgHeads = setAll(file.orgHead, FLAG_ORG_HEAD);
  const locTriggers = setAll(file.locTrigger, FLAG_LOC_TRIGGER);
  const nationalities = setAll(file.nationality, FLAG_NATIONALITY);
  return {
    tokens,
    loose,
    children,
    nodeCats: Uint8Array.from(nodeCats),
    info: {
      entries: {
        LOC: file.loc.length,
        ORG: file.org.length,
        PER: file.per.length,
        TTL: file.title.length,
      },
      firstNames,
      familyNames,
      nationalities,
      orgHeads,
      locTriggers,
      maxTokens,
      bytes,
      loadMs: performance.now() - t0,
    },
  };
}

/**
 * Loads the gazetteers (once; later calls return the cached result). Throws when the data file
 * is missing or malformed: it ships with the package, so that is an installation error.
 */
export function loadGazetteers(): GazetteerInfo {
  return get().info;
}

function get(): Gazetteers {
  if (loaded === undefined) {
    const t0 = performance.now();
    const gz = readFileSync(gazPath);
    const file = JSON.parse(gunzipSync(gz).toString("utf8")) as GazetteerFile;
    if (file.format !== "marsad-gazetteers 1") {
      throw new Error(`unknown gazetteer format: ${String(file.format)}`);
    }
    loaded = build(file, gz.length, t0);
  }
  return loaded;
}

/** What the matcher knows about one token string (cached per distinct token). */
interface TokInfo {
  flags: number;
  /** Single-token category bits. */
  single: number;
  /** Loose id, or -1 when no multi-word entry contains the loose form. */
  loose: number;
  /** The token's entry point for matches: itself, or its clitic-free core when unknown. */
  head: TokInfo;
}

const tokenCache = new Map<string, TokInfo>();
const TOKEN_CACHE_LIMIT = 200_000;

function lookup(g: Gazetteers, t: string): TokInfo {
  const loose = g.loose.get(looseKey(t));
  const v = g.tokens.get(t) ?? 0;
  const info: TokInfo = {
    flags: v & ((1 << SINGLE_SHIFT) - 1),
    single: v >> SINGLE_SHIFT,
    loose: loose ?? -1,
    head: null as unknown as TokInfo,
  };
  info.head = info;
  return info;
}

function startsSomething(g: Gazetteers, i: TokInfo): boolean {
  return i.flags !== 0 || i.single !== 0 || (i.loose >= 0 && g.children.has(i.loose));
}

/** و ف ب ل ك: letters that may be a leading clitic. */
function mayHaveProclitic(t: string): boolean {
  const c = t.charCodeAt(0);
  return c === 0x0648 || c === 0x0641 || c === 0x0628 || c === 0x0644 || c === 0x0643;
}

/** Core of a word after its leading clitics (article kept, and restored after لل), or null. */
function proclisisCore(t: string): string | null {
  const segs = segmentWord(t);
  if (segs.length < 2 || segs[0]?.role !== "proclitic") return null;
  let core = "";
  for (const s of segs) {
    if (s.role === "article") core += "ال";
    else if (s.role === "stem") {
      core += s.norm;
      break;
    }
  }
  return core.length > 0 && core !== t ? core : null;
}

function tokenInfo(g: Gazetteers, t: string): TokInfo {
  let info = tokenCache.get(t);
  if (info !== undefined) return info;
  info = lookup(g, t);
  if (!startsSomething(g, info) && t.length >= 3 && mayHaveProclitic(t)) {
    const core = proclisisCore(t);
    if (core !== null) {
      const alt = lookup(g, core);
      if (startsSomething(g, alt)) info.head = alt;
    } else if (t.charCodeAt(0) === 0x0648 || t.charCodeAt(0) === 0x0641) {
      // The segmenter keeps some conjunction forms whole when the rest also follows other
      // clitics (وروسيا: بوروسيا is frequent) or is short (وشي). A conjunction is split here
      // when the rest is in the gazetteers and, as for any cliticised form, more frequent than
      // the whole word (وجد stays whole although جد is a name token).
      const rest = t.slice(1);
      const alt = lookup(g, rest);
      if (startsSomething(g, alt) && wordCount(t) <= wordCount(rest)) info.head = alt;
    }
  }
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
  tokenCache.set(t, info);
  return info;
}

let infoBuf: TokInfo[] = [];

function mark(labels: Uint8Array, start: number, len: number): void {
  labels[start] = 1;
  for (let k = start + 1; k < start + len; k++) labels[k] = 2;
}

/**
 * What the person-name lists say of one normalised word: how common it is as a first name and as
 * a family name (0 = not one, 1..3 rarer to commoner, from Wikidata).
 */
export function personNameToken(word: string): {
  first: number;
  family: number;
  nationality: boolean;
} {
  const flags = (get().tokens.get(word) ?? 0) & ((1 << SINGLE_SHIFT) - 1);
  return {
    first: firstNameBucket(flags),
    family: familyNameBucket(flags),
    nationality: (flags & FLAG_NATIONALITY) !== 0,
  };
}

/**
 * Matches the normalised tokens of a sentence (normalizeArabic forms, e.g. Token.norm; any
 * other strings simply do not match) against the gazetteers.
 */
export function matchGazetteers(tokens: readonly string[]): GazetteerMatch {
  const g = get();
  const n = tokens.length;
  const out: GazetteerMatch = {
    loc: new Uint8Array(n),
    org: new Uint8Array(n),
    per: new Uint8Array(n),
    ttl: new Uint8Array(n),
    flags: new Uint16Array(n),
  };
  if (infoBuf.length < n) infoBuf = new Array<TokInfo>(n);
  const infos = infoBuf;
  for (let i = 0; i < n; i++) {
    const info = tokenInfo(g, tokens[i] as string);
    infos[i] = info;
    out.flags[i] = info.head.flags;
  }
  const { children, nodeCats } = g;
  let endLoc = 0;
  let endOrg = 0;
  let endPer = 0;
  let endTtl = 0;
  for (let i = 0; i < n; i++) {
    const head = (infos[i] as TokInfo).head;
    const s = head.single;
    let bLoc = s & 1 ? 1 : 0;
    let bOrg = s & 2 ? 1 : 0;
    let bPer = s & 4 ? 1 : 0;
    let bTtl = s & 8 ? 1 : 0;
    if (head.loose >= 0) {
      let node = children.get(head.loose);
      let j = i + 1;
      while (node !== undefined && j < n) {
        const next = (infos[j] as TokInfo).loose;
        if (next < 0) break;
        node = children.get(node * LOOSE_BASE + next);
        if (node === undefined) break;
        j++;
        const c = nodeCats[node] as number;
        if (c !== 0) {
          const len = j - i;
          if (c & 1) bLoc = len;
          if (c & 2) bOrg = len;
          if (c & 4) bPer = len;
          if (c & 8) bTtl = len;
        }
      }
    }
    if (bLoc > 0 && i >= endLoc) {
      mark(out.loc, i, bLoc);
      endLoc = i + bLoc;
    }
    if (bOrg > 0 && i >= endOrg) {
      mark(out.org, i, bOrg);
      endOrg = i + bOrg;
    }
    if (bPer > 0 && i >= endPer) {
      mark(out.per, i, bPer);
      endPer = i + bPer;
    }
    if (bTtl > 0 && i >= endTtl) {
      mark(out.ttl, i, bTtl);
      endTtl = i + bTtl;
    }
  }
  infos.fill(undefined as unknown as TokInfo, 0, n); // do not pin cache entries
  return out;
}

const BIO: Record<GazCategory, readonly [string, string]> = {
  LOC: ["B-LOC", "I-LOC"],
  ORG: ["B-ORG", "I-ORG"],
  PER: ["B-PER", "I-PER"],
  TTL: ["B-TTL", "I-TTL"],
};
const FIRST_LABELS = ["", "FIRST1", "FIRST2", "FIRST3"];
const FAMILY_LABELS = ["", "FAMILY1", "FAMILY2", "FAMILY3"];

/** Appends the feature labels of token i of a match to `out` (no allocation besides push). */
export function appendGazetteerLabels(m: GazetteerMatch, i: number, out: string[]): void {
  const loc = m.loc[i] as number;
  if (loc !== 0) out.push(BIO.LOC[loc - 1] as string);
  const org = m.org[i] as number;
  if (org !== 0) out.push(BIO.ORG[org - 1] as string);
  const per = m.per[i] as number;
  if (per !== 0) out.push(BIO.PER[per - 1] as string);
  const ttl = m.ttl[i] as number;
  if (ttl !== 0) out.push(BIO.TTL[ttl - 1] as string);
  const f = m.flags[i] as number;
  if (f === 0) return;
  const first = firstNameBucket(f);
  if (first) out.push(FIRST_LABELS[first] as string);
  const family = familyNameBucket(f);
  if (family) out.push(FAMILY_LABELS[family] as string);
  if (f & FLAG_NAME_PARTICLE) out.push("PARTICLE");
  if (f & FLAG_ORG_HEAD) out.push("ORGHEAD");
  if (f & FLAG_LOC_TRIGGER) out.push("LOCTRIG");
  if (f & FLAG_NATIONALITY) out.push("NAT");
}

/**
 * Per-token feature labels: B-/I- LOC, ORG, PER, TTL for the longest matches, then FIRSTb and
 * FAMILYb (b = frequency bucket 1..3), PARTICLE, ORGHEAD, LOCTRIG, NAT.
 */
export function gazetteerFeatures(tokens: readonly string[]): string[][] {
  const m = matchGazetteers(tokens);
  const out: string[][] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const labels: string[] = [];
    appendGazetteerLabels(m, i, labels);
    out[i] = labels;
  }
  return out;
}
