/**
 * BIO tag sequences as typed spans, and exact-span precision/recall/F1 as in CoNLL evaluation
 * (an I- tag after O or after another type opens a span, as conlleval does).
 */

export interface TagSpan {
  start: number;
  /** Exclusive token index. */
  end: number;
  type: string;
}

export function bioSpans(tags: readonly string[]): TagSpan[] {
  const spans: TagSpan[] = [];
  let open: TagSpan | undefined;
  for (let i = 0; i <= tags.length; i++) {
    const tag = tags[i] ?? "O";
    const dash = tag.indexOf("-");
    const prefix = dash < 0 ? tag : tag.slice(0, dash);
    const type = dash < 0 ? "" : tag.slice(dash + 1);
    const continues = prefix === "I" && open?.type === type;
    if (open && !continues) {
      open.end = i;
      spans.push(open);
      open = undefined;
    }
    if ((prefix === "B" || prefix === "I") && !continues) open = { start: i, end: i, type };
  }
  return spans;
}

export interface TypeScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface SpanScores {
  overall: TypeScore;
  byType: Record<string, TypeScore>;
}

/** Canonical type names, so PER and PERS (or GPE and LOC) are compared as one. */
export function canonicalType(type: string): string {
  const t = type.toUpperCase();
  if (t === "PER" || t === "PERSON") return "PERS";
  if (t === "GPE" || t === "LOCATION") return "LOC";
  if (t === "ORGANIZATION") return "ORG";
  if (t === "MIS") return "MISC";
  return t;
}

export function scoreSpans(gold: readonly string[][], predicted: readonly string[][]): SpanScores {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const bump = (type: string, key: "tp" | "fp" | "fn") => {
    const c = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    c[key]++;
    counts.set(type, c);
  };
  for (let s = 0; s < gold.length; s++) {
    const key = (x: TagSpan) => `${x.start}:${x.end}:${canonicalType(x.type)}`;
    const g = new Map(bioSpans(gold[s] ?? []).map((x) => [key(x), x]));
    const p = new Map(bioSpans(predicted[s] ?? []).map((x) => [key(x), x]));
    for (const [k, x] of p) bump(canonicalType(x.type), g.has(k) ? "tp" : "fp");
    for (const [k, x] of g) if (!p.has(k)) bump(canonicalType(x.type), "fn");
  }
  const byType: Record<string, TypeScore> = {};
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const [type, c] of [...counts].sort()) {
    byType[type] = withRates(c);
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return { overall: withRates(total), byType };
}

function withRates(c: { tp: number; fp: number; fn: number }): TypeScore {
  const precision = c.tp / Math.max(1, c.tp + c.fp);
  const recall = c.tp / Math.max(1, c.tp + c.fn);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}
