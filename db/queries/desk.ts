import { count, desc, eq } from 'drizzle-orm';
import type { ArticleStatus } from '../../lib/workflow/states';
import { getDb, type Executor } from '../client';
import { articleRevisions, articles, sections } from '../schema';

export interface DeskArticleRow {
  id: number;
  title: string;
  status: ArticleStatus;
  sectionName: string;
  updatedAt: Date;
}

/** The person's own stories, most recently edited first, with their working title. */
export async function listArticlesCreatedBy(userId: number, limit = 10, db: Executor = getDb()): Promise<DeskArticleRow[]> {
  return db
    .select({
      id: articles.id,
      title: articleRevisions.title,
      status: articles.status,
      sectionName: sections.name,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(eq(articles.createdBy, userId))
    .orderBy(desc(articles.updatedAt))
    .limit(limit);
}

export async function countArticlesByStatus(db: Executor = getDb()): Promise<Partial<Record<ArticleStatus, number>>> {
  const rows = await db.select({ status: articles.status, n: count() }).from(articles).groupBy(articles.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
