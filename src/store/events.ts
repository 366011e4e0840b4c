/**
 * Events in the store: the SQL that lists them and the shapes it returns. Only realised events
 * are events that happened, and the store lists those unless asked for every status. A story
 * reprinted by five sites reports its events five times: collapsed (the default), the events of
 * one story cluster with the same status, type, source, target and date are one record, taken
 * from the first article of the cluster that reports it, with the number of articles that do.
 * An actor without an entity is told apart by its code where it has one.
 */
import type { EntityType, EventStatus } from "../analysis.js";
import { InputError } from "../errors.js";
import type {
  EntityRef,
  EventActorRecord,
  EventEdge,
  EventNode,
  EventQuery,
  EventRecord,
} from "./types.js";

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const STATUSES: readonly string[] = ["realised", "negated", "future", "hypothetical", "any"];

/** The columns that make two reports one event (with the cluster). */
const SAME_EVENT =
  "cluster, status, type, coalesce(source, '~' || source_code, '~'), coalesce(target, '~' || target_code, '~'), date";

/**
 * `column` between `from` and `to` (YYYY, YYYY-MM or YYYY-MM-DD; a month or year as the upper
 * bound covers all of it); an InputError for anything else.
 */
export function dateRange(
  query: { from?: string | undefined; to?: string | undefined },
  column: string,
  where: string[],
  params: unknown[],
): void {
  if (query.from !== undefined && query.from !== "") {
    where.push(`${column} >= ?`);
    params.push(checkDate(query.from, "from"));
  }
  if (query.to !== undefined && query.to !== "") {
    const to = checkDate(query.to, "to");
    where.push(`${column} <= ?`);
    params.push(to.length === 4 ? `${to}-12-31` : to.length === 7 ? `${to}-31` : to);
  }
}

function checkDate(value: string, name: string): string {
  const trimmed = value.trim();
  if (!PARTIAL_DATE.test(trimmed)) {
    throw new InputError("bad-option", `${name}: "${value}" is not a date (expected YYYY-MM-DD)`);
  }
  return trimmed;
}

/** Filters on the events table (alias ev); the entity keys are resolved by the caller. */
export function eventFilters(
  query: EventQuery,
  entityKeys: readonly string[] | undefined,
): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const status = query.status ?? "realised";
  if (!STATUSES.includes(status)) {
    throw new InputError(
      "bad-option",
      `status: "${status}" is none of realised, negated, future, hypothetical, any`,
    );
  }
  if (status !== "any") {
    where.push("ev.status = ?");
    params.push(status);
  }
  if (entityKeys !== undefined) {
    const marks = entityKeys.map(() => "?").join(", ");
    where.push(`(ev.source IN (${marks}) OR ev.target IN (${marks}))`);
    params.push(...entityKeys, ...entityKeys);
  }
  if (query.type !== undefined && query.type.trim() !== "") {
    where.push("ev.type = ?");
    params.push(query.type.trim().toUpperCase());
  }
  dateRange(query, "ev.date", where, params);
  return { where, params };
}

/**
 * `WITH g AS (...)`: the filtered events, each with `reports` and `rank` (1 for the record that
 * stands for its event; every row is 1 when not collapsed).
 */
export function rankedEvents(where: readonly string[], collapse: boolean): string {
  const filtered = `SELECT ev.rowid AS rid, ev.article AS article, coalesce(ev.idx, 0) AS idx,
      ev.type AS type, ev.mode AS mode, ev.status AS status, ev.background AS background,
      ev.source AS source, ev.target AS target, ev.source_code AS source_code,
      ev.source_sector AS source_sector, ev.source_text AS source_text,
      ev.target_code AS target_code, ev.target_sector AS target_sector,
      ev.target_text AS target_text, ev.date AS date, ev.place AS place,
      ev.trigger_text AS trigger_text, ev.text AS text, ev.confidence AS confidence,
      a.cluster AS cluster
    FROM events ev JOIN articles a ON a.id = ev.article
    ${where.length ? `WHERE ${where.join(" AND ")}` : ""}`;
  if (!collapse) return `WITH g AS (SELECT f.*, 1 AS reports, 1 AS rank FROM (${filtered}) f)`;
  return `WITH f AS (${filtered}),
    r AS (SELECT f.*, row_number() OVER (PARTITION BY ${SAME_EVENT}, article ORDER BY idx, rid) AS once FROM f),
    g AS (SELECT r.*,
      row_number() OVER (PARTITION BY ${SAME_EVENT} ORDER BY article, idx, rid) AS rank,
      sum(CASE WHEN once = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY ${SAME_EVENT}) AS reports
      FROM r)`;
}

/** The records of `rankedEvents`, with their article and entity names. */
export function eventRecordsSql(order: "date" | "article"): string {
  const by =
    order === "article"
      ? "g.article, g.idx"
      : "g.date IS NULL, g.date DESC, a.published DESC NULLS LAST, g.article DESC, g.idx";
  return `SELECT g.*, a.source AS a_source, a.title AS a_title, a.published AS a_published,
      a.site AS a_site, a.url AS a_url, c.size AS size,
      se.type AS source_type, se.name AS source_name, te.type AS target_type,
      te.name AS target_name, pe.type AS place_type, pe.name AS place_name
    FROM g JOIN articles a ON a.id = g.article JOIN clusters c ON c.id = a.cluster
      LEFT JOIN entities se ON se.key = g.source LEFT JOIN entities te ON te.key = g.target
      LEFT JOIN entities pe ON pe.key = g.place
    WHERE g.rank = 1 ORDER BY ${by} LIMIT ? OFFSET ?`;
}

