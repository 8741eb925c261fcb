// Lint TypeScript with the recommended rule sets; generated and vendored folders are ignored.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["node_modules", "dist", ".cache", "data", "logs", "src/.observablehq", "tests/artifacts"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "error",
    },
  },
  {
    // Command-line entry points and benchmarks talk to the terminal on purpose.
    files: ["data-loaders/cli/**", "tests/bench/**"],
    rules: { "no-console": "off" },
  },
);
