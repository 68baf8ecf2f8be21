import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, type Connection, type Database } from '@/db/client';
import { searchPublishedArticles } from '@/db/queries/search';
import {
  findPublicAuthor,
  findPublicTag,
  findSiteArticle,
  latestBySection,
  listRelatedStories,
  listSiteStories,
  listStoriesSince,
  readScheduleWindow,
  readSitemapData,
} from '@/db/queries/site-stories';
import { getSiteSettings } from '@/db/queries/settings';
import { activityLog, articles, sections } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { paragraphsToDocument } from '@/lib/content/render';
import { wallTimeOf } from '@/lib/format/formatter';
import type { ApiClient } from '@/lib/server/api/client';
import { getArticle, listArticles } from '@/lib/server/api/v1/articles';
import { answerApiCall } from '@/lib/server/api/v1/handler';
import { uncachedSite } from '@/lib/server/api/v1/reads';
import { createArticle } from '@/lib/server/articles/create-article';
import { setEmbargo } from '@/lib/server/articles/set-embargo';
import { transitionArticle } from '@/lib/server/articles/transition-article';
import type { Actor } from '@/lib/server/next/session';
import type { WorkflowAction } from '@/lib/workflow/transitions';
import { driverName, freshDatabase, signedInActor } from '../helpers';
import { refusal, refusedWith } from '../refusals';

const HOUR = 3600_000;
const TAG = 'وسم-الحظر-التجريبي';
const WORD = 'الكهرمان';

let connection: Connection;
let db: Database;
let admin: Actor;
let editor: Actor;
let reviewer: Actor;
let sectionId: number;

const version = async (id: number) => (await db.select({ v: articles.version }).from(articles).where(eq(articles.id, id)))[0]!.v;
const move = (actor: Actor, id: number, action: WorkflowAction) => version(id).then((v) => transitionArticle({ db, actor }, { articleId: id, action, expectedVersion: v }));
const embargo = async (actor: Actor, id: number, options: { until?: Date; untilWallTime?: unknown; lift?: boolean; note: unknown }) =>
  setEmbargo({ db, actor }, { articleId: id, expectedVersion: await version(id), ...options });
/** The content API's list and one-story answers at `asOf`: anonymously, or as a client of the audience given. */
async function apiReads(slug: string, asOf: Date, client?: ApiClient) {
  const request = (path: string) => new Request(`http://midad.test${path}`);
  const answer = (path: string, run: Parameters<typeof answerApiCall>[1]) =>
    client
      ? run({ request: request(path), client, asOf, locale: 'ar', headers: {}, cache: uncachedSite })
      : answerApiCall(request(path), run, { now: asOf });
  const list = await (await answer('/api/v1/articles?per_page=100', listArticles)).json();
  const one = await answer(`/api/v1/articles/${encodeURIComponent(slug)}`, (call) => getArticle(call, slug));
  const listed = list.data.find((a: { slug: string }) => a.slug === slug) ?? null;
  const searched = (await (await answer(`/api/v1/articles?q=${encodeURIComponent(WORD)}`, listArticles)).json()).data.some((a: { slug: string }) => a.slug === slug);
  return { listed, searched, one: one.status === 200 ? (await one.json()).data : null };
}

const storyLog = async (id: number) =>
  db.select({ kind: activityLog.kind, actorId: activityLog.actorId, details: activityLog.details }).from(activityLog).where(eq(activityLog.articleId, id)).orderBy(activityLog.id);

/** A story taken through the desk to approval, tagged and in the test's section. */
async function approvedStory(title: string, paragraphs: string[]) {
  const created = (await createArticle({ db, actor: editor }, { fields: { title, summary: 'ملخص', sectionId, tags: [TAG] }, body: paragraphsToDocument(paragraphs) })).value;
  await move(editor, created.id, 'submit');
  await move(reviewer, created.id, 'approve');
  return created;
}

beforeAll(async () => {
  connection = await freshDatabase();
  db = connection.db;
  await seedDatabase(db, { production: false });
  admin = await signedInActor(db, 'admin@midad.test', 'midad-admin-demo');
  editor = await signedInActor(db, 'editor@midad.test', 'midad-editor-demo');
  reviewer = await signedInActor(db, 'reviewer@midad.test', 'midad-reviewer-demo');
  [{ id: sectionId }] = (await db.insert(sections).values({ slug: 'قسم-الحظر', name: 'قسم الحظر' }).returning({ id: sections.id })) as [{ id: number }];
});
afterAll(() => closeConnection());

