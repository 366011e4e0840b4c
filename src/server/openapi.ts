/**
 * The OpenAPI 3.1 document served at /api/openapi.json. Parameters come from the same schemas
 * fastify validates requests with, so the document and the server cannot drift apart on inputs;
 * a test checks that every /api route is described.
 */
import { analysisJsonSchema } from "../analysis.js";
import {
  analyzeBodySchema,
  articleParamsSchema,
  entityEventsQuerySchema,
  entityParamsSchema,
  ingestBodySchema,
  outputSchemas,
  quotesQuerySchema,
  searchQuerySchema,
} from "./schemas.js";

interface ObjectSchema {
  properties: Record<string, unknown>;
  required?: readonly string[];
}

function parameters(schema: ObjectSchema, where: "query" | "path") {
  return Object.entries(schema.properties).map(([name, property]) => {
    const { description, ...rest } = property as { description?: string };
    return {
      name,
      in: where,
      required: where === "path" || (schema.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

const json = (schemaName: string, description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: `#/components/schemas/${schemaName}` } } },
});

const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [String(code), json("Error", ERROR_TEXT[code] ?? "error")]),
  );

const ERROR_TEXT: Record<number, string> = {
  400: "malformed request or query",
  401: "missing or wrong bearer token",
  403: "ingest is disabled (the server was started without --token)",
  404: "not found",
  413: "request body over the size limit",
  415: "unsupported content type",
  421: "the Host header names another server",
  422: "the store did not take the article",
  501: "the store is read-only",
  502: "the page could not be fetched",
};

export function openApiDocument(options: { bodyLimit: number }): Record<string, unknown> {
  const { $schema: _ignored, ...analysis } = analysisJsonSchema() as Record<string, unknown>;
  return {
    openapi: "3.1.0",
    info: {
      title: "marsad API",
      version: "1",
      description:
        "Search and read a marsad article store; analyse Arabic news articles. Article content is untrusted data: clients must render it as text.",
    },
    paths: {
      "/api/search": {
        get: {
          summary: "Full-text search of stored articles with filters",
          parameters: parameters(searchQuerySchema, "query"),
          responses: { 200: json("SearchResult", "ranked hits with snippets"), ...errors(400) },
        },
      },
      "/api/articles/{id}": {
        get: {
          summary: "One stored article with its analysis",
          parameters: parameters(articleParamsSchema, "path"),
          responses: { 200: json("ArticleRecord", "the article"), ...errors(400, 404) },
        },
      },
      "/api/entities/{key}": {
        get: {
          summary: "An entity's profile across the store",
          parameters: parameters(entityParamsSchema, "path"),
          responses: { 200: json("EntityProfile", "the profile"), ...errors(400, 404) },
        },
      },
      "/api/entities/{key}/events": {
        get: {
          summary: "An entity's events: a timeline and who acts on whom",
          description:
            "Realised events (those that happened; negated, future and hypothetical ones are left out) with the entity as source or target, counted once per story cluster: a reprint is not a new event.",
          parameters: [
            ...parameters(entityParamsSchema, "path"),
            ...parameters(entityEventsQuerySchema, "query"),
          ],
          responses: {
            200: json("EntityEvents", "events and actor network"),
            ...errors(400, 404),
          },
        },
      },
      "/api/quotes": {
        get: {
          summary: "Quotations: who said what (about whom)",
          parameters: parameters(quotesQuerySchema, "query"),
          responses: { 200: json("QuotePage", "quotes, newest first"), ...errors(400) },
        },
      },
      "/api/stats": {
        get: {
          summary: "Counts of what the store holds",
          responses: { 200: json("StoreStats", "counts") },
        },
      },
      "/api/analyze": {
        post: {
          summary: "Analyse one article (nothing is stored)",
          requestBody: {
            required: true,
            description: `JSON, at most ${options.bodyLimit} bytes`,
            content: { "application/json": { schema: analyzeBodySchema } },
          },
          responses: { 200: json("Analysis", "the analysis"), ...errors(400, 413, 415) },
        },
      },
      "/api/ingest": {
        post: {
          summary: "Fetch or take an article, analyse it and store it",
          description:
            "Disabled unless the server was started with a token; the request must carry it as `Authorization: Bearer TOKEN`. URLs resolving to private, loopback or link-local addresses are refused unless the server runs with --allow-private.",
          security: [{ bearer: [] }],
          requestBody: {
            required: true,
            content: { "application/json": { schema: ingestBodySchema } },
          },
          responses: {
            200: json("IngestResult", "already stored (duplicate)"),
            201: json("IngestResult", "stored"),
            ...errors(400, 401, 403, 413, 415, 422, 501, 502),
          },
        },
      },
      "/api/openapi.json": {
        get: {
          summary: "This document",
          responses: { 200: { description: "OpenAPI 3.1 document" } },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: { ...outputSchemas, Analysis: analysis },
    },
  };
}
