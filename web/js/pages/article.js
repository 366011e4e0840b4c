/** An article: its text with facts marked, then lists of quotes, entities, times and events. */
import { annotatedText } from "../annotate.js";
import { getJson } from "../api.js";
import { h, safeHref } from "../dom.js";
import {
  count,
  entityHref,
  KIND_LABELS,
  searchHref,
  speakerBadge,
  TIME_TYPES,
  TYPE_LABELS,
  typeBadge,
} from "../format.js";

export async function articlePage(id) {
  const record = await getJson(`articles/${encodeURIComponent(id)}`);
  const analysis = record.analysis;
  const title = record.title || analysis.meta?.title || `مقال ${record.id}`;
  document.title = `${title} — مرصد`;
  return [
    h("h1", { class: "article-title" }, title),
    articleMeta(record),
    legend(),
    h("article", { class: "article" }, annotatedText(analysis, record.entityKeys ?? {})),
    analysisPanels(analysis, record.entityKeys ?? {}),
  ];
}

export function articleMeta(record) {
  const meta = record.analysis?.meta ?? {};
  // The page's address: the source itself for fetched pages, else the URL the input named.
  const address = [record.source, meta.url].find((a) => safeHref(a ?? ""));
  const cluster = record.cluster;
  return h(
    "div",
    { class: "article-meta" },
    record.published || meta.published
      ? h("span", { class: "date" }, record.published || meta.published)
      : null,
    record.siteName || meta.siteName ? h("span", null, record.siteName || meta.siteName) : null,
    address
      ? h(
          "a",
          {
            href: safeHref(address),
            rel: "noopener noreferrer nofollow",
            target: "_blank",
            dir: "ltr",
          },
          address,
        )
      : null,
    record.source && record.source !== address
      ? h("span", { class: "source", dir: "ltr" }, record.source)
      : null,
    cluster && cluster.size > 1
      ? h(
          "span",
          { class: "cluster", title: `قصة رقم ${cluster.id}` },
          `القصة نفسها في ${count(cluster.size)} مقالات`,
        )
      : null,
  );
}

function legend() {
  return h(
    "div",
    { class: "legend", "aria-label": "دليل الألوان" },
    ...Object.entries(TYPE_LABELS).map(([type, label]) =>
      h("span", { class: `ent type-${type}` }, label),
    ),
    h("span", { class: "quote kind-direct" }, "اقتباس"),
    h("span", { class: "time" }, "زمن (التاريخ عند التمرير)"),
  );
}

/** Quotes, entities, times and events of an analysis, each as a list. */
export function analysisPanels(analysis, keys) {
  const byId = new Map((analysis.entities ?? []).map((e) => [e.id, e]));
  const ref = (id) => {
    const e = byId.get(id);
    return e ? { key: keys[e.id], type: e.type, name: e.name } : null;
  };
  const entityLabel = (id) => {
    const e = byId.get(id);
    if (!e) return id ?? "؟";
    return keys[e.id] ? h("a", { href: entityHref(keys[e.id]) }, e.name) : e.name;
  };
  const quotes = analysis.quotes ?? [];
  const entities = [...(analysis.entities ?? [])].sort(
    (a, b) => (b.mentions?.length ?? 0) - (a.mentions?.length ?? 0),
  );
  return h(
    "div",
    { class: "panels" },
    h(
      "section",
      { class: "panel" },
      h("h2", null, `الاقتباسات (${quotes.length})`),
      quotes.length
        ? h(
            "ol",
            { class: "quote-list" },
            quotes.map((q, i) =>
              h(
                "li",
                null,
                speakerBadge(
                  ref(q.speaker)?.key ? ref(q.speaker) : null,
                  byId.get(q.speaker)?.name ?? q.speakerText,
                ),
                h("span", { class: `kind kind-${q.kind}` }, KIND_LABELS[q.kind] ?? q.kind),
                h(
                  "a",
                  { href: `#quote-${i}`, class: "quote-link" },
                  q.text ?? analysis.text.slice(q.start, q.end),
                ),
              ),
            ),
          )
        : h("p", { class: "muted" }, "لا اقتباسات."),
    ),
    h(
      "section",
      { class: "panel" },
      h("h2", null, `الكيانات (${entities.length})`),
      h(
        "ul",
        { class: "entity-list" },
        entities.map((e) =>
          h(
            "li",
            null,
            typeBadge(e.type),
            keys[e.id] ? h("a", { href: entityHref(keys[e.id]) }, e.name) : e.name,
            e.nameEn ? h("span", { class: "muted", dir: "ltr" }, e.nameEn) : null,
            h("span", { class: "n" }, `×${e.mentions?.length ?? 0}`),
            keys[e.id]
              ? h("a", { class: "small", href: searchHref({ entity: keys[e.id] }) }, "مقالات")
              : null,
          ),
        ),
      ),
    ),
    (analysis.times ?? []).length
      ? h(
          "section",
          { class: "panel" },
          h("h2", null, "الأزمنة"),
          h(
            "ul",
            { class: "time-list" },
            analysis.times.map((t) =>
              h(
                "li",
                null,
                h("span", { class: "time" }, t.text),
                " ← ",
                h("span", { dir: "ltr" }, t.resolved ?? t.value),
                h("span", { class: "muted" }, TIME_TYPES[t.type] ?? t.type),
              ),
            ),
          ),
        )
      : null,
    (analysis.events ?? []).length
      ? h(
          "section",
          { class: "panel" },
          h("h2", null, "الأحداث"),
          h(
            "ul",
            { class: "event-list" },
            analysis.events.map((ev) =>
              h(
                "li",
                null,
                h("span", { class: "event-type", dir: "ltr" }, ev.type),
                ev.source ? entityLabel(ev.source) : null,
                ev.target ? [" ← ", entityLabel(ev.target)] : null,
                ev.date ? h("span", { class: "date" }, ev.date) : null,
                ev.text ? h("div", { class: "muted" }, ev.text) : null,
              ),
            ),
          ),
        )
      : null,
  );
}
