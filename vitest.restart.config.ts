import { defineConfig } from "vitest/config";

// The test that restarts the shared PostgreSQL server: run alone, after all the others.
export default defineConfig({
  test: {
    include: ["test/restart/**/*.test.ts"],
    testTimeout: 240_000,
    setupFiles: ["test/setup.ts"],
  },
});
