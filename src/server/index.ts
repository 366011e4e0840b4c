/**
 * The observatory's HTTP server: JSON API and web UI over an article store.
 */
import { isIP } from "node:net";
import type { FastifyInstance } from "fastify";
import { buildServer, type ServerOptions } from "./app.js";

export { buildServer, DEFAULT_BODY_LIMIT, defaultWebDir, type ServerOptions } from "./app.js";
export {
  checkHost,
  FetchRefused,
  type GuardOptions,
  guardedFetch,
  isPrivateAddress,
} from "./net-guard.js";
export { openApiDocument } from "./openapi.js";
export {
  type PostedRaw,
  type PostedSource,
  type StorePort,
  StoreQueryError,
  type WriteResult,
} from "./store-port.js";

export interface StartOptions extends ServerOptions {
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Port (default 8080; 0 picks a free one). */
  port?: number;
}

export interface RunningServer {
  app: FastifyInstance;
  /** Base URL, e.g. http://127.0.0.1:8080 */
  url: string;
  close(): Promise<void>;
}

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "::1", "[::1]"];

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_NAMES.includes(host) || (isIP(host) === 4 && host.startsWith("127."));
}

/** Builds the server and listens. A loopback server answers only to loopback host names. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const allowedHosts =
    options.allowedHosts ?? (isLoopbackHost(host) ? [...LOOPBACK_NAMES, host] : undefined);
  const app = buildServer({ ...options, ...(allowedHosts ? { allowedHosts } : {}) });
  await app.listen({ host, port: options.port ?? 8080 });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? 8080);
  const shown = isIP(host) === 6 ? `[${host}]` : host;
  return { app, url: `http://${shown}:${port}`, close: () => app.close() };
}
