import fs from 'node:fs';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, type Database } from '@/db/client';
import { findLegacyTarget } from '@/db/queries/legacy';
import { activityLog, articleRevisions, articles, importedItems, media, sections, tags, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { renderDocumentToHtml } from '@/lib/content/render';
import { validateDocument } from '@/lib/content/validate';
import { legacyPathKey } from '@/lib/import/wordpress-urls';
import { readWxr } from '@/lib/import/wxr';
import { LocalDirectoryStorage } from '@/lib/media/storage';
import { importWordPress, type ImportOptions } from '@/lib/server/import/import-wordpress';
import type { Actor } from '@/lib/server/next/session';
import { databaseFingerprint } from '../fingerprint';
import { driverName, freshDatabase, signedInActor, tempDir } from '../helpers';

/**
 * A WordPress newsroom's export (tests/fixtures/wordpress) imported into a seeded Midad: what comes
 * across and as what, the redirects from every form of an old address, a second run and a dry
 * run that change nothing, and an export cut short.
 */

const FIXTURE = path.join(__dirname, '../../fixtures/wordpress/newsroom-export.xml');
const TRUNCATED_SLUG = '%d8%a7%d9%84%d9%85%d8%a4%d8%aa%d9%85%d8%b1-%d8%a7%d9%84%d8%af%d9%88%d9%84%d9%8a-%d9%84%d8%af%d8%b9%d9%85-%d8%a7%d9%84%d8%a7%d9%86%d8%aa%d9%81%d8%a7%d8%b6%d8%a9-%d9%8a%d8%ad%d9%8a%d9%8a-%d9%8a%d9%88';

let db: Database;
let admin: Actor;
let uploadsDir: string;
let storage: LocalDirectoryStorage;

const fromFile = (bytes: Uint8Array) => () =>
  readWxr(
    (async function* () {
      yield bytes;
    })(),
  );
const options = (extra: Partial<ImportOptions> = {}): ImportOptions => ({
  open: fromFile(fs.readFileSync(FIXTURE)),
  uploadsDir,
  dryRun: false,
  storage,
  ...extra,
});
const articleBySourceId = async (postId: number) => {
  const [row] = await db
    .select({ id: articles.id, slug: articles.slug, status: articles.status, publishedAt: articles.publishedAt, scheduledFor: articles.scheduledFor, sectionId: articles.sectionId, revisionId: articles.currentRevisionId })
    .from(importedItems)
    .innerJoin(articles, eq(articles.id, importedItems.targetId))
    .where(eq(importedItems.sourceId, String(postId)));
  return row;
};
const revisionOf = async (id: number) => (await db.select().from(articleRevisions).where(eq(articleRevisions.id, id)))[0]!;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await seedDatabase(db, { production: false });
  admin = await signedInActor(db, 'admin@midad.test', 'midad-admin-demo');
  uploadsDir = tempDir('midad-wp-uploads-');
  storage = new LocalDirectoryStorage(tempDir('midad-wp-media-'));
  // The first post's image is in the uploads copy; the second post's is not.
  fs.mkdirSync(path.join(uploadsDir, '2024/04'), { recursive: true });
  await sharp({ create: { width: 800, height: 450, channels: 3, background: { r: 20, g: 90, b: 160 } } })
    .jpeg()
    .toFile(path.join(uploadsDir, '2024/04/quds.jpg'));
});

afterAll(async () => {
  await closeConnection();
});

