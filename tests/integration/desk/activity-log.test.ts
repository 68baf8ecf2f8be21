import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listActivity, recordActivity } from '@/db/activity';
import { closeConnection, type Connection, type Database } from '@/db/client';
import { activityLog, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { createSection, moveSection, updateSection } from '@/lib/server/sections/manage-sections';
import { updateSiteSettings } from '@/lib/server/settings/update-site-settings';
import { createUser } from '@/lib/server/people/create-user';
import { changeOwnPassword, resetUserPassword } from '@/lib/server/people/set-password';
import { changeUserRole, setUserActive } from '@/lib/server/people/update-user-access';
import { driverName, freshDatabase, signedInActor } from '../helpers';

let connection: Connection;
let db: Database;
let adminId: number;
let editorId: number;

beforeAll(async () => {
  connection = await freshDatabase();
  db = connection.db;
  await seedDatabase(db, { production: false });
  const staff = await db.select({ id: users.id, role: users.role }).from(users);
  adminId = staff.find((u) => u.role === 'admin')!.id;
  editorId = staff.find((u) => u.role === 'editor')!.id;
});

/** The database's own message for a refused statement (drivers wrap it in a query error). */
const refusal = (statement: Promise<unknown>) =>
  statement.then(
    () => 'accepted',
    (error: { cause?: { message?: string }; message?: string }) => error.cause?.message ?? error.message ?? '',
  );

afterAll(async () => {
  await closeConnection();
});

describe(`the activity log (${driverName})`, () => {
  it('keeps typed entries and finds them by person, kind and date, newest first', async () => {
    await recordActivity(db, { kind: 'auth.signed_in', actorId: editorId, details: { address: '192.0.2.1' } });
    await recordActivity(db, {
      kind: 'auth.sign_in_failed',
      actorId: null,
      subjectUserId: adminId,
      details: { email: 'admin@midad.test', address: '192.0.2.7' },
    });
    await recordActivity(db, { kind: 'auth.signed_out', actorId: editorId, details: {} });

    // The sample stories' history is in the log too; this test looks at sign-ins.
    const editorEntries = (await listActivity(db, { actorId: editorId }, { limit: 50, offset: 0 })).filter((e) => e.kind.startsWith('auth.'));
    expect(editorEntries.map((e) => e.kind)).toEqual(['auth.signed_out', 'auth.signed_in']);
    expect(editorEntries[1]!.details).toEqual({ address: '192.0.2.1' });

    const failures = await listActivity(db, { kind: 'auth.sign_in_failed' }, { limit: 10, offset: 0 });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ actorId: null, subjectUserId: adminId });

    const aboutAdmin = await listActivity(db, { subjectUserId: adminId }, { limit: 10, offset: 0 });
    expect(aboutAdmin.map((e) => e.kind)).toEqual(['auth.sign_in_failed']);

    const future = new Date(Date.now() + 60_000);
    expect(await listActivity(db, { from: future }, { limit: 10, offset: 0 })).toEqual([]);
    expect(await listActivity(db, { to: future }, { limit: 2, offset: 1 })).toHaveLength(2);
  });

  it('records section and settings changes with what changed, and nothing for a change that changes nothing', async () => {
    const admin = await signedInActor(db, 'admin@midad.test', 'midad-admin-demo');
    await createSection({ db, actor: admin }, { name: 'علوم', slug: '' });
    const [created] = await listActivity(db, { kind: 'section.created' }, { limit: 1, offset: 0 });
    expect(created).toMatchObject({ actorId: admin.id, actorName: admin.name, details: { name: 'علوم', slug: 'علوم' } });
    const sectionId = (created!.details as { sectionId: number }).sectionId;

    await updateSection({ db, actor: admin }, { sectionId, name: 'علوم وتقنية', slug: '' });
    await updateSection({ db, actor: admin }, { sectionId, name: 'علوم وتقنية', slug: '' });
    const updates = await listActivity(db, { kind: 'section.updated' }, { limit: 5, offset: 0 });
    expect(updates.map((e) => e.details)).toEqual([
      { sectionId, name: 'علوم وتقنية', slug: 'علوم', previousName: 'علوم', previousSlug: 'علوم' },
    ]);

    await moveSection({ db, actor: admin }, { sectionId, direction: 'up' });
    expect((await listActivity(db, { kind: 'section.moved' }, { limit: 5, offset: 0 }))[0]?.details).toEqual({
      sectionId,
      name: 'علوم وتقنية',
      direction: 'up',
    });

    const settings = { siteName: 'مِداد', siteDescription: 'وصف', timeZone: 'Asia/Riyadh', digits: 'arab' };
    await updateSiteSettings({ db, actor: admin }, settings);
    await updateSiteSettings({ db, actor: admin }, settings);
    const changes = await listActivity(db, { kind: 'settings.updated' }, { limit: 5, offset: 0 });
    expect(changes).toHaveLength(1);
    expect((changes[0]!.details as { changes: { setting: string }[] }).changes.map((c) => c.setting)).toEqual([
      'siteDescription',
      'timeZone',
      'digits',
    ]);
  });

  it('records what happens to people: created, role changed, deactivated and back, passwords set', async () => {
    const admin = await signedInActor(db, 'admin@midad.test', 'midad-admin-demo');
    const { value: person } = await createUser({ db, actor: admin }, { email: 'new.reporter@midad.test', name: 'مراسلة جديدة', role: 'editor', password: 'a-long-password-1' });
    await changeUserRole({ db, actor: admin }, { userId: person.id, role: 'reviewer' });
    await changeUserRole({ db, actor: admin }, { userId: person.id, role: 'reviewer' });
    await setUserActive({ db, actor: admin }, { userId: person.id, active: false });
    await setUserActive({ db, actor: admin }, { userId: person.id, active: true });
    await resetUserPassword({ db, actor: admin }, { userId: person.id, password: 'another-long-password' });
    const themselves = await signedInActor(db, 'new.reporter@midad.test', 'another-long-password');
    await changeOwnPassword({ db, actor: themselves }, { current: 'another-long-password', password: 'their-own-password-9', address: '192.0.2.44' });

    const aboutThem = await listActivity(db, { subjectUserId: person.id }, { limit: 20, offset: 0 });
    const changes = aboutThem.filter((e) => !e.kind.startsWith('auth.sign'));
    expect(changes.map((e) => [e.kind, e.actorId, e.details])).toEqual([
      ['auth.password_changed', person.id, { address: '192.0.2.44' }],
      ['person.password_reset', admin.id, {}],
      ['person.reactivated', admin.id, {}],
      ['person.deactivated', admin.id, {}],
      ['person.role_changed', admin.id, { from: 'editor', to: 'reviewer' }],
      ['person.created', admin.id, { email: 'new.reporter@midad.test', role: 'editor' }],
    ]);
    expect(JSON.stringify(aboutThem)).not.toMatch(/long-password|their-own-password/);
  });

  it.each([
    ['UPDATE', sql`update activity_log set kind = 'auth.signed_out'`],
    ['DELETE', sql`delete from activity_log`],
    ['TRUNCATE', sql`truncate activity_log`],
  ])('refuses %s: the log is append-only', async (_operation, statement) => {
    const before = await db.select().from(activityLog);
    expect(before.length).toBeGreaterThan(0);
    expect(await refusal(db.execute(statement))).toMatch(/append-only/);
    expect(await db.select().from(activityLog)).toEqual(before);
  });

  it('refuses TRUNCATE of article_revisions as well', async () => {
    expect(await refusal(db.execute(sql`truncate article_revisions cascade`))).toMatch(/append-only/);
  });
});
