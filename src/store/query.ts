/**
 * Search queries, parsed by us rather than handed to FTS5: words (all must match), "quoted
 * phrases" (also «…» and “…”), and OR between two terms (binding tighter than the implicit AND:
 * `a b OR c` is a AND (b OR c)). Each word is matched on its base form or its plain form, so الصين
 * finds والصين and للصين. A malformed query is an `InputError` that says what is wrong; the
 * FTS5 expression built from a parsed query is always well formed.
 */
import { InputError } from "../errors.js";
import { tokenize } from "../text/index.js";
import { formsOf, isIndexable, type WordForms } from "./forms.js";

export interface QueryTerm {
  /** The words as the user wrote them. */
  source: string;
  /** The term's words in order (a phrase has several; a word can too, e.g. الصين،روسيا). */
  words: WordForms[];
}

export interface ParsedQuery {
  /** Every group must match; a group matches when any of its terms does. */
  groups: QueryTerm[][];
}

export const MAX_QUERY_LENGTH = 1000;
export const MAX_TERMS = 32;

const CLOSERS: Record<string, string> = { '"': '"', "«": "»", "“": "”" };
const STRAY_CLOSERS = new Set(["»", "”"]);
const SPACE = /\s/;

type Item = { kind: "or" } | { kind: "term"; text: string; phrase: boolean };

export function parseQuery(query: string): ParsedQuery {
  if (query.length > MAX_QUERY_LENGTH) {
    throw new InputError(
      "bad-option",
      `the query is ${query.length} characters long; the limit is ${MAX_QUERY_LENGTH}`,
    );
  }
  const items = lex(query);
  const terms: (QueryTerm | "or")[] = [];
  for (const item of items) {
    if (item.kind === "or") {
      terms.push("or");
      continue;
    }
    const words = wordsOf(item.text);
    if (words.length === 0) {
      if (item.phrase) {
        throw new InputError("bad-option", `the phrase "${item.text}" has no words to search for`);
      }
      continue; // punctuation on its own: nothing to match
    }
    terms.push({ source: item.text, words });
  }
  const groups: QueryTerm[][] = [];
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i];
    if (term === "or") {
      const prev = groups[groups.length - 1];
      const next = terms[i + 1];
      if (!prev || terms[i - 1] === "or" || next === undefined || next === "or") {
        throw new InputError("bad-option", "OR needs a word or phrase on each side");
      }
      prev.push(next);
      i++;
      continue;
    }
    if (term) groups.push([term]);
  }
  const count = groups.reduce((n, g) => n + g.length, 0);
  if (count === 0) throw new InputError("empty", "the query has no words to search for");
  if (count > MAX_TERMS) {
    throw new InputError("bad-option", `the query has ${count} terms; the limit is ${MAX_TERMS}`);
  }
  return { groups };
}

function lex(query: string): Item[] {
  const items: Item[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    const c = query[i] as string;
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    const closer = CLOSERS[c];
    if (closer !== undefined) {
      const end = query.indexOf(closer, i + 1);
      if (end < 0) {
        throw new InputError(
          "bad-option",
          `unbalanced quote: the ${c} at character ${i + 1} is never closed with ${closer}`,
        );
      }
      items.push({ kind: "term", text: query.slice(i + 1, end), phrase: true });
      i = end + 1;
      continue;
    }
    if (STRAY_CLOSERS.has(c)) {
      throw new InputError(
        "bad-option",
        `unbalanced quote: the ${c} at character ${i + 1} closes nothing`,
      );
    }
    let j = i + 1;
    while (j < n) {
      const d = query[j] as string;
      if (SPACE.test(d) || CLOSERS[d] !== undefined || STRAY_CLOSERS.has(d)) break;
      j++;
    }
    const word = query.slice(i, j);
    items.push(word === "OR" ? { kind: "or" } : { kind: "term", text: word, phrase: false });
    i = j;
  }
  return items;
}

function wordsOf(text: string): WordForms[] {
  const out: WordForms[] = [];
  for (const token of tokenize(text)) {
    if (!isIndexable(token)) continue;
    const forms = formsOf(token);
    if (forms.plain.length > 0) out.push({ base: forms.base || forms.plain, plain: forms.plain });
  }
  return out;
}

/** The FTS5 MATCH expression: each term on the base column or the plain one. */
export function toFtsMatch(parsed: ParsedQuery): string {
  return parsed.groups.map((group) => `(${group.map(termMatch).join(" OR ")})`).join(" AND ");
}

function termMatch(term: QueryTerm): string {
  const base = phrase(term.words.map((w) => w.base));
  const plain = phrase(term.words.map((w) => w.plain));
  return `(base : ${base} OR plain : ${plain})`;
}

function phrase(words: string[]): string {
  return `"${words.join(" ").replaceAll('"', '""')}"`;
}

/** Base and plain forms of every query word, for highlighting matches in snippets. */
export function queryForms(parsed: ParsedQuery): { base: Set<string>; plain: Set<string> } {
  const base = new Set<string>();
  const plain = new Set<string>();
  for (const group of parsed.groups) {
    for (const term of group) {
      for (const w of term.words) {
        base.add(w.base);
        plain.add(w.plain);
      }
    }
  }
  return { base, plain };
}
