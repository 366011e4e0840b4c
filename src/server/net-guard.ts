/**
 * Fetching a URL that an API client gave us without letting it reach this machine or its
 * network (SSRF). The host is resolved first and refused if any of its addresses is private,
 * loopback, link-local or otherwise not public; the connection is then made to the checked
 * address itself (no second lookup a DNS-rebinding server could answer differently), and every
 * redirect goes through the same check.
 */
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP } from "node:net";
import { DEFAULT_USER_AGENT } from "../input/index.js";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export interface GuardOptions {
  /** Allow private and loopback addresses (`--allow-private`). */
  allowPrivate?: boolean;
  /** Name resolution; tests replace it so that no real DNS is asked. */
  resolve?: Resolver;
  /** Which addresses count as non-public; tests narrow it. */
  isPrivate?: (address: string) => boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface GuardedPage {
  bytes: Uint8Array;
  contentType: string | undefined;
  /** The URL after redirects. */
  url: string;
}

/** Why a URL was not fetched; `status` is the HTTP status the API answers with. */
export class FetchRefused extends Error {
  override readonly name = "FetchRefused";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// Ranges that are not the public internet (IANA special-purpose registries).
const NON_PUBLIC = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  NON_PUBLIC.addSubnet(net, bits, "ipv4");
}
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  NON_PUBLIC.addSubnet(net, bits, "ipv6");
}

/** True for any address that is not a public unicast address (IPv4, IPv6, mapped forms). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return NON_PUBLIC.check(address, "ipv4");
  if (family !== 6) return true;
  const embedded = embeddedIpv4(address);
  if (embedded !== undefined) return isPrivateAddress(embedded);
  return NON_PUBLIC.check(address, "ipv6");
}

/** The IPv4 address inside IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::) and 6to4 forms. */
function embeddedIpv4(address: string): string | undefined {
  const words = expandIpv6(address);
  if (!words) return undefined;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const [w0, w1, w2, w3, w4, w5, w6, w7] = words as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const zeroTo = (n: number) => words.slice(0, n).every((w) => w === 0);
  if (zeroTo(5) && w5 === 0xffff) return v4(w6, w7);
  if (zeroTo(6) && (w6 !== 0 || w7 > 1)) return v4(w6, w7); // deprecated IPv4-compatible
  if (w0 === 0x64 && w1 === 0xff9b && w2 === 0 && w3 === 0 && w4 === 0 && w5 === 0)
    return v4(w6, w7);
  if (w0 === 0x2002) return v4(w1, w2);
  return undefined;
}

function expandIpv6(address: string): number[] | undefined {
  let text = address.toLowerCase().split("%")[0] ?? "";
  // A trailing dotted quad becomes two hex words.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === undefined ? 0 : 8 - left.length - right.length;
  const words = [...left, ...Array<string>(Math.max(fill, 0)).fill("0"), ...right].map((w) =>
    Number.parseInt(w, 16),
  );
  return words.length === 8 && words.every((w) => w >= 0 && w <= 0xffff) ? words : undefined;
}

