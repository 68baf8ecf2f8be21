import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../db/seed-data/sample-stories';
import { createPostgres, postgresUnavailable, startStandalone, type AppServer, type PostgresServer } from './processes';

/*
 * The standalone server, as a container runs it: the suite's production build completed by
 * `npm run standalone`, copied away from the project (so nothing can be found in the project's
 * node_modules), then `node midad.cjs migrate` and `node midad.cjs start --no-migrate` with Node
 * alone on a new embedded database. It must keep npm start's refusals, and serve readers' pages
 * and the build's static files; on a PostgreSQL server, migration jobs started together take turns.
 * The test owns the copy, the databases and the servers' ports, and stops the servers by PID.
 */

test.describe.configure({ mode: 'serial' });

const PORT = Number(process.env.E2E_PORT ?? 3100) + 70;
const ROOT = process.cwd();
/** Copying the build, migrating a new database and starting Next take minutes on a busy 2-core machine. */
const STANDALONE_TEST_MS = 600_000;

let work = '';
let app = '';
let server: AppServer | undefined;
let pg: PostgresServer | undefined;

/** The only settings the server gets: what an operator would give a container. */
function settings(): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'production',
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: work,
    MIDAD_LOCALE: 'en',
    AUTH_SECRET: 'a-standalone-test-secret-of-forty-chars!',
    SITE_URL: `http://127.0.0.1:${PORT}`,
    PGLITE_DIR: path.join(work, 'data', 'pglite'),
    MEDIA_DIR: path.join(work, 'data', 'media'),
    NEXT_TELEMETRY_DISABLED: '1',
  };
}

/** Runs a command to its end: its exit code and everything it printed. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}


test.beforeAll(async () => {
  test.setTimeout(STANDALONE_TEST_MS);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-standalone-'));
  const assembled = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/standalone/assemble.ts'], { cwd: ROOT, env: process.env, encoding: 'utf8' });
  expect(assembled.status, assembled.stderr + assembled.stdout).toBe(0);
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  app = path.join(work, 'app');
  fs.cpSync(path.join(ROOT, distDir, 'standalone'), app, { recursive: true, verbatimSymlinks: true });
});

test.afterAll(async () => {
  test.setTimeout(STANDALONE_TEST_MS);
  await server?.stop();
  pg?.destroy();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('migrates and creates accounts as jobs of their own, and start keeps npm start’s refusals', async () => {
  test.setTimeout(STANDALONE_TEST_MS);
  const start = ['midad.cjs', 'start', '--no-migrate', '--port', String(PORT)];
  // A node told not to migrate refuses a database behind its build, naming what is missing.
  const behind = await run(process.execPath, start, app, settings());
  expect(behind.code).toBe(1);
  expect(behind.output).toMatch(/The database lacks \d+ migration\(s\) of this build/);

  const migrated = await run(process.execPath, ['midad.cjs', 'migrate'], app, settings());
  expect(migrated.output).toContain('Migrations applied.');
  expect(migrated.code).toBe(0);

  // Bad settings: one line per variable, and nothing started.
  const refused = await run(process.execPath, start, app, { ...settings(), AUTH_SECRET: 'short' });
  expect(refused.code).toBe(1);
  expect(refused.output).toContain('Midad stopped: fix these settings');
  expect(refused.output).toMatch(/^ {2}AUTH_SECRET /m);

  // Demo accounts with their published passwords: refused, each named.
  // (Demo data comes only from the project's own script, as on a developer's machine.)
  const seeded = await run(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', '--demo'], ROOT, settings());
  expect(seeded.code, seeded.output).toBe(0);
  const demo = await run(process.execPath, start, app, settings());
  expect(demo.code).toBe(1);
  expect(demo.output).toContain('refuses to run while these accounts still have the demo password');
  expect(demo.output).toContain('--email admin@midad.test');
  expect(demo.output).not.toContain('Next.js');

  // The operator gives each its own password (the sample stories stay, for the pages below).
  for (const account of DEMO_ACCOUNTS) {
    const changed = await run(process.execPath, ['midad.cjs', 'user:create', '--email', account.email, '--password', `${account.role}-standalone-password`, '--role', account.role, '--name', account.name], app, settings());
    expect(changed.output).toContain(`Updated ${account.role} ${account.email}`);
    expect(changed.code).toBe(0);
  }
});

test('serves readers’ pages and the build’s static files with Node alone', async () => {
  test.setTimeout(STANDALONE_TEST_MS);
  server = await startStandalone(app, PORT, settings(), ['--no-migrate']);

  const health = await fetch(`${server.url}/api/health`);
  expect(await health.json()).toMatchObject({ status: 'ok' });

  const home = await fetch(`${server.url}/`);
  expect(home.status).toBe(200);
  expect(home.headers.get('cache-control')).toMatch(/^public, /);
  const homeHtml = await home.text();
  expect(homeHtml).toContain('<html lang="ar" dir="rtl"');

  const articleHref = homeHtml.match(/href="(\/articles\/[^"?#]+)"/)?.[1];
  expect(articleHref, 'the home page links to a sample story').toBeTruthy();
  const article = await fetch(`${server.url}${articleHref}`);
  expect(article.status).toBe(200);
  expect(article.headers.get('cache-control')).toMatch(/^public, /);
  expect(await article.text()).toMatch(/<article[\s>]/);

  // Every script and style sheet the page names, from .next/static copied beside the server.
  // (A build given a deployment id adds `?dpl=…` to their addresses.)
  const assets = [...new Set([...homeHtml.matchAll(/(?:href|src)="(\/_next\/static\/[^"]+)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&')))];
  const isCss = (asset: string) => new URL(asset, server!.url).pathname.endsWith('.css');
  expect(assets.some(isCss)).toBe(true);
  expect(assets.some((asset) => new URL(asset, server!.url).pathname.endsWith('.js'))).toBe(true);
  for (const asset of assets) {
    const response = await fetch(`${server.url}${asset}`);
    expect(response.status, asset).toBe(200);
    expect(response.headers.get('content-type'), asset).toMatch(isCss(asset) ? /text\/css/ : /javascript/);
    expect(response.headers.get('cache-control'), asset).toContain('immutable');
    expect((await response.arrayBuffer()).byteLength, asset).toBeGreaterThan(0);
  }

  // Stopped by its PID with SIGTERM, it lets the port go.
  await server.stop();
  server = undefined;
  await expect(fetch(`http://127.0.0.1:${PORT}/api/health`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
});

test('on a PostgreSQL server, two migration jobs started together take turns, and a node starts on the result', async () => {
  const unavailable = postgresUnavailable();
  test.skip(unavailable !== null, unavailable ?? '');
  test.setTimeout(STANDALONE_TEST_MS);
  pg = createPostgres(PORT + 1);
  const env = { ...settings(), PGLITE_DIR: '', DATABASE_URL: pg.databaseUrl };
  const jobs = await Promise.all([1, 2].map(() => run(process.execPath, ['midad.cjs', 'migrate'], app, env)));
  for (const job of jobs) {
    expect(job.output).toContain('Migrations applied.');
    expect(job.code).toBe(0);
  }

  server = await startStandalone(app, PORT + 2, env, ['--no-migrate']);
  const home = await fetch(`${server.url}/`);
  expect(home.status).toBe(200);
  expect(await home.text()).toContain('<html lang="ar" dir="rtl"');
  await server.stop();
  server = undefined;
});
