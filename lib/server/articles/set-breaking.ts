import 'server-only';
import { eq } from 'drizzle-orm';
import { recordActivity } from '@/db/activity';
import { getSiteSettings } from '@/db/queries/settings';
import { articles } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { scheduledInstant } from '@/lib/format/schedule';
import { can } from '@/lib/permissions';
import { isPubliclyVisible } from '@/lib/workflow/visibility';
import { deskView, done, wholeSite, type DeskContext, type Done } from '../effects';
import { lockArticle } from './article-store';

/** How long a story stays breaking news unless the editor picks another time. */
export const DEFAULT_BREAKING_MS = 2 * 3600_000;
/** The longest a story may stay breaking news in one marking. */
export const MAX_BREAKING_MS = 24 * 3600_000;

/**
 * Marks a story «عاجل» until a time, moves that time, or clears it, with its entry in the activity
 * log. Only a story readers can see now may be marked: breaking news is news already out. The
 * banner reads the mark through the visibility rule, so a story taken down, or one whose mark has
 * expired, leaves it without anyone pressing anything; this only stores the times.
 *
 * The mark is not the story's content, so it does not move the story's version: an editor
 * working on the text meanwhile is not interrupted.
 */
export async function setBreaking(
  { db, actor }: DeskContext,
  options: {
    articleId: number;
    /** The end as typed in the desk ("2026-12-02T14:05"), read in the site's zone. */
    untilWallTime?: unknown;
    /** An instant instead of a typed time (the use case's own callers). */
    until?: Date;
    clear?: boolean;
  },
): Promise<Done<{ breakingUntil: Date | null }>> {
  if (!can(actor.role, 'article.breaking')) throw new AppError('FORBIDDEN');
  const clear = options.clear === true;
  const until = clear ? null : (options.until ?? scheduledInstant(options.untilWallTime ?? '', (await getSiteSettings(db)).timeZone, 'breakingUntil'));
  const now = new Date();
  if (until !== null && until.getTime() <= now.getTime()) throw new AppError('BREAKING_IN_PAST', undefined, { field: 'breakingUntil' });
  if (until !== null && until.getTime() > now.getTime() + MAX_BREAKING_MS) throw new AppError('BREAKING_TOO_LONG', undefined, { field: 'breakingUntil' });

  const result = await db.transaction(async (tx) => {
    const article = await lockArticle(tx, options.articleId);
    const previous = article.breakingUntil !== null && article.breakingUntil > now ? article.breakingUntil : null;
    if (clear && previous === null) throw new AppError('BREAKING_NONE');
    if (!clear && !isPubliclyVisible(article, now)) throw new AppError('BREAKING_NOT_LIVE');
    await tx
      .update(articles)
      .set(clear ? { breakingUntil: null, breakingSince: null } : { breakingUntil: until, breakingSince: previous === null ? now : article.breakingSince })
      .where(eq(articles.id, article.id));
    await recordActivity(tx, {
      kind: clear ? 'story.breaking_cleared' : 'story.breaking_set',
      actorId: actor.id,
      articleId: article.id,
      revisionId: article.publishedRevisionId,
      details: { until: until?.toISOString() ?? null, previousUntil: previous?.toISOString() ?? null },
    });
    return { breakingUntil: until };
  });
  return done(
    result,
    // The banner is on every public page, and the feeds flag the story.
    wholeSite,
    deskView(`/desk/articles/${options.articleId}`),
  );
}
