/**
 * JSON Schemas of the API's inputs (used by fastify to validate requests, so malformed ones
 * get a 400) and of its outputs (used only to document them in the OpenAPI document).
 */

const DATE_PATTERN = "^\\d{4}(-\\d{2}(-\\d{2})?)?$";

const text = (description: string, maxLength = 500) => ({
  type: "string",
  minLength: 1,
  maxLength,
  description,
});
const date = (description: string) => ({ type: "string", pattern: DATE_PATTERN, description });
const limit = {
  type: "integer",
  minimum: 1,
  maximum: 100,
  default: 20,
  description: "results per page",
};
const offset = {
  type: "integer",
  minimum: 0,
  maximum: 100_000,
  default: 0,
  description: "results to skip",
};

export const searchQuerySchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    q: text(
      'full-text query: words (Arabic-aware: الصين also finds والصين، للصين), "phrases", OR',
      1000,
    ),
    entity: text("only articles mentioning this entity (store key, KB id or name)", 200),
    speaker: text("only articles quoting this speaker (entity key or name)", 200),
    from: date("published on or after (YYYY-MM-DD; YYYY-MM or YYYY for the first day)"),
    to: date("published on or before (YYYY-MM-DD; YYYY-MM or YYYY for the last day)"),
    source: text("substring of the source URL, site or path"),
    collapse: {
      type: "boolean",
      default: true,
      description: "one hit per story cluster (near-duplicate articles); false lists every article",
    },
    limit,
    offset,
  },
} as const;

export const quotesQuerySchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    speaker: text("quotes by this speaker (entity key or name)", 200),
    about: text("quotes whose words mention this entity (key or name)", 200),
    from: date("published on or after (YYYY-MM-DD, YYYY-MM or YYYY)"),
    to: date("published on or before (YYYY-MM-DD, YYYY-MM or YYYY)"),
    collapse: {
      type: "boolean",
      default: true,
      description: "the same quote in several articles of one story cluster once",
    },
    limit,
    offset,
  },
} as const;

export const articleParamsSchema = {
  type: "object",
  required: ["id"],
  properties: { id: { type: "integer", minimum: 1, description: "article id in the store" } },
} as const;

export const entityParamsSchema = {
  type: "object",
  required: ["key"],
  properties: { key: text("entity key (KB id, or TYPE:name for unlinked entities)", 300) },
} as const;

const articleFields = {
  date: {
    type: "string",
    maxLength: 40,
    description: "publication date when the content gives none (YYYY-MM-DD or ISO date-time)",
  },
  title: { type: "string", maxLength: 2000 },
  url: { type: "string", maxLength: 4000, description: "the page's address (not fetched)" },
} as const;

export const analyzeBodySchema = {
  type: "object",
  additionalProperties: false,
  description: "exactly one of text or html",
  properties: {
    text: { type: "string", description: "plain article text" },
    html: { type: "string", description: "an HTML page; the article is extracted from it" },
    ...articleFields,
  },
} as const;

export const ingestBodySchema = {
  type: "object",
  additionalProperties: false,
  description: "exactly one of url, text or html",
  properties: {
    url: {
      type: "string",
      maxLength: 4000,
      description: "an http(s) page to fetch (public addresses only unless --allow-private)",
    },
    text: { type: "string" },
    html: { type: "string" },
    source: { type: "string", maxLength: 4000, description: "label stored for posted content" },
    date: articleFields.date,
    title: articleFields.title,
  },
} as const;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const str = { type: "string" };
const int = { type: "integer" };
const entityType = { type: "string", enum: ["PER", "ORG", "LOC", "MISC"] };

