import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { PublicNoteKind } from '../../lib/workflow/public-notes';
import { getDb, getReaderDb, type Executor } from '../client';
import { articleRevisions, articles, publicNotes, sections, users } from '../schema';
import { publicDateSql, publiclyVisible } from './visibility';

/*
 * Public notes («تصحيح», «تحديث») as readers and the desk read them. Readers get a note only
 * through its story's visibility: on the story's own page (read with the story, which is found only
 * when visible) and on the corrections page, whose query applies the visibility rule itself. Dates
 * are ISO strings, since the public results are kept in Next's data cache, which stores JSON.
 */

export interface PublicNote {
  id: number;
  kind: PublicNoteKind;
  text: string;
  /** When readers were told: the publication's time, never before the story's public date (an embargo). */
  at: string;
}

/** A note's public time: its publication, but no earlier than the story's own public date. */
const noteTime = sql<Date>`greatest(${publicNotes.createdAt}, ${publicDateSql})`.mapWith(publicNotes.createdAt);

/** A story's notes, newest first. The caller has already found the story visible to its reader. */
export async function listStoryNotes(articleId: number, db: Executor = getReaderDb()): Promise<PublicNote[]> {
  const rows = await db
    .select({ id: publicNotes.id, kind: publicNotes.kind, text: publicNotes.body, at: noteTime })
    .from(publicNotes)
    .innerJoin(articles, eq(articles.id, publicNotes.articleId))
    .where(eq(publicNotes.articleId, articleId))
    .orderBy(desc(publicNotes.createdAt), desc(publicNotes.id));
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}

export interface PublicCorrection extends PublicNote {
  articleId: number;
  slug: string;
  /** The story's headline as readers see it now. */
  title: string;
  sectionName: string;
}

/**
 * The corrections page: corrections on stories readers can see at `asOf`, newest first, with the
 * total for pagination. A story taken down, not yet due or under embargo takes its corrections
 * with it.
 */
export async function listPublicCorrections(
  options: { asOf: Date; limit: number; offset?: number },
  db: Executor = getReaderDb(),
): Promise<{ corrections: PublicCorrection[]; total: number }> {
  const { asOf, limit, offset = 0 } = options;
  const where = and(eq(publicNotes.kind, 'correction'), publiclyVisible(asOf));
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: publicNotes.id,
        kind: publicNotes.kind,
        text: publicNotes.body,
        at: noteTime,
        articleId: articles.id,
        slug: articles.slug,
        title: articleRevisions.title,
        sectionName: sections.name,
      })
      .from(publicNotes)
      .innerJoin(articles, eq(articles.id, publicNotes.articleId))
      .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .where(where)
      .orderBy(desc(publicNotes.createdAt), desc(publicNotes.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(publicNotes).innerJoin(articles, eq(articles.id, publicNotes.articleId)).where(where),
  ]);
  return { corrections: rows.map((row) => ({ ...row, at: row.at.toISOString() })), total: counted?.total ?? 0 };
}

/** When the newest visible correction was published (the sitemap's date for the corrections page), or null. */
export async function latestPublicCorrection(asOf: Date, db: Executor = getReaderDb()): Promise<string | null> {
  const [row] = await db
    .select({ at: sql<Date | null>`max(${noteTime})`.mapWith(publicNotes.createdAt) })
    .from(publicNotes)
    .innerJoin(articles, eq(articles.id, publicNotes.articleId))
    .where(and(eq(publicNotes.kind, 'correction'), publiclyVisible(asOf)));
  return row?.at ? row.at.toISOString() : null;
}

export interface DeskPublicNote {
  id: number;
  kind: PublicNoteKind;
  text: string;
  revisionId: number;
  revisionNumber: number;
  authorName: string;
  createdAt: Date;
}

/** Every note of a story, for the desk's history, newest first, with the revision each was published with. */
export async function listDeskNotes(articleId: number, db: Executor = getDb()): Promise<DeskPublicNote[]> {
  return db
    .select({
      id: publicNotes.id,
      kind: publicNotes.kind,
      text: publicNotes.body,
      revisionId: publicNotes.revisionId,
      revisionNumber: articleRevisions.number,
      authorName: users.name,
      createdAt: publicNotes.createdAt,
    })
    .from(publicNotes)
    .innerJoin(articleRevisions, eq(articleRevisions.id, publicNotes.revisionId))
    .innerJoin(users, eq(users.id, publicNotes.authorId))
    .where(eq(publicNotes.articleId, articleId))
    .orderBy(desc(publicNotes.createdAt), desc(publicNotes.id));
}
