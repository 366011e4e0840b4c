/**
 * The letters as the external scorer (../shared/tools/marsad_score.py) folds them before it
 * compares names and words, transcribed from its brief: NFKC, no diacritics or tatweel, one alef,
 * ى→ي, ة→ه, ؤ→و, ئ→ي.
 */
export function scorerKey(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[\u064B-\u0652\u0670\u0640]/g, "")
    .replace(/[إأآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه")
    .replace(/ؤ/g, "و")
    .replace(/ئ/g, "ي");
}