export interface EventRow {
  rid: number;
  article: number;
  idx: number;
  type: string;
  mode: string | null;
  status: EventStatus;
  background: number;
  source: string | null;
  target: string | null;
  source_code: string | null;
  source_sector: string | null;
  source_text: string | null;
  target_code: string | null;
  target_sector: string | null;
  target_text: string | null;
  date: string | null;
  place: string | null;
  trigger_text: string | null;
  text: string | null;
  confidence: number | null;
  cluster: number;
  reports: number;
  a_source: string;
  a_title: string | null;
  a_published: string | null;
  a_site: string | null;
  a_url: string | null;
  size: number;
  source_type: EntityType | null;
  source_name: string | null;
  target_type: EntityType | null;
  target_name: string | null;
  place_type: EntityType | null;
  place_name: string | null;
}

export function eventRecordOf(row: EventRow): EventRecord {
  const place = entityRef(row.place, row.place_type, row.place_name);
  return {
    id: `${row.article}-${row.idx}`,
    article: {
      id: row.article,
      source: row.a_source,
      ...(row.a_title !== null ? { title: row.a_title } : {}),
      ...(row.a_published !== null ? { published: row.a_published } : {}),
      ...(row.a_site !== null ? { siteName: row.a_site } : {}),
      cluster: { id: row.cluster, size: row.size },
      ...(row.a_url !== null ? { url: row.a_url } : {}),
    },
    index: row.idx,
    type: row.type,
    ...(row.mode !== null ? { mode: row.mode } : {}),
    status: row.status,
    background: row.background === 1,
    source: actorOf(
      entityRef(row.source, row.source_type, row.source_name),
      row.source_code,
      row.source_sector,
      row.source_text,
    ),
    target: actorOf(
      entityRef(row.target, row.target_type, row.target_name),
      row.target_code,
      row.target_sector,
      row.target_text,
    ),
    ...(row.date !== null ? { date: row.date } : {}),
    ...(place ? { place } : {}),
    ...(row.trigger_text !== null ? { trigger: row.trigger_text } : {}),
    ...(row.text !== null ? { text: row.text } : {}),
    ...(row.confidence !== null ? { confidence: row.confidence } : {}),
    reports: row.reports,
  };
}

function entityRef(
  key: string | null,
  type: EntityType | null,
  name: string | null,
): EntityRef | undefined {
  if (key === null) return undefined;
  return { key, type: type ?? "MISC", name: name ?? key };
}

function actorOf(
  entity: EntityRef | undefined,
  code: string | null,
  sector: string | null,
  text: string | null,
): EventActorRecord | null {
  if (!entity && code === null && sector === null && text === null) return null;
  return {
    ...(entity ? { entity } : {}),
    ...(code !== null ? { code } : {}),
    ...(sector !== null ? { sector } : {}),
    ...(text !== null ? { text } : {}),
  };
}

/** The actor network of a set of events: nodes by entity (or unnamed actor), edges by pair. */
export function eventNetwork(events: readonly EventRecord[]): {
  nodes: EventNode[];
  edges: EventEdge[];
} {
  const nodes = new Map<string, EventNode>();
  const edges = new Map<string, EventEdge>();
  const nodeOf = (actor: EventActorRecord | null): EventNode | undefined => {
    if (!actor) return undefined;
    const id = actor.entity?.key ?? (actor.code ? `~${actor.code}` : undefined);
    const name = actor.entity?.name ?? actor.text ?? actor.code;
    if (id === undefined || name === undefined) return undefined;
    let node = nodes.get(id);
    if (!node) {
      node = {
        id,
        name,
        ...(actor.entity ? { key: actor.entity.key, type: actor.entity.type } : {}),
        ...(actor.code ? { code: actor.code } : {}),
        events: 0,
      };
      nodes.set(id, node);
    }
    return node;
  };
  for (const ev of events) {
    const from = nodeOf(ev.source);
    const to = nodeOf(ev.target);
    if (from) from.events++;
    if (to && to !== from) to.events++;
    if (!from || !to || from === to) continue;
    const id = `${from.id}\u0000${to.id}`;
    let edge = edges.get(id);
    if (!edge) {
      edge = { source: from.id, target: to.id, count: 0, types: [] };
      edges.set(id, edge);
    }
    edge.count++;
    const kind = edge.types.find((t) => t.type === ev.type);
    if (kind) kind.count++;
    else edge.types.push({ type: ev.type, count: 1 });
  }
  for (const edge of edges.values()) {
    edge.types.sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  }
  const byCount = <T extends { count?: number; events?: number }>(a: T, b: T) =>
    (b.count ?? b.events ?? 0) - (a.count ?? a.events ?? 0);
  return {
    nodes: [...nodes.values()].sort(byCount),
    edges: [...edges.values()].sort(byCount),
  };
}
