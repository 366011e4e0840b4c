/** Mentions over time as an inline SVG bar chart (one bar per month, gaps filled with 0). */
import { s } from "./dom.js";

const WIDTH = 720;
const HEIGHT = 200;
const PAD = { top: 16, right: 12, bottom: 40, left: 44 };

/** timeline: [{ month: "YYYY-MM", mentions }] oldest first. */
export function timelineChart(timeline, label) {
  const months = fillMonths(timeline ?? []);
  const chart = s("svg", {
    class: "chart",
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: "img",
    "aria-label": label,
  });
  if (months.length === 0) return chart;
  const max = Math.max(1, ...months.map((m) => m.mentions));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const step = plotW / months.length;
  const barW = Math.max(1, Math.min(step * 0.8, 36));
  const y = (v) => PAD.top + plotH - (v / max) * plotH;

  for (const v of [0, Math.round(max / 2), max]) {
    chart.append(
      s("line", { class: "grid", x1: PAD.left, x2: WIDTH - PAD.right, y1: y(v), y2: y(v) }),
      s("text", { class: "axis", x: PAD.left - 6, y: y(v) + 4, "text-anchor": "end" }, String(v)),
    );
  }
  const every = Math.ceil(months.length / 12);
  months.forEach((m, i) => {
    const x = PAD.left + i * step + (step - barW) / 2;
    chart.append(
      s(
        "rect",
        {
          class: "bar",
          x: x.toFixed(1),
          y: y(m.mentions).toFixed(1),
          width: barW.toFixed(1),
          height: (PAD.top + plotH - y(m.mentions)).toFixed(1),
          "data-month": m.month,
        },
        s("title", null, `${m.month}: ${m.mentions}`),
      ),
    );
    if (i % every === 0) {
      chart.append(
        s(
          "text",
          {
            class: "axis",
            x: (x + barW / 2).toFixed(1),
            y: HEIGHT - PAD.bottom + 16,
            "text-anchor": "middle",
          },
          m.month,
        ),
      );
    }
  });
  return chart;
}

/** Every month from the first to the last, with 0 where the timeline has none. */
export function fillMonths(timeline) {
  const valid = timeline.filter((t) => /^\d{4}-\d{2}$/.test(t.month));
  if (valid.length === 0) return [];
  const counts = new Map(valid.map((t) => [t.month, Number(t.mentions) || 0]));
  const sorted = [...counts.keys()].sort();
  const [y0, m0] = sorted[0].split("-").map(Number);
  const [y1, m1] = sorted[sorted.length - 1].split("-").map(Number);
  const out = [];
  // At most 50 years of months, whatever the data says.
  for (let y = y0, m = m0; (y < y1 || (y === y1 && m <= m1)) && out.length < 600; m++) {
    if (m > 12) {
      m = 1;
      y++;
      if (y > y1) break;
    }
    const month = `${y}-${String(m).padStart(2, "0")}`;
    out.push({ month, mentions: counts.get(month) ?? 0 });
  }
  return out;
}
