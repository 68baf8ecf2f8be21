import { and, desc, eq, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { ContentDocument } from '../../lib/content/types';
import { getDb, type Executor } from '../client';
import { articleRevisions, articles, articleTags, sections, slugHistory, tags, users } from '../schema';

/**
 * The public visibility rule in SQL (its TypeScript twin is isPubliclyVisible in lib/workflow):
 * a story is visible while it has a published revision and is not unpublished; a scheduled story
 * from its scheduled time on, with no background job. While a live story is re-edited and goes
 * through review again, readers keep seeing its published revision.
 */
function visibleAsOf(instant: SQL): SQL {
  return and(
    isNotNull(articles.publishedRevisionId),
    ne(articles.status, 'unpublished'),
    or(ne(articles.status, 'scheduled'), sql`${articles.scheduledFor} <= ${instant}`),
  )!;
}

export const publiclyVisible: SQL = visibleAsOf(sql`now()`);

/**
 * The same rule at a given instant rather than the database's now(). Cached public pages compute
 * their listings "as of" the instant their cache key was derived from (see site-cache-keys.ts),
 * so the app's clock and the database's can never disagree about which schedules have come.
 */
export function publiclyVisibleAt(asOf: Date): SQL {
  return visibleAsOf(sql`${asOf.toISOString()}::timestamptz`);
}

/** When readers see the story as published: a due schedule counts from its scheduled time. */
export const publicDate = sql<Date>`coalesce(${articles.publishedAt}, ${articles.scheduledFor})`.mapWith(
  articles.publishedAt,
);

export interface StorySummary {
  id: number;
  slug: string;
  title: string;
  summary: string;
  sectionSlug: string;
  sectionName: string;
  publishedAt: Date;
}

export interface PublicArticle extends StorySummary {
  body: ContentDocument;
  updatedAt: Date;
  authorName: string;
  tags: { slug: string; name: string }[];
}

const summaryColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articleRevisions.title,
  summary: articleRevisions.summary,
  sectionSlug: sections.slug,
  sectionName: sections.name,
  publishedAt: publicDate,
};

/** Newest visible stories first. Readers only ever see the published revision. */
export async function listPublishedStories(
  options: { limit?: number; offset?: number } = {},
  db: Executor = getDb(),
): Promise<StorySummary[]> {
  const { limit = 20, offset = 0 } = options;
  return db
    .select(summaryColumns)
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(publiclyVisible)
    .orderBy(desc(publicDate), desc(articles.id))
    .limit(limit)
    .offset(offset);
}

export type ArticleLookup =
  | { kind: 'article'; article: PublicArticle }
  | { kind: 'redirect'; slug: string }
  | { kind: 'missing' };

/** A visible article by slug, or a redirect when the slug is an old one of a visible article. */
export async function findPublicArticle(slug: string, db: Executor = getDb()): Promise<ArticleLookup> {
  const [row] = await db
    .select({
      ...summaryColumns,
      body: articleRevisions.body,
      updatedAt: articleRevisions.createdAt,
      authorName: users.name,
    })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(users, eq(users.id, articles.createdBy))
    .where(and(eq(articles.slug, slug), publiclyVisible))
    .limit(1);

  if (row) {
    const articleTagRows = await db
      .select({ slug: tags.slug, name: tags.name })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, row.id))
      .orderBy(tags.name);
    return { kind: 'article', article: { ...row, body: row.body as ContentDocument, tags: articleTagRows } };
  }

  const [moved] = await db
    .select({ slug: articles.slug })
    .from(slugHistory)
    .innerJoin(articles, eq(articles.id, slugHistory.articleId))
    .where(and(eq(slugHistory.oldSlug, slug), publiclyVisible))
    .limit(1);
  return moved ? { kind: 'redirect', slug: moved.slug } : { kind: 'missing' };
}
