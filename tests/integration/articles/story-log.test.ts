import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listActivity } from '@/db/activity';
import { closeConnection, type Database } from '@/db/client';
import { lastReviewedRevisionNumber, listEvents } from '@/db/queries/desk';
import { activityLog, articleRevisions, articles, sections } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { paragraphsToDocument } from '@/lib/content/render';
import { createArticle } from '@/lib/server/articles/create-article';
import { restoreRevision } from '@/lib/server/articles/restore-revision';
import { saveArticle } from '@/lib/server/articles/save-article';
import { transitionArticle } from '@/lib/server/articles/transition-article';
import type { Actor } from '@/lib/server/next/session';
import type { WorkflowAction } from '@/lib/workflow/transitions';
import { driverName, freshDatabase, signedInActor } from '../helpers';

/*
 * A story's history is its entries in the newsroom activity log: every change made to it is one
 * typed entry, written with the change, and the story's timeline on the desk reads them back.
 */

let db: Database;
let editor: Actor;
let reviewer: Actor;
let sectionIds: number[];

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await seedDatabase(db, { production: false });
  editor = await signedInActor(db, 'editor@midad.test', 'midad-editor-demo');
  reviewer = await signedInActor(db, 'reviewer@midad.test', 'midad-reviewer-demo');
  sectionIds = (await db.select({ id: sections.id }).from(sections).orderBy(sections.id)).map((s) => s.id);
});
afterAll(() => closeConnection());

interface Story {
  id: number;
  title: string;
  paragraphs: string[];
  slug?: string;
  sectionId: number;
  tags: string[];
}

const version = async (id: number) => (await db.select({ v: articles.version }).from(articles).where(eq(articles.id, id)))[0]!.v;
const row = async (id: number) => (await db.select().from(articles).where(eq(articles.id, id)))[0]!;
const revisionNumberOf = async (revisionId: number | null) =>
  revisionId === null ? null : (await db.select({ n: articleRevisions.number }).from(articleRevisions).where(eq(articleRevisions.id, revisionId)))[0]!.n;

async function newStory(title: string): Promise<Story> {
  const story = { title, paragraphs: ['الفقرة الأولى'], sectionId: sectionIds[0]!, tags: ['اختبار'] };
  const created = (await createArticle({ db, actor: editor }, { fields: { ...story, summary: '' }, body: paragraphsToDocument(story.paragraphs) })).value;
  return { ...story, id: created.id };
}

/** Saves the story as `story` says, changed by `change`; answers the story as it now stands. */
async function save(story: Story, change: Partial<Story>, options: { autosave?: boolean } = {}): Promise<Story> {
  const next = { ...story, ...change };
  await saveArticle({ db, actor: editor }, { articleId: story.id, expectedVersion: await version(story.id),
    fields: { title: next.title, summary: '', sectionId: next.sectionId, tags: next.tags, slug: next.slug },
    body: paragraphsToDocument(next.paragraphs),
    autosave: options.autosave, });
  return next;
}

const move = async (actor: Actor, id: number, action: WorkflowAction, note?: string) =>
  transitionArticle({ db, actor }, { articleId: id, action, expectedVersion: await version(id), note });

/** The story's timeline as the desk shows it: newest first. */
const timeline = (id: number) => listEvents(id, db);

describe(`the sample stories' history on ${driverName}`, () => {
  it('is in the log as the desk would have written it, dated when the story was written', async () => {
    const [scheduled] = await db.select().from(articles).where(eq(articles.status, 'scheduled')).limit(1);
    const entries = await timeline(scheduled!.id);
    expect(entries.map((e) => [e.kind, e.revisionNumber, e.details.to])).toEqual([
      ['story.scheduled', 1, 'scheduled'],
      ['story.approved', 1, 'approved'],
      ['story.submitted', 1, 'in_review'],
      ['story.created', 1, 'draft'],
    ]);
    expect(entries[0]!.details.at).toBe(scheduled!.scheduledFor!.toISOString());
    expect(entries[1]!.actorName).toBe(reviewer.name);
    expect(entries.every((e) => e.at.getTime() <= scheduled!.createdAt.getTime())).toBe(true);
  });
});

