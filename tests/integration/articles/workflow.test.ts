import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, type Connection, type Database } from '@/db/client';
import { searchPublishedArticles } from '@/db/queries/search';
import { findSiteArticle, listSiteStories, listStoriesSince, readPublicFootprint, readSitemapData } from '@/db/queries/site-stories';
import { activityLog, articleRevisions, articles, sections } from '@/db/schema';
import { articlePresence, notificationReads } from '@/db/schema/activity';
import { seedDatabase } from '@/db/seed';
import { paragraphsToDocument } from '@/lib/content/render';
import { isAppError } from '@/lib/errors';
import { createArticle } from '@/lib/server/articles/create-article';
import { saveArticle } from '@/lib/server/articles/save-article';
import { transitionArticle } from '@/lib/server/articles/transition-article';
import type { Effect } from '@/lib/server/effects';
import { heartbeat, leave, PRESENCE_WINDOW_SECONDS } from '@/lib/server/articles/presence';
import { countUnreadNotifications, listNotifications, markNotificationsSeen } from '@/db/queries/notifications';
import type { Actor } from '@/lib/server/next/session';
import type { WorkflowAction } from '@/lib/workflow/transitions';
import { driverName, freshDatabase, signedInActor } from '../helpers';
import { deskFailure, refusedWith } from '../refusals';

let connection: Connection;
let db: Database;
let admin: Actor;
let editor: Actor;
let reviewer: Actor;
let sectionId: number;

const signedIn = (email: string, password: string) => signedInActor(db, email, password);


const fields = (title: string, extra: Record<string, unknown> = {}) => ({ title, summary: 'ملخص', sectionId, tags: ['اختبار'], ...extra });
const version = async (id: number) => (await db.select({ v: articles.version }).from(articles).where(eq(articles.id, id)))[0]!.v;
const status = async (id: number) => (await db.select({ s: articles.status }).from(articles).where(eq(articles.id, id)))[0]!.s;
const move = async (actor: Actor, id: number, action: WorkflowAction, extra: { note?: string; scheduledFor?: Date } = {}) =>
  transitionArticle({ db, actor }, { articleId: id, action, expectedVersion: await version(id), ...extra });
const save = async (actor: Actor, id: number, title: string, paragraphs = ['نص']) =>
  saveArticle({ db, actor }, { articleId: id, expectedVersion: await version(id), fields: fields(title), body: paragraphsToDocument(paragraphs) });
const publicTitle = async (slug: string) => {
  const result = await findSiteArticle(slug, new Date());
  return result.kind === 'article' ? result.article.title : result.kind;
};

/** A story's entries in the activity log, in the order they were written. */
const storyLog = async (id: number) =>
  (
    await db
      .select({ kind: activityLog.kind, actorId: activityLog.actorId, revisionId: activityLog.revisionId, at: activityLog.at, details: activityLog.details })
      .from(activityLog)
      .where(eq(activityLog.articleId, id))
      .orderBy(activityLog.id)
  ).map((entry) => ({ ...entry, details: entry.details as { from?: string; to?: string; note?: string | null } & Record<string, unknown> }));

beforeAll(async () => {
  connection = await freshDatabase();
  db = connection.db;
  await seedDatabase(db, { production: false });
  admin = await signedIn('admin@midad.test', 'midad-admin-demo');
  editor = await signedIn('editor@midad.test', 'midad-editor-demo');
  reviewer = await signedIn('reviewer@midad.test', 'midad-reviewer-demo');
  sectionId = (await db.select().from(sections).limit(1))[0]!.id;
});
afterAll(() => closeConnection());

