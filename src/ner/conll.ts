/**
 * CoNLL-style files: one token per line (the first whitespace-separated column; a last column,
 * when present, is the BIO tag), a blank line between sentences.
 */

export interface ConllSentence {
  tokens: string[];
  /** The last column of each line, when the file has more than one column. */
  tags?: string[];
}

export function parseConll(content: string): ConllSentence[] {
  const sentences: ConllSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  let tagged = true;
  const flush = () => {
    if (tokens.length)
      sentences.push(tagged && tags.length === tokens.length ? { tokens, tags } : { tokens });
    tokens = [];
    tags = [];
    tagged = true;
  };
  for (const line of content.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    const first = fields[0];
    if (!first) {
      flush();
      continue;
    }
    tokens.push(first);
    const last = fields[fields.length - 1];
    if (fields.length > 1 && last) tags.push(last);
    else tagged = false;
  }
  flush();
  return sentences;
}

/** The lines of `tokens` with their tags, tab-separated, sentences separated by a blank line. */
export function formatConll(sentences: { tokens: string[]; tags: string[] }[]): string {
  return sentences
    .map((s) => s.tokens.map((t, i) => `${t}\t${s.tags[i] ?? "O"}`).join("\n"))
    .join("\n\n")
    .concat(sentences.length ? "\n" : "");
}
