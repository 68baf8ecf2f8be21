import 'server-only';
import { revokeSession } from '@/db/sessions';
import { done, type DeskContext, type Done } from '../effects';

/** Ends this session on the server first, so a copy of its cookie is refused from now on. */
export async function signOut({ db, actor }: DeskContext): Promise<Done> {
  await revokeSession(db, actor.sessionId);
  return done(undefined);
}
