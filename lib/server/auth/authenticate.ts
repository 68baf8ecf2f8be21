import 'server-only';
import { recordActivity } from '@/db/activity';
import type { Executor } from '@/db/client';
import { createSession } from '@/db/sessions';
import { activeLock, clearFailures, countAttempt, forgiveAttempt, pruneSpentCounters } from '@/db/sign-in-throttle';
import { findUserForSignIn } from '@/db/users';
import { normaliseEmail } from '@/lib/auth/email';
import { knownDeviceFor, rememberDevice } from '@/lib/auth/known-device';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { THROTTLE_LIMITS, THROTTLE_LOCK_MINUTES, signInCounters, type ThrottleKind } from '@/lib/auth/throttle-policy';
import { authKey } from './auth-keys';
import { firstRefusalUnder } from './logged-locks';

export interface SignInAttempt {
  email: unknown;
  password: unknown;
  /** The client's address as lib/server/client-address.ts determines it. */
  ip: string;
  userAgent: string | null;
  /** The browser's known-device cookie, if it sent one. */
  knownDevice?: string | null;
}

export type AuthenticationResult =
  | { ok: true; userId: number; sessionId: string; /** The known-device cookie's new value. */ knownDevice: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number; scope: ThrottleKind };

// Unknown accounts are checked against this hash so that they take as long as known ones.
let timingHash: Promise<string> | undefined;
const equaliserHash = () => (timingHash ??= hashPassword('midad-timing-equaliser-not-a-password'));

/**
 * Checks a sign-in attempt against the limits of lib/auth/throttle-policy.ts, then the password.
 * The answer is the same for an unknown account, a wrong password and a deactivated account;
 * limits are checked before the password, so a limited attempt learns nothing.
 */
export async function authenticate(db: Executor, attempt: SignInAttempt): Promise<AuthenticationResult> {
  const email = typeof attempt.email === 'string' ? normaliseEmail(attempt.email).slice(0, 254) : '';
  const password = typeof attempt.password === 'string' ? attempt.password.slice(0, 200) : '';
  const deviceKey = authKey('known-device');
  const deviceId = email ? knownDeviceFor(deviceKey, attempt.knownDevice, email) : null;
  const counters = signInCounters(email, attempt.ip, deviceId);

  const address = attempt.ip;
  // The typed email is kept only when it names an account: people type passwords into the wrong
  // field, and an admin reading the log must not read them.
  const logged = async (user?: { id: number } | null) => {
    const account = user === undefined ? (email ? await findUserForSignIn(db, email) : null) : user;
    return { subjectUserId: account?.id ?? null, details: { email: account ? loggable(email) : null, address } };
  };

  const limited = async (scope: ThrottleKind, retryAfterSeconds: number, lockIdentity?: string): Promise<AuthenticationResult> => {
    if (lockIdentity === undefined || firstRefusalUnder(lockIdentity)) {
      const { subjectUserId, details } = await logged();
      await recordActivity(db, { kind: 'auth.sign_in_limited', actorId: null, subjectUserId, details: { ...details, scope, retryAfterSeconds } });
    }
    return { ok: false, reason: 'locked', retryAfterSeconds, scope };
  };

  const lock = await activeLock(db, counters.checked);
  if (lock) return limited(lock.kind, lock.retryAfterSeconds, lock.identity);

  const counts = new Map<string, number>();
  for (const counter of counters.counted) counts.set(counter.key, await countAttempt(db, counter));
  const over = counters.checked.find((c) => counts.get(c.key)! > THROTTLE_LIMITS[c.kind]);
  if (over) {
    // Parallel attempts raced past the lock check: the limit holds, the rest are refused unheard.
    const raced = await activeLock(db, counters.checked);
    return limited(raced?.kind ?? over.kind, raced?.retryAfterSeconds ?? THROTTLE_LOCK_MINUTES * 60, raced?.identity);
  }

  const user = email ? await findUserForSignIn(db, email) : undefined;
  let passwordOk = false;
  if (user) passwordOk = await verifyPassword(user.passwordHash, password);
  else await verifyPassword(await equaliserHash(), password); // spend the same time, ignore the answer

  if (!user || !passwordOk || !user.active) {
    await recordActivity(db, { kind: 'auth.sign_in_failed', actorId: null, ...(await logged(user ?? null)) });
    await pruneSpentCounters(db);
    return { ok: false, reason: 'invalid' };
  }
  await clearFailures(db, counters.cleared);
  for (const counter of counters.counted) if (!counters.cleared.includes(counter)) await forgiveAttempt(db, counter);
  const sessionId = await createSession(db, user.id, attempt.userAgent);
  await recordActivity(db, { kind: 'auth.signed_in', actorId: user.id, subjectUserId: user.id, details: { address } });
  return { ok: true, userId: user.id, sessionId, knownDevice: rememberDevice(deviceKey, attempt.knownDevice, email) };
}

/** The typed email as the log keeps it: invisible and control characters shown, not obeyed. */
function loggable(email: string): string {
  return email.replace(/[\p{Cc}\p{Cf}]/gu, '\uFFFD');
}
