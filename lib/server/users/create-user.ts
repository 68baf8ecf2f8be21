import 'server-only';
import { recordActivity } from '@/db/activity';
import type { Executor } from '@/db/client';
import { emailTaken, upsertUser, type UserView } from '@/db/users';
import { ZNewUser } from '@/lib/auth/user-input';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import type { Actor } from '../session';

export async function createUser(db: Executor, actor: Actor, input: unknown): Promise<UserView> {
  if (!can(actor.role, 'users.manage')) throw new AppError('FORBIDDEN');
  const data = ZNewUser.parse(input);
  return db.transaction(async (tx) => {
    if (await emailTaken(tx, data.email)) throw new AppError('EMAIL_TAKEN', undefined, { field: 'email' });
    const { user } = await upsertUser(tx, data);
    await recordActivity(tx, {
      kind: 'person.created',
      actorId: actor.id,
      subjectUserId: user.id,
      details: { email: user.email, role: user.role },
    });
    return user;
  });
}
