/** Analyse a pasted text with POST /api/analyze (nothing is stored) and show it marked up. */
import { annotatedText } from "../annotate.js";
import { postJson } from "../api.js";
import { h, show } from "../dom.js";
import { errorBox } from "../format.js";
import { analysisPanels } from "./article.js";

export async function analyzePage() {
  document.title = "تحليل نص — مرصد";
  const out = h("div", { class: "analyze-out", "aria-live": "polite" });
  const text = h("textarea", {
    name: "text",
    rows: "10",
    required: true,
    placeholder: "الصق نص مقال هنا",
    "aria-label": "نص المقال",
  });
  const date = h("input", { name: "date", placeholder: "YYYY-MM-DD", dir: "ltr" });
  const form = h(
    "form",
    { class: "analyze-form" },
    text,
    h("label", null, "تاريخ النشر ", date),
    h("button", { type: "submit" }, "حلّل"),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    show(out, h("p", { class: "loading" }, "جارٍ التحليل…"));
    try {
      const body = { text: text.value, ...(date.value.trim() ? { date: date.value.trim() } : {}) };
      const analysis = await postJson("analyze", body);
      show(
        out,
        h("article", { class: "article" }, annotatedText(analysis, {})),
        analysisPanels(analysis, {}),
      );
    } catch (error) {
      show(out, errorBox(error));
    }
  });
  return [h("h1", null, "تحليل نص"), form, out];
}