describe(`the editorial journey on ${driverName}`, () => {
  it('goes draft → review → changes → review → approved → published, with readers seeing it only at the end', async () => {
    const created = (await createArticle({ db, actor: editor }, { fields: fields('خبر الرحلة الكاملة'), body: paragraphsToDocument(['الفقرة الأولى']) })).value;
    expect(await publicTitle(created.slug)).toBe('missing');
    expect(await refusedWith(createArticle({ db, actor: reviewer }, { fields: fields('x'), body: paragraphsToDocument(['x']) }))).toBe('FORBIDDEN');

    await move(editor, created.id, 'submit');
    expect(await publicTitle(created.slug)).toBe('missing');
    expect(await refusedWith(move(reviewer, created.id, 'request_changes', { note: '  ' }))).toBe('NOTE_REQUIRED');
    await move(reviewer, created.id, 'request_changes', { note: 'أضف مصدراً للرقم' });
    expect(await status(created.id)).toBe('changes_requested');

    await save(editor, created.id, 'خبر الرحلة الكاملة', ['الفقرة الأولى', 'بحسب المصدر الرسمي']);
    await move(editor, created.id, 'submit');
    expect(await refusedWith(move(editor, created.id, 'approve'))).toBe('FORBIDDEN');
    await move(reviewer, created.id, 'approve');
    const before = await version(created.id);
    expect(await refusedWith(move(reviewer, created.id, 'publish'))).toBe('FORBIDDEN');
    expect(await version(created.id)).toBe(before); // the refusal changed nothing
    const published = await move(editor, created.id, 'publish');
    expect(published.effects).toContainEqual({ kind: 'public', change: { kind: 'article', articleId: created.id } });
    expect(await publicTitle(created.slug)).toBe('خبر الرحلة الكاملة');

    const events = await storyLog(created.id);
    expect(events.map((e) => e.kind)).toEqual([
      'story.created',
      'story.submitted',
      'story.changes_requested',
      'story.saved',
      'story.submitted',
      'story.approved',
      'story.published',
    ]);
    expect(events.find((e) => e.kind === 'story.changes_requested')?.details).toEqual({ from: 'in_review', to: 'changes_requested', note: 'أضف مصدراً للرقم' });
    expect(events.find((e) => e.kind === 'story.saved')?.details).toEqual({ from: 'changes_requested', to: 'changes_requested', approvalVoided: false, changed: ['body'] });
  });

  it('never lets anyone approve a revision they wrote', async () => {
    const created = (await createArticle({ db, actor: admin }, { fields: fields('خبر كتبه المدير'), body: paragraphsToDocument(['نص']) })).value;
    await move(admin, created.id, 'submit');
    expect(await refusedWith(move(admin, created.id, 'approve'))).toBe('OWN_REVISION');
    // A reviewer's copy-desk fix makes the reviewer the revision's author: then they cannot approve it.
    await save(reviewer, created.id, 'خبر كتبه المدير (مصحح)');
    expect(await refusedWith(move(reviewer, created.id, 'approve'))).toBe('OWN_REVISION');
  });

  it('looks at every edit since the last approval, not only the latest revision', async () => {
    // The admin writes a story and the editor fixes one letter: the latest revision is the
    // editor's, yet the change still holds the admin's own words.
    const own = (await createArticle({ db, actor: admin }, { fields: fields('خبر بأربع عيون'), body: paragraphsToDocument(['نص']) })).value;
    await move(admin, own.id, 'submit');
    await save(editor, own.id, 'خبر بأربع عيون.');
    expect(await refusedWith(move(admin, own.id, 'approve'))).toBe('OWN_REVISION');
    await move(reviewer, own.id, 'approve');
    expect(await status(own.id)).toBe('approved');

    // After that approval only later edits count: the admin's words are behind it.
    await save(editor, own.id, 'خبر بأربع عيون (بعد الاعتماد)');
    await move(editor, own.id, 'submit');
    await move(admin, own.id, 'approve');
    expect(await status(own.id)).toBe('approved');

    // The reviewer who fixed a typo while reviewing, followed by the editor's save, is refused too.
    const fixed = (await createArticle({ db, actor: editor }, { fields: fields('خبر صححه المراجع'), body: paragraphsToDocument(['نص']) })).value;
    await move(editor, fixed.id, 'submit');
    await save(reviewer, fixed.id, 'خبر صحّحه المراجع');
    await save(editor, fixed.id, 'خبر صحّحه المراجع ثم المحرر');
    expect(await refusedWith(move(reviewer, fixed.id, 'approve'))).toBe('OWN_REVISION');
    await move(admin, fixed.id, 'approve');
    expect(await status(fixed.id)).toBe('approved');
  });
});

