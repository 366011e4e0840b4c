import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // restarts the shared PostgreSQL server: run alone, last (vitest.restart.config.ts)
    exclude: ["test/restart/**", "**/node_modules/**"],
    testTimeout: 30_000,
    setupFiles: ["test/setup.ts"],
  },
});
