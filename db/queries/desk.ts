import { and, asc, count, desc, eq, gte, inArray, lt, max, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { StoryKind } from '../../lib/activity/entries';
import { slugify } from '../../lib/arabic/slug';
import { STORIES_PAGE_SIZE, type StoryFilter } from '../../lib/desk/story-filter';
import { readableBody } from '../../lib/content/render';
import type { ContentDocument } from '../../lib/content/types';
import type { ArticleStatus } from '../../lib/workflow/states';
import { getDb, type Executor } from '../client';
import { MEDIA_PATH_PREFIX, variantFileName } from '../../lib/media/keys';
import { activityLog, articleRevisions, articles, articleTags, media, reviewComments, sections, slugHistory, tags, users } from '../schema';
import { articlePresence } from '../schema/activity';
import { PRESENCE_WINDOW_SECONDS } from '../../lib/desk/presence';
import { publiclyVisible } from './visibility';

export interface DeskArticleRow {
  id: number;
  title: string;
  status: ArticleStatus;
  sectionName: string;
  authorName: string;
  updatedAt: Date;
  scheduledFor: Date | null;
  live: boolean;
  /** The people who have the story open in the desk now, by name. */
  openBy: string[];
}

const creator = alias(users, 'creator');

const rowColumns = {
  id: articles.id,
  title: articleRevisions.title,
  status: articles.status,
  sectionName: sections.name,
  authorName: creator.name,
  updatedAt: articles.updatedAt,
  scheduledFor: articles.scheduledFor,
  live: publiclyVisible(),
  openBy: sql<string[]>`coalesce((
    select json_agg(${users.name} order by ${users.name})
      from ${articlePresence} join ${users} on ${users.id} = ${articlePresence.userId}
     where ${articlePresence.articleId} = ${articles.id}
       and ${articlePresence.seenAt} > now() - make_interval(secs => ${PRESENCE_WINDOW_SECONDS})), '[]'::json)`,
};

function deskRows(db: Executor, where: SQL | undefined) {
  return db
    .select(rowColumns)
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(creator, eq(creator.id, articles.createdBy))
    .where(where);
}

export const QUEUES = ['drafts', 'returned', 'review', 'approved', 'scheduled', 'published'] as const;
export type QueueName = (typeof QUEUES)[number];

/**
 * The desk's queues for one person: their drafts and stories returned to them, then the newsroom's
 * stories waiting for review (oldest first), approved, scheduled and recently published.
 */
function queueCondition(queue: QueueName, userId: number): SQL {
  switch (queue) {
    case 'drafts':
      return and(eq(articles.createdBy, userId), inArray(articles.status, ['draft', 'unpublished']))!;
    case 'returned':
      return and(eq(articles.createdBy, userId), eq(articles.status, 'changes_requested'))!;
    case 'review':
      return eq(articles.status, 'in_review');
    case 'approved':
      return eq(articles.status, 'approved');
    case 'scheduled':
      return eq(articles.status, 'scheduled');
    case 'published':
      return and(eq(articles.status, 'published'), gte(articles.publishedAt, sql`now() - interval '7 days'`))!;
  }
}

export async function listQueue(
  queue: QueueName,
  userId: number,
  options: { sectionId?: number; limit?: number } = {},
  db: Executor = getDb(),
): Promise<DeskArticleRow[]> {
  const where = and(queueCondition(queue, userId), options.sectionId ? eq(articles.sectionId, options.sectionId) : undefined);
  const order = queue === 'review' ? asc(articles.updatedAt) : queue === 'scheduled' ? asc(articles.scheduledFor) : desc(articles.updatedAt);
  return deskRows(db, where).orderBy(order).limit(options.limit ?? 20);
}

export async function countQueues(userId: number, sectionId: number | undefined, db: Executor = getDb()): Promise<Record<QueueName, number>> {
  const entries = await Promise.all(
    QUEUES.map(async (queue) => {
      const [row] = await db
        .select({ n: count() })
        .from(articles)
        .where(and(queueCondition(queue, userId), sectionId ? eq(articles.sectionId, sectionId) : undefined));
      return [queue, row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<QueueName, number>;
}

/** A page of the story inventory: its rows and how many stories the filter finds in all. */
export interface StoryPage {
  rows: DeskArticleRow[];
  total: number;
}

/**
 * Every story the filter finds, a page at a time: by state, section, author, tag, the days it was
 * last updated, and words of its current title (each word must appear, compared with the same
 * Arabic folding search uses, so «مؤتمر» finds «المؤتمر» and «اسرائيل» finds «إسرائيل»).
 */
export async function listStories(filter: StoryFilter, db: Executor = getDb()): Promise<StoryPage> {
  const tagSlug = filter.tag ? slugify(filter.tag) : undefined;
  const words = filter.text?.split(/\s+/).filter(Boolean) ?? [];
  const where = and(
    filter.status ? eq(articles.status, filter.status) : undefined,
    filter.sectionId ? eq(articles.sectionId, filter.sectionId) : undefined,
    filter.authorId ? eq(articles.createdBy, filter.authorId) : undefined,
    tagSlug !== undefined
      ? sql`exists (select 1 from ${articleTags} join ${tags} on ${tags.id} = ${articleTags.tagId}
                    where ${articleTags.articleId} = ${articles.id} and ${tags.slug} = ${tagSlug})`
      : undefined,
    filter.from ? gte(articles.updatedAt, filter.from) : undefined,
    filter.to ? lt(articles.updatedAt, filter.to) : undefined,
    ...words.map((word) => sql`strpos(midad_normalize_arabic(${articleRevisions.title}), midad_normalize_arabic(${word})) > 0`),
  );
  const order = {
    updated: [desc(articles.updatedAt), desc(articles.id)],
    oldest: [asc(articles.updatedAt), asc(articles.id)],
    title: [asc(articleRevisions.title), asc(articles.id)],
  }[filter.sort];
  const [rows, [counted]] = await Promise.all([
    deskRows(db, where)
      .orderBy(...order)
      .limit(STORIES_PAGE_SIZE)
      .offset((filter.page - 1) * STORIES_PAGE_SIZE),
    db
      .select({ n: count() })
      .from(articles)
      .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
      .where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}

/** Scheduled stories whose time has passed: public already, but not yet recorded as published. */
export async function listOverdueSchedules(db: Executor = getDb()): Promise<DeskArticleRow[]> {
  return deskRows(db, and(eq(articles.status, 'scheduled'), publiclyVisible())).orderBy(asc(articles.scheduledFor));
}

export interface EditableArticle {
  id: number;
  slug: string;
  status: ArticleStatus;
  version: number;
  sectionId: number;
  createdBy: number;
  live: boolean;
  publishedRevisionId: number | null;
  scheduledFor: Date | null;
  /** «حظر النشر حتى»: readers see nothing of the story before this. */
  embargoUntil: Date | null;
  /** The embargo time is still ahead, by the database's clock. */
  underEmbargo: boolean;
  /** «عاجل»: the end of the story's breaking-news mark while it runs, by the database's clock; else null. */
  breakingUntil: Date | null;
  revision: {
    id: number;
    number: number;
    title: string;
    summary: string;
    byline: string;
    featuredMediaId: number | null;
    /** The body as the editor can open it: the stored one, or its plain text when the schema refuses it. */
    body: ContentDocument;
    /** The stored body failed the content schema and `body` was made from its plain text. */
    bodyFallback: boolean;
    authorId: number;
    authorName: string;
    createdAt: Date;
  };
  tags: string[];
}

/**
 * Everyone who wrote a revision of the story since its last approval (or since it was created):
 * the people whose edits an approval now would cover. The last approval is read from the activity
 * log, which, like the revisions, is never rewritten.
 */
export async function changeAuthorIds(articleId: number, db: Executor = getDb()): Promise<number[]> {
  const approvedRevision = alias(articleRevisions, 'approved_revision');
  const lastApproved = db
    .select({ number: approvedRevision.number })
    .from(activityLog)
    .innerJoin(approvedRevision, eq(approvedRevision.id, activityLog.revisionId))
    .where(and(eq(activityLog.articleId, articleId), eq(activityLog.kind, 'story.approved' satisfies StoryKind)))
    .orderBy(desc(activityLog.id))
    .limit(1);
  const rows = await db
    .selectDistinct({ authorId: articleRevisions.authorId })
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), sql`${articleRevisions.number} > coalesce((${lastApproved}), 0)`));
  return rows.map((row) => row.authorId);
}

export async function findEditableArticle(id: number, db: Executor = getDb()): Promise<EditableArticle | null> {
  if (!Number.isSafeInteger(id)) return null;
  const author = alias(users, 'revision_author');
  const [row] = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      status: articles.status,
      version: articles.version,
      sectionId: articles.sectionId,
      createdBy: articles.createdBy,
      live: rowColumns.live,
      publishedRevisionId: articles.publishedRevisionId,
      scheduledFor: articles.scheduledFor,
      embargoUntil: articles.embargoUntil,
      underEmbargo: sql<boolean>`coalesce(${articles.embargoUntil} > now(), false)`,
      breakingUntil: sql<Date | null>`case when ${articles.breakingUntil} > now() then ${articles.breakingUntil} end`.mapWith(articles.breakingUntil),
      revision: {
        id: articleRevisions.id,
        number: articleRevisions.number,
        title: articleRevisions.title,
        summary: articleRevisions.summary,
        byline: articleRevisions.byline,
        featuredMediaId: articleRevisions.featuredMediaId,
        body: articleRevisions.body,
        bodyText: articleRevisions.bodyText,
        authorId: articleRevisions.authorId,
        authorName: author.name,
        createdAt: articleRevisions.createdAt,
      },
    })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
    .innerJoin(author, eq(author.id, articleRevisions.authorId))
    .where(eq(articles.id, id));
  if (!row) return null;
  const tagRows = await db
    .select({ name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, id))
    .orderBy(tags.name);
  const { bodyText, ...revision } = row.revision;
  const readable = readableBody({ articleId: row.id, revisionId: revision.id, body: revision.body, bodyText });
  return { ...row, revision: { ...revision, body: readable.document, bodyFallback: readable.fallback }, tags: tagRows.map((t) => t.name) };
}

export interface RevisionSummary {
  id: number;
  number: number;
  kind: 'save' | 'autosave';
  title: string;
  authorName: string;
  createdAt: Date;
  words: number;
}

export async function listRevisions(articleId: number, db: Executor = getDb()): Promise<RevisionSummary[]> {
  return db
    .select({
      id: articleRevisions.id,
      number: articleRevisions.number,
      kind: articleRevisions.kind,
      title: articleRevisions.title,
      authorName: users.name,
      createdAt: articleRevisions.createdAt,
      words: sql<number>`coalesce(array_length(regexp_split_to_array(trim(${articleRevisions.bodyText}), '\\s+'), 1), 0)`.mapWith(Number),
    })
    .from(articleRevisions)
    .innerJoin(users, eq(users.id, articleRevisions.authorId))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.number));
}

