import { describe, expect, it, vi } from 'vitest';
import { SharedCache } from './shared-cache';

/*
 * The outage rules of the shared cache, on a store that fails on command. (The store itself, Redis
 * through @trieb.work/nextjs-turbo-redis-cache, is exercised against a real Redis server by
 * e2e/shared-cache.spec.ts.)
 */

function failingStore() {
  const state = { down: false, revalidated: [] as string[][] };
  const fail = () => Promise.reject(new Error('Redis is down'));
  const store = {
    get: vi.fn(() => (state.down ? fail() : Promise.resolve({ lastModified: 1, value: null }))),
    set: vi.fn(() => (state.down ? fail() : Promise.resolve())),
    revalidateTag: vi.fn((tags: string | string[]) => {
      if (state.down) return fail();
      state.revalidated.push([tags].flat());
      return Promise.resolve();
    }),
  };
  return { state, store };
}

const quiet = () => {};

describe('SharedCache', () => {
  it('turns a failed read into a miss and a failed write into nothing', async () => {
    const { state, store } = failingStore();
    const cache = new SharedCache(store, quiet);
    state.down = true;
    await expect(cache.get('k', { kind: 'FETCH' } as never)).resolves.toBeNull();
    await expect(cache.set('k', null, {} as never)).resolves.toBeUndefined();
  });

  it('after a refresh it could not make, reads nothing until Redis has taken it', async () => {
    vi.useFakeTimers();
    try {
      const { state, store } = failingStore();
      const cache = new SharedCache(store, quiet);
      state.down = true;
      await cache.revalidateTag(['site:latest', 'site:article:7']);
      expect(cache.degraded).toBe(true);

      // Redis is back, but this node has not yet told it: what it holds may be what the refresh
      // should have removed, so nothing is read from it or written to it.
      state.down = false;
      await expect(cache.get('k', { kind: 'FETCH' } as never)).resolves.toBeNull();
      await cache.set('k', null, {} as never);
      expect(store.set).not.toHaveBeenCalled();

      await vi.advanceTimersByTimeAsync(1_000);
      expect(state.revalidated).toEqual([['site:latest', 'site:article:7']]);
      expect(cache.degraded).toBe(false);
      await expect(cache.get('k', { kind: 'FETCH' } as never)).resolves.toEqual({ lastModified: 1, value: null });
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps trying while Redis stays down', async () => {
    vi.useFakeTimers();
    try {
      const { state, store } = failingStore();
      const cache = new SharedCache(store, quiet);
      state.down = true;
      await cache.revalidateTag('site:latest');
      await vi.advanceTimersByTimeAsync(3_000);
      expect(cache.degraded).toBe(true);
      state.down = false;
      await vi.advanceTimersByTimeAsync(1_000);
      expect(cache.degraded).toBe(false);
      expect(state.revalidated).toEqual([['site:latest']]);
    } finally {
      vi.useRealTimers();
    }
  });
});
