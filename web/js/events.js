/**
 * Events in the UI: labels, one event as a line, an entity's timeline, and the actor network of
 * who acts on whom as an inline SVG drawn here (nodes on a ring around the entity, one curved
 * arrow per direction, labelled with the event types and their counts).
 */
import { h, s } from "./dom.js";
import { articleHref, count, cssType, entityHref } from "./format.js";

/** PLOVER 0.8 event types in Arabic. */
export const EVENT_LABELS = {
  AGREE: "اتفاق",
  CONSULT: "تشاور",
  SUPPORT: "تأييد",
  CONCEDE: "تنازل",
  COOPERATE: "تعاون",
  AID: "مساعدة",
  RETREAT: "انسحاب",
  REQUEST: "طلب",
  ACCUSE: "اتهام",
  REJECT: "رفض",
  THREATEN: "تهديد",
  PROTEST: "احتجاج",
  SANCTION: "عقوبة",
  MOBILIZE: "تعبئة",
  COERCE: "إكراه",
  ASSAULT: "اعتداء",
};

/** Whether the event happened: only realised events count as events that did. */
export const STATUS_LABELS = {
  realised: "وقع",
  negated: "لم يقع",
  future: "مرتقب",
  hypothetical: "افتراضي",
};

const STATUSES = new Set(Object.keys(STATUS_LABELS));

export function statusOf(ev) {
  // analyses written before the field existed listed events that happened
  return STATUSES.has(ev?.status) ? ev.status : "realised";
}

/** The type as its PLOVER code, with the Arabic name on hover. */
export function eventTypeBadge(type) {
  return h(
    "span",
    { class: "event-type", dir: "ltr", title: EVENT_LABELS[type] ?? type },
    String(type),
  );
}

/** The PLOVER code of an actor, e.g. RUS GOV. */
export function actorCode(actor) {
  const code = [actor?.code, actor?.sector].filter((x) => typeof x === "string" && x).join(" ");
  return code ? h("span", { class: "actor-code", dir: "ltr" }, code) : null;
}

/**
 * An actor of a stored event (EventActorRecord): a link to its entity, or its words; with its
 * code. `self`: the key of the page's entity, shown in bold rather than linked.
 */
export function storedActor(actor, self) {
  if (!actor) return h("span", { class: "actor none" }, "—");
  const entity = actor.entity;
  const name = entity?.name ?? actor.text ?? actor.code ?? "؟";
  const label = entity?.key
    ? entity.key === self
      ? h("strong", { class: "actor self" }, name)
      : h("a", { class: "actor", href: entityHref(entity.key) }, name)
    : h("span", { class: "actor unnamed", title: "فاعل غير مسمى" }, name);
  return [label, actorCode(actor)];
}

/** The flags of an event: its status unless realised, and background. */
export function eventFlags(ev) {
  const status = statusOf(ev);
  return [
    status !== "realised"
      ? h("span", { class: `event-status status-${status}` }, STATUS_LABELS[status])
      : null,
    ev.background
      ? h("span", { class: "event-flag background", title: "سياق لا خبر" }, "خلفية")
      : null,
  ];
}

/** One stored event on an entity's timeline. */
export function timelineItem(ev, self) {
  const article = ev.article ?? {};
  return h(
    "li",
    { class: `event status-${statusOf(ev)}`, "data-type": ev.type },
    h("span", { class: "date", dir: "ltr" }, ev.date ?? "—"),
    eventTypeBadge(ev.type),
    ev.mode ? h("span", { class: "event-mode", dir: "ltr" }, ev.mode) : null,
    h(
      "span",
      { class: "actors" },
      storedActor(ev.source, self),
      " ← ",
      storedActor(ev.target, self),
    ),
    ev.place ? h("span", { class: "place" }, "في ", placeLabel(ev.place)) : null,
    eventFlags(ev),
    ev.text ? h("div", { class: "evidence" }, ev.text) : null,
    h(
      "div",
      { class: "event-source" },
      h(
        "a",
        { href: `${articleHref(article.id)}#event-${Number(ev.index)}` },
        article.title || article.source || `مقال ${article.id}`,
      ),
      article.published ? h("span", { class: "date" }, article.published) : null,
      Number(ev.reports) > 1
        ? h(
            "span",
            { class: "reports", title: "مقالات القصة نفسها التي أوردته" },
            `في ${count(ev.reports)} مقالات`,
          )
        : null,
    ),
  );
}

