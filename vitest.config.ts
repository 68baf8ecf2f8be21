import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(__dirname),
      // Use cases import 'server-only'; under test they run outside React's server bundle.
      'server-only': path.resolve(__dirname, 'tests/support/empty-module.ts'),
    },
  },
  test: {
    // Explicit, so Playwright's e2e/*.spec.ts files are never picked up.
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'i18n/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Route handlers of the content API are called many times a minute from one (unknown) address
    // here; tests/integration/api checks the limits with limits of its own.
    env: { API_RATE_LIMIT_ANONYMOUS: '100000', API_RATE_LIMIT_KEY: '100000' },
    pool: 'forks',
    // Integration files share one Postgres database when DATABASE_URL is set.
    fileParallelism: false,
    // Bounds for a hang, not waits: opening and migrating an embedded database takes seconds
    // when idle and can take a minute on a busy 2-core machine.
    testTimeout: 120_000,
    // CI keeps a JSON report per database driver for its closing summary.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: `test-results/vitest-${process.env.DATABASE_URL ? 'postgres' : 'pglite'}.json` },
    hookTimeout: 240_000,
  },
});
