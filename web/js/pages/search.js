/** The search page: a query with filters, ranked hits with highlighted snippets. */
import { getJson } from "../api.js";
import { h, highlighted } from "../dom.js";
import { articleHref, count, errorBox, fieldInputs, pager, readQuery } from "../format.js";

const FILTERS = [
  ["entity", "كيان", "اسم أو معرّف، مثل: TUN"],
  ["speaker", "المتحدث", "من قال"],
  ["from", "من تاريخ", "YYYY-MM-DD"],
  ["to", "إلى تاريخ", "YYYY-MM-DD"],
  ["source", "المصدر", "جزء من الرابط أو اسم الموقع"],
];
const PAGE = 20;

export async function searchPage(params) {
  const { query, offset } = readQuery(params, ["q", ...FILTERS.map(([name]) => name)]);
  // Near-duplicates (one wire story reprinted) are one hit unless asked otherwise.
  if (params.get("collapse") === "false") query.collapse = "false";
  const searching = Object.keys(query).length > 0;
  document.title = searching ? `${query.q ?? "بحث"} — مرصد` : "مرصد";

  const [stats, results] = await Promise.all([
    getJson("stats").catch(() => null),
    getJson("search", { ...query, limit: PAGE, offset }).catch((error) => ({ error })),
  ]);
  return [
    searchForm(query),
    stats
      ? h(
          "p",
          { class: "stats" },
          `${count(stats.articles)} مقالًا في ${count(stats.clusters)} قصة · ${count(stats.entities)} كيانًا · ${count(stats.quotes)} اقتباسًا`,
        )
      : null,
    results.error ? errorBox(results.error) : resultList(results, query, offset, searching),
  ];
}

function searchForm(query) {
  const open = FILTERS.some(([name]) => query[name]) || query.collapse === "false";
  return h(
    "form",
    { class: "search-form", action: "/", method: "get", role: "search" },
    h(
      "div",
      { class: "search-row" },
      h("input", {
        type: "search",
        name: "q",
        value: query.q ?? "",
        placeholder: 'ابحث في المقالات: كلمات، "عبارة"، OR',
        "aria-label": "نص البحث",
        autofocus: true,
      }),
      h("button", { type: "submit" }, "بحث"),
    ),
    h(
      "details",
      { class: "filters", open },
      h("summary", null, "تصفية"),
      h(
        "div",
        { class: "filter-grid" },
        fieldInputs(FILTERS, query),
        h(
          "label",
          { class: "check" },
          h("input", {
            type: "checkbox",
            name: "collapse",
            value: "false",
            checked: query.collapse === "false",
          }),
          "كل نسخ القصة الواحدة",
        ),
      ),
    ),
  );
}

function resultList(results, query, offset, searching) {
  if (results.total === 0)
    return h("p", { class: "muted" }, searching ? "لا نتائج." : "المخزن فارغ.");
  const href = (at) => `/?${new URLSearchParams({ ...query, offset: String(at) })}`;
  return h(
    "section",
    { class: "results" },
    h(
      "h2",
      { class: "results-head" },
      searching ? `${count(results.total)} نتيجة` : "أحدث المقالات",
    ),
    h(
      "ol",
      { class: "hits", start: offset + 1 },
      results.hits.map((hit) =>
        h(
          "li",
          { class: "hit" },
          h("a", { class: "hit-title", href: articleHref(hit.id) }, hit.title || hit.source),
          h(
            "div",
            { class: "hit-meta" },
            hit.published ? h("span", { class: "date" }, hit.published) : null,
            h("span", { class: "source", dir: "ltr" }, hit.siteName || hostOf(hit.source)),
            hit.cluster?.size > 1 && query.collapse !== "false"
              ? h(
                  "a",
                  {
                    class: "cluster",
                    title: "اعرض كل نسخ القصص",
                    href: `/?${new URLSearchParams({ ...query, collapse: "false" })}`,
                  },
                  `القصة في ${count(hit.cluster.size)} مقالات`,
                  hit.matches > 1 ? ` (${count(hit.matches)} منها تطابق البحث)` : "",
                )
              : null,
          ),
          hit.snippet
            ? h("p", { class: "snippet" }, highlighted(hit.snippet.text, hit.snippet.highlights))
            : null,
        ),
      ),
    ),
    pager(results.total, offset, PAGE, href),
  );
}

function hostOf(source) {
  try {
    return new URL(source).host;
  } catch {
    return source;
  }
}
