/**
 * The store's public shapes: what ingest writes and what search, the CLI and the HTTP API read.
 * Entities are keyed across articles by `entityKey`: the KB id when linked, else type and
 * normalised name (so an unlinked "حمة الهمامي" is one entity across the collection).
 */
import type { Analysis, EntityType, Quote } from "../analysis.js";

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
  /** Sources recorded (files, JSONL lines, URLs, feed items) and how many of them failed. */
  sources: number;
  failed: number;
}
