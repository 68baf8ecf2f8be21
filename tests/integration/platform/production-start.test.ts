import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionOptionsFromEnv, openDatabase, type Database } from '@/db/client';
import { pendingMigrations } from '@/db/migration-state';
import { DemoPasswordsInUse, PRODUCTION_START_STEPS, prepareDatabase, refuseDemoPasswords } from '@/db/prepare';
import { articles, sections, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { DEMO_ACCOUNTS } from '@/db/seed-data/sample-stories';
import { upsertUser } from '@/db/users';
import { describeDemoPasswords, requireValidConfig } from '@/scripts/environment';
import { driverName, emptyDatabase, tempDir } from '../helpers';

const quiet = () => {};

/** Runs `fn` on its own connection to the database the start steps use, closed afterwards (PGlite's lock). */
async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const connection = openDatabase(connectionOptionsFromEnv());
  try {
    return await fn(connection.db);
  } finally {
    await connection.close();
  }
}

const countOf = (db: Database, table: typeof users | typeof sections | typeof articles) =>
  db.select({ n: count() }).from(table).then(([row]) => row!.n);

const saved = { PGLITE_DIR: process.env.PGLITE_DIR };

beforeAll(async () => {
  // An empty database: on PostgreSQL the one DATABASE_URL names, reset; otherwise a new directory.
  const connection = await emptyDatabase();
  await connection.close();
  if (driverName === 'pglite') process.env.PGLITE_DIR = path.join(tempDir('midad-start-'), 'pglite');
});

afterAll(() => {
  if (saved.PGLITE_DIR === undefined) delete process.env.PGLITE_DIR;
  else process.env.PGLITE_DIR = saved.PGLITE_DIR;
});

describe(`what npm start does to the database on ${driverName}`, () => {
  it('creates sections and settings on a fresh database, and no account or story', async () => {
    await prepareDatabase(PRODUCTION_START_STEPS, quiet);
    await withDb(async (db) => {
      expect(await countOf(db, users)).toBe(0);
      expect(await countOf(db, articles)).toBe(0);
      expect(await countOf(db, sections)).toBe(6);
    });
  });

  it('refuses while demo accounts keep their published passwords, and names each one', async () => {
    await withDb((db) => seedDatabase(db, { production: false }));
    const refusal = await prepareDatabase(PRODUCTION_START_STEPS, quiet).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DemoPasswordsInUse);
    expect((refusal as DemoPasswordsInUse).accounts.map((a) => a.email)).toEqual(DEMO_ACCOUNTS.map((a) => a.email));
  });

  it('still refuses while one remains, and passes once each is changed or deactivated', async () => {
    const [admin, editor, reviewer] = DEMO_ACCOUNTS;
    await withDb(async (db) => {
      await upsertUser(db, { email: admin!.email, password: 'a password of our own', role: 'admin', name: admin!.name });
      await db.update(users).set({ active: false }).where(eq(users.email, editor!.email));
      await expect(refuseDemoPasswords(db)).rejects.toMatchObject({ accounts: [reviewer] });

      await upsertUser(db, { email: reviewer!.email, password: 'another one of ours', role: 'reviewer', name: reviewer!.name });
      await expect(refuseDemoPasswords(db)).resolves.toBeUndefined();
    });
    await expect(prepareDatabase(PRODUCTION_START_STEPS, quiet)).resolves.toBeUndefined();
    // Starting again adds no account: the two changed and the one deactivated are all there is.
    await withDb(async (db) => expect(await countOf(db, users)).toBe(3));
  });

  it('tells the operator how to fix it, in English or Arabic', () => {
    const english = describeDemoPasswords([DEMO_ACCOUNTS[0]!], { MIDAD_LOCALE: 'en' });
    expect(english).toContain('npm start refuses to run while these accounts still have the demo password');
    expect(english).toContain("npm run user:create -- --email admin@midad.test --password 'A-NEW-PASSWORD' --role admin --name 'سلمى الخطيب'");
    expect(english).toContain('deactivate');
    const arabic = describeDemoPasswords([DEMO_ACCOUNTS[0]!], { LANG: 'ar_SA.UTF-8' });
    expect(arabic).toContain('يرفض npm start العمل');
    expect(arabic).toContain('admin@midad.test (مدير)');
  });
});

describe('a build made for the other kind of SITE_URL', () => {
  const deployment = { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40), MIDAD_LOCALE: 'en' };

  /** A dist directory whose routes manifest holds the headers next.config.ts gives for `siteUrl`. */
  function buildFor(siteUrl: string | null): string {
    const dir = tempDir('midad-build-');
    if (siteUrl === null) return dir;
    const headers = siteUrl.startsWith('https:') ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : [];
    const manifest = { version: 3, headers: [{ source: '/:path*', headers: [{ key: 'X-Content-Type-Options', value: 'nosniff' }, ...headers] }] };
    fs.writeFileSync(path.join(dir, 'routes-manifest.json'), JSON.stringify(manifest));
    return dir;
  }

  it('is refused, since its headers (HSTS among them) were fixed when it was built', () => {
    const https = 'https://news.example.org';
    expect(() => requireValidConfig({ deployment: true }, { ...deployment, SITE_URL: https, NEXT_DIST_DIR: buildFor('http://news.example.org') })).toThrow(
      /The build in .* was made with a SITE_URL other than https:\/\/news\.example\.org/,
    );
    expect(() => requireValidConfig({ deployment: true }, { ...deployment, SITE_URL: 'http://127.0.0.1:3000', NEXT_DIST_DIR: buildFor(https) })).toThrow(
      /npm run build again with the same SITE_URL/,
    );
  });

  it('passes when the build matches, and leaves a missing build to next start', () => {
    const https = 'https://news.example.org';
    expect(requireValidConfig({ deployment: true }, { ...deployment, SITE_URL: https, NEXT_DIST_DIR: buildFor(https) }).siteUrl).toBe(https);
    expect(requireValidConfig({ deployment: true }, { ...deployment, SITE_URL: 'http://a.example', NEXT_DIST_DIR: buildFor('http://a.example') }).siteUrl).toBe('http://a.example');
    expect(requireValidConfig({ deployment: true }, { ...deployment, SITE_URL: https, NEXT_DIST_DIR: buildFor(null) }).siteUrl).toBe(https);
  });
});

