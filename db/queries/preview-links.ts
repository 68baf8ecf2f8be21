import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { digestSecret, isPreviewTokenShape } from '../../lib/api/secrets';
import { getDb, type Executor } from '../client';
import { articles, previewLinks, users } from '../schema';
import { findPartnerArticle, type SiteArticle } from './site-stories';

export interface PreviewLinkView {
  id: number;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  creatorName: string;
}

/** A story's preview links, newest first, with who made each. */
export async function listPreviewLinks(articleId: number, db: Executor = getDb()): Promise<PreviewLinkView[]> {
  return db
    .select({ id: previewLinks.id, createdAt: previewLinks.createdAt, expiresAt: previewLinks.expiresAt, revokedAt: previewLinks.revokedAt, creatorName: users.name })
    .from(previewLinks)
    .innerJoin(users, eq(users.id, previewLinks.createdBy))
    .where(eq(previewLinks.articleId, articleId))
    .orderBy(desc(previewLinks.createdAt), desc(previewLinks.id));
}

export interface PreviewStory {
  article: SiteArticle;
  /** The story's embargo, when it has one (past or future). */
  embargoUntil: Date | null;
  expiresAt: Date;
  /** The instant the link was judged at. */
  at: Date;
}

/**
 * The story a preview link shows at `asOf`: the link must exist, be unrevoked and unexpired, and the
 * story must be readable by partners then. Anything else is null, and the page answers «not found»
 * without saying which condition failed. Read from the primary: a link made a moment ago must work.
 */
export async function findPreviewStory(token: string, asOf: Date, db: Executor = getDb()): Promise<PreviewStory | null> {
  if (!isPreviewTokenShape(token)) return null;
  const [link] = await db
    .select({ articleId: previewLinks.articleId, expiresAt: previewLinks.expiresAt, embargoUntil: articles.embargoUntil })
    .from(previewLinks)
    .innerJoin(articles, eq(articles.id, previewLinks.articleId))
    .where(and(eq(previewLinks.tokenHash, digestSecret(token)), isNull(previewLinks.revokedAt), gt(previewLinks.expiresAt, asOf)));
  if (!link) return null;
  const article = await findPartnerArticle(link.articleId, asOf, db);
  return article ? { article, embargoUntil: link.embargoUntil, expiresAt: link.expiresAt, at: asOf } : null;
}
