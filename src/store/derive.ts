/**
 * From an `Analysis` to the rows the store writes: everything computed here runs in the ingest
 * workers, so the main thread only executes the inserts. Entities are keyed across articles by
 * `entityKey`; quotes name their speaker by that key and list the entities mentioned inside
 * them ("about").
 */
import { createHash } from "node:crypto";
import { deflateRawSync } from "node:zlib";
import type { Analysis, Entity, EntityType, Event, EventActor, EventStatus } from "../analysis.js";
import { isNameToken, nameKeyAt, sentenceForms } from "../entities/index.js";
import { normalizeArabic, tokenize } from "../text/index.js";
import { indexColumns, plainWords } from "./forms.js";
import { bandKeys, signature } from "./minhash.js";

/** The entity's key across the collection: its KB id when linked, else type and normalised name. */
export function entityKey(entity: Pick<Entity, "type" | "name" | "kb">): string {
  return entity.kb?.id ?? `${entity.type}:${normalizeArabic(entity.name)}`;
}

/** How a name is looked up: normalised words, the first without its clitics (للرئيس → الرئيس). */
export function lookupKey(name: string): string {
  const forms = sentenceForms(tokenize(name).filter(isNameToken));
  return nameKeyAt(forms, 0, forms.raw.length).join(" ");
}

export interface EntityRows {
  key: string;
  type: EntityType;
  name: string;
  nameEn: string | null;
  kbId: string | null;
  wikidata: string | null;
  cameo: string | null;
  iso: string | null;
  /** [start, end, confidence] per mention. */
  mentions: [number, number, number][];
  /** Lookup keys of the entity's name and of its mentions' texts, for the name resolver. */
  names: string[];
}

export interface QuoteRows {
  index: number;
  start: number;
  end: number;
  text: string;
  kind: string;
  speaker: string | null;
  speakerText: string | null;
  cue: string | null;
  confidence: number;
  /** Keys of the entities mentioned inside the quote, the speaker excepted. */
  about: string[];
}

export interface ArticleRows {
  /** SHA-256 of the normalised words of the text: the same article twice has one hash. */
  hash: string;
  text: string;
  title: string | null;
  published: string | null;
  site: string | null;
  url: string | null;
  /** The Analysis as JSON without `text` (stored once, in its own column) and tokens. */
  analysisJson: string;
  rawKind: "text" | "html";
  /** The raw input, deflated. */
  raw: Uint8Array;
  fts: { base: string; plain: string };
  signature: Uint32Array | null;
  bands: number[];
  entities: EntityRows[];
  quotes: QuoteRows[];
  times: {
    start: number;
    end: number;
    text: string;
    type: string;
    value: string;
    resolved: string | null;
    mod: string | null;
  }[];
  events: EventRows[];
}

/** One event as the store keeps it: entity ids of the analysis become store entity keys. */
export interface EventRows {
  /** Index in the analysis' events. */
  index: number;
  type: string;
  mode: string | null;
  status: EventStatus;
  background: boolean;
  source: string | null;
  target: string | null;
  sourceActor: { code: string | null; sector: string | null; text: string | null };
  targetActor: { code: string | null; sector: string | null; text: string | null };
  date: string | null;
  place: string | null;
  trigger: { start: number; end: number; text: string } | null;
  start: number;
  end: number;
  /** The evidence clause. */
  text: string;
  confidence: number | null;
}

export function deriveRows(
  analysis: Analysis,
  raw: { kind: "text" | "html"; content: string },
): ArticleRows {
  const { meta, text } = analysis;
  const words = plainWords(text);
  const sig = signature(words) ?? null;
  const keyOf = new Map<string, string>();
  const entities: EntityRows[] = [];
  const byKey = new Map<string, EntityRows>();
  for (const e of analysis.entities) {
    const key = entityKey(e);
    keyOf.set(e.id, key);
    let rows = byKey.get(key);
    if (!rows) {
      rows = {
        key,
        type: e.type,
        name: e.name,
        nameEn: e.nameEn ?? null,
        kbId: e.kb?.id ?? null,
        wikidata: e.kb?.wikidata ?? null,
        cameo: e.kb?.cameo ?? null,
        iso: e.kb?.iso ?? null,
        mentions: [],
        names: [],
      };
      byKey.set(key, rows);
      entities.push(rows);
    }
    const names = new Set(rows.names);
    names.add(lookupKey(e.name));
    for (const m of e.mentions) {
      rows.mentions.push([m.start, m.end, m.confidence]);
      // only names find an entity by name: سموه or الحزب would find every prince and party
      if ((m.kind ?? "name") === "name") names.add(lookupKey(m.text));
    }
    names.delete("");
    rows.names = [...names];
  }
  const quotes: QuoteRows[] = analysis.quotes.map((q, index) => {
    const speaker = q.speaker === null ? null : (keyOf.get(q.speaker) ?? null);
    const about = new Set<string>();
    for (const e of entities) {
      if (e.key === speaker) continue;
      if (e.mentions.some(([s, t]) => s >= q.start && t <= q.end)) about.add(e.key);
    }
    return {
      index,
      start: q.start,
      end: q.end,
      text: q.text ?? text.slice(q.start, q.end),
      kind: q.kind,
      speaker,
      speakerText: q.speakerText ?? null,
      cue: q.cue?.text ?? null,
      confidence: q.confidence,
      about: [...about],
    };
  });
  const { text: _text, tokens: _tokens, ...rest } = analysis;
  return {
    hash: createHash("sha256").update(words.join(" ")).digest("hex"),
    text,
    title: meta.title ?? null,
    published: meta.published ?? null,
    site: meta.siteName ?? hostOf(meta.url) ?? null,
    url: meta.url ?? null,
    analysisJson: JSON.stringify(rest),
    rawKind: raw.kind,
    raw: deflateRawSync(raw.content),
    fts: indexColumns(meta.title ? [meta.title, text] : [text]),
    signature: sig,
    bands: sig ? bandKeys(sig) : [],
    entities,
    quotes,
    times: analysis.times.map((t) => ({
      start: t.start,
      end: t.end,
      text: t.text,
      type: t.type,
      value: t.value,
      resolved: t.resolved ?? null,
      mod: t.mod ?? null,
    })),
    events: analysis.events.map((e, index) => eventRows(e, index, keyOf, text)),
  };
}

function eventRows(
  e: Event,
  index: number,
  keyOf: ReadonlyMap<string, string>,
  text: string,
): EventRows {
  const key = (id: string | null | undefined) => (id ? (keyOf.get(id) ?? null) : null);
  const actor = (a: EventActor | undefined) => ({
    code: a?.code ?? null,
    sector: a?.sector ?? null,
    text: a?.text ?? null,
  });
  return {
    index,
    type: e.type,
    mode: e.mode ?? null,
    // documents from before the field existed: what they listed were events that happened
    status: e.status ?? "realised",
    background: e.background === true,
    source: key(e.source),
    target: key(e.target),
    sourceActor: actor(e.sourceActor),
    targetActor: actor(e.targetActor),
    date: e.date ?? null,
    place: key(e.place),
    trigger: e.trigger
      ? { start: e.trigger.start, end: e.trigger.end, text: e.trigger.text }
      : null,
    start: e.start,
    end: e.end,
    text: e.text ?? text.slice(e.start, e.end),
    confidence: e.confidence ?? null,
  };
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}
