/**
 * Fetching for ingest, politely: a bound on requests in flight, one request at a time per host
 * with a pause after each (longer if its robots.txt asks for a crawl delay), timeouts, an honest User-Agent, and robots.txt
 * obeyed. robots.txt is read once per origin; a missing one (4xx) allows everything, one that
 * cannot be read (5xx, network) allows nothing, as crawlers conventionally do.
 */
import { readFileSync } from "node:fs";
import pLimit from "p-limit";
import robotsModule from "robots-parser";
import { InputError } from "../errors.js";
import { type FetchedPage, fetchPage, parseHttpUrl } from "../input/index.js";

export interface PoliteOptions {
  /** Requests in flight at once, all hosts together (default 4). */
  concurrency?: number;
  /** Pause between the end of one request to a host and the start of the next, in ms (default 1000). */
  hostDelayMs?: number;
  /** Whole request, body included, in ms (default 20 000). */
  timeoutMs?: number;
  maxBytes?: number;
  userAgent?: string;
}

interface RobotsTxt {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// robots-parser is CommonJS whose module.exports is the function; its types say `default`
const robotsParser = robotsModule as unknown as (url: string, body: string) => RobotsTxt;

/** The product token robots.txt rules are matched against. */
export const ROBOTS_AGENT = "marsad";
const MAX_CRAWL_DELAY_MS = 60_000;

export const USER_AGENT = `${ROBOTS_AGENT}/${packageVersion()} (+https://github.com/marsad)`;

function packageVersion(): string {
  try {
    // src/store and dist/store are both two levels below the package root
    const url = new URL("../../package.json", import.meta.url);
    return (JSON.parse(readFileSync(url, "utf8")) as { version?: string }).version ?? "0";
  } catch {
    return "0";
  }
}

type Robots = { allowed(url: string): boolean; delayMs: number } | { error: string };

export class PoliteFetcher {
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly hostDelayMs: number;
  private readonly timeoutMs: number;
  private readonly maxBytes: number | undefined;
  readonly userAgent: string;
  /** Per host: when its last request ended, and the queue of requests waiting for it. */
  private readonly hosts = new Map<string, { last: number; queue: Promise<void> }>();
  private readonly robots = new Map<string, Promise<Robots>>();

  constructor(options: PoliteOptions = {}) {
    this.limit = pLimit(Math.max(1, Math.trunc(options.concurrency ?? 4)));
    this.hostDelayMs = Math.max(0, options.hostDelayMs ?? 1000);
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxBytes = options.maxBytes;
    this.userAgent = options.userAgent ?? USER_AGENT;
  }

  /** Fetches a page if robots.txt allows it; rejects with an InputError otherwise. */
  async fetch(address: string): Promise<FetchedPage> {
    const url = parseHttpUrl(address);
    const robots = await this.robotsFor(url);
    if ("error" in robots) throw new InputError("network", `${address}: ${robots.error}`);
    if (!robots.allowed(url.href)) {
      throw new InputError("network", `${address}: robots.txt of ${url.host} disallows it`);
    }
    return this.withHost(url.host, robots.delayMs, () =>
      fetchPage(url.href, {
        timeoutMs: this.timeoutMs,
        userAgent: this.userAgent,
        ...(this.maxBytes ? { maxBytes: this.maxBytes } : {}),
      }),
    );
  }

  /**
   * Runs a request to `host` when the host is free and `delayMs` have passed since its previous
   * request ended: one request per host at a time, as crawlers are expected to.
   */
  private async withHost<T>(host: string, delayMs: number, request: () => Promise<T>): Promise<T> {
    let state = this.hosts.get(host);
    if (!state) {
      state = { last: Number.NEGATIVE_INFINITY, queue: Promise.resolve() };
      this.hosts.set(host, state);
    }
    const previous = state.queue;
    let release = () => {};
    state.queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      const wait = state.last + delayMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      // the global bound is taken last: a request waiting for its host holds no slot
      return await this.limit(request);
    } finally {
      state.last = Date.now();
      release();
    }
  }

  private robotsFor(url: URL): Promise<Robots> {
    let robots = this.robots.get(url.origin);
    if (!robots) {
      robots = this.readRobots(url);
      this.robots.set(url.origin, robots);
    }
    return robots;
  }

  private async readRobots(url: URL): Promise<Robots> {
    const address = `${url.origin}/robots.txt`;
    let status: number;
    let body = "";
    try {
      ({ status, body } = await this.withHost(url.host, this.hostDelayMs, () => this.get(address)));
    } catch (error) {
      return { error: `robots.txt could not be read (${reasonOf(error)})` };
    }
    if (status >= 400 && status < 500) return { allowed: () => true, delayMs: this.hostDelayMs };
    if (status < 200 || status >= 300) {
      return { error: `robots.txt could not be read (HTTP ${status})` };
    }
    const parsed = robotsParser(address, body);
    const crawlDelay = parsed.getCrawlDelay(ROBOTS_AGENT);
    const delayMs = Math.min(
      MAX_CRAWL_DELAY_MS,
      Math.max(this.hostDelayMs, crawlDelay ? crawlDelay * 1000 : 0),
    );
    return { allowed: (u) => parsed.isAllowed(u, ROBOTS_AGENT) !== false, delayMs };
  }

  /** A plain GET for robots.txt: redirects followed, body capped at 512 kB. */
  private async get(address: string): Promise<{ status: number; body: string }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await fetch(address, {
        signal: controller.signal,
        headers: { "user-agent": this.userAgent, accept: "text/plain,*/*;q=0.5" },
      });
      if (!response.ok) {
        await response.body?.cancel();
        return { status: response.status, body: "" };
      }
      const text = await response.text();
      return { status: response.status, body: text.slice(0, 512 * 1024) };
    } finally {
      clearTimeout(timer);
    }
  }
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause?.code;
  if (cause) return cause;
  if (error instanceof Error) return error.name === "AbortError" ? "timed out" : error.message;
  return String(error);
}
