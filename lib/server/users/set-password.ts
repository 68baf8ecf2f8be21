import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { users, userSessions } from '@/db/schema';
import { findUserById, findUserForSignIn, revokeAllSessions } from '@/db/users';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { ZPassword } from '@/lib/auth/user-input';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/permissions';

import type { Actor } from '../session';

/** An admin sets someone's password; that person's sessions end so the old password stops working everywhere. */
export async function resetUserPassword(db: Executor, actor: Actor, userId: number, password: unknown): Promise<void> {
  if (!can(actor.role, 'users.manage')) throw new AppError('FORBIDDEN');
  const passwordHash = await hashPassword(ZPassword.parse(password));
  const user = await findUserById(db, userId);
  if (!user) throw new AppError('NOT_FOUND');
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await revokeAllSessions(tx, userId);
  });
}

/** Anyone changes their own password with the current one; their other sessions end, this one stays. */
export async function changeOwnPassword(db: Executor, actor: Actor, current: unknown, next: unknown): Promise<void> {
  const newPassword = ZPassword.parse(next);
  const user = await findUserForSignIn(db, actor.email);
  if (!user || typeof current !== 'string' || !(await verifyPassword(user.passwordHash, current))) {
    throw new AppError('WRONG_PASSWORD', undefined, { field: 'currentPassword' });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, actor.id));
    await tx
      .update(userSessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(userSessions.userId, actor.id), ne(userSessions.id, actor.sessionId), sql`${userSessions.revokedAt} is null`));
  });
}
