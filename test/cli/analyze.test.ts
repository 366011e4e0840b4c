import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AnalysisSchema } from "../../src/analysis.js";
import { expectCleanError, marsad, root } from "../helpers/cli.js";
import { SEED_TEXT } from "../shared-data.js";

// These run the real command (`npm test` builds dist/ first), as a user or a script would.
const seed = SEED_TEXT;
const example = join(root, "examples/amman-water-conference.txt");
const scratch = mkdtempSync(join(tmpdir(), "marsad-cli-"));

function file(name: string, content: string | Buffer): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

describe.skipIf(!existsSync(seed))("marsad analyze on the seed article", () => {
  it("finds the dateline, drops the page chrome, and keeps quotations inside sentences", async () => {
    const run = await marsad(["analyze", seed, "--date", "2025-01-21", "--format", "json"]);
    expect(run.stderr).toBe("");
    const analysis = AnalysisSchema.parse(JSON.parse(run.stdout));
    expect(analysis.meta.published).toBe("2025-01-21");
    expect(analysis.meta.dateline).toMatchObject({ place: "موسكو", agency: "أ ف ب" });
    const { start, end } = analysis.meta.dateline ?? { start: 0, end: 0 };
    expect(analysis.text.slice(start, end)).toMatch(/^موسكو \(أ ف ب\) –$/);
    expect(analysis.removed.map((r) => r.text)).toEqual(["شاركها.", "Exit mobile version"]);
    expect(analysis.text).not.toContain("Exit mobile version");
    expect(analysis.text.trimEnd().endsWith("شاركها.")).toBe(false);
    // No sentence boundary falls strictly inside a “...” quotation that opens and closes in one line.
    const boundaries = analysis.sentences.map((s) => s.end);
    for (const m of analysis.text.matchAll(/“[^“”«»\n]*[.؟!][^“”«»\n]*”/g)) {
      const inside = boundaries.filter(
        (b) => b > (m.index ?? 0) && b < (m.index ?? 0) + m[0].length - 1,
      );
      expect(inside, m[0]).toEqual([]);
    }
  });
});

describe("marsad analyze", () => {
  it("prints a readable report of the example article", async () => {
    const run = await marsad(["analyze", example, "--date", "2025-07-16", "--format", "text"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/dateline: place عمّان, agency وكالات/);
    expect(run.stdout).toContain("published 2025-07-16");
    expect(run.stdout).toMatch(/removed page chrome \(2\)/);
    expect(run.stdout.includes("\u001b[")).toBe(false); // no colour codes when stdout is not a terminal
  });

  it("reads standard input with -", async () => {
    const run = await marsad(
      ["analyze", "-"],
      "قال المتحدث إن الاجتماع سيعقد غدا. وأضاف أن الوفود وصلت.",
    );
    expect(run.code).toBe(0);
    const analysis = JSON.parse(run.stdout);
    expect(analysis.sentences).toHaveLength(2);
    expect(analysis.meta.language).toBe("ar");
  });

  it("analyses text in other languages too, and says which", async () => {
    const english =
      "LONDON (Reuters) - The central bank kept interest rates unchanged on Thursday, saying inflation was still too high. Markets had expected the decision.";
    const run = await marsad(["analyze", "-"], english);
    const analysis = JSON.parse(run.stdout);
    expect(analysis.meta.language).toBe("en");
    expect(run.stderr).toMatch(/note: the text reads as "en", not Arabic/);
    expect(analysis.meta.dateline).toMatchObject({ agency: "Reuters" });
    expect(analysis.sentences).toHaveLength(2);
  });

  it("reads HTML files and decodes windows-1256 pages", async () => {
    // A page declaring windows-1256, with its Arabic paragraphs encoded in that code page.
    const words = "قال الوزير إن الحوار مستمر";
    const cp1256 = encodeCp1256(words);
    const paragraph = Buffer.concat([Buffer.from("<p>"), cp1256, Buffer.from(". </p>")]);
    const page = Buffer.concat([
      Buffer.from(
        '<html><head><meta charset="windows-1256"><title>t</title></head><body><article>',
      ),
      ...Array.from({ length: 8 }, () => paragraph),
      Buffer.from("</article></body></html>"),
    ]);
    const run = await marsad(["analyze", file("page.html", page)]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).text).toContain(words);
  });

  it("gives one clear line for each kind of bad input", async () => {
    expectCleanError(
      await marsad(["analyze", join(scratch, "nope.txt")]),
      /nope\.txt: no such file/,
    );
    expectCleanError(await marsad(["analyze", file("empty.txt", "")]), /empty/);
    expectCleanError(await marsad(["analyze", file("blank.txt", " \n\n ")]), /blank|empty/);
    expectCleanError(
      await marsad([
        "analyze",
        file("bin.dat", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 1, 2, 3])),
      ]),
      /binary/,
    );
    expectCleanError(await marsad(["analyze", scratch]), /directory/);
    expectCleanError(
      await marsad(["analyze", example, "--date", "2025-02-30"]),
      /not an unambiguous date/,
    );
    expectCleanError(
      await marsad(["analyze", `http://127.0.0.1:${await closedPort()}/article`]),
      /connection was refused/,
    );
    expectCleanError(await marsad(["analyze"]), /nothing to analyse/);
    expectCleanError(
      await marsad(["analyze", example, "--max-bytes", "100"]),
      /over the 100-byte limit/,
    );
  });
});

