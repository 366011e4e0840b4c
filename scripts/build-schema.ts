/**
 * Writes schema/analysis.schema.json, the JSON Schema of the Analysis document, from the runtime
 * zod schema in src/analysis.ts. A test fails when the committed file is out of date.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { analysisJsonSchema } from "../src/analysis.js";

const target = new URL("../schema/analysis.schema.json", import.meta.url);
mkdirSync(new URL(".", target), { recursive: true });
writeFileSync(target, `${JSON.stringify(analysisJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
