import { defineConfig } from 'vitest/config';

// Browser test of /carte/ on a large synthetic territory (npm run test:browser:large builds it first into
// bench/out/large/dist, served in place of dist/).
export default defineConfig({
  test: {
    include: ['tests/browser-large/**/*.test.ts'],
    globalSetup: ['tests/browser/server.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
