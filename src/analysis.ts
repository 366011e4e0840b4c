/**
 * The `Analysis` document: the one JSON shape every pipeline stage fills in and every consumer
 * (CLI, store, web UI, external tools) reads. The zod schema is the source of truth; the
 * TypeScript types are inferred from it and `schema/analysis.schema.json` is generated from it
 * (`npm run schema`). Field names are a public contract: add, never rename.
 *
 * Every fact carries `start`/`end`: JavaScript string indices (UTF-16 code units) into `text`,
 * end exclusive, so `text.slice(start, end)` is the evidence.
 */
import { z } from "zod";

export const ANALYSIS_SCHEMA_ID = "marsad/analysis@1";

const offset = z.number().int().nonnegative();
const confidence = z.number().min(0).max(1).describe("0..1, higher is surer");
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe("calendar date, YYYY-MM-DD");

export const SpanSchema = z.object({ start: offset, end: offset });

export const DatelineSchema = z
  .object({
    place: z.string().optional().describe("the place named in the dateline, e.g. موسكو"),
    agency: z.string().optional().describe("the news agency credited, e.g. أ ف ب, رويترز"),
    author: z
      .string()
      .optional()
      .describe("the reporter or writer the byline credits, e.g. الرياض: فهد العتيبي"),
    start: offset,
    end: offset,
  })
  .describe("the dateline or byline at the start of the body; start/end cover it in `text`");

export const MetaSchema = z.object({
  title: z.string().optional(),
  url: z.string().optional().describe("canonical URL of the article where known"),
  published: isoDate.optional().describe("publication date, from the page or from --date"),
  author: z.string().optional(),
  siteName: z.string().optional(),
  dateline: DatelineSchema.optional(),
  language: z.string().describe("ISO 639-1 code of the body text, e.g. ar, en; und if unknown"),
});

export const RemovedSchema = z.object({
  text: z.string(),
  reason: z.string().describe("why it was dropped, e.g. share-prompt, mobile-link, cookie-notice"),
});

export const TOKEN_KINDS = [
  "word",
  "latin",
  "number",
  "punct",
  "quote",
  "url",
  "email",
  "symbol",
] as const;

export const TokenSchema = z.object({
  start: offset,
  end: offset,
  text: z.string(),
  kind: z.enum(TOKEN_KINDS),
  norm: z.string().optional().describe("normalised form for matching"),
  segments: z
    .array(
      z.object({
        start: offset,
        end: offset,
        text: z.string(),
        role: z.enum(["proclitic", "article", "stem", "enclitic"]),
        norm: z
          .string()
          .optional()
          .describe("the segment's underlying form where it differs (لـ+لصين → الصين)"),
      }),
    )
    .optional()
    .describe("clitic segmentation of Arabic words with more than one segment"),
});

export const ENTITY_TYPES = ["PER", "ORG", "LOC", "MISC"] as const;

export const MENTION_KINDS = ["name", "title", "pronoun", "nominal"] as const;

export const MentionSchema = z.object({
  start: offset,
  end: offset,
  text: z.string(),
  kind: z
    .enum(MENTION_KINDS)
    .optional()
    .describe(
      "how the mention names its referent: a name (بوتين), a title or description (الرئيس الروسي، المتحدث باسم الوزارة), an honorific or personal pronoun (سموه، معاليه), or an organisation nominal (الحزب، الوزارة)",
    ),
  confidence,
});

export const EntitySchema = z.object({
  id: z.string().describe("unique in the document; the KB id where linked"),
  type: z.enum(ENTITY_TYPES),
  name: z.string(),
  nameEn: z.string().optional(),
  kb: z
    .object({
      id: z.string(),
      wikidata: z.string().optional(),
      cameo: z.string().optional(),
      iso: z.string().optional(),
    })
    .optional(),
  mentions: z.array(MentionSchema),
});

export const QuoteSchema = z.object({
  start: offset.describe("start of the reported content (inside the marks for direct quotes)"),
  end: offset,
  text: z.string().optional().describe("the reported content, text.slice(start, end)"),
  kind: z.enum(["direct", "indirect", "mixed"]),
  speaker: z.string().nullable().describe("entity id of the speaker, null when unnamed or unknown"),
  speakerText: z.string().optional().describe("the words naming the speaker, e.g. مصادر أمنية"),
  cue: z.object({ start: offset, end: offset, text: z.string() }).optional(),
  confidence,
});

