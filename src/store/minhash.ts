/**
 * Near-duplicate detection: MinHash signatures over word shingles and LSH banding. Two articles
 * whose shingle sets overlap with Jaccard similarity s agree on each signature slot with
 * probability s, so the share of equal slots estimates s; banding (16 bands of 4 slots) makes
 * pairs with s ≥ 0.6 share at least one band key with probability ≈ 0.9 (≈ 1 above 0.8), and
 * candidates found that way are then checked on the full signature.
 */

export const SIGNATURE_SIZE = 64;
export const BANDS = 16;
export const ROWS = SIGNATURE_SIZE / BANDS;
/** Words per shingle: long enough that shared stock phrases do not make articles look alike. */
export const SHINGLE = 4;
/** Estimated Jaccard similarity from which an article joins a story cluster. */
export const NEAR_DUPLICATE = 0.6;

/** Fixed seeds (splitmix32 of the slot number), so signatures are comparable across runs. */
const SEEDS = (() => {
  const seeds = new Uint32Array(SIGNATURE_SIZE);
  let x = 0x9e3779b9;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    x = (x + 0x9e3779b9) | 0;
    seeds[i] = fmix32(x);
  }
  return seeds;
})();

/** MurmurHash3's finaliser: a cheap 32-bit avalanche. */
function fmix32(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** FNV-1a over the UTF-16 code units of a word. */
function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The signature of a text given as its normalised words; undefined for a text without words.
 * A text shorter than one shingle is a single shingle of all its words.
 */
export function signature(words: readonly string[]): Uint32Array | undefined {
  if (words.length === 0) return undefined;
  const hashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) hashes[i] = hashWord(words[i] as string);
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  const shingles = Math.max(1, words.length - SHINGLE + 1);
  const width = Math.min(SHINGLE, words.length);
  for (let s = 0; s < shingles; s++) {
    let h = 0;
    for (let k = 0; k < width; k++) h = fmix32((Math.imul(h, 31) + (hashes[s + k] as number)) | 0);
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = fmix32(h ^ (SEEDS[i] as number));
      if (v < (sig[i] as number)) sig[i] = v;
    }
  }
  return sig;
}

/** One key per band: a hash of the band's slots (collisions only cost a signature check). */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = b;
    for (let r = 0; r < ROWS; r++)
      h = fmix32((Math.imul(h, 31) + (sig[b * ROWS + r] as number)) | 0);
    // signed 32-bit: SQLite stores it in 4 bytes
    keys.push(h | 0);
  }
  return keys;
}

/** The share of equal slots: an estimate of the Jaccard similarity of the shingle sets. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

export function signatureToBytes(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  // copy: the blob's buffer may not be 4-byte aligned
  const copy = new Uint8Array(bytes);
  return new Uint32Array(copy.buffer, 0, Math.floor(copy.byteLength / 4));
}
