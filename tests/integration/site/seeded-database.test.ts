import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, type Connection } from '@/db/client';
import { articleRevisions, articles, sections, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { driverName, freshDatabase } from '../helpers';

let connection: Connection;

beforeAll(async () => {
  connection = await freshDatabase();
  await seedDatabase(connection.db, { production: false });
});
afterAll(() => closeConnection());

describe(`seeded database on ${driverName}`, () => {
  it('has the six sections, one account per role and the sample stories', async () => {
    const sectionNames = (await connection.db.select({ name: sections.name }).from(sections).orderBy(sections.position)).map((s) => s.name);
    expect(sectionNames).toEqual(['فلسطين', 'سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'رأي']);
    const roles = (await connection.db.select({ role: users.role }).from(users)).map((u) => u.role).sort();
    expect(roles).toEqual(['admin', 'editor', 'reviewer']);
    const statuses = new Set((await connection.db.select({ status: articles.status }).from(articles)).map((a) => a.status));
    expect([...statuses].sort()).toEqual(['draft', 'in_review', 'published', 'scheduled']);
  });

  it('seeding again changes nothing', async () => {
    const before = await countRows();
    const report = await seedDatabase(connection.db, { production: false });
    expect(report).toMatchObject({ sectionsCreated: 0, accountsCreated: 0, storiesCreated: 0 });
    expect(await countRows()).toEqual(before);
  });

  it('keeps revisions and the activity log append-only', async () => {
    const [revision] = await connection.db.select().from(articleRevisions).limit(1);
    await expect(
      connection.db.update(articleRevisions).set({ title: 'تغيير' }).where(eq(articleRevisions.id, revision!.id)),
    ).rejects.toThrow();
    await expect(connection.db.delete(articleRevisions).where(eq(articleRevisions.id, revision!.id))).rejects.toThrow();
    await expect(connection.db.execute(sql`delete from activity_log`)).rejects.toThrow();
  });

  it('refuses a second account with the same email in another case', async () => {
    await expect(
      connection.db.insert(users).values({ email: 'EDITOR@midad.test', name: 'x', role: 'editor', passwordHash: 'x' }),
    ).rejects.toThrow();
  });

  it('creates no demo accounts or stories in production', async () => {
    const report = await seedDatabase(connection.db, { production: true });
    expect(report.skippedDemoData).toBe(true);
    expect(report.accountsCreated).toBe(0);
  });
});

async function countRows(): Promise<number[]> {
  const db = connection.db;
  return Promise.all([
    db.$count(articles),
    db.$count(users),
    db.$count(sections),
    db.$count(articleRevisions),
  ]);
}

describe(`site settings on ${driverName}`, () => {
  it('are seeded once with Latin digits and the newsroom time zone', async () => {
    const { getSiteSettings } = await import('@/db/queries/settings');
    expect(await getSiteSettings()).toMatchObject({ siteName: 'مِداد', digits: 'latn', timeZone: 'Asia/Jerusalem' });
  });
});
