import { defineConfig } from 'vitest/config';

// Browser tests: Debian's Chromium driven by playwright-core against the BUILT site (run `npm run build` first).
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/server.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false, // 2 cores: one Chromium at a time
  },
});
