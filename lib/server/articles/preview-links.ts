import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { recordActivity } from '@/db/activity';
import { articles, previewLinks } from '@/db/schema';
import { digestSecret, newPreviewToken } from '@/lib/api/secrets';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { isPreviewable } from '@/lib/workflow/visibility';
import { deskView, done, type DeskContext, type Done } from '../effects';

/** How long a preview link may answer: the desk offers these and nothing else. */
export const PREVIEW_LIFETIMES = { hour: 60 * 60_000, day: 24 * 60 * 60_000, week: 7 * 24 * 60 * 60_000 } as const;
/** The longest any link lives, `embargo` included. */
export const MAX_PREVIEW_LIFETIME = PREVIEW_LIFETIMES.week;
/** A fixed lifetime, or `embargo`: until the story's embargo lifts (at most a week), when readers get it anyway. */
export type PreviewLifetime = keyof typeof PREVIEW_LIFETIMES | 'embargo';

export function isPreviewLifetime(value: unknown): value is PreviewLifetime {
  return typeof value === 'string' && (value === 'embargo' || Object.hasOwn(PREVIEW_LIFETIMES, value));
}


/**
 * Makes a preview link showing one story to a partner, for one of the offered lifetimes. The token
 * is returned once, to build the link; the database keeps its SHA-256 digest. The link shows the
 * story only while the partner reading of the visibility rule allows it (published or due, and
 * never taken down), whatever its embargo.
 */
export async function createPreviewLink(
  { db, actor }: DeskContext,
  { articleId, lifetime }: { articleId: number; lifetime: unknown },
): Promise<Done<{ id: number; token: string; expiresAt: Date }>> {
  if (!can(actor.role, 'article.preview_link')) throw new AppError('FORBIDDEN');
  if (!isPreviewLifetime(lifetime)) throw new AppError('PREVIEW_LIFETIME_INVALID', undefined, { field: 'lifetime' });
  const token = newPreviewToken();
  const now = Date.now();
  const { id, expiresAt } = await db.transaction(async (tx) => {
    const [article] = await tx
      .select({ status: articles.status, publishedRevisionId: articles.publishedRevisionId, embargoUntil: articles.embargoUntil })
      .from(articles)
      .where(eq(articles.id, articleId));
    if (!article) throw new AppError('NOT_FOUND');
    if (!isPreviewable(article)) throw new AppError('PREVIEW_NOT_PUBLISHED');
    let expiresAt: Date;
    if (lifetime === 'embargo') {
      if (!article.embargoUntil || article.embargoUntil.getTime() <= now) throw new AppError('PREVIEW_NO_EMBARGO', undefined, { field: 'lifetime' });
      expiresAt = new Date(Math.min(article.embargoUntil.getTime(), now + MAX_PREVIEW_LIFETIME));
    } else {
      expiresAt = new Date(now + PREVIEW_LIFETIMES[lifetime]);
    }
    const [created] = await tx
      .insert(previewLinks)
      .values({ articleId, tokenHash: digestSecret(token), createdBy: actor.id, expiresAt })
      .returning({ id: previewLinks.id });
    await recordActivity(tx, { kind: 'preview_link.created', actorId: actor.id, articleId, details: { linkId: created!.id, expiresAt: expiresAt.toISOString() } });
    return { id: created!.id, expiresAt };
  });
  return done({ id, token, expiresAt }, deskView(`/desk/articles/${articleId}`));
}

/** Revokes a story's preview link: from the next request on, it answers «not found». */
export async function revokePreviewLink({ db, actor }: DeskContext, { articleId, linkId }: { articleId: number; linkId: number }): Promise<Done> {
  if (!can(actor.role, 'article.preview_link')) throw new AppError('FORBIDDEN');
  await db.transaction(async (tx) => {
    const [link] = await tx
      .select()
      .from(previewLinks)
      .where(and(eq(previewLinks.id, linkId), eq(previewLinks.articleId, articleId)))
      .for('update');
    if (!link) throw new AppError('NOT_FOUND');
    if (link.revokedAt) throw new AppError('ALREADY_REVOKED');
    await tx
      .update(previewLinks)
      .set({ revokedAt: new Date(), revokedBy: actor.id })
      .where(and(eq(previewLinks.id, linkId), isNull(previewLinks.revokedAt)));
    await recordActivity(tx, { kind: 'preview_link.revoked', actorId: actor.id, articleId, details: { linkId, expiresAt: link.expiresAt.toISOString() } });
  });
  return done(undefined, deskView(`/desk/articles/${articleId}`));
}
