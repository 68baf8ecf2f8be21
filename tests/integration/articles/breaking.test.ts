import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, type Connection, type Database } from '@/db/client';
import { listBreakingStories, MAX_BREAKING_STORIES, readScheduleWindow } from '@/db/queries/site-stories';
import { getSiteSettings } from '@/db/queries/settings';
import { activityLog, articles, sections } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { paragraphsToDocument } from '@/lib/content/render';
import { wallTimeOf } from '@/lib/format/formatter';
import { createArticle } from '@/lib/server/articles/create-article';
import { setBreaking } from '@/lib/server/articles/set-breaking';
import { setEmbargo } from '@/lib/server/articles/set-embargo';
import { transitionArticle } from '@/lib/server/articles/transition-article';
import type { Actor } from '@/lib/server/next/session';
import type { WorkflowAction } from '@/lib/workflow/transitions';
import { driverName, freshDatabase, signedInActor } from '../helpers';
import { refusal, refusedWith } from '../refusals';

const HOUR = 3600_000;

let connection: Connection;
let db: Database;
let admin: Actor;
let editor: Actor;
let reviewer: Actor;
let sectionId: number;

const version = async (id: number) => (await db.select({ v: articles.version }).from(articles).where(eq(articles.id, id)))[0]!.v;
const move = (actor: Actor, id: number, action: WorkflowAction) => version(id).then((v) => transitionArticle({ db, actor }, { articleId: id, action, expectedVersion: v }));
const mark = (actor: Actor, id: number, options: { until?: Date; untilWallTime?: unknown; clear?: boolean }) => setBreaking({ db, actor }, { articleId: id, ...options });
const storyLog = async (id: number) =>
  db.select({ kind: activityLog.kind, actorId: activityLog.actorId, details: activityLog.details }).from(activityLog).where(eq(activityLog.articleId, id)).orderBy(activityLog.id);
const breakingIds = async (asOf: Date) => (await listBreakingStories(asOf, db)).map((story) => story.id);

async function story(title: string, upTo: 'draft' | 'approved' | 'published' = 'published') {
  const created = (await createArticle({ db, actor: editor }, { fields: { title, summary: 'ملخص', sectionId, tags: [] }, body: paragraphsToDocument(['نص']) })).value;
  if (upTo === 'draft') return created;
  await move(editor, created.id, 'submit');
  await move(reviewer, created.id, 'approve');
  if (upTo === 'published') await move(editor, created.id, 'publish');
  return created;
}

beforeAll(async () => {
  connection = await freshDatabase();
  db = connection.db;
  await seedDatabase(db, { production: false });
  admin = await signedInActor(db, 'admin@midad.test', 'midad-admin-demo');
  editor = await signedInActor(db, 'editor@midad.test', 'midad-editor-demo');
  reviewer = await signedInActor(db, 'reviewer@midad.test', 'midad-reviewer-demo');
  [{ id: sectionId }] = (await db.insert(sections).values({ slug: 'قسم-العاجل', name: 'قسم العاجل' }).returning({ id: sections.id })) as [{ id: number }];
});
afterAll(() => closeConnection());

