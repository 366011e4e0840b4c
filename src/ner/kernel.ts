/**
 * Matrix-vector products in WebAssembly SIMD (matvec.wat): about four times what the same loop
 * does in JavaScript, which is what lets the neural tagger run at news speed on one core. The
 * matrices live in the module's memory, copied in once; vectors are copied in per call.
 */
import { MATVEC_WASM } from "./matvec-wasm.js";

/** What the module exports (the project's TypeScript settings carry no DOM WebAssembly types). */
interface MatVecExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  matvec: (m: number, x: number, out: number, rows: number, cols: number) => void;
}

const wasm = (
  globalThis as unknown as {
    WebAssembly: {
      Module: new (bytes: Uint8Array) => object;
      Instance: new (module: object) => { exports: MatVecExports };
    };
  }
).WebAssembly;

export class MatVec {
  private readonly memory: MatVecExports["memory"];
  private readonly run: MatVecExports["matvec"];
  private floats: Float32Array;
  /** Next free float, kept a multiple of 4 (16-byte alignment). */
  private top = 0;

  private constructor(exports: MatVecExports) {
    this.memory = exports.memory;
    this.run = exports.matvec;
    this.floats = new Float32Array(this.memory.buffer);
  }

  /** The kernel, or undefined where WebAssembly SIMD is not available. */
  static create(): MatVec | undefined {
    try {
      const module = new wasm.Module(Buffer.from(MATVEC_WASM, "base64"));
      return new MatVec(new wasm.Instance(module).exports);
    } catch {
      return undefined;
    }
  }

  /** Room for `size` floats (zeroed); returns where they start, in floats. */
  allocate(size: number): number {
    const at = this.top;
    this.top += Math.ceil(size / 4) * 4;
    const needed = this.top * 4 - this.memory.buffer.byteLength;
    if (needed > 0) {
      this.memory.grow(Math.ceil(needed / 65536));
      this.floats = new Float32Array(this.memory.buffer);
    }
    return at;
  }

  /** The module's memory as floats (a new view after the memory grew). */
  get view(): Float32Array {
    return this.floats;
  }

  /** out[0..rows) = M · x, M rows × cols at `m`, x at `x` (offsets in floats; cols % 4 == 0). */
  matvec(m: number, x: number, out: number, rows: number, cols: number): void {
    this.run(m * 4, x * 4, out * 4, rows, cols);
  }
}
