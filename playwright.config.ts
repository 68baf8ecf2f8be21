import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

// Debian's chromium where installed (Playwright cannot download its own browser here).
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

// A production build served on its own database: PGlite in .data/e2e (reset each run), or the
// PostgreSQL server named by DATABASE_URL. E2E_SKIP_BUILD=1 reuses an existing build.
const build = process.env.E2E_SKIP_BUILD === '1' ? '' : 'npm run build && ';

export default defineConfig({
  testDir: 'e2e',
  // Kept apart from the JSON reports that CI reads in test-results/, and per port: Playwright
  // empties this folder when a run starts, which would delete traces of another run beside it.
  outputDir: process.env.E2E_PORT ? `test-results/playwright-${PORT}` : 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Bounds for failure, not waits: every step waits for a state, and on a busy 2-core machine a
  // first page render or a sign-in can take several seconds. Heavy tests set their own budget.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : 'list',
  use: {
    baseURL,
    locale: 'ar',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: systemChromium,
      args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
    { name: 'mobile', use: { ...devices['Pixel 7'], channel: undefined }, testMatch: /reading\.spec\.ts/ },
  ],
  webServer: {
    command: `${build}node --import tsx scripts/e2e-server.ts --port ${PORT}`,
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PGLITE_DIR: process.env.DATABASE_URL ? '' : (process.env.E2E_PGLITE_DIR ?? '.data/e2e'),
      NEXT_TELEMETRY_DISABLED: '1',
      // A fixed secret for the test server only; real deployments set their own.
      AUTH_SECRET: 'e2e-only-secret-not-for-deployment-0123456789',
      // Every spec reads the content API from this one address, within one minute or two: the
      // per-minute limits are the integration tests' to check (tests/integration/api).
      API_RATE_LIMIT_ANONYMOUS: '100000',
      API_RATE_LIMIT_KEY: '100000',
      // Readers' views are written every second, so «الأكثر قراءة» checks wait little.
      VIEWS_FLUSH_SECONDS: '1',
    },
  },
});
