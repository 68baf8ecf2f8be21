import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CacheHandler } from 'next/dist/server/lib/incremental-cache';
import type { EdgeCache } from '../edge-cache/edge-cache';
import { areTagsExpired } from 'next/dist/server/lib/incremental-cache/tags-manifest.external';
import MidadCacheHandler, { SECOND_REFRESH_MS } from './cache-handler';

/*
 * The handler on Next's own in-memory store (no REDIS_URL), with an edge cache that records what
 * it is asked and, when it is asked, what the store still answers. Redis, Varnish and the CDN APIs
 * are exercised for real by e2e/shared-cache.spec.ts, e2e/varnish.spec.ts and
 * lib/server/edge-cache/edge-cache.test.ts.
 */

type SetData = Parameters<CacheHandler['set']>[1];
type SetContext = Parameters<CacheHandler['set']>[2];
type GetContext = Parameters<CacheHandler['get']>[1];

const holder = globalThis as typeof globalThis & { __midadCacheRuntime?: unknown };
const PAGE_CONTEXT = { kind: 'APP_PAGE', isRoutePPREnabled: false, isFallback: false } as unknown as GetContext;
const TAGS = `_N_T_/layout,_N_T_/sections/[slug]/[page]/page,site:section:3,site:all,site:slug:${encodeURIComponent('يوم-القدس')}`;

let purges: { keys: readonly string[]; storeStillHad: boolean }[];
let handler: MidadCacheHandler;

function page(status?: number) {
  return { kind: 'APP_PAGE', html: '<p>x</p>', rscData: Buffer.from('x'), status, postponed: undefined, segmentData: undefined, headers: { 'x-next-cache-tags': TAGS } } as unknown as SetData;
}

/** Lets the clock pass the millisecond an entry was stored in, so a refresh comes after it. */
function afterThisMillisecond() {
  const start = Date.now();
  while (Date.now() === start) {
    // a millisecond at most
  }
}

const setContext = (revalidate: number) => ({ isRoutePPREnabled: false, isFallback: false, cacheControl: { revalidate, expire: 31536000 } }) as unknown as SetContext;

beforeEach(() => {
  purges = [];
  const edge: EdgeCache = {
    kind: 'varnish',
    purge: async (keys) => {
      // What Next would still serve: the entry, unless a revalidated tag has expired it.
      const entry = await handler.get('/sections/x/1', PAGE_CONTEXT);
      purges.push({ keys, storeStillHad: entry !== null && !areTagsExpired(['site:section:3'], entry.lastModified) });
    },
  };
  holder.__midadCacheRuntime = { shared: null, edge, surrogateHeaders: ['xkey', 'cache-tag'], refreshedAt: new Map() };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-cache-handler-'));
  handler = new MidadCacheHandler({
    fs: { ...fs, readFile: fs.promises.readFile, writeFile: fs.promises.writeFile, mkdir: (d: string) => fs.promises.mkdir(d, { recursive: true }), stat: fs.promises.stat } as never,
    serverDistDir: path.join(dir, 'server'),
    flushToDisk: false,
    maxMemoryCacheSize: 10 * 1024 * 1024,
    revalidatedTags: [],
    _requestHeaders: {},
  });
});

