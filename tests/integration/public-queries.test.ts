import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, type Connection } from '@/db/client';
import { findPublicArticle, listPublishedStories } from '@/db/queries/public';
import { articleRevisions, articles, sections, slugHistory, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import fixture from '@/db/seed-data/quds-day-article.json';
import { slugify } from '@/lib/arabic/slug';
import { documentToText } from '@/lib/content/render';
import type { ArticleStatus } from '@/lib/workflow/states';
import { isPubliclyVisible } from '@/lib/workflow/visibility';
import { driverName, freshDatabase } from './helpers';

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

  it('lists published stories only, newest first, with the fixture story on top', async () => {
    const stories = await listPublishedStories();
    expect(stories[0]?.title).toBe(fixture.title);
    expect(stories[0]?.sectionName).toBe('فلسطين');
    const titles = stories.map((s) => s.title);
    expect(titles).not.toContain('قراءة في نتائج الانتخابات البلدية'); // draft
    expect(titles).not.toContain('المدن التي نحبّها تُبنى على مهل'); // in review
    expect(titles).not.toContain('تقرير: توقعات أسعار الوقود في الربع المقبل'); // scheduled for later
    const dates = stories.map((s) => s.publishedAt.getTime());
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it('returns the fixture story with its 13 paragraphs and tags', async () => {
    const result = await findPublicArticle(slugify(fixture.title));
    expect(result.kind).toBe('article');
    if (result.kind !== 'article') return;
    expect(result.article.body.content).toHaveLength(13);
    expect(documentToText(result.article.body).split('\n')).toEqual(fixture.paragraphs);
    expect(result.article.tags.map((t) => t.name).sort()).toEqual([...fixture.tags].sort());
  });

  it('answers missing for drafts and unknown slugs', async () => {
    expect((await findPublicArticle(slugify('قراءة في نتائج الانتخابات البلدية'))).kind).toBe('missing');
    expect((await findPublicArticle('لا-يوجد')).kind).toBe('missing');
  });

  it('makes a scheduled story public once its time has come, with no job running', async () => {
    const slug = slugify('تقرير: توقعات أسعار الوقود في الربع المقبل');
    expect((await findPublicArticle(slug)).kind).toBe('missing');
    await connection.db.update(articles).set({ scheduledFor: sql`now() - interval '1 second'` }).where(eq(articles.slug, slug));
    expect((await findPublicArticle(slug)).kind).toBe('article');
    expect((await listPublishedStories()).map((s) => s.slug)).toContain(slug);
  });

  it('agrees with the TypeScript visibility rule for every state', async () => {
    const [article] = await connection.db.select().from(articles).where(eq(articles.slug, slugify(fixture.title)));
    const cases: { status: ArticleStatus; offsetMs: number | null }[] = [];
    for (const status of ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published', 'unpublished'] as const) {
      for (const offsetMs of [null, -60_000, 60_000]) cases.push({ status, offsetMs });
    }
    for (const { status, offsetMs } of cases) {
      const now = new Date();
      const scheduledFor = offsetMs === null ? null : new Date(now.getTime() + offsetMs);
      await connection.db.update(articles).set({ status, scheduledFor }).where(eq(articles.id, article!.id));
      const visible = (await findPublicArticle(article!.slug)).kind === 'article';
      const expected = isPubliclyVisible({ status, scheduledFor, publishedRevisionId: article!.publishedRevisionId }, now);
      expect({ status, offsetMs, visible }).toEqual({ status, offsetMs, visible: expected });
    }
    await connection.db.update(articles).set({ status: 'published', scheduledFor: null }).where(eq(articles.id, article!.id));
  });

  it('redirects an old slug to the current one', async () => {
    const [article] = await connection.db.select().from(articles).where(eq(articles.slug, slugify(fixture.title)));
    await connection.db.insert(slugHistory).values({ oldSlug: 'عنوان-قديم', articleId: article!.id });
    expect(await findPublicArticle('عنوان-قديم')).toEqual({ kind: 'redirect', slug: article!.slug });
  });

  it('keeps revisions and events append-only', async () => {
    const [revision] = await connection.db.select().from(articleRevisions).limit(1);
    await expect(
      connection.db.update(articleRevisions).set({ title: 'تغيير' }).where(eq(articleRevisions.id, revision!.id)),
    ).rejects.toThrow();
    await expect(connection.db.delete(articleRevisions).where(eq(articleRevisions.id, revision!.id))).rejects.toThrow();
    await expect(connection.db.execute(sql`delete from article_events`)).rejects.toThrow();
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
