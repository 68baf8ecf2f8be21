import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, type Connection, type Database } from '@/db/client';
import { listEvents } from '@/db/queries/desk';
import { latestPublicCorrection, listDeskNotes, listPublicCorrections } from '@/db/queries/public-notes';
import { SITE_TAGS, tagsForArticleChange } from '@/db/queries/site-cache-keys';
import { findSiteArticle, readPublicFootprint, type SiteArticle } from '@/db/queries/site-stories';
import { activityLog, articles, publicNotes, sections } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { paragraphsToDocument } from '@/lib/content/render';
import { buildNewsArticleJsonLd } from '@/lib/seo/json-ld';
import { articleOf } from '@/lib/server/api/v1/articles';
import { createArticle } from '@/lib/server/articles/create-article';
import { saveArticle } from '@/lib/server/articles/save-article';
import { setEmbargo } from '@/lib/server/articles/set-embargo';
import { transitionArticle } from '@/lib/server/articles/transition-article';
import type { Actor } from '@/lib/server/next/session';
import { MAX_PUBLIC_NOTE_LENGTH } from '@/lib/workflow/public-notes';
import type { WorkflowAction } from '@/lib/workflow/transitions';
import { driverName, freshDatabase, signedInActor } from '../helpers';
import { refusal, storyState } from '../refusals';

const HOUR = 3600_000;

let connection: Connection;
let db: Database;
let editor: Actor;
let admin: Actor;
let reviewer: Actor;
let sectionId: number;

const version = async (id: number) => (await db.select({ v: articles.version }).from(articles).where(eq(articles.id, id)))[0]!.v;
const move = async (actor: Actor, id: number, action: WorkflowAction, note: { publicNoteKind?: unknown; publicNoteText?: unknown } = {}) =>
  transitionArticle({ db, actor }, { articleId: id, action, expectedVersion: await version(id), ...note });

async function story(title: string) {
  const created = (await createArticle({ db, actor: editor }, { fields: { title, summary: 'ملخص', sectionId, tags: [] }, body: paragraphsToDocument(['نص أول']) })).value;
  await move(editor, created.id, 'submit');
  await move(reviewer, created.id, 'approve');
  await move(editor, created.id, 'publish');
  return created;
}

/** A live story edited and approved again: ready to be published with a note. */
async function editedAndApproved(id: number, title: string, text: string) {
  await saveArticle({ db, actor: editor }, { articleId: id, expectedVersion: await version(id), fields: { title, summary: 'ملخص', sectionId, tags: [] }, body: paragraphsToDocument([text]) });
  await move(editor, id, 'submit');
  await move(reviewer, id, 'approve');
}

const readerArticle = async (slug: string, asOf = new Date()): Promise<SiteArticle | null> => {
  const found = await findSiteArticle(slug, asOf, db);
  return found.kind === 'article' ? found.article : null;
};
const correctionIds = async (asOf = new Date()) => (await listPublicCorrections({ asOf, limit: 100 }, db)).corrections.map((c) => c.articleId);

beforeAll(async () => {
  connection = await freshDatabase();
  db = connection.db;
  await seedDatabase(db, { production: false });
  admin = await signedInActor(db, 'admin@midad.test', 'midad-admin-demo');
  editor = await signedInActor(db, 'editor@midad.test', 'midad-editor-demo');
  reviewer = await signedInActor(db, 'reviewer@midad.test', 'midad-reviewer-demo');
  [{ id: sectionId }] = (await db.insert(sections).values({ slug: 'قسم-التصحيحات', name: 'قسم التصحيحات' }).returning({ id: sections.id })) as [{ id: number }];
});
afterAll(() => closeConnection());

