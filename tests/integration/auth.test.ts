import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeConnection, openDatabase, type Connection, type Database } from '@/db/client';
import { sections, signInThrottle, siteSettings, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { findSessionUser, revokeSession } from '@/db/sessions';
import { upsertUser } from '@/db/users';
import { THROTTLE_LIMITS } from '@/lib/auth/throttle-policy';
import { isAppError, type ErrorCode } from '@/lib/errors';
import { authenticate } from '@/lib/server/authenticate';
import { createSection, moveSection, updateSection } from '@/lib/server/sections/manage-sections';
import type { Actor } from '@/lib/server/session';
import { updateSiteSettings } from '@/lib/server/update-site-settings';
import { createUser } from '@/lib/server/users/create-user';
import { changeOwnPassword, resetUserPassword } from '@/lib/server/users/set-password';
import { changeUserRole, setUserActive } from '@/lib/server/users/update-user-access';
import { driverName, freshDatabase, tempDir } from './helpers';

let connection: Connection;
let db: Database;
// A second, independent client: another server process would have its own pool like this.
let second: Connection | undefined;
let otherDb: Database;

const EDITOR = { email: 'editor@midad.test', password: 'midad-editor-demo' };
const attempt = (database: Database, email: string, password: string, ip: string) =>
  authenticate(database, { email, password, ip, userAgent: 'test' });

async function actorFor(email: string): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const result = await attempt(db, email, `midad-${user!.role}-demo`, '10.9.9.9');
  if (!result.ok) throw new Error('demo sign-in failed');
  return (await findSessionUser(db, result.sessionId))!;
}

async function refusal(work: Promise<unknown>): Promise<ErrorCode | 'INVALID_INPUT'> {
  try {
    await work;
  } catch (error) {
    if (isAppError(error)) return error.code;
    if ((error as Error).name === 'ZodError') return 'INVALID_INPUT';
    throw error;
  }
  throw new Error('the operation was allowed');
}

beforeAll(async () => {
  connection = await freshDatabase();
  db = connection.db;
  await seedDatabase(db, { production: false });
  if (process.env.DATABASE_URL) {
    second = openDatabase({ databaseUrl: process.env.DATABASE_URL });
    otherDb = second.db;
  } else {
    otherDb = db; // one embedded database admits one process; its pool is the only client
  }
});
afterAll(async () => {
  await second?.close();
  await closeConnection();
});
beforeEach(async () => {
  await db.delete(signInThrottle);
});