export async function findRevision(articleId: number, number: number, db: Executor = getDb()) {
  if (!Number.isSafeInteger(number)) return null;
  const [row] = await db
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), eq(articleRevisions.number, number)));
  return row ?? null;
}

/** One entry of a story's timeline: any activity entry about the story, with its typed details. */
export interface TimelineEvent {
  id: number;
  kind: string;
  /** Null only if nobody signed in did it (no story kind is written that way). */
  actorName: string | null;
  /** The number of the revision the entry concerns, if any. */
  revisionNumber: number | null;
  at: Date;
  details: Record<string, unknown>;
}

/** Everything the activity log holds about a story, newest first (in the order it was written). */
export async function listEvents(articleId: number, db: Executor = getDb()): Promise<TimelineEvent[]> {
  const rows = await db
    .select({
      id: activityLog.id,
      kind: activityLog.kind,
      actorName: users.name,
      revisionNumber: articleRevisions.number,
      at: activityLog.at,
      details: activityLog.details,
    })
    .from(activityLog)
    .leftJoin(users, eq(users.id, activityLog.actorId))
    .leftJoin(articleRevisions, eq(articleRevisions.id, activityLog.revisionId))
    .where(eq(activityLog.articleId, articleId))
    .orderBy(desc(activityLog.id));
  return rows.map((row) => ({ ...row, details: (row.details ?? {}) as Record<string, unknown> }));
}

