/**
 * Reading an article from wherever the user points: a file, standard input or a URL. The result
 * is decoded text plus what is known about it (HTML or plain text, where it came from); cleaning
 * and extraction happen later, in `prepare.ts`.
 */
import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { InputError } from "../errors.js";
import { decodeBytes } from "./charset.js";
import { type FetchOptions, fetchPage, isUrl } from "./fetch.js";

export type RawKind = "html" | "text";

export interface RawInput {
  kind: RawKind;
  content: string;
  /** Where the page lives, for URLs and for resolving relative links. */
  url?: string;
  /** The character encoding the bytes were decoded from. */
  encoding?: string;
}

export interface LoadOptions extends FetchOptions {
  /** Read no more than this from a file or stdin (URLs use `maxBytes` of FetchOptions too). */
  maxBytes?: number;
  /** Treat the input as this kind instead of guessing. */
  kind?: RawKind;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** `source` is a path, an http(s) URL, or "-" for standard input. */
export async function loadSource(source: string, options: LoadOptions = {}): Promise<RawInput> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (isUrl(source)) {
    const page = await fetchPage(source, { ...options, maxBytes });
    return rawFromBytes(page.bytes, {
      name: page.url,
      contentType: page.contentType,
      kind: options.kind,
      url: page.url,
    });
  }
  const bytes =
    source === "-" ? await readStdin(maxBytes) : await readFileLimited(source, maxBytes);
  return rawFromBytes(bytes, {
    name: source === "-" ? "standard input" : source,
    kind: options.kind,
  });
}

interface BytesContext {
  name: string;
  contentType?: string | undefined;
  kind?: RawKind | undefined;
  url?: string | undefined;
}

/** Decodes bytes and decides whether they are HTML. Exported for the batch and store paths. */
export function rawFromBytes(bytes: Uint8Array, context: BytesContext): RawInput {
  if (bytes.byteLength === 0) throw new InputError("empty", `${context.name}: the input is empty`);
  const typeSaysHtml = context.contentType ? /html|xml/i.test(context.contentType) : undefined;
  const extSaysHtml = /^\.x?html?$/i.test(extname(context.name.split(/[?#]/)[0] ?? ""));
  const decoded = decodeWithName(bytes, context, typeSaysHtml ?? extSaysHtml);
  const kind =
    context.kind ?? (typeSaysHtml || extSaysHtml || looksLikeHtml(decoded.text) ? "html" : "text");
  if (decoded.text.trim() === "")
    throw new InputError("empty", `${context.name}: the input is blank`);
  return {
    kind,
    content: decoded.text,
    encoding: decoded.encoding,
    ...(context.url ? { url: context.url } : {}),
  };
}

function decodeWithName(bytes: Uint8Array, context: BytesContext, html: boolean) {
  try {
    return decodeBytes(bytes, {
      html,
      ...(context.contentType ? { contentType: context.contentType } : {}),
    });
  } catch (error) {
    if (error instanceof InputError)
      throw new InputError(error.code, `${context.name}: ${error.message}`);
    throw error;
  }
}

/** Markup at the start of the text, or a document full of tags, is HTML. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (/^(<!doctype html|<html[\s>]|<\?xml[^>]*>\s*<html|<head[\s>]|<body[\s>])/.test(head))
    return true;
  const tags = head.match(/<\/?(p|div|span|a|br|meta|script|article|section|h[1-6])[\s>/]/g);
  return (tags?.length ?? 0) >= 5;
}

async function readFileLimited(path: string, maxBytes: number): Promise<Uint8Array> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    throw fileError(path, error);
  }
  if (info.isDirectory()) throw new InputError("unreadable", `${path}: is a directory, not a file`);
  if (info.size > maxBytes) {
    throw new InputError(
      "too-large",
      `${path}: ${info.size} bytes is over the ${maxBytes}-byte limit`,
    );
  }
  try {
    return await readFile(path);
  } catch (error) {
    throw fileError(path, error);
  }
}

function fileError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return new InputError("not-found", `${path}: no such file`);
  if (code === "EACCES" || code === "EPERM")
    return new InputError("unreadable", `${path}: permission denied`);
  return new InputError("unreadable", `${path}: cannot be read (${code ?? "unknown error"})`);
}

async function readStdin(maxBytes: number): Promise<Uint8Array> {
  if (process.stdin.isTTY) {
    throw new InputError(
      "empty",
      "standard input is a terminal: pipe an article in, or give a file or URL",
    );
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const buffer = chunk as Buffer;
    total += buffer.byteLength;
    if (total > maxBytes) {
      throw new InputError("too-large", `standard input is over the ${maxBytes}-byte limit`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