function placeLabel(place) {
  return place.key ? h("a", { href: entityHref(place.key) }, place.name) : place.name;
}

/** Dated events as a timeline (newest first), undated ones in a list of their own. */
export function eventTimeline(events, self) {
  const dated = (events ?? []).filter((ev) => typeof ev.date === "string" && ev.date);
  const undated = (events ?? []).filter((ev) => !(typeof ev.date === "string" && ev.date));
  dated.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return [
    dated.length
      ? h(
          "ol",
          { class: "event-timeline", "aria-label": "الأحداث بحسب تاريخها" },
          dated.map((ev) => timelineItem(ev, self)),
        )
      : null,
    undated.length
      ? [
          h("h3", null, `بلا تاريخ (${count(undated.length)})`),
          h(
            "ol",
            { class: "event-timeline undated", "aria-label": "أحداث بلا تاريخ" },
            undated.map((ev) => timelineItem(ev, self)),
          ),
        ]
      : null,
  ];
}

// ---------------------------------------------------------------------------------------------
// The actor network

const WIDTH = 720;
const HEIGHT = 420;
const NODE_R = 8;
const CENTRE_R = 12;
const MAX_NODES = 13;

/**
 * Positions for the network (pure: no DOM). The entity `centreId` in the middle, the other
 * nodes (the most active first, at most MAX_NODES in all) on an ellipse around it; each edge a
 * quadratic curve bowed to its right, so that A→B and B→A do not overlap, ending at the node's
 * rim; each node's name away from the centre. Returns { nodes, edges, hidden, viewBox }: hidden
 * counts the nodes left out, the viewBox fits the nodes drawn.
 */
export function layoutNetwork(network, centreId, max = MAX_NODES) {
  const all = [...(network?.nodes ?? [])].sort((a, b) => (b.events ?? 0) - (a.events ?? 0));
  const centre = all.find((n) => n.id === centreId);
  const others = all.filter((n) => n.id !== centreId).slice(0, max - (centre ? 1 : 0));
  const placed = new Map();
  const cx = WIDTH / 2;
  const cy = HEIGHT / 2;
  if (centre) placed.set(centre.id, { ...centre, x: cx, y: cy, r: CENTRE_R, centre: true });
  others.forEach((n, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, others.length);
    placed.set(n.id, {
      ...n,
      x: cx + (WIDTH / 2 - 110) * Math.cos(angle),
      y: cy + (HEIGHT / 2 - 60) * Math.sin(angle),
      r: NODE_R,
      centre: false,
    });
  });
  const edges = [];
  for (const edge of network?.edges ?? []) {
    const a = placed.get(edge.source);
    const b = placed.get(edge.target);
    if (!a || !b || a === b) continue;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length = Math.hypot(dx, dy) || 1;
    // control point: off the midpoint, to the right of the direction of travel
    const bow = Math.min(40, length / 4);
    const qx = (a.x + b.x) / 2 - (dy / length) * bow;
    const qy = (a.y + b.y) / 2 + (dx / length) * bow;
    const start = towards(a, { x: qx, y: qy }, a.r + 2);
    const end = towards(b, { x: qx, y: qy }, b.r + 4);
    edges.push({
      ...edge,
      path: `M${fixed(start.x)},${fixed(start.y)} Q${fixed(qx)},${fixed(qy)} ${fixed(end.x)},${fixed(end.y)}`,
      // the curve's midpoint
      labelAt: { x: (a.x + 2 * qx + b.x) / 4, y: (a.y + 2 * qy + b.y) / 4 },
      label: (edge.types ?? [])
        .map((t) => (t.count > 1 ? `${t.type}×${t.count}` : t.type))
        .join(" "),
    });
  }
  const nodes = [...placed.values()];
  for (const node of nodes) {
    // the name away from the centre, where no arrow arrives: above the upper nodes
    const above = !node.centre && node.y < cy - 1;
    node.labelAt = { x: node.x, y: above ? node.y - node.r - 8 : node.y + node.r + 16 };
  }
  // as tall as the nodes and their names need
  const ys = nodes.flatMap((n) => [n.y - n.r, n.labelAt.y - 14, n.labelAt.y + 4]);
  const top = Math.floor(Math.min(cy, ...ys) - 12);
  const bottom = Math.ceil(Math.max(cy, ...ys) + 12);
  return {
    nodes,
    edges,
    hidden: all.length - placed.size,
    viewBox: `0 ${top} ${WIDTH} ${bottom - top}`,
  };
}

