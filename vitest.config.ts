import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["alignments/**/*.test.ts", "app/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts", "tests/unit/**/*.test.ts"],
    environment: "node",
  },
});
