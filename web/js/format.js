/** Labels and links shared by the pages. */
import { h } from "./dom.js";

export const TYPE_LABELS = { PER: "شخص", ORG: "منظمة", LOC: "مكان", MISC: "أخرى" };
export const KIND_LABELS = { direct: "مباشر", indirect: "غير مباشر", mixed: "مختلط" };
export const TIME_TYPES = { DATE: "تاريخ", TIME: "وقت", DURATION: "مدة", SET: "تكرار" };

export const entityHref = (key) => `/entities/${encodeURIComponent(key)}`;
export const articleHref = (id) => `/articles/${encodeURIComponent(id)}`;
export const searchHref = (params) => `/?${new URLSearchParams(params)}`;

export function typeBadge(type) {
  return h("span", { class: `type type-${cssType(type)}` }, TYPE_LABELS[type] ?? type);
}

/** Only the four known types become class names. */
export function cssType(type) {
  return type in TYPE_LABELS ? type : "MISC";
}

/** A speaker badge: a link to the speaker's page, or the unnamed speaker's words. */
export function speakerBadge(speaker, speakerText) {
  if (speaker?.key) {
    return h(
      "a",
      {
        class: `speaker-badge type-${cssType(speaker.type)}`,
        href: entityHref(speaker.key),
        title: `المتحدث: ${speaker.name}`,
      },
      speaker.name,
    );
  }
  return h(
    "span",
    { class: "speaker-badge anon", title: "متحدث غير مسمى" },
    speakerText || "غير معروف",
  );
}

export function count(n) {
  return Number(n ?? 0).toLocaleString("en");
}

/** One quotation as a card: speaker, words, kind, article and date. */
export function quoteCard(quote) {
  const article = quote.article;
  return h(
    "li",
    { class: "quote-card" },
    h(
      "div",
      { class: "quote-head" },
      speakerBadge(quote.speaker, quote.speakerText),
      quote.cue ? h("span", { class: "cue" }, quote.cue) : null,
      h("span", { class: `kind kind-${quote.kind}` }, KIND_LABELS[quote.kind] ?? quote.kind),
    ),
    h("blockquote", { class: "quote-text" }, quote.text),
    article
      ? h(
          "div",
          { class: "quote-source" },
          h(
            "a",
            { href: `${articleHref(article.id)}#quote-${Number(quote.index)}` },
            article.title || article.source,
          ),
          article.published ? h("span", { class: "date" }, article.published) : null,
        )
      : null,
  );
}

/** Previous/next links for a paged list; `href(offset)` builds each link. */
export function pager(total, offset, limit, href) {
  if (total <= limit) return null;
  const last = Math.min(total, offset + limit);
  return h(
    "nav",
    { class: "pager", "aria-label": "الصفحات" },
    offset > 0
      ? h("a", { href: href(Math.max(0, offset - limit)), rel: "prev" }, "→ السابق")
      : null,
    h("span", null, `${count(offset + 1)}–${count(last)} من ${count(total)}`),
    last < total ? h("a", { href: href(offset + limit), rel: "next" }, "التالي ←") : null,
  );
}

/** Previous/next links when the total is unknown: `more` says whether a next page exists. */
export function stepPager(offset, limit, more, href) {
  if (offset === 0 && !more) return null;
  return h(
    "nav",
    { class: "pager", "aria-label": "الصفحات" },
    offset > 0
      ? h("a", { href: href(Math.max(0, offset - limit)), rel: "prev" }, "→ السابق")
      : null,
    more ? h("a", { href: href(offset + limit), rel: "next" }, "التالي ←") : null,
  );
}

export function errorBox(error) {
  return h("p", { class: "error", role: "alert" }, error?.message ?? String(error));
}

/** The page's non-empty query fields (trimmed) and its offset, from the URL's parameters. */
export function readQuery(params, names) {
  const query = Object.fromEntries(
    names.map((name) => [name, (params.get(name) ?? "").trim()]).filter(([, v]) => v !== ""),
  );
  const offset = Math.max(0, Number.parseInt(params.get("offset") ?? "0", 10) || 0);
  return { query, offset };
}

/** A labelled input per field ([name, label, placeholder]), filled from the query. */
export function fieldInputs(fields, query) {
  return fields.map(([name, label, hint]) =>
    h(
      "label",
      null,
      label,
      h("input", {
        name,
        value: query[name] ?? "",
        placeholder: hint,
        dir: name === "from" || name === "to" ? "ltr" : null,
      }),
    ),
  );
}
