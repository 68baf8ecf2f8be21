import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, type Connection } from '@/db/client';
import { searchAllArticles, searchPublishedArticles, type PublicSearchHit } from '@/db/queries/search';
import { articleRevisions, articles, articleTags, searchDocuments, sections, tags, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import fixture from '@/db/seed-data/quds-day-article.json';
import { paragraphsToDocument } from '@/lib/content/render';
import { ARTICLE_STATUSES, type ArticleStatus } from '@/lib/workflow/states';
import { isPubliclyVisible } from '@/lib/workflow/visibility';
import { driverName, freshDatabase } from '../helpers';

let connection: Connection;
let editorId: number;

beforeAll(async () => {
  connection = await freshDatabase();
  await seedDatabase(connection.db, { production: false });
  const [editor] = await connection.db.select({ id: users.id }).from(users).where(eq(users.email, 'editor@midad.test'));
  editorId = editor!.id;
});
afterAll(() => closeConnection());

const db = () => connection.db;
let slugCounter = 0;

/** Writes an article the way the desk does: article row, revision, then the revision pointers. */
async function createArticle(options: {
  title: string;
  body?: string;
  summary?: string;
  section?: string;
  status?: ArticleStatus;
  publishedAt?: Date;
}): Promise<{ id: number; revisionId: number }> {
  const { title, body = '', summary = '', section = 'سياسة', status = 'draft', publishedAt = new Date() } = options;
  const [sectionRow] = await db().select({ id: sections.id }).from(sections).where(eq(sections.slug, section));
  const live = status === 'published';
  const [article] = await db()
    .insert(articles)
    .values({
      slug: `search-test-${++slugCounter}`,
      sectionId: sectionRow!.id,
      status,
      createdBy: editorId,
      publishedAt: live ? publishedAt : null,
      updatedAt: publishedAt,
    })
    .returning({ id: articles.id });
  const revisionId = await addRevision(article!.id, 1, title, body, summary);
  await db()
    .update(articles)
    .set({ currentRevisionId: revisionId, publishedRevisionId: live ? revisionId : null })
    .where(eq(articles.id, article!.id));
  return { id: article!.id, revisionId };
}

async function addRevision(articleId: number, number: number, title: string, body: string, summary = ''): Promise<number> {
  const [revision] = await db()
    .insert(articleRevisions)
    .values({ articleId, number, title, summary, body: paragraphsToDocument([body]), bodyText: body, authorId: editorId })
    .returning({ id: articleRevisions.id });
  return revision!.id;
}

async function publicTitles(q: string, extra: Parameters<typeof searchPublishedArticles>[0] = { q }): Promise<string[]> {
  const outcome = await searchPublishedArticles({ ...extra, q }, db());
  return outcome.kind === 'results' ? outcome.hits.map((h) => stripMarks(h.titleHtml)) : [];
}

async function staffTitles(q: string): Promise<string[]> {
  const outcome = await searchAllArticles({ q }, db());
  return outcome.kind === 'results' ? outcome.hits.map((h) => stripMarks(h.titleHtml)) : [];
}

const stripMarks = (html: string) => html.replace(/<\/?mark>/g, '');

async function documentRevisions(articleId: number): Promise<number[]> {
  const rows = await db()
    .select({ revisionId: searchDocuments.revisionId })
    .from(searchDocuments)
    .where(eq(searchDocuments.articleId, articleId))
    .orderBy(searchDocuments.revisionId);
  return rows.map((r) => r.revisionId);
}

describe(`readers' search on ${driverName}`, () => {
  it('finds the fixture story from «اسماعيل هنيه» and a tashkeel form, with highlighted snippets', async () => {
    for (const q of ['اسماعيل هنيه', 'إِسْمَاعِيل هَنِيَّة', 'التَّطْبِيع']) {
      const outcome = await searchPublishedArticles({ q }, db());
      expect(outcome.kind).toBe('results');
      if (outcome.kind !== 'results') return;
      expect(outcome.hits.map((h) => stripMarks(h.titleHtml))).toContain(fixture.title);
    }
    const outcome = await searchPublishedArticles({ q: 'اسماعيل هنيه' }, db());
    if (outcome.kind !== 'results') throw new Error('refused');
    const hit = outcome.hits[0]!;
    // The snippet shows the story's own spelling, with the matched words marked.
    expect(hit.snippetHtml).toContain('<mark>إسماعيل</mark> <mark>هنية</mark>');
    expect(hit.snippetHtml).not.toMatch(/<mark>[^<]*[،.]<\/mark>/);
    expect(hit.sectionSlug).toBe('فلسطين');
    expect(outcome.total).toBe(1);
  });

  it('follows the article through draft, publication, a new working revision, unpublishing and a schedule', async () => {
    const story = await createArticle({ title: 'خبر عن الزمرد الأخضر', body: 'نص أول عن الزمرد' });
    expect(await publicTitles('الزمرد')).toEqual([]);
    expect(await staffTitles('الزمرد')).toEqual(['خبر عن الزمرد الأخضر']);
    expect(await documentRevisions(story.id)).toEqual([story.revisionId]);

    await db()
      .update(articles)
      .set({ status: 'published', publishedRevisionId: story.revisionId, publishedAt: new Date() })
      .where(eq(articles.id, story.id));
    expect(await publicTitles('زمرد')).toEqual(['خبر عن الزمرد الأخضر']);

    // A new working revision: readers keep the published text, staff search the new one.
    const second = await addRevision(story.id, 2, 'خبر عن الياقوت الأحمر', 'نص ثان عن الياقوت');
    await db().update(articles).set({ currentRevisionId: second, status: 'draft' }).where(eq(articles.id, story.id));
    await db().update(articles).set({ status: 'published' }).where(eq(articles.id, story.id));
    expect(await publicTitles('الياقوت')).toEqual([]);
    expect(await publicTitles('الزمرد')).toEqual(['خبر عن الزمرد الأخضر']);
    expect(await staffTitles('الياقوت')).toEqual(['خبر عن الياقوت الأحمر']);
    expect(await staffTitles('الزمرد')).toEqual([]);
    expect(await documentRevisions(story.id)).toEqual([story.revisionId, second]);

    // Publishing the new revision drops the old document.
    await db().update(articles).set({ publishedRevisionId: second }).where(eq(articles.id, story.id));
    expect(await publicTitles('الياقوت')).toEqual(['خبر عن الياقوت الأحمر']);
    expect(await publicTitles('الزمرد')).toEqual([]);
    expect(await documentRevisions(story.id)).toEqual([second]);

    await db().update(articles).set({ status: 'unpublished' }).where(eq(articles.id, story.id));
    expect(await publicTitles('الياقوت')).toEqual([]);

    await db()
      .update(articles)
      .set({ status: 'scheduled', scheduledFor: sql`now() + interval '1 hour'`, publishedAt: null })
      .where(eq(articles.id, story.id));
    expect(await publicTitles('الياقوت')).toEqual([]);
    await db().update(articles).set({ scheduledFor: sql`now() - interval '1 second'` }).where(eq(articles.id, story.id));
    expect(await publicTitles('الياقوت')).toEqual(['خبر عن الياقوت الأحمر']);
  });

  it('agrees with the public visibility rule in every workflow state, schedules and embargoes included', async () => {
    const story = await createArticle({ title: 'حجر الجمشت', body: 'نص عن الجمشت', status: 'published' });
    for (const status of ARTICLE_STATUSES) {
      for (const offsetMs of [null, -60_000, 60_000]) {
        for (const embargoMs of [null, -60_000, 60_000]) {
          const now = new Date();
          const scheduledFor = offsetMs === null ? null : new Date(now.getTime() + offsetMs);
          const embargoUntil = embargoMs === null ? null : new Date(now.getTime() + embargoMs);
          await db().update(articles).set({ status, scheduledFor, embargoUntil }).where(eq(articles.id, story.id));
          const visible = (await publicTitles('الجمشت')).length === 1;
          const rule = isPubliclyVisible({ status, scheduledFor, embargoUntil, publishedRevisionId: story.revisionId }, now);
          expect({ status, offsetMs, embargoMs, visible }).toEqual({ status, offsetMs, embargoMs, visible: rule });
        }
      }
    }
  });

  it('follows tags, tag names, section moves and section names', async () => {
    const story = await createArticle({ title: 'تقرير عن المعادن', body: 'نص عن المعادن', status: 'published' });
    const [tag] = await db().insert(tags).values({ slug: 'زبرجد', name: 'زبرجد' }).returning({ id: tags.id });
    expect(await publicTitles('زبرجد')).toEqual([]);
    await db().insert(articleTags).values({ articleId: story.id, tagId: tag!.id });
    expect(await publicTitles('زبرجد')).toEqual(['تقرير عن المعادن']);
    await db().update(tags).set({ name: 'فيروز' }).where(eq(tags.id, tag!.id));
    expect(await publicTitles('زبرجد')).toEqual([]);
    expect(await publicTitles('فيروز')).toEqual(['تقرير عن المعادن']);
    await db().delete(articleTags).where(eq(articleTags.articleId, story.id));
    expect(await publicTitles('فيروز')).toEqual([]);

    const [opinion] = await db().select().from(sections).where(eq(sections.slug, 'رأي'));
    await db().update(articles).set({ sectionId: opinion!.id }).where(eq(articles.id, story.id));
    expect(await publicTitles('المعادن', { q: '', sectionSlug: 'رأي' })).toEqual(['تقرير عن المعادن']);
    expect(await publicTitles('المعادن', { q: '', sectionSlug: 'سياسة' })).toEqual([]);
    await db().update(sections).set({ name: 'مقالات الكتّاب' }).where(eq(sections.id, opinion!.id));
    expect(await publicTitles('مقالات المعادن')).toEqual(['تقرير عن المعادن']);
    await db().update(sections).set({ name: 'رأي' }).where(eq(sections.id, opinion!.id));
  });

  it('ranks title matches above body matches and recent stories above old ones', async () => {
    const day = 24 * 60 * 60 * 1000;
    await createArticle({ title: 'أخبار متفرقة', body: 'ذكر عابر للبنفسج في آخر الخبر', status: 'published', publishedAt: new Date() });
    await createArticle({ title: 'حقول البنفسج تزهر', body: 'نص', status: 'published', publishedAt: new Date(Date.now() - 400 * day) });
    await createArticle({ title: 'البنفسج في الحدائق', body: 'نص', status: 'published', publishedAt: new Date(Date.now() - 2 * day) });
    expect(await publicTitles('البنفسج')).toEqual(['البنفسج في الحدائق', 'حقول البنفسج تزهر', 'أخبار متفرقة']);
  });

  it('pages through results without gaps or repeats, and keeps the count past the end', async () => {
    const base = Date.now() - 60_000;
    for (let i = 0; i < 23; i++) {
      await createArticle({ title: `نشرة رقم ${i}`, body: `نص يذكر الكهرمان مرة ${i}`, status: 'published', publishedAt: new Date(base - i * 1000) });
    }
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const outcome = await searchPublishedArticles({ q: 'الكهرمان', page }, db());
      if (outcome.kind !== 'results') throw new Error('refused');
      expect(outcome).toMatchObject({ total: 23, page, pageSize: 10, pageCount: 3 });
      seen.push(...outcome.hits.map((h) => stripMarks(h.titleHtml)));
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(seen[0]).toBe('نشرة رقم 0');
    const past = await searchPublishedArticles({ q: 'الكهرمان', page: 7 }, db());
    expect(past).toMatchObject({ kind: 'results', total: 23, page: 7, hits: [] });
    const clamped = await searchPublishedArticles({ q: 'الكهرمان', page: -3 }, db());
    expect(clamped).toMatchObject({ page: 1 });
  });

  it('filters by section and by dates in the site time zone, ignoring impossible dates', async () => {
    const iso = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const q = 'كرة القدم';
    expect((await publicTitles(q)).length).toBe(2);
    expect((await publicTitles(q, { q, sectionSlug: 'رياضة' })).length).toBe(2);
    expect(await publicTitles(q, { q, sectionSlug: 'اقتصاد' })).toEqual([]);
    expect(await publicTitles(q, { q, sectionSlug: 'لا-يوجد' })).toEqual([]);
    // The music festival story was published 45 days ago.
    const music = 'مهرجان الموسيقى العربية يكرّم أمّ كلثوم في دورته الثلاثين';
    expect(await publicTitles('مهرجان', { q: '', from: iso(10), timeZone: 'UTC' })).toEqual([]);
    expect(await publicTitles('مهرجان', { q: '', from: iso(50), to: iso(40), timeZone: 'UTC' })).toEqual([music]);
    expect(await publicTitles('مهرجان', { q: '', to: iso(46), timeZone: 'UTC' })).toEqual([]);
    expect(await publicTitles('مهرجان', { q: '', from: '2026-02-30', to: 'yesterday', timeZone: 'Mars/Base' })).toEqual([music]);
  });

  it('answers bad input with a reason or a safe empty result, never an error', async () => {
    expect(await searchPublishedArticles({ q: 'ق'.repeat(10_000) }, db())).toEqual({ kind: 'refused', reason: 'tooLong' });
    expect(await searchPublishedArticles({ q: '؟!،.' }, db())).toEqual({ kind: 'refused', reason: 'noTerms' });
    expect(await searchPublishedArticles({ q: '   ' }, db())).toEqual({ kind: 'refused', reason: 'empty' });
    expect(await searchPublishedArticles({ q: '\\ & | ! : * ( ) <-> \'' }, db())).toEqual({ kind: 'refused', reason: 'noTerms' });
    for (const q of ["'; drop table articles; --", '"القدس', 'القدس"" "', '<script>alert(1)</script>', 'x:* & !y', "O'Brien"]) {
      const outcome = await searchPublishedArticles({ q }, db());
      expect(outcome.kind, q).toBe('results');
    }
    expect((await publicTitles('"القدس')).length).toBeGreaterThan(0);
    expect(await db().$count(articles)).toBeGreaterThan(0);
  });

  it('escapes titles and text, marking only matched words', async () => {
    await createArticle({
      title: 'عنوان <b>خطر</b> & "اقتباس" \'مفرد\' عن الفسيفساء',
      body: 'نص فيه <script>alert("x")</script> ثم الفسيفساء & <img src=x onerror=alert(1)>',
      status: 'published',
    });
    const outcome = await searchPublishedArticles({ q: 'الفسيفساء' }, db());
    if (outcome.kind !== 'results') throw new Error('refused');
    const hit: PublicSearchHit = outcome.hits[0]!;
    expect(hit.titleHtml).toBe(
      'عنوان &lt;b&gt;خطر&lt;/b&gt; &amp; &quot;اقتباس&quot; &#39;مفرد&#39; عن <mark>الفسيفساء</mark>',
    );
    expect(hit.snippetHtml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(hit.snippetHtml).toContain('<mark>الفسيفساء</mark>');
    expect(hit.snippetHtml.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('suggests a near-miss spelling that finds published stories, and never a word only a draft has', async () => {
    const typo = await searchPublishedArticles({ q: 'اسمعيل' }, db());
    expect(typo).toMatchObject({ kind: 'results', total: 0, suggestion: 'اسماعيل' });
    const twoWords = await searchPublishedArticles({ q: 'سيلفاا البرازيلي' }, db());
    expect(twoWords).toMatchObject({ total: 0, suggestion: 'سيلفا البرازيلي' });
    // الانتخابات appears only in a draft: its near miss must not reveal it.
    const draftOnly = await searchPublishedArticles({ q: 'الانتخابت' }, db());
    expect(draftOnly).toMatchObject({ kind: 'results', total: 0 });
    expect(draftOnly.kind === 'results' && draftOnly.suggestion).not.toBe('الانتخابات');
    const nothingClose = await searchPublishedArticles({ q: 'ظظظظظ' }, db());
    expect(nothingClose).toMatchObject({ total: 0, suggestion: null });
    const found = await searchPublishedArticles({ q: 'القدس' }, db());
    expect(found).toMatchObject({ suggestion: null });
  });

  it('finds a word with a proclitic attached, marks it, and never corrects a word found that way', async () => {
    await createArticle({ title: 'خطة لتحديث المرافئ العتيقة', body: 'وعدت الوزارة بالبدء قبل الشتاء، ولتحديثها كلفة عالية.', status: 'published' });
    const outcome = await searchPublishedArticles({ q: 'تحديث' }, db());
    if (outcome.kind !== 'results') throw new Error('refused');
    expect(outcome.hits.map((h) => stripMarks(h.titleHtml))).toEqual(['خطة لتحديث المرافئ العتيقة']);
    expect(outcome.hits[0]!.titleHtml).toContain('<mark>لتحديث</mark>');
    // و + ل + the word + a suffix: matched through the stem behind ل.
    expect(outcome.hits[0]!.snippetHtml).toContain('<mark>ولتحديثها</mark>');
    expect(outcome.hits[0]!.snippetHtml).toContain('بالبدء');
    expect(outcome.hits[0]!.snippetHtml).not.toContain('<mark>بالبدء</mark>');
    // Only the misspelt word is replaced: تحديث finds stories only through its proclitic forms.
    const typo = await searchPublishedArticles({ q: 'تحديث العتيقق' }, db());
    expect(typo).toMatchObject({ total: 0, suggestion: 'تحديث العتيقه' });
  });

  it('judges visibility at the instant it is given', async () => {
    const story = await createArticle({ title: 'موعد مع الفيروز', body: 'نص عن الفيروز', status: 'published' });
    const due = new Date(Date.now() + 3600_000);
    await db().update(articles).set({ status: 'scheduled', scheduledFor: due, publishedAt: null }).where(eq(articles.id, story.id));
    expect(await publicTitles('الفيروز')).toEqual([]);
    expect(await publicTitles('الفيروز', { q: '', asOf: new Date(due.getTime() - 1000) })).toEqual([]);
    expect(await publicTitles('الفيروز', { q: '', asOf: due })).toEqual(['موعد مع الفيروز']);
  });

  it('indexes an oversized story without failing its publication', async () => {
    const huge = 'العقيق ' + 'كلمة طويلة جداً في نص ضخم '.repeat(20_000);
    const story = await createArticle({ title: 'نص ضخم', body: huge, status: 'published' });
    expect(await publicTitles('العقيق')).toEqual(['نص ضخم']);
    expect(await documentRevisions(story.id)).toHaveLength(1);
  });
});

describe(`staff search on ${driverName}`, () => {
  it('covers every workflow state on the current revision and reports the status', async () => {
    const draft = await searchAllArticles({ q: 'الانتخابات البلدية' }, db());
    expect(draft).toMatchObject({ kind: 'results', total: 1 });
    if (draft.kind !== 'results') return;
    expect(draft.hits[0]).toMatchObject({ status: 'draft', sectionSlug: 'سياسة', titleHtml: expect.stringContaining('<mark>') });
    const inReview = await searchAllArticles({ q: 'الأرصفة' }, db());
    expect(inReview.kind === 'results' && inReview.hits.map((h) => h.status)).toEqual(['in_review']);
    const scheduled = await searchAllArticles({ q: 'الوقود' }, db());
    expect(scheduled.kind === 'results' && scheduled.hits.map((h) => h.status)).toEqual(['scheduled']);
  });

  it('filters by status', async () => {
    const all = await searchAllArticles({ q: 'المدن' }, db());
    const onlyDrafts = await searchAllArticles({ q: 'المدن', statuses: ['draft'] }, db());
    const onlyReview = await searchAllArticles({ q: 'المدن', statuses: ['in_review', 'published'] }, db());
    expect(all.kind === 'results' && all.hits.map((h) => h.status).sort()).toEqual(['draft', 'in_review']);
    expect(onlyDrafts.kind === 'results' && onlyDrafts.hits.map((h) => h.status)).toEqual(['draft']);
    expect(onlyReview.kind === 'results' && onlyReview.hits.map((h) => h.status)).toEqual(['in_review']);
  });

  it('refuses bad queries the same way', async () => {
    expect(await searchAllArticles({ q: '' }, db())).toEqual({ kind: 'refused', reason: 'empty' });
  });
});