describe(`setting, moving and lifting an embargo on ${driverName}`, () => {
  it('is for editors and admins only, needs a note and a future time, and changes nothing when refused', async () => {
    const story = await approvedStory('خبر عن حظر مرفوض', ['نص']);
    const before = await version(story.id);
    const later = new Date(Date.now() + HOUR);
    expect(await refusedWith(embargo(reviewer, story.id, { until: later, note: 'سبب' }))).toBe('FORBIDDEN');
    expect(await refusal(embargo(editor, story.id, { until: later, note: '   ' }))).toEqual({ error: 'NOTE_REQUIRED', fieldErrors: { note: 'NOTE_REQUIRED' } });
    expect(await refusal(embargo(editor, story.id, { until: new Date(Date.now() - 1000), note: 'سبب' }))).toEqual({
      error: 'EMBARGO_IN_PAST',
      fieldErrors: { embargoUntil: 'EMBARGO_IN_PAST' },
    });
    expect(await refusal(embargo(editor, story.id, { untilWallTime: 'غداً', note: 'سبب' }))).toEqual({ error: 'INVALID_INPUT', fieldErrors: { embargoUntil: 'INVALID_INPUT' } });
    expect(await refusedWith(embargo(editor, story.id, { lift: true, note: 'سبب' }))).toBe('EMBARGO_NONE');
    expect(await refusedWith(setEmbargo({ db, actor: editor }, { articleId: story.id, expectedVersion: before - 1, until: later, note: 'سبب' }))).toBe('ARTICLE_STALE');
    expect(await version(story.id)).toBe(before);
    expect((await db.select({ e: articles.embargoUntil }).from(articles).where(eq(articles.id, story.id)))[0]!.e).toBeNull();
    expect((await storyLog(story.id)).map((entry) => entry.kind)).not.toContain('story.embargo_set');
  });

  it('records each step with its note and times, and refreshes readers’ pages', async () => {
    const story = await approvedStory('خبر عن سجل الحظر', ['نص']);
    const first = new Date(Math.ceil((Date.now() + 2 * HOUR) / 60_000) * 60_000);
    // Typed as the desk's field sends it: a wall time in the site's zone.
    const set = await embargo(editor, story.id, { untilWallTime: wallTimeOf(first, (await getSiteSettings(db)).timeZone), note: 'بطلب من المصدر' });
    expect(set.value.embargoUntil?.toISOString()).toBe(first.toISOString());
    expect(set.effects).toContainEqual({ kind: 'public', change: { kind: 'article', articleId: story.id } });
    const second = new Date(first.getTime() + HOUR);
    await embargo(admin, story.id, { until: second, note: 'تأجيل' });
    const lifted = await embargo(editor, story.id, { lift: true, note: 'أُذن بالنشر' });
    expect(lifted.effects).toContainEqual({ kind: 'public', change: { kind: 'article', articleId: story.id } });
    const entries = (await storyLog(story.id)).filter((entry) => entry.kind.startsWith('story.embargo'));
    expect(entries).toEqual([
      { kind: 'story.embargo_set', actorId: editor.id, details: { until: first.toISOString(), previousUntil: null, note: 'بطلب من المصدر' } },
      { kind: 'story.embargo_changed', actorId: admin.id, details: { until: second.toISOString(), previousUntil: first.toISOString(), note: 'تأجيل' } },
      { kind: 'story.embargo_lifted', actorId: editor.id, details: { until: null, previousUntil: second.toISOString(), note: 'أُذن بالنشر' } },
    ]);
  });
});

