import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import {
  THROTTLE_LIMITS,
  THROTTLE_LOCK_MINUTES,
  THROTTLE_WINDOW_MINUTES,
  kindOfKey,
  type ThrottleCounter,
  type ThrottleKind,
} from '../lib/auth/throttle-policy';
import { queryRows, type Executor } from './client';
import { signInThrottle } from './schema';

export interface ActiveLock {
  kind: ThrottleKind;
  /** Whole seconds until the lock ends, at least 1; measured by the database's clock. */
  retryAfterSeconds: number;
  /** Which counter is locked and until when: together they name this one lock. */
  identity: string;
}

/** The lock among these counters that ends last, if any is in force. */
export async function activeLock(db: Executor, counters: ThrottleCounter[]): Promise<ActiveLock | null> {
  if (!counters.length) return null;
  const keys = counters.map((c) => c.key);
  const [row] = await queryRows<{ key: string; seconds: number | string; until: string }>(
    db,
    sql`select key, ceil(extract(epoch from (locked_until - now())))::int as seconds, locked_until::text as until
        from sign_in_throttle
        where key in (${sql.join(
          keys.map((k) => sql`${k}`),
          sql`, `,
        )}) and locked_until > now()
        order by locked_until desc
        limit 1`,
  );
  if (!row) return null;
  return {
    kind: kindOfKey(row.key) ?? 'account',
    retryAfterSeconds: Math.max(1, Number(row.seconds)),
    identity: `${row.key}@${row.until}`,
  };
}

/**
 * Counts one attempt against a counter in a single statement, so concurrent attempts from
 * several server processes are all counted, and answers the count in the current window. Counting
 * happens before the password is checked: a burst of parallel guesses sees the count go past the
 * limit and stops there, instead of all slipping through before the first failure is written.
 * The counter is locked when it reaches its limit, and counting further never extends a lock in
 * force, so every lock ends on time.
 */
export async function countAttempt(db: Executor, { kind, key }: ThrottleCounter): Promise<number> {
  const limit = THROTTLE_LIMITS[kind];
  const lockFromNow = sql`now() + make_interval(mins => ${THROTTLE_LOCK_MINUTES})`;
  // A new window starts when the old one has passed or its lock has ended: a guesser who sat
  // out a lock faces the full limit again, never an immediate new lock.
  const fresh = sql`(sign_in_throttle.window_started_at < now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})
    or sign_in_throttle.locked_until <= now())`;
  const nextFailures = sql`case when ${fresh} then 1 else sign_in_throttle.failures + 1 end`;
  const [row] = await db
    .insert(signInThrottle)
    .values({ key, failures: 1, lockedUntil: limit <= 1 ? lockFromNow : null })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: nextFailures,
        windowStartedAt: sql`case when ${fresh} then now() else sign_in_throttle.window_started_at end`,
        lockedUntil: sql`case
          when sign_in_throttle.locked_until > now() then sign_in_throttle.locked_until
          when ${nextFailures} >= ${limit} then ${lockFromNow}
          else null end`,
      },
    })
    .returning({ failures: signInThrottle.failures });
  return row!.failures;
}

/**
 * Takes back an attempt counted by countAttempt that turned out to be the right password, and
 * the lock it set if the remaining failures stay under the limit.
 */
export async function forgiveAttempt(db: Executor, { kind, key }: ThrottleCounter): Promise<void> {
  const limit = THROTTLE_LIMITS[kind];
  await db
    .update(signInThrottle)
    .set({
      failures: sql`greatest(sign_in_throttle.failures - 1, 0)`,
      lockedUntil: sql`case when sign_in_throttle.failures - 1 >= ${limit} then sign_in_throttle.locked_until else null end`,
    })
    .where(eq(signInThrottle.key, key));
}

export async function clearFailures(db: Executor, counters: ThrottleCounter[]): Promise<void> {
  if (counters.length) await db.delete(signInThrottle).where(inArray(signInThrottle.key, counters.map((c) => c.key)));
}

/** How many spent counters one prune removes at most, so no single attempt pays for a backlog. */
export const PRUNE_BATCH = 200;

/**
 * Deletes counters that can no longer refuse or count anything: their window has passed and they
 * hold no lock in force. Called on failures, so the table stays as small as the recent guessing,
 * in bounded steps.
 */
export async function pruneSpentCounters(db: Executor, batch = PRUNE_BATCH): Promise<void> {
  const spent = and(
    lt(signInThrottle.windowStartedAt, sql`now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})`),
    or(isNull(signInThrottle.lockedUntil), lt(signInThrottle.lockedUntil, sql`now()`)),
  );
  const victims = db.select({ key: signInThrottle.key }).from(signInThrottle).where(spent).limit(batch);
  await db.delete(signInThrottle).where(and(inArray(signInThrottle.key, victims), spent));
}
