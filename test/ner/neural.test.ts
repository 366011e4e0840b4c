import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONSISTENCY, settleDocument } from "../../src/ner/consistency.js";
import { decodeEmbeddings, encodeEmbeddings } from "../../src/ner/embeddings.js";
import {
  decodeTagger,
  loadTagger,
  NerTagger,
  NeuralTagger,
  parseConll,
  scoreSpans,
  type TrainingSentence,
  trainTagger,
} from "../../src/ner/index.js";
import { lstmBackward, lstmForward } from "../../src/ner/lstm.js";
import { bioTransitions } from "../../src/ner/model.js";
import {
  crfGradient,
  seededRandom,
  trainNeuralTagger,
  validBio,
  withPartner,
} from "../../src/ner/train-neural.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const tiny = parseConll(
  readFileSync(join(root, "test/fixtures/ner/tiny.conll"), "utf8"),
) as TrainingSentence[];

const random = seededRandom(11);
const randomArray = (n: number) => Float32Array.from({ length: n }, () => random() * 2 - 1);

describe("the BiLSTM-CRF's gradients", () => {
  it("match finite differences through an LSTM in either direction", () => {
    const [n, D, H] = [4, 3, 2];
    for (const reverse of [false, true]) {
      const w = { W: randomArray(4 * H * D), U: randomArray(4 * H * H), b: randomArray(4 * H) };
      const xs = randomArray(n * D);
      const weightsOfStates = randomArray(n * H);
      const loss = (weights: typeof w, inputs: Float32Array) => {
        const { states } = lstmForward(weights, inputs, n, D, H, reverse);
        return states.reduce((sum, h, i) => sum + h * (weightsOfStates[i] as number), 0);
      };
      const grad = {
        W: new Float32Array(4 * H * D),
        U: new Float32Array(4 * H * H),
        b: new Float32Array(4 * H),
      };
      const dxs = new Float32Array(n * D);
      lstmBackward(
        w,
        grad,
        xs,
        lstmForward(w, xs, n, D, H, reverse),
        weightsOfStates,
        dxs,
        n,
        D,
        H,
        reverse,
      );
      const eps = 1e-3;
      for (const key of ["W", "U", "b"] as const) {
        for (let i = 0; i < w[key].length; i++) {
          const up = { ...w, [key]: w[key].slice() };
          const down = { ...w, [key]: w[key].slice() };
          up[key][i] = (up[key][i] as number) + eps;
          down[key][i] = (down[key][i] as number) - eps;
          const numeric = (loss(up, xs) - loss(down, xs)) / (2 * eps);
          expect(Math.abs(numeric - (grad[key][i] as number))).toBeLessThan(1e-3);
        }
      }
      for (let i = 0; i < xs.length; i++) {
        const up = xs.slice();
        const down = xs.slice();
        up[i] = (up[i] as number) + eps;
        down[i] = (down[i] as number) - eps;
        const numeric = (loss(w, up) - loss(w, down)) / (2 * eps);
        expect(Math.abs(numeric - (dxs[i] as number))).toBeLessThan(1e-3);
      }
    }
  });

  it("match finite differences through the CRF, and forbidden transitions get none", () => {
    const labels = ["O", "B-LOC", "I-LOC", "B-PERS", "I-PERS"];
    const L = labels.length;
    const allowed = bioTransitions(labels);
    const n = 5;
    const emissions = randomArray(n * L);
    const transitions = randomArray((L + 1) * L);
    const gold = Int32Array.from([1, 2, 0, 3, 4]);
    const lossOf = (e: Float32Array, t: Float32Array) =>
      crfGradient(e, t, allowed, gold, L, new Float32Array(n * L), new Float32Array((L + 1) * L));
    const dE = new Float32Array(n * L);
    const dT = new Float32Array((L + 1) * L);
    const loss = crfGradient(emissions, transitions, allowed, gold, L, dE, dT);
    expect(loss).toBeGreaterThan(0);
    const eps = 1e-3;
    emissions.forEach((_, i) => {
      const up = emissions.slice();
      const down = emissions.slice();
      up[i] = (up[i] as number) + eps;
      down[i] = (down[i] as number) - eps;
      const numeric = (lossOf(up, transitions) - lossOf(down, transitions)) / (2 * eps);
      expect(Math.abs(numeric - (dE[i] as number))).toBeLessThan(1e-3);
    });
    transitions.forEach((_, i) => {
      if (!allowed[i]) {
        expect(dT[i]).toBe(0);
        return;
      }
      const up = transitions.slice();
      const down = transitions.slice();
      up[i] = (up[i] as number) + eps;
      down[i] = (down[i] as number) - eps;
      const numeric = (lossOf(emissions, up) - lossOf(emissions, down)) / (2 * eps);
      expect(Math.abs(numeric - (dT[i] as number))).toBeLessThan(1e-3);
    });
  });
});

