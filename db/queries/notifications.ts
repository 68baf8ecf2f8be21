import { and, desc, eq, gt, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { StoryKind } from '../../lib/activity/entries';
import type { Role } from '../../lib/permissions/roles';
import { can } from '../../lib/permissions';
import { getDb, type Executor } from '../client';
import { activityLog, articleRevisions, articles, users } from '../schema';
import { notificationReads } from '../schema/activity';

/** Decisions an author hears about when someone else takes them on their story. */
const AUTHOR_EVENTS: StoryKind[] = [
  'story.changes_requested',
  'story.approved',
  'story.published',
  'story.scheduled',
  'story.unpublished',
  'story.published_on_schedule',
];
/** What a reviewer hears about: a story waiting for review. */
const REVIEWER_EVENTS: StoryKind[] = ['story.submitted'];

/** A story entry from the activity log that concerns this person. */
export interface NotificationView {
  id: number;
  articleId: number;
  title: string;
  kind: string;
  actorName: string;
  at: Date;
  details: Record<string, unknown>;
  unread: boolean;
}

/**
 * What concerns this person: for reviewers, every new submission; for authors, decisions others
 * took on their stories (with the note). Their own actions never notify them.
 */
function relevantTo(user: { id: number; role: Role }): SQL {
  const mine = and(eq(articles.createdBy, user.id), inArray(activityLog.kind, AUTHOR_EVENTS));
  const toReview = can(user.role, 'article.review') ? inArray(activityLog.kind, REVIEWER_EVENTS) : undefined;
  return and(ne(activityLog.actorId, user.id), toReview ? or(mine, toReview) : mine)!;
}

const seenSince = (userId: number) =>
  sql`coalesce((select ${notificationReads.seenAt} from ${notificationReads} where ${notificationReads.userId} = ${userId}), (select ${users.createdAt} from ${users} where ${users.id} = ${userId}))`;

export async function countUnreadNotifications(user: { id: number; role: Role }, db: Executor = getDb()): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(activityLog)
    .innerJoin(articles, eq(articles.id, activityLog.articleId))
    .where(and(relevantTo(user), gt(activityLog.at, seenSince(user.id))));
  return row?.n ?? 0;
}

export async function listNotifications(user: { id: number; role: Role }, limit = 50, db: Executor = getDb()): Promise<NotificationView[]> {
  const actor = alias(users, 'actor');
  const rows = await db
    .select({
      id: activityLog.id,
      articleId: articles.id,
      title: articleRevisions.title,
      kind: activityLog.kind,
      actorName: actor.name,
      at: activityLog.at,
      details: activityLog.details,
      unread: sql<boolean>`${activityLog.at} > ${seenSince(user.id)}`,
    })
    .from(activityLog)
    .innerJoin(articles, eq(articles.id, activityLog.articleId))
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.currentRevisionId))
    .innerJoin(actor, eq(actor.id, activityLog.actorId))
    .where(relevantTo(user))
    .orderBy(desc(activityLog.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, details: (row.details ?? {}) as Record<string, unknown> }));
}

export async function markNotificationsSeen(userId: number, db: Executor = getDb()): Promise<void> {
  await db
    .insert(notificationReads)
    .values({ userId })
    .onConflictDoUpdate({ target: notificationReads.userId, set: { seenAt: sql`now()` } });
}
