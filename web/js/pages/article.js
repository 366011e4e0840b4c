/** An article: its text with facts marked, then lists of quotes, entities, times and events. */
import { annotatedText } from "../annotate.js";
import { getJson } from "../api.js";
import { h, safeHref } from "../dom.js";
import { actorCode, eventFlags, eventTypeBadge, statusOf } from "../events.js";
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
    (analysis.events ?? []).length ? eventPanel(analysis, entityLabel) : null,
  );
}

/**
 * The article's events, in order: type, mode, who → whom with their codes, date, place; those
 * that did not happen (negated, future, hypothetical) dimmed and marked, background flagged.
 */
function eventPanel(analysis, entityLabel) {
  const events = analysis.events;
  const realised = events.filter((ev) => statusOf(ev) === "realised").length;
  const actor = (id, words) => {
    const name = id ? entityLabel(id) : (words?.text ?? "؟");
    return [id ? name : h("span", { class: "actor unnamed" }, name), actorCode(words)];
  };
  return h(
    "section",
    { class: "panel", id: "events" },
    h(
      "h2",
      null,
      realised === events.length
        ? `الأحداث (${count(events.length)})`
        : `الأحداث (${count(events.length)}، وقع منها ${count(realised)})`,
    ),
    h(
      "ul",
      { class: "event-list" },
      events.map((ev, i) =>
        h(
          "li",
          { id: `event-${i}`, class: `event status-${statusOf(ev)}` },
          eventTypeBadge(ev.type),
          ev.mode ? h("span", { class: "event-mode", dir: "ltr" }, ev.mode) : null,
          h(
            "span",
            { class: "actors" },
            actor(ev.source, ev.sourceActor),
            ev.target || ev.targetActor ? [" ← ", actor(ev.target, ev.targetActor)] : null,
          ),
          ev.date ? h("span", { class: "date", dir: "ltr" }, ev.date) : null,
          ev.place ? h("span", { class: "place" }, "في ", entityLabel(ev.place)) : null,
          eventFlags(ev),
          ev.trigger?.text ? h("span", { class: "trigger" }, `«${ev.trigger.text}»`) : null,
          ev.text || Number.isInteger(ev.start)
            ? h(
                "div",
                { class: "evidence" },
                ev.text ?? (analysis.text ?? "").slice(ev.start, ev.end),
              )
            : null,
        ),
      ),
    ),
  );
}