describe(`approval means exactly this text on ${driverName}`, () => {
  it('sends an approved or scheduled story back to draft when its content changes', async () => {
    const created = (await createArticle({ db, actor: editor }, { fields: fields('خبر معتمد ثم معدل'), body: paragraphsToDocument(['نص']) })).value;
    await move(editor, created.id, 'submit');
    await move(reviewer, created.id, 'approve');
    const saved = await save(editor, created.id, 'خبر معتمد ثم معدل', ['نص مختلف']);
    expect(saved.value.status).toBe('draft');

    await move(editor, created.id, 'submit');
    await move(reviewer, created.id, 'approve');
    await move(editor, created.id, 'schedule', { scheduledFor: new Date(Date.now() + 3_600_000) });
    await save(editor, created.id, 'خبر معتمد ثم معدل', ['نص ثالث']);
    const [row] = await db.select().from(articles).where(eq(articles.id, created.id));
    expect(row).toMatchObject({ status: 'draft', scheduledFor: null, publishedRevisionId: null });
  });

  it('keeps readers on the published revision while a live story is re-edited and reviewed', async () => {
    const created = (await createArticle({ db, actor: editor }, { fields: fields('العنوان المنشور'), body: paragraphsToDocument(['نص']) })).value;
    await move(editor, created.id, 'submit');
    await move(reviewer, created.id, 'approve');
    await move(editor, created.id, 'publish');

    await save(editor, created.id, 'العنوان الجديد قيد المراجعة', ['نص محدث']);
    expect(await status(created.id)).toBe('draft');
    expect(await publicTitle(created.slug)).toBe('العنوان المنشور');
    await move(editor, created.id, 'submit');
    expect(await publicTitle(created.slug)).toBe('العنوان المنشور');
    await move(reviewer, created.id, 'approve');
    expect(await refusedWith(move(editor, created.id, 'schedule', { scheduledFor: new Date(Date.now() + 60_000) }))).toBe('LIVE_STORY_SCHEDULE');
    await move(editor, created.id, 'publish');
    expect(await publicTitle(created.slug)).toBe('العنوان الجديد قيد المراجعة');

    await move(editor, created.id, 'unpublish');
    expect(await publicTitle(created.slug)).toBe('missing');
  });

  it('returns the reader pages a change touches, with where a live story was before it moved', async () => {
    const publicEffects = (outcome: { effects: readonly Effect[] }) => outcome.effects.filter((effect) => effect.kind === 'public');
    const created = (await createArticle({ db, actor: editor }, { fields: fields('خبر ينتقل بين الوسوم'), body: paragraphsToDocument(['نص']) })).value;
    // Nothing of a draft, a submission or an approval reaches readers.
    expect(publicEffects(await save(editor, created.id, 'خبر ينتقل بين الوسوم', ['نص ثان']))).toEqual([]);
    expect(publicEffects(await move(editor, created.id, 'submit'))).toEqual([]);
    expect(publicEffects(await move(reviewer, created.id, 'approve'))).toEqual([]);
    expect(publicEffects(await move(editor, created.id, 'publish'))).toEqual([{ kind: 'public', change: { kind: 'article', articleId: created.id } }]);

    // A live story's new slug and tags: readers see them at once, and the old pages are named too.
    const was = (await readPublicFootprint(created.id, db))!;
    const moved = await saveArticle(
      { db, actor: editor },
      { articleId: created.id, expectedVersion: await version(created.id), fields: fields('خبر ينتقل بين الوسوم', { tags: ['وسم آخر'], slug: 'رابط-جديد' }), body: paragraphsToDocument(['نص ثان']) },
    );
    expect(publicEffects(moved)).toEqual([{ kind: 'public', change: { kind: 'article', articleId: created.id, before: was } }]);
    expect(was.slugs).toContain(created.slug);
    expect((await readPublicFootprint(created.id, db))!.tagIds).not.toEqual(was.tagIds);
    expect(moved.effects).toContainEqual({ kind: 'desk', path: `/desk/articles/${created.id}` });
  });

  it('refuses a stale save and keeps the newer text', async () => {
    const created = (await createArticle({ db, actor: editor }, { fields: fields('خبر يحرره اثنان'), body: paragraphsToDocument(['الأصل']) })).value;
    const opened = await version(created.id);
    await saveArticle({ db, actor: editor }, { articleId: created.id, expectedVersion: opened, fields: fields('خبر يحرره اثنان'), body: paragraphsToDocument(['نسخة المحرر']) });
    const revisions = await db.$count(articleRevisions, eq(articleRevisions.articleId, created.id));
    expect(
      await refusedWith(saveArticle({ db, actor: admin }, { articleId: created.id, expectedVersion: opened, fields: fields('خبر يحرره اثنان'), body: paragraphsToDocument(['نسخة المدير']) })),
    ).toBe('ARTICLE_STALE');
    expect(await db.$count(articleRevisions, eq(articleRevisions.articleId, created.id))).toBe(revisions);
    const [current] = await db
      .select({ text: articleRevisions.bodyText, number: articleRevisions.number })
      .from(articles)
      .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
      .where(eq(articles.id, created.id));
    expect(current).toEqual({ text: 'نسخة المحرر', number: 2 });
  });

  it('refuses images that are not in the media library, changing nothing', async () => {
    const created = (await createArticle({ db, actor: editor }, { fields: fields('خبر بصورة مزيفة'), body: paragraphsToDocument(['نص']) })).value;
    const forgedImage = {
      type: 'image',
      attrs: { mediaId: 424242, src: `/media/${'a'.repeat(32)}.webp`, alt: 'صورة', caption: '', credit: '', width: 800, height: 600 },
    };
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'نص' }] }, forgedImage] };
    expect(await refusedWith(saveArticle({ db, actor: editor }, { articleId: created.id, expectedVersion: await version(created.id), fields: fields('خبر بصورة مزيفة'), body }))).toBe('CONTENT_BAD_IMAGE');
    expect(
      await refusedWith(saveArticle({ db, actor: editor }, { articleId: created.id, expectedVersion: await version(created.id), fields: fields('خبر بصورة مزيفة', { featuredMediaId: 424242 }), body: paragraphsToDocument(['نص']) })),
    ).toBe('CONTENT_BAD_IMAGE');
    expect(await db.$count(articleRevisions, eq(articleRevisions.articleId, created.id))).toBe(1);
  });

  it('numbers revisions in order and adds none when nothing changed', async () => {
    const created = (await createArticle({ db, actor: editor }, { fields: fields('خبر المراجعات'), body: paragraphsToDocument(['١']) })).value;
    expect((await save(editor, created.id, 'خبر المراجعات', ['٢'])).value.revisionNumber).toBe(2);
    expect((await save(editor, created.id, 'خبر المراجعات', ['٣'])).value.revisionNumber).toBe(3);
    expect((await save(editor, created.id, 'خبر المراجعات', ['٣'])).value.revisionNumber).toBeNull();
  });
});

