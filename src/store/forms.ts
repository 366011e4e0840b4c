/**
 * The word forms the full-text index and the snippets share. Each indexed word has two forms:
 * its base (clitics off, article restored: والصين، للصين → الصين) and its plain normalised form
 * (والصين stays والصين). Indexing both lets a search for الصين find every clitic form while an
 * exact form still ranks higher, and building them the same way at ingest and at query time keeps
 * the two sides in step.
 */
import type { Token } from "../analysis.js";
import { wordBase } from "../entities/index.js";
import { normalizeArabic, tokenize } from "../text/index.js";

export interface WordForms {
  base: string;
  plain: string;
}

/** Tokens that carry searchable words (not punctuation, quotes, symbols or URLs). */
export function isIndexable(token: Token): boolean {
  return token.kind === "word" || token.kind === "latin" || token.kind === "number";
}

export function formsOf(token: Token): WordForms {
  const plain = token.norm ?? normalizeArabic(token.text);
  return { base: token.kind === "word" ? wordBase(token.text).norm : plain, plain };
}

/** The index columns for a text: base forms and plain forms, space-separated, word for word. */
export function indexColumns(texts: readonly string[]): WordForms {
  const base: string[] = [];
  const plain: string[] = [];
  for (const text of texts) {
    for (const token of tokenize(text)) {
      if (!isIndexable(token)) continue;
      const forms = formsOf(token);
      if (forms.plain.length === 0) continue;
      base.push(forms.base || forms.plain);
      plain.push(forms.plain);
    }
  }
  return { base: base.join(" "), plain: plain.join(" ") };
}

/** The plain normalised words of a text, for the content hash and the shingles. */
export function plainWords(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    if (!isIndexable(token)) continue;
    const plain = token.norm ?? normalizeArabic(token.text);
    if (plain.length > 0) out.push(plain);
  }
  return out;
}
