/**
 * Assembles src/ner/matvec.wat (the neural tagger's SIMD kernel) into src/ner/matvec-wasm.ts,
 * the binary as base64, so that the package needs no assembler at run time:
 *
 *   npx tsx scripts/build-kernels.ts
 *
 * wabt (a development dependency) does the assembling; the same source gives the same bytes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import wabt from "wabt";
import { ROOT } from "./lib/ner-dev.js";

export async function assembleMatvec(): Promise<Uint8Array> {
  const source = readFileSync(join(ROOT, "src", "ner", "matvec.wat"), "utf8");
  const module = (await wabt()).parseWat("matvec.wat", source, { simd: true });
  return module.toBinary({}).buffer;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bytes = await assembleMatvec();
  const out = join(ROOT, "src", "ner", "matvec-wasm.ts");
  writeFileSync(
    out,
    `// Built by scripts/build-kernels.ts from matvec.wat; do not edit.\nexport const MATVEC_WASM =\n  "${Buffer.from(bytes).toString("base64")}";\n`,
  );
  console.log(`wrote ${out}: ${bytes.length} bytes of WebAssembly`);
}
