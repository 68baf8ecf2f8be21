import { spawn } from 'node:child_process';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeConnection, openDatabase, type Connection, type Database } from '@/db/client';
import { sections, signInThrottle, siteSettings, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { listActivity } from '@/db/activity';
import { findSessionUser, revokeSession } from '@/db/sessions';
import { PRUNE_BATCH } from '@/db/sign-in-throttle';
import { upsertUser } from '@/db/users';
import { THROTTLE_LIMITS, THROTTLE_LOCK_MINUTES } from '@/lib/auth/throttle-policy';
import { ar } from '@/i18n/ar';
import { en } from '@/i18n/en';
import type { ActivityKind } from '@/lib/activity/entries';
import { isAppError, type ErrorCode } from '@/lib/errors';
import { failureFrom } from '@/lib/server/failures';
import { authenticate } from '@/lib/server/auth/authenticate';
import { issueSignInGrant, redeemSignInGrant } from '@/lib/server/auth/sign-in-grant';
import { createSection, moveSection, updateSection } from '@/lib/server/sections/manage-sections';
import type { Actor } from '@/lib/server/next/session';
import { updateSiteSettings } from '@/lib/server/settings/update-site-settings';
import { createUser } from '@/lib/server/people/create-user';
import { changeOwnPassword, resetUserPassword } from '@/lib/server/people/set-password';
import { changeUserRole, setUserActive } from '@/lib/server/people/update-user-access';
import { driverName, freshDatabase, tempDir } from '../helpers';

let connection: Connection;
let db: Database;
// A second, independent client: another server process would have its own pool like this.
let second: Connection | undefined;
let otherDb: Database;

const EDITOR = { email: 'editor@midad.test', password: 'midad-editor-demo' };
const HERE = { address: '10.9.9.9' };
const attempt = (database: Database, email: string, password: string, ip: string) =>
  authenticate(database, { email, password, ip, userAgent: 'test' });

async function actorFor(email: string): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const result = await attempt(db, email, `midad-${user!.role}-demo`, '10.9.9.9');
  if (!result.ok) throw new Error('demo sign-in failed');
  return (await findSessionUser(db, result.sessionId))!;
}

