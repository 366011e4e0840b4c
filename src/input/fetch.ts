/**
 * Fetching a page the user asked for: the only network access marsad makes. Redirects are
 * followed by hand so that their number is bounded and every hop is checked; the body is read
 * as a stream so that an oversized page is cut off without being held in memory.
 */
import { InputError } from "../errors.js";

export interface FetchOptions {
  /** Whole request, redirects and body included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
}

export interface FetchedPage {
  bytes: Uint8Array;
  contentType: string | undefined;
  /** The URL after redirects. */
  url: string;
}

export const DEFAULT_USER_AGENT = "marsad/0.1 (Arabic news analysis)";

const ACCEPTED_TYPES =
  /^(text\/(html|plain|xml)|application\/(xhtml\+xml|xml|rss\+xml|atom\+xml))/i;

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export async function fetchPage(address: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  let url = parseHttpUrl(address);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      const response = await request(url, controller.signal, options.userAgent);
      if (response.status >= 300 && response.status < 400 && response.headers.has("location")) {
        await response.body?.cancel();
        if (hop >= maxRedirects) {
          throw new InputError("network", `${address}: more than ${maxRedirects} redirects`);
        }
        url = parseHttpUrl(new URL(response.headers.get("location") ?? "", url).href);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new InputError(
          "http-status",
          `${url.href}: the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`,
        );
      }
      const contentType = response.headers.get("content-type") ?? undefined;
      if (contentType && !ACCEPTED_TYPES.test(contentType.trim())) {
        await response.body?.cancel();
        throw new InputError(
          "unsupported-type",
          `${url.href}: not a web page or text (content-type ${contentType.split(";")[0]})`,
        );
      }
      const declared = Number(response.headers.get("content-length"));
      if (declared > maxBytes) {
        await response.body?.cancel();
        throw new InputError(
          "too-large",
          `${url.href}: ${declared} bytes is over the ${maxBytes}-byte limit`,
        );
      }
      const bytes = await readLimited(response, maxBytes, url.href);
      return { bytes, contentType, url: url.href };
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (controller.signal.aborted) {
      throw new InputError(
        "timeout",
        `${address}: no complete answer within ${timeoutMs / 1000} s`,
      );
    }
    throw new InputError("network", `${address}: ${networkReason(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** The address as an http(s) URL, or an InputError saying why it is not one. */
export function parseHttpUrl(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new InputError("bad-url", `${address}: not a valid URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InputError("bad-url", `${address}: only http and https URLs can be fetched`);
  }
  return url;
}

async function request(url: URL, signal: AbortSignal, userAgent: string | undefined) {
  return fetch(url, {
    redirect: "manual",
    signal,
    headers: {
      "user-agent": userAgent ?? DEFAULT_USER_AGENT,
      accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
      "accept-language": "ar,en;q=0.8",
    },
  });
}

async function readLimited(
  response: Response,
  maxBytes: number,
  where: string,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new InputError("too-large", `${where}: the page is over the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** undici hides the system error (ENOTFOUND, ECONNREFUSED...) in `cause`. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  switch (cause?.code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "the host name could not be resolved";
    case "ECONNREFUSED":
      return "the connection was refused";
    case "ECONNRESET":
      return "the connection was reset";
    case "CERT_HAS_EXPIRED":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
      return `TLS certificate problem (${cause.code})`;
    default:
      return cause?.message ?? (error instanceof Error ? error.message : String(error));
  }
}
