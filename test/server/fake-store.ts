/**
 * An in-memory StorePort for the server's tests: real analyses (from the pipeline) of a few
 * small articles, with naive substring search. It stands in for the SQLite store so the API can
 * be tested on its own; test/server/stores.ts runs the same API tests over the real store too.
 */
import type { Analysis, Entity, Event } from "../../src/analysis.js";
import { analyzeText } from "../../src/index.js";
import {
  type PostedRaw,
  type PostedSource,
  type StorePort,
  StoreQueryError,
  type WriteResult,
} from "../../src/server/store-port.js";
import { entityKey } from "../../src/store/derive.js";
import { eventNetwork } from "../../src/store/events.js";
import type {
  ArticleRecord,
  ArticleSummary,
  EntityEvents,
  EntityProfile,
  EntityRef,
  EventRecord,
  QuoteQuery,
  QuoteRecord,
  SearchQuery,
  SearchResult,
  StoreStats,
} from "../../src/store/types.js";
import { type EventSpec, eventsFor } from "../helpers/events.js";

export interface FakeArticle {
  source: string;
  text: string;
  date?: string;
  title?: string;
  /** Events written by hand for the article, in place of what the events stage finds. */
  events?: EventSpec[];
}

/** The article's analysis as both test stores hold it. */
export function analyseArticle(a: FakeArticle): Analysis {
  const analysis = analyzeText(a.text, {
    ...(a.date ? { date: a.date } : {}),
    ...(a.title ? { title: a.title } : {}),
  });
  return a.events ? { ...analysis, events: eventsFor(analysis, a.events) } : analysis;
}

export class FakeStore implements StorePort {
  readonly records: ArticleRecord[] = [];

  constructor(articles: FakeArticle[] = []) {
    for (const a of articles) {
      this.add(
        analyseArticle(a),
        { key: a.source, kind: "url" },
        { kind: "text", content: a.text },
      );
    }
  }

  add(analysis: Analysis, source: PostedSource, _raw?: PostedRaw): WriteResult {
    const existing = this.records.find((r) => r.analysis.text === analysis.text);
    if (existing) return { status: "duplicate", id: existing.id };
    const id = this.records.length + 1;
    const { meta } = analysis;
    this.records.push({
      id,
      source: source.key,
      ...(meta.title ? { title: meta.title } : {}),
      ...(meta.published ? { published: meta.published } : {}),
      cluster: { id, size: 1 },
      fetchedAt: "2024-01-01T00:00:00Z",
      analysis,
    });
    return { status: "added", id };
  }

  entityKey(entity: Entity): string {
    return entityKey(entity);
  }

  search(q: SearchQuery): SearchResult {
    const words = parseQuery(q.q);
    const hits = this.records
      .filter((r) => matchesFilters(r, q))
      .filter((r) => words.every((w) => r.analysis.text.includes(w)))
      .map((r) => ({
        ...summary(r),
        score: 1,
        matches: 1,
        snippet: snippet(r.analysis.text, words),
      }));
    const offset = q.offset ?? 0;
    return { total: hits.length, hits: hits.slice(offset, offset + (q.limit ?? 20)) };
  }

  article(id: number): ArticleRecord | undefined {
    return this.records.find((r) => r.id === id);
  }

  entity(key: string): EntityProfile | undefined {
    let ref: EntityRef | undefined;
    let nameEn: string | undefined;
    let kb: Entity["kb"];
    let articles = 0;
    let mentions = 0;
    const months = new Map<string, number>();
    const co = new Map<string, EntityRef & { articles: number }>();
    for (const r of this.records) {
      const found = r.analysis.entities.find((e) => this.entityKey(e) === key);
      if (!found) continue;
      ref ??= { key, type: found.type, name: found.name };
      nameEn ??= found.nameEn;
      kb ??= found.kb;
      articles++;
      mentions += found.mentions.length;
      const month = (r.published ?? "").slice(0, 7);
      if (month) months.set(month, (months.get(month) ?? 0) + found.mentions.length);
      for (const other of r.analysis.entities) {
        const otherKey = this.entityKey(other);
        if (otherKey === key) continue;
        const entry = co.get(otherKey) ?? {
          key: otherKey,
          type: other.type,
          name: other.name,
          articles: 0,
        };
        entry.articles++;
        co.set(otherKey, entry);
      }
    }
    if (!ref) return undefined;
    return {
      ...ref,
      ...(nameEn ? { nameEn } : {}),
      ...(kb ? { kb } : {}),
      articles,
      mentions,
      timeline: [...months].sort().map(([month, n]) => ({ month, mentions: n })),
      quotesBy: this.allQuotes().filter((x) => x.speaker?.key === key),
      quotesAbout: this.allQuotes().filter((x) => this.quoteMentions(x, key)),
      cooccurring: [...co.values()].sort((a, b) => b.articles - a.articles),
    };
  }

  /** Realised events naming the entity; every article is its own story here. */
  entityEvents(key: string, limit = 200): EntityEvents | undefined {
    const profile = this.entity(key);
    if (!profile) return undefined;
    const involves = (a: EventRecord["source"]) => a?.entity?.key === profile.key;
    const all = this.allEvents()
      .filter((e) => involves(e.source) || involves(e.target))
      .sort(
        (a, b) =>
          Number(a.date === undefined) - Number(b.date === undefined) ||
          (b.date ?? "").localeCompare(a.date ?? "") ||
          b.article.id - a.article.id ||
          a.index - b.index,
      );
    return {
      entity: { key: profile.key, type: profile.type, name: profile.name },
      total: all.length,
      events: all.slice(0, limit),
      network: eventNetwork(all),
    };
  }