/** Output shapes, mirroring src/store/types.ts. */
export const outputSchemas: Record<string, unknown> = {
  Error: {
    type: "object",
    required: ["error"],
    properties: { error: { type: "string", description: "what went wrong, one line" } },
  },
  ClusterRef: {
    type: "object",
    required: ["id", "size"],
    description: "story cluster: near-duplicate articles (one wire story reprinted) share an id",
    properties: { id: int, size: int },
  },
  ArticleSummary: {
    type: "object",
    required: ["id", "source", "cluster"],
    properties: {
      id: int,
      source: { type: "string", description: "URL or file path the article came from" },
      title: str,
      published: str,
      siteName: str,
      cluster: ref("ClusterRef"),
    },
  },
  ArticleRecord: {
    allOf: [
      ref("ArticleSummary"),
      {
        type: "object",
        required: ["fetchedAt", "analysis", "entityKeys"],
        properties: {
          fetchedAt: str,
          analysis: ref("Analysis"),
          entityKeys: {
            type: "object",
            additionalProperties: str,
            description: "store-wide entity key of each entity id of the analysis",
          },
        },
      },
    ],
  },
  Snippet: {
    type: "object",
    required: ["text", "highlights"],
    properties: {
      text: str,
      highlights: {
        type: "array",
        description: "[start, end) offsets of matched words in text",
        items: { type: "array", items: int, minItems: 2, maxItems: 2 },
      },
    },
  },
  SearchResult: {
    type: "object",
    required: ["total", "limit", "offset", "hits"],
    properties: {
      total: int,
      limit: int,
      offset: int,
      hits: {
        type: "array",
        items: {
          allOf: [
            ref("ArticleSummary"),
            {
              type: "object",
              required: ["score", "matches", "snippet"],
              properties: {
                score: {
                  type: "number",
                  description: "relevance (higher is better); 0 without words",
                },
                matches: {
                  type: "integer",
                  description: "matching articles of the hit's story cluster",
                },
                snippet: ref("Snippet"),
              },
            },
          ],
        },
      },
    },
  },
  EntityRef: {
    type: "object",
    required: ["key", "type", "name"],
    properties: { key: str, type: entityType, name: str },
  },
  QuoteRecord: {
    type: "object",
    required: ["article", "index", "text", "kind", "speaker"],
    properties: {
      article: ref("ArticleSummary"),
      index: { type: "integer", description: "index of the quote in the article's analysis" },
      text: str,
      kind: { type: "string", enum: ["direct", "indirect", "mixed"] },
      speaker: { oneOf: [ref("EntityRef"), { type: "null" }] },
      speakerText: str,
      cue: str,
    },
  },
  QuotePage: {
    type: "object",
    required: ["limit", "offset", "more", "quotes"],
    properties: {
      more: { type: "boolean", description: "there is a next page" },
      limit: int,
      offset: int,
      quotes: { type: "array", items: ref("QuoteRecord") },
    },
  },
  EntityProfile: {
    allOf: [
      ref("EntityRef"),
      {
        type: "object",
        required: ["articles", "mentions", "timeline", "quotesBy", "quotesAbout", "cooccurring"],
        properties: {
          nameEn: str,
          kb: {
            type: "object",
            required: ["id"],
            properties: { id: str, wikidata: str, cameo: str, iso: str },
          },
          articles: int,
          mentions: int,
          timeline: {
            type: "array",
            description: "mentions per month (YYYY-MM), oldest first",
            items: {
              type: "object",
              required: ["month", "mentions"],
              properties: { month: str, mentions: int },
            },
          },
          quotesBy: { type: "array", items: ref("QuoteRecord") },
          quotesAbout: { type: "array", items: ref("QuoteRecord") },
          cooccurring: {
            type: "array",
            description: "entities mentioned in the same articles, most shared first",
            items: {
              allOf: [
                ref("EntityRef"),
                { type: "object", required: ["articles"], properties: { articles: int } },
              ],
            },
          },
        },
      },
    ],
  },
  StoreStats: {
    type: "object",
    required: ["articles", "clusters", "entities", "quotes", "sources", "failed"],
    properties: {
      articles: int,
      clusters: int,
      entities: int,
      quotes: int,
      sources: { type: "integer", description: "sources recorded (files, lines, URLs, items)" },
      failed: { type: "integer", description: "sources that failed" },
    },
  },
  IngestResult: {
    type: "object",
    required: ["id", "duplicate", "source"],
    properties: {
      id: int,
      duplicate: { type: "boolean", description: "already stored; nothing was written" },
      source: str,
    },
  },
};
