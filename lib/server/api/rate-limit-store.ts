import 'server-only';
import { createClient } from 'redis';
import { MemoryCounterStore, type CounterStore } from '@/lib/api/rate-limit';
import { appConfig } from '@/lib/config/server';

/**
 * Where the content API's request counters live (docs/decisions/0030). With REDIS_URL every node
 * counts in the one Redis, so a client spreading its requests over many nodes meets one limit;
 * without it, in this process. If Redis does not answer in time, the count is kept in this
 * process for that request rather than refusing readers or failing the call.
 */

/** A count that takes longer than this is made in memory instead: the API does not wait on Redis. */
export const REDIS_COUNT_TIMEOUT_MS = 500;
export const RATE_KEY_PREFIX = 'midad:api-rate:';

type Redis = ReturnType<typeof createClient>;

export class RedisCounterStore implements CounterStore {
  /** The first connection: counts wait for it (bounded by the fallback's timeout); later outages fail fast. */
  private readonly firstConnection: Promise<void>;

  constructor(
    private readonly client: Redis,
    private readonly prefix: string = RATE_KEY_PREFIX,
  ) {
    this.firstConnection = client.isReady ? Promise.resolve() : new Promise((resolve) => client.once('ready', () => resolve()));
  }

  async increment(key: string, ttlMs: number): Promise<number> {
    await this.firstConnection;
    const name = `${this.prefix}${key}`;
    // The window is in the key, so the expiry only clears finished windows away.
    const [count] = await this.client.multi().incr(name).pExpire(name, ttlMs).exec();
    return Number(count);
  }
}

/** Counts in `primary`, and in `fallback` whenever `primary` fails or is slow. */
export class FallbackCounterStore implements CounterStore {
  private warnedAt = 0;

  constructor(
    private readonly primary: CounterStore,
    private readonly fallback: CounterStore,
    private readonly timeoutMs: number = REDIS_COUNT_TIMEOUT_MS,
  ) {}

  async increment(key: string, ttlMs: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.primary.increment(key, ttlMs),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
        }),
      ]);
    } catch (error) {
      if (Date.now() - this.warnedAt > 60_000) {
        this.warnedAt = Date.now();
        console.warn('[api rate limit] Redis did not count a request; counting in this process meanwhile:', error instanceof Error ? error.message : error);
      }
      return this.fallback.increment(key, ttlMs);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A Redis client for counters: commands fail at once while disconnected instead of queueing. */
export function counterRedisClient(url: string): Redis {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * (retries + 1), 2_000) },
  });
  client.on('error', () => {
    // Reported by FallbackCounterStore when a count fails; the client reconnects by itself.
  });
  client.connect().catch(() => {});
  return client;
}

const holder = globalThis as typeof globalThis & { __midadApiCounters?: { url: string | undefined; store: CounterStore } };

/** This process's counter store, made once (and again only if REDIS_URL changes, as in tests). */
export function apiCounterStore(): CounterStore {
  const url = appConfig().redisUrl;
  if (holder.__midadApiCounters?.url !== url || !holder.__midadApiCounters) {
    const memory = new MemoryCounterStore();
    holder.__midadApiCounters = { url, store: url ? new FallbackCounterStore(new RedisCounterStore(counterRedisClient(url)), memory) : memory };
  }
  return holder.__midadApiCounters.store;
}
