/**
 * Events in the store: every field kept, realised events counted once per story cluster,
 * non-realised ones kept but never counted, an entity's timeline and network, and stores of
 * schema version 1 upgraded in place. All analyses are written by hand (test/helpers/events.ts),
 * so none of this depends on what the events stage finds.
 */
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/index.js";
import { MIGRATION_SQL, SCHEMA_VERSION } from "../../src/store/schema.js";
import {
  checkpointAttack,
  handMadeAnalysis,
  jordanEgypt,
  jordanEgyptReprint,
  visitAnalysis,
} from "../helpers/events.js";
import { BACKENDS } from "../helpers/postgres.js";
import {
  consistency,
  expectInputError,
  expectWhole,
  freshTarget,
  storeRows,
  tempDir,
} from "./helpers.js";

type Name = "first" | "reprint" | "visit" | "attack";

describe.each(BACKENDS)("events in the %s store", (backend) => {
  let dir: ReturnType<typeof tempDir>;
  let target: string;
  let store: Store;
  const ids = {} as Record<Name, number>;
  const clusters = {} as Record<Name, number>;
  const drops: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    dir = tempDir();
    const place = await freshTarget(backend, dir.dir, "events");
    drops.push(place.drop);
    target = place.target;
    store = await openStore(target);
    for (const [name, analysis] of [
      ["first", jordanEgypt()],
      ["reprint", jordanEgyptReprint()],
      ["visit", visitAnalysis()],
      ["attack", checkpointAttack()],
    ] as const) {
      const outcome = await store.add(analysis, { key: `/corpus/${name}.txt`, kind: "file" });
      expect(outcome.status).toBe("added");
      ids[name] = outcome.id as number;
      clusters[name] = outcome.cluster?.id as number;
    }
  });

  afterAll(async () => {
    await store?.close();
    for (const drop of drops) await drop();
    dir?.cleanup();
  });

  it("keeps every field of every event, whatever its status", async () => {
    const all = await store.events({ status: "any", collapse: false, limit: 100 });
    expect(all).toHaveLength(9);
    const negated = all.find((e) => e.id === `${ids.first}-2`);
    expect(negated).toMatchObject({ type: "CONSULT", status: "negated", date: "2016-03" });
    const visit = all.find((e) => e.id === `${ids.first}-0`);
    expect(visit).toEqual({
      id: `${ids.first}-0`,
      article: {
        id: ids.first,
        source: "/corpus/first.txt",
        title: "الملك يستقبل شكري",
        published: "2016-03-13",
        siteName: "first.example",
        url: "https://first.example/jordan-egypt",
        cluster: { id: clusters.first, size: 2 },
      },
      index: 0,
      type: "CONSULT",
      mode: "visit",
      status: "realised",
      background: false,
      source: {
        entity: { key: "abdullah-ii", type: "PER", name: "عبد الله الثاني" },
        code: "JOR",
        sector: "GOV",
        text: "العاهل الأردني الملك عبد الله الثاني",
      },
      target: {
        entity: { key: "sameh-shoukry", type: "PER", name: "سامح شكري" },
        code: "EGY",
        sector: "GOV",
        text: "وزير الخارجية المصري سامح شكري",
      },
      date: "2016-03-13",
      place: { key: "amman", type: "LOC", name: "عمان" },
      trigger: "استقبل",
      text: "استقبل العاهل الأردني الملك عبد الله الثاني في عمان يوم الأحد وزير الخارجية المصري سامح شكري",
      confidence: 0.9,
      reports: 1,
    });
    // an unnamed actor keeps its words and sector; an event without a target has none
    const attack = all.find((e) => e.id === `${ids.attack}-0`);
    expect(attack?.source).toEqual({ sector: "UAF", text: "مسلحون مجهولون" });
    const protest = all.find((e) => e.id === `${ids.attack}-1`);
    expect(protest).toMatchObject({ background: true, source: null, target: null, mode: "demo" });
    expect(protest?.date).toBeUndefined();
  });

  it("stores trigger offsets that point at the trigger, and the analysis unchanged", async () => {
    const rows = await storeRows<{
      idx: number;
      trigger_start: number;
      trigger_end: number;
      trigger_text: string;
      start: number;
      end: number;
    }>(
      target,
      `SELECT idx, trigger_start, trigger_end, trigger_text, start, "end" FROM events WHERE article = ? ORDER BY idx`,
      [ids.attack],
    );
    const analysis = checkpointAttack();
    expect(rows.map((r) => r.idx)).toEqual([0, 1]);
    for (const r of rows) {
      expect(analysis.text.slice(r.trigger_start, r.trigger_end)).toBe(r.trigger_text);
      expect(r.start).toBeLessThanOrEqual(r.trigger_start);
      expect(r.end).toBeGreaterThanOrEqual(r.trigger_end);
    }
    expect((await store.article(ids.attack))?.analysis.events).toEqual(analysis.events);
    expectWhole(await consistency(target), backend);
  });

  it("counts a reprinted story's event once, with the number of reports, from its first article", async () => {
    expect(clusters.reprint).toBe(clusters.first); // precondition: one story cluster
    expect(clusters.visit).not.toBe(clusters.first);
    const consults = await store.events({ type: "consult" });
    // the story's visit once (two reports), and the same visit told by another story
    expect(consults.map((e) => [e.id, e.reports])).toEqual([
      [`${ids.visit}-0`, 1],
      [`${ids.first}-0`, 2],
    ]);
    const every = await store.events({ type: "CONSULT", collapse: false });
    expect(every.map((e) => e.id).sort()).toEqual(
      [`${ids.first}-0`, `${ids.reprint}-0`, `${ids.visit}-0`].sort(),
    );
    expect(every.every((e) => e.reports === 1)).toBe(true);
    // realised, once per story: the visit twice, the agreement, the attack, the protest
    expect(await store.countEvents()).toBe(5);
    expect((await store.stats()).events).toBe(5);
    expect(await store.countEvents({ collapse: false })).toBe(7);
  });

  it("keeps events that did not happen out of every count unless asked for", async () => {
    const shown = await store.events({ limit: 100 });
    expect(shown.every((e) => e.status === "realised")).toBe(true);
    expect(shown.some((e) => e.target?.entity?.key === "benjamin-netanyahu")).toBe(false);
    expect(await store.countEvents({ entity: "benjamin-netanyahu" })).toBe(0);
    const negated = await store.events({ status: "negated" });
    expect(negated.map((e) => [e.id, e.reports])).toEqual([[`${ids.first}-2`, 2]]);
    expect(await store.countEvents({ status: "any" })).toBe(6);
    expect(await store.entityEvents("benjamin-netanyahu")).toMatchObject({
      total: 0,
      events: [],
      network: { nodes: [], edges: [] },
    });
  });

  it("gives an entity's events newest first, undated last, and who acts on whom", async () => {
    const found = await store.entityEvents("abdullah-ii");
    expect(found?.entity).toEqual({ key: "abdullah-ii", type: "PER", name: "عبد الله الثاني" });
    expect(found?.total).toBe(3);
    expect(found?.events.map((e) => e.id)).toEqual([
      `${ids.visit}-0`, // same date, published later
      `${ids.first}-0`,
      `${ids.first}-1`,
    ]);
    expect(found?.network.edges).toEqual([
      {
        source: "abdullah-ii",
        target: "sameh-shoukry",
        count: 3,
        types: [
          { type: "CONSULT", count: 2 },
          { type: "AGREE", count: 1 },
        ],
      },
    ]);
    expect(found?.network.nodes.map((n) => [n.id, n.events])).toEqual([
      ["abdullah-ii", 3],
      ["sameh-shoukry", 3],
    ]);
    expect((await store.entityEvents("abdullah-ii", 1))?.events).toHaveLength(1);
    expect(await store.entityEvents("nobody-at-all")).toBeUndefined();
    // as target: the unnamed gunmen have no code, so no node; the event is still listed
    const army = await store.entityEvents("iraqi-army");
    expect(army?.events.map((e) => e.type)).toEqual(["ASSAULT"]);
    expect(army?.network.edges).toEqual([]);
  });

  it("filters by event date, and refuses a malformed date or status in one line", async () => {
    expect((await store.events({ from: "2016-03-13", to: "2016-03" })).map((e) => e.type)).toEqual([
      "CONSULT",
      "CONSULT",
      "AGREE",
    ]);
    expect((await store.events({ to: "2016-03-12" })).map((e) => e.type)).toEqual(["ASSAULT"]);
    expect(await store.events({ entity: "no such entity" })).toEqual([]);
    for (const [query, message] of [
      [{ from: "13/3/2016" }, /from: "13\/3\/2016" is not a date/],
      [{ status: "maybe" }, /status: "maybe"/],
    ] as const) {
      await expectInputError(() => store.events(query as Parameters<Store["events"]>[0]), message);
    }
  });

  it("lists every event for an export, in the order the articles were stored", async () => {
    const exported = [];
    for await (const event of store.allEvents()) exported.push(event);
    expect(exported.map((e) => e.id)).toEqual([
      `${ids.first}-0`,
      `${ids.first}-1`,
      `${ids.visit}-0`,
      `${ids.attack}-0`,
      `${ids.attack}-1`,
    ]);
  });

  it("maps entity ids to store keys, and ids the analysis does not have to nothing", async () => {
    const analysis = handMadeAnalysis(
      "حاصرت قوات الأمن مقر الحزب في المدينة القديمة صباح اليوم.",
      { published: "2017-01-02" },
      [
        { id: "e1", type: "ORG", name: "الحزب" },
        { id: "e2", type: "LOC", name: "المدينة القديمة" },
      ],
      [
        {
          type: "COERCE",
          trigger: "حاصرت",
          clause: "حاصرت قوات الأمن مقر الحزب في المدينة القديمة",
          source: null,
          target: "e1",
          sourceActor: { sector: "COP", text: "قوات الأمن" },
          place: "e2",
        },
      ],
    );
    const event = analysis.events[0];
    if (event) event.source = "e9"; // not an entity of the analysis
    const place = await freshTarget(backend, dir.dir, "keys");
    drops.push(place.drop);
    const local = await openStore(place.target);
    try {
      await local.add(analysis, { key: "/x.txt", kind: "file" });
      const [stored] = await local.events();
      expect(stored?.source).toEqual({ sector: "COP", text: "قوات الأمن" });
      expect(stored?.target?.entity).toEqual({ key: "ORG:الحزب", type: "ORG", name: "الحزب" });
      expect(stored?.place).toEqual({
        key: "LOC:المدينه القديمه",
        type: "LOC",
        name: "المدينة القديمة",
      });
    } finally {
      await local.close();
    }
  });
});

