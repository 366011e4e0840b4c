import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { TimeSchema } from "../../src/analysis.js";

// The real command, from dist/ (`npm test` builds it first).
const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = join(root, "bin/marsad.js");
const scratch = mkdtempSync(join(tmpdir(), "marsad-time-"));

function marsad(
  args: string[],
  stdin = "",
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile("node", [bin, ...args], { cwd: root }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

describe.skipIf(!existsSync(join(root, "dist/cli/time.js")))("marsad time", () => {
  it("prints the times of a text against --date, as JSON with --json", async () => {
    const run = await marsad([
      "time",
      "قال يوم الثلاثاء إنه سيعود الخميس المقبل",
      "--date",
      "2025-01-21",
      "--json",
    ]);
    expect(run.code).toBe(0);
    const times = TimeSchema.array().parse(JSON.parse(run.stdout));
    expect(times.map((t) => [t.text, t.value])).toEqual([
      ["يوم الثلاثاء", "2025-01-21"],
      ["الخميس المقبل", "2025-01-23"],
    ]);
  });

  it("honours --weekdays forward and --clock article", async () => {
    const forward = await marsad([
      "time",
      "الثلاثاء",
      "--date",
      "2025-01-21",
      "--weekdays",
      "forward",
      "--json",
    ]);
    expect(JSON.parse(forward.stdout)[0].value).toBe("2025-01-28");
    // --bare-dates is the switch's name; it governs day-months as well as weekdays
    const dayMonth = ["time", "يصل يوم 22/4", "--date", "2025-05-01", "--json"];
    const next = await marsad([...dayMonth, "--bare-dates", "forward"]);
    expect(JSON.parse(next.stdout)[0].value).toBe("2026-04-22");
    const last = await marsad(dayMonth);
    expect(JSON.parse(last.stdout)[0].value).toBe("2025-04-22");
    const article = await marsad([
      "time",
      "الساعة الثالثة عصرا",
      "--date",
      "2025-01-21",
      "--clock",
      "article",
      "--json",
    ]);
    expect(JSON.parse(article.stdout)[0].value).toBe("2025-01-21T15:00");
    const phrase = await marsad(["time", "الساعة الثالثة عصرا", "--date", "2025-01-21", "--json"]);
    expect(JSON.parse(phrase.stdout)[0].value).toBe("T15");
  });

  it("runs a JSONL batch line by line, reporting bad lines without stopping", async () => {
    const input = join(scratch, "batch.jsonl");
    writeFileSync(
      input,
      [
        JSON.stringify({ id: "a", text: "عاد أمس", date: "2016-11-07" }),
        "not json",
        JSON.stringify({ id: 7, text: "في 2 أكتوبر" }),
        JSON.stringify({ id: "b", text: 3 }),
        JSON.stringify({ id: "c", text: "غدا", date: "2016-02-30" }),
        "",
      ].join("\n"),
    );
    const run = await marsad(["time", "--jsonl", input]);
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatchObject({
      id: "a",
      times: [{ text: "أمس", value: "2016-11-06", resolved: "2016-11-06" }],
    });
    expect(lines[1]).toMatchObject({ id: null, line: 2 });
    expect(lines[1].error).toMatch(/not valid JSON/);
    expect(lines[2]).toMatchObject({ id: 7, times: [{ value: "XXXX-10-02" }] });
    expect(lines[3]).toMatchObject({ id: "b", line: 4 });
    expect(lines[4]).toMatchObject({ id: "c", line: 5 });
    expect(run.stderr).toMatch(/3 of 5 lines failed/);
  });

  it("refuses a text and --jsonl together, and an empty text, with one line on stderr", async () => {
    const both = await marsad(["time", "أمس", "--jsonl", "-"]);
    expect(both.code).not.toBe(0);
    expect(both.stderr.trim().split("\n")).toHaveLength(1);
    const empty = await marsad(["time"]);
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toMatch(/nothing to read/);
  });
});
