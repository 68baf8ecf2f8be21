import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { cleanText } from '@/lib/arabic/text-fields';
import { reviewComments } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import type { Actor } from '../session';
import { lockArticle } from './article-store';

const MAX_COMMENT_LENGTH = 4000;

/** A comment on the article's current revision, or a reply to another comment of the same article. */
export async function addComment(db: Database, actor: Actor, articleId: number, input: { body: unknown; parentId?: number | null }): Promise<void> {
  if (!can(actor.role, 'article.comment')) throw new AppError('FORBIDDEN');
  const body = typeof input.body === 'string' ? cleanText(input.body) : '';
  if (!body || body.length > MAX_COMMENT_LENGTH) throw new AppError('INVALID_INPUT', undefined, { field: 'body' });
  await db.transaction(async (tx) => {
    const article = await lockArticle(tx, articleId);
    let parentId: number | null = null;
    if (input.parentId) {
      const [parent] = await tx
        .select({ id: reviewComments.id })
        .from(reviewComments)
        .where(and(eq(reviewComments.id, input.parentId), eq(reviewComments.articleId, articleId)));
      if (!parent) throw new AppError('NOT_FOUND');
      parentId = parent.id;
    }
    await tx.insert(reviewComments).values({ articleId, revisionId: article.currentRevisionId!, authorId: actor.id, parentId, body });
  });
}

export async function resolveComment(db: Database, actor: Actor, articleId: number, commentId: number): Promise<void> {
  if (!can(actor.role, 'article.comment')) throw new AppError('FORBIDDEN');
  const resolved = await db
    .update(reviewComments)
    .set({ resolvedAt: new Date() })
    .where(and(eq(reviewComments.id, commentId), eq(reviewComments.articleId, articleId), isNull(reviewComments.resolvedAt)))
    .returning({ id: reviewComments.id });
  if (!resolved.length) throw new AppError('NOT_FOUND');
}