const systemResolver: Resolver = async (host) => {
  const found = await dnsLookup(host, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/**
 * The addresses `host` may be connected to, or a `FetchRefused` (400) when it resolves to a
 * non-public address and private addresses are not allowed.
 */
export async function checkHost(
  host: string,
  options: GuardOptions = {},
): Promise<ResolvedAddress[]> {
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  const literal = isIP(bare);
  let addresses: ResolvedAddress[];
  if (literal) {
    addresses = [{ address: bare, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await (options.resolve ?? systemResolver)(bare);
    } catch {
      throw new FetchRefused(502, `${bare}: the host name could not be resolved`);
    }
    if (addresses.length === 0)
      throw new FetchRefused(502, `${bare}: the host name could not be resolved`);
  }
  if (!options.allowPrivate) {
    const isPrivate = options.isPrivate ?? isPrivateAddress;
    const bad = addresses.find((a) => isPrivate(a.address));
    if (bad) {
      throw new FetchRefused(
        400,
        `${bare} resolves to ${bad.address}, a private, loopback or link-local address; the server refuses it (start it with --allow-private to allow)`,
      );
    }
  }
  return addresses;
}

/** GET `address` within the limits, refusing non-public hosts at every hop. */
export async function guardedFetch(
  address: string,
  options: GuardOptions = {},
): Promise<GuardedPage> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const deadline = Date.now() + timeoutMs;
  let url = parseHttpUrl(address);
  for (let hop = 0; ; hop++) {
    const addresses = await checkHost(url.hostname, options);
    const pinned = addresses[0] as ResolvedAddress;
    const answer = await getOnce(url, pinned, deadline, maxBytes);
    if (answer.location !== undefined) {
      if (hop >= maxRedirects)
        throw new FetchRefused(502, `${address}: more than ${maxRedirects} redirects`);
      url = parseHttpUrl(new URL(answer.location, url).href);
      continue;
    }
    return { bytes: answer.bytes, contentType: answer.contentType, url: url.href };
  }
}

function parseHttpUrl(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FetchRefused(400, `${address}: not a valid URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new FetchRefused(400, `${address}: only http and https URLs can be fetched`);
  if (url.username || url.password)
    throw new FetchRefused(400, `${address}: URLs with credentials are refused`);
  return url;
}

interface OneAnswer {
  location?: string;
  bytes: Uint8Array;
  contentType: string | undefined;
}

const ACCEPTED_TYPES = /^(text\/(html|plain)|application\/xhtml\+xml)/i;

/** One request to the pinned address, keeping the URL's host for TLS (SNI) and Host. */
function getOnce(
  url: URL,
  pinned: ResolvedAddress,
  deadline: number,
  maxBytes: number,
): Promise<OneAnswer> {
  const remaining = deadline - Date.now();
  if (remaining <= 0) return Promise.reject(new FetchRefused(504, `${url.href}: timed out`));
  const client = url.protocol === "https:" ? https : http;
  return new Promise<OneAnswer>((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (error: FetchRefused | undefined, answer?: OneAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        request.destroy();
        reject(error);
      } else resolve(answer as OneAnswer);
    };
    const request = client.get(
      url,
      {
        agent: false,
        headers: {
          "user-agent": DEFAULT_USER_AGENT,
          accept: "text/html,application/xhtml+xml,text/plain;q=0.9",
          "accept-language": "ar,en;q=0.8",
        },
        // The connection goes to the address we checked, never to a fresh lookup.
        lookup: (_host, opts, callback) => {
          if ((opts as { all?: boolean }).all) callback(null, [pinned]);
          else
            (callback as (e: null, a: string, f: number) => void)(
              null,
              pinned.address,
              pinned.family,
            );
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (status >= 300 && status < 400 && location) {
          response.resume();
          settle(undefined, { location, bytes: new Uint8Array(0), contentType: undefined });
          return;
        }
        if (status < 200 || status >= 300) {
          settle(new FetchRefused(502, `${url.href}: the server answered HTTP ${status}`));
          return;
        }
        const contentType = response.headers["content-type"];
        if (contentType && !ACCEPTED_TYPES.test(contentType.trim())) {
          settle(
            new FetchRefused(415, `${url.href}: not a web page (content-type ${contentType})`),
          );
          return;
        }
        const chunks: Buffer[] = [];
        let total = 0;
        response.on("data", (chunk: Buffer) => {
          total += chunk.byteLength;
          if (total > maxBytes) {
            settle(new FetchRefused(413, `${url.href}: the page is over ${maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () => settle(undefined, { bytes: Buffer.concat(chunks), contentType }));
        response.on("error", (error) =>
          settle(new FetchRefused(502, `${url.href}: ${error.message}`)),
        );
      },
    );
    timer = setTimeout(
      () => settle(new FetchRefused(504, `${url.href}: no complete answer in time`)),
      remaining,
    );
    request.on("error", (error) => settle(new FetchRefused(502, `${url.href}: ${error.message}`)));
  });
}
