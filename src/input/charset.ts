/**
 * Bytes → text. The encoding is taken, in order, from a byte-order mark, the charset of the HTTP
 * Content-Type, a <meta charset> / <meta http-equiv> / <?xml encoding?> declaration near the top
 * of an HTML page, the bytes being valid UTF-8, and finally a plausibility score of the decoded
 * letters for windows-1256, ISO-8859-6 and windows-1252 (Arabic pages in legacy encodings are
 * still common). A declared single-byte encoding loses to bytes that are valid, non-ASCII UTF-8:
 * servers often send a wrong default charset, while legacy text that happens to be valid UTF-8 is
 * vanishingly rare. Binary input is rejected with an InputError.
 */
import { InputError } from "../errors.js";

export interface DecodeOptions {
  /** The HTTP Content-Type header, e.g. "text/html; charset=windows-1256". */
  contentType?: string;
  /** The bytes are an HTML page: look for a <meta> charset declaration. */
  html?: boolean;
}

export interface Decoded {
  text: string;
  /** WHATWG name of the encoding used, e.g. "utf-8", "windows-1256". */
  encoding: string;
}

const SAMPLE_BYTES = 64 * 1024;
const PRESCAN_BYTES = 4096;
// windows-1252 first: on a tie (Latin text whose accented letters windows-1256 also has) it wins.
const LEGACY_CANDIDATES = ["windows-1252", "windows-1256", "iso-8859-6"] as const;

const CHARSET_PARAM_RE = /charset\s*=\s*["']?\s*([\w.:-]+)/i;
const META_CHARSET_RE = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING_RE = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i;

const MAGIC: [string, number[]][] = [
  ["a PDF document", [0x25, 0x50, 0x44, 0x46]],
  ["a ZIP archive or office document", [0x50, 0x4b, 0x03, 0x04]],
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["gzip-compressed data", [0x1f, 0x8b]],
  ["an executable", [0x7f, 0x45, 0x4c, 0x46]],
];

/** A TextDecoder for `label`, or undefined when the label is unknown. */
function decoderFor(label: string, fatal = false): InstanceType<typeof TextDecoder> | undefined {
  try {
    return new TextDecoder(label.trim().toLowerCase(), { fatal });
  } catch {
    return undefined;
  }
}

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

/** UTF-16 without a BOM: mostly-ASCII text with a NUL in every other byte. */
function utf16Guess(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length, PRESCAN_BYTES) & ~1;
  if (n < 8) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return "utf-16le";
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return "utf-16be";
  return undefined;
}

/** Rejects input that is clearly not text: known binary signatures, NUL or control bytes. */
function assertText(bytes: Uint8Array): void {
  for (const [what, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) {
      throw new InputError("binary", `the input is binary data (${what}), not text or HTML`);
    }
  }
  const n = Math.min(bytes.length, 8192);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) nul++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) {
      control++;
    }
  }
  if (nul > Math.max(1, n * 0.002)) {
    throw new InputError(
      "binary",
      "the input is binary data (it contains NUL bytes), not text or HTML",
    );
  }
  if (control > Math.max(8, n * 0.05)) {
    throw new InputError(
      "binary",
      "the input is binary data (too many control bytes), not text or HTML",
    );
  }
}

/** The charset declared in the first bytes of an HTML (or XML) document. */
export function prescanCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("windows-1252").decode(bytes.subarray(0, PRESCAN_BYTES));
  const xml = XML_ENCODING_RE.exec(head);
  if (xml?.[1]) return xml[1];
  const meta = META_CHARSET_RE.exec(head);
  return meta?.[1];
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] ?? 0) >= 0x80) return false;
  return true;
}

/**
 * How plausible a decoding looks: Arabic letters inside Arabic words and the article ال score,
 * accented Latin letters score only inside Latin words; mojibake runs of accented letters,
 * replacement characters and C1 controls are penalised.
 */
export function plausibility(text: string): number {
  let score = 0;
  let prevKind = 0; // 0 other, 1 ASCII letter, 2 Arabic letter, 3 non-ASCII Latin letter
  let prevCode = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let kind = 0;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) kind = 1;
    else if (c >= 0x0621 && c <= 0x064a) kind = 2;
    else if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) kind = 3;
    else if (c === 0xfffd) score -= 20;
    else if (c >= 0x80 && c <= 0x9f) score -= 10;
    if (kind === 2 && prevKind === 2) {
      score += 2;
      if (c === 0x0644 && prevCode === 0x0627) score += 10; // ال
    } else if (kind === 3 || (prevKind === 3 && kind !== 0)) {
      // An accented Latin letter next to an ASCII letter is a normal word (é in "café");
      // next to another non-ASCII letter it is mojibake ("Ø§Ù" or "ÇáÚ").
      if ((kind === 3 && prevKind === 1) || (kind === 1 && prevKind === 3)) score += 2;
      else if (prevKind === 3 || prevKind === 2 || kind === 2) score -= 4;
    }
    prevKind = kind;
    prevCode = c;
  }
  return score;
}

/** The best-scoring of the candidate encodings for these bytes (scored on a sample). */
function guessEncoding(bytes: Uint8Array, candidates: readonly string[]): string {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let best = candidates[0] ?? "windows-1252";
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const label of candidates) {
    const decoder = decoderFor(label);
    if (!decoder) continue;
    const score = plausibility(decoder.decode(sample, { stream: true }));
    if (score > bestScore) {
      best = label;
      bestScore = score;
    }
  }
  return best;
}

function finish(bytes: Uint8Array, label: string): Decoded {
  const decoder = decoderFor(label) ?? new TextDecoder("windows-1252");
  const text = decoder.decode(bytes);
  // A decoding that is mostly replacement characters or C1 controls is no decoding at all.
  let bad = 0;
  const n = Math.min(text.length, SAMPLE_BYTES);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c >= 0x80 && c <= 0x9f)) bad++;
  }
  if (n > 0 && bad > n * 0.1) {
    throw new InputError(
      "undecodable",
      `the input could not be decoded as text (tried ${decoder.encoding})`,
    );
  }
  return { text, encoding: decoder.encoding };
}

/** Decodes page or file bytes to text, choosing the encoding as described at the top. */
export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): Decoded {
  if (bytes.length === 0) throw new InputError("empty", "the input is empty");
  const bom = bomEncoding(bytes);
  if (bom) return finish(bytes, bom);
  const utf16 = utf16Guess(bytes);
  if (utf16) return finish(bytes, utf16);
  assertText(bytes);

  const fromHeader = opts.contentType ? CHARSET_PARAM_RE.exec(opts.contentType)?.[1] : undefined;
  const fromMeta = opts.html !== false ? prescanCharset(bytes) : undefined;
  const declared = [fromHeader, fromMeta]
    .map((label) => (label ? decoderFor(label)?.encoding : undefined))
    .find((enc): enc is string => enc !== undefined && !enc.startsWith("utf-16"));

  let utf8: string | undefined;
  try {
    utf8 = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    utf8 = undefined;
  }
  if (utf8 !== undefined && (declared === undefined || declared === "utf-8" || !isAscii(bytes))) {
    return { text: utf8, encoding: "utf-8" };
  }
  if (declared !== undefined && declared !== "utf-8") return finish(bytes, declared);
  // Declared UTF-8 but invalid, or nothing declared: let the letters decide, UTF-8 included
  // (a page with a few broken bytes is still best read as UTF-8).
  return finish(bytes, guessEncoding(bytes, ["utf-8", ...LEGACY_CANDIDATES]));
}