describe(`schedules on ${driverName}`, () => {
  it('become public at their time with no job, and the next write records the publication', async () => {
    const created = (await createArticle({ db, actor: editor }, { fields: fields('خبر مجدول للحظة'), body: paragraphsToDocument(['نص']) })).value;
    await move(editor, created.id, 'submit');
    await move(reviewer, created.id, 'approve');
    expect(await refusedWith(move(editor, created.id, 'schedule', { scheduledFor: new Date(Date.now() - 1000) }))).toBe('SCHEDULE_IN_PAST');
    await move(editor, created.id, 'schedule', { scheduledFor: new Date(Date.now() + 3_600_000) });
    expect(await publicTitle(created.slug)).toBe('missing');

    // The boundary: one second before, hidden; at the time, visible.
    await db.update(articles).set({ scheduledFor: sql`now() + interval '1 second'` }).where(eq(articles.id, created.id));
    expect(await publicTitle(created.slug)).toBe('missing');
    await db.update(articles).set({ scheduledFor: sql`now() - interval '1 millisecond'` }).where(eq(articles.id, created.id));
    expect(await publicTitle(created.slug)).toBe('خبر مجدول للحظة');

    await move(editor, created.id, 'unpublish');
    const kinds = (await storyLog(created.id)).map((e) => e.kind);
    expect(kinds.slice(-2)).toEqual(['story.published_on_schedule', 'story.unpublished']);
  });

  it('can be cancelled back to approved, leaving nothing public', async () => {
    const created = (await createArticle({ db, actor: editor }, { fields: fields('جدولة ملغاة'), body: paragraphsToDocument(['نص']) })).value;
    await move(editor, created.id, 'submit');
    await move(reviewer, created.id, 'approve');
    await move(editor, created.id, 'schedule', { scheduledFor: new Date(Date.now() + 3_600_000) });
    await move(editor, created.id, 'cancel_schedule');
    expect(await status(created.id)).toBe('approved');
    await db.update(articles).set({ scheduledFor: sql`now() - interval '1 second'` }).where(eq(articles.id, created.id));
    expect(await publicTitle(created.slug)).toBe('missing');
  });
});

