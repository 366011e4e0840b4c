/**
 * The observatory's HTTP server: the JSON API under /api and the web UI (static files from
 * web/) in one fastify instance. Every error is JSON `{ error }` with its status; nothing
 * internal (stack, SQL) reaches a client. The UI is hardened for untrusted article content: a
 * strict Content-Security-Policy (scripts from our own files only) backs up the UI's rule of
 * rendering article text as text.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { existsSync } from "node:fs";
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import Fastify, {
  type FastifyInstance,
  type FastifyRequest,
  type FastifySchemaValidationError,
} from "fastify";
import type { Analysis } from "../analysis.js";
import { isInputError } from "../errors.js";
import { decodeBytes, parseDateHint } from "../input/index.js";
import { entityKey } from "../store/derive.js";
import type { QuoteQuery, SearchQuery } from "../store/types.js";
import type { AnalyzeJob } from "./analyze-worker.js";
import { Analyzer, type AnalyzerOptions, AnalyzerUnavailable } from "./analyzer.js";
import { FetchRefused, type GuardOptions, guardedFetch } from "./net-guard.js";
import { openApiDocument } from "./openapi.js";
import {
  analyzeBodySchema,
  articleParamsSchema,
  entityEventsQuerySchema,
  entityParamsSchema,
  ingestBodySchema,
  quotesQuerySchema,
  searchQuerySchema,
} from "./schemas.js";
import {
  type PostedRaw,
  type PostedSource,
  type StorePort,
  StoreQueryError,
} from "./store-port.js";

export interface ServerOptions {
  store: StorePort;
  /** Enables POST /api/ingest for requests carrying `Authorization: Bearer <token>`. */
  token?: string;
  /** Let /api/ingest fetch URLs on private, loopback and link-local addresses. */
  allowPrivate?: boolean;
  /** Largest request body in bytes (default 2 MiB). */
  bodyLimit?: number;
  /**
   * Host names the server answers to (the Host header, port aside); other names get 421. Set
   * for a loopback server so that a web page using DNS rebinding cannot read the API.
   */
  allowedHosts?: readonly string[];
  /** Fetch limits and name resolution for URL ingest (tests replace the resolver). */
  fetch?: Omit<GuardOptions, "allowPrivate">;
  /** Analysis threads for /api/analyze and /api/ingest (default: one, started on first use). */
  analyzer?: AnalyzerOptions;
  /** Directory of the UI's static files (default: the package's web/). */
  webDir?: string;
  logger?: boolean;
}

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
};

/** The pages of the UI: each is the same shell; web/js/app.js renders by path. */
const UI_PAGES = ["/", "/articles/:id", "/entities/:key", "/quotes", "/analyze"];

/** web/ beside src/ or dist/ (this file is src/server/app.ts or dist/server/app.js). */
export function defaultWebDir(): string {
  return fileURLToPath(new URL("../../web/", import.meta.url));
}