describe(`importing a WordPress export (${driverName})`, () => {
  it('a dry run reads and checks everything, says what it would do, and writes nothing', async () => {
    const before = await databaseFingerprint(db);
    const report = await importWordPress(db, admin, options({ dryRun: true }));
    expect(report).toMatchObject({ dryRun: true, posts: { imported: 7, failed: 1, alreadyImported: 0 }, tags: 2 });
    expect(report.redirects).toBeGreaterThan(10);
    expect(await databaseFingerprint(db)).toEqual(before);
    expect(fs.readdirSync(storage.dir, { recursive: true }).length).toBe(0);
  });

  it('brings every post across as the state it had, with its dates, section, tags, byline and images', async () => {
    const report = await importWordPress(db, admin, options());
    expect(report.posts).toEqual({ imported: 7, alreadyImported: 0, failed: 1, byStatus: { publish: 3, future: 1, private: 1, draft: 1, pending: 1 } });
    expect(report.skippedTypes).toEqual({ page: 1 });
    expect(report.failures).toEqual([{ position: 7, postId: null, title: 'عنصر بلا رقم', reason: 'INVALID_INPUT: the item has no wp:post_id' }]);
    expect(report.images).toMatchObject({ imported: 1, missing: expect.arrayContaining(['2024/05/ward.jpg', 'x']) });
    expect(report.sections.created).toEqual([]);

    const quds = (await articleBySourceId(101))!;
    expect(quds).toMatchObject({ status: 'published', slug: 'المؤتمر-الدولي-لدعم-الانتفاضة-يحيي-يو' });
    expect(quds.publishedAt?.toISOString()).toBe('2024-04-05T17:30:00.000Z');
    const [palestine] = await db.select().from(sections).where(eq(sections.id, quds.sectionId));
    expect(palestine!.name).toBe('فلسطين');
    const revision = await revisionOf(quds.revisionId!);
    expect(revision).toMatchObject({ title: 'المؤتمر الدولي لدعم الانتفاضة يحيي يوم القدس العالمي', byline: 'سارة منصور', summary: 'نظم المؤتمر الدولي لدعم الانتفاضة حفل إحياء يوم القدس العالمي.' });
    expect(revision.featuredMediaId).not.toBeNull();
    const [image] = await db.select().from(media).where(eq(media.id, revision.featuredMediaId!));
    expect(image).toMatchObject({ alt: 'حشود ترفع الأعلام في ساحة المؤتمر', caption: 'حشود في ساحة المؤتمر', width: 800 });
    // The image in the body is the same library image, imported once.
    expect(JSON.stringify(revision.body)).toContain(`"mediaId":${image!.id}`);
    expect(await db.select().from(media)).toHaveLength(1);
    const tagNames = (await db.select({ name: tags.name }).from(tags).where(inArray(tags.name, ['القدس', 'يوم القدس العالمي']))).map((t) => t.name);
    expect(tagNames.sort()).toEqual(['القدس', 'يوم القدس العالمي']);

    expect(await articleBySourceId(103)).toMatchObject({ status: 'scheduled' });
    expect((await articleBySourceId(103))!.scheduledFor?.toISOString()).toBe('2099-01-01T08:00:00.000Z');
    expect(await articleBySourceId(104)).toMatchObject({ status: 'draft' });
    expect(await articleBySourceId(105)).toMatchObject({ status: 'draft', slug: 'مسودة-عن-موسم-الزيتون' });
    expect(await articleBySourceId(106)).toMatchObject({ status: 'in_review' });

    const entries = await db.select().from(activityLog).where(eq(activityLog.kind, 'story.imported'));
    expect(entries).toHaveLength(7);
    expect(entries.every((entry) => entry.actorId === admin.id)).toBe(true);
  });

  it('stores only bodies the content schema accepts, and nothing hostile', async () => {
    const imported = await db.select({ id: importedItems.targetId }).from(importedItems).where(eq(importedItems.kind, 'post'));
    for (const { id } of imported) {
      const [article] = await db.select().from(articles).where(eq(articles.id, id));
      const body = (await revisionOf(article!.currentRevisionId!)).body;
      expect(() => validateDocument(body)).not.toThrow();
    }
    const hostile = await revisionOf((await articleBySourceId(108))!.revisionId!);
    const html = renderDocumentToHtml(validateDocument(hostile.body));
    expect(html).not.toMatch(/script|onclick|onerror|javascript:|iframe|evil\.example/i);
    expect(html).toContain('رابط خبيث');
  });

  it('answers every form of an old address with the story’s address, while readers may see it', async () => {
    const quds = (await articleBySourceId(101))!;
    const target = `/articles/${encodeURIComponent(quds.slug)}`;
    const forms = [
      legacyPathKey(`/2024/04/05/${TRUNCATED_SLUG}/`),
      legacyPathKey(`/2024/04/05/${TRUNCATED_SLUG.toUpperCase()}`),
      legacyPathKey('/2024/04/05/المؤتمر-الدولي-لدعم-الانتفاضة-يحيي-يو/'),
      legacyPathKey(`/${TRUNCATED_SLUG}/`),
      legacyPathKey('/', '?p=101'),
    ];
    for (const key of forms) expect(await findLegacyTarget(key, db), key).toBe(target);
    expect(await findLegacyTarget(legacyPathKey('/category/%d9%81%d9%84%d8%b3%d8%b7%d9%8a%d9%86/'), db)).toBe(`/sections/${encodeURIComponent('فلسطين')}`);
    expect(await findLegacyTarget(legacyPathKey('/', '?cat=4'), db)).toBe(`/sections/${encodeURIComponent('فلسطين')}`);
    expect(await findLegacyTarget(legacyPathKey('/tag/%d8%a7%d9%84%d9%82%d8%af%d8%b3/'), db)).toBe(`/tags/${encodeURIComponent('القدس')}`);
    // Not public: a draft, a private post, a story not yet due. No redirect reveals them.
    for (const id of [103, 104, 105, 106]) expect(await findLegacyTarget(legacyPathKey('/', `?p=${id}`), db)).toBeNull();
    expect(await findLegacyTarget(legacyPathKey('/2099/01/01/unknown'), db)).toBeNull();
  });

  it('a second run changes nothing, and picks up only what is new', async () => {
    const before = await databaseFingerprint(db);
    const again = await importWordPress(db, admin, options());
    expect(again.posts).toMatchObject({ imported: 0, alreadyImported: 7, failed: 1 });
    expect(await databaseFingerprint(db)).toEqual(before);

    // A post added at the source since: only it comes across.
    const added = fs
      .readFileSync(FIXTURE, 'utf8')
      .replace('</channel>', '<item><title>خبر جديد في المصدر</title><link>https://news.example.org/?p=120</link><dc:creator>khaled</dc:creator><content:encoded><![CDATA[فقرة جديدة.]]></content:encoded><wp:post_id>120</wp:post_id><wp:post_date>2024-11-01 10:00:00</wp:post_date><wp:post_date_gmt>2024-11-01 08:00:00</wp:post_date_gmt><wp:post_name>new-story</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item></channel>');
    const third = await importWordPress(db, admin, options({ open: fromFile(new TextEncoder().encode(added)) }));
    expect(third.posts).toMatchObject({ imported: 1, alreadyImported: 7 });
    expect(await findLegacyTarget(legacyPathKey('/new-story/'), db)).toBe('/articles/new-story');
  });

  it('imports what comes before the end of an export cut short, and reports where it broke', async () => {
    const text = fs.readFileSync(FIXTURE, 'utf8').replace(/<wp:post_id>(\d+)<\/wp:post_id>/g, (_, id: string) => `<wp:post_id>${Number(id) + 1000}</wp:post_id>`);
    const cut = new TextEncoder().encode(text.slice(0, text.indexOf('<title><![CDATA[مذكرة')));
    const report = await importWordPress(db, admin, options({ open: fromFile(cut) }));
    expect(report.posts.imported).toBe(3);
    expect(report.broken).toBeTruthy();
  });

  it('refuses an import run by someone who may not publish or manage sections', async () => {
    const editor = await signedInActor(db, 'editor@midad.test', 'midad-editor-demo');
    const before = await databaseFingerprint(db);
    await expect(importWordPress(db, editor, options())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await databaseFingerprint(db)).toEqual(before);
  });

  it('creates inactive staff accounts for the authors only when asked', async () => {
    const text = fs.readFileSync(FIXTURE, 'utf8').replace(/<wp:post_id>(\d+)<\/wp:post_id>/g, (_, id: string) => `<wp:post_id>${Number(id) + 2000}</wp:post_id>`);
    const report = await importWordPress(db, admin, options({ open: fromFile(new TextEncoder().encode(text)), createAccounts: true }));
    expect(report.accountsCreated.sort()).toEqual(['خالد يوسف <khaled@news.example.org>', 'سارة منصور <sara@news.example.org>']);
    const created = await db.select().from(users).where(inArray(users.email, ['sara@news.example.org', 'khaled@news.example.org']));
    expect(created.map((u) => [u.name, u.active, u.role]).sort()).toEqual([['خالد يوسف', false, 'editor'], ['سارة منصور', false, 'editor']]);
  });

  it('files posts by the section map, and reports an image the checks refuse without losing the post', async () => {
    const text = fs
      .readFileSync(FIXTURE, 'utf8')
      .replace(/<wp:post_id>(\d+)<\/wp:post_id>/g, (_, id: string) => `<wp:post_id>${Number(id) + 3000}</wp:post_id>`)
      .replaceAll('2024/04/quds.jpg', '2024/04/not-an-image.jpg');
    fs.writeFileSync(path.join(uploadsDir, '2024/04/not-an-image.jpg'), '<?php echo "not an image"; ?>');
    const report = await importWordPress(db, admin, options({ open: fromFile(new TextEncoder().encode(text)), sectionMap: { فلسطين: 'سياسة' } }));
    expect(report.images.refused).toEqual([{ file: '2024/04/not-an-image.jpg', reason: expect.stringMatching(/^MEDIA_NOT_IMAGE/) }]);
    const quds = (await articleBySourceId(3101))!;
    const [section] = await db.select().from(sections).where(eq(sections.id, quds.sectionId));
    expect(section!.slug).toBe('سياسة');
    // The story came across; its image did not, and its caption stayed as text.
    const body = JSON.stringify((await revisionOf(quds.revisionId!)).body);
    expect(body).not.toContain('"type":"image"');
    expect(body).toContain('حشود في ساحة المؤتمر');
    await expect(importWordPress(db, admin, options({ sectionMap: { فلسطين: 'لا-يوجد' } }))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('refuses a file that is not a WordPress export, and writes nothing', async () => {
    const before = await databaseFingerprint(db);
    for (const text of ['<html><body>صفحة</body></html>', 'ليس ملف XML أصلاً']) {
      await expect(importWordPress(db, admin, options({ open: fromFile(new TextEncoder().encode(text)) }))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect(await databaseFingerprint(db)).toEqual(before);
  });
});