describe(`double submission on ${driverName}`, () => {
  it('takes effect once when the same approval and publication arrive together', async () => {
    const created = (await createArticle({ db, actor: editor }, { fields: fields('نقرتان متزامنتان'), body: paragraphsToDocument(['نص']) })).value;
    await move(editor, created.id, 'submit');
    const seen = await version(created.id);
    const approvals = await Promise.allSettled([
      transitionArticle({ db, actor: reviewer }, { articleId: created.id, action: 'approve', expectedVersion: seen }),
      transitionArticle({ db, actor: reviewer }, { articleId: created.id, action: 'approve', expectedVersion: seen }),
      transitionArticle({ db, actor: admin }, { articleId: created.id, action: 'approve', expectedVersion: seen }),
    ]);
    expect(approvals.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of approvals) if (r.status === 'rejected') expect(isAppError(r.reason, 'ARTICLE_STALE')).toBe(true);

    const ready = await version(created.id);
    const publications = await Promise.allSettled([
      transitionArticle({ db, actor: editor }, { articleId: created.id, action: 'publish', expectedVersion: ready }),
      transitionArticle({ db, actor: editor }, { articleId: created.id, action: 'publish', expectedVersion: ready }),
    ]);
    expect(publications.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const kinds = (await storyLog(created.id)).map((e) => e.kind);
    expect(kinds).toEqual(['story.created', 'story.submitted', 'story.approved', 'story.published']);
  });

  it('settles a publication and a takedown that race into one consistent state, every time', async () => {
    const winners = new Set<string>();
    for (let round = 0; round < 8; round++) {
      const word = `race${round}x${Date.now().toString(36)}`;
      const story = await liveStoryWithPendingEdit('approved', `خبر متسابق ${round}`, word);
      const seen = await version(story.id);
      const eventsBefore = await db.$count(activityLog, eq(activityLog.articleId, story.id));
      // Both pressed on the same page: the one that commits second finds the version moved on.
      const calls = [
        transitionArticle({ db, actor: editor }, { articleId: story.id, action: 'publish', expectedVersion: seen }),
        transitionArticle({ db, actor: admin }, { articleId: story.id, action: 'unpublish', expectedVersion: seen }),
      ];
      const results = await Promise.allSettled(round % 2 ? calls.reverse() : calls);
      const fulfilled = results.filter((r) => r.status === 'fulfilled');
      expect(fulfilled).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(deskFailure(r.reason).error).toBe('ARTICLE_STALE');

      const [row] = await db.select().from(articles).where(eq(articles.id, story.id));
      const events = await storyLog(story.id);
      expect(events).toHaveLength(eventsBefore + 1);
      const last = events.at(-1)!;
      winners.add(last.kind);
      if (last.kind === 'story.published') {
        expect(row).toMatchObject({ status: 'published', publishedRevisionId: row!.currentRevisionId, version: seen + 1 });
        expect(await publicTitle(story.slug)).toBe(`خبر متسابق ${round} (تعديل)`);
      } else {
        expect(last.kind).toBe('story.unpublished');
        expect(row).toMatchObject({ status: 'draft', publishedRevisionId: null, version: seen + 1 });
        expect(await readerPlaces(story.id, story.slug, word)).toEqual(nowhere);
      }
      // The log reads as one story: each event starts where the one before it ended.
      for (let i = 1; i < events.length; i++) {
        if (events[i]!.details.from !== undefined) expect(events[i]!.details.from, `${events[i]!.kind} after ${events[i - 1]!.kind}`).toBe(events[i - 1]!.details.to);
        expect(events[i]!.at.getTime()).toBeGreaterThanOrEqual(events[i - 1]!.at.getTime());
      }
      expect(last.details.to).toBe(row!.status);
    }
    expect([...winners].every((kind) => kind === 'story.published' || kind === 'story.unpublished')).toBe(true);
  });
});

/** Every place a reader could meet a story, for the story with this id, slug and word in its text. */
async function readerPlaces(id: number, slug: string, word: string) {
  const asOf = new Date();
  const [lookup, latest, sitemap, recent, search] = await Promise.all([
    findSiteArticle(slug, asOf),
    listSiteStories({ asOf, limit: 500 }),
    readSitemapData(asOf, 5000),
    listStoriesSince({ asOf, since: new Date(asOf.getTime() - 3_600_000), limit: 500 }),
    searchPublishedArticles({ q: word }, db),
  ]);
  return {
    article: lookup.kind === 'article',
    home: latest.stories.some((story) => story.id === id),
    sitemap: sitemap.articles.some((entry) => entry.slug === slug) || recent.some((entry) => entry.slug === slug),
    search: search.kind === 'results' && search.total > 0,
  };
}
const nowhere = { article: false, home: false, sitemap: false, search: false };
const everywhere = { article: true, home: true, sitemap: true, search: true };

/** A published story whose edit has been taken to `pending` (draft, in review, returned or approved). */
async function liveStoryWithPendingEdit(pending: 'draft' | 'in_review' | 'changes_requested' | 'approved', title: string, word: string) {
  const created = (await createArticle({ db, actor: editor }, { fields: fields(title), body: paragraphsToDocument([`نص منشور ${word}`]) })).value;
  await move(editor, created.id, 'submit');
  await move(reviewer, created.id, 'approve');
  await move(editor, created.id, 'publish');
  const [published] = await db.select({ revisionId: articles.publishedRevisionId }).from(articles).where(eq(articles.id, created.id));
  // An autosave of an edit, as the editor makes it while typing: the story goes to draft.
  await saveArticle({ db, actor: editor }, { articleId: created.id, expectedVersion: await version(created.id),
    fields: fields(`${title} (تعديل)`),
    body: paragraphsToDocument([`نص منشور ${word}`, 'فقرة جديدة لم تُنشر بعد']),
    autosave: true, });
  if (pending !== 'draft') await move(editor, created.id, 'submit');
  if (pending === 'changes_requested') await move(reviewer, created.id, 'request_changes', { note: 'راجع الفقرة الجديدة' });
  if (pending === 'approved') await move(reviewer, created.id, 'approve');
  expect(await status(created.id)).toBe(pending);
  return { ...created, publishedRevisionId: published!.revisionId! };
}

describe(`taking a live story down on ${driverName}`, () => {
  const pendingStates = ['draft', 'in_review', 'changes_requested', 'approved'] as const;
  for (const [index, pending] of pendingStates.entries()) {
    it(`takes it down at once while its edit is ${pending}, keeping the edit as a draft`, async () => {
      // Editors and admins alike.
      const actor = index % 2 === 0 ? editor : admin;
      const word = `takedown${pending.replace('_', '')}${Date.now().toString(36)}`;
      const story = await liveStoryWithPendingEdit(pending, `خبر يُسحب (${pending})`, word);
      expect(await readerPlaces(story.id, story.slug, word)).toEqual(everywhere);
      const [before] = await db.select().from(articles).where(eq(articles.id, story.id));
      const eventsBefore = await db.$count(activityLog, eq(activityLog.articleId, story.id));

      // A reviewer may not take it down, and trying changes nothing.
      expect(await refusedWith(move(reviewer, story.id, 'unpublish'))).toBe('FORBIDDEN');
      expect(await version(story.id)).toBe(before!.version);

      const outcome = await move(actor, story.id, 'unpublish');
      expect(outcome.value.status).toBe('draft');
      expect(outcome.effects).toContainEqual({ kind: 'public', change: { kind: 'article', articleId: story.id } });
      const [after] = await db.select().from(articles).where(eq(articles.id, story.id));
      expect(after).toMatchObject({ status: 'draft', publishedRevisionId: null, currentRevisionId: before!.currentRevisionId, scheduledFor: null });
      expect(await readerPlaces(story.id, story.slug, word)).toEqual(nowhere);

      // The edit is kept as it was written.
      const [edit] = await db.select().from(articleRevisions).where(eq(articleRevisions.id, after!.currentRevisionId!));
      expect(edit).toMatchObject({ title: `خبر يُسحب (${pending}) (تعديل)`, bodyText: `نص منشور ${word}\nفقرة جديدة لم تُنشر بعد` });

      // One event, naming the revision readers stopped seeing.
      const events = await storyLog(story.id);
      expect(events).toHaveLength(eventsBefore + 1);
      expect(events.at(-1)).toMatchObject({ kind: 'story.unpublished', actorId: actor.id, details: { from: pending, to: 'draft' }, revisionId: story.publishedRevisionId });

      // Taking it down twice is refused: it is no longer live.
      expect(await refusedWith(move(actor, story.id, 'unpublish'))).toBe('WORKFLOW_WRONG_STATE');
      // The kept edit goes through review again before readers see it.
      await move(editor, story.id, 'submit');
      expect(await readerPlaces(story.id, story.slug, word)).toEqual(nowhere);
      await move(reviewer, story.id, 'approve');
      await move(editor, story.id, 'publish');
      expect(await publicTitle(story.slug)).toBe(`خبر يُسحب (${pending}) (تعديل)`);
    });
  }

  it('takes a story with no pending edit down to «unpublished», as before', async () => {
    const created = (await createArticle({ db, actor: editor }, { fields: fields('خبر بلا تعديل معلق'), body: paragraphsToDocument(['نص']) })).value;
    await move(editor, created.id, 'submit');
    await move(reviewer, created.id, 'approve');
    await move(editor, created.id, 'publish');
    expect((await move(editor, created.id, 'unpublish')).value.status).toBe('unpublished');
    const event = (await storyLog(created.id)).at(-1);
    expect(event).toMatchObject({ kind: 'story.unpublished', details: { from: 'published', to: 'unpublished' } });
    expect(await publicTitle(created.slug)).toBe('missing');
  });
});

describe(`autosave, presence and notifications on ${driverName}`, () => {
  it('keeps autosaves out of the timeline, and «حفظ» afterwards records an explicit revision', async () => {
    const created = (await createArticle({ db, actor: editor }, { fields: fields('خبر يحفظ تلقائياً'), body: paragraphsToDocument(['أ']) })).value;
    const auto = await saveArticleAuto(created.id, ['أ ب']);
    expect(auto.revisionNumber).toBe(2);
    const explicit = (await saveArticle({ db, actor: editor }, { articleId: created.id, expectedVersion: await version(created.id), fields: fields('خبر يحفظ تلقائياً'), body: paragraphsToDocument(['أ ب']) })).value;
    expect(explicit.revisionNumber).toBe(3);
    const kinds = (await db.select({ kind: articleRevisions.kind }).from(articleRevisions).where(eq(articleRevisions.articleId, created.id)).orderBy(articleRevisions.number)).map((r) => r.kind);
    expect(kinds).toEqual(['save', 'autosave', 'save']);
    const logged = (await storyLog(created.id)).map((e) => e.kind);
    expect(logged).toEqual(['story.created', 'story.saved']);
  });

  it('tells each person who else has the story open and whether a newer version was saved', async () => {
    const created = (await createArticle({ db, actor: editor }, { fields: fields('خبر مفتوح لدى اثنين'), body: paragraphsToDocument(['نص']) })).value;
    const opened = await version(created.id);
    expect(((await heartbeat({ db, actor: editor }, { articleId: created.id, version: opened })).value).others).toEqual([]);
    const seenByAdmin = (await heartbeat({ db, actor: admin }, { articleId: created.id, version: opened })).value;
    expect(seenByAdmin.others.map((o) => o.name)).toEqual(['يوسف حداد']);
    await save(editor, created.id, 'خبر مفتوح لدى اثنين', ['نص جديد']);
    expect(((await heartbeat({ db, actor: admin }, { articleId: created.id, version: opened })).value).version).toBeGreaterThan(opened);
    await leave({ db, actor: editor }, { articleId: created.id });
    expect(((await heartbeat({ db, actor: admin }, { articleId: created.id, version: opened })).value).others).toEqual([]);
  });

  it('forgets a person whose heartbeat is older than the window, until their next one', async () => {
    const created = (await createArticle({ db, actor: editor }, { fields: fields('خبر يغادره قارئه'), body: paragraphsToDocument(['نص']) })).value;
    const opened = await version(created.id);
    await heartbeat({ db, actor: editor }, { articleId: created.id, version: opened });
    expect(((await heartbeat({ db, actor: admin }, { articleId: created.id, version: opened })).value).others.map((o) => o.name)).toEqual(['يوسف حداد']);
    const seenAgo = (seconds: number) =>
      db
        .update(articlePresence)
        .set({ seenAt: sql`now() - make_interval(secs => ${seconds})` })
        .where(and(eq(articlePresence.articleId, created.id), eq(articlePresence.userId, editor.id)));

    // Just inside the window the editor still counts as present; just past it, no longer.
    await seenAgo(PRESENCE_WINDOW_SECONDS - 5);
    expect(((await heartbeat({ db, actor: admin }, { articleId: created.id, version: opened })).value).others.map((o) => o.name)).toEqual(['يوسف حداد']);
    await seenAgo(PRESENCE_WINDOW_SECONDS + 1);
    expect(((await heartbeat({ db, actor: admin }, { articleId: created.id, version: opened })).value).others).toEqual([]);

    // The editor's next heartbeat brings them back.
    await heartbeat({ db, actor: editor }, { articleId: created.id, version: opened });
    expect(((await heartbeat({ db, actor: admin }, { articleId: created.id, version: opened })).value).others.map((o) => o.name)).toEqual(['يوسف حداد']);
  });

  it('notifies reviewers of submissions and authors of decisions, until they are marked read', async () => {
    await markNotificationsSeen(reviewer.id, db);
    await markNotificationsSeen(editor.id, db);
    // Unread means newer than the seen mark: the database's clock must have moved past it
    // before the next event is written, or both could carry the same instant.
    await expect.poll(async () => (await db.select({ past: sql<boolean>`now() > max(${notificationReads.seenAt})` }).from(notificationReads))[0]!.past).toBe(true);
    const created = (await createArticle({ db, actor: editor }, { fields: fields('خبر للإشعارات'), body: paragraphsToDocument(['نص']) })).value;
    await move(editor, created.id, 'submit');
    expect(await countUnreadNotifications(reviewer, db)).toBe(1);
    expect(await countUnreadNotifications(editor, db)).toBe(0); // one's own actions never notify
    await move(reviewer, created.id, 'request_changes', { note: 'المصدر؟' });
    const mine = await listNotifications(editor, 10, db);
    expect(mine[0]).toMatchObject({ kind: 'story.changes_requested', details: { note: 'المصدر؟' }, unread: true, title: 'خبر للإشعارات' });
    await markNotificationsSeen(editor.id, db);
    expect(await countUnreadNotifications(editor, db)).toBe(0);
  });
});

async function saveArticleAuto(id: number, paragraphs: string[]) {
  const saved = await saveArticle(
    { db, actor: editor },
    { articleId: id, expectedVersion: await version(id), fields: fields('خبر يحفظ تلقائياً'), body: paragraphsToDocument(paragraphs), autosave: true },
  );
  return saved.value;
}