export function buildServer(options: ServerOptions): FastifyInstance {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    routerOptions: { maxParamLength: 1000 },
    // Unknown query parameters are errors, not silently dropped; "1" becomes 1.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", allErrors: false } },
    schemaErrorFormatter: (errors, where) => new Error(validationMessage(errors, where)),
    clientErrorHandler: answerMalformedHttp,
  });
  const { store } = options;
  const analyzer = new Analyzer(options.analyzer);
  app.addHook("onClose", () => analyzer.close());
  const tokenDigest = options.token ? digest(options.token) : undefined;
  const allowed = options.allowedHosts?.map((h) => h.toLowerCase());

  if (allowed) {
    app.addHook("onRequest", async (request, reply) => {
      if (!allowed.includes(request.hostname.toLowerCase())) {
        return reply.code(421).send({ error: "this server does not answer to that host name" });
      }
    });
  }
  app.addHook("onSend", async (request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    if (request.url.startsWith("/api/")) reply.header("cache-control", "no-store");
    return payload;
  });
  app.setErrorHandler((error, request, reply) => {
    const { status, message } = errorAnswer(error, bodyLimit);
    if (status >= 500) request.log.error(error);
    if (error instanceof HttpError) reply.headers(error.headers);
    return reply.code(status).type("application/json; charset=utf-8").send({ error: message });
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || request.method !== "GET") {
      return reply.code(404).send({ error: `no such route: ${request.method} ${request.url}` });
    }
    // The shell renders a "not found" page itself.
    return reply.code(404).type("text/html; charset=utf-8").sendFile("index.html");
  });

  // --- API ------------------------------------------------------------------------------

  app.get("/api/openapi.json", async () => openApiDocument({ bodyLimit }));

  app.get("/api/stats", async () => store.stats());

  app.get("/api/search", { schema: { querystring: searchQuerySchema } }, async (request) => {
    const query = request.query as SearchQuery & { limit: number; offset: number };
    checkDates(query.from, query.to);
    const result = await store.search(query);
    return { total: result.total, limit: query.limit, offset: query.offset, hits: result.hits };
  });

  app.get("/api/articles/:id", { schema: { params: articleParamsSchema } }, async (request) => {
    const { id } = request.params as { id: number };
    const record = await store.article(id);
    if (!record) throw new HttpError(404, `no article ${id}`);
    const entityKeys: Record<string, string> = {};
    for (const entity of record.analysis.entities) entityKeys[entity.id] = entityKey(entity);
    return { ...record, entityKeys };
  });

  app.get("/api/entities/:key", { schema: { params: entityParamsSchema } }, async (request) => {
    const { key } = request.params as { key: string };
    const profile = await store.entity(key);
    if (!profile) throw new HttpError(404, `no entity ${key}`);
    return profile;
  });

  app.get(
    "/api/entities/:key/events",
    { schema: { params: entityParamsSchema, querystring: entityEventsQuerySchema } },
    async (request) => {
      const { key } = request.params as { key: string };
      const { limit } = request.query as { limit: number };
      const events = await store.entityEvents(key, limit);
      if (!events) throw new HttpError(404, `no entity ${key}`);
      return events;
    },
  );

  app.get("/api/quotes", { schema: { querystring: quotesQuerySchema } }, async (request) => {
    const query = request.query as QuoteQuery & { limit: number; offset: number };
    checkDates(query.from, query.to);
    // One more than asked tells whether there is a next page without counting them all.
    const found = await store.quotes({ ...query, limit: query.limit + 1 });
    return {
      limit: query.limit,
      offset: query.offset,
      more: found.length > query.limit,
      quotes: found.slice(0, query.limit),
    };
  });

  app.post(
    "/api/analyze",
    { schema: { body: analyzeBodySchema }, preValidation: requireStrings(analyzeBodySchema) },
    async (request) => {
      const body = request.body as ArticleBody;
      return analyzer.analyze(analyzeJob(body, "text or html"));
    },
  );

  app.post(
    "/api/ingest",
    { schema: { body: ingestBodySchema }, preValidation: requireStrings(ingestBodySchema) },
    async (request, reply) => {
      authorize(request, tokenDigest);
      if (!store.add) throw new HttpError(501, "this store is read-only");
      const body = request.body as ArticleBody & { url?: string; source?: string };
      let analysis: Analysis;
      let raw: PostedRaw;
      let source: PostedSource;
      if (body.url !== undefined) {
        if (body.text !== undefined || body.html !== undefined)
          throw new HttpError(400, "give exactly one of url, text or html");
        const page = await guardedFetch(body.url, {
          ...options.fetch,
          allowPrivate: options.allowPrivate === true,
        });
        const isHtml = !/^text\/plain/i.test(page.contentType ?? "text/html");
        const content = decodeBytes(page.bytes, {
          html: isHtml,
          ...(page.contentType ? { contentType: page.contentType } : {}),
        }).text;
        raw = { kind: isHtml ? "html" : "text", content };
        analysis = await analyzer.analyze(
          analyzeJob(
            {
              ...(isHtml ? { html: content } : { text: content }),
              url: page.url,
              ...dateAndTitle(body),
            },
            "url, text or html",
          ),
        );
        source = { key: page.url, kind: "url" };
      } else {
        analysis = await analyzer.analyze(analyzeJob(body, "url, text or html"));
        raw =
          body.text !== undefined
            ? { kind: "text", content: body.text }
            : { kind: "html", content: body.html ?? "" };
        // Posted content has no address: a hash of it keys its source record.
        const hash = createHash("sha256").update(raw.content).digest("hex").slice(0, 16);
        source = { key: body.source ?? `api:${hash}`, kind: "file" };
      }
      const outcome = await store.add(analysis, source, raw);
      if (outcome.status === "failed" || outcome.id === undefined)
        throw new HttpError(
          422,
          `the article was not stored: ${outcome.reason ?? "unknown reason"}`,
        );
      const duplicate = outcome.status === "duplicate";
      return reply
        .code(duplicate ? 200 : 201)
        .send({ id: outcome.id, duplicate, source: source.key });
    },
  );

  // --- UI ---------------------------------------------------------------------------------

  const webDir = options.webDir ?? defaultWebDir();
  if (!existsSync(webDir)) throw new Error(`the web UI files are missing (${webDir})`);
  app.register(fastifyStatic, {
    root: webDir,
    prefix: "/",
    index: false,
    wildcard: true,
    // Fonts never change under one name; the rest is revalidated (ETag) on each load.
    setHeaders: (reply, path) => {
      reply.header(
        "cache-control",
        /\.(ttf|woff2?)$/.test(path) ? "public, max-age=604800, immutable" : "no-cache",
      );
    },
  });
  for (const page of UI_PAGES) {
    app.get(page, (_request, reply) =>
      reply
        .type("text/html; charset=utf-8")
        .header("cache-control", "no-cache")
        .sendFile("index.html"),
    );
  }
  return app;
}

