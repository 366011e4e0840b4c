/**
 * Word 4-gram ("shingle") overlap between texts, the same unit the extraction benchmarks score
 * with. Used to check that two candidate bodies tell the same story.
 */

const WORD_RE = /[\p{L}\p{N}_]+/gu;

export function words(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

export function shingles(text: string, n = 4): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  if (w.length < n) {
    if (w.length > 0) out.add(w.join(" "));
    return out;
  }
  for (let i = 0; i + n <= w.length; i++) {
    out.add(`${w[i]} ${w[i + 1]} ${w[i + 2]} ${w[i + 3]}`);
  }
  return out;
}

/** Share of `a`'s shingles that also occur in `b` (0 when `a` is empty). */
export function containment(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let hit = 0;
  for (const s of a) if (b.has(s)) hit++;
  return hit / a.size;
}
