/**
 * The article body with its facts marked in place: quotations (preceded by the speaker's
 * badge), entity mentions coloured by type, and time expressions whose resolved date shows on
 * hover. Spans are offsets into the text; overlapping ones cannot all be drawn, so quotations
 * form the outer layer and mentions and times the inner one (where two inner spans overlap, the
 * earlier, then the longer, wins; an inner span crossing a quotation's edge is cut there).
 */
import { h } from "./dom.js";
import {
  cssType,
  entityHref,
  KIND_LABELS,
  speakerBadge,
  TIME_TYPES,
  TYPE_LABELS,
} from "./format.js";

/**
 * analysis: the Analysis; keys: { entityId: storeKey } (entities link to their pages when
 * given). Returns the element holding the marked-up text.
 */
export function annotatedText(analysis, keys) {
  const text = typeof analysis.text === "string" ? analysis.text : "";
  const valid = (span) =>
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.end <= text.length &&
    span.start < span.end;
  const byId = new Map((analysis.entities ?? []).map((e) => [e.id, e]));

  const quotes = nonOverlapping(
    (analysis.quotes ?? []).map((quote, index) => ({ ...quote, index })).filter(valid),
  );
  const inner = nonOverlapping([
    ...(analysis.entities ?? []).flatMap((entity) =>
      (entity.mentions ?? []).filter(valid).map((m) => ({ start: m.start, end: m.end, entity })),
    ),
    ...(analysis.times ?? [])
      .filter(valid)
      .map((time) => ({ start: time.start, end: time.end, time })),
  ]);

  const body = h("div", { class: "article-text" });
  const cursor = { next: 0 };
  let at = 0;
  for (const quote of quotes) {
    if (quote.start > at) body.append(...innerRange(text, at, quote.start, inner, cursor, keys));
    const speaker = byId.get(quote.speaker);
    const ref = speaker
      ? { key: keys?.[speaker.id], type: speaker.type, name: speaker.name }
      : null;
    body.append(
      speakerBadge(ref?.key ? ref : null, speaker?.name ?? quote.speakerText),
      h(
        "span",
        {
          class: `quote kind-${quote.kind in KIND_LABELS ? quote.kind : "direct"}`,
          id: `quote-${quote.index}`,
          title: `اقتباس ${KIND_LABELS[quote.kind] ?? ""}${speaker ? ` — ${speaker.name}` : ""}`,
        },
        innerRange(text, quote.start, quote.end, inner, cursor, keys),
      ),
    );
    at = quote.end;
  }
  if (at < text.length) body.append(...innerRange(text, at, text.length, inner, cursor, keys));
  return body;
}

/** Sorted by start (longer first on ties); each span that overlaps a kept one is dropped. */
function nonOverlapping(spans) {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  let end = 0;
  for (const span of spans) {
    if (span.start < end) continue;
    kept.push(span);
    end = span.end;
  }
  return kept;
}

/** Nodes for text[from, to) with the inner spans inside it; `cursor` walks `inner` once. */
function innerRange(text, from, to, inner, cursor, keys) {
  const out = [];
  let at = from;
  while (cursor.next < inner.length && inner[cursor.next].end <= from) cursor.next++;
  for (let i = cursor.next; i < inner.length; i++) {
    const span = inner[i];
    if (span.start >= to) break;
    const start = Math.max(span.start, at);
    const end = Math.min(span.end, to);
    if (start > at) out.push(text.slice(at, start));
    out.push(innerNode(span, text.slice(start, end), keys));
    at = end;
  }
  if (at < to) out.push(text.slice(at, to));
  return out;
}

function innerNode(span, words, keys) {
  if (span.time) {
    const t = span.time;
    const resolved = t.resolved ?? t.value;
    return h(
      "time",
      {
        class: "time",
        datetime: /^\d{4}-\d{2}-\d{2}$/.test(t.resolved ?? "") ? t.resolved : null,
        title: `${TIME_TYPES[t.type] ?? t.type}: ${resolved}`,
        tabindex: "0",
      },
      words,
    );
  }
  const entity = span.entity;
  const key = keys?.[entity.id];
  const attrs = {
    class: `ent type-${cssType(entity.type)}`,
    title: `${TYPE_LABELS[entity.type] ?? entity.type}: ${entity.name}`,
  };
  return key ? h("a", { ...attrs, href: entityHref(key) }, words) : h("span", attrs, words);
}
