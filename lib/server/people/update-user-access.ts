import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { recordActivity } from '@/db/activity';
import type { Executor } from '@/db/client';
import { users } from '@/db/schema';
import { countOtherActiveAdmins, findUserById, revokeAllSessions } from '@/db/users';
import { ZRole } from '@/lib/auth/user-input';
import { AppError } from '@/lib/errors';
import { can, type Role } from '@/lib/permissions';
import { deskView, done, type Actor, type DeskContext, type Done } from '../effects';

/**
 * Serialises every change to people's access until the transaction ends. Two admins demoting or
 * deactivating each other at once would each count the other as the admin who remains, and both
 * commit; queued behind this lock, the second counts after the first has committed.
 */
async function lockAccessChanges(tx: Executor) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('midad.user_access'))`);
}

async function loadForChange(tx: Executor, actor: Actor, userId: number) {
  if (!can(actor.role, 'users.manage')) throw new AppError('FORBIDDEN');
  // Read after the lock: the person as the previous change left them.
  await lockAccessChanges(tx);
  const user = await findUserById(tx, userId);
  if (!user) throw new AppError('NOT_FOUND');
  return user;
}

/** Keeps at least one active admin, so the newsroom can always be administered. */
async function assertNotLastAdmin(db: Executor, user: { id: number; role: Role; active: boolean }) {
  if (user.role === 'admin' && user.active && (await countOtherActiveAdmins(db, user.id)) === 0) {
    throw new AppError('LAST_ADMIN');
  }
}

/** The new role applies on the person's next request: sessions read the role from the database. */
export async function changeUserRole({ db, actor }: DeskContext, { userId, role }: { userId: number; role: unknown }): Promise<Done> {
  // Permission before validation: a caller without it learns nothing about what would be accepted.
  if (!can(actor.role, 'users.manage')) throw new AppError('FORBIDDEN');
  const nextRole = ZRole.parse(role);
  await db.transaction(async (tx) => {
    const user = await loadForChange(tx, actor, userId);
    if (user.role === nextRole) return;
    if (nextRole !== 'admin') await assertNotLastAdmin(tx, user);
    await tx.update(users).set({ role: nextRole }).where(eq(users.id, userId));
    await recordActivity(tx, { kind: 'person.role_changed', actorId: actor.id, subjectUserId: userId, details: { from: user.role, to: nextRole } });
  });
  return done(undefined, deskView('/desk/users'));
}

/** Deactivation ends every session of the person at once; reactivation lets them sign in again. */
export async function setUserActive({ db, actor }: DeskContext, { userId, active }: { userId: number; active: boolean }): Promise<Done> {
  await db.transaction(async (tx) => {
    const user = await loadForChange(tx, actor, userId);
    if (user.active === active) return;
    if (!active) {
      await assertNotLastAdmin(tx, user);
      await revokeAllSessions(tx, userId);
    }
    await tx.update(users).set({ active }).where(eq(users.id, userId));
    await recordActivity(tx, { kind: active ? 'person.reactivated' : 'person.deactivated', actorId: actor.id, subjectUserId: userId, details: {} });
  });
  return done(undefined, deskView('/desk/users'));
}
