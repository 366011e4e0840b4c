import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FeatureBlock, flattenFeatures } from "../../src/ner/features.js";
import { bioTransitions, forwardBackward, NerModel, viterbi } from "../../src/ner/model.js";

const LABELS = ["O", "B-LOC", "I-LOC", "B-PERS", "I-PERS"];
const L = LABELS.length;
const allowed = bioTransitions(LABELS);

/** Brute force over every label sequence: the exact marginals and best path to check against. */
function exhaustive(emissions: Float32Array, transitions: Float32Array, t: number) {
  const n = emissions.length / L;
  const marg = new Float64Array(n * L);
  let z = 0;
  let best = Number.NEGATIVE_INFINITY;
  let bestPath: number[] = [];
  const seq = new Array<number>(n).fill(0);
  const visit = (i: number) => {
    if (i === n) {
      let score = 0;
      for (let k = 0; k < n; k++) {
        const prev = k === 0 ? -1 : (seq[k - 1] as number);
        const y = seq[k] as number;
        if (!allowed[(prev + 1) * L + y]) return;
        score += (transitions[(prev + 1) * L + y] as number) + (emissions[k * L + y] as number);
      }
      const p = Math.exp(score / t);
      z += p;
      for (let k = 0; k < n; k++) {
        const at = k * L + (seq[k] as number);
        marg[at] = (marg[at] as number) + p;
      }
      if (score > best) {
        best = score;
        bestPath = [...seq];
      }
      return;
    }
    for (let y = 0; y < L; y++) {
      seq[i] = y;
      visit(i + 1);
    }
  };
  visit(0);
  return { marginals: marg.map((m) => m / z), best: bestPath };
}

describe("decoding", () => {
  it("Viterbi and forward-backward agree with brute force on small random models", () => {
    const score = fc.float({ min: -5, max: 5, noNaN: true });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 4 })
          .chain((n) =>
            fc.tuple(
              fc.array(score, { minLength: n * L, maxLength: n * L }),
              fc.array(score, { minLength: (L + 1) * L, maxLength: (L + 1) * L }),
            ),
          ),
        fc.constantFrom(0.7, 1, 3),
        ([e, tr], t) => {
          const emissions = Float32Array.from(e);
          const transitions = Float32Array.from(tr);
          const truth = exhaustive(emissions, transitions, t);
          const m = forwardBackward(emissions, transitions, allowed, L, t);
          m.forEach((x, k) => {
            expect(x).toBeCloseTo(truth.marginals[k] as number, 6);
          });
          const path = viterbi(emissions, transitions, allowed, L);
          // Ties aside, the best path's score equals the brute-force best score.
          const scoreOf = (p: ArrayLike<number>) => {
            let s = 0;
            for (let k = 0; k < p.length; k++) {
              const prev = k === 0 ? -1 : (p[k - 1] as number);
              s +=
                (transitions[(prev + 1) * L + (p[k] as number)] as number) +
                (emissions[k * L + (p[k] as number)] as number);
            }
            return s;
          };
          expect(scoreOf(path)).toBeCloseTo(scoreOf(truth.best), 4);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("never produces an I- tag that does not continue its entity", () => {
    const emissions = new Float32Array(3 * L);
    emissions[0 * L + 2] = 10; // I-LOC first: not allowed at the start
    emissions[1 * L + 3] = 10; // B-PERS
    emissions[2 * L + 2] = 10; // I-LOC after B-PERS: not allowed
    const path = Array.from(
      viterbi(emissions, new Float32Array((L + 1) * L), allowed, L),
      (y) => LABELS[y],
    );
    expect(path[0]).not.toBe("I-LOC");
    expect(path[2]).not.toBe("I-LOC");
  });
});

describe("emission scores", () => {
  // A model over a small feature space, so that random sentences hit known and unknown features.
  const hashes = Int32Array.from({ length: 64 }, (_, k) => (k === 5 ? 0 : k * 7919 - 200_000));
  const weights = Float32Array.from({ length: 64 * L }, (_, k) => Math.sin(k * 12.9898) * 3);
  const model = () => new NerModel(LABELS, hashes, weights, new Float32Array((L + 1) * L), 1, {});
  const feature = fc.oneof(
    fc.constantFrom(...hashes),
    fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  );

  it("are the same whether a word's features come as shared blocks or inline", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            own: fc.array(feature, { maxLength: 6 }),
            blocks: fc.array(fc.array(feature, { maxLength: 4 }), { maxLength: 3 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (tokens) => {
          const m = model();
          const shared = new Map<string, FeatureBlock>();
          const blockOf = (feats: number[]) => {
            const key = feats.join(",");
            let block = shared.get(key);
            if (!block) {
              block = new FeatureBlock(Int32Array.from(feats));
              shared.set(key, block);
            }
            return block;
          };
          const feats: number[] = [];
          const offsets = [0];
          const blocks: FeatureBlock[] = [];
          const blockOffsets = [0];
          for (const t of tokens) {
            feats.push(...t.own);
            offsets.push(feats.length);
            blocks.push(...t.blocks.map(blockOf));
            blockOffsets.push(blocks.length);
          }
          const features = {
            feats: Int32Array.from(feats),
            offsets: Int32Array.from(offsets),
            blocks,
            blockOffsets: Int32Array.from(blockOffsets),
          };
          // Twice: the second time the block sums come from the cache.
          const first = m.emissions(features);
          const again = m.emissions(features);
          const inline = m.emissions(flattenFeatures(features));
          expect(Array.from(again)).toEqual(Array.from(first));
          expect(Array.from(inline)).toEqual(Array.from(first));
        },
      ),
    );
  });

  it("survive a round trip through the file format", () => {
    const m = model();
    const features = { feats: Int32Array.from(hashes), offsets: Int32Array.of(0, 30, 64) };
    const loaded = NerModel.deserialize(m.serialize());
    expect(Array.from(loaded.emissions(features))).toEqual(Array.from(m.emissions(features)));
  });
});
