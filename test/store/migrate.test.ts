/**
 * `marsad migrate`: a SQLite store copied into PostgreSQL holds the same articles, facts,
 * stories and failures, answers searches the same, and a copy stopped half-way resumes without
 * storing anything twice.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { copyStore, openStore } from "../../src/store/index.js";
import { marsad, searchTotal, statusJson } from "../helpers/cli.js";
import { type FreshSchema, freshPostgres } from "../helpers/postgres.js";
import { consistency, expectWhole, shortArticle, tempDir } from "./helpers.js";

let dir: ReturnType<typeof tempDir>;
let pg: FreshSchema;
let db: string;

beforeEach(async () => {
  dir = tempDir("marsad-migrate-");
  pg = await freshPostgres();
  db = join(dir.dir, "source.db");
  // twelve articles, one of them twice (a duplicate source), and two lines that fail
  const lines = Array.from({ length: 12 }, (_, i) =>
    JSON.stringify({ id: `m${i}`, ...shortArticle(600 + i) }),
  );
  lines.push(lines[4] as string, "{not json", JSON.stringify({ id: "empty", text: "   " }));
  const file = join(dir.dir, "batch.jsonl");
  writeFileSync(file, `${lines.join("\n")}\n`);
  const run = await marsad(["ingest", file, "--db", db, "--jobs", "0"]);
  expect(run.code, run.stderr).toBe(0);
});

afterEach(async () => {
  await pg.drop();
  dir.cleanup();
});

describe("marsad migrate", () => {
  it("copies a SQLite store into PostgreSQL: the same counts, failures and search hits", async () => {
    const run = await marsad(["migrate", "--from", db, "--to", pg.url, "--json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ copied: 12, skipped: 0, otherSources: 2 });
    const [from, to] = [await statusJson(db), await statusJson(pg.url)];
    expect(from).toMatchObject({ articles: 12, sources: 15, failedSources: 2 });
    expect(to).toEqual(from);
    for (const q of ["تونس", '"وفد برلماني"', "الصين OR المغرب"]) {
      expect(await searchTotal(pg.url, q), q).toBe(await searchTotal(db, q));
    }
    expectWhole(await consistency(pg.url), "postgres");
    const again = await marsad(["migrate", "--from", db, "--to", pg.url, "--json"]);
    expect(JSON.parse(again.stdout)).toMatchObject({ copied: 0, skipped: 12, otherSources: 0 });
    expect(await statusJson(pg.url)).toEqual(from);
  });

  it("resumes a copy that was stopped, storing nothing twice", async () => {
    const from = await openStore(db, { readonly: true });
    const to = await openStore(pg.url);
    try {
      const stop = new AbortController();
      const write = to.write.bind(to);
      let writes = 0;
      to.write = async (batch) => {
        const outcome = await write(batch);
        if (++writes === 5) stop.abort();
        return outcome;
      };
      const first = await copyStore(from, to, { signal: stop.signal, articlesPerWrite: 1 });
      expect(first).toMatchObject({ copied: 5, interrupted: true });
      expect((await to.stats()).articles).toBe(5);
      to.write = write;
      const second = await copyStore(from, to);
      expect(second).toMatchObject({ copied: 7, skipped: 5, interrupted: false });
      expect(await to.stats()).toEqual(await from.stats());
    } finally {
      await from.close();
      await to.close();
    }
    expectWhole(await consistency(pg.url), "postgres");
  });

  it("says what is wrong with its arguments", async () => {
    const same = await marsad(["migrate", "--from", db, "--to", db]);
    expect(same.stderr).toMatch(/the same/);
    const missing = await marsad(["migrate", "--from", join(dir.dir, "nope.db"), "--to", pg.url]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/no store there/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
