import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, type Database } from '@/db/client';
import { listStories } from '@/db/queries/desk';
import { articleRevisions, articles, sections } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { paragraphsToDocument } from '@/lib/content/render';
import { parseStoryFilter, STORIES_PAGE_SIZE } from '@/lib/desk/story-filter';
import { createArticle } from '@/lib/server/articles/create-article';
import { applyToStories } from '@/lib/server/articles/apply-to-stories';
import { heartbeat, leave } from '@/lib/server/articles/presence';
import { transitionArticle } from '@/lib/server/articles/transition-article';
import type { Actor } from '@/lib/server/effects';
import { driverName, freshDatabase, signedInActor } from '../helpers';

const ZONE = 'Asia/Jerusalem';
let db: Database;
let editor: Actor;
let admin: Actor;
let reviewer: Actor;
let sport: number;
let culture: number;
/** The stories this file writes, so filters can be checked against them alone. */
const mine: number[] = [];

const write = async (actor: Actor, title: string, section: number, tags: string[]) => {
  const { value } = await createArticle({ db, actor }, { fields: { title, summary: '', sectionId: section, tags }, body: paragraphsToDocument(['نص']) });
  mine.push(value.id);
  return value.id;
};
const find = async (params: Record<string, string>) => {
  const page = await listStories(parseStoryFilter(params, ZONE), db);
  return { ...page, titles: page.rows.map((row) => row.title) };
};

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await seedDatabase(db, { production: false });
  editor = await signedInActor(db, 'editor@midad.test', 'midad-editor-demo');
  admin = await signedInActor(db, 'admin@midad.test', 'midad-admin-demo');
  reviewer = await signedInActor(db, 'reviewer@midad.test', 'midad-reviewer-demo');
  const rows = await db.select({ id: sections.id, slug: sections.slug }).from(sections);
  sport = rows.find((row) => row.slug === 'رياضة')!.id;
  culture = rows.find((row) => row.slug === 'ثقافة')!.id;

  await write(editor, 'جرد: افتتاح المؤتمر الدولي في الدوحة', culture, ['مؤتمرات']);
  await write(admin, 'جرد: إسرائيل تعلن إغلاق المعابر', sport, ['معابر']);
  const submitted = await write(editor, 'جرد: نتائج الدوري الممتاز', sport, ['كرة القدم', 'مؤتمرات']);
  const version = (await db.select({ v: articles.version }).from(articles).where(eq(articles.id, submitted)))[0]!.v;
  await transitionArticle({ db, actor: editor }, { articleId: submitted, action: 'submit', expectedVersion: version });
  // A known order of last updates: the first written is the oldest.
  for (const [i, id] of mine.entries()) {
    await db.update(articles).set({ updatedAt: sql`${new Date(Date.UTC(2026, 10, 10 + i, 12)).toISOString()}::timestamptz` }).where(eq(articles.id, id));
  }
});
afterAll(() => closeConnection());

