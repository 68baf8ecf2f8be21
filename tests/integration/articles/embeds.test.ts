import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, type Database } from '@/db/client';
import { findEditableArticle } from '@/db/queries/desk';
import { articleRevisions, articles, sections } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import type { ContentDocument } from '@/lib/content/types';
import { createArticle } from '@/lib/server/articles/create-article';
import { saveArticle } from '@/lib/server/articles/save-article';
import type { Actor } from '@/lib/server/next/session';
import { driverName, freshDatabase, signedInActor } from '../helpers';
import { refusedWith, storyState } from '../refusals';

/*
 * Embeds through the real create and save use cases: a body with an allowed embed is stored as
 * written, its address in the plain text; a forged one is refused with its code and changes nothing.
 */

const YOUTUBE = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const body = (...nodes: unknown[]) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'مقدمة' }] }, ...nodes] }) as ContentDocument;
const embed = (provider: string, url: string) => ({ type: 'embed', attrs: { provider, url } });

let db: Database;
let editor: Actor;
let sectionId: number;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await seedDatabase(db, { production: false });
  editor = await signedInActor(db, 'editor@midad.test', 'midad-editor-demo');
  sectionId = (await db.select().from(sections).limit(1))[0]!.id;
}, 120_000);
afterAll(async () => {
  await closeConnection();
});

const versionOf = async (id: number) => (await db.select({ v: articles.version }).from(articles).where(eq(articles.id, id)))[0]!.v;

describe(`embeds in stored bodies on ${driverName}`, () => {
  it('stores an allowed embed as written, with its address in the plain text', async () => {
    const created = (await createArticle({ db, actor: editor }, { fields: { title: 'خبر بتضمين', sectionId }, body: body(embed('youtube', YOUTUBE)) })).value;
    const stored = await findEditableArticle(created.id, db);
    expect((stored!.revision.body as ContentDocument).content?.[1]).toEqual(embed('youtube', YOUTUBE));
    const [revision] = await db.select({ bodyText: articleRevisions.bodyText }).from(articleRevisions).where(eq(articleRevisions.articleId, created.id));
    expect(revision!.bodyText).toBe(`مقدمة\n${YOUTUBE}`);
  });

  it.each([
    ['a look-alike host', embed('youtube', 'https://youtube.com.evil.com/watch?v=dQw4w9WgXcQ')],
    ['a javascript: address', embed('youtube', 'javascript:alert(1)')],
    ['a data: address', embed('x', 'data:text/html,<script>alert(1)</script>')],
    ['an allowed address under another provider', embed('x', YOUTUBE)],
    ['an unknown provider', embed('vimeo', 'https://vimeo.com/1')],
  ])('refuses %s with CONTENT_BAD_EMBED, on create and on save, and changes nothing', async (_name, forged) => {
    expect(await refusedWith(createArticle({ db, actor: editor }, { fields: { title: 'خبر مزوّر', sectionId }, body: body(forged) }))).toBe('CONTENT_BAD_EMBED');
    const created = (await createArticle({ db, actor: editor }, { fields: { title: 'خبر سليم', sectionId }, body: body() })).value;
    const before = await storyState(db, created.id);
    const save = saveArticle({ db, actor: editor }, { articleId: created.id, expectedVersion: await versionOf(created.id), fields: { title: 'خبر سليم', sectionId }, body: body(forged) });
    expect(await refusedWith(save)).toBe('CONTENT_BAD_EMBED');
    expect(await storyState(db, created.id)).toEqual(before);
  });
});
