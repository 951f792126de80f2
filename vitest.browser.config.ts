import { defineConfig } from 'vitest/config';

// Browser tests: Debian's Chromium driven by playwright-core against the BUILT site (run `npm run build` first).
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/server.ts'],
    // Generous: 2 cores shared by several engineers make a WebGL map take over a minute to settle.
    testTimeout: 180_000,
    hookTimeout: 90_000,
    fileParallelism: false, // 2 cores: one Chromium at a time
  },
});