describe(`marking a story «عاجل» on ${driverName}`, () => {
  it('is for editors and admins, on a story readers see, until a time within a day, and refusals change nothing', async () => {
    const live = await story('خبر عاجل للاختبار');
    const soon = new Date(Date.now() + HOUR);
    expect(await refusedWith(mark(reviewer, live.id, { until: soon }))).toBe('FORBIDDEN');
    expect((await refusal(mark(editor, live.id, { until: new Date(Date.now() - 1000) }))).fieldErrors).toEqual({ breakingUntil: 'BREAKING_IN_PAST' });
    expect((await refusal(mark(editor, live.id, { until: new Date(Date.now() + 25 * HOUR) }))).fieldErrors).toEqual({ breakingUntil: 'BREAKING_TOO_LONG' });
    expect((await refusal(mark(editor, live.id, { untilWallTime: 'غداً' }))).fieldErrors).toEqual({ breakingUntil: 'INVALID_INPUT' });
    expect(await refusedWith(mark(editor, live.id, { clear: true }))).toBe('BREAKING_NONE');
    // Breaking news is news readers already have: not a draft, an approved story or an embargoed one.
    const draft = await story('مسودة لا تكون عاجلة', 'draft');
    const approved = await story('خبر معتمد لم يُنشر', 'approved');
    expect(await refusedWith(mark(editor, draft.id, { until: soon }))).toBe('BREAKING_NOT_LIVE');
    expect(await refusedWith(mark(admin, approved.id, { until: soon }))).toBe('BREAKING_NOT_LIVE');
    const embargoed = await story('خبر محظور لا يكون عاجلاً');
    await setEmbargo({ db, actor: editor }, { articleId: embargoed.id, expectedVersion: await version(embargoed.id), until: new Date(Date.now() + HOUR), note: 'بطلب من المصدر' });
    expect(await refusedWith(mark(editor, embargoed.id, { until: soon }))).toBe('BREAKING_NOT_LIVE');

    expect(await breakingIds(new Date())).toEqual([]);
    expect((await storyLog(live.id)).map((entry) => entry.kind)).not.toContain('story.breaking_set');
  });

  it('shows in the banner until its time and not a second after, with no job, and every change is logged', async () => {
    const live = await story('زلزال بقوة ست درجات');
    const { timeZone } = await getSiteSettings(db);
    const until = new Date(Math.ceil((Date.now() + HOUR) / 60_000) * 60_000);
    const versionBefore = await version(live.id);
    const marked = await mark(editor, live.id, { untilWallTime: wallTimeOf(until, timeZone) });
    expect(marked.effects).toContainEqual({ kind: 'public', change: { kind: 'site' } });
    // The mark is not the story's text: an editor at work on it is not made stale.
    expect(await version(live.id)).toBe(versionBefore);

    expect(await breakingIds(new Date(until.getTime() - 1000))).toEqual([live.id]);
    expect(await breakingIds(new Date(until.getTime() + 1000))).toEqual([]);
    // Cached pages end at that time, like at a schedule time.
    expect((await readScheduleWindow(new Date(), db)).upcoming).toContain(until.toISOString());
    expect((await readScheduleWindow(new Date(until.getTime() + 1000), db)).lastDue).toBe(until.toISOString());

    const later = new Date(until.getTime() + HOUR);
    await mark(admin, live.id, { until: later });
    expect(await breakingIds(new Date(until.getTime() + 1000))).toEqual([live.id]);
    await mark(editor, live.id, { clear: true });
    expect(await breakingIds(new Date())).toEqual([]);

    expect(await storyLog(live.id)).toEqual(
      expect.arrayContaining([
        { kind: 'story.breaking_set', actorId: editor.id, details: { until: until.toISOString(), previousUntil: null } },
        { kind: 'story.breaking_set', actorId: admin.id, details: { until: later.toISOString(), previousUntil: until.toISOString() } },
        { kind: 'story.breaking_cleared', actorId: editor.id, details: { until: null, previousUntil: later.toISOString() } },
      ]),
    );
  });

  it('leaves the banner when the story is taken down, and lists the newest marked first', async () => {
    const stories = [];
    for (let i = 0; i <= MAX_BREAKING_STORIES; i++) {
      const created = await story(`خبر عاجل رقم ${i + 1}`);
      await mark(editor, created.id, { until: new Date(Date.now() + HOUR) });
      stories.push(created.id);
    }
    const newestFirst = [...stories].reverse();
    expect(await breakingIds(new Date())).toEqual(newestFirst.slice(0, MAX_BREAKING_STORIES));
    await move(editor, newestFirst[0]!, 'unpublish');
    expect(await breakingIds(new Date())).toEqual(newestFirst.slice(1, MAX_BREAKING_STORIES + 1));
    // Clearing the rest leaves nothing breaking behind.
    for (const id of newestFirst.slice(1)) await mark(editor, id, { clear: true });
    expect(await breakingIds(new Date())).toEqual([]);
  });
});
