import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { cleanText } from '@/lib/arabic/text-fields';
import { reviewComments } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { deskView, done, type DeskContext, type Done } from '../effects';
import { lockArticle } from './article-store';

const MAX_COMMENT_LENGTH = 4000;

/** A comment on the article's current revision, or a reply to another comment of the same article. */
export async function addComment(
  { db, actor }: DeskContext,
  { articleId, ...input }: { articleId: number; body: unknown; parentId?: number | null },
): Promise<Done> {
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
  return done(undefined, deskView(`/desk/articles/${articleId}`));
}

export async function resolveComment({ db, actor }: DeskContext, { articleId, commentId }: { articleId: number; commentId: number }): Promise<Done> {
  if (!can(actor.role, 'article.comment')) throw new AppError('FORBIDDEN');
  const resolved = await db
    .update(reviewComments)
    .set({ resolvedAt: new Date() })
    .where(and(eq(reviewComments.id, commentId), eq(reviewComments.articleId, articleId), isNull(reviewComments.resolvedAt)))
    .returning({ id: reviewComments.id });
  if (!resolved.length) throw new AppError('NOT_FOUND');
  return done(undefined, deskView(`/desk/articles/${articleId}`));
}