// The script itself, as an operator runs it: NODE_ENV unset, an embedded database, and no build
// in NEXT_DIST_DIR, so `next start` stops at once once the checks have passed. Each test waits for
// the process to exit; the generous bounds are for a busy machine, where starting Node with tsx and
// migrating a new embedded database can take minutes.
describe.skipIf(driverName !== 'pglite')('npm start, run as a process', () => {
  const root = process.cwd();
  const work = tempDir('midad-start-process-');
  const pgliteDir = path.join(work, 'pglite');
  // Next wants its dist directory inside the project; this one never holds a build.
  const distDir = `.next-start-test-${path.basename(work)}`;
  let port = 0;

  beforeAll(async () => {
    port = await freePort();
  });
  afterAll(() => {
    fs.rmSync(path.join(root, distDir), { recursive: true, force: true });
  });

  function runStart(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; output: string }> {
    const base: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? work,
      MIDAD_LOCALE: 'en',
      PGLITE_DIR: pgliteDir,
      DATABASE_URL: '',
      AUTH_SECRET: 'a-start-test-secret-of-forty-characters!',
      SITE_URL: `http://127.0.0.1:${port}`,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: '1',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...args, '--port', String(port)], {
      cwd: root,
      env: { ...base, ...env } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
  }

  const usersIn = async () => {
    const connection = openDatabase({ pgliteDir });
    try {
      return await connection.db.select({ email: users.email }).from(users);
    } finally {
      await connection.close();
    }
  };

  it('refuses bad settings with one line per variable and touches no database', async () => {
    const { code, output } = await runStart({ DATABASE_POOL_SIZE: 'ten', SITE_URL: '/news', AUTH_SECRET: 'too-short', TRUSTED_PROXIES: 'all' });
    expect(code).toBe(1);
    const problems = output.split('\n').filter((line) => /^ {2}[A-Z_]+ /.test(line));
    expect(problems.map((line) => line.trim().split(' ')[0])).toEqual(['DATABASE_POOL_SIZE', 'AUTH_SECRET', 'SITE_URL', 'TRUSTED_PROXIES']);
    expect(output).toContain('Midad stopped: fix these settings');
    expect(fs.existsSync(pgliteDir)).toBe(false);
  }, 300_000);

  it('says it in Arabic when the operator asks for it', async () => {
    const { code, output } = await runStart({ MIDAD_LOCALE: '', LANG: 'ar_EG.UTF-8', SITE_URL: '' });
    expect(code).toBe(1);
    expect(output).toContain('توقّف مداد');
    expect(output).toContain('لم يُضبط SITE_URL');
  }, 300_000);

  it('creates no account on a fresh database, with NODE_ENV unset', async () => {
    const { output } = await runStart({});
    expect(output).toContain('0 demo accounts, 0 sample stories created');
    // The checks passed and it went on to start Next, which found no build here.
    expect(output).toMatch(/production build/i);
    expect(await usersIn()).toEqual([]);
  }, 600_000);

  it('with --no-migrate, starts on a database already migrated, and refuses one that is not', async () => {
    const migrated = await runStart({}, ['--no-migrate']);
    expect(migrated.output).toContain('the database is up to date; none applied by this node');
    expect(migrated.output).toMatch(/production build/i);

    const unmigrated = path.join(work, 'unmigrated');
    const { code, output } = await runStart({ PGLITE_DIR: unmigrated }, ['--no-migrate']);
    expect(code).toBe(1);
    expect(output).toMatch(/The database lacks \d+ migration\(s\) of this build .*run `npm run db:migrate` first/);
    expect(output).not.toMatch(/production build/i);
    const connection = openDatabase({ pgliteDir: unmigrated });
    try {
      expect((await pendingMigrations(connection.db)).length).toBeGreaterThan(10);
    } finally {
      await connection.close();
    }
  }, 600_000);

  it('refuses to start the server while a demo account has its demo password', async () => {
    await prepareDemoData(pgliteDir);
    const { code, output } = await runStart({});
    expect(code).toBe(1);
    expect(output).toContain('npm start refuses to run while these accounts still have the demo password');
    expect(output).toContain('--email admin@midad.test');
    expect(output).not.toMatch(/production build/i);
  }, 600_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function prepareDemoData(pgliteDir: string) {
  const connection = openDatabase({ pgliteDir });
  try {
    await seedDatabase(connection.db, { production: false });
  } finally {
    await connection.close();
  }
}