  quotes(q: QuoteQuery): QuoteRecord[] {
    const all = this.allQuotes().filter(
      (x) =>
        (!q.speaker || x.speaker?.key === q.speaker || x.speaker?.name === q.speaker) &&
        (!q.about || this.quoteMentions(x, q.about)) &&
        (!q.from || (x.article.published ?? "") >= q.from) &&
        (!q.to || (x.article.published ?? "9999") <= endOf(q.to)),
    );
    const offset = q.offset ?? 0;
    return all.slice(offset, offset + (q.limit ?? 20));
  }

  stats(): StoreStats {
    const keys = new Set(this.records.flatMap((r) => r.analysis.entities.map(entityKey)));
    return {
      sources: this.records.length,
      failed: 0,
      articles: this.records.length,
      clusters: this.records.length,
      entities: keys.size,
      quotes: this.allQuotes().length,
      events: this.allEvents().length,
    };
  }

  /** Realised events, the same one twice in an article once. */
  private allEvents(): EventRecord[] {
    return this.records.flatMap((r) => {
      const seen = new Set<string>();
      const out: EventRecord[] = [];
      const entities = new Map(r.analysis.entities.map((e) => [e.id, e]));
      const actor = (id: string | null | undefined, a: Event["sourceActor"]) => {
        const e = id ? entities.get(id) : undefined;
        if (!e && !a) return null;
        return {
          ...(e ? { entity: { key: this.entityKey(e), type: e.type, name: e.name } } : {}),
          ...(a?.code ? { code: a.code } : {}),
          ...(a?.sector ? { sector: a.sector } : {}),
          ...(a?.text ? { text: a.text } : {}),
        };
      };
      r.analysis.events.forEach((ev, index) => {
        if (ev.status !== "realised") return;
        const source = actor(ev.source, ev.sourceActor);
        const target = actor(ev.target, ev.targetActor);
        const same = [ev.type, source?.entity?.key, target?.entity?.key, ev.date].join("|");
        if (seen.has(same)) return;
        seen.add(same);
        const place = ev.place ? entities.get(ev.place) : undefined;
        out.push({
          id: `${r.id}-${index}`,
          article: summary(r),
          index,
          type: ev.type,
          ...(ev.mode ? { mode: ev.mode } : {}),
          status: ev.status,
          background: ev.background,
          source,
          target,
          ...(ev.date ? { date: ev.date } : {}),
          ...(place
            ? { place: { key: this.entityKey(place), type: place.type, name: place.name } }
            : {}),
          trigger: ev.trigger.text,
          text: ev.text ?? r.analysis.text.slice(ev.start, ev.end),
          confidence: ev.confidence,
          reports: 1,
        });
      });
      return out;
    });
  }

  private allQuotes(): QuoteRecord[] {
    return this.records.flatMap((r) =>
      r.analysis.quotes.map((quote, index) => {
        const speaker = r.analysis.entities.find((e) => e.id === quote.speaker);
        return {
          article: summary(r),
          index,
          text: quote.text ?? r.analysis.text.slice(quote.start, quote.end),
          kind: quote.kind,
          speaker: speaker
            ? { key: this.entityKey(speaker), type: speaker.type, name: speaker.name }
            : null,
          ...(quote.speakerText ? { speakerText: quote.speakerText } : {}),
          ...(quote.cue ? { cue: quote.cue.text } : {}),
        };
      }),
    );
  }

  private quoteMentions(quote: QuoteRecord, key: string): boolean {
    const record = this.records.find((r) => r.id === quote.article.id);
    const q = record?.analysis.quotes[quote.index];
    if (!record || !q) return false;
    return record.analysis.entities.some(
      (e) =>
        (this.entityKey(e) === key || e.name === key) &&
        e.mentions.some((m) => m.start >= q.start && m.end <= q.end),
    );
  }
}

function parseQuery(q: string | undefined): string[] {
  if (!q) return [];
  if ((q.match(/"/g)?.length ?? 0) % 2 === 1)
    throw new StoreQueryError('unbalanced quote: a " is never closed');
  return q.split(/\s+/).filter(Boolean);
}

function matchesFilters(r: ArticleRecord, q: SearchQuery): boolean {
  const a: Analysis = r.analysis;
  const hasEntity = (name: string) =>
    a.entities.some((e) => entityKey(e) === name || e.name === name);
  if (q.entity && !hasEntity(q.entity)) return false;
  if (
    q.speaker &&
    !a.quotes.some((x) => {
      const e = a.entities.find((en) => en.id === x.speaker);
      return e && (entityKey(e) === q.speaker || e.name === q.speaker);
    })
  )
    return false;
  if (q.from && (r.published ?? "") < q.from) return false;
  if (q.to && (r.published ?? "9999") > endOf(q.to)) return false;
  if (q.source && !r.source.includes(q.source)) return false;
  return true;
}

/** A year or month as an upper bound covers all of it, as in the real store. */
function endOf(to: string): string {
  return to.length === 4 ? `${to}-12-31` : to.length === 7 ? `${to}-31` : to;
}

function summary(r: ArticleRecord): ArticleSummary {
  const { fetchedAt: _f, analysis: _a, ...rest } = r;
  return rest;
}

function snippet(text: string, words: string[]) {
  const first = words.length ? Math.max(0, text.indexOf(words[0] ?? "")) : 0;
  const start = Math.max(0, first - 40);
  const window = text.slice(start, start + 160);
  const highlights: [number, number][] = [];
  for (const w of words) {
    const at = window.indexOf(w);
    if (at >= 0) highlights.push([at, at + w.length]);
  }
  return { text: window, highlights };
}
