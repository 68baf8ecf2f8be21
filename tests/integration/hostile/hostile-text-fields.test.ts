import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, type Database } from '@/db/client';
import { findEditableArticle } from '@/db/queries/desk';
import { searchAllArticles, searchPublishedArticles } from '@/db/queries/search';
import { findSiteArticle } from '@/db/queries/site-stories';
import { activityLog, articles, articleTags, reviewComments, sections, siteSettings, tags, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { paragraphsToDocument } from '@/lib/content/render';
import { MAX_BYLINE_LENGTH, MAX_SLUG_INPUT_LENGTH, MAX_SUMMARY_LENGTH, MAX_TAG_LENGTH, MAX_TITLE_LENGTH } from '@/lib/server/articles/article-input';
import { addComment } from '@/lib/server/articles/comments';
import { createArticle } from '@/lib/server/articles/create-article';
import { saveArticle } from '@/lib/server/articles/save-article';
import { transitionArticle } from '@/lib/server/articles/transition-article';
import { createSection } from '@/lib/server/sections/manage-sections';
import { updateSiteSettings } from '@/lib/server/settings/update-site-settings';
import { createUser } from '@/lib/server/people/create-user';
import type { Actor } from '@/lib/server/next/session';
import type { WorkflowAction } from '@/lib/workflow/transitions';
import { driverName, freshDatabase, signedInActor } from '../helpers';
import { refusal, storyState } from '../refusals';

/*
 * Titles, summaries, bylines, tags and slugs with bidi overrides, invisible characters, controls,
 * absurd lengths and SQL: each is stored safely (and shown as the text it is) or refused with a
 * translated code that changes nothing.
 */

let db: Database;
let editor: Actor;
let reviewer: Actor;
let sectionId: number;

const SLUG = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/;

const signedIn = (email: string, password: string) => signedInActor(db, email, password);

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await seedDatabase(db, { production: false });
  editor = await signedIn('editor@midad.test', 'midad-editor-demo');
  reviewer = await signedIn('reviewer@midad.test', 'midad-reviewer-demo');
  sectionId = (await db.select().from(sections).limit(1))[0]!.id;
});
afterAll(() => closeConnection());

const body = paragraphsToDocument(['نص الخبر']);
const versionOf = async (id: number) => (await db.select({ v: articles.version }).from(articles).where(eq(articles.id, id)))[0]!.v;
const move = async (actor: Actor, id: number, action: WorkflowAction) => transitionArticle({ db, actor }, { articleId: id, action, expectedVersion: await versionOf(id) });

async function newStory(title = 'خبر أصلي') {
  return (await createArticle({ db, actor: editor }, { fields: { title, summary: 'ملخص أصلي', byline: 'مراسل', sectionId, tags: ['أصلي'] }, body })).value;
}

const save = async (id: number, fields: Record<string, unknown>) =>
  saveArticle({ db, actor: editor }, { articleId: id, expectedVersion: await versionOf(id), fields: { title: 'خبر', sectionId, ...fields }, body });

/** The story as the desk and readers get it back. */
async function storedFields(id: number) {
  const desk = (await findEditableArticle(id, db))!;
  const tagRows = await db
    .select({ name: tags.name, slug: tags.slug })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, id))
    .orderBy(tags.slug);
  return { title: desk.revision.title, summary: desk.revision.summary, byline: desk.revision.byline, slug: desk.slug, tags: tagRows };
}

