import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeText } from "../../src/index.js";
import {
  bioSpans,
  formatConll,
  loadTagger,
  NerTagger,
  parseConll,
  scoreSpans,
  type TrainingSentence,
  tagSentences,
  trainTagger,
  withoutLeftoverConjunction,
} from "../../src/ner/index.js";
import { sharedPath } from "../shared-data.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tiny = join(root, "test/fixtures/ner/tiny.conll");

describe("CoNLL files and span scores", () => {
  it("reads tokens and tags and writes them back", () => {
    const sentences = parseConll("a\tO\nb c B-LOC\n\n\nd\n");
    expect(sentences).toEqual([{ tokens: ["a", "b"], tags: ["O", "B-LOC"] }, { tokens: ["d"] }]);
    expect(formatConll([{ tokens: ["a", "b"], tags: ["O", "B-LOC"] }])).toBe("a\tO\nb\tB-LOC\n");
  });

  it("reads spans as conlleval does and scores exact matches only", () => {
    expect(bioSpans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"])).toEqual([
      { start: 0, end: 2, type: "PER" },
      { start: 3, end: 4, type: "LOC" },
      { start: 4, end: 5, type: "LOC" },
      { start: 5, end: 6, type: "ORG" },
    ]);
    const s = scoreSpans([["B-PERS", "I-PERS", "O", "B-LOC"]], [["B-PER", "O", "O", "B-LOC"]]);
    expect(s.overall).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(s.byType.PERS).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(s.byType.LOC?.f1).toBe(1);
  });
});

