import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { recordActivity } from '@/db/activity';
import { getSiteSettings } from '@/db/queries/settings';
import { articles } from '@/db/schema';
import { cleanText } from '@/lib/arabic/text-fields';
import { AppError } from '@/lib/errors';
import { scheduledInstant } from '@/lib/format/schedule';
import { can } from '@/lib/permissions';
import { deskView, done, type DeskContext, type Done } from '../effects';
import { lockArticle } from './article-store';

const MAX_NOTE_LENGTH = 4000;

/**
 * Sets, moves or lifts a story's embargo («حظر النشر حتى»), in one transaction with its entry in the
 * activity log. Until the embargo time nothing of the story is public, whatever its state; the
 * visibility rule enforces that, so this only stores the time. A note saying why is required, an
 * embargo must lie in the future, and the version the person saw must still be current, so a
 * repeated request takes effect once.
 */
export async function setEmbargo(
  { db, actor }: DeskContext,
  options: {
    articleId: number;
    expectedVersion: number;
    /** The embargo time as typed in the desk ("2026-12-02T14:05"), read in the site's zone; ignored when lifting. */
    untilWallTime?: unknown;
    /** An instant instead of a typed time (the use case's own callers). */
    until?: Date;
    lift?: boolean;
    note: unknown;
  },
): Promise<Done<{ embargoUntil: Date | null; version: number }>> {
  if (!can(actor.role, 'article.embargo')) throw new AppError('FORBIDDEN');
  const lift = options.lift === true;
  const until = lift ? null : (options.until ?? scheduledInstant(options.untilWallTime ?? '', (await getSiteSettings(db)).timeZone, 'embargoUntil'));
  const note = typeof options.note === 'string' ? cleanText(cleanText(options.note).slice(0, MAX_NOTE_LENGTH)) : '';
  if (!note) throw new AppError('NOTE_REQUIRED', undefined, { field: 'note' });
  if (until !== null && until.getTime() <= Date.now()) throw new AppError('EMBARGO_IN_PAST', undefined, { field: 'embargoUntil' });

  const result = await db.transaction(async (tx) => {
    const article = await lockArticle(tx, options.articleId);
    if (article.version !== options.expectedVersion) {
      throw new AppError('ARTICLE_STALE', undefined, { version: String(article.version) });
    }
    const previous = article.embargoUntil;
    if (lift && previous === null) throw new AppError('EMBARGO_NONE');
    const [updated] = await tx
      .update(articles)
      .set({ embargoUntil: until, version: sql`${articles.version} + 1`, updatedAt: sql`now()` })
      .where(eq(articles.id, article.id))
      .returning({ version: articles.version });
    await recordActivity(tx, {
      kind: until === null ? 'story.embargo_lifted' : previous === null ? 'story.embargo_set' : 'story.embargo_changed',
      actorId: actor.id,
      articleId: article.id,
      revisionId: article.publishedRevisionId ?? article.currentRevisionId,
      details: { until: until?.toISOString() ?? null, previousUntil: previous?.toISOString() ?? null, note },
    });
    return { embargoUntil: until, version: updated!.version };
  });
  return done(
    result,
    // Readers' pages change: the story leaves or joins them, and cached pages learn the new time.
    { kind: 'public', change: { kind: 'article', articleId: options.articleId } },
    deskView(`/desk/articles/${options.articleId}`),
    deskView('/desk'),
  );
}