describe(`bidi controls, invisible characters and controls in text fields on ${driverName}`, () => {
  it('removes bidi embeddings, overrides and isolates and keeps marks and joiners', async () => {
    const story = await newStory();
    await save(story.id, {
      title: '\u202Eخبر\u202C عاجل \u2066من غزة\u2069 \u200Fو\u200E NASA\u200D',
      summary: '\u202Aملخص\u202B \u202Dمضلل\u2067\u2068',
      byline: '\u202Eحداد يوسف\u202C',
      tags: ['\u2066وسم\u2069 \u200Cمخفي', '\u202Eexe.txt'],
      slug: '\u202Eرابط\u200B \u2066خاص\u2069\u200F',
    });
    const stored = await storedFields(story.id);
    expect(stored).toEqual({
      title: 'خبر عاجل من غزة \u200Fو\u200E NASA\u200D',
      summary: 'ملخص مضلل',
      byline: 'حداد يوسف',
      slug: 'رابط-خاص',
      tags: [
        { name: 'exe.txt', slug: 'exe-txt' },
        { name: 'وسم \u200Cمخفي', slug: 'وسم-مخفي' },
      ],
    });
    for (const text of [stored.title, stored.summary, stored.byline, ...stored.tags.map((t) => t.name)]) expect(text).not.toMatch(BIDI_CONTROLS);
    for (const slug of [stored.slug, ...stored.tags.map((t) => t.slug)]) expect(slug).toMatch(SLUG);
  });

  it('turns NUL and other controls into spaces instead of failing in the database', async () => {
    const story = await newStory();
    await save(story.id, {
      title: 'غزة\u0000اليوم\u0007',
      summary: '\u001B[31mأحمر\u001B[0m\r\nسطر\u0085ثانٍ',
      byline: 'مراسل\u0000خاص',
      tags: ['وسم\u0000خطر', '\u007Fحذف'],
      slug: 'رابط\u0000\u0001مختلف',
    });
    const stored = await storedFields(story.id);
    expect(stored).toEqual({
      title: 'غزة اليوم',
      summary: '[31mأحمر [0m سطر ثانٍ',
      byline: 'مراسل خاص',
      slug: 'رابط-مختلف',
      tags: [
        { name: 'حذف', slug: 'حذف' },
        { name: 'وسم خطر', slug: 'وسم-خطر' },
      ],
    });
    for (const text of [stored.title, stored.summary, stored.byline, ...stored.tags.map((t) => t.name)]) expect(text).not.toMatch(CONTROLS);
  });

  it('drops halves of surrogate pairs and keeps whole emoji', async () => {
    const story = await newStory();
    await save(story.id, { title: 'قمر\uD83C 🌙', summary: '\uDC00نجمة', tags: ['\uD800'] });
    expect(await storedFields(story.id)).toMatchObject({ title: 'قمر 🌙', summary: 'نجمة', tags: [] });
  });

  it('refuses a title with nothing visible and changes nothing', async () => {
    const story = await newStory();
    const before = await storyState(db, story.id);
    for (const title of ['\u202E\u200D\u200F\u0000 \u2066\u2069', '\u200B\u200C\u200E\uFEFF\u061C', '\u0000\u0001\u001F', '']) {
      expect(await refusal(save(story.id, { title }))).toEqual({ error: 'INVALID_INPUT', fieldErrors: { title: 'TITLE_REQUIRED' } });
      expect(await refusal(createArticle({ db, actor: editor }, { fields: { title, sectionId }, body }))).toMatchObject({ fieldErrors: { title: 'TITLE_REQUIRED' } });
    }
    expect(await storyState(db, story.id)).toEqual(before);
  });
});

describe(`over-long text fields on ${driverName}`, () => {
  const MEGABYTE_TITLE = 'ن'.repeat(1024 * 1024);

  it.each<[string, Record<string, unknown>]>([
    ['a 1 MB title', { title: MEGABYTE_TITLE }],
    ['a title one character over the limit', { title: 'ن'.repeat(MAX_TITLE_LENGTH + 1) }],
    ['a title of 1 MB of spaces around a word', { title: `${' '.repeat(1024 * 1024)}خبر` }],
    ['a 1 MB summary', { summary: 'ن'.repeat(1024 * 1024) }],
    ['a summary one character over the limit', { summary: 'ن'.repeat(MAX_SUMMARY_LENGTH + 1) }],
    ['a byline one character over the limit', { byline: 'ن'.repeat(MAX_BYLINE_LENGTH + 1) }],
    ['a tag one character over the limit', { tags: ['ن'.repeat(MAX_TAG_LENGTH + 1)] }],
    ['a 1 MB slug', { slug: 'ن'.repeat(1024 * 1024) }],
    ['a slug over the limit', { slug: 'ن'.repeat(MAX_SLUG_INPUT_LENGTH + 1) }],
  ])('refuses %s with FIELD_TOO_LONG on that field and changes nothing', async (_name, fields) => {
    const story = await newStory();
    const before = await storyState(db, story.id);
    const field = Object.keys(fields)[0]!;
    expect(await refusal(save(story.id, fields))).toEqual({ error: 'INVALID_INPUT', fieldErrors: { [field]: 'FIELD_TOO_LONG' } });
    expect(await refusal(createArticle({ db, actor: editor }, { fields: { title: 'خبر', sectionId, ...fields }, body }))).toEqual({
      error: 'INVALID_INPUT',
      fieldErrors: { [field]: 'FIELD_TOO_LONG' },
    });
    expect(await storyState(db, story.id)).toEqual(before);
  });

  it('accepts fields exactly at their limits, counting what is left after cleaning', async () => {
    const story = await newStory();
    const title = 'ن'.repeat(MAX_TITLE_LENGTH);
    // Spaces and bidi controls around the text are cleaned away before the limit is checked.
    await save(story.id, { title: `  \u202E${title}\u202C  `, byline: 'ن'.repeat(MAX_BYLINE_LENGTH), tags: ['ن'.repeat(MAX_TAG_LENGTH)] });
    expect(await storedFields(story.id)).toMatchObject({ title, byline: 'ن'.repeat(MAX_BYLINE_LENGTH) });
  });

  it('refuses more than 20 tags', async () => {
    const story = await newStory();
    const before = await storyState(db, story.id);
    const many = Array.from({ length: 21 }, (_, i) => `وسم ${i}`);
    expect(await refusal(save(story.id, { tags: many }))).toEqual({ error: 'INVALID_INPUT', fieldErrors: { tags: 'INVALID_INPUT' } });
    expect(await storyState(db, story.id)).toEqual(before);
  });
});

