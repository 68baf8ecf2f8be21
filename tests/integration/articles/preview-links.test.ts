import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, queryRows, type Database } from '@/db/client';
import { findPreviewStory, listPreviewLinks } from '@/db/queries/preview-links';
import { findSiteArticle } from '@/db/queries/site-stories';
import { activityLog, articles, previewLinks, sections } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { digestSecret } from '@/lib/api/secrets';
import { paragraphsToDocument } from '@/lib/content/render';
import { createArticle } from '@/lib/server/articles/create-article';
import { createPreviewLink, PREVIEW_LIFETIMES, revokePreviewLink } from '@/lib/server/articles/preview-links';
import { setEmbargo } from '@/lib/server/articles/set-embargo';
import { transitionArticle } from '@/lib/server/articles/transition-article';
import type { Actor } from '@/lib/server/next/session';
import type { WorkflowAction } from '@/lib/workflow/transitions';
import { driverName, freshDatabase, signedInActor } from '../helpers';
import { refusal, refusedWith } from '../refusals';

const HOUR = 3600_000;

let db: Database;
let admin: Actor;
let editor: Actor;
let reviewer: Actor;
let sectionId: number;

const version = async (id: number) => (await db.select({ v: articles.version }).from(articles).where(eq(articles.id, id)))[0]!.v;
const move = (actor: Actor, id: number, action: WorkflowAction, extra: { scheduledFor?: Date } = {}) =>
  version(id).then((v) => transitionArticle({ db, actor }, { articleId: id, action, expectedVersion: v, ...extra }));

/** A story through the desk to approval, then as far as `step` says, with an embargo when given. */
async function story(title: string, step: 'draft' | 'approved' | 'published', embargoUntil?: Date) {
  const { id, slug } = (await createArticle({ db, actor: editor }, { fields: { title, summary: 'ملخص', sectionId, tags: [] }, body: paragraphsToDocument(['نص الخبر']) })).value;
  if (embargoUntil) await setEmbargo({ db, actor: editor }, { articleId: id, expectedVersion: await version(id), until: embargoUntil, note: 'بطلب من المصدر' });
  if (step === 'draft') return { id, slug };
  await move(editor, id, 'submit');
  await move(reviewer, id, 'approve');
  if (step === 'published') await move(editor, id, 'publish');
  return { id, slug };
}

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await seedDatabase(db, { production: false });
  admin = await signedInActor(db, 'admin@midad.test', 'midad-admin-demo');
  editor = await signedInActor(db, 'editor@midad.test', 'midad-editor-demo');
  reviewer = await signedInActor(db, 'reviewer@midad.test', 'midad-reviewer-demo');
  [{ id: sectionId }] = (await db.insert(sections).values({ slug: 'قسم-المعاينة', name: 'قسم المعاينة' }).returning({ id: sections.id })) as [{ id: number }];
});
afterAll(() => closeConnection());

