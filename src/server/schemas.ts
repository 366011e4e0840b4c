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

export const entityEventsQuerySchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    limit: {
      type: "integer",
      minimum: 1,
      maximum: 1000,
      default: 200,
      description: "events listed (the newest); the total and the network count all of them",
    },
  },
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
  EventActor: {
    type: "object",
    description: "one side of an event: the stored entity where the actor is one, its PLOVER code",
    properties: {
      entity: ref("EntityRef"),
      code: { type: "string", description: "ISO 3166 alpha-3 country or IGO code, e.g. RUS, UNO" },
      sector: { type: "string", description: "PLOVER/CAMEO sector: GOV, MIL, REB, CVL..." },
      text: { type: "string", description: "the words naming the actor at the trigger" },
    },
  },
  EventRecord: {
    type: "object",
    required: [
      "id",
      "article",
      "index",
      "type",
      "status",
      "background",
      "source",
      "target",
      "reports",
    ],
    properties: {
      id: { type: "string", description: "ARTICLE-INDEX: the article and the event's index in it" },
      article: {
        allOf: [ref("ArticleSummary"), { type: "object", properties: { url: str } }],
      },
      index: { type: "integer", description: "index of the event in the article's analysis" },
      type: { type: "string", description: "PLOVER event type, e.g. CONSULT, ASSAULT" },
      mode: { type: "string", description: "PLOVER mode, e.g. phone, visit" },
      status: { type: "string", enum: ["realised", "negated", "future", "hypothetical"] },
      background: {
        type: "boolean",
        description: "context in a subordinate clause rather than the news",
      },
      source: { oneOf: [ref("EventActor"), { type: "null" }] },
      target: { oneOf: [ref("EventActor"), { type: "null" }] },
      date: { type: "string", description: "YYYY-MM-DD, YYYY-MM or YYYY" },
      place: ref("EntityRef"),
      trigger: { type: "string", description: "the word reporting the event" },
      text: { type: "string", description: "the evidence clause" },
      confidence: { type: "number" },
      reports: {
        type: "integer",
        description: "articles of the story cluster that report the event",
      },
    },
  },
  EntityEvents: {
    type: "object",
    required: ["entity", "total", "events", "network"],
    properties: {
      entity: ref("EntityRef"),
      total: { type: "integer", description: "the entity's events, once per story" },
      events: {
        type: "array",
        description: "the newest events: dated ones newest first, then undated ones",
        items: ref("EventRecord"),
      },
      network: {
        type: "object",
        required: ["nodes", "edges"],
        properties: {
          nodes: {
            type: "array",
            items: {
              type: "object",
              required: ["id", "name", "events"],
              description: "a stored entity (with key) or an unnamed actor by its code",
              properties: {
                id: str,
                name: str,
                key: str,
                type: entityType,
                code: str,
                events: int,
              },
            },
          },
          edges: {
            type: "array",
            description: "who acted on whom: events from source to target, by type",
            items: {
              type: "object",
              required: ["source", "target", "count", "types"],
              properties: {
                source: { type: "string", description: "node id" },
                target: { type: "string", description: "node id" },
                count: int,
                types: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["type", "count"],
                    properties: { type: str, count: int },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  StoreStats: {
    type: "object",
    required: ["articles", "clusters", "entities", "quotes", "events", "sources", "failed"],
    properties: {
      articles: int,
      clusters: int,
      entities: int,
      quotes: int,
      events: { type: "integer", description: "realised events, once per story cluster" },
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
