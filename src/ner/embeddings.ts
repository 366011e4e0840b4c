/**
 * Pre-trained word vectors (data/ner/embeddings.bin, built by scripts/train-embeddings.ts): one
 * row per normalised word, stored as int8 with a per-row scale, so 100k words × 64 dimensions
 * take 6.5 MB and load as two typed arrays and one Map.
 *
 * Format: a UTF-8 header line (`#marsad-embeddings 1`, TAB, `dim=`, TAB, `words=`, TAB,
 * `keys=<bytes>`, TAB, free text on how it was built), the keys joined by "\n" (that many bytes),
 * then `words` float32 LE scales, then words × dim int8 components.
 */
import { readFileSync } from "node:fs";

export const EMBEDDINGS_MAGIC = "#marsad-embeddings 1";
export const DEFAULT_EMBEDDINGS = new URL("../../data/ner/embeddings.bin", import.meta.url);

export interface Embeddings {
  readonly dim: number;
  readonly size: number;
  /** The row of a normalised word, or -1 when it has none. */
  row(key: string): number;
  /** Adds `weight` × the row's vector to `out` at `offset`. */
  addRow(row: number, out: Float32Array, offset: number, weight?: number): void;
}

/** Quantises `vectors` (words × dim floats, row-major) into the file format. */
export function encodeEmbeddings(
  keys: readonly string[],
  vectors: Float32Array,
  dim: number,
  about: string,
): Buffer {
  const keyBytes = Buffer.from(keys.join("\n"), "utf8");
  const header = Buffer.from(
    `${EMBEDDINGS_MAGIC}\tdim=${dim}\twords=${keys.length}\tkeys=${keyBytes.length}\t${about}\n`,
    "utf8",
  );
  const scales = new Float32Array(keys.length);
  const components = new Int8Array(keys.length * dim);
  for (let r = 0; r < keys.length; r++) {
    let max = 0;
    for (let k = 0; k < dim; k++) max = Math.max(max, Math.abs(vectors[r * dim + k] as number));
    const scale = max / 127 || 1;
    scales[r] = scale;
    for (let k = 0; k < dim; k++)
      components[r * dim + k] = Math.round((vectors[r * dim + k] as number) / scale);
  }
  return Buffer.concat([
    header,
    keyBytes,
    Buffer.from(scales.buffer),
    Buffer.from(components.buffer),
  ]);
}

/** Reads an embeddings file's bytes. */
export function decodeEmbeddings(data: Buffer): Embeddings {
  const newline = data.indexOf(10);
  const header = data.subarray(0, newline).toString("utf8").split("\t");
  if (header[0] !== EMBEDDINGS_MAGIC) throw new Error("not a marsad embeddings file");
  const field = (name: string) =>
    Number((header.find((h) => h.startsWith(`${name}=`)) ?? "").slice(name.length + 1));
  const dim = field("dim");
  const size = field("words");
  let at = newline + 1;
  const keys = data
    .subarray(at, at + field("keys"))
    .toString("utf8")
    .split("\n");
  at += field("keys");
  // copies, so the arrays are aligned whatever the header length
  const scales = new Float32Array(
    data.buffer.slice(data.byteOffset + at, data.byteOffset + at + size * 4),
  );
  at += size * 4;
  const components = new Int8Array(
    data.buffer.slice(data.byteOffset + at, data.byteOffset + at + size * dim),
  );
  const rows = new Map<string, number>();
  keys.forEach((key, r) => {
    rows.set(key, r);
  });
  return {
    dim,
    size,
    row: (key) => rows.get(key) ?? -1,
    addRow(row, out, offset, weight = 1) {
      const scale = (scales[row] as number) * weight;
      const from = row * dim;
      for (let k = 0; k < dim; k++)
        out[offset + k] = (out[offset + k] as number) + scale * (components[from + k] as number);
    },
  };
}

let loaded: Embeddings | undefined;

/** The shipped embeddings, loaded once. */
export function loadEmbeddings(): Embeddings {
  loaded ??= decodeEmbeddings(readFileSync(DEFAULT_EMBEDDINGS));
  return loaded;
}
