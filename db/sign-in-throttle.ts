import { inArray, sql } from 'drizzle-orm';
import {
  THROTTLE_LIMITS,
  THROTTLE_LOCK_MINUTES,
  THROTTLE_WINDOW_MINUTES,
  type ThrottleKind,
} from '../lib/auth/throttle-policy';
import type { Executor } from './client';
import { signInThrottle } from './schema';

/** The latest lock among these keys, if any is still in force. */
export async function activeLockUntil(db: Executor, keys: string[]): Promise<Date | null> {
  const rows = await db
    .select({ lockedUntil: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(inArray(signInThrottle.key, keys));
  const now = Date.now();
  const locks = rows.map((r) => r.lockedUntil).filter((d): d is Date => d !== null && d.getTime() > now);
  return locks.length ? new Date(Math.max(...locks.map((d) => d.getTime()))) : null;
}

/**
 * Counts one failure against a key in a single statement, so concurrent attempts from several
 * server processes are all counted. Starts a new window when the old one has passed, and locks
 * the key when its limit is reached.
 */
export async function recordFailure(db: Executor, kind: ThrottleKind, key: string): Promise<void> {
  const limit = THROTTLE_LIMITS[kind];
  const windowExpired = sql`sign_in_throttle.window_started_at < now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})`;
  const nextFailures = sql`case when ${windowExpired} then 1 else sign_in_throttle.failures + 1 end`;
  await db
    .insert(signInThrottle)
    .values({ key, failures: 1, lockedUntil: limit <= 1 ? sql`now() + make_interval(mins => ${THROTTLE_LOCK_MINUTES})` : null })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: nextFailures,
        windowStartedAt: sql`case when ${windowExpired} then now() else sign_in_throttle.window_started_at end`,
        lockedUntil: sql`case when ${nextFailures} >= ${limit} then now() + make_interval(mins => ${THROTTLE_LOCK_MINUTES}) else sign_in_throttle.locked_until end`,
      },
    });
}

export async function clearFailures(db: Executor, keys: string[]): Promise<void> {
  if (keys.length) await db.delete(signInThrottle).where(inArray(signInThrottle.key, keys));
}
