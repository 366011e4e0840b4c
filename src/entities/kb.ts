/**
 * The knowledge base: countries, capitals, cities, people and organisations with Arabic names
 * and aliases, codes, nationality adjectives and dated roles. The bundled file
 * data/kb/kb.jsonl.gz is built by scripts/build-kb.ts (data/kb/README.md documents the format);
 * users add or override entries with their own JSONL files (`--kb FILE.jsonl`).
 *
 * Every name is matched on its normalizeArabic form, so hamza, ة/ه, ى/ي and diacritic variants
 * need no aliases. Lookups are also insensitive to a leading article on the first word
 * (الصين = صين, عراق = العراق).
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { z } from "zod";
import { InputError } from "../errors.js";
import { normalizeArabic } from "../text/normalize.js";
import { tokenize } from "../text/tokenize.js";

export const KB_FILE = "kb.jsonl.gz";

export const KB_TYPES = ["PER", "ORG", "LOC"] as const;

export const KB_KINDS = [
  "country",
  "capital",
  "city",
  "region",
  "person",
  "igo",
  "government-body",
  "party",
  "armed-group",
  "movement",
  "agency",
  "media",
  "company",
  "ministry",
  "military",
  "court",
  "other",
] as const;

export const KB_ROLES = [
  "head-of-state",
  "head-of-government",
  "foreign-minister",
  "defence-minister",
  "vice-president",
  "crown-prince",
  "supreme-leader",
  "leader",
  "secretary-general",
  "spokesperson",
  "envoy",
  "prosecutor",
] as const;

const LOC_KINDS = new Set<string>(["country", "capital", "city", "region"]);
const COUNTRY_ID = /^[A-Z]{3}$/;
const SLUG_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** YYYY, YYYY-MM or YYYY-MM-DD with a plausible month and day. */
const PARTIAL_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

const partialDate = z.string().regex(PARTIAL_DATE, "expected YYYY, YYYY-MM or YYYY-MM-DD");
const entityRef = z.string().min(1);

export const KbRoleSchema = z
  .strictObject({
    role: z.enum(KB_ROLES),
    of: entityRef.describe("the country (alpha-3) or organisation id the office belongs to"),
    from: partialDate.optional(),
    to: partialDate.optional().describe("omitted = still in office"),
  })
  .refine(
    (r) => r.from === undefined || r.to === undefined || lowerBound(r.from) <= upperBound(r.to),
    {
      message: "role ends before it starts",
      path: ["to"],
    },
  );

const arabicName = z
  .string()
  .trim()
  .min(1)
  .refine((s) => /[\u0621-\u064a]/.test(s), "expected an Arabic name");

export const KbEntrySchema = z
  .strictObject({
    id: z.string().min(1),
    type: z.enum(KB_TYPES),
    kind: z.enum(KB_KINDS),
    nameAr: arabicName,
    nameEn: z.string().trim().min(1).optional(),
    aliases: z.array(arabicName).optional(),
    wikidata: z
      .string()
      .regex(/^Q[1-9]\d*$/, "expected a Wikidata QID such as Q7747")
      .optional(),
    cameo: z
      .string()
      .regex(/^[A-Z0-9]{3,15}$/, "expected an upper-case CAMEO code")
      .optional(),
    iso: z
      .string()
      .regex(/^[A-Z]{2}$/, "expected an ISO 3166 alpha-2 code")
      .optional(),
    country: entityRef.optional(),
    capitalOf: entityRef.optional(),
    adjectives: z.array(arabicName).optional(),
    roles: z.array(KbRoleSchema).optional(),
    population: z.number().int().nonnegative().optional(),
    /**
     * Ids this entry had in earlier releases (stores keep them as keys): they still resolve to
     * it through `get`.
     */
    formerIds: z.array(z.string().min(1)).optional(),
  })
  .superRefine((e, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", message, path: [path] });
    if (e.kind === "country") {
      if (!COUNTRY_ID.test(e.id)) issue("id", "a country id is its ISO alpha-3 code (RUS)");
    } else if (!SLUG_ID.test(e.id)) {
      issue("id", "expected a lowercase ASCII slug (vladimir-putin)");
    }
    if ((e.type === "PER") !== (e.kind === "person")) {
      issue("type", `type ${e.type} does not fit kind ${e.kind}`);
    }
    if (LOC_KINDS.has(e.kind) && e.type !== "LOC") {
      issue("type", `kind ${e.kind} is a place: type must be LOC`);
    }
    if (e.capitalOf !== undefined && e.kind !== "capital") {
      issue("capitalOf", "only capitals have capitalOf");
    }
    if (e.adjectives !== undefined && e.kind !== "country") {
      issue("adjectives", "only countries have nationality adjectives");
    }
    if (e.roles !== undefined && e.kind !== "person") issue("roles", "only people hold roles");
  });

