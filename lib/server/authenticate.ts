import 'server-only';
import type { Executor } from '@/db/client';
import { createSession } from '@/db/sessions';
import { activeLockUntil, clearFailures, recordFailure } from '@/db/sign-in-throttle';
import { findUserForSignIn } from '@/db/users';
import { normaliseEmail } from '@/lib/auth/email';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { throttleKeys } from '@/lib/auth/throttle-policy';

export type AuthenticationResult =
  | { ok: true; userId: number; sessionId: string }
  | { ok: false; reason: 'invalid' | 'locked' };

// Unknown accounts are checked against this hash so that they take as long as known ones.
let timingHash: Promise<string> | undefined;
const equaliserHash = () => (timingHash ??= hashPassword('midad-timing-equaliser-not-a-password'));

/**
 * Checks a sign-in attempt. The answer is the same for an unknown account, a wrong password and
 * a deactivated account; locks are checked before the password so a locked key learns nothing.
 */
export async function authenticate(
  db: Executor,
  attempt: { email: unknown; password: unknown; ip: string; userAgent: string | null },
): Promise<AuthenticationResult> {
  const email = typeof attempt.email === 'string' ? normaliseEmail(attempt.email).slice(0, 254) : '';
  const password = typeof attempt.password === 'string' ? attempt.password.slice(0, 200) : '';
  const keys = throttleKeys(email, attempt.ip);

  if (await activeLockUntil(db, keys.map((k) => k.key))) return { ok: false, reason: 'locked' };

  const user = email ? await findUserForSignIn(db, email) : undefined;
  let passwordOk = false;
  if (user) passwordOk = await verifyPassword(user.passwordHash, password);
  else await verifyPassword(await equaliserHash(), password); // spend the same time, ignore the answer

  if (!user || !passwordOk || !user.active) {
    for (const { kind, key } of keys) await recordFailure(db, kind, key);
    return { ok: false, reason: 'invalid' };
  }
  await clearFailures(db, keys.filter((k) => k.kind !== 'ip').map((k) => k.key));
  return { ok: true, userId: user.id, sessionId: await createSession(db, user.id, attempt.userAgent) };
}
