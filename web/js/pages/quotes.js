/** The quotes explorer: who said what (about whom), filtered by speaker, subject and dates. */
import { getJson } from "../api.js";
import { h } from "../dom.js";
import { errorBox, fieldInputs, quoteCard, readQuery, stepPager } from "../format.js";

const FIELDS = [
  ["speaker", "المتحدث", "اسم أو معرّف"],
  ["about", "عن", "كيان مذكور في الاقتباس"],
  ["from", "من تاريخ", "YYYY-MM-DD"],
  ["to", "إلى تاريخ", "YYYY-MM-DD"],
];
const PAGE = 25;

export async function quotesPage(params) {
  const { query, offset } = readQuery(
    params,
    FIELDS.map(([name]) => name),
  );
  document.title = "الاقتباسات — مرصد";
  const page = await getJson("quotes", { ...query, limit: PAGE, offset }).catch((error) => ({
    error,
  }));
  const href = (at) => `/quotes?${new URLSearchParams({ ...query, offset: String(at) })}`;
  return [
    h("h1", null, "الاقتباسات"),
    h(
      "form",
      { class: "quote-form", action: "/quotes", method: "get" },
      h("div", { class: "filter-grid" }, fieldInputs(FIELDS, query)),
      h("button", { type: "submit" }, "عرض"),
    ),
    page.error
      ? errorBox(page.error)
      : [
          page.quotes.length
            ? h("ol", { class: "quote-cards" }, page.quotes.map(quoteCard))
            : h("p", { class: "muted" }, "لا اقتباسات."),
          stepPager(offset, PAGE, page.more, href),
        ],
  ];
}