export type KbEntry = z.infer<typeof KbEntrySchema>;
export type KbRole = z.infer<typeof KbRoleSchema>;
export type KbRoleName = (typeof KB_ROLES)[number];

/** One readable line per schema problem: `field.path: message`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const path = i.path.length > 0 ? i.path.join(".") : "entry";
    return `${path}: ${i.message}`;
  });
}

/** Earliest day a partial date covers ("2012" → "2012-01-01"). */
export function lowerBound(d: string): string {
  if (d.length === 4) return `${d}-01-01`;
  if (d.length === 7) return `${d}-01`;
  return d;
}

/** Latest day a partial date covers ("2012" → "2012-12-31"; -31 is a safe upper bound). */
export function upperBound(d: string): string {
  if (d.length === 4) return `${d}-12-31`;
  if (d.length === 7) return `${d}-31`;
  return d;
}

const roleKey = (r: KbRole) => `${r.role}\u0000${r.of}\u0000${r.from ?? ""}`;

/**
 * Merges `later` into `earlier` (same id): scalar fields of `later` win; aliases and adjectives
 * are united; a role of `later` replaces the role with the same role, of and from, others are
 * appended. Used by the build (curated over generated) and by user files (over the bundle).
 */
export function mergeEntry(earlier: KbEntry, later: KbEntry): KbEntry {
  const out: KbEntry = { ...earlier, ...later };
  const unite = (a?: string[], b?: string[]) => {
    if (a === undefined) return b;
    if (b === undefined) return a;
    const seen = new Set<string>();
    const list: string[] = [];
    for (const s of [...a, ...b]) {
      const k = normalizeArabic(s);
      if (!seen.has(k)) {
        seen.add(k);
        list.push(s);
      }
    }
    return list;
  };
  const aliases = unite(earlier.aliases, later.aliases);
  if (aliases !== undefined) out.aliases = aliases;
  const adjectives = unite(earlier.adjectives, later.adjectives);
  if (adjectives !== undefined) out.adjectives = adjectives;
  if (earlier.roles !== undefined && later.roles !== undefined) {
    const byKey = new Map<string, KbRole>();
    for (const r of earlier.roles) byKey.set(roleKey(r), r);
    for (const r of later.roles) byKey.set(roleKey(r), r);
    out.roles = [...byKey.values()];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Matching keys

/** A normalised word that starts with the article (and has a stem after it). */
function hasArticle(w: string): boolean {
  return w.length >= 4 && w.charCodeAt(0) === 0x0627 && w.charCodeAt(1) === 0x0644;
}

/** The same key with the article of its first word toggled (الصين ↔ صين). */
function toggleArticle(key: string): string {
  return hasArticle(key) ? key.slice(2) : `ال${key}`;
}

const PLAIN_ARABIC = /^[\u0621-\u065f\u0670 ]+$/;

/**
 * The normalised token keys of a name, as `matchTokens` sees them: the text layer's word, latin
 * and number tokens, each by its normalizeArabic form; punctuation and symbols are skipped, so
 * أ.ف.ب and أ ف ب share a key. Plain Arabic names (most) skip the tokenizer.
 */
export function nameTokens(name: string): string[] {
  if (PLAIN_ARABIC.test(name)) {
    const out: string[] = [];
    for (const w of name.split(" ")) {
      if (w.length === 0) continue;
      const n = normalizeArabic(w);
      if (n.length > 0) out.push(n);
    }
    return out;
  }
  const out: string[] = [];
  for (const t of tokenize(name)) {
    if (t.kind !== "word" && t.kind !== "latin" && t.kind !== "number") continue;
    const n = t.norm ?? normalizeArabic(t.text);
    if (n.length > 0) out.push(n);
  }
  return out;
}

/** Lookup key of a name: its normalised tokens joined by one space. */
export function nameKey(name: string): string {
  return nameTokens(name).join(" ");
}

/** Lower is better: countries and capitals, then curated entries, cities, UniversalPetrarch. */
function tier(e: KbEntry): number {
  if (e.id.startsWith("up-")) return 5;
  switch (e.kind) {
    case "country":
      return 0;
    case "capital":
      return 1;
    case "region":
      return 2;
    case "city":
      return 4;
    default:
      return 3;
  }
}

function compareEntries(a: KbEntry, b: KbEntry): number {
  return (
    tier(a) - tier(b) ||
    (b.population ?? 0) - (a.population ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** A multi-word alias in the first-token index: the remaining tokens and its ranked ids. */
interface AliasSeq {
  rest: string[];
  ids: string[];
}

interface RoleSpan {
  lo: string;
  hi: string;
  id: string;
}

export interface TokenMatch {
  /** Index of the first token. */
  start: number;
  /** Index after the last token (exclusive). */
  end: number;
  /** Candidate entry ids, best first. */
  ids: string[];
}

export class KnowledgeBase {
  private readonly byId = new Map<string, KbEntry>();
  /** Former id → current id (see KbEntry.formerIds). */
  private readonly renamed = new Map<string, string>();
  /** Normalised name key → ranked ids. */
  private readonly names = new Map<string, string[]>();
  /** First token → names starting with it, longest first. */
  private readonly first = new Map<string, AliasSeq[]>();
  /** First token without its article → names starting with that token plus ال (صين → الصين). */
  private readonly firstBare = new Map<string, AliasSeq[]>();
  private readonly adjectives = new Map<string, string>();
  private readonly roles = new Map<string, RoleSpan[]>();
  private readonly capitals = new Map<string, string>();

  constructor(entries: Iterable<KbEntry>) {
    for (const e of entries) this.byId.set(e.id, e);
    for (const e of this.byId.values())
      for (const former of e.formerIds ?? [])
        if (!this.byId.has(former)) this.renamed.set(former, e.id);
    const seqs = new Map<string, AliasSeq>();
    for (const e of this.byId.values()) {
      this.indexName(e.id, e.nameAr, seqs);
      const aliases = e.aliases;
      if (aliases !== undefined) for (const a of aliases) this.indexName(e.id, a, seqs);
      if (e.capitalOf !== undefined) {
        const prev = this.capitals.get(e.capitalOf);
        if (prev === undefined || e.id < prev) this.capitals.set(e.capitalOf, e.id);
      }
      const roles = e.roles;
      if (roles === undefined) continue;
      for (const r of roles) {
        push(this.roles, `${r.role}\u0000${r.of}`, {
          lo: r.from === undefined ? "0000" : lowerBound(r.from),
          hi: r.to === undefined ? "9999" : upperBound(r.to),
          id: e.id,
        });
      }
    }
    for (const ids of this.names.values()) this.rank(ids);
    for (const [key, seq] of seqs) {
      this.rank(seq.ids);
      const space = key.indexOf(" ");
      const head = space < 0 ? key : key.slice(0, space);
      push(this.first, head, seq);
      if (hasArticle(head)) push(this.firstBare, head.slice(2), seq);
    }
    for (const map of [this.first, this.firstBare]) {
      for (const list of map.values()) {
        if (list.length > 1) list.sort((a, b) => b.rest.length - a.rest.length);
      }
    }
    // Adjectives: listed forms first, then their article-toggled forms; sovereign countries
    // (those with a capital) before territories that share a nisba (غيني: Guinea, not
    // Equatorial Guinea).
    const countries: KbEntry[] = [];
    for (const e of this.byId.values()) if (e.adjectives !== undefined) countries.push(e);
    countries.sort(
      (a, b) =>
        Number(this.capitals.has(b.id)) - Number(this.capitals.has(a.id)) || (a.id < b.id ? -1 : 1),
    );
    const toggled: [string, string][] = [];
    for (const e of countries) {
      for (const adj of e.adjectives as string[]) {
        const k = nameKey(adj);
        if (k.length === 0) continue;
        if (!this.adjectives.has(k)) this.adjectives.set(k, e.id);
        toggled.push([toggleArticle(k), e.id]);
      }
    }
    for (const [k, id] of toggled) if (!this.adjectives.has(k)) this.adjectives.set(k, id);
  }

  /** Indexes one name of entry `id` (names of one entry are indexed one after the other). */
  private indexName(id: string, name: string, seqs: Map<string, AliasSeq>): void {
    const toks = nameTokens(name);
    if (toks.length === 0) return;
    const first = toks[0] as string;
    const key = toks.length === 1 ? first : toks.join(" ");
    const list = this.names.get(key);
    if (list === undefined) this.names.set(key, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
    const seq = seqs.get(key);
    if (seq === undefined) seqs.set(key, { rest: toks.slice(1), ids: [id] });
    else if (seq.ids[seq.ids.length - 1] !== id) seq.ids.push(id);
  }

  /** Sorts candidate ids best first (see compareEntries). */
  private rank(ids: string[]): void {
    if (ids.length < 2) return;
    ids.sort((a, b) => compareEntries(this.byId.get(a) as KbEntry, this.byId.get(b) as KbEntry));
  }

  get size(): number {
    return this.byId.size;
  }

  /** The entry with this id, or with this among its former ids. */
  get(id: string): KbEntry | undefined {
    return this.byId.get(id) ?? this.byId.get(this.renamed.get(id) ?? "");
  }

  /** Every entry, in no particular order. */
  entries(): IterableIterator<KbEntry> {
    return this.byId.values();
  }

  /**
   * Entries whose Arabic name or an alias equals `name` after normalisation, best first
   * (countries and capitals, curated entries, cities, UniversalPetrarch). The exact form's
   * candidates come before those found with the first word's article toggled.
   */
  lookup(name: string): KbEntry[] {
    const key = nameKey(name);
    if (key.length === 0) return [];
    const ids = [...(this.names.get(key) ?? [])];
    for (const id of this.names.get(toggleArticle(key)) ?? []) if (!ids.includes(id)) ids.push(id);
    return ids.map((id) => this.byId.get(id) as KbEntry);
  }

  /** The country whose nationality adjective `word` is (روسي، الروسية، روس → RUS). */
  adjective(word: string): KbEntry | undefined {
    const key = nameKey(word);
    if (key.length === 0) return undefined;
    const id = this.adjectives.get(key);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /**
   * People whose role `role` of `of` covers `date` (YYYY, YYYY-MM or YYYY-MM-DD; a partial date
   * is a period and matches any overlapping tenure). A role's year or month precision covers
   * the whole year or month. Latest start first. An invalid date matches nothing.
   */
  holders(role: string, of: string, date: string): KbEntry[] {
    if (!PARTIAL_DATE.test(date)) return [];
    const spans = this.roles.get(`${role}\u0000${of}`);
    if (spans === undefined) return [];
    const lo = lowerBound(date);
    const hi = upperBound(date);
    const hits = spans.filter((s) => s.lo <= hi && lo <= s.hi);
    hits.sort((a, b) => (a.lo > b.lo ? -1 : a.lo < b.lo ? 1 : a.id < b.id ? -1 : 1));
    const out: KbEntry[] = [];
    for (const s of hits) {
      const e = this.byId.get(s.id) as KbEntry;
      if (!out.includes(e)) out.push(e);
    }
    return out;
  }

  /** The capital of a country (by alpha-3 id). */
  capitalOf(countryId: string): KbEntry | undefined {
    const id = this.capitals.get(countryId);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /**
   * Longest matches of KB names over a sentence of normalised tokens, greedily left to right.
   * Pass the word, latin and number tokens of the sentence (Token.norm, or normalizeArabic of
   * the text for numbers), without punctuation: names are keyed the same way (nameTokens). A
   * name that starts with the article also matches without it (the caller may have split it
   * off with a clitic: بالصين → صين). Token indices; `end` is exclusive.
   */
  matchTokens(norms: readonly string[]): TokenMatch[] {
    const out: TokenMatch[] = [];
    let i = 0;
    while (i < norms.length) {
      const match = this.matchAt(norms, i);
      if (match === undefined) {
        i++;
        continue;
      }
      out.push(match);
      i = match.end;
    }
    return out;
  }

  /**
   * The longest KB name that starts at token i, or undefined. `first` replaces norms[i] as the
   * first token's form: the caller passes a word's base form there (وبالصين → الصين) while the
   * name's later tokens keep their clitics (الجامعة التونسية للشطرنج).
   */
  matchAt(norms: readonly string[], i: number, first?: string): TokenMatch | undefined {
    const tok = first ?? norms[i];
    if (typeof tok !== "string" || tok.length === 0) return undefined;
    let hit = longestAt(this.first.get(tok), norms, i);
    // a name written with the article also matches its bare form (صين → الصين), not the
    // reverse: الصور "the pictures" is not صور (Tyre)
    if (!hasArticle(tok)) {
      const bare = longestAt(this.firstBare.get(tok), norms, i);
      if (bare !== undefined && (hit === undefined || bare.rest.length > hit.rest.length)) {
        hit = bare;
      }
    }
    if (hit === undefined) return undefined;
    return { start: i, end: i + 1 + hit.rest.length, ids: hit.ids };
  }
}

/** The longest of `cands` (sorted longest first) whose remaining tokens follow position i. */
function longestAt(
  cands: AliasSeq[] | undefined,
  norms: readonly string[],
  i: number,
): AliasSeq | undefined {
  if (cands === undefined) return undefined;
  const n = norms.length;
  for (const c of cands) {
    const len = c.rest.length;
    if (i + 1 + len > n) continue;
    let k = 0;
    while (k < len && norms[i + 1 + k] === c.rest[k]) k++;
    if (k === len) return c;
  }
  return undefined;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

// ---------------------------------------------------------------------------------------------
// Loading

let kbPath: string | URL = new URL(`../../data/kb/${KB_FILE}`, import.meta.url);
let cached: KnowledgeBase | undefined;

/** Points the loader at another bundled file (tests, tools); clears the cache. */
export function setKnowledgeBasePath(path: string | URL): void {
  kbPath = path;
  cached = undefined;
}

/** The bundled entries (validated when built, so parsed without the schema). */
function readBundled(): Map<string, KbEntry> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(kbPath);
  } catch (e) {
    throw new Error(
      `knowledge base ${String(kbPath)} is missing (${(e as Error).message}); rebuild it with npx tsx scripts/build-kb.ts`,
    );
  }
  // one JSON.parse over the whole file (JSON strings hold no raw newlines) is the fastest way
  const text = gunzipSync(bytes).toString("utf8").trimEnd();
  const list = JSON.parse(`[${text.replaceAll("\n", ",")}]`) as KbEntry[];
  const out = new Map<string, KbEntry>();
  for (const e of list) out.set(e.id, e);
  return out;
}

/** A user-file line that is blank or a comment (# or //). */
export function isSkippableLine(line: string): boolean {
  const t = line.trim();
  return t.length === 0 || t.startsWith("#") || t.startsWith("//");
}

/** Parses one JSONL line of a KB file; throws InputError naming `where` (file:line). */
export function parseKbLine(line: string, where: string): KbEntry {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    throw new InputError("bad-record", `${where}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = KbEntrySchema.safeParse(raw);
  if (!parsed.success) {
    const id = typeof raw === "object" && raw !== null ? (raw as { id?: unknown }).id : undefined;
    const label = typeof id === "string" ? ` (id ${id})` : "";
    throw new InputError(
      "bad-record",
      `${where}${label}: ${describeIssues(parsed.error).join("; ")}`,
    );
  }
  return parsed.data;
}

/** The references of an entry that must name existing ids, with a label for messages. */
export function entryReferences(e: KbEntry): { field: string; id: string }[] {
  const out: { field: string; id: string }[] = [];
  if (e.country !== undefined) out.push({ field: "country", id: e.country });
  if (e.capitalOf !== undefined) out.push({ field: "capitalOf", id: e.capitalOf });
  e.roles?.forEach((r, i) => {
    out.push({ field: `roles.${i}.of`, id: r.of });
  });
  return out;
}

function readUserFile(file: string, into: Map<string, KbEntry>, origin: Map<string, string>) {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code === "ENOENT" ? "not-found" : "unreadable";
    throw new InputError(code, `cannot read knowledge-base file ${file}`);
  }
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (isSkippableLine(line)) continue;
    const where = `${file}:${i + 1}`;
    const entry = parseKbLine(line, where);
    const prev = into.get(entry.id);
    into.set(entry.id, prev === undefined ? entry : mergeEntry(prev, entry));
    origin.set(entry.id, where);
  }
}

/**
 * The knowledge base: the bundled data/kb/kb.jsonl.gz, then each of `extraFiles` in order
 * (JSONL in the same format; an entry adds a new id or merges into an existing one, see
 * mergeEntry). A bad line, or a reference to an unknown id, throws an InputError naming
 * file:line. Without extra files the result is cached.
 */
export function loadKnowledgeBase(options?: { extraFiles?: string[] }): KnowledgeBase {
  const extra = options?.extraFiles ?? [];
  if (extra.length === 0 && cached !== undefined) return cached;
  const entries = readBundled();
  const origin = new Map<string, string>();
  for (const file of extra) readUserFile(file, entries, origin);
  for (const [id, where] of origin) {
    for (const ref of entryReferences(entries.get(id) as KbEntry)) {
      if (!entries.has(ref.id)) {
        throw new InputError(
          "bad-record",
          `${where} (id ${id}): ${ref.field} refers to unknown id "${ref.id}"`,
        );
      }
    }
  }
  const kb = new KnowledgeBase(entries.values());
  if (extra.length === 0) cached = kb;
  return kb;
}
