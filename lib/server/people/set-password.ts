import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { recordActivity } from '@/db/activity';
import { users, userSessions } from '@/db/schema';
import { activeLock, clearFailures, countAttempt } from '@/db/sign-in-throttle';
import { findUserById, findUserForSignIn, revokeAllSessions } from '@/db/users';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { THROTTLE_LIMITS, THROTTLE_LOCK_MINUTES, passwordCheckCounter } from '@/lib/auth/throttle-policy';
import { ZPassword } from '@/lib/auth/user-input';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { deskView, done, type DeskContext, type Done } from '../effects';
import { firstRefusalUnder } from '../auth/logged-locks';

/** An admin sets someone's password; that person's sessions end so the old password stops working everywhere. */
export async function resetUserPassword({ db, actor }: DeskContext, { userId, password }: { userId: number; password: unknown }): Promise<Done> {
  if (!can(actor.role, 'users.manage')) throw new AppError('FORBIDDEN');
  const passwordHash = await hashPassword(ZPassword.parse(password));
  const user = await findUserById(db, userId);
  if (!user) throw new AppError('NOT_FOUND');
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await revokeAllSessions(tx, userId);
    await recordActivity(tx, { kind: 'person.password_reset', actorId: actor.id, subjectUserId: userId, details: {} });
  });
  return done(undefined, deskView('/desk/users'));
}

/**
 * Anyone changes their own password with the current one; their other sessions end, this one
 * stays. Wrong current passwords are limited per person (a stolen session must not become a
 * password-guessing oracle): over the limit the check is refused without being made.
 */
export async function changeOwnPassword(
  { db, actor }: DeskContext,
  { current, password, address }: { current: unknown; password: unknown; address: string },
): Promise<Done> {
  const newPassword = ZPassword.parse(password);
  const counter = passwordCheckCounter(actor.id);
  let lock = await activeLock(db, [counter]);
  if (!lock && (await countAttempt(db, counter)) > THROTTLE_LIMITS.password) {
    // Parallel checks raced past the lock: the limit holds all the same.
    lock = (await activeLock(db, [counter])) ?? { kind: 'password', retryAfterSeconds: THROTTLE_LOCK_MINUTES * 60, identity: `${counter.key}@raced` };
  }
  if (lock) {
    const details = { address, retryAfterSeconds: lock.retryAfterSeconds };
    if (firstRefusalUnder(lock.identity)) {
      await recordActivity(db, { kind: 'auth.password_check_limited', actorId: actor.id, subjectUserId: actor.id, details });
    }
    throw new AppError('TOO_MANY_ATTEMPTS', undefined, { field: 'currentPassword' });
  }
  const user = await findUserForSignIn(db, actor.email);
  if (!user || typeof current !== 'string' || !(await verifyPassword(user.passwordHash, current.slice(0, 200)))) {
    await recordActivity(db, { kind: 'auth.password_check_failed', actorId: actor.id, subjectUserId: actor.id, details: { address } });
    throw new AppError('WRONG_PASSWORD', undefined, { field: 'currentPassword' });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.id));
    await tx
      .update(userSessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(userSessions.userId, actor.id), ne(userSessions.id, actor.sessionId), sql`${userSessions.revokedAt} is null`));
    await clearFailures(tx, [counter]);
    await recordActivity(tx, { kind: 'auth.password_changed', actorId: actor.id, subjectUserId: actor.id, details: { address } });
  });
  return done(undefined);
}