describe("training and tagging", () => {
  const data = parseConll(readFileSync(tiny, "utf8")) as TrainingSentence[];

  it("learns a small corpus, and a saved tagger tags exactly as the one in memory", () => {
    for (const window of [0, 3]) {
      const tagger = trainTagger(data, { epochs: 8, window, folds: 3 });
      const tagged = tagger.tagDocument(data.map((s) => s.tokens)).map((t) => t.tags);
      expect(
        scoreSpans(
          data.map((s) => s.tags),
          tagged,
        ).overall.f1,
      ).toBe(1);
      const copy = NerTagger.deserialize(tagger.serialize());
      expect(copy.tagDocument(data.map((s) => s.tokens)).map((t) => t.tags)).toEqual(tagged);
    }
  });

  it("always gives one valid BIO tag per token, with a probability", () => {
    const tagger = loadTagger();
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.string({ unit: "binary", minLength: 1, maxLength: 8 }), { maxLength: 12 }),
          { maxLength: 4 },
        ),
        (sentences) => {
          const out = tagSentences(sentences, tagger);
          out.forEach(({ tags, confidences }, s) => {
            expect(tags).toHaveLength(sentences[s]?.length ?? 0);
            tags.forEach((tag, i) => {
              expect(tagger.labels).toContain(tag);
              if (tag.startsWith("I-")) expect(tags[i - 1]?.slice(2)).toBe(tag.slice(2));
              expect(confidences[i]).toBeGreaterThan(0);
              expect(confidences[i]).toBeLessThanOrEqual(1 + 1e-9);
            });
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

const anercorp = sharedPath("data/ner/anercorp/train.conll");

describe.skipIf(!existsSync(anercorp))("the shipped model", () => {
  // The model stores feature hashes: if feature extraction changes without retraining
  // (scripts/train-ner.ts), its tags fall apart even on sentences it was trained on.
  it("still agrees with the features it was trained with", () => {
    const sentences = (parseConll(readFileSync(anercorp, "utf8")) as TrainingSentence[]).slice(
      0,
      300,
    );
    const tagged = tagSentences(sentences.map((s) => s.tokens));
    const f1 = scoreSpans(
      sentences.map((s) => s.tags),
      tagged.map((t) => t.tags),
    ).overall.f1;
    expect(f1).toBeGreaterThan(0.85);
  });
});

describe("entities in analyze", () => {
  it("finds people, places and organisations with offsets into the text, clitics left out", () => {
    const text =
      "قال الرئيس الروسي فلاديمير بوتين في موسكو إن روسيا لن تتراجع. وأضاف بوتين أن وزارة الخارجية الروسية ستصدر بيانا. واجتمع وزير الخارجية مع نظيره في باريس وبيروت.";
    const a = analyzeText(text, { date: "2025-01-21" });
    const byName = new Map(a.entities.map((e) => [e.name, e]));
    for (const e of a.entities) {
      for (const m of e.mentions) {
        expect(a.text.slice(m.start, m.end)).toBe(m.text);
        expect(m.confidence).toBeGreaterThan(0);
      }
    }
    expect(byName.get("فلاديمير بوتين")?.type).toBe("PER");
    expect(byName.get("موسكو")?.type).toBe("LOC");
    expect(byName.get("بيروت")?.type).toBe("LOC");
    expect(a.entities.some((e) => e.mentions.some((m) => m.text === "وبيروت"))).toBe(false);
  });
});

describe("the ner commands", () => {
  const bin = join(root, "bin/marsad.js");
  const run = (args: string[]) =>
    execFileSync("node", [bin, ...args], { cwd: root, encoding: "utf8" });

  it("tags a CoNLL file line for line, in the input's label names", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-ner-"));
    const perStyle = join(dir, "per.conll");
    writeFileSync(perStyle, "قال O\nجون B-PER\nكيري I-PER\n\nفي O\nلندن B-LOC\n");
    const out = run(["ner", "--conll", perStyle]);
    const lines = out.split("\n");
    expect(lines).toHaveLength(7); // 5 tokens, a blank line between sentences, a final newline
    expect(lines[3]).toBe("");
    expect(lines[0]?.split("\t")[0]).toBe("قال");
    expect(out).not.toMatch(/-PERS\b/);
  });

  it("trains a model with progress, then tags and scores with it", () => {
    const dir = mkdtempSync(join(tmpdir(), "marsad-train-"));
    const model = join(dir, "tiny.bin.gz");
    const training = spawnSync(
      "node",
      [
        bin,
        "train",
        "ner",
        "--data",
        tiny,
        "--out",
        model,
        "--epochs",
        "5",
        "--ensemble",
        "1",
        "--window",
        "0",
      ],
      { cwd: root, encoding: "utf8" },
    );
    expect(training.status).toBe(0);
    expect(training.stderr).toMatch(/epoch 5\/5/);
    const scores = run(["eval", "ner", "--gold", tiny, "--model", model]);
    expect(scores).toMatch(/micro\s+100\.0\s+100\.0\s+100\.0/);
  });
});

describe("choosing a tagger", () => {
  const bin = join(root, "bin/marsad.js");

  it("tags with the perceptron by name, and names a missing model in one clear line", () => {
    const perceptron = execFileSync(
      "node",
      [bin, "ner", "--conll", tiny, "--model", "perceptron"],
      { cwd: root, encoding: "utf8" },
    );
    expect(perceptron.split("\n").filter(Boolean)).toHaveLength(31 - 2); // tokens, not blanks
    for (const args of [
      ["ner", "--conll", tiny, "--model", "nosuch"],
      ["analyze", "-", "--ner", "nosuch"],
    ]) {
      const ran = spawnSync("node", [bin, ...args], { cwd: root, encoding: "utf8", input: "نص" });
      expect(ran.status).not.toBe(0);
      expect(ran.stderr).toMatch(/nosuch: no such NER model/);
      expect(ran.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it("gives the same entities in analyze with either tagger for a plain sentence", () => {
    const text = "قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن فرنسا ستدعم الاتفاق.";
    for (const ner of ["neural", "perceptron"]) {
      const a = analyzeText(text, { date: "2024-05-01", ner });
      const names = a.entities.map((e) => `${e.type}:${e.name}`);
      expect(names).toContain("LOC:باريس");
      expect(a.entities.some((e) => e.type === "PER" && e.name.includes("ماكرون"))).toBe(true);
    }
  });
});

describe("mention clean-up", () => {
  it("drops a conjunction و left on a name only when the bare name is a mention too", () => {
    const text = "قال شي إن المحادثات جيدة. واتفق بوتين وشي على اللقاء. ووليد حاضر.";
    const at = (s: string) => text.indexOf(s);
    const mention = (s: string) => ({
      mention: { start: at(s), end: at(s) + s.length, text: s, confidence: 0.9 },
    });
    const out = withoutLeftoverConjunction([mention("شي"), mention("وشي"), mention("ووليد")], text);
    expect(out.map((f) => f.mention.text)).toEqual(["شي", "شي", "ووليد"]);
    const moved = out[1]?.mention;
    expect(moved && text.slice(moved.start, moved.end)).toBe("شي");
  });
});
