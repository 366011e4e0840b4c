/**
 * The invented pan-Arab articles of test/fixtures/pan-arab and their split: pa-07 … pa-12 are
 * the check half (not tuned on), the rest the tune half. Shared by `npm run eval` and the test.
 */

/** Whether the article numbered n (pa-NN) is in the check half. */
export function isPanArabCheck(n: number): boolean {
  return n >= 7 && n <= 12;
}

/** The number of a pan-Arab file name (pa-07.gold.json → 7), or NaN. */
export function panArabNumber(file: string): number {
  const m = /pa-(\d+)\./.exec(file);
  return m ? Number(m[1]) : Number.NaN;
}