describe(`SQL-looking text on ${driverName}`, () => {
  const SQL_TITLE = "'; drop table articles; --";
  const SQL_SUMMARY = '" OR 1=1 -- \' OR \'1\'=\'1';
  const SQL_BYLINE = "$$ $1 \\ \\x00 E'\\n' $tag$";
  const SQL_TAG = "'; delete from tags; --";

  it('is stored verbatim, shown as text to the desk and to readers, and never reaches a slug', async () => {
    const storiesBefore = (await db.select({ n: count() }).from(articles))[0]!.n;
    const story = (await createArticle({ db, actor: editor }, {
      fields: { title: SQL_TITLE, summary: SQL_SUMMARY, byline: SQL_BYLINE, sectionId, tags: [SQL_TAG, '$$', '\\\\', "' OR ''='"], slug: SQL_TITLE },
      body: paragraphsToDocument([`${SQL_SUMMARY} ${SQL_BYLINE}`]),
    })).value;
    // The slug keeps letters only; tags without any letter have no address and are left out.
    expect(story.slug).toBe('drop-table-articles');
    const stored = await storedFields(story.id);
    expect(stored).toEqual({
      title: SQL_TITLE,
      summary: SQL_SUMMARY,
      byline: SQL_BYLINE,
      slug: 'drop-table-articles',
      tags: [
        { name: SQL_TAG, slug: 'delete-from-tags' },
        { name: "' OR ''='", slug: 'or' },
      ],
    });

    await move(editor, story.id, 'submit');
    await move(reviewer, story.id, 'approve');
    await move(editor, story.id, 'publish');
    const found = await findSiteArticle(story.slug, new Date(), db);
    expect(found.kind === 'article' && found.article).toMatchObject({ title: SQL_TITLE, summary: SQL_SUMMARY, authorName: SQL_BYLINE });

    // Every table is still there and holds what it held, plus this one story.
    const storiesAfter = (await db.select({ n: count() }).from(articles))[0]!.n;
    expect(storiesAfter).toBe(storiesBefore + 1);
    expect((await db.select({ n: count() }).from(tags))[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('is searched as words, never as SQL', async () => {
    for (const q of [SQL_TITLE, SQL_SUMMARY, SQL_BYLINE, "1' UNION SELECT password_hash FROM users --", '\\', '$$']) {
      for (const search of [searchPublishedArticles, searchAllArticles]) {
        const outcome = await search({ q }, db);
        if (outcome.kind === 'results') {
          for (const hit of outcome.hits) expect(hit.titleHtml).not.toMatch(/password|\$argon/i);
        } else {
          expect(['empty', 'noTerms', 'tooLong', 'tooManyTerms']).toContain(outcome.reason);
        }
      }
    }
    const outcome = await searchPublishedArticles({ q: 'drop table articles' }, db);
    expect(outcome.kind === 'results' && outcome.hits.map((h) => h.slug)).toContain('drop-table-articles');
  });
});

describe(`hostile slugs on ${driverName}`, () => {
  it.each<[string, string]>([
    ['../../etc/passwd', 'etc-passwd'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
    ['%2e%2e%2f%00', '2e-2e-2f-00'],
    ['\u202Egnp.exe', 'gnp-exe'],
    ['https://evil.example/x?y=1#z', 'https-evil-example-x-y-1-z'],
    ['  مَدِينَةُ\u0640 القُدسِ  ', 'مدينة-القدس'],
  ])('turns %j into the slug %j', async (input, expected) => {
    const story = await newStory();
    await save(story.id, { slug: input });
    const { slug } = await storedFields(story.id);
    expect(slug).toMatch(new RegExp(`^${expected}(?:-\\d+)?$`, 'u'));
    expect(slug).toMatch(SLUG);
  });

  it('refuses a slug with no letters or digits, typed or made from the title, and changes nothing', async () => {
    const story = await newStory();
    const before = await storyState(db, story.id);
    for (const slug of ['!!!///', '\u202E\u2066\u200B', '\u0000\u0001', '-- ;']) {
      expect(await refusal(save(story.id, { slug }))).toEqual({ error: 'SLUG_EMPTY', fieldErrors: { slug: 'SLUG_EMPTY' } });
    }
    expect(await refusal(createArticle({ db, actor: editor }, { fields: { title: '؟!…', sectionId }, body }))).toEqual({
      error: 'SLUG_EMPTY',
      fieldErrors: { slug: 'SLUG_EMPTY' },
    });
    expect(await storyState(db, story.id)).toEqual(before);
  });
});

describe(`comments and review notes with controls on ${driverName}`, () => {
  it('stores a comment with NUL, controls and bidi overrides cleaned, keeping its lines', async () => {
    const story = await newStory();
    await addComment({ db, actor: reviewer }, { articleId: story.id, body: '\u202Eراجع\u202C الفقرة\u0000 الثانية\r\nوأضف المصدر\u0007\uD800' });
    const [comment] = await db.select({ body: reviewComments.body }).from(reviewComments).where(eq(reviewComments.articleId, story.id));
    expect(comment!.body).toBe('راجع الفقرة  الثانية\nوأضف المصدر');
  });

  it('refuses a comment with nothing but controls, and writes nothing', async () => {
    const story = await newStory();
    expect(await refusal(addComment({ db, actor: reviewer }, { articleId: story.id, body: '\u0000\u202E \u0001' }))).toEqual({ error: 'INVALID_INPUT', fieldErrors: { body: 'INVALID_INPUT' } });
    expect((await db.select({ n: count() }).from(reviewComments).where(eq(reviewComments.articleId, story.id)))[0]!.n).toBe(0);
  });

  it('stores a change request note with NUL cleaned, and refuses one with nothing visible', async () => {
    const story = await newStory();
    await move(editor, story.id, 'submit');
    const before = await storyState(db, story.id);
    const refused = transitionArticle({ db, actor: reviewer }, { articleId: story.id, action: 'request_changes', expectedVersion: await versionOf(story.id), note: '\u0000\u202E\u0007' });
    expect(await refusal(refused)).toMatchObject({ error: 'NOTE_REQUIRED' });
    expect(await storyState(db, story.id)).toEqual(before);

    await transitionArticle({ db, actor: reviewer }, { articleId: story.id, action: 'request_changes', expectedVersion: await versionOf(story.id), note: 'أضف\u0000 اسم المدينة\r\nفي العنوان 🌙' });
    const [event] = await db.select({ kind: activityLog.kind, details: activityLog.details }).from(activityLog).where(eq(activityLog.articleId, story.id)).orderBy(activityLog.id).limit(1).offset(2);
    expect(event).toMatchObject({ kind: 'story.changes_requested', details: { note: 'أضف  اسم المدينة\nفي العنوان 🌙' } });
  });
});

describe(`names in the admin's screens with controls on ${driverName}`, () => {
  const hostile = `\u202Eاسم\u0000 مع\u2067 تحكم\u0007`;

  it('stores section, person and site names without NUL, other controls or bidi overrides', async () => {
    const admin = await signedIn('admin@midad.test', 'midad-admin-demo');

    await createSection({ db, actor: admin }, { name: hostile, slug: 'qism-tahakkum' });
    const [section] = await db.select().from(sections).where(eq(sections.slug, 'qism-tahakkum'));
    const { value: person } = await createUser({ db, actor: admin }, { email: 'controls@midad.test', name: hostile, role: 'reviewer', password: 'a-long-enough-password' });
    const [user] = await db.select().from(users).where(eq(users.id, person.id));
    await updateSiteSettings({ db, actor: admin }, { siteName: hostile, siteDescription: hostile, timeZone: 'UTC', digits: 'latn' });
    const [settings] = await db.select().from(siteSettings);

    for (const stored of [section!.name, user!.name, settings!.siteName, settings!.siteDescription]) {
      expect(stored).toBe('اسم مع تحكم');
      expect(stored).not.toMatch(CONTROLS);
      expect(stored).not.toMatch(BIDI_CONTROLS);
    }
  });
});