/** SQLite only: a PostgreSQL store has only ever had the schema of SQLite's version 2. */
describe("a store of schema version 1", () => {
  let dir: ReturnType<typeof tempDir>;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => dir.cleanup());

  it("opens, upgrades in place and keeps its events, as realised foreground ones", async () => {
    const path = join(dir.dir, "v1.db");
    const db = new Database(path);
    db.exec("CREATE TABLE schema_version (version INTEGER NOT NULL)");
    db.exec(MIGRATION_SQL[0] as string);
    db.exec("INSERT INTO schema_version (version) VALUES (1)");
    db.exec(`INSERT INTO clusters (id, size) VALUES (1, 1);
      INSERT INTO articles (id, hash, source, title, published, fetched_at, cluster)
        VALUES (1, 'h1', '/old/a.txt', 'خبر قديم', '2014-05-01', '2014-05-02T00:00:00Z', 1);
      INSERT INTO sources (key, kind, status, article, fetched_at)
        VALUES ('/old/a.txt', 'file', 'done', 1, '2014-05-02T00:00:00Z');
      INSERT INTO entities (key, type, name, articles, mentions) VALUES ('TUN', 'LOC', 'تونس', 1, 1);
      INSERT INTO article_entities (article, entity, mentions) VALUES (1, 'TUN', 1);
      INSERT INTO events (article, type, source, target, date, start, end)
        VALUES (1, 'AID', 'TUN', NULL, '2014-04-30', 0, 10), (1, 'SUPPORT', NULL, 'TUN', NULL, 12, 20);`);
    db.close();

    // read-only, an older store is refused with what to do about it
    let error: unknown;
    try {
      await openStore(path, { readonly: true });
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toMatch(/older marsad \(schema 1\); run marsad ingest/);

    const upgraded = await openStore(path);
    try {
      const old = await upgraded.events({ status: "any", collapse: false, order: "article" });
      expect(old.map((e) => [e.id, e.type, e.status, e.background, e.date])).toEqual([
        ["1-0", "AID", "realised", false, "2014-04-30"],
        ["1-1", "SUPPORT", "realised", false, undefined],
      ]);
      expect(old[0]?.source).toEqual({ entity: { key: "TUN", type: "LOC", name: "تونس" } });
      expect(old[0]?.target).toBeNull();
      expect((await upgraded.stats()).events).toBe(2);
      // and new articles are written with every field
      const added = await upgraded.add(checkpointAttack(), { key: "/new/b.txt", kind: "file" });
      const fresh = await upgraded.events({ entity: "iraqi-army" });
      expect(fresh[0]).toMatchObject({ id: `${added.id}-0`, mode: "firearms", trigger: "هاجم" });
    } finally {
      await upgraded.close();
    }
    const conn = new Database(path, { readonly: true });
    expect(conn.prepare("SELECT version FROM schema_version").pluck().get()).toBe(SCHEMA_VERSION);
    conn.close();
    expect(SCHEMA_VERSION).toBe(2);
    // (the hand-made rows have no contents or signatures: the file's own check only)
    expect((await consistency(path)).integrity).toBe("ok");
    // a second open finds nothing left to do
    await (await openStore(path)).close();
  });
});
