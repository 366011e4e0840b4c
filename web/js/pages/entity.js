/**
 * An entity's page: profile, mentions over time, its events (a timeline and who acts on whom),
 * quotes by and about it, co-occurring actors.
 */
import { getJson } from "../api.js";
import { timelineChart } from "../chart.js";
import { h } from "../dom.js";
import { actorNetwork, eventTimeline } from "../events.js";
import { count, entityHref, errorBox, quoteCard, searchHref, typeBadge } from "../format.js";

export async function entityPage(key) {
  const path = `entities/${encodeURIComponent(key)}`;
  // the events are the page's second part: if they fail, the profile still shows
  const [profile, events] = await Promise.all([
    getJson(path),
    getJson(`${path}/events`).catch((error) => ({ error })),
  ]);
  document.title = `${profile.name} — مرصد`;
  const kb = profile.kb;
  const wikidata = /^Q\d+$/.test(kb?.wikidata ?? "") ? kb.wikidata : null;
  return [
    h(
      "header",
      { class: "entity-head" },
      h("h1", null, profile.name, " ", typeBadge(profile.type)),
      profile.nameEn ? h("p", { class: "muted", dir: "ltr" }, profile.nameEn) : null,
      h(
        "p",
        { class: "stats" },
        `${count(profile.articles)} مقالًا · ${count(profile.mentions)} إشارة · `,
        h("a", { href: searchHref({ entity: profile.key }) }, "المقالات"),
        " · ",
        h("a", { href: `/quotes?${new URLSearchParams({ speaker: profile.key })}` }, "أقواله"),
      ),
      kb
        ? h(
            "p",
            { class: "kb", dir: "ltr" },
            `KB: ${kb.id}`,
            wikidata
              ? [
                  " · ",
                  h(
                    "a",
                    {
                      href: `https://www.wikidata.org/wiki/${wikidata}`,
                      rel: "noopener noreferrer",
                      target: "_blank",
                    },
                    wikidata,
                  ),
                ]
              : null,
            kb.cameo ? ` · CAMEO ${kb.cameo}` : null,
            kb.iso ? ` · ISO ${kb.iso}` : null,
          )
        : null,
    ),
    h(
      "section",
      { class: "panel" },
      h("h2", null, "الإشارات عبر الزمن"),
      profile.timeline?.length
        ? timelineChart(profile.timeline, `إشارات ${profile.name} شهريًا`)
        : h("p", { class: "muted" }, "لا تواريخ."),
    ),
    eventsSection(profile, events),
    h(
      "div",
      { class: "panels" },
      quoteSection("أقوال", "quotes-by", profile.quotesBy, { speaker: profile.key }),
      quoteSection("قيل عنه", "quotes-about", profile.quotesAbout, { about: profile.key }),
      h(
        "section",
        { class: "panel", id: "cooccurring" },
        h("h2", null, "يُذكر معه"),
        profile.cooccurring?.length
          ? h(
              "ul",
              { class: "chips" },
              profile.cooccurring.map((e) =>
                h(
                  "li",
                  null,
                  h("a", { class: `chip type-${e.type}`, href: entityHref(e.key) }, e.name),
                  h("span", { class: "n", title: "مقالات مشتركة" }, count(e.articles)),
                ),
              ),
            )
          : h("p", { class: "muted" }, "لا أحد."),
      ),
    ),
  ];
}

const SHOWN_QUOTES = 8;

/** The newest quotes, and a link to all of them in the quotes explorer. */
function quoteSection(title, id, quotes, filter) {
  const list = quotes ?? [];
  return h(
    "section",
    { class: "panel", id },
    h("h2", null, title),
    list.length
      ? h("ol", { class: "quote-cards" }, list.slice(0, SHOWN_QUOTES).map(quoteCard))
      : h("p", { class: "muted" }, "لا شيء."),
    list.length > SHOWN_QUOTES
      ? h("a", { class: "more", href: `/quotes?${new URLSearchParams(filter)}` }, "كل الاقتباسات ←")
      : null,
  );
}

/**
 * The entity's events as source or target: only those that happened (realised), each once per
 * story however many reprints report it. The network of who acts on whom, then the timeline.
 */
function eventsSection(profile, data) {
  const title = (n) => h("h2", null, n === undefined ? "الأحداث" : `الأحداث (${count(n)})`);
  if (!data || data.error) {
    return h("section", { class: "panel", id: "events" }, title(), errorBox(data?.error));
  }
  const events = data.events ?? [];
  if (events.length === 0) {
    return h(
      "section",
      { class: "panel", id: "events" },
      title(0),
      h("p", { class: "muted" }, "لا أحداث وقعت."),
    );
  }
  const network = data.network ?? { nodes: [], edges: [] };
  return h(
    "section",
    { class: "panel", id: "events" },
    title(data.total),
    h(
      "p",
      { class: "muted small" },
      "الأحداث التي وقعت فعلًا، والحدث الذي تعيد المواقع نشره يُعدّ مرة واحدة.",
    ),
    network.edges?.length
      ? h(
          "figure",
          { class: "network-figure" },
          h("figcaption", null, "من يفعل ماذا بمن"),
          actorNetwork(network, profile.key, `شبكة أحداث ${profile.name}`),
        )
      : null,
    eventTimeline(events, profile.key),
    data.total > events.length
      ? h("p", { class: "muted small" }, `أحدث ${count(events.length)} من ${count(data.total)}.`)
      : null,
  );
}