/** Word vectors for the tiny corpus's words, random but fixed, in the shipped file format. */
function tinyEmbeddings() {
  const words = [...new Set(tiny.flatMap((s) => s.tokens))];
  const dim = 6;
  const bytes = encodeEmbeddings(words, randomArray(words.length * dim), dim, "test");
  return decodeEmbeddings(bytes);
}

/** A network small enough to learn the tiny corpus in a fraction of a second. */
const TINY_NETWORK = { hidden: 6, bagDim: 6, bucketBits: 10, dropout: 0, batch: 1, rate: 0.01 };

describe("the neural tagger", () => {
  const embeddings = tinyEmbeddings();
  const options = { embeddings, epochs: 40, ...TINY_NETWORK };

  it("learns a small corpus, and tags the same after saving and loading", () => {
    const tagger = trainNeuralTagger(tiny, options);
    const words = tiny.map((s) => s.tokens);
    const tagged = tagger.tagDocument(words);
    expect(
      scoreSpans(
        tiny.map((s) => s.tags),
        tagged.map((t) => t.tags),
      ).overall.f1,
    ).toBe(1);
    const copy = NeuralTagger.deserialize(tagger.serialize(), embeddings);
    expect(copy.tagDocument(words).map((t) => t.tags)).toEqual(tagged.map((t) => t.tags));
  });

  it("scores the same on its fast path (remembered projections) as on the training path", () => {
    // tagging between epochs fills the fast path's caches; later updates must not leave them stale
    const tagger = trainNeuralTagger(tiny, {
      ...options,
      epochs: 3,
      onEpoch: (_, model) => model.tagDocument(tiny.map((s) => s.tokens)),
    });
    for (const s of tiny) {
      const inputs = tagger.inputs(s.tokens);
      const slow = tagger.scores(tagger.inputVectors(inputs), inputs.n).emissions;
      const fast = tagger.fastScores(inputs);
      fast.forEach((x, i) => {
        expect(Math.abs(x - (slow[i] as number))).toBeLessThan(1e-4);
      });
    }
  });

  it("adds its partner perceptron's scores, and keeps the partner in its file", () => {
    const neural = trainNeuralTagger(tiny, { ...options, epochs: 1 });
    const perceptron = trainTagger(tiny, { epochs: 8 });
    const words = tiny.map((s) => s.tokens);
    const alone = neural.tagDocument(words).map((t) => t.tags);
    const paired = withPartner(neural, perceptron, 50); // the perceptron dominates
    expect(paired.tagDocument(words).map((t) => t.tags)).toEqual(
      perceptron.tagDocument(words).map((t) => t.tags),
    );
    expect(alone).not.toEqual(tiny.map((s) => s.tags)); // one epoch is not enough alone
    const copy = NeuralTagger.deserialize(paired.serialize(), embeddings);
    expect(copy.partner).toBeInstanceOf(NerTagger);
    expect(copy.config.partnerWeight).toBe(50);
  });
});

