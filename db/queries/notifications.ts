import { and, desc, eq, gt, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Role } from '../../lib/permissions/roles';
import { can } from '../../lib/permissions';
import { getDb, type Executor } from '../client';
import { articleEvents, articleRevisions, articles, users } from '../schema';
import { notificationReads } from '../schema/activity';

/** Decisions an author hears about when someone else takes them on their story. */
const AUTHOR_EVENTS = ['request_changes', 'approve', 'publish', 'schedule', 'unpublish', 'scheduled_publish'];

export interface NotificationView {
  id: number;
  articleId: number;
  title: string;
  action: string;
  actorName: string;
  note: string | null;
  createdAt: Date;
  unread: boolean;
}

/**
 * What concerns this person: for reviewers, every new submission; for authors, decisions others
 * took on their stories (with the note). Their own actions never notify them.
 */
function relevantTo(user: { id: number; role: Role }): SQL {
  const mine = and(eq(articles.createdBy, user.id), inArray(articleEvents.action, AUTHOR_EVENTS));
  const toReview = can(user.role, 'article.review') ? eq(articleEvents.action, 'submit') : undefined;
  return and(ne(articleEvents.actorId, user.id), toReview ? or(mine, toReview) : mine)!;
}

const seenSince = (userId: number) =>
  sql`coalesce((select ${notificationReads.seenAt} from ${notificationReads} where ${notificationReads.userId} = ${userId}), (select ${users.createdAt} from ${users} where ${users.id} = ${userId}))`;

export async function countUnreadNotifications(user: { id: number; role: Role }, db: Executor = getDb()): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(articleEvents)
    .innerJoin(articles, eq(articles.id, articleEvents.articleId))
    .where(and(relevantTo(user), gt(articleEvents.createdAt, seenSince(user.id))));
  return row?.n ?? 0;
}

export async function listNotifications(user: { id: number; role: Role }, limit = 50, db: Executor = getDb()): Promise<NotificationView[]> {
  const actor = alias(users, 'actor');
  return db
    .select({
      id: articleEvents.id,
      articleId: articles.id,
      title: articleRevisions.title,
      action: articleEvents.action,
      actorName: actor.name,
      note: articleEvents.note,
      createdAt: articleEvents.createdAt,
      unread: sql<boolean>`${articleEvents.createdAt} > ${seenSince(user.id)}`,
    })
    .from(articleEvents)
    .innerJoin(articles, eq(articles.id, articleEvents.articleId))
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
    .innerJoin(actor, eq(actor.id, articleEvents.actorId))
    .where(relevantTo(user))
    .orderBy(desc(articleEvents.id))
    .limit(limit);
}

export async function markNotificationsSeen(userId: number, db: Executor = getDb()): Promise<void> {
  await db
    .insert(notificationReads)
    .values({ userId })
    .onConflictDoUpdate({ target: notificationReads.userId, set: { seenAt: sql`now()` } });
}
