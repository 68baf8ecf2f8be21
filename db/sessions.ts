import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Role } from '../lib/permissions/roles';
import { recordActivity } from './activity';
import type { Executor } from './client';
import { users, userSessions } from './schema';

export const SESSION_DAYS = 14;

export async function createSession(db: Executor, userId: number, userAgent: string | null): Promise<string> {
  const [row] = await db
    .insert(userSessions)
    .values({
      userId,
      userAgent: userAgent?.slice(0, 300) ?? null,
      expiresAt: sql`now() + make_interval(days => ${SESSION_DAYS})`,
    })
    .returning({ id: userSessions.id });
  return row!.id;
}

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The person behind a session id, read fresh from the database: nobody when the session was
 * revoked (sign-out), has expired, or its user is deactivated. The role is the current one.
 */
export async function findSessionUser(db: Executor, sessionId: string): Promise<SessionUser | null> {
  if (!UUID.test(sessionId)) return null;
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(
      and(
        eq(userSessions.id, sessionId),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, sql`now()`),
        eq(users.active, true),
      ),
    );
  return row ? { ...row, sessionId } : null;
}

/**
 * Ends a session (sign-out). Only the call that actually ends a live session records the
 * sign-out in the activity log, so a replayed or repeated sign-out adds nothing.
 */
export async function revokeSession(db: Executor, sessionId: string): Promise<void> {
  if (!UUID.test(sessionId)) return;
  const [ended] = await db
    .update(userSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)))
    .returning({ userId: userSessions.userId, live: sql<boolean>`${userSessions.expiresAt} > now()` });
  if (ended?.live) {
    await recordActivity(db, { kind: 'auth.signed_out', actorId: ended.userId, subjectUserId: ended.userId, details: {} });
  }
}