async function refusal(work: Promise<unknown>): Promise<ErrorCode> {
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
    expect(await attempt(otherDb, EDITOR.email, EDITOR.password, '10.1.1.1')).toMatchObject({ ok: false, reason: 'locked', scope: 'pair' });
    const locked = await attempt(db, EDITOR.email, EDITOR.password, '10.1.1.1');
    expect(locked).toMatchObject({ ok: false, reason: 'locked' });
    // Retry-After: the time left on the lock, by the database's clock.
    const seconds = (locked as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(seconds).toBeGreaterThan(THROTTLE_LOCK_MINUTES * 60 - 60);
    expect(seconds).toBeLessThanOrEqual(THROTTLE_LOCK_MINUTES * 60);
    // The real person elsewhere is not locked out by this attacker.
    expect((await attempt(db, EDITOR.email, EDITOR.password, '10.2.2.2')).ok).toBe(true);
  });

  it('locks unknown accounts exactly like real ones', async () => {
    for (let i = 0; i < THROTTLE_LIMITS.pair; i++) await attempt(db, 'ghost@midad.test', `guess-${i}`, '10.3.3.3');
    expect(await attempt(db, 'ghost@midad.test', 'guess', '10.3.3.3')).toMatchObject({ ok: false, reason: 'locked', scope: 'pair' });
  });

  it('lets exactly the limit of guesses through when they arrive all at once', async () => {
    const burst = await Promise.all(
      Array.from({ length: THROTTLE_LIMITS.pair * 3 }, (_, i) => attempt(i % 2 ? db : otherDb, EDITOR.email, `burst-${i}`, '10.3.9.9')),
    );
    expect(burst.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(THROTTLE_LIMITS.pair);
    expect(burst.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(THROTTLE_LIMITS.pair * 2);
  });

  it('bounds guesses spread across many addresses, and the lock ends when its time is up', async () => {
    for (let i = 0; i < THROTTLE_LIMITS.account; i++) {
      await attempt(i % 2 ? db : otherDb, EDITOR.email, `guess-${i}`, `10.4.0.${i}`);
    }
    expect(await attempt(db, EDITOR.email, EDITOR.password, '10.5.5.5')).toMatchObject({ ok: false, reason: 'locked', scope: 'account' });
    await db.update(signInThrottle).set({ lockedUntil: sql`now() - interval '1 second'` });
    expect((await attempt(db, EDITOR.email, EDITOR.password, '10.5.5.5')).ok).toBe(true);
  });

  it('never extends a lock while attempts keep coming', async () => {
    for (let i = 0; i < THROTTLE_LIMITS.pair; i++) await attempt(db, EDITOR.email, `guess-${i}`, '10.4.4.4');
    const lockOf = async () => (await db.select().from(signInThrottle).where(eq(signInThrottle.key, `pair:${EDITOR.email}|10.4.4.4`)))[0]!.lockedUntil;
    const first = await lockOf();
    for (let i = 0; i < 5; i++) expect(await attempt(db, EDITOR.email, `more-${i}`, '10.4.4.4')).toMatchObject({ reason: 'locked' });
    expect(await lockOf()).toEqual(first);
  });

  it('keeps the person signing in from their known browser while guesses from many addresses lock the account', async () => {
    const home = await attempt(db, EDITOR.email, EDITOR.password, '10.20.0.1');
    if (!home.ok) throw new Error('sign-in failed');
    const knownDevice = home.knownDevice;
    for (let i = 0; i < THROTTLE_LIMITS.account; i++) await attempt(otherDb, EDITOR.email, `spray-${i}`, `10.21.0.${i}`);
    // A browser that never signed in is held to the account lock, even with the right password…
    expect(await attempt(db, EDITOR.email, EDITOR.password, '10.20.0.1')).toMatchObject({ ok: false, reason: 'locked', scope: 'account' });
    // …the person's own browser is not, from any address, and its cookie is renewed.
    const again = await authenticate(db, { email: EDITOR.email, password: EDITOR.password, ip: '10.22.0.1', userAgent: null, knownDevice });
    expect(again.ok).toBe(true);
    // The cookie is worth nothing for another account, nor once tampered with.
    for (let i = 0; i < THROTTLE_LIMITS.account; i++) await attempt(otherDb, 'admin@midad.test', `spray-${i}`, `10.23.0.${i}`);
    expect(await authenticate(db, { email: 'admin@midad.test', password: 'midad-admin-demo', ip: '10.20.0.1', userAgent: null, knownDevice })).toMatchObject({
      reason: 'locked',
    });
    const tampered = knownDevice.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect(await authenticate(db, { email: EDITOR.email, password: EDITOR.password, ip: '10.20.0.1', userAgent: null, knownDevice: tampered })).toMatchObject({
      reason: 'locked',
    });
  });

  it('holds a known browser to its own tight counter', async () => {
    const home = await attempt(db, EDITOR.email, EDITOR.password, '10.24.0.1');
    if (!home.ok) throw new Error('sign-in failed');
    const fromHome = (password: string) =>
      authenticate(db, { email: EDITOR.email, password, ip: '10.24.0.1', userAgent: null, knownDevice: home.knownDevice });
    for (let i = 0; i < THROTTLE_LIMITS.device; i++) expect(await fromHome(`typo-${i}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(await fromHome(EDITOR.password)).toMatchObject({ ok: false, reason: 'locked', scope: 'device' });
    // Its failures counted for the account as well, so a stolen cookie buys no extra guesses there.
    const [account] = await db.select().from(signInThrottle).where(eq(signInThrottle.key, `account:${EDITOR.email}`));
    expect(account!.failures).toBe(THROTTLE_LIMITS.device);
  });

  it('limits one address across accounts, without touching other addresses', async () => {
    for (let i = 0; i < THROTTLE_LIMITS.ip; i++) await attempt(i % 2 ? db : otherDb, `stuffed-${i}@midad.test`, 'password-1', '10.30.0.1');
    expect(await attempt(db, EDITOR.email, EDITOR.password, '10.30.0.1')).toMatchObject({ ok: false, reason: 'locked', scope: 'ip' });
    expect((await attempt(db, EDITOR.email, EDITOR.password, '10.30.0.2')).ok).toBe(true);
    // An IPv6 client holds a whole /64: another address in it is the same client.
    for (let i = 0; i < THROTTLE_LIMITS.ip; i++) await attempt(db, `v6-${i}@midad.test`, 'password-1', `2001:db8:5:6::${(i + 1).toString(16)}`);
    expect(await attempt(db, EDITOR.email, EDITOR.password, '2001:db8:5:6:ffff::1')).toMatchObject({ reason: 'locked', scope: 'ip' });
  });

  it('forgets spent counters on a failure, in bounded steps, and keeps live ones', async () => {
    const stale = Array.from({ length: PRUNE_BATCH + 30 }, (_, i) => ({
      key: `ip:192.0.2.${i % 250}-${i}`,
      failures: 3,
      windowStartedAt: sql`now() - interval '2 hours'`,
      lockedUntil: i % 3 === 0 ? sql`now() - interval '1 hour'` : null,
    }));
    await db.insert(signInThrottle).values(stale);
    await db.insert(signInThrottle).values([
      { key: 'ip:198.51.100.1', failures: 3, windowStartedAt: sql`now() - interval '1 minute'` },
      { key: 'ip:198.51.100.2', failures: 50, windowStartedAt: sql`now() - interval '2 hours'`, lockedUntil: sql`now() + interval '5 minutes'` },
    ]);
    await attempt(db, EDITOR.email, 'wrong-password', '10.40.0.1');
    const left = await db.select({ key: signInThrottle.key }).from(signInThrottle);
    const keys = left.map((r) => r.key);
    expect(keys.filter((k) => k.startsWith('ip:192.0.2.'))).toHaveLength(30);
    expect(keys).toEqual(expect.arrayContaining(['ip:198.51.100.1', 'ip:198.51.100.2', 'ip:10.40.0.1', `account:${EDITOR.email}`]));
    await attempt(db, EDITOR.email, 'wrong-password', '10.40.0.1');
    expect((await db.select({ key: signInThrottle.key }).from(signInThrottle)).filter((r) => r.key.startsWith('ip:192.0.2.'))).toHaveLength(0);
  });

  it('lets Auth.js accept only a fresh grant signed by this server', async () => {
    const grant = issueSignInGrant(7, '0b0e0c0a-0000-4000-8000-000000000001');
    expect(redeemSignInGrant(grant)).toEqual({ userId: 7, sessionId: '0b0e0c0a-0000-4000-8000-000000000001' });
    expect(redeemSignInGrant(grant.replace('7.', '8.'))).toBeNull();
    expect(redeemSignInGrant(grant, Date.now() + 120_000)).toBeNull();
    for (const junk of [undefined, '', 'admin@midad.test', `${grant}x`, grant.slice(0, -1), { grant }]) expect(redeemSignInGrant(junk)).toBeNull();
  });
});

describe(`the activity log on ${driverName}`, () => {
  const entries = async (kind: ActivityKind, subjectUserId?: number) => listActivity(db, { kind, subjectUserId }, { limit: 100, offset: 0 });

  it('records each sign-in, failure and limit, with the typed email and the address, never a password', async () => {
    const [editor] = await db.select().from(users).where(eq(users.email, EDITOR.email));
    const since = { in: (await entries('auth.signed_in', editor!.id)).length };
    await attempt(db, EDITOR.email, 'secret-wrong-guess', '10.50.0.1');
    await attempt(db, 'nobody\u202e@midad.test', 'secret-wrong-guess', '10.50.0.2');
    expect((await entries('auth.sign_in_failed', editor!.id))[0]).toMatchObject({
      actorId: null,
      subjectUserId: editor!.id,
      details: { email: EDITOR.email, address: '10.50.0.1' },
    });
    // What was typed is not kept when it names no account: it may be a password in the wrong field.
    expect((await entries('auth.sign_in_failed'))[0]).toMatchObject({ subjectUserId: null, details: { email: null, address: '10.50.0.2' } });

    for (let i = 0; i < THROTTLE_LIMITS.pair; i++) await attempt(db, EDITOR.email, `secret-${i}`, '10.50.0.3');
    await attempt(db, EDITOR.email, EDITOR.password, '10.50.0.3');
    const [limited] = await entries('auth.sign_in_limited', editor!.id);
    expect(limited).toMatchObject({ actorId: null, details: { email: EDITOR.email, address: '10.50.0.3', scope: 'pair' } });
    expect(limited!.details.retryAfterSeconds).toBeGreaterThan(0);
    // Refusals under the same lock cost nothing to send, so they must not grow the log.
    for (let i = 0; i < 5; i++) await attempt(db, EDITOR.email, EDITOR.password, '10.50.0.3');
    const fromThatAddress = (await entries('auth.sign_in_limited', editor!.id)).filter((e) => e.details.address === '10.50.0.3');
    expect(fromThatAddress).toHaveLength(1);

    await attempt(db, EDITOR.email, EDITOR.password, '10.50.0.4');
    const signedIn = await entries('auth.signed_in', editor!.id);
    expect(signedIn).toHaveLength(since.in + 1);
    expect(signedIn[0]).toMatchObject({ actorId: editor!.id, details: { address: '10.50.0.4' } });

    const everything = JSON.stringify(await listActivity(db, {}, { limit: 500, offset: 0 }));
    expect(everything).not.toContain('secret-');
    expect(everything).not.toContain(EDITOR.password);
  });

  it('records a sign-out once, however often the session is ended', async () => {
    const result = await attempt(db, 'reviewer@midad.test', 'midad-reviewer-demo', '10.51.0.1');
    if (!result.ok) throw new Error('sign-in failed');
    const before = (await entries('auth.signed_out', result.userId)).length;
    await revokeSession(db, result.sessionId);
    await revokeSession(otherDb, result.sessionId);
    const after = await entries('auth.signed_out', result.userId);
    expect(after).toHaveLength(before + 1);
    expect(after[0]).toMatchObject({ actorId: result.userId });
  });

  it('records wrong current passwords and the limit on them', async () => {
    const admin = await actorFor('admin@midad.test');
    for (let i = 0; i <= THROTTLE_LIMITS.password; i++) await refusal(changeOwnPassword({ db, actor: admin }, { current: `secret-${i}`, password: 'new-password-123', address: '10.52.0.1' }));
    expect(await entries('auth.password_check_failed', admin.id)).toHaveLength(THROTTLE_LIMITS.password);
    const [limited] = await entries('auth.password_check_limited', admin.id);
    expect(limited).toMatchObject({ actorId: admin.id, details: { address: '10.52.0.1' } });
    expect(limited!.details.retryAfterSeconds).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) await refusal(changeOwnPassword({ db, actor: admin }, { current: `secret-again-${i}`, password: 'new-password-123', address: '10.52.0.1' }));
    expect(await entries('auth.password_check_limited', admin.id)).toHaveLength(1);
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
    await changeUserRole({ db, actor: admin }, { userId: moving!.id, role: 'reviewer' });
    expect((await findSessionUser(otherDb, result.sessionId))?.role).toBe('reviewer');

    await setUserActive({ db, actor: admin }, { userId: moving!.id, active: false });
    expect(await findSessionUser(otherDb, result.sessionId)).toBeNull();
    await setUserActive({ db, actor: admin }, { userId: moving!.id, active: true });
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
    expect(await refusal(createUser({ db, actor: editor }, { email: 'x@midad.test', name: 'x', role: 'editor', password: 'long-password-1' }))).toBe('FORBIDDEN');
    expect(await db.$count(users)).toBe(before);

    const { value: created } = await createUser({ db, actor: admin }, { email: ' Ｎew@Midad.Test ', name: ' نور ', role: 'reviewer', password: 'long-password-1' });
    expect(created).toMatchObject({ email: 'new@midad.test', name: 'نور', role: 'reviewer', active: true });
    expect(await refusal(createUser({ db, actor: admin }, { email: 'NEW@midad.test', name: 'y', role: 'editor', password: 'long-password-1' }))).toBe('EMAIL_TAKEN');
    expect(await refusal(createUser({ db, actor: admin }, { email: 'bad', name: '', role: 'chief', password: 'short' }))).toBe('INVALID_INPUT');
  });

  it('refuses an email that could pass for another, with its own message, and creates nothing', async () => {
    const admin = await actorFor('admin@midad.test');
    const before = await db.$count(users);
    // Cyrillic 'а' and 'е' in what reads as editor@midad.test; a zero-width joiner; Arabic-Indic '١' for 'l'.
    for (const email of ['\u0435ditor@midad.test', 'editor@mid\u0430d.test', 'edi\u200dtor@midad.test', 'contro\u0661@midad.test']) {
      const result = failureFrom(await createUser({ db, actor: admin }, { email, name: 'شبيه', role: 'admin', password: 'long-password-1' }).catch((e: unknown) => e));
      expect(result).toMatchObject({ ok: false, error: 'INVALID_INPUT', fieldErrors: { email: 'emailLookAlike' } });
    }
    expect(await db.$count(users)).toBe(before);
    expect(ar.users.errors.emailLookAlike).toBeTruthy();
    expect(en.users.errors.emailLookAlike).toBeTruthy();
  });

  it('never removes the last active admin', async () => {
    const admin = await actorFor('admin@midad.test');
    expect(await refusal(setUserActive({ db, actor: admin }, { userId: admin.id, active: false }))).toBe('LAST_ADMIN');
    expect(await refusal(changeUserRole({ db, actor: admin }, { userId: admin.id, role: 'editor' }))).toBe('LAST_ADMIN');
    expect((await db.select().from(users).where(eq(users.id, admin.id)))[0]).toMatchObject({ role: 'admin', active: true });
  });

  it('resets passwords (admin) and changes one’s own with the current one', async () => {
    const admin = await actorFor('admin@midad.test');
    const reviewer = await actorFor('reviewer@midad.test');
    expect(await refusal(resetUserPassword({ db, actor: reviewer }, { userId: admin.id, password: 'new-password-123' }))).toBe('FORBIDDEN');
    expect(await refusal(changeOwnPassword({ db, actor: reviewer }, { current: 'wrong-current', password: 'new-password-123', ...HERE }))).toBe('WRONG_PASSWORD');
    await changeOwnPassword({ db, actor: reviewer }, { current: 'midad-reviewer-demo', password: 'new-password-123', ...HERE });
    expect(await findSessionUser(db, reviewer.sessionId)).not.toBeNull(); // this session stays
    expect((await attempt(db, 'reviewer@midad.test', 'new-password-123', '10.7.7.7')).ok).toBe(true);
    await resetUserPassword({ db, actor: admin }, { userId: reviewer.id, password: 'midad-reviewer-demo' });
    expect(await findSessionUser(db, reviewer.sessionId)).toBeNull(); // an admin reset ends every session
  });

  it('limits wrong current passwords per person, and the limit ends', async () => {
    const editor = await actorFor('editor@midad.test');
    for (let i = 0; i < THROTTLE_LIMITS.password; i++) {
      expect(await refusal(changeOwnPassword({ db: otherDb, actor: editor }, { current: `wrong-${i}`, password: 'new-password-123', ...HERE }))).toBe('WRONG_PASSWORD');
    }
    // The right one is not even checked now, and the password stays as it was.
    expect(await refusal(changeOwnPassword({ db, actor: editor }, { current: 'midad-editor-demo', password: 'new-password-123', ...HERE }))).toBe('TOO_MANY_ATTEMPTS');
    expect((await attempt(db, 'editor@midad.test', 'midad-editor-demo', '10.7.7.8')).ok).toBe(true);
    // Other people are not affected.
    const admin = await actorFor('admin@midad.test');
    expect(await refusal(changeOwnPassword({ db, actor: admin }, { current: 'wrong', password: 'new-password-123', ...HERE }))).toBe('WRONG_PASSWORD');

    await db.update(signInThrottle).set({ lockedUntil: sql`now() - interval '1 second'`, windowStartedAt: sql`now() - interval '1 hour'` });
    await changeOwnPassword({ db, actor: editor }, { current: 'midad-editor-demo', password: 'midad-editor-demo', ...HERE });
  });
});

describe(`sections and settings on ${driverName}`, () => {
  it('creates sections with Arabic slugs, refuses duplicates, renames without moving the URL, reorders', async () => {
    const admin = await actorFor('admin@midad.test');
    const editor = await actorFor('editor@midad.test');
    expect(await refusal(createSection({ db, actor: editor }, { name: 'تقنية' }))).toBe('FORBIDDEN');
    await createSection({ db, actor: admin }, { name: 'تِقْنِيَّة وعلوم' });
    const [created] = await db.select().from(sections).where(eq(sections.name, 'تِقْنِيَّة وعلوم'));
    expect(created!.slug).toBe('تقنية-وعلوم');
    expect(await refusal(createSection({ db, actor: admin }, { name: 'أخرى', slug: 'تقنية وعلوم' }))).toBe('SLUG_TAKEN');
    expect(await refusal(createSection({ db, actor: admin }, { name: '؟؟' }))).toBe('SLUG_EMPTY');

    await updateSection({ db, actor: admin }, { sectionId: created!.id, name: 'علوم وتقنية', slug: created!.slug });
    expect((await db.select().from(sections).where(eq(sections.id, created!.id)))[0]).toMatchObject({ name: 'علوم وتقنية', slug: 'تقنية-وعلوم' });

    await moveSection({ db, actor: admin }, { sectionId: created!.id, direction: 'up' });
    const order = (await db.select().from(sections).orderBy(sections.position)).map((s) => s.id);
    expect(order.indexOf(created!.id)).toBe(order.length - 2);
  });

  it('validates settings and changes nothing on bad input', async () => {
    const admin = await actorFor('admin@midad.test');
    const before = (await db.select().from(siteSettings))[0];
    expect(await refusal(updateSiteSettings({ db, actor: admin }, { siteName: 'مداد', siteDescription: '', timeZone: 'Mars/Olympus', digits: 'latn' }))).toBe('TIME_ZONE_INVALID');
    expect(await refusal(updateSiteSettings({ db, actor: admin }, { siteName: '  ', siteDescription: '', timeZone: 'UTC', digits: 'latn' }))).toBe('INVALID_INPUT');
    expect((await db.select().from(siteSettings))[0]).toEqual(before);
    await updateSiteSettings({ db, actor: admin }, { siteName: 'مداد اليوم', siteDescription: 'وصف', timeZone: 'Asia/Amman', digits: 'arab' });
    expect((await db.select().from(siteSettings))[0]).toMatchObject({ siteName: 'مداد اليوم', timeZone: 'Asia/Amman', digits: 'arab' });
  });
});

describe('npm run user:create', () => {
  // Each run opens (and, on a new embedded directory, migrates) a database: seconds when idle, a
  // minute or more on a busy machine. It ends when the CLI exits; the test's timeout bounds that.
  const run = (env: NodeJS.ProcessEnv, ...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/user-create.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('error', reject);
      child.once('close', (status) => resolve({ status, stdout, stderr }));
    });

  it('creates, then updates by email, and refuses bad input with the reason', async () => {
    // Against the server in the Postgres run; against its own embedded directory otherwise
    // (this test process already holds the embedded database it uses).
    const pgliteDir = path.join(tempDir('midad-cli-'), 'pglite');
    const env = process.env.DATABASE_URL ? { ...process.env } : { ...process.env, DATABASE_URL: '', PGLITE_DIR: pgliteDir };
    const target = process.env.DATABASE_URL ? undefined : pgliteDir;

    const bad = await run(env, '--email', 'not-an-email', '--password', 'short', '--role', 'chief', '--name', 'x');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--email');
    expect(bad.stderr).toContain('--role');
    expect(bad.stderr).toContain('--password');
    const lookAlike = await run(env, '--email', '\u0430dmin@midad.test', '--password', 'cli-password-1', '--role', 'admin', '--name', 'شبيه');
    expect(lookAlike.status).toBe(1);
    expect(lookAlike.stderr).toContain(`--email: ${en.users.errors.emailLookAlike}`);

    const created = await run(env, '--email', 'Cli.User@Midad.Test', '--password', 'cli-password-1', '--role', 'editor', '--name', 'سطر الأوامر');
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('Created editor cli.user@midad.test');
    const updated = await run(env, '--email', 'cli.user@midad.test', '--password', 'cli-password-2', '--role', 'admin', '--name', 'سطر');
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
    // Four CLI processes, each opening and migrating a database.
  }, 600_000);
});
