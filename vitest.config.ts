import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Routes import the app's modules as "~/…" (tsconfig's paths); unit tests call their loaders and actions.
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["alignments/**/*.test.ts", "app/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts", "tests/unit/**/*.test.ts"],
    environment: "node",
    // A guard against a hung test, not a speed check: on a loaded 2-core machine a long-document case can take 6 s.
    testTimeout: 30_000,
  },
});