export interface CommentView {
  id: number;
  parentId: number | null;
  authorName: string;
  body: string;
  revisionNumber: number;
  resolvedAt: Date | null;
  createdAt: Date;
}

export async function listComments(articleId: number, db: Executor = getDb()): Promise<CommentView[]> {
  return db
    .select({
      id: reviewComments.id,
      parentId: reviewComments.parentId,
      authorName: users.name,
      body: reviewComments.body,
      revisionNumber: articleRevisions.number,
      resolvedAt: reviewComments.resolvedAt,
      createdAt: reviewComments.createdAt,
    })
    .from(reviewComments)
    .innerJoin(users, eq(users.id, reviewComments.authorId))
    .innerJoin(articleRevisions, eq(articleRevisions.id, reviewComments.revisionId))
    .where(eq(reviewComments.articleId, articleId))
    .orderBy(asc(reviewComments.id));
}

export async function listSectionsForDesk(db: Executor = getDb()) {
  return db.select({ id: sections.id, name: sections.name }).from(sections).orderBy(asc(sections.position), asc(sections.id));
}

/** Whether a slug belongs to another article, now or as an old slug that still redirects. */
export async function isSlugTaken(slug: string, exceptArticleId?: number, db: Executor = getDb()): Promise<boolean> {
  const current = await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug));
  if (current.some((row) => row.id !== exceptArticleId)) return true;
  const old = await db.select({ articleId: slugHistory.articleId }).from(slugHistory).where(eq(slugHistory.oldSlug, slug));
  return old.some((row) => row.articleId !== exceptArticleId);
}

