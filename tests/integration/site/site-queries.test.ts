import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, type Connection } from '@/db/client';
import { articleRevisions, articles, articleTags, media, sections, slugHistory, tags, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import fixture from '@/db/seed-data/quds-day-article.json';
import { SAMPLE_SECTIONS, SAMPLE_STORIES } from '@/db/seed-data/sample-stories';
import {
  findPublicAuthor,
  findPublicTag,
  findSectionBySlug,
  findSiteArticle,
  latestBySection,
  listRelatedStories,
  listSiteStories,
  listStoriesSince,
  readScheduleWindow,
  readSitemapData,
} from '@/db/queries/site-stories';
import { slugify } from '@/lib/arabic/slug';
import { documentToText, paragraphsToDocument } from '@/lib/content/render';
import type { ArticleStatus } from '@/lib/workflow/states';
import { driverName, freshDatabase } from '../helpers';

const HOUR = 3600_000;

interface SeedStory {
  title: string;
  sectionSlug: string;
  tags: string[];
  status: ArticleStatus;
  hoursFromNow: number;
  author: string;
}

// Expectations come from the seed data itself, so adding sample stories does not break them.
// The seed publishes the fixture story an hour before seeding, in فلسطين, by the editor, and gives
// only published and scheduled stories a published revision.
const SEEDED: SeedStory[] = [
  { title: fixture.title, sectionSlug: 'فلسطين', tags: fixture.tags, status: 'published', hoursFromNow: -1, author: 'editor' },
  ...SAMPLE_STORIES,
];
const PUBLISHED = SEEDED.filter((s) => s.status === 'published').sort((a, b) => b.hoursFromNow - a.hoursFromNow);
const SCHEDULED = SEEDED.find((s) => s.status === 'scheduled' && s.hoursFromNow > 0)!;
const HIDDEN = SEEDED.filter((s) => s.status !== 'published');
const ECONOMY = PUBLISHED.find((s) => s.sectionSlug === SCHEDULED.sectionSlug)!;
const titles = (stories: SeedStory[]) => stories.map((s) => s.title);
const shares = (a: SeedStory, b: SeedStory) => a.sectionSlug === b.sectionSlug || a.tags.some((t) => b.tags.includes(t));

let connection: Connection;
let ids: { editor: number; admin: number; reviewer: number; sport: number; economy: number; byRole: Record<string, number> };
let scheduledFor: Date;
const now = () => new Date();

async function idOf(table: typeof users | typeof sections, where: ReturnType<typeof eq>) {
  const [row] = await connection.db.select({ id: table.id }).from(table).where(where);
  return row!.id;
}

/** A story written straight into the tables, in any state, for listing tests. */
async function insertStory(options: {
  title: string;
  sectionId: number;
  authorId: number;
  status: ArticleStatus;
  at: Date;
  tagIds?: number[];
}): Promise<number> {
  const db = connection.db;
  const live = options.status === 'published' || options.status === 'scheduled';
  const [article] = await db
    .insert(articles)
    .values({
      slug: slugify(options.title),
      sectionId: options.sectionId,
      status: options.status,
      createdBy: options.authorId,
      publishedAt: options.status === 'published' ? options.at : null,
      scheduledFor: options.status === 'scheduled' ? options.at : null,
    })
    .returning({ id: articles.id });
  const [revision] = await db
    .insert(articleRevisions)
    .values({
      articleId: article!.id,
      number: 1,
      title: options.title,
      summary: `ملخص: ${options.title}`,
      body: paragraphsToDocument([options.title]),
      bodyText: options.title,
      authorId: options.authorId,
    })
    .returning({ id: articleRevisions.id });
  await db
    .update(articles)
    .set({ currentRevisionId: revision!.id, publishedRevisionId: live || options.status === 'unpublished' ? revision!.id : null })
    .where(eq(articles.id, article!.id));
  for (const tagId of options.tagIds ?? []) await db.insert(articleTags).values({ articleId: article!.id, tagId });
  return article!.id;
}

beforeAll(async () => {
  connection = await freshDatabase();
  await seedDatabase(connection.db, { production: false });
  ids = {
    editor: await idOf(users, eq(users.email, 'editor@midad.test')),
    admin: await idOf(users, eq(users.email, 'admin@midad.test')),
    reviewer: await idOf(users, eq(users.email, 'reviewer@midad.test')),
    sport: await idOf(sections, eq(sections.slug, 'رياضة')),
    economy: await idOf(sections, eq(sections.slug, 'اقتصاد')),
    byRole: {},
  };
  ids.byRole = { editor: ids.editor, admin: ids.admin, reviewer: ids.reviewer };
  const [scheduled] = await connection.db
    .select({ at: articles.scheduledFor })
    .from(articles)
    .where(eq(articles.slug, slugify(SCHEDULED.title)));
  scheduledFor = scheduled!.at!;
});
afterAll(() => closeConnection());

describe(`public listings on ${driverName}`, () => {
  it('list the published stories only, newest first, fixture story on top', async () => {
    const { stories, total } = await listSiteStories({ asOf: now(), limit: 100 });
    expect(stories.map((s) => s.title)).toEqual(titles(PUBLISHED));
    expect(total).toBe(PUBLISHED.length);
    expect(stories[0]).toMatchObject({ title: fixture.title, sectionSlug: 'فلسطين', authorName: 'يوسف حداد', authorId: ids.editor, bylineIsAuthor: true, image: null });
    expect(typeof stories[0]!.publishedAt).toBe('string');
  });

  it('filter by section, tag and author', async () => {
    const economy = await listSiteStories({ asOf: now(), limit: 100, sectionId: ids.economy });
    expect(economy.stories.map((s) => s.title)).toEqual(titles(PUBLISHED.filter((s) => s.sectionSlug === 'اقتصاد')));

    const tagName = ECONOMY.tags[0]!;
    const tag = await findPublicTag(slugify(tagName), now());
    expect(tag?.name).toBe(tagName);
    const tagged = await listSiteStories({ asOf: now(), limit: 100, tagId: tag!.id });
    expect(tagged.stories.map((s) => s.title)).toEqual(titles(PUBLISHED.filter((s) => s.tags.includes(tagName))));

    for (const role of ['editor', 'admin', 'reviewer']) {
      const byAuthor = await listSiteStories({ asOf: now(), limit: 100, authorId: ids.byRole[role]! });
      expect(byAuthor.stories.map((s) => s.title), role).toEqual(titles(PUBLISHED.filter((s) => s.author === role)));
    }
  });

  it('give authors a public page only when something of theirs is visible', async () => {
    expect(await findPublicAuthor(ids.editor, now())).toEqual({ id: ids.editor, name: 'يوسف حداد' });
    const reviewerPublished = PUBLISHED.some((s) => s.author === 'reviewer');
    expect(await findPublicAuthor(ids.reviewer, now())).toEqual(reviewerPublished ? { id: ids.reviewer, name: 'ليلى منصور' } : null);
    expect(await findPublicAuthor(999_999, now())).toBeNull();
  });

  it('keep tags used only on unpublished stories unknown', async () => {
    const publicTags = new Set(PUBLISHED.flatMap((s) => s.tags));
    const hiddenOnly = [...new Set(HIDDEN.flatMap((s) => s.tags))].filter((t) => !publicTags.has(t));
    expect(hiddenOnly.length).toBeGreaterThan(0);
    for (const tag of hiddenOnly) expect(await findPublicTag(slugify(tag), now()), tag).toBeNull();
    expect(await findPublicTag('لا-يوجد', now())).toBeNull();
  });

  it('group the newest stories by section in navigation order, skipping empty sections', async () => {
    const blocks = await latestBySection({ asOf: now(), perSection: 3 });
    const withStories = SAMPLE_SECTIONS.map((s) => s.slug).filter((slug) => PUBLISHED.some((s) => s.sectionSlug === slug));
    expect(blocks.map((b) => b.section.slug)).toEqual(withStories);
    for (const block of blocks) {
      expect(block.stories.map((s) => s.title)).toEqual(titles(PUBLISHED.filter((s) => s.sectionSlug === block.section.slug)).slice(0, 3));
    }
  });

  it('find a section by slug', async () => {
    expect(await findSectionBySlug('رياضة')).toEqual({ id: ids.sport, slug: 'رياضة', name: 'رياضة' });
    expect(await findSectionBySlug('no-such')).toBeNull();
  });
});

describe(`unpublished, draft and future-scheduled stories on ${driverName}`, () => {
  it('appear in no listing, feed or sitemap query', async () => {
    const asOf = now();
    const listed = [
      ...(await listSiteStories({ asOf, limit: 100 })).stories.map((s) => s.title),
      ...(await latestBySection({ asOf, perSection: 10 })).flatMap((b) => b.stories.map((s) => s.title)),
      ...(await listStoriesSince({ asOf, since: new Date(0), limit: 100 })).map((s) => s.title),
      ...(await listSiteStories({ asOf, limit: 100, authorId: ids.editor })).stories.map((s) => s.title),
      ...(await listSiteStories({ asOf, limit: 100, sectionId: ids.economy })).stories.map((s) => s.title),
    ];
    for (const story of HIDDEN) expect(listed).not.toContain(story.title);
    const sitemap = await readSitemapData(asOf, 1000);
    for (const story of HIDDEN) expect(sitemap.articles.map((a) => a.slug)).not.toContain(slugify(story.title));
    expect(sitemap.articles.map((a) => a.slug).sort()).toEqual(PUBLISHED.map((s) => slugify(s.title)).sort());
    expect(sitemap.tags.map((t) => t.slug).sort()).toEqual([...new Set(PUBLISHED.flatMap((s) => s.tags.map((t) => slugify(t))))].sort());
    const authorIds = [...new Set(PUBLISHED.map((s) => ids.byRole[s.author]!))];
    expect(sitemap.authors.map((a) => a.id).sort()).toEqual(authorIds.sort());
    for (const story of HIDDEN) expect((await findSiteArticle(slugify(story.title), asOf)).kind, story.title).toBe('missing');
  });

  it('are never offered as related stories', async () => {
    const economy = await findSiteArticle(slugify(ECONOMY.title), now());
    if (economy.kind !== 'article') throw new Error('economy story missing');
    const related = await listRelatedStories({
      asOf: now(),
      articleId: economy.article.id,
      sectionId: economy.article.sectionId,
      tagIds: economy.article.tags.map((t) => t.id),
      limit: 100,
    });
    // The scheduled story shares the section but is not due yet.
    expect(related.map((s) => s.title).sort()).toEqual(titles(PUBLISHED.filter((s) => s !== ECONOMY && shares(s, ECONOMY))).sort());
    expect(related.map((s) => s.title)).not.toContain(SCHEDULED.title);
  });

  it('disappear from everything once unpublished', async () => {
    const id = await insertStory({ title: 'خبر سيُسحب لاحقاً', sectionId: ids.sport, authorId: ids.reviewer, status: 'published', at: new Date(Date.now() - HOUR / 2) });
    expect((await listSiteStories({ asOf: now(), limit: 100 })).stories.map((s) => s.id)).toContain(id);
    expect(await findPublicAuthor(ids.reviewer, now())).not.toBeNull();

    await connection.db.update(articles).set({ status: 'unpublished' }).where(eq(articles.id, id));
    const asOf = now();
    expect((await listSiteStories({ asOf, limit: 100 })).stories.map((s) => s.id)).not.toContain(id);
    expect((await listSiteStories({ asOf, limit: 100, sectionId: ids.sport })).stories.map((s) => s.id)).not.toContain(id);
    expect((await listStoriesSince({ asOf, since: new Date(0), limit: 100 })).map((s) => s.slug)).not.toContain(slugify('خبر سيُسحب لاحقاً'));
    expect((await readSitemapData(asOf, 1000)).articles.map((a) => a.slug)).not.toContain(slugify('خبر سيُسحب لاحقاً'));
    expect((await findSiteArticle(slugify('خبر سيُسحب لاحقاً'), asOf)).kind).toBe('missing');
    if (!PUBLISHED.some((s) => s.author === 'reviewer')) expect(await findPublicAuthor(ids.reviewer, asOf)).toBeNull();
  });
});

describe(`a scheduled story whose time has come on ${driverName}`, () => {
  it('is present everywhere as of its scheduled time, with no job having run', async () => {
    const asOf = new Date(scheduledFor.getTime() + 1000);
    const slug = slugify(SCHEDULED.title);
    const all = await listSiteStories({ asOf, limit: 100 });
    expect(all.stories[0]).toMatchObject({ title: SCHEDULED.title, publishedAt: scheduledFor.toISOString() });
    const section = await findSectionBySlug(SCHEDULED.sectionSlug);
    expect((await listSiteStories({ asOf, limit: 100, sectionId: section!.id })).stories.map((s) => s.title)).toEqual([
      SCHEDULED.title,
      ...titles(PUBLISHED.filter((s) => s.sectionSlug === SCHEDULED.sectionSlug)),
    ]);
    const tagName = SCHEDULED.tags[0]!;
    const tag = await findPublicTag(slugify(tagName), asOf);
    expect(tag).not.toBeNull();
    expect((await listSiteStories({ asOf, limit: 100, tagId: tag!.id })).stories.map((s) => s.title)[0]).toBe(SCHEDULED.title);
    expect((await listStoriesSince({ asOf, since: new Date(asOf.getTime() - 48 * HOUR), limit: 100 })).map((s) => s.slug)).toContain(slug);
    expect((await readSitemapData(asOf, 1000)).articles.map((a) => a.slug)).toContain(slug);
    expect((await findSiteArticle(slug, asOf)).kind).toBe('article');
    // …and a second before, it is nowhere.
    const before = new Date(scheduledFor.getTime() - 1000);
    expect((await listSiteStories({ asOf: before, limit: 100 })).stories.map((s) => s.title)).not.toContain(SCHEDULED.title);
    expect((await findSiteArticle(slug, before)).kind).toBe('missing');
  });

  it('is visible by the database clock too once its time is in the past', async () => {
    const slug = slugify(SCHEDULED.title);
    await connection.db.update(articles).set({ scheduledFor: sql`now() - interval '1 second'` }).where(eq(articles.slug, slug));
    expect((await listSiteStories({ asOf: now(), limit: 100 })).stories.map((s) => s.slug)).toContain(slug);
    expect((await findSiteArticle(slug, now())).kind).toBe('article');
    await connection.db.update(articles).set({ scheduledFor }).where(eq(articles.slug, slug));
  });

  it('is announced by the schedule window until it comes, then remembered as the last due time', async () => {
    const early = await readScheduleWindow(now());
    expect(early.upcoming).toContain(scheduledFor.toISOString());
    const later = await readScheduleWindow(new Date(scheduledFor.getTime() + 1000));
    expect(later.upcoming).not.toContain(scheduledFor.toISOString());
    expect(later.lastDue).toBe(scheduledFor.toISOString());
  });
});

describe(`pagination on ${driverName}`, () => {
  it('splits a section into pages with no story twice and none missing', async () => {
    const base = Date.now() - 100 * HOUR;
    const created: number[] = [];
    for (let i = 0; i < 25; i++) {
      created.push(await insertStory({ title: `خبر رياضي رقم ${i + 1}`, sectionId: ids.sport, authorId: ids.admin, status: 'published', at: new Date(base + i * 60_000) }));
    }
    const expected = 25 + PUBLISHED.filter((s) => s.sectionSlug === 'رياضة').length;
    const first = await listSiteStories({ asOf: now(), limit: 20, offset: 0, sectionId: ids.sport });
    const second = await listSiteStories({ asOf: now(), limit: 20, offset: 20, sectionId: ids.sport });
    expect(first.total).toBe(expected);
    expect(second.total).toBe(expected);
    expect(first.stories).toHaveLength(20);
    expect(second.stories).toHaveLength(expected - 20);
    const seen = [...first.stories, ...second.stories].map((s) => s.id);
    expect(new Set(seen).size).toBe(expected);
    expect(seen).toEqual(expect.arrayContaining(created));
    const dates = [...first.stories, ...second.stories].map((s) => Date.parse(s.publishedAt));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);

    const adminTotal = 25 + PUBLISHED.filter((s) => s.author === 'admin').length;
    const byAdmin = await listSiteStories({ asOf: now(), limit: 20, offset: 20, authorId: ids.admin });
    expect(byAdmin.total).toBe(adminTotal);
    expect(byAdmin.stories).toHaveLength(adminTotal - 20);
  });

  it('pages a tag listing the same way', async () => {
    const [tag] = await connection.db.insert(tags).values({ slug: 'وسم-للترقيم', name: 'وسم للترقيم' }).returning({ id: tags.id });
    for (let i = 0; i < 23; i++) {
      await insertStory({ title: `خبر موسوم ${i + 1}`, sectionId: ids.economy, authorId: ids.editor, status: 'published', at: new Date(Date.now() - (200 + i) * HOUR), tagIds: [tag!.id] });
    }
    await insertStory({ title: 'مسودة موسومة', sectionId: ids.economy, authorId: ids.editor, status: 'draft', at: new Date(), tagIds: [tag!.id] });
    const second = await listSiteStories({ asOf: now(), limit: 20, offset: 20, tagId: tag!.id });
    expect(second.total).toBe(23);
    expect(second.stories.map((s) => s.title)).toEqual(['خبر موسوم 21', 'خبر موسوم 22', 'خبر موسوم 23']);
  });
});

