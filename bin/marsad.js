#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm ci` (the package's `prepare` script), so no build step is
// left for users to remember.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write(
    "marsad: not built yet; run `npm ci` (or `npm run build`) in the checkout\n",
  );
  process.exit(2);
}
await import(entry.href);