export const TimeSchema = z.object({
  start: offset,
  end: offset,
  text: z.string(),
  type: z.enum(["DATE", "TIME", "DURATION", "SET"]),
  value: z.string().describe("TIMEX3 value, e.g. 2025-01-21, XXXX-10-02, P3D, PRESENT_REF"),
  resolved: z.string().optional().describe("a concrete calendar date where one follows"),
  mod: z
    .enum(["START", "MID", "END", "APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE"])
    .optional()
    .describe(
      "TIMEX3 modifier: أوائل → START, منتصف → MID, أواخر → END, حوالي → APPROX, أكثر من → MORE_THAN",
    ),
  confidence,
});

export const EVENT_STATUSES = ["realised", "negated", "future", "hypothetical"] as const;

export const EventActorSchema = z
  .object({
    code: z
      .string()
      .optional()
      .describe("country (ISO 3166 alpha-3) or international organisation code, e.g. RUS, UNO"),
    sector: z
      .string()
      .optional()
      .describe("PLOVER/CAMEO sector: GOV, MIL, REB, COP, OPP, CVL, UAF, JUD, LEG, BUS, MED…"),
    text: z.string().describe("the words naming the actor at the trigger, e.g. مسلحون"),
  })
  .describe("a PLOVER-style actor code for one side of an event");

export const EventSchema = z.object({
  type: z
    .string()
    .describe("PLOVER 0.8 event type: AGREE, CONSULT, SUPPORT, … ASSAULT (see EVENT_TYPES)"),
  mode: z
    .string()
    .optional()
    .describe("PLOVER mode where the type has one, e.g. phone, visit (CONSULT), demo (PROTEST)"),
  status: z
    .enum(EVENT_STATUSES)
    .describe("realised, or not an event that happened: negated, future, hypothetical"),
  background: z
    .boolean()
    .describe("context in a subordinate clause (إثر مقتل، على خلفية الاحتجاجات), not the news"),
  source: z
    .string()
    .nullable()
    .optional()
    .describe("entity id of the actor; null where it is unnamed (مسلحون)"),
  target: z
    .string()
    .nullable()
    .optional()
    .describe("entity id of the recipient; null where it is unnamed or none"),
  sourceActor: EventActorSchema.optional(),
  targetActor: EventActorSchema.optional(),
  date: z
    .string()
    .optional()
    .describe("when it happened: YYYY-MM-DD, or coarser (YYYY-MM, YYYY) as the text gives it"),
  place: z.string().optional().describe("entity id of where it happened"),
  trigger: z
    .object({ start: offset, end: offset, text: z.string() })
    .describe("the word reporting the event: a verb or its verbal noun (هاجم، مقتل)"),
  start: offset.describe("start of the evidence clause"),
  end: offset,
  text: z.string().optional().describe("the evidence clause, text.slice(start, end)"),
  confidence,
});

export const AnalysisSchema = z
  .object({
    schema: z.literal(ANALYSIS_SCHEMA_ID),
    id: z.string().optional(),
    meta: MetaSchema,
    text: z.string().describe("the cleaned article body; every offset indexes into it"),
    removed: z.array(RemovedSchema).describe("page chrome dropped from the body, never silently"),
    sentences: z.array(SpanSchema),
    tokens: z.array(TokenSchema).optional().describe("only with --tokens"),
    entities: z.array(EntitySchema),
    quotes: z.array(QuoteSchema),
    times: z.array(TimeSchema),
    events: z.array(EventSchema),
  })
  .describe("marsad's analysis of one news article");

export type Span = z.infer<typeof SpanSchema>;
export type Dateline = z.infer<typeof DatelineSchema>;
export type Meta = z.infer<typeof MetaSchema>;
export type Removed = z.infer<typeof RemovedSchema>;
export type TokenKind = (typeof TOKEN_KINDS)[number];
export type Token = z.infer<typeof TokenSchema>;
export type Segment = NonNullable<Token["segments"]>[number];
export type EntityType = (typeof ENTITY_TYPES)[number];
export type MentionKind = (typeof MENTION_KINDS)[number];
export type Mention = z.infer<typeof MentionSchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type TimeExpression = z.infer<typeof TimeSchema>;
export type Event = z.infer<typeof EventSchema>;
export type EventActor = z.infer<typeof EventActorSchema>;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type Analysis = z.infer<typeof AnalysisSchema>;

/** The JSON Schema (draft 2020-12) of the Analysis document, generated from the zod schema. */
export function analysisJsonSchema(): Record<string, unknown> {
  return {
    title: "marsad Analysis (marsad/analysis@1)",
    ...z.toJSONSchema(AnalysisSchema, { target: "draft-2020-12" }),
  };
}

/**
 * What the analysis stages share while they work: the cleaned text and its segmentation. Stages
 * read it and return their own facts; the pipeline assembles the `Analysis`.
 */
export interface Doc {
  text: string;
  meta: Meta;
  sentences: Span[];
  tokens: Token[];
}
