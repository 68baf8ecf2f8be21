import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ActivityEntry, ActivityKind } from '../lib/activity/entries';
import type { Executor } from './client';
import { activityLog, articleRevisions, users } from './schema';

/**
 * Appends one entry to the newsroom activity log. Pass the transaction when the entry records a
 * change made in it, so the change and its entry commit together. `at` is for history written
 * after the fact (the sample stories); everything else is stamped by the database.
 */
export async function recordActivity(db: Executor, entry: ActivityEntry, at?: Date): Promise<void> {
  await db.insert(activityLog).values({
    kind: entry.kind,
    actorId: entry.actorId,
    articleId: entry.articleId ?? null,
    revisionId: entry.revisionId ?? null,
    subjectUserId: entry.subjectUserId ?? null,
    details: entry.details,
    ...(at ? { at } : {}),
  });
}

export interface ActivityFilter {
  actorId?: number;
  kind?: ActivityKind;
  articleId?: number;
  subjectUserId?: number;
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

export interface ActivityRow {
  id: number;
  at: Date;
  kind: string;
  actorId: number | null;
  actorName: string | null;
  articleId: number | null;
  /** The number of the story revision the entry concerns, if any. */
  revisionNumber: number | null;
  subjectUserId: number | null;
  subjectName: string | null;
  details: Record<string, unknown>;
}

const subjects = alias(users, 'subject');

/** Entries matching the filter, newest first, with the names of the people they involve. */
export async function listActivity(db: Executor, filter: ActivityFilter, page: { limit: number; offset: number }): Promise<ActivityRow[]> {
  const conditions: SQL[] = [];
  if (filter.actorId !== undefined) conditions.push(eq(activityLog.actorId, filter.actorId));
  if (filter.kind !== undefined) conditions.push(eq(activityLog.kind, filter.kind));
  if (filter.articleId !== undefined) conditions.push(eq(activityLog.articleId, filter.articleId));
  if (filter.subjectUserId !== undefined) conditions.push(eq(activityLog.subjectUserId, filter.subjectUserId));
  if (filter.from) conditions.push(gte(activityLog.at, filter.from));
  if (filter.to) conditions.push(lt(activityLog.at, filter.to));
  const rows = await db
    .select({
      id: activityLog.id,
      at: activityLog.at,
      kind: activityLog.kind,
      actorId: activityLog.actorId,
      actorName: users.name,
      articleId: activityLog.articleId,
      revisionNumber: articleRevisions.number,
      subjectUserId: activityLog.subjectUserId,
      subjectName: subjects.name,
      details: activityLog.details,
    })
    .from(activityLog)
    .leftJoin(users, eq(users.id, activityLog.actorId))
    .leftJoin(subjects, eq(subjects.id, activityLog.subjectUserId))
    .leftJoin(articleRevisions, eq(articleRevisions.id, activityLog.revisionId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(activityLog.at), desc(activityLog.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((row) => ({ ...row, details: (row.details ?? {}) as Record<string, unknown> }));
}
