/** The UI's entry: picks the page for the path and renders it into <main>. */
import { ApiError } from "./api.js";
import { h, show } from "./dom.js";
import { errorBox } from "./format.js";
import { analyzePage } from "./pages/analyze.js";
import { articlePage } from "./pages/article.js";
import { entityPage } from "./pages/entity.js";
import { quotesPage } from "./pages/quotes.js";
import { searchPage } from "./pages/search.js";

function route(path, params) {
  if (path === "/") return searchPage(params);
  if (path === "/quotes") return quotesPage(params);
  if (path === "/analyze") return analyzePage();
  const article = /^\/articles\/(\d+)$/.exec(path);
  if (article) return articlePage(article[1]);
  const entity = /^\/entities\/([^/]+)$/.exec(path);
  if (entity) return entityPage(decodeURIComponent(entity[1]));
  return Promise.reject(new ApiError(404, "الصفحة غير موجودة."));
}

async function render() {
  const main = document.getElementById("main");
  try {
    show(main, await route(location.pathname, new URLSearchParams(location.search)));
    document.body.dataset.state = "ready";
    performance.mark("marsad:ready"); // time to a rendered page, for measurements
    // A #quote-N fragment points into content that did not exist at load time.
    if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  } catch (error) {
    const notFound = error instanceof ApiError && error.status === 404;
    show(main, notFound ? h("h1", null, "غير موجود") : null, errorBox(error));
    document.body.dataset.state = "error";
  }
}

render();
