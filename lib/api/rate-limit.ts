/**
 * Fixed-window request counters for the content API (docs/decisions/0030). A window is a whole
 * minute of the clock (or `windowMs`), so every node computes the same window for the same
 * instant and the counters can be shared through Redis with nothing but INCR. The store is
 * given; this module only decides.
 */

export interface CounterStore {
  /** Adds one to `key` and answers the count so far; the key may be forgotten after `ttlMs`. */
  increment(key: string, ttlMs: number): Promise<number>;
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window ends and the count starts again (at least 1). */
  resetSeconds: number;
}

export const RATE_WINDOW_MS = 60_000;

export async function countRequest(
  store: CounterStore,
  options: { subject: string; limit: number; now: number; windowMs?: number },
): Promise<RateDecision> {
  const windowMs = options.windowMs ?? RATE_WINDOW_MS;
  const window = Math.floor(options.now / windowMs);
  const count = await store.increment(`${options.subject}:${window}`, windowMs * 2);
  const resetSeconds = Math.max(1, Math.ceil(((window + 1) * windowMs - options.now) / 1000));
  return { allowed: count <= options.limit, limit: options.limit, remaining: Math.max(0, options.limit - count), resetSeconds };
}

/**
 * The headers an answer carries about its counter: the IETF draft's `RateLimit-*` names and the
 * older `X-RateLimit-*` ones many clients still read; `Retry-After` when refused.
 */
export function rateLimitHeaders(decision: RateDecision, windowMs: number = RATE_WINDOW_MS): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(decision.resetSeconds),
    'RateLimit-Policy': `${decision.limit};w=${Math.round(windowMs / 1000)}`,
    'X-RateLimit-Limit': String(decision.limit),
    'X-RateLimit-Remaining': String(decision.remaining),
    'X-RateLimit-Reset': String(decision.resetSeconds),
  };
  if (!decision.allowed) headers['Retry-After'] = String(decision.resetSeconds);
  return headers;
}

/** Counters in this process's memory: for a single node, and while Redis does not answer. */
export class MemoryCounterStore implements CounterStore {
  private readonly counts = new Map<string, { count: number; expiresAt: number }>();
  private sweptAt = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  async increment(key: string, ttlMs: number): Promise<number> {
    const now = this.clock();
    this.sweep(now, ttlMs);
    const entry = this.counts.get(key);
    if (entry && entry.expiresAt > now) {
      entry.count += 1;
      return entry.count;
    }
    this.counts.set(key, { count: 1, expiresAt: now + ttlMs });
    return 1;
  }

  /** Drops finished windows now and then, so a stream of new addresses cannot grow the map for ever. */
  private sweep(now: number, ttlMs: number) {
    if (now - this.sweptAt < ttlMs) return;
    this.sweptAt = now;
    for (const [key, entry] of this.counts) if (entry.expiresAt <= now) this.counts.delete(key);
  }
}