describe(`a published story under embargo on ${driverName}`, () => {
  it('is nowhere public a second before its embargo time, and everywhere a second after, dated from it', async () => {
    const neighbour = await approvedStory('خبر جار في القسم نفسه', ['نص عادي']);
    await move(editor, neighbour.id, 'publish');
    const story = await approvedStory(`خبر ${WORD} المحظور`, [`تفاصيل ${WORD} النادر`]);
    const until = new Date(Date.now() + HOUR);
    await embargo(editor, story.id, { until, note: 'حتى المؤتمر الصحفي' });
    await move(editor, story.id, 'publish'); // publishing before the time is allowed
    expect((await db.select({ s: articles.status }).from(articles).where(eq(articles.id, story.id)))[0]!.s).toBe('published');
    expect((await readScheduleWindow(new Date())).upcoming).toContain(until.toISOString());

    // Suggestions are remembered for a few seconds whatever the instant, so each look uses a misspelling of its own.
    const seen = async (asOf: Date, misspelling: string) => {
      const tag = await findPublicTag(TAG, asOf);
      const related = await listRelatedStories({ asOf, articleId: neighbour.id, sectionId, tagIds: tag ? [tag.id] : [], limit: 100 });
      const search = await searchPublishedArticles({ q: WORD, asOf });
      const misspelt = await searchPublishedArticles({ q: misspelling, asOf });
      const ids = {
        home: (await listSiteStories({ asOf, limit: 100 })).stories.some((s) => s.id === story.id),
        section: (await listSiteStories({ asOf, limit: 100, sectionId })).stories.some((s) => s.id === story.id),
        tag: tag !== null && (await listSiteStories({ asOf, limit: 100, tagId: tag.id })).stories.some((s) => s.id === story.id),
        author: (await listSiteStories({ asOf, limit: 100, authorId: editor.id })).stories.some((s) => s.id === story.id),
        fronts: (await latestBySection({ asOf, perSection: 50 })).some((b) => b.stories.some((s) => s.id === story.id)),
        feed: (await listStoriesSince({ asOf, since: new Date(asOf.getTime() - 48 * HOUR), limit: 100 })).some((s) => s.slug === story.slug),
        sitemap: (await readSitemapData(asOf, 10_000)).articles.some((a) => a.slug === story.slug),
        page: (await findSiteArticle(story.slug, asOf)).kind === 'article',
        related: related.some((s) => s.id === story.id),
        search: search.kind === 'results' && search.hits.some((hit) => hit.id === story.id),
        suggestion: misspelt.kind === 'results' && misspelt.suggestion === WORD,
        api: await apiReads(story.slug, asOf).then(({ listed, searched, one }) => listed !== null && searched && one !== null),
      };
      return ids;
    };
    const nowhere = { home: false, section: false, tag: false, author: false, fronts: false, feed: false, sitemap: false, page: false, related: false, search: false, suggestion: false, api: false };
    expect(await seen(new Date(until.getTime() - 1000), 'الكهرمال')).toEqual(nowhere);
    const after = new Date(until.getTime() + 1000);
    expect(await seen(after, 'الكهرماق')).toEqual(Object.fromEntries(Object.keys(nowhere).map((key) => [key, true])));
    expect(await findPublicAuthor(editor.id, after)).not.toBeNull();

    // A partner key reads it before its time, marked as embargoed, and as any other story after.
    const partner: ApiClient = { audience: 'partner', keyId: 1 };
    const early = await apiReads(story.slug, new Date(until.getTime() - 1000), partner);
    expect(early.listed).toMatchObject({ pubstatus: 'embargoed', embargoed: until.toISOString() });
    expect(early.searched).toBe(true);
    expect(early.one).toMatchObject({ pubstatus: 'embargoed', embargoed: until.toISOString(), published_at: until.toISOString() });
    const late = await apiReads(story.slug, after, partner);
    expect(late.one).toMatchObject({ pubstatus: 'usable', embargoed: null, published_at: until.toISOString() });
    expect((await apiReads(story.slug, after)).one).toMatchObject({ pubstatus: 'usable', embargoed: null });

    // Published before the embargo, it is dated from the embargo everywhere readers see a date.
    const listed = (await listSiteStories({ asOf: after, limit: 100 })).stories.find((s) => s.id === story.id)!;
    expect(listed.publishedAt).toBe(until.toISOString());
    const page = await findSiteArticle(story.slug, after);
    if (page.kind !== 'article') throw new Error('story missing');
    expect(new Date(page.article.publishedAt).toISOString()).toBe(until.toISOString());
    const fed = (await listStoriesSince({ asOf: after, since: new Date(0), limit: 100 })).find((s) => s.slug === story.slug)!;
    expect(fed.publishedAt).toBe(until.toISOString());
    const found = await searchPublishedArticles({ q: WORD, asOf: after });
    expect(found.kind === 'results' && found.hits.find((hit) => hit.id === story.id)?.publishedAt.toISOString()).toBe(until.toISOString());
    const window = await readScheduleWindow(after);
    expect(window.upcoming).not.toContain(until.toISOString());
    expect(window.lastDue).toBe(until.toISOString());
  });

  it('appears at once when the embargo is lifted', async () => {
    const story = await approvedStory('خبر يُرفع عنه الحظر', ['نص']);
    await embargo(editor, story.id, { until: new Date(Date.now() + HOUR), note: 'انتظار' });
    await move(editor, story.id, 'publish');
    expect((await findSiteArticle(story.slug, new Date())).kind).toBe('missing');
    await embargo(editor, story.id, { lift: true, note: 'انتهى الانتظار' });
    expect((await findSiteArticle(story.slug, new Date())).kind).toBe('article');
  });

  it('can be taken down before its time, and then never appears', async () => {
    const story = await approvedStory('خبر يُسحب قبل رفع الحظر', ['نص']);
    const until = new Date(Date.now() + HOUR);
    await embargo(editor, story.id, { until, note: 'انتظار المؤتمر' });
    await move(editor, story.id, 'publish');
    // Only editors and admins withdraw it, as any live story.
    expect(await refusedWith(move(reviewer, story.id, 'unpublish'))).toBe('FORBIDDEN');
    await move(editor, story.id, 'unpublish');
    const later = new Date(until.getTime() + 1000);
    expect((await findSiteArticle(story.slug, later)).kind).toBe('missing');
    expect((await findSiteArticle(story.slug, later, db, 'partner')).kind).toBe('missing');
  });
});
