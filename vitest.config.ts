import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.ts"],
    globalSetup: ["./scripts/test-global-setup.ts"],
    expect: { requireAssertions: true },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