/** The point at `distance` from `from` towards `to`. */
function towards(from, to, distance) {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  return { x: from.x + (dx / length) * distance, y: from.y + (dy / length) * distance };
}

function fixed(n) {
  return n.toFixed(1);
}

/** The network as an SVG; entity nodes link to their pages. */
export function actorNetwork(network, centreId, label) {
  const layout = layoutNetwork(network, centreId);
  const svg = s("svg", {
    class: "network",
    viewBox: layout.viewBox,
    role: "img",
    "aria-label": label,
  });
  svg.append(
    s(
      "defs",
      null,
      s(
        "marker",
        {
          id: "arrow",
          viewBox: "0 0 10 10",
          refX: "9",
          refY: "5",
          markerWidth: "7",
          markerHeight: "7",
          orient: "auto-start-reverse",
        },
        s("path", { d: "M0,0 L10,5 L0,10 z", class: "arrow-head" }),
      ),
    ),
  );
  for (const edge of layout.edges) {
    svg.append(
      s(
        "g",
        { class: "edge", "data-source": edge.source, "data-target": edge.target },
        s("path", { d: edge.path, "marker-end": "url(#arrow)", "stroke-width": edgeWidth(edge) }),
        s(
          "text",
          { x: fixed(edge.labelAt.x), y: fixed(edge.labelAt.y - 4), "text-anchor": "middle" },
          edge.label,
        ),
        s("title", null, edgeTitle(edge, layout.nodes)),
      ),
    );
  }
  for (const node of layout.nodes) {
    const shape = [
      s("circle", { cx: fixed(node.x), cy: fixed(node.y), r: node.r }),
      s(
        "text",
        { x: fixed(node.labelAt.x), y: fixed(node.labelAt.y), "text-anchor": "middle" },
        node.name,
      ),
      s("title", null, `${node.name}: ${count(node.events)}`),
    ];
    const cls = `node type-${node.type ? cssType(node.type) : "none"}${node.centre ? " centre" : ""}`;
    svg.append(
      node.key && !node.centre
        ? s("a", { class: cls, href: entityHref(node.key), "data-id": node.id }, shape)
        : s("g", { class: cls, "data-id": node.id }, shape),
    );
  }
  return [
    svg,
    layout.hidden > 0
      ? h("p", { class: "muted small" }, `و${count(layout.hidden)} فاعلين آخرين لا يتسع لهم الرسم.`)
      : null,
  ];
}

function edgeWidth(edge) {
  return (1 + Math.min(4, Math.log2(Math.max(1, edge.count ?? 1)))).toFixed(1);
}

function edgeTitle(edge, nodes) {
  const name = (id) => nodes.find((n) => n.id === id)?.name ?? id;
  const kinds = (edge.types ?? [])
    .map((t) => `${EVENT_LABELS[t.type] ?? t.type} ${count(t.count)}`)
    .join("، ");
  return `${name(edge.source)} ← ${name(edge.target)}: ${kinds}`;
}