describe(`the story inventory on ${driverName}`, () => {
  it('filters by words of the title with Arabic folding: hamza forms, the article, each word required', async () => {
    expect((await find({ q: 'اسرائيل' })).titles).toEqual(['جرد: إسرائيل تعلن إغلاق المعابر']);
    expect((await find({ q: 'مؤتمر الدوحة' })).titles).toEqual(['جرد: افتتاح المؤتمر الدولي في الدوحة']);
    expect((await find({ q: 'مؤتمر المعابر' })).total).toBe(0);
  });

  it('filters by state, section, author and tag, alone and together', async () => {
    expect((await find({ q: 'جرد', status: 'in_review' })).titles).toEqual(['جرد: نتائج الدوري الممتاز']);
    expect((await find({ q: 'جرد', section: String(sport) })).total).toBe(2);
    expect((await find({ q: 'جرد', author: String(admin.id) })).titles).toEqual(['جرد: إسرائيل تعلن إغلاق المعابر']);
    expect((await find({ q: 'جرد', tag: 'مؤتمرات' })).titles.sort()).toEqual(['جرد: افتتاح المؤتمر الدولي في الدوحة', 'جرد: نتائج الدوري الممتاز'].sort());
    expect((await find({ q: 'جرد', tag: 'كرة القدم', section: String(sport), status: 'in_review', author: String(editor.id) })).total).toBe(1);
    expect((await find({ q: 'جرد', tag: 'وسم لا وجود له' })).total).toBe(0);
  });

  it('filters by the newsroom days of the last update, and sorts', async () => {
    // Updated on 10, 11 and 12 November at noon UTC.
    expect((await find({ q: 'جرد', from: '2026-11-11', to: '2026-11-11' })).titles).toEqual(['جرد: إسرائيل تعلن إغلاق المعابر']);
    expect((await find({ q: 'جرد', from: '2026-11-11' })).total).toBe(2);
    expect((await find({ q: 'جرد' })).titles[0]).toBe('جرد: نتائج الدوري الممتاز');
    expect((await find({ q: 'جرد', sort: 'oldest' })).titles[0]).toBe('جرد: افتتاح المؤتمر الدولي في الدوحة');
  });

  it('names who has a story open now, and forgets them when they close it', async () => {
    const [story] = (await find({ q: 'المعابر' })).rows;
    expect(story!.openBy).toEqual([]);
    await heartbeat({ db, actor: admin }, { articleId: story!.id, version: 1 });
    await heartbeat({ db, actor: editor }, { articleId: story!.id, version: 1 });
    expect((await find({ q: 'المعابر' })).rows[0]!.openBy).toEqual([admin.name, editor.name].sort());
    await leave({ db, actor: admin }, { articleId: story!.id });
    expect((await find({ q: 'المعابر' })).rows[0]!.openBy).toEqual([editor.name]);
  });

  it('pages through everything, counting it all, with no story twice or missing', async () => {
    const all = await db.select({ id: articles.id }).from(articles);
    const seen: number[] = [];
    const pages = Math.ceil(all.length / STORIES_PAGE_SIZE);
    for (let page = 1; page <= pages; page++) {
      const found = await find({ page: String(page), sort: 'title' });
      expect(found.total).toBe(all.length);
      seen.push(...found.rows.map((row) => row.id));
    }
    expect(seen.sort((a, b) => a - b)).toEqual(all.map((row) => row.id).sort((a, b) => a - b));
    expect((await find({ page: String(pages + 1) })).rows).toEqual([]);
    expect((await db.select({ id: articles.id }).from(articles).where(inArray(articles.id, mine))).length).toBe(3);
  });
});

describe(`a step on several stories at once on ${driverName}`, () => {
  const ofTitle = async (text: string) => (await find({ q: text })).rows[0]!;

  it('moves and tags each story as a save that keeps its text, reporting each', async () => {
    const [first, second] = [await ofTitle('الدوحة'), await ofTitle('الدوري')];
    const revisionsBefore = await db.$count(articleRevisions, inArray(articleRevisions.articleId, [first.id, second.id]));
    const moved = await applyToStories({ db, actor: editor }, { articleIds: [first.id, second.id], step: 'move', sectionId: sport });
    expect(moved.value).toEqual([
      { articleId: first.id, title: first.title, ok: true },
      { articleId: second.id, title: second.title, ok: true },
    ]);
    expect(moved.effects).toContainEqual({ kind: 'desk', path: '/desk/stories' });
    expect((await find({ q: 'جرد', section: String(sport) })).total).toBe(3);

    const tagged = await applyToStories({ db, actor: editor }, { articleIds: [first.id], step: 'tag', tag: ' وسم جماعي ' });
    expect(tagged.value).toEqual([{ articleId: first.id, title: first.title, ok: true }]);
    expect((await find({ tag: 'وسم جماعي' })).titles).toEqual([first.title]);
    // Section and tags are not the text: no revision was added.
    expect(await db.$count(articleRevisions, inArray(articleRevisions.articleId, [first.id, second.id]))).toBe(revisionsBefore);
  });

  it('goes ahead with the stories it may change and says why not for the others', async () => {
    const [draft, inReview] = [await ofTitle('الدوحة'), await ofTitle('الدوري')];
    const outcome = await applyToStories({ db, actor: editor }, { articleIds: [draft.id, inReview.id, 999_999], step: 'submit' });
    expect(outcome.value).toEqual([
      { articleId: draft.id, title: draft.title, ok: true },
      { articleId: inReview.id, title: inReview.title, ok: false, error: 'WORKFLOW_WRONG_STATE' },
      { articleId: 999_999, title: null, ok: false, error: 'NOT_FOUND' },
    ]);
    expect((await find({ q: 'الدوحة' })).rows[0]!.status).toBe('in_review');
  });

  it('refuses a reviewer, an unknown step and an empty choice before touching any story', async () => {
    const { id } = await ofTitle('المعابر');
    await expect(applyToStories({ db, actor: reviewer }, { articleIds: [id], step: 'unpublish' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(applyToStories({ db, actor: editor }, { articleIds: [id], step: 'delete' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(applyToStories({ db, actor: editor }, { articleIds: [], step: 'submit' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(applyToStories({ db, actor: editor }, { articleIds: [id], step: 'move' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