describe("marsad analyze --jsonl", () => {
  it("streams one analysis per line in input order, and reports bad lines without stopping", async () => {
    const lines = [
      JSON.stringify({
        id: "a",
        text: "بيروت - رويترز: قال مسؤول إن الاجتماع انتهى.",
        date: "2024-03-05T10:00:00+02:00",
      }),
      "{not json",
      JSON.stringify({
        id: "c",
        html: "<html><body><article><p>أعلنت الحكومة اليوم عن خطة جديدة للنقل العام في المدن الكبرى وقالت إنها ستبدأ الشهر المقبل.</p></article></body></html>",
      }),
      JSON.stringify({ id: "d", text: "" }),
      JSON.stringify({ id: 5, text: "نص قصير آخر." }),
    ];
    const run = await marsad(["analyze", "--jsonl", file("batch.jsonl", `${lines.join("\n")}\n`)]);
    expect(run.code).toBe(0);
    const out = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(["a", null, "c", "d", "5"]);
    expect(out[0].meta.published).toBe("2024-03-05");
    expect(out[0].meta.dateline).toMatchObject({ place: "بيروت", agency: "رويترز" });
    expect(out[1]).toMatchObject({ line: 2, error: expect.stringMatching(/not valid JSON/) });
    expect(out[2].text).toContain("خطة جديدة");
    expect(out[3].error).toMatch(/empty|blank|no text/);
    expect(AnalysisSchema.safeParse(out[4]).success).toBe(true);
    expect(run.stderr).toMatch(/2 of 5 lines failed/);
  });
});

/** A loopback port nothing listens on: the connection is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** windows-1256 encoding of the Arabic letters used above (the code page's own table). */
function encodeCp1256(text: string): Buffer {
  const table: Record<string, number> = {
    " ": 0x20,
    ا: 0xc7,
    ل: 0xe1,
    ق: 0xde,
    و: 0xe6,
    ز: 0xd2,
    ي: 0xed,
    ر: 0xd1,
    إ: 0xc5,
    ن: 0xe4,
    ح: 0xcd,
    م: 0xe3,
    س: 0xd3,
    ت: 0xca,
  };
  return Buffer.from([...text].map((ch) => table[ch] ?? 0x3f));
}

describe("marsad kb lookup", () => {
  it("resolves names, adjectives and office titles on a date", async () => {
    const title = await marsad(["kb", "lookup", "الرئيس الأمريكي", "--date", "2016-03-03"]);
    expect(title.code).toBe(0);
    expect(title.stdout).toMatch(/^barack-obama\tPER\/person\t/);
    const later = await marsad([
      "kb",
      "lookup",
      "الرئيس الأمريكي",
      "--date",
      "2023-03-03",
      "--json",
    ]);
    expect(JSON.parse(later.stdout)).toMatchObject([{ via: "title", entry: { id: "joe-biden" } }]);
    const adjective = await marsad(["kb", "lookup", "الروسية", "--json"]);
    expect(JSON.parse(adjective.stdout)).toMatchObject([
      { via: "adjective", entry: { id: "RUS" } },
    ]);
    const name = await marsad(["kb", "lookup", "وبوتين"]);
    expect(name.stdout).toMatch(/^vladimir-putin\t/);
  });

  it("says clearly when nothing matches or a user file is broken", async () => {
    expectCleanError(
      await marsad(["kb", "lookup", "كلمةلاوجودلها"]),
      /nothing in the knowledge base/,
    );
    const broken = file("broken.jsonl", '{"id": "x", "type": "PER"}\n');
    expectCleanError(
      await marsad(["kb", "lookup", "بوتين", "--kb", broken]),
      /^marsad: .*broken\.jsonl:1/,
    );
    expectCleanError(
      await marsad(["analyze", example, "--kb", join(scratch, "missing.jsonl")]),
      /missing\.jsonl/,
    );
  });

  it("links an analysed article's entities to entries of a user file", async () => {
    const extra = file(
      "extra.jsonl",
      `${JSON.stringify({ id: "amman-water-forum", type: "ORG", kind: "other", nameAr: "منتدى عمان للمياه" })}\n`,
    );
    const text = file("forum.txt", "افتتح منتدى عمان للمياه أعماله اليوم في العاصمة الأردنية.");
    const run = await marsad(["analyze", text, "--kb", extra, "--date", "2025-07-16"]);
    expect(run.code).toBe(0);
    const analysis = AnalysisSchema.parse(JSON.parse(run.stdout));
    expect(analysis.entities.map((e) => e.id)).toContain("amman-water-forum");
  });
});