afterEach(() => {
  delete holder.__midadCacheRuntime;
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the cache handler', () => {
  it('gives the response being sent public Cache-Control and surrogate keys in each configured header', async () => {
    const data = page();
    await handler.set('/sections/x/1', data, setContext(600));
    const headers = (data as { headers: Record<string, string> }).headers;
    expect(headers['cache-control']).toBe('public, max-age=0, s-maxage=600, stale-while-revalidate=30');
    expect(headers.xkey).toBe(`site:section:3 site:all site:slug:${encodeURIComponent('يوم-القدس')}`);
    expect(headers['cache-tag']).toBe(`site:section:3,site:all,site:slug:${encodeURIComponent('يوم-القدس')}`);
  });

  it('serves a kept page with what is left of its lifetime, and ends it there', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await handler.set('/sections/x/1', page(), setContext(600));
    vi.advanceTimersByTime(200_500);
    const entry = await handler.get('/sections/x/1', PAGE_CONTEXT);
    const value = entry!.value as { headers: Record<string, string> };
    expect(value.headers['cache-control']).toBe('public, max-age=0, s-maxage=399, stale-while-revalidate=30');
    expect(value.headers.xkey).toContain('site:section:3');
    expect(entry!.cacheControl).toEqual({ revalidate: 600, expire: 600 });
    vi.advanceTimersByTime(399_500);
    expect(await handler.get('/sections/x/1', PAGE_CONTEXT)).toBeNull();
  });

  it('never keeps a refusal, but keeps a page that was not found', async () => {
    await handler.set('/xml/feed', { kind: 'APP_ROUTE', status: 405, body: Buffer.from(''), headers: {} } as unknown as SetData, setContext(600));
    expect(await handler.get('/xml/feed', { ...PAGE_CONTEXT, kind: 'APP_ROUTE' } as GetContext)).toBeNull();
    await handler.set('/sections/none/1', page(404), setContext(600));
    expect(await handler.get('/sections/none/1', PAGE_CONTEXT)).not.toBeNull();
  });

  it('purges the HTTP cache only once its own copy is gone, and does both again shortly after', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    await handler.set('/sections/x/1', page(), setContext(600));
    afterThisMillisecond();
    await handler.revalidateTag(['site:section:3', '_N_T_/desk'], { expire: 0 });
    expect(purges).toEqual([{ keys: ['site:section:3'], storeStillHad: false }]);

    // A render that read the old data stores its page after the first refresh…
    afterThisMillisecond();
    await handler.set('/sections/x/1', page(), setContext(600));
    expect(areTagsExpired(['site:section:3'], (await handler.get('/sections/x/1', PAGE_CONTEXT))!.lastModified)).toBe(false);
    afterThisMillisecond();
    await vi.advanceTimersByTimeAsync(SECOND_REFRESH_MS);
    // …and the second refresh removes it, here and in the HTTP cache.
    expect(purges).toHaveLength(2);
    expect(purges[1]).toEqual({ keys: ['site:section:3'], storeStillHad: false });
  });

  it('forgets a refreshed page at once even when the process clocks disagree', async () => {
    // Next stamps a refresh with the wall clock and compares it with the process's monotonic clock;
    // after the machine's clock is stepped forward (a paused virtual machine resuming, say) the
    // second lags, by five seconds here.
    const monotonic = performance.now.bind(performance);
    vi.spyOn(performance, 'now').mockImplementation(() => monotonic() - 5_000);
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    await handler.set('/sections/x/1', page(), setContext(600));
    const fetchContext = { kind: 'FETCH', revalidate: 600, tags: ['site:section:3', 'site:all'], softTags: [] } as unknown as GetContext;
    await handler.set('section-data', { kind: 'FETCH', data: { body: '', headers: {}, url: '' }, revalidate: 600 } as unknown as SetData, { fetchCache: true, tags: ['site:section:3', 'site:all'] } as unknown as SetContext);
    expect(await handler.get('section-data', fetchContext)).not.toBeNull();
    afterThisMillisecond();
    await handler.revalidateTag(['site:section:3'], { expire: 0 });
    expect(await handler.get('/sections/x/1', PAGE_CONTEXT)).toBeNull();
    expect(await handler.get('section-data', fetchContext)).toBeNull();
    // A page rendered after the refresh is kept.
    afterThisMillisecond();
    await handler.set('/sections/x/1', page(), setContext(600));
    expect(await handler.get('/sections/x/1', PAGE_CONTEXT)).not.toBeNull();
  });

  it('asks the HTTP cache nothing for desk paths alone', async () => {
    await handler.revalidateTag(['_N_T_/desk/articles/4'], { expire: 0 });
    expect(purges).toEqual([]);
  });
});
