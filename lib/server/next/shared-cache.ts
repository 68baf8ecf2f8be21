import type { CacheHandler, CacheHandlerValue } from 'next/dist/server/lib/incremental-cache';

/*
 * Next's cache in Redis, shared by every node of one build (docs/decisions/0019), on
 * @trieb.work/nextjs-turbo-redis-cache: entries and their tags live in Redis, each node keeps a
 * copy of the tag index that Redis keeps in step, and revalidating a tag on one node deletes the
 * entries for every node.
 *
 * What this layer adds is the rule for outages: without Redis, pages are rendered afresh — never
 * served stale, never an error. A read that fails or is slow is a miss; a write that fails is
 * dropped; a tag this node could not revalidate is kept and sent again until Redis takes it, and
 * until then this node reads nothing from Redis, since what is there may be what the tag should
 * have removed.
 */

type Store = Pick<CacheHandler, 'get' | 'set' | 'revalidateTag'>;
type Durations = Parameters<CacheHandler['revalidateTag']>[1];

/** A read from Redis that takes longer than this is a miss: rendering is faster than waiting. */
export const SHARED_READ_TIMEOUT_MS = 500;
/** Writes and revalidations that take longer than this count as failed. */
export const SHARED_WRITE_TIMEOUT_MS = 2_000;
/** How often tags that could not be revalidated are sent again. */
export const PENDING_RETRY_MS = 1_000;

class TimedOut extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface SharedCacheOptions {
  redisUrl: string;
  /** Names the build: two builds never read each other's entries. */
  keyPrefix: string;
  /** Where problems are reported (the server log). */
  log?: (message: string, error?: unknown) => void;
}

/** Opens the shared store: one Redis client per process, whatever number of handlers Next creates. */
export async function openSharedCache(options: SharedCacheOptions): Promise<SharedCache> {
  const { RedisStringsHandler } = await import('@trieb.work/nextjs-turbo-redis-cache');
  const url = new URL(options.redisUrl);
  const database = /^\/\d+$/.test(url.pathname) ? Number(url.pathname.slice(1)) : 0;
  const store = new RedisStringsHandler({
    redisUrl: options.redisUrl,
    database,
    keyPrefix: options.keyPrefix,
    getTimeoutMs: SHARED_READ_TIMEOUT_MS,
    // Every read goes to Redis: a copy kept in this process could outlive a revalidation on
    // another node. Concurrent reads of one key are still merged into one.
    inMemoryCachingTime: 0,
    // Never exit the process over Redis errors: pages render without it.
    killContainerOnErrorThreshold: 0,
  }) as unknown as Store;
  return new SharedCache(store, options.log ?? ((message, error) => console.error(message, error ?? '')));
}

export class SharedCache implements Store {
  private readonly pending = new Set<string>();
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  /** True while tags wait to be revalidated in Redis: this node then reads nothing from it. */
  get degraded(): boolean {
    return this.pending.size > 0;
  }

  async get(...args: Parameters<Store['get']>): Promise<CacheHandlerValue | null> {
    if (this.degraded) return null;
    try {
      return (await within(this.store.get(...args), SHARED_READ_TIMEOUT_MS)) ?? null;
    } catch (error) {
      this.log('shared cache: read failed, rendering afresh', error);
      return null;
    }
  }

  async set(...args: Parameters<Store['set']>): Promise<void> {
    if (this.degraded) return;
    try {
      await within(this.store.set(...args), SHARED_WRITE_TIMEOUT_MS);
    } catch (error) {
      this.log('shared cache: write failed, entry not kept', error);
    }
  }

  /** Revalidates `tags` in Redis; when that fails, keeps them and tries again until it works. */
  async revalidateTag(tags: string | string[], durations?: Durations): Promise<void> {
    const list = [tags].flat();
    try {
      await within(this.store.revalidateTag(list, durations), SHARED_WRITE_TIMEOUT_MS);
    } catch (error) {
      this.log(`shared cache: could not revalidate ${list.length} tag(s); pages render afresh until Redis takes them`, error);
      for (const tag of list) this.pending.add(tag);
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.retryPending();
    }, PENDING_RETRY_MS);
    this.retryTimer.unref();
  }

  private async retryPending(): Promise<void> {
    const tags = [...this.pending];
    if (tags.length === 0) return;
    try {
      await within(this.store.revalidateTag(tags), SHARED_WRITE_TIMEOUT_MS);
      for (const tag of tags) this.pending.delete(tag);
      this.log(`shared cache: Redis took the ${tags.length} waiting tag(s) again; reading from it again`);
    } catch {
      // Still down: try again later, still reading nothing from Redis.
    }
    if (this.pending.size > 0) this.scheduleRetry();
  }
}
