import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Analysis, EventSchema } from "../../src/analysis.js";
import { formatEventsTable } from "../../src/cli/events.js";
import { CSV_COLUMNS } from "../../src/cli/export.js";
import { eventsOfAnalysis } from "../../src/events/index.js";
import { analyze } from "../../src/index.js";
import { openStore } from "../../src/store/index.js";
import { expectCleanError, type Run, root, marsad as run } from "../helpers/cli.js";
import {
  checkpointAttack,
  handMadeAnalysis,
  jordanEgypt,
  jordanEgyptReprint,
  visitAnalysis,
} from "../helpers/events.js";

const scratch = mkdtempSync(join(tmpdir(), "marsad-events-"));
const built = existsSync(join(root, "dist/cli/events.js"));

/** The command with colours off, as a script would run it. */
function marsad(args: string[], stdin = ""): Promise<Run> {
  return run(args, stdin, { NO_COLOR: "1" });
}

function file(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

const ARTICLE =
  "دمشق - قصفت طائرات حربية مواقع في ريف إدلب يوم الخميس، فيما دعت الأمم المتحدة إلى وقف فوري لإطلاق النار. وقال متحدث باسم المنظمة إن الهجمات أوقعت عشرات الضحايا بين المدنيين، وإن قوافل الإغاثة لم تتمكن من الوصول.";

describe("the events table", () => {
  it("lists realised events with actors, codes, place, trigger and evidence, and says what it left out", () => {
    const table = formatEventsTable(jordanEgypt());
    const lines = table.trimEnd().split("\n");
    expect(lines[0]).toBe("2 events (1 not realised left out: --all lists them)");
    expect(lines[1]).toMatch(/^#\s+TYPE\s+MODE\s+DATE\s+STATUS\s+SOURCE → TARGET$/);
    expect(lines).toHaveLength(2 + 2 * 2);
    expect(lines[2]).toMatch(/^1 {2}CONSULT {2}visit {2}2016-03-13 {2}realised {2}/);
    expect(lines[2]).toContain("عبد الله الثاني [JOR GOV] → سامح شكري [EGY GOV] @ عمان");
    expect(lines[3]).toContain("«استقبل» استقبل العاهل الأردني");
    expect(lines[4]).toMatch(/^2 {2}AGREE {4}/);
    expect(table).not.toContain("نتنياهو");
    expect(table.includes("\u001b[")).toBe(false);
  });

  it("with all, lists every status and marks the background", () => {
    const all = formatEventsTable(jordanEgypt(), { all: true });
    expect(all.split("\n")[0]).toBe("3 events (2 realised, 1 not)");
    expect(all).toMatch(/3 {2}CONSULT .*negated .*→ بنيامين نتنياهو \[ISR GOV\]/);
    const attack = formatEventsTable(checkpointAttack(), { all: true });
    // an unnamed actor by its words; no target; background flagged
    expect(attack).toContain("مسلحون مجهولون [UAF] → الجيش العراقي [IRQ MIL] @ بغداد");
    expect(attack).toMatch(/2 {2}PROTEST .*realised, background .*\? → —/);
  });

  it("says when there are none, and colours only when asked", () => {
    const none = handMadeAnalysis("لا شيء هنا.", {}, [], []);
    expect(formatEventsTable(none)).toBe("no events found\n");
    const negatedOnly = { ...jordanEgypt(), events: jordanEgypt().events.slice(2) } as Analysis;
    expect(formatEventsTable(negatedOnly)).toBe(
      "0 events (1 not realised left out: --all lists them)\n",
    );
    expect(formatEventsTable(jordanEgypt(), { color: true })).toContain("\u001b[");
  });
});

describe.skipIf(!built)("marsad events", () => {
  it("prints the analysis' events[] with --json, as the library finds them", async () => {
    const path = file("article.txt", ARTICLE);
    const run = await marsad(["events", path, "--date", "2016-03-17", "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const events = EventSchema.array().parse(JSON.parse(run.stdout));
    const expected = (await analyze({ file: path }, { date: "2016-03-17" })).events;
    expect(events).toEqual(expected);
  });

  it("prints a table of the realised ones by default, from stdin too", async () => {
    const json = await marsad(["events", "-", "--date", "2016-03-17", "--json"], ARTICLE);
    const events = EventSchema.array().parse(JSON.parse(json.stdout));
    const realised = events.filter((e) => e.status === "realised").length;
    const run = await marsad(["events", "-", "--date", "2016-03-17"], ARTICLE);
    expect(run.code).toBe(0);
    const first = run.stdout.split("\n")[0] ?? "";
    if (events.length === 0) expect(first).toBe("no events found");
    else expect(first).toMatch(new RegExp(`^${realised} events?\\b`));
    const rows = run.stdout.split("\n").filter((l) => /^\s*\d+ {2}[A-Z]+ /.test(l));
    expect(rows).toHaveLength(realised);
  });

  it("--jsonl: an article line is analysed, an analysis line runs the events stage again, bad lines say why", async () => {
    const analysis = jordanEgypt({ id: "b" });
    const lines = [
      JSON.stringify({ id: "a", text: ARTICLE, date: "2016-03-17" }),
      JSON.stringify(analysis),
      "{not json",
      JSON.stringify({ ...analysis, id: "d", schema: "marsad/analysis@0" }),
      JSON.stringify({ ...analysis, id: "e", text: 42 }),
      JSON.stringify({ id: "f", line: 3, error: "no such file" }),
      JSON.stringify({ id: 7, text: "" }),
      "",
      JSON.stringify([1, 2]),
    ];
    const run = await marsad(["events", "--jsonl", file("batch.jsonl", `${lines.join("\n")}\n`)]);
    expect(run.code).toBe(0);
    const out = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(["a", "b", null, "d", "e", "f", 7, null]);
    const article = await analyze({ text: ARTICLE, id: "a" }, { date: "2016-03-17" });
    expect(out[0]).toEqual({ id: "a", events: article.events });
    // the analysis' own events are not taken as they are: the stage runs on its text again
    expect(out[1]).toEqual({ id: "b", events: eventsOfAnalysis(analysis) });
    expect(out[2]).toMatchObject({ line: 3, error: expect.stringMatching(/not valid JSON/) });
    expect(out[3].error).toMatch(/"schema" is "marsad\/analysis@0", not "marsad\/analysis@1"/);
    expect(out[4].error).toMatch(/line 5: an analysis whose field "text" is not as expected/);
    expect(out[5].error).toMatch(
      /line 6: an error line, not an article or analysis \(no such file\)/,
    );
    expect(out[6].error).toMatch(/empty|blank|no text/);
    expect(out[7]).toMatchObject({ line: 9, error: expect.stringMatching(/not a JSON object/) });
    expect(run.stderr).toMatch(/6 of 8 lines failed/);
  });

  it("--jsonl - reads analyze --jsonl's output from stdin", async () => {
    const analyses = [jordanEgypt({ id: "x1" }), checkpointAttack()];
    const run = await marsad(
      ["events", "--jsonl", "-"],
      analyses.map((a) => JSON.stringify(a)).join("\n"),
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(
      run.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual(analyses.map((a) => ({ id: a.id ?? null, events: eventsOfAnalysis(a) })));
  });

  it("gives one clear line for each kind of bad input", async () => {
    expectCleanError(await marsad(["events"]), /nothing to read: give a file/);
    expectCleanError(
      await marsad(["events", join(scratch, "nope.txt")]),
      /nope\.txt: no such file/,
    );
    expectCleanError(await marsad(["events", file("empty.txt", "")]), /empty/);
    expectCleanError(
      await marsad(["events", file("x.txt", ARTICLE), "--jsonl", "-"]),
      /either a source or --jsonl, not both/,
    );
    expectCleanError(
      await marsad(["events", "--jsonl", join(scratch, "missing.jsonl")]),
      /missing\.jsonl: no such file/,
    );
    expectCleanError(
      await marsad(["events", file("y.txt", ARTICLE), "--date", "2016-02-30"]),
      /not an unambiguous date/,
    );
    expectCleanError(
      await marsad(["events", file("z.txt", ARTICLE), "--ner", join(scratch, "no-model.bin")]),
      /no-model\.bin/,
    );
  });
});

describe.skipIf(!built)("marsad export events", () => {
  let db = "";
  let ids: number[] = [];
  beforeAll(async () => {
    db = join(scratch, "export.db");
    const store = await openStore(db);
    // a title with a comma, quotes and a line break: the CSV must quote it
    const tricky = checkpointAttack();
    tricky.meta.title = 'هجوم، "مسلحون"\nشمال بغداد';
    ids = [];
    for (const [i, a] of [jordanEgypt(), jordanEgyptReprint(), visitAnalysis(), tricky].entries()) {
      ids.push((await store.add(a, { key: `/in/${i}.txt`, kind: "file" })).id as number);
    }
    await store.close();
  });
  afterAll(() => {});

  it("writes PLOVER JSON records: realised events once per story, background ones flagged", async () => {
    const run = await marsad(["export", "events", "--format", "plover-json", "--db", db]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const records = JSON.parse(run.stdout) as Record<string, unknown>[];
    const [first, reprint, visit, attack] = ids;
    expect(records.map((r) => r.id)).toEqual([
      `marsad-${first}-0`,
      `marsad-${first}-1`,
      `marsad-${visit}-0`,
      `marsad-${attack}-0`,
      `marsad-${attack}-1`,
    ]);
    expect(JSON.stringify(records)).not.toContain(`marsad-${reprint}-`);
    expect(records[0]).toEqual({
      id: `marsad-${first}-0`,
      date: "2016-03-13",
      source: [
        {
          actorText: "العاهل الأردني الملك عبد الله الثاني",
          code: "JOR",
          sector: "GOV",
          entity: "abdullah-ii",
          name: "عبد الله الثاني",
        },
      ],
      target: [
        {
          actorText: "وزير الخارجية المصري سامح شكري",
          code: "EGY",
          sector: "GOV",
          entity: "sameh-shoukry",
          name: "سامح شكري",
        },
      ],
      event: "CONSULT",
      eventText: "استقبل",
      mode: "visit",
      eventLoc: { name: "عمان", entity: "amman" },
      text: "استقبل العاهل الأردني الملك عبد الله الثاني في عمان يوم الأحد وزير الخارجية المصري سامح شكري",
      language: "ar",
      publication: "first.example",
      coder: "marsad 0.1.0",
      version: "0.8",
      dateCoded: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      background: false,
      reports: 2,
      confidence: 0.9,
      article: {
        id: first,
        url: "https://first.example/jordan-egypt",
        title: "الملك يستقبل شكري",
        published: "2016-03-13",
        source: "/in/0.txt",
      },
    });
    expect(records[2]).toMatchObject({ background: true, reports: 1 });
    // an unnamed actor keeps its words; no recipient is "" as in PLOVER's own records
    expect(records[3]?.source).toEqual([{ actorText: "مسلحون مجهولون", sector: "UAF" }]);
    expect(records[4]).toMatchObject({ event: "PROTEST", source: "", target: "" });
    expect(records[4]?.date).toBeUndefined();
  });

  it("writes CSV with a header and proper quoting, to a file with --out", async () => {
    const out = join(scratch, "events.csv");
    const run = await marsad(["export", "events", "--format", "csv", "--db", db, "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/wrote 5 events to .*events\.csv/);
    const rows = parseCsv(readFileSync(out, "utf8"));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(6);
    const record = (row: string[]) =>
      Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, row[i] as string]));
    const visit = record(rows[1] as string[]);
    expect(visit).toMatchObject({
      date: "2016-03-13",
      event: "CONSULT",
      mode: "visit",
      actor: "عبد الله الثاني",
      actor_code: "JOR",
      actor_sector: "GOV",
      actor_entity: "abdullah-ii",
      recipient: "سامح شكري",
      recipient_code: "EGY",
      event_loc: "عمان",
      event_text: "استقبل",
      background: "false",
      reports: "2",
      article_url: "https://first.example/jordan-egypt",
    });
    const attack = record(rows[4] as string[]);
    expect(attack.article_title).toBe('هجوم، "مسلحون"\nشمال بغداد');
    expect(attack.actor).toBe("مسلحون مجهولون");
    expect(attack.actor_entity).toBe("");
    expect(record(rows[5] as string[])).toMatchObject({ event: "PROTEST", background: "true" });
  });

  it("filters by entity, type and date, and writes an empty export as such", async () => {
    const byEntity = await marsad(["export", "events", "--db", db, "--entity", "iraqi-army"]);
    expect(JSON.parse(byEntity.stdout).map((r: { event: string }) => r.event)).toEqual(["ASSAULT"]);
    const byType = await marsad([
      "export",
      "events",
      "--db",
      db,
      "--type",
      "agree",
      "--format",
      "csv",
    ]);
    expect(byType.stdout.trim().split("\n")).toHaveLength(2);
    const none = await marsad(["export", "events", "--db", db, "--from", "2020"]);
    expect(none.stdout).toBe("[]\n");
  });

  it("gives one clear line for each kind of bad input", async () => {
    expectCleanError(
      await marsad(["export", "events", "--db", join(scratch, "none.db")]),
      /none\.db: no store there/,
    );
    expectCleanError(
      await marsad(["export", "events", "--db", db, "--format", "xml"]),
      /argument 'xml' is invalid/,
    );
    expectCleanError(
      await marsad(["export", "events", "--db", db, "--type", "BOMBING"]),
      /--type: "BOMBING" is not a PLOVER event type \(AGREE, CONSULT, /,
    );
    expectCleanError(
      await marsad(["export", "events", "--db", db, "--from", "March"]),
      /from: "March" is not a date/,
    );
    expectCleanError(
      await marsad(["export", "events", "--db", db, "--entity", "كيان مجهول"]),
      /no entity "كيان مجهول" in the store/,
    );
    expectCleanError(
      await marsad(["export", "events", "--db", db, "--out", join(scratch, "no/such/dir.csv")]),
      /cannot write there \(no such folder\)/,
    );
    expect(existsSync(join(scratch, "no"))).toBe(false);
  });
});

/** RFC 4180: fields separated by commas, quoted when they hold commas, quotes or line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length) rows.push([...row, field]);
  return rows;
}
