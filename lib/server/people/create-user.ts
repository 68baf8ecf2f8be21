import 'server-only';
import { recordActivity } from '@/db/activity';
import { emailTaken, upsertUser, type UserView } from '@/db/users';
import { ZNewUser } from '@/lib/auth/user-input';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { deskView, done, type DeskContext, type Done } from '../effects';

export async function createUser({ db, actor }: DeskContext, input: unknown): Promise<Done<UserView>> {
  if (!can(actor.role, 'users.manage')) throw new AppError('FORBIDDEN');
  const data = ZNewUser.parse(input);
  const created = await db.transaction(async (tx) => {
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
  return done(created, deskView('/desk/users'));
}
