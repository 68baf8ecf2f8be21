import { eq, max } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeConnection, type Database } from '@/db/client';
import { findEditableArticle, findRevision } from '@/db/queries/desk';
import { findSiteArticle } from '@/db/queries/site-stories';
import { articleRevisions, articles, sections } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { documentToText, paragraphsToDocument, renderStoredBody } from '@/lib/content/render';
import { validateDocument } from '@/lib/content/validate';
import { createArticle } from '@/lib/server/articles/create-article';
import { restoreRevision } from '@/lib/server/articles/restore-revision';
import { saveArticle } from '@/lib/server/articles/save-article';
import { transitionArticle } from '@/lib/server/articles/transition-article';
import type { Actor } from '@/lib/server/next/session';
import type { WorkflowAction } from '@/lib/workflow/transitions';
import { driverName, freshDatabase, signedInActor } from '../helpers';
import { refusedWith } from '../refusals';

let db: Database;
let editor: Actor;
let reviewer: Actor;
let sectionId: number;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await seedDatabase(db, { production: false });
  editor = await signedInActor(db, 'editor@midad.test', 'midad-editor-demo');
  reviewer = await signedInActor(db, 'reviewer@midad.test', 'midad-reviewer-demo');
  sectionId = (await db.select().from(sections).limit(1))[0]!.id;
});
afterAll(() => closeConnection());
afterEach(() => vi.restoreAllMocks());

const version = async (id: number) => (await db.select({ v: articles.version }).from(articles).where(eq(articles.id, id)))[0]!.v;
const move = async (actor: Actor, id: number, action: WorkflowAction) => transitionArticle({ db, actor }, { articleId: id, action, expectedVersion: await version(id) });

/**
 * A body written under older rules: a node type the content schema no longer has. It is stored the
 * only way history allows, as a new revision the article then points at.
 */
const RETIRED_BODY = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'الفقرة الأولى من النص القديم' }] },
    { type: 'tweetEmbed', attrs: { url: 'https://example.org/status/1', html: '<script>alert(1)</script>' } },
  ],
};
const RETIRED_TEXT = 'الفقرة الأولى من النص القديم\nTweet <b>quoted</b> in the old body';

async function storeRetiredBody(articleId: number): Promise<number> {
  const [article] = await db.select().from(articles).where(eq(articles.id, articleId));
  const [current] = await db.select().from(articleRevisions).where(eq(articleRevisions.id, article!.currentRevisionId!));
  const [last] = await db.select({ n: max(articleRevisions.number) }).from(articleRevisions).where(eq(articleRevisions.articleId, articleId));
  const { title, summary, byline, featuredMediaId, authorId } = current!;
  const [revision] = await db
    .insert(articleRevisions)
    .values({ articleId, number: last!.n! + 1, title, summary, byline, featuredMediaId, authorId, body: RETIRED_BODY, bodyText: RETIRED_TEXT })
    .returning({ id: articleRevisions.id });
  return revision!.id;
}

describe(`a stored body the schema no longer accepts, on ${driverName}`, () => {
  it('is shown to readers as its plain text, reported once for its revision', async () => {
    const created = (await createArticle({ db, actor: editor }, { fields: { title: 'خبر بنص قديم', summary: 'ملخص', sectionId, tags: [] }, body: paragraphsToDocument(['نص']) })).value;
    await move(editor, created.id, 'submit');
    await move(reviewer, created.id, 'approve');
    await move(editor, created.id, 'publish');
    const revisionId = await storeRetiredBody(created.id);
    await db.update(articles).set({ currentRevisionId: revisionId, publishedRevisionId: revisionId }).where(eq(articles.id, created.id));
    expect(() => validateDocument(RETIRED_BODY)).toThrow();

    const lookup = await findSiteArticle(created.slug, new Date());
    if (lookup.kind !== 'article') throw new Error(`expected the article, got ${lookup.kind}`);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const stored = { articleId: created.id, revisionId: lookup.article.revisionId, body: lookup.article.body, bodyText: lookup.article.bodyText };
    expect(stored.revisionId).toBe(revisionId);
    for (let i = 0; i < 3; i++) {
      expect(renderStoredBody(stored)).toEqual({
        html: '<p dir="auto">الفقرة الأولى من النص القديم</p><p dir="auto">Tweet &lt;b&gt;quoted&lt;/b&gt; in the old body</p>',
        fallback: true,
      });
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(warn.mock.calls[0]![0]))).toMatchObject({ event: 'stored_body_unreadable', articleId: created.id, revisionId, code: 'CONTENT_INVALID' });
  });

  it('opens in the desk as paragraphs of its text, and saving that stores a body the schema accepts', async () => {
    const created = (await createArticle({ db, actor: editor }, { fields: { title: 'مسودة بنص قديم', summary: '', sectionId, tags: ['قديم'] }, body: paragraphsToDocument(['نص']) })).value;
    const revisionId = await storeRetiredBody(created.id);
    await db.update(articles).set({ currentRevisionId: revisionId }).where(eq(articles.id, created.id));
    vi.spyOn(console, 'warn').mockImplementation(() => {});

    // The desk's read model hands the editor the plain text as paragraphs, flagged as such.
    const article = (await findEditableArticle(created.id, db))!;
    expect(article.revision.bodyFallback).toBe(true);
    const readable = { document: article.revision.body };
    expect(validateDocument(readable.document)).toEqual(readable.document);
    expect(documentToText(readable.document)).toBe(RETIRED_TEXT);

    // Restoring the broken revision as it is stored is refused with a clear code…
    expect(await refusedWith(restoreRevision({ db, actor: editor }, { articleId: created.id, revisionNumber: article.revision.number, expectedVersion: await version(created.id) }))).toBe('CONTENT_INVALID');
    // …while saving what the editor shows repairs the story, losing none of its text.
    const saved = (await saveArticle({ db, actor: editor }, { articleId: created.id, expectedVersion: await version(created.id),
      fields: { title: 'مسودة بنص قديم', summary: '', sectionId, tags: ['قديم'] },
      body: readable.document, })).value;
    expect(saved.revisionNumber).toBe(article.revision.number + 1);
    const repaired = (await findRevision(created.id, saved.revisionNumber!, db))!;
    expect(validateDocument(repaired.body)).toEqual(repaired.body);
    expect(repaired.bodyText).toBe(RETIRED_TEXT);
  });
});
