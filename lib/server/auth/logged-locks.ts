import 'server-only';

// Locks this process has already written to the activity log. A lock refuses every attempt until
// it ends, cheaply; logging each refusal would let anyone grow the append-only log at will, so
// each lock is logged once per server process. Bounded: the oldest are forgotten first.
const loggedLocks = new Set<string>();
const LOGGED_LOCKS_KEPT = 10_000;

/** True the first time this process meets a lock (by its identity), false after that. */
export function firstRefusalUnder(lockIdentity: string): boolean {
  if (loggedLocks.has(lockIdentity)) return false;
  loggedLocks.add(lockIdentity);
  if (loggedLocks.size > LOGGED_LOCKS_KEPT) loggedLocks.delete(loggedLocks.values().next().value!);
  return true;
}