describe(`article lookups on ${driverName}`, () => {
  it('return the fixture story with body, tags and byline', async () => {
    const result = await findSiteArticle(slugify(fixture.title), now());
    if (result.kind !== 'article') throw new Error('fixture story missing');
    expect(result.article.body.content).toHaveLength(13);
    expect(documentToText(result.article.body).split('\n')).toEqual(fixture.paragraphs);
    expect(result.article.bodyText.split('\n')).toEqual(fixture.paragraphs);
    expect(result.article.tags.map((t) => t.name).sort()).toEqual([...fixture.tags].sort());
    expect(result.article.authorName).toBe('يوسف حداد');
  });

  it('redirect an old slug of a visible story, and not of a hidden one or an unknown slug', async () => {
    const [visible] = await connection.db.select({ id: articles.id, slug: articles.slug }).from(articles).where(eq(articles.slug, slugify(ECONOMY.title)));
    const [draft] = await connection.db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slugify(HIDDEN[0]!.title)));
    await connection.db.insert(slugHistory).values([
      { oldSlug: 'الفائدة-قديم', articleId: visible!.id },
      { oldSlug: 'مسودة-قديم', articleId: draft!.id },
    ]);
    expect(await findSiteArticle('الفائدة-قديم', now())).toEqual({ kind: 'redirect', slug: visible!.slug });
    expect(await findSiteArticle('مسودة-قديم', now())).toEqual({ kind: 'missing' });
    expect(await findSiteArticle('لا-يوجد', now())).toEqual({ kind: 'missing' });
  });

  it('offer related stories from the same section and tags, most shared first', async () => {
    const fixtureArticle = await findSiteArticle(slugify(fixture.title), now());
    if (fixtureArticle.kind !== 'article') throw new Error('fixture story missing');
    // Another section, every tag of the fixture story: it outranks same-section stories sharing fewer.
    const closest = await insertStory({
      title: 'خبر من قسم آخر بكل الوسوم',
      sectionId: ids.sport,
      authorId: ids.editor,
      status: 'published',
      at: new Date(Date.now() - 300 * HOUR),
      tagIds: fixtureArticle.article.tags.map((t) => t.id),
    });
    const related = await listRelatedStories({
      asOf: now(),
      articleId: fixtureArticle.article.id,
      sectionId: fixtureArticle.article.sectionId,
      tagIds: fixtureArticle.article.tags.map((t) => t.id),
      limit: 4,
    });
    const score = (s: SeedStory) => (s.sectionSlug === 'فلسطين' ? 1 : 0) + s.tags.filter((t) => fixture.tags.includes(t)).length;
    const expected = PUBLISHED.filter((s) => s.title !== fixture.title && score(s) > 0).sort(
      (a, b) => score(b) - score(a) || b.hoursFromNow - a.hoursFromNow,
    );
    expect(related[0]!.id).toBe(closest);
    expect(related.slice(1).map((s) => s.title)).toEqual(titles(expected).slice(0, 3));
  });

  it('carry the featured image of the published revision, for the page and for listings', async () => {
    const id = await insertStory({ title: 'خبر بصورة رئيسية', sectionId: ids.sport, authorId: ids.editor, status: 'published', at: new Date(Date.now() - 500 * HOUR) });
    const [image] = await connection.db
      .insert(media)
      .values({ storageKey: 'a'.repeat(32), mime: 'image/webp', width: 1600, height: 900, bytes: 12345, alt: 'لاعبون يحتفلون', caption: 'لحظة الفوز', credit: 'وكالة الأنباء', uploadedBy: ids.editor })
      .returning({ id: media.id });
    const [revision] = await connection.db
      .insert(articleRevisions)
      .values({ articleId: id, number: 2, title: 'خبر بصورة رئيسية', body: paragraphsToDocument(['نص']), featuredMediaId: image!.id, authorId: ids.editor })
      .returning({ id: articleRevisions.id });
    await connection.db.update(articles).set({ publishedRevisionId: revision!.id }).where(eq(articles.id, id));
    const expected = { storageKey: 'a'.repeat(32), alt: 'لاعبون يحتفلون', caption: 'لحظة الفوز', credit: 'وكالة الأنباء', width: 1600, height: 900 };
    const result = await findSiteArticle(slugify('خبر بصورة رئيسية'), now());
    if (result.kind !== 'article') throw new Error('story missing');
    expect(result.article.image).toEqual(expected);
    const listed = (await listSiteStories({ asOf: now(), limit: 200, sectionId: ids.sport })).stories.find((s) => s.id === id);
    expect(listed?.image).toEqual(expected);
  });

  it('use the revision byline when there is one', async () => {
    const id = await insertStory({ title: 'خبر بتوقيع مراسل', sectionId: ids.sport, authorId: ids.editor, status: 'published', at: new Date(Date.now() - 400 * HOUR) });
    const [revision] = await connection.db
      .insert(articleRevisions)
      .values({ articleId: id, number: 2, title: 'خبر بتوقيع مراسل', body: paragraphsToDocument(['نص']), byline: 'مراسلنا في غزة', authorId: ids.editor })
      .returning({ id: articleRevisions.id });
    await connection.db.update(articles).set({ publishedRevisionId: revision!.id }).where(eq(articles.id, id));
    const result = await findSiteArticle(slugify('خبر بتوقيع مراسل'), now());
    if (result.kind !== 'article') throw new Error('story missing');
    expect(result.article).toMatchObject({ authorName: 'مراسلنا في غزة', bylineIsAuthor: false, authorId: ids.editor });
  });
});