describe("gold tags that break BIO", () => {
  it("are read as conlleval reads them, so the training loss stays a likelihood", () => {
    expect(validBio(["O", "I-LOC", "I-LOC", "B-PERS", "I-LOC", "I-PERS"])).toEqual([
      "O",
      "B-LOC",
      "I-LOC",
      "B-PERS",
      "B-LOC",
      "B-PERS",
    ]);
    // an I- after O in the data: the CRF can never produce that path; the loss must not go below 0
    const broken = tiny.map((s) => ({ ...s, tags: s.tags.map((t) => t.replace(/^B-/, "I-")) }));
    const losses: number[] = [];
    trainNeuralTagger(broken, {
      embeddings: tinyEmbeddings(),
      epochs: 30,
      ...TINY_NETWORK,
      onEpoch: (_, __, loss) => losses.push(loss),
    });
    for (const loss of losses) expect(loss).toBeGreaterThan(0);
  });
});

describe("one type per name in a document", () => {
  const sentence = (tags: string[], confidences: number[]) => ({ tags, confidences });

  it("tags untagged occurrences of a confident name, clitics stripped, and settles conflicts", () => {
    // stems as the tagger computes them: وسليم → سليم
    const stems = [
      ["قال", "سليم", "حداد", "إن"],
      ["و", "سليم", "حداد", "رد"],
      ["زار", "سليم", "حداد", "بيروت"],
      ["في", "بيروت"],
    ];
    const tagged = [
      sentence(["O", "B-PERS", "I-PERS", "O"], [1, 0.97, 0.96, 1]),
      sentence(["O", "O", "O", "O"], [1, 0.6, 0.6, 1]),
      sentence(["O", "B-ORG", "I-ORG", "B-LOC"], [1, 0.55, 0.5, 0.99]),
      sentence(["O", "O"], [1, 0.7]),
    ];
    const out = settleDocument(stems, tagged);
    expect(out[1]?.tags).toEqual(["O", "B-PERS", "I-PERS", "O"]);
    expect(out[2]?.tags).toEqual(["O", "B-PERS", "I-PERS", "B-LOC"]);
    expect(out[3]?.tags).toEqual(["O", "B-LOC"]);
    // added tags are no more confident than a vote
    expect(out[1]?.confidences[1]).toBeLessThanOrEqual(0.9);
  });

  it("within one article, lets a person's full name label its family name used alone", () => {
    const stems = [
      ["قال", "جون", "كيري", "إن"],
      ["و", "كيري", "رد"],
    ];
    const tagged = () => [
      sentence(["O", "B-PERS", "I-PERS", "O"], [1, 0.98, 0.97, 1]),
      sentence(["O", "O", "O"], [1, 0.6, 1]),
    ];
    const article = settleDocument(stems, tagged(), { ...DEFAULT_CONSISTENCY, nameParts: true });
    expect(article[1]?.tags).toEqual(["O", "B-PERS", "O"]);
    // across the unrelated sentences of a CoNLL file, a part of a name proves nothing
    expect(settleDocument(stems, tagged())[1]?.tags).toEqual(["O", "O", "O"]);
  });

  it("leaves names alone when the confident occurrences disagree, or are too far away", () => {
    const stems = [["سليم"], ["سليم"], ["سليم"]];
    const split = settleDocument(stems, [
      sentence(["B-PERS"], [0.95]),
      sentence(["B-LOC"], [0.95]),
      sentence(["O"], [0.5]),
    ]);
    expect(split.map((s) => s.tags[0])).toEqual(["B-PERS", "B-LOC", "O"]);
    const far = settleDocument(
      stems,
      [sentence(["B-PERS"], [0.95]), sentence(["O"], [0.5]), sentence(["O"], [0.5])],
      { window: 1, voteConfidence: 0.9, majority: 0.7, nameParts: false },
    );
    expect(far.map((s) => s.tags[0])).toEqual(["B-PERS", "B-PERS", "O"]);
  });
});

describe("the shipped taggers", () => {
  it("loads the neural one by default and the perceptron by name, each by its file's kind", () => {
    expect(loadTagger()).toBeInstanceOf(NeuralTagger);
    expect(loadTagger("neural")).toBe(loadTagger());
    expect(loadTagger("perceptron")).toBeInstanceOf(NerTagger);
    const bytes = readFileSync(join(root, "data/ner/tagger.bin.gz"));
    expect(decodeTagger(bytes)).toBeInstanceOf(NerTagger);
  });
});
