import 'server-only';
import { and, eq, gt, ne, sql } from 'drizzle-orm';
import { articles, users } from '@/db/schema';
import { articlePresence } from '@/db/schema/activity';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { PRESENCE_WINDOW_SECONDS } from '@/lib/desk/presence';
import type { PresenceReport } from '@/lib/desk/results';
import { done, type DeskContext, type Done } from '../effects';

export { PRESENCE_WINDOW_SECONDS };

/** Records that this person has the story open (at `version`) and says who else does. */
export async function heartbeat({ db, actor }: DeskContext, { articleId, version }: { articleId: number; version: number }): Promise<Done<PresenceReport>> {
  if (!can(actor.role, 'desk.access')) throw new AppError('FORBIDDEN');
  if (!Number.isSafeInteger(articleId) || !Number.isSafeInteger(version)) throw new AppError('NOT_FOUND');
  const [article] = await db.select({ version: articles.version }).from(articles).where(eq(articles.id, articleId));
  if (!article) throw new AppError('NOT_FOUND');
  await db
    .insert(articlePresence)
    .values({ articleId, userId: actor.id, version })
    .onConflictDoUpdate({ target: [articlePresence.articleId, articlePresence.userId], set: { version, seenAt: sql`now()` } });
  const others = await db
    .select({ name: users.name })
    .from(articlePresence)
    .innerJoin(users, eq(users.id, articlePresence.userId))
    .where(
      and(
        eq(articlePresence.articleId, articleId),
        ne(articlePresence.userId, actor.id),
        gt(articlePresence.seenAt, sql`now() - make_interval(secs => ${PRESENCE_WINDOW_SECONDS})`),
      ),
    )
    .orderBy(users.name);
  return done({ others, version: article.version });
}

/** Closing the editor removes the person at once rather than after the window. */
export async function leave({ db, actor }: DeskContext, { articleId }: { articleId: number }): Promise<Done> {
  if (!Number.isSafeInteger(articleId)) return done(undefined);
  await db.delete(articlePresence).where(and(eq(articlePresence.articleId, articleId), eq(articlePresence.userId, actor.id)));
  return done(undefined);
}
