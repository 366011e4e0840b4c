/**
 * The store's public shapes: what ingest writes and what search, the CLI and the HTTP API read.
 * Entities are keyed across articles by `entityKey`: the KB id when linked, else type and
 * normalised name (so an unlinked "حمة الهمامي" is one entity across the collection).
 */
import type { Analysis, EntityType, EventStatus, Quote } from "../analysis.js";

export interface ClusterRef {
  /** Story cluster: near-duplicate articles (the same wire story reprinted) share one id. */
  id: number;
  size: number;
}

export interface ArticleSummary {
  id: number;
  /** URL or file path (with line number for JSONL) the article came from. */
  source: string;
  title?: string;
  published?: string;
  siteName?: string;
  cluster: ClusterRef;
}

export interface ArticleRecord extends ArticleSummary {
  fetchedAt: string;
  analysis: Analysis;
}

export interface SearchQuery {
  /** Full-text query: words (Arabic-aware: الصين finds والصين، للصين), "phrases", and OR. */
  q?: string;
  /** An entity key or a name the KB or the store resolves. */
  entity?: string;
  /** Only articles with a quotation by this entity (key or name). */
  speaker?: string;
  /** Published on or after / on or before (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** Substring of the source (URL, site or path). */
  source?: string;
  limit?: number;
  offset?: number;
  /** One hit per story cluster (default true); false lists every matching article. */
  collapse?: boolean;
}

export interface Snippet {
  /** A window of the article text around the best match. */
  text: string;
  /** [start, end) offsets of matched words inside `text`. */
  highlights: [number, number][];
}

export interface SearchHit extends ArticleSummary {
  /** Relevance (bm25, higher is better); 0 for a search by filters alone. */
  score: number;
  /** How many articles of the hit's cluster match (1 when not collapsed). */
  matches: number;
  snippet: Snippet;
}

export interface SearchResult {
  /** Matching clusters (articles when not collapsed). */
  total: number;
  hits: SearchHit[];
}

export interface EntityRef {
  key: string;
  type: EntityType;
  name: string;
}

export interface QuoteRecord {
  article: ArticleSummary;
  /** Index of the quote in the article's analysis. */
  index: number;
  text: string;
  kind: Quote["kind"];
  speaker: EntityRef | null;
  speakerText?: string;
  cue?: string;
}

export interface QuoteQuery {
  speaker?: string;
  /** Only quotes whose words mention this entity. */
  about?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
  /** The same quote (speaker and words) in several articles of one story cluster once (default true). */
  collapse?: boolean;
}

export interface EntityProfile extends EntityRef {
  nameEn?: string;
  kb?: { id: string; wikidata?: string; cameo?: string; iso?: string };
  articles: number;
  mentions: number;
  /** Mentions per month (YYYY-MM), oldest first, for the chart. */
  timeline: { month: string; mentions: number }[];
  quotesBy: QuoteRecord[];
  quotesAbout: QuoteRecord[];
  /** Entities mentioned in the same articles, most shared first. */
  cooccurring: (EntityRef & { articles: number })[];
}

export interface StoreStats {
  articles: number;
  clusters: number;
  entities: number;
  quotes: number;
  /** Realised events, a story's reprints counted once. */
  events: number;
  /** Sources recorded (files, JSONL lines, URLs, feed items) and how many of them failed. */
  sources: number;
  failed: number;
}

/** One side of an event: the stored entity where the actor is one, and its PLOVER code. */
export interface EventActorRecord {
  entity?: EntityRef;
  /** Country (ISO 3166 alpha-3) or international organisation code, e.g. RUS, UNO. */
  code?: string;
  /** PLOVER/CAMEO sector: GOV, MIL, REB, COP, CVL... */
  sector?: string;
  /** The words naming the actor at the trigger. */
  text?: string;
}

export interface EventArticle extends ArticleSummary {
  url?: string;
}

/**
 * An event as the store reports it. Collapsed (the default), the same event in several articles
 * of one story cluster (same type, actors and date) is one record, taken from the first article
 * of the cluster that reports it, with `reports` saying how many articles do.
 */
export interface EventRecord {
  /** `ARTICLE-INDEX`: the article and the event's index in its analysis' events. */
  id: string;
  article: EventArticle;
  index: number;
  type: string;
  mode?: string;
  status: EventStatus;
  background: boolean;
  source: EventActorRecord | null;
  target: EventActorRecord | null;
  date?: string;
  place?: EntityRef;
  /** The word reporting the event (هاجم، مقتل). */
  trigger?: string;
  /** The evidence clause. */
  text?: string;
  confidence?: number;
  /** Articles of the story cluster reporting the event (1 when not collapsed). */
  reports: number;
}

export interface EventQuery {
  /** Events with this entity as source or target (key or name). */
  entity?: string;
  /** PLOVER type, e.g. ASSAULT. */
  type?: string;
  /** The event's date on or after / on or before (YYYY, YYYY-MM or YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** Which statuses: "realised" (the default: events that happened) or "any". */
  status?: EventStatus | "any";
  /** One record per event of a story cluster (default true). */
  collapse?: boolean;
  /**
   * "date": newest event date first, undated ones last (default); "article": in the order the
   * articles were stored, as exports want.
   */
  order?: "date" | "article";
  limit?: number;
  offset?: number;
}

/** A node of an actor network: a stored entity, or an unnamed actor by its code or words. */
export interface EventNode {
  id: string;
  name: string;
  key?: string;
  type?: EntityType;
  code?: string;
  /** Events the node takes part in. */
  events: number;
}

/** Who acted on whom: events from `source` to `target`, by type. */
export interface EventEdge {
  source: string;
  target: string;
  count: number;
  types: { type: string; count: number }[];
}

/** An entity's realised events, once per story: the entity page's timeline and network. */
export interface EntityEvents {
  entity: EntityRef;
  /** All of the entity's events. */
  total: number;
  /** The newest `limit` of them: dated ones newest first, then undated ones. */
  events: EventRecord[];
  network: { nodes: EventNode[]; edges: EventEdge[] };
}
