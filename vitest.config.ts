import { defineConfig } from "vitest/config";

// Integration and browser tests start real servers and DuckDB; give them room, and run files
// one at a time so two builds never fight over the same output folder.
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    reporters: ["default"],
    setupFiles: ["tests/setup.ts"],
  },
});