describe(`sign-in on ${driverName}`, () => {
  it('accepts the right password, in any letter case of the email', async () => {
    const result = await attempt(db, '  Editor@MIDAD.test ', EDITOR.password, '10.0.0.1');
    expect(result.ok).toBe(true);
  });

  it('answers the same for a wrong password, an unknown account and a deactivated one', async () => {
    expect(await attempt(db, EDITOR.email, 'wrong-password', '10.0.0.2')).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt(db, 'nobody@midad.test', 'whatever-password', '10.0.0.2')).toEqual({ ok: false, reason: 'invalid' });
    await upsertUser(db, { email: 'gone@midad.test', name: 'x', role: 'editor', password: 'a-real-password-1' });
    await db.update(users).set({ active: false }).where(eq(users.email, 'gone@midad.test'));
    expect(await attempt(db, 'gone@midad.test', 'a-real-password-1', '10.0.0.2')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('locks an account from one address after repeated failures through two independent clients', async () => {
    for (let i = 0; i < THROTTLE_LIMITS.pair; i++) {
      const client = i % 2 === 0 ? db : otherDb;
      expect((await attempt(client, EDITOR.email, `guess-${i}`, '10.1.1.1')).ok).toBe(false);
    }
    // Even the right password is refused now, from either client, without being checked.
    expect(await attempt(otherDb, EDITOR.email, EDITOR.password, '10.1.1.1')).toEqual({ ok: false, reason: 'locked' });
    expect(await attempt(db, EDITOR.email, EDITOR.password, '10.1.1.1')).toEqual({ ok: false, reason: 'locked' });
    // The real person elsewhere is not locked out by this attacker.
    expect((await attempt(db, EDITOR.email, EDITOR.password, '10.2.2.2')).ok).toBe(true);
  });

  it('locks unknown accounts exactly like real ones', async () => {
    for (let i = 0; i < THROTTLE_LIMITS.pair; i++) await attempt(db, 'ghost@midad.test', `guess-${i}`, '10.3.3.3');
    expect(await attempt(db, 'ghost@midad.test', 'guess', '10.3.3.3')).toEqual({ ok: false, reason: 'locked' });
  });

  it('bounds guesses spread across many addresses, and the lock ends when its time is up', async () => {
    for (let i = 0; i < THROTTLE_LIMITS.account; i++) {
      await attempt(i % 2 ? db : otherDb, EDITOR.email, `guess-${i}`, `10.4.0.${i}`);
    }
    expect(await attempt(db, EDITOR.email, EDITOR.password, '10.5.5.5')).toEqual({ ok: false, reason: 'locked' });
    await db.update(signInThrottle).set({ lockedUntil: sql`now() - interval '1 second'` });
    expect((await attempt(db, EDITOR.email, EDITOR.password, '10.5.5.5')).ok).toBe(true);
  });
});

describe(`sessions follow the database on ${driverName}`, () => {
  it('see a role change and a deactivation on the next request, and end at sign-out', async () => {
    await upsertUser(db, { email: 'moving@midad.test', name: 'متنقل', role: 'editor', password: 'moving-password-1' });
    const result = await attempt(db, 'moving@midad.test', 'moving-password-1', '10.6.6.6');
    if (!result.ok) throw new Error('sign-in failed');
    expect((await findSessionUser(db, result.sessionId))?.role).toBe('editor');

    const admin = await actorFor('admin@midad.test');
    const [moving] = await db.select().from(users).where(eq(users.email, 'moving@midad.test'));
    await changeUserRole(db, admin, moving!.id, 'reviewer');
    expect((await findSessionUser(otherDb, result.sessionId))?.role).toBe('reviewer');

    await setUserActive(db, admin, moving!.id, false);
    expect(await findSessionUser(otherDb, result.sessionId)).toBeNull();
    await setUserActive(db, admin, moving!.id, true);
    expect(await findSessionUser(db, result.sessionId)).toBeNull(); // reactivation needs a new sign-in

    const again = await attempt(db, 'moving@midad.test', 'moving-password-1', '10.6.6.6');
    if (!again.ok) throw new Error('sign-in failed');
    await revokeSession(db, again.sessionId);
    expect(await findSessionUser(db, again.sessionId)).toBeNull();
    expect(await findSessionUser(db, 'not-a-uuid')).toBeNull();
  });
});

describe(`people management on ${driverName}`, () => {
  it('lets only admins create people, with normalised unique emails', async () => {
    const admin = await actorFor('admin@midad.test');
    const editor = await actorFor('editor@midad.test');
    const before = await db.$count(users);
    expect(await refusal(createUser(db, editor, { email: 'x@midad.test', name: 'x', role: 'editor', password: 'long-password-1' }))).toBe('FORBIDDEN');
    expect(await db.$count(users)).toBe(before);

    const created = await createUser(db, admin, { email: ' Ｎew@Midad.Test ', name: ' نور ', role: 'reviewer', password: 'long-password-1' });
    expect(created).toMatchObject({ email: 'new@midad.test', name: 'نور', role: 'reviewer', active: true });
    expect(await refusal(createUser(db, admin, { email: 'NEW@midad.test', name: 'y', role: 'editor', password: 'long-password-1' }))).toBe('EMAIL_TAKEN');
    expect(await refusal(createUser(db, admin, { email: 'bad', name: '', role: 'chief', password: 'short' }))).toBe('INVALID_INPUT');
  });

  it('never removes the last active admin', async () => {
    const admin = await actorFor('admin@midad.test');
    expect(await refusal(setUserActive(db, admin, admin.id, false))).toBe('LAST_ADMIN');
    expect(await refusal(changeUserRole(db, admin, admin.id, 'editor'))).toBe('LAST_ADMIN');
    expect((await db.select().from(users).where(eq(users.id, admin.id)))[0]).toMatchObject({ role: 'admin', active: true });
  });

  it('resets passwords (admin) and changes one’s own with the current one', async () => {
    const admin = await actorFor('admin@midad.test');
    const reviewer = await actorFor('reviewer@midad.test');
    expect(await refusal(resetUserPassword(db, reviewer, admin.id, 'new-password-123'))).toBe('FORBIDDEN');
    expect(await refusal(changeOwnPassword(db, reviewer, 'wrong-current', 'new-password-123'))).toBe('WRONG_PASSWORD');
    await changeOwnPassword(db, reviewer, 'midad-reviewer-demo', 'new-password-123');
    expect(await findSessionUser(db, reviewer.sessionId)).not.toBeNull(); // this session stays
    expect((await attempt(db, 'reviewer@midad.test', 'new-password-123', '10.7.7.7')).ok).toBe(true);
    await resetUserPassword(db, admin, reviewer.id, 'midad-reviewer-demo');
    expect(await findSessionUser(db, reviewer.sessionId)).toBeNull(); // an admin reset ends every session
  });
});

describe(`sections and settings on ${driverName}`, () => {
  it('creates sections with Arabic slugs, refuses duplicates, renames without moving the URL, reorders', async () => {
    const admin = await actorFor('admin@midad.test');
    const editor = await actorFor('editor@midad.test');
    expect(await refusal(createSection(db, editor, { name: 'تقنية' }))).toBe('FORBIDDEN');
    await createSection(db, admin, { name: 'تِقْنِيَّة وعلوم' });
    const [created] = await db.select().from(sections).where(eq(sections.name, 'تِقْنِيَّة وعلوم'));
    expect(created!.slug).toBe('تقنية-وعلوم');
    expect(await refusal(createSection(db, admin, { name: 'أخرى', slug: 'تقنية وعلوم' }))).toBe('SLUG_TAKEN');
    expect(await refusal(createSection(db, admin, { name: '؟؟' }))).toBe('SLUG_EMPTY');

    await updateSection(db, admin, created!.id, { name: 'علوم وتقنية', slug: created!.slug });
    expect((await db.select().from(sections).where(eq(sections.id, created!.id)))[0]).toMatchObject({ name: 'علوم وتقنية', slug: 'تقنية-وعلوم' });

    await moveSection(db, admin, created!.id, 'up');
    const order = (await db.select().from(sections).orderBy(sections.position)).map((s) => s.id);
    expect(order.indexOf(created!.id)).toBe(order.length - 2);
  });

  it('validates settings and changes nothing on bad input', async () => {
    const admin = await actorFor('admin@midad.test');
    const before = (await db.select().from(siteSettings))[0];
    expect(await refusal(updateSiteSettings(db, admin, { siteName: 'مداد', siteDescription: '', timeZone: 'Mars/Olympus', digits: 'latn' }))).toBe('TIME_ZONE_INVALID');
    expect(await refusal(updateSiteSettings(db, admin, { siteName: '  ', siteDescription: '', timeZone: 'UTC', digits: 'latn' }))).toBe('INVALID_INPUT');
    expect((await db.select().from(siteSettings))[0]).toEqual(before);
    await updateSiteSettings(db, admin, { siteName: 'مداد اليوم', siteDescription: 'وصف', timeZone: 'Asia/Amman', digits: 'arab' });
    expect((await db.select().from(siteSettings))[0]).toMatchObject({ siteName: 'مداد اليوم', timeZone: 'Asia/Amman', digits: 'arab' });
  });
});

describe('npm run user:create', () => {
  const run = (env: NodeJS.ProcessEnv, ...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/user-create.ts', ...args], { env, encoding: 'utf8', timeout: 60_000 });

  it('creates, then updates by email, and refuses bad input with the reason', async () => {
    // Against the server in the Postgres run; against its own embedded directory otherwise
    // (this test process already holds the embedded database it uses).
    const pgliteDir = path.join(tempDir('midad-cli-'), 'pglite');
    const env = process.env.DATABASE_URL ? { ...process.env } : { ...process.env, DATABASE_URL: '', PGLITE_DIR: pgliteDir };
    const target = process.env.DATABASE_URL ? undefined : pgliteDir;

    const bad = run(env, '--email', 'not-an-email', '--password', 'short', '--role', 'chief', '--name', 'x');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--email');
    expect(bad.stderr).toContain('--role');
    expect(bad.stderr).toContain('--password');

    const created = run(env, '--email', 'Cli.User@Midad.Test', '--password', 'cli-password-1', '--role', 'editor', '--name', 'سطر الأوامر');
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('Created editor cli.user@midad.test');
    const updated = run(env, '--email', 'cli.user@midad.test', '--password', 'cli-password-2', '--role', 'admin', '--name', 'سطر');
    expect(updated.stdout).toContain('Updated admin cli.user@midad.test');

    const check = target ? openDatabase({ pgliteDir: target }) : undefined;
    const database = check?.db ?? db;
    try {
      const rows = await database.select().from(users).where(eq(users.email, 'cli.user@midad.test'));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ role: 'admin', name: 'سطر' });
      expect((await attempt(database, 'cli.user@midad.test', 'cli-password-2', '10.8.8.8')).ok).toBe(true);
    } finally {
      await check?.close();
    }
  });
});