describe(`public notes on ${driverName}`, () => {
  it('refuses a bad note beside its field and changes nothing', async () => {
    const live = await story('خبر تُرفض ملاحظاته');
    await editedAndApproved(live.id, 'خبر تُرفض ملاحظاته', 'نص معدّل');
    const before = await storyState(db, live.id);
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ publicNoteKind: 'retraction', publicNoteText: 'سحب' }, { publicNoteKind: 'PUBLIC_NOTE_KIND_INVALID' }],
      [{ publicNoteKind: 'correction', publicNoteText: '  \n ' }, { publicNoteText: 'PUBLIC_NOTE_TEXT_REQUIRED' }],
      [{ publicNoteKind: 'update' }, { publicNoteText: 'PUBLIC_NOTE_TEXT_REQUIRED' }],
      [{ publicNoteKind: '', publicNoteText: 'نص بلا نوع' }, { publicNoteKind: 'PUBLIC_NOTE_KIND_REQUIRED' }],
      [{ publicNoteKind: 'correction', publicNoteText: 'ت'.repeat(MAX_PUBLIC_NOTE_LENGTH + 1) }, { publicNoteText: 'PUBLIC_NOTE_TOO_LONG' }],
      [{ publicNoteKind: 'correction', publicNoteText: { text: 'ليس نصاً' } }, { publicNoteText: 'INVALID_INPUT' }],
    ];
    for (const [note, fieldErrors] of cases) {
      expect((await refusal(move(editor, live.id, 'publish', note))).fieldErrors, JSON.stringify(note).slice(0, 60)).toEqual(fieldErrors);
    }
    // A note belongs to a publication, not to any other step.
    expect((await refusal(move(editor, live.id, 'unpublish', { publicNoteKind: 'update', publicNoteText: 'تحديث' }))).fieldErrors).toEqual({ publicNoteKind: 'INVALID_INPUT' });
    expect(await storyState(db, live.id)).toEqual(before);
    expect(await db.$count(publicNotes, eq(publicNotes.articleId, live.id))).toBe(0);
    // Exactly the limit is accepted.
    await move(editor, live.id, 'publish', { publicNoteKind: 'update', publicNoteText: 'ت'.repeat(MAX_PUBLIC_NOTE_LENGTH) });
    expect(await db.$count(publicNotes, eq(publicNotes.articleId, live.id))).toBe(1);
  });

  it('goes only with a new version of a story readers already see: never with a first publication', async () => {
    const created = (await createArticle({ db, actor: editor }, { fields: { title: 'خبر يُنشر أول مرة', summary: '', sectionId, tags: [] }, body: paragraphsToDocument(['نص']) })).value;
    await move(editor, created.id, 'submit');
    await move(reviewer, created.id, 'approve');
    const before = await storyState(db, created.id);
    expect((await refusal(move(editor, created.id, 'publish', { publicNoteKind: 'correction', publicNoteText: 'تصحيح' }))).fieldErrors).toEqual({
      publicNoteKind: 'PUBLIC_NOTE_NOT_LIVE',
    });
    expect(await storyState(db, created.id)).toEqual(before);
    // Without a note it publishes, and readers get no notes.
    await move(editor, created.id, 'publish', { publicNoteKind: '', publicNoteText: '' });
    expect((await readerArticle(created.slug))!.notes).toEqual([]);

    // Taken down and published again, it is a first publication for readers once more.
    await move(editor, created.id, 'unpublish');
    await move(editor, created.id, 'submit');
    await move(reviewer, created.id, 'approve');
    expect((await refusal(move(editor, created.id, 'publish', { publicNoteKind: 'update', publicNoteText: 'تحديث' }))).fieldErrors).toEqual({
      publicNoteKind: 'PUBLIC_NOTE_NOT_LIVE',
    });
  });

  it('is stored with the revision published and logged with its kind; readers get it, newest first, in the page and its JSON-LD', async () => {
    const live = await story('وزارة الصحة تعلن عدد الإصابات');
    await editedAndApproved(live.id, 'وزارة الصحة تعلن عدد الإصابات', 'العدد الصحيح ١٢ إصابة');
    const published = await move(editor, live.id, 'publish', { publicNoteKind: 'correction', publicNoteText: '  ذكرت نسخة سابقة أن عدد الإصابات ٢١، والصحيح ١٢.\r\n' });
    expect(published.effects).toContainEqual({ kind: 'public', change: { kind: 'article', articleId: live.id } });
    const [stored] = await db.select().from(publicNotes).where(eq(publicNotes.articleId, live.id));
    const [article] = await db.select().from(articles).where(eq(articles.id, live.id));
    expect(stored).toMatchObject({ kind: 'correction', body: 'ذكرت نسخة سابقة أن عدد الإصابات ٢١، والصحيح ١٢.', revisionId: article!.publishedRevisionId, authorId: editor.id });

    await editedAndApproved(live.id, 'وزارة الصحة تعلن عدد الإصابات', 'ارتفع العدد إلى ١٥');
    await move(admin, live.id, 'publish', { publicNoteKind: 'update', publicNoteText: 'أضفنا ثلاث إصابات جديدة أعلنتها الوزارة.' });

    const logged = await db
      .select({ details: activityLog.details, actorId: activityLog.actorId })
      .from(activityLog)
      .where(sql`${activityLog.articleId} = ${live.id} and ${activityLog.kind} = 'story.published'`)
      .orderBy(activityLog.id);
    expect(logged.map((entry) => entry.details)).toEqual([
      { from: 'approved', to: 'published' },
      { from: 'approved', to: 'published', publicNote: { kind: 'correction', text: 'ذكرت نسخة سابقة أن عدد الإصابات ٢١، والصحيح ١٢.' } },
      { from: 'approved', to: 'published', publicNote: { kind: 'update', text: 'أضفنا ثلاث إصابات جديدة أعلنتها الوزارة.' } },
    ]);

    const read = (await readerArticle(live.slug))!;
    expect(read.notes.map((note) => [note.kind, note.text])).toEqual([
      ['update', 'أضفنا ثلاث إصابات جديدة أعلنتها الوزارة.'],
      ['correction', 'ذكرت نسخة سابقة أن عدد الإصابات ٢١، والصحيح ١٢.'],
    ]);
    expect(Date.parse(read.notes[0]!.at)).toBeGreaterThanOrEqual(Date.parse(read.notes[1]!.at));
    // The results are cached as JSON: plain strings only.
    expect(JSON.parse(JSON.stringify(read.notes))).toEqual(read.notes);

    // The page's structured data carries corrections only, as schema.org CorrectionComment.
    const jsonLd = buildNewsArticleJsonLd({
      url: 'https://example.test/a',
      headline: read.title,
      description: read.summary,
      datePublished: new Date(read.publishedAt),
      dateModified: new Date(read.notes[0]!.at),
      authors: [{ name: read.authorName }],
      images: [],
      language: 'ar',
      publisher: { name: 'مداد', url: 'https://example.test/', logo: { url: 'https://example.test/l.png', width: 1, height: 1 } },
      corrections: read.notes.filter((note) => note.kind === 'correction').map((note) => ({ text: note.text, datePublished: new Date(note.at) })),
    });
    expect(jsonLd.correction).toEqual([{ '@type': 'CorrectionComment', text: 'ذكرت نسخة سابقة أن عدد الإصابات ٢١، والصحيح ١٢.', datePublished: read.notes[1]!.at }]);

    // The content API's one-article answer carries them too.
    expect(articleOf(read).notes).toEqual(read.notes.map((note) => ({ kind: note.kind, text: note.text, published_at: note.at })));

    // The desk's history shows each note beside the revision it was published with.
    const desk = await listDeskNotes(live.id, db);
    expect(desk.map((note) => [note.kind, note.revisionNumber, note.authorName])).toEqual([
      ['update', 3, admin.name],
      ['correction', 2, editor.name],
    ]);
    const timeline = await listEvents(live.id, db);
    expect(timeline.filter((event) => event.kind === 'story.published').map((event) => event.details.publicNote ?? null)).toEqual([
      { kind: 'update', text: 'أضفنا ثلاث إصابات جديدة أعلنتها الوزارة.' },
      { kind: 'correction', text: 'ذكرت نسخة سابقة أن عدد الإصابات ٢١، والصحيح ١٢.' },
      null,
    ]);
    // Notes are history: never changed or removed.
    await expect(db.execute(sql`update public_notes set body = 'غير ذلك' where article_id = ${live.id}`)).rejects.toThrow();
    await expect(db.execute(sql`delete from public_notes where article_id = ${live.id}`)).rejects.toThrow();
  });

  it('lists corrections of visible stories only on the corrections page, and a takedown or an embargo takes them away', async () => {
    const first = await story('خبر أول يُصحَّح');
    const second = await story('خبر ثان يُصحَّح');
    const updatedOnly = await story('خبر يُحدَّث فقط');
    for (const [id, kind, text] of [
      [first.id, 'correction', 'صُحّح اسم المتحدث.'],
      [updatedOnly.id, 'update', 'أُضيفت تفاصيل.'],
      [second.id, 'correction', 'صُحّح تاريخ الاجتماع.'],
    ] as const) {
      await editedAndApproved(id, `عنوان معدّل ${id}`, 'نص معدّل');
      await move(editor, id, 'publish', { publicNoteKind: kind, publicNoteText: text });
    }
    const listed = await listPublicCorrections({ asOf: new Date(), limit: 100 }, db);
    expect(listed.corrections.slice(0, 2).map((c) => [c.articleId, c.kind, c.text, c.title])).toEqual([
      [second.id, 'correction', 'صُحّح تاريخ الاجتماع.', `عنوان معدّل ${second.id}`],
      [first.id, 'correction', 'صُحّح اسم المتحدث.', `عنوان معدّل ${first.id}`],
    ]);
    expect(await correctionIds()).not.toContain(updatedOnly.id);
    expect(listed.total).toBe(listed.corrections.length);
    // Pages of the listing.
    expect((await listPublicCorrections({ asOf: new Date(), limit: 1, offset: 1 }, db)).corrections.map((c) => c.articleId)).toEqual([first.id]);

    // The corrections page is refreshed by any change to a corrected story, and by no other.
    expect(tagsForArticleChange(await readPublicFootprint(second.id, db))).toContain(SITE_TAGS.corrections);
    expect(tagsForArticleChange(await readPublicFootprint(updatedOnly.id, db))).not.toContain(SITE_TAGS.corrections);

    await move(editor, second.id, 'unpublish');
    expect(await correctionIds()).not.toContain(second.id);
    expect(await readerArticle(second.slug)).toBeNull();
    expect(tagsForArticleChange(await readPublicFootprint(second.id, db))).toContain(SITE_TAGS.corrections);

    await setEmbargo({ db, actor: editor }, { articleId: first.id, expectedVersion: await version(first.id), until: new Date(Date.now() + HOUR), note: 'بطلب المصدر' });
    expect(await correctionIds()).not.toContain(first.id);
    expect(await correctionIds(new Date(Date.now() + 2 * HOUR))).toContain(first.id);
    // Shown again after the embargo, never with a time before it.
    const after = (await listPublicCorrections({ asOf: new Date(Date.now() + 2 * HOUR), limit: 100 }, db)).corrections.find((c) => c.articleId === first.id)!;
    const [{ embargoUntil }] = (await db.select({ embargoUntil: articles.embargoUntil }).from(articles).where(eq(articles.id, first.id))) as [{ embargoUntil: Date }];
    expect(Date.parse(after.at)).toBeGreaterThanOrEqual(embargoUntil.getTime());

    // The sitemap dates the page by its newest visible correction: the earlier story's, now.
    const [newest] = (await listPublicCorrections({ asOf: new Date(), limit: 1 }, db)).corrections;
    expect(await latestPublicCorrection(new Date(), db)).toBe(newest!.at);
    expect(newest!.articleId).not.toBe(first.id);
  });
});