const REVIEW_DECISIONS: StoryKind[] = ['story.approved', 'story.changes_requested'];

/**
 * The newest revision this person reviewed: the one they last approved, returned or commented on.
 * The review view shows what changed since then.
 */
export async function lastReviewedRevisionNumber(articleId: number, userId: number, db: Executor = getDb()): Promise<number | null> {
  const [decided, commented] = await Promise.all([
    db
      .select({ n: max(articleRevisions.number) })
      .from(activityLog)
      .innerJoin(articleRevisions, eq(articleRevisions.id, activityLog.revisionId))
      .where(and(eq(activityLog.articleId, articleId), eq(activityLog.actorId, userId), inArray(activityLog.kind, REVIEW_DECISIONS))),
    db
      .select({ n: max(articleRevisions.number) })
      .from(reviewComments)
      .innerJoin(articleRevisions, eq(articleRevisions.id, reviewComments.revisionId))
      .where(and(eq(reviewComments.articleId, articleId), eq(reviewComments.authorId, userId))),
  ]);
  const numbers = [decided[0]?.n, commented[0]?.n].filter((n): n is number => typeof n === 'number');
  return numbers.length ? Math.max(...numbers) : null;
}

/** A library image's public path and alt text, for the desk's featured-image preview. */
export async function findMediaPreview(id: number | null, db: Executor = getDb()): Promise<{ src: string; alt: string } | null> {
  if (id === null) return null;
  const [row] = await db.select({ key: media.storageKey, alt: media.alt }).from(media).where(eq(media.id, id));
  return row ? { src: `${MEDIA_PATH_PREFIX}${variantFileName(row.key, null)}`, alt: row.alt } : null;
}