describe(`partner preview links on ${driverName}`, () => {
  it('show a published embargoed story to whoever holds the link until it expires, while readers still get nothing', async () => {
    const embargoUntil = new Date(Date.now() + 3 * 24 * HOUR);
    const { id, slug } = await story('خبر محظور للشركاء', 'published', embargoUntil);
    const made = await createPreviewLink({ db, actor: editor }, { articleId: id, lifetime: 'day' });
    const { token, expiresAt } = made.value;
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(PREVIEW_LIFETIMES.day);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(PREVIEW_LIFETIMES.day - 60_000);
    const now = new Date();
    const found = await findPreviewStory(token, now, db);
    expect(found).toMatchObject({ article: { id, slug, title: 'خبر محظور للشركاء' }, embargoUntil, expiresAt });
    // The story's public date is its embargo time, as readers will see it.
    expect(found!.article.publishedAt).toBe(embargoUntil.toISOString());
    expect((await findSiteArticle(slug, now, db)).kind).toBe('missing');
    // The clock moved: the last instant before expiry still shows it, the expiry itself does not.
    expect(await findPreviewStory(token, new Date(expiresAt.getTime() - 1), db)).not.toBeNull();
    expect(await findPreviewStory(token, expiresAt, db)).toBeNull();
    // Past the embargo (and before expiry) the link keeps working, like the public page.
    const link2 = (await createPreviewLink({ db, actor: admin }, { articleId: id, lifetime: 'week' })).value;
    const afterEmbargo = new Date(embargoUntil.getTime() + HOUR);
    expect(await findPreviewStory(link2.token, afterEmbargo, db)).toMatchObject({ article: { id } });
    expect((await findSiteArticle(slug, afterEmbargo, db)).kind).toBe('article');
  });

  it('can last until the embargo lifts, a week at most, and only for a story with an embargo ahead', async () => {
    const embargoUntil = new Date(Date.now() + 5 * HOUR);
    const { id } = await story('خبر حتى رفع الحظر', 'published', embargoUntil);
    const { token, expiresAt } = (await createPreviewLink({ db, actor: editor }, { articleId: id, lifetime: 'embargo' })).value;
    expect(expiresAt).toEqual(embargoUntil);
    expect(await findPreviewStory(token, new Date(embargoUntil.getTime() - 1), db)).not.toBeNull();
    expect(await findPreviewStory(token, embargoUntil, db)).toBeNull();
    const far = await story('خبر بحظر بعيد', 'published', new Date(Date.now() + 30 * 24 * HOUR));
    const capped = (await createPreviewLink({ db, actor: editor }, { articleId: far.id, lifetime: 'embargo' })).value;
    expect(capped.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(PREVIEW_LIFETIMES.week);
    expect(capped.expiresAt.getTime() - Date.now()).toBeGreaterThan(PREVIEW_LIFETIMES.week - 60_000);
    const plain = await story('خبر بلا حظر', 'published');
    expect(await refusal(createPreviewLink({ db, actor: editor }, { articleId: plain.id, lifetime: 'embargo' }))).toEqual({
      error: 'PREVIEW_NO_EMBARGO',
      fieldErrors: { lifetime: 'PREVIEW_NO_EMBARGO' },
    });
  });

  it('keeps only a digest of the token, and logs each link with its author', async () => {
    const { id } = await story('خبر لبصمة الرابط', 'published', new Date(Date.now() + 24 * HOUR));
    const { id: linkId, token, expiresAt } = (await createPreviewLink({ db, actor: editor }, { articleId: id, lifetime: 'hour' })).value;
    const [row] = await db.select().from(previewLinks).where(eq(previewLinks.id, linkId));
    expect(row!.tokenHash).toBe(digestSecret(token));
    const [{ text }] = (await queryRows<{ text: string }>(db, sql`select (select string_agg(t::text, '|') from preview_links t) || (select string_agg(l::text, '|') from activity_log l) as text`)) as [{ text: string }];
    expect(text).not.toContain(token);
    const entries = await db.select().from(activityLog).where(eq(activityLog.articleId, id));
    expect(entries.filter((e) => e.kind.startsWith('preview_link'))).toMatchObject([
      { kind: 'preview_link.created', actorId: editor.id, details: { linkId, expiresAt: expiresAt.toISOString() } },
    ]);
    expect(await listPreviewLinks(id, db)).toMatchObject([{ id: linkId, expiresAt, revokedAt: null, creatorName: editor.name }]);
  });

  it('stops answering once revoked, and records who revoked it', async () => {
    const { id } = await story('خبر لرابط يُلغى', 'published', new Date(Date.now() + 24 * HOUR));
    const { id: linkId, token } = (await createPreviewLink({ db, actor: editor }, { articleId: id, lifetime: 'week' })).value;
    expect(await findPreviewStory(token, new Date(), db)).not.toBeNull();
    expect(await refusedWith(revokePreviewLink({ db, actor: reviewer }, { articleId: id, linkId }))).toBe('FORBIDDEN');
    expect(await findPreviewStory(token, new Date(), db)).not.toBeNull();
    await revokePreviewLink({ db, actor: admin }, { articleId: id, linkId });
    expect(await findPreviewStory(token, new Date(), db)).toBeNull();
    expect(await refusedWith(revokePreviewLink({ db, actor: admin }, { articleId: id, linkId }))).toBe('ALREADY_REVOKED');
    // A link is revoked only through its own story.
    const other = await story('خبر آخر', 'published');
    const otherLink = (await createPreviewLink({ db, actor: editor }, { articleId: other.id, lifetime: 'hour' })).value;
    expect(await refusedWith(revokePreviewLink({ db, actor: admin }, { articleId: id, linkId: otherLink.id }))).toBe('NOT_FOUND');
    const [entry] = await db.select().from(activityLog).where(eq(activityLog.kind, 'preview_link.revoked'));
    expect(entry).toMatchObject({ actorId: admin.id, articleId: id, details: { linkId } });
    expect((await listPreviewLinks(id, db))[0]!.revokedAt).not.toBeNull();
  });

  it('shows only a story readers get or will get: never a draft, an unpublished story, or a schedule not yet due', async () => {
    const draft = await story('مسودة لا تُعاين', 'draft', new Date(Date.now() + 24 * HOUR));
    expect(await refusal(createPreviewLink({ db, actor: editor }, { articleId: draft.id, lifetime: 'day' }))).toEqual({ error: 'PREVIEW_NOT_PUBLISHED', fieldErrors: {} });
    const approved = await story('خبر معتمد لم يُنشر', 'approved');
    expect(await refusedWith(createPreviewLink({ db, actor: editor }, { articleId: approved.id, lifetime: 'day' }))).toBe('PREVIEW_NOT_PUBLISHED');

    // Taken down after the link was made: the link answers nothing.
    const live = await story('خبر يُلغى نشره', 'published');
    const { token } = (await createPreviewLink({ db, actor: editor }, { articleId: live.id, lifetime: 'day' })).value;
    expect(await findPreviewStory(token, new Date(), db)).not.toBeNull();
    await move(editor, live.id, 'unpublish');
    expect(await findPreviewStory(token, new Date(), db)).toBeNull();

    // Scheduled: shown from its time on, not before.
    const due = new Date(Date.now() + 2 * HOUR);
    const scheduled = await story('خبر مجدول', 'approved', new Date(Date.now() + 24 * HOUR));
    await move(editor, scheduled.id, 'schedule', { scheduledFor: due });
    const link = (await createPreviewLink({ db, actor: editor }, { articleId: scheduled.id, lifetime: 'day' })).value;
    expect(await findPreviewStory(link.token, new Date(), db)).toBeNull();
    expect(await findPreviewStory(link.token, due, db)).toMatchObject({ article: { id: scheduled.id } });
  });

  it('refuses reviewers, unknown stories, unknown lifetimes and tokens of the wrong shape', async () => {
    const { id } = await story('خبر للرفض', 'published');
    expect(await refusedWith(createPreviewLink({ db, actor: reviewer }, { articleId: id, lifetime: 'day' }))).toBe('FORBIDDEN');
    expect(await refusal(createPreviewLink({ db, actor: editor }, { articleId: id, lifetime: 'year' }))).toEqual({
      error: 'PREVIEW_LIFETIME_INVALID',
      fieldErrors: { lifetime: 'PREVIEW_LIFETIME_INVALID' },
    });
    expect(await refusedWith(createPreviewLink({ db, actor: editor }, { articleId: 999_999, lifetime: 'day' }))).toBe('NOT_FOUND');
    expect(await db.select().from(previewLinks).where(eq(previewLinks.articleId, id))).toEqual([]);
    for (const token of ['', 'short', 'A'.repeat(43), `${'A'.repeat(42)}/`, "' or 1=1 --"]) expect(await findPreviewStory(token, new Date(), db), token).toBeNull();
  });
});
