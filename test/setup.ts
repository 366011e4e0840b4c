/**
 * Property tests draw fresh random cases on every developer run (that is how they find bugs),
 * but CI draws the same ones each time, so that a clean checkout passes or fails for a reason
 * that reproduces. Set FAST_CHECK_SEED to replay a failure seen elsewhere.
 */
import fc from "fast-check";

const seed = process.env.FAST_CHECK_SEED ?? (process.env.CI ? "20261126" : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