describe(`what a save changed, in the story's log on ${driverName}`, () => {
  it('records a slug-only edit, with no new revision, and shows it first in the timeline', async () => {
    const story = await newStory('خبر يتغير مساره فقط');
    const before = await row(story.id);
    await save(story, { slug: 'مسار-جديد-للخبر' });

    const after = await row(story.id);
    expect(after.slug).toBe('مسار-جديد-للخبر');
    expect(after.currentRevisionId).toBe(before.currentRevisionId);
    const [latest, created] = await timeline(story.id);
    expect(latest).toMatchObject({
      kind: 'story.saved',
      actorName: editor.name,
      revisionNumber: 1,
      details: { from: 'draft', to: 'draft', approvalVoided: false, changed: ['slug'] },
    });
    expect(created).toMatchObject({ kind: 'story.created', actorName: editor.name, revisionNumber: 1, details: { to: 'draft' } });
  });

  it('records a section-only edit and a tags-only edit, each as what it changed', async () => {
    let story = await newStory('خبر ينتقل إلى قسم آخر');
    story = await save(story, { sectionId: sectionIds[1]! });
    story = await save(story, { tags: ['اختبار', 'وسم جديد'] });
    // The same tags again, and the same section: nothing changed, nothing recorded.
    await save(story, {});

    const entries = await timeline(story.id);
    expect(entries.map((e) => [e.kind, e.details.changed])).toEqual([
      ['story.saved', ['tags']],
      ['story.saved', ['section']],
      ['story.created', undefined],
    ]);
  });

  it('records an autosave only when it changes the slug, section, tags or the workflow state', async () => {
    let story = await newStory('خبر يحفظ تلقائياً');
    story = await save(story, { paragraphs: ['الفقرة الأولى', 'فقرة تُكتب'] }, { autosave: true });
    expect((await timeline(story.id)).map((e) => e.kind)).toEqual(['story.created']);

    story = await save(story, { tags: ['وسم أضيف أثناء الكتابة'] }, { autosave: true });
    const [autosaved] = await timeline(story.id);
    expect(autosaved).toMatchObject({ kind: 'story.saved', details: { changed: ['body', 'tags'], autosave: true } });

    // «حفظ» then lists what changed since the last explicit save, not since the autosave.
    await save(story, {});
    const [explicit] = await timeline(story.id);
    expect(explicit).toMatchObject({ kind: 'story.saved', revisionNumber: 3, details: { changed: ['body'] } });
    expect(explicit!.details).not.toHaveProperty('autosave');
  });

  it('says when a save voided an approval, and not when only the slug of an approved story changed', async () => {
    let story = await newStory('خبر معتمد يتغير');
    await move(editor, story.id, 'submit');
    await move(reviewer, story.id, 'approve', 'جيد');
    story = await save(story, { slug: 'مسار-الخبر-المعتمد' });
    expect((await row(story.id)).status).toBe('approved');
    story = await save(story, { title: 'خبر معتمد يتغير عنوانه' });

    const [voided, renamed, approved] = await timeline(story.id);
    expect(voided).toMatchObject({ kind: 'story.saved', revisionNumber: 2, details: { from: 'approved', to: 'draft', approvalVoided: true, changed: ['title'] } });
    expect(renamed).toMatchObject({ kind: 'story.saved', revisionNumber: 1, details: { from: 'approved', to: 'approved', approvalVoided: false, changed: ['slug'] } });
    expect(approved).toMatchObject({ kind: 'story.approved', actorName: reviewer.name, revisionNumber: 1, details: { from: 'in_review', to: 'approved', note: 'جيد' } });
    expect(await lastReviewedRevisionNumber(story.id, reviewer.id, db)).toBe(1);
  });
});

describe(`restores and takedowns in the story's log on ${driverName}`, () => {
  it('records a restore as a restore of that revision, written as a new one', async () => {
    let story = await newStory('خبر تُستعاد نسخته');
    story = await save(story, { title: 'عنوان ثانٍ', paragraphs: ['نص ثانٍ'] });
    await restoreRevision({ db, actor: editor }, { articleId: story.id, revisionNumber: 1, expectedVersion: await version(story.id) });

    const [restored] = await timeline(story.id);
    expect(restored).toMatchObject({
      kind: 'story.restored',
      actorName: editor.name,
      revisionNumber: 3,
      details: { from: 'draft', to: 'draft', approvalVoided: false, changed: ['title', 'body'], fromRevision: 1 },
    });
    const [current] = await db.select({ title: articleRevisions.title }).from(articles).innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId)).where(eq(articles.id, story.id));
    expect(current!.title).toBe('خبر تُستعاد نسخته');
  });

  it('records a takedown naming the revision readers stopped seeing, while an edit is pending', async () => {
    let story = await newStory('خبر يُسحب من النشر');
    await move(editor, story.id, 'submit');
    await move(reviewer, story.id, 'approve');
    await move(editor, story.id, 'publish');
    const published = (await row(story.id)).publishedRevisionId;
    story = await save(story, { paragraphs: ['تعديل لم يُنشر'] });
    await move(editor, story.id, 'unpublish');

    const entries = await timeline(story.id);
    expect(entries[0]).toMatchObject({ kind: 'story.unpublished', actorName: editor.name, revisionNumber: await revisionNumberOf(published), details: { from: 'draft', to: 'draft' } });
    expect(entries.map((e) => e.kind)).toEqual(['story.unpublished', 'story.saved', 'story.published', 'story.approved', 'story.submitted', 'story.created']);
    expect(entries[1]).toMatchObject({ revisionNumber: 2, details: { from: 'published', to: 'draft', approvalVoided: false, changed: ['body'] } });

    // The admin's log has the same entry, found by story and by kind.
    const [logged] = await listActivity(db, { articleId: story.id, kind: 'story.unpublished' }, { limit: 5, offset: 0 });
    expect(logged).toMatchObject({ id: entries[0]!.id, actorId: editor.id, revisionNumber: entries[0]!.revisionNumber });
  });

  it('records a schedule with its time, and its publication in the name of who scheduled it', async () => {
    const story = await newStory('خبر مجدول');
    await move(editor, story.id, 'submit');
    await move(reviewer, story.id, 'approve');
    const due = new Date(Date.now() + 3_600_000);
    await transitionArticle({ db, actor: editor }, { articleId: story.id, action: 'schedule', expectedVersion: await version(story.id), scheduledFor: due });
    // Its time comes; the next write settles it.
    await db.update(articles).set({ scheduledFor: new Date(Date.now() - 1000) }).where(eq(articles.id, story.id));
    await save(story, { slug: 'خبر-مجدول-نشر' });

    const [saved, settled, scheduled] = await timeline(story.id);
    expect(scheduled).toMatchObject({ kind: 'story.scheduled', details: { from: 'approved', to: 'scheduled', at: due.toISOString() } });
    expect(settled).toMatchObject({ kind: 'story.published_on_schedule', actorName: editor.name, details: { from: 'scheduled', to: 'published' } });
    expect(saved).toMatchObject({ kind: 'story.saved', details: { from: 'published', to: 'published', changed: ['slug'] } });
    const count = await db.$count(activityLog, eq(activityLog.articleId, story.id));
    expect(count).toBe(6);
  });
});