/** The validator turns 42 into "42" (right for query strings); JSON bodies must mean it. */
function requireStrings(schema: { properties: Record<string, { type?: string }> }) {
  return async (request: FastifyRequest) => {
    const body = request.body;
    if (typeof body !== "object" || body === null || Array.isArray(body)) return;
    for (const [name, value] of Object.entries(body)) {
      if (schema.properties[name]?.type === "string" && typeof value !== "string")
        throw new HttpError(400, `body: ${name} must be a string`);
    }
  };
}

type ArticleBody = { text?: string; html?: string; date?: string; title?: string; url?: string };

function dateAndTitle(body: ArticleBody) {
  return {
    ...(body.date !== undefined ? { date: body.date } : {}),
    ...(body.title !== undefined ? { title: body.title } : {}),
  };
}

/** The checked job for a body with text or html (and hints), for the analysis threads. */
function analyzeJob(body: ArticleBody, expected: string): AnalyzeJob {
  if ((body.text === undefined) === (body.html === undefined))
    throw new HttpError(400, `give exactly one of ${expected}`);
  const date = body.date !== undefined ? parseDateHint(body.date) : undefined;
  const hints = {
    ...(date ? { date } : {}),
    ...(body.title !== undefined ? { title: body.title } : {}),
    ...(body.url !== undefined ? { url: body.url } : {}),
  };
  if (body.text !== undefined) {
    if (body.text.trim() === "") throw new HttpError(400, "the text is empty");
    return { kind: "text", content: body.text, hints };
  }
  return { kind: "html", content: body.html ?? "", hints };
}

/** 403 when ingest is disabled, 401 when the token is missing or wrong. */
function authorize(request: FastifyRequest, tokenDigest: Buffer | undefined): void {
  if (!tokenDigest)
    throw new HttpError(403, "ingest is disabled: start the server with --token to enable it");
  const header = request.headers.authorization ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  // Compare digests so that the comparison takes the same time whatever the guess.
  if (!match || !timingSafeEqual(digest(match[1] ?? ""), tokenDigest)) {
    throw new HttpError(401, "a valid bearer token is required", {
      "www-authenticate": 'Bearer realm="marsad"',
    });
  }
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** Dates are YYYY, YYYY-MM or YYYY-MM-DD; a range must not run backwards. */
function checkDates(from: string | undefined, to: string | undefined): void {
  for (const [name, value] of [
    ["from", from],
    ["to", to],
  ] as const) {
    if (value !== undefined && !isCalendarDate(value))
      throw new HttpError(400, `${name}: ${value} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`);
  }
  // A partial date stands for its first day as a start and its last day as an end.
  if (!from || !to) return;
  const start = from.length === 4 ? `${from}-01-01` : from.length === 7 ? `${from}-01` : from;
  const end = to.length === 4 ? `${to}-12-31` : to.length === 7 ? `${to}-31` : to;
  if (start > end) throw new HttpError(400, `from (${from}) is after to (${to})`);
}

function isCalendarDate(value: string): boolean {
  const [y, m = 1, d = 1] = value.split("-").map(Number) as [number, number?, number?];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "limit must be integer", "unknown parameter zz": the first problem, named plainly. */
function validationMessage(errors: FastifySchemaValidationError[], where: string): string {
  const first = errors[0];
  if (!first) return `malformed ${where}`;
  const field = first.instancePath.replace(/^\//, "").replaceAll("/", ".");
  const extra = (first.params as { additionalProperty?: string }).additionalProperty;
  if (extra !== undefined) return `${where}: unknown parameter "${extra}"`;
  return `${where}: ${field ? `${field} ` : ""}${first.message ?? "is malformed"}`;
}

/** Requests node's HTTP parser rejects (raw non-ASCII in the URL...) still get JSON. */
function answerMalformedHttp(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const status =
    error.code === "HPE_HEADER_OVERFLOW"
      ? 431
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? 408
        : 400;
  const body = JSON.stringify({
    error:
      status === 400
        ? "malformed HTTP request (non-ASCII characters in a URL must be percent-encoded)"
        : (STATUS_CODES[status] ?? "error"),
  });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** An error whose status and message are meant for the client. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  validation?: unknown;
  message?: string;
}

/** The status and one-line message a client sees for any error. */
function errorAnswer(error: unknown, bodyLimit: number): { status: number; message: string } {
  if (error instanceof HttpError) return { status: error.statusCode, message: error.message };
  if (error instanceof FetchRefused) return { status: error.status, message: error.message };
  if (error instanceof AnalyzerUnavailable) return { status: error.status, message: error.message };
  if (error instanceof StoreQueryError) return { status: 400, message: error.message };
  if (isInputError(error))
    return { status: error.code === "too-large" ? 413 : 400, message: error.message };
  const e = (error ?? {}) as FastifyLikeError;
  if (e.code === "FST_ERR_CTP_BODY_TOO_LARGE")
    return { status: 413, message: `the request body is over the ${bodyLimit}-byte limit` };
  if (e.validation) return { status: 400, message: e.message ?? "malformed request" };
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
    return { status: e.statusCode, message: e.message ?? "bad request" };
  return { status: 500, message: "internal error" };
}
