import fs from 'node:fs';
import path from 'node:path';
import type { CacheHandler, CacheHandlerContext, CacheHandlerValue } from 'next/dist/server/lib/incremental-cache';
import FileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache';
import { lifetimeOf, publicCacheControl, surrogateKeyHeaders, surrogateKeysForTags, surrogateKeysFromTagList, type SurrogateHeader } from '../../cache/public-headers';
import { configFrom } from '../../config/server';
import { edgeCacheFor, noEdgeCache, type EdgeCache } from '../edge-cache/edge-cache';
import { openSharedCache, type SharedCache } from './shared-cache';

/*
 * Midad's cache handler for Next (next.config.ts `cacheHandler`; docs/decisions/0018, 0019). Next
 * loads it by itself at run time, outside its bundles, so next.config.ts compiles this file and
 * what it imports into one CommonJS file at build time (scripts/compile-cache-handler.ts).
 *
 * - Where entries live: with REDIS_URL, in Redis, shared by every node of the build
 *   (shared-cache.ts); without it, in this process's memory, exactly as Next keeps them itself
 *   (its own FileSystemCache, which this wraps).
 * - What a cached public response says to HTTP caches: Cache-Control with `public` and what is
 *   left of the entry's lifetime, where Next would send `s-maxage` with the whole lifetime again
 *   on every hit; and its cache tags as surrogate keys, for the HTML and the client-navigation
 *   data alike (they are one entry), since `next start` strips Next's own tag header.
 * - A refresh: this cache forgets the tags, then the HTTP cache in front is purged by the same
 *   tags — in that order, or the HTTP cache would fetch the old page again from this one. Both are
 *   done again shortly after, for a render that read the old data before the change and stored
 *   its page after the first refresh.
 */

type Store = Pick<CacheHandler, 'get' | 'set' | 'revalidateTag'> & Partial<Pick<CacheHandler, 'resetRequestCache'>>;
type GetContext = Parameters<CacheHandler['get']>[1];
type SetContext = Parameters<CacheHandler['set']>[2];
type Durations = Parameters<CacheHandler['revalidateTag']>[1];

/** When the second refresh runs: after any render that was under way at the first has stored. */
export const SECOND_REFRESH_MS = 1_500;
/** Longest the desk's confirmation waits for the HTTP cache's purge; it goes on in the background. */
export const PURGE_WAIT_MS = 2_000;
/** How long Redis keeps an entry past its lifetime (it is expired by then; Redis frees the space). */
const SHARED_TTL_MARGIN_SECONDS = 60;
const TAGS_HEADER = 'x-next-cache-tags';

interface Runtime {
  shared: Promise<SharedCache> | null;
  edge: EdgeCache;
  surrogateHeaders: SurrogateHeader[];
  /** When each tag was last refreshed in this process, by the wall clock entries are stamped with. */
  refreshedAt: Map<string, number>;
}

const holder = globalThis as typeof globalThis & { __midadCacheRuntime?: Runtime };

function log(message: string, error?: unknown) {
  console.error(`[midad cache] ${message}`, error instanceof Error ? error.message : (error ?? ''));
}

/** This process's settings, read once. */
function runtimeFor(ctx: CacheHandlerContext): Runtime {
  if (holder.__midadCacheRuntime) return holder.__midadCacheRuntime;
  const config = configFrom(process.env);
  // `next build` renders nothing worth sharing and purges nothing.
  const serving = !config.buildPhase && !ctx.dev;
  holder.__midadCacheRuntime = {
    shared: serving && config.redisUrl ? openSharedCache({ redisUrl: config.redisUrl, keyPrefix: `midad:${buildId(ctx)}:`, log }) : null,
    edge: serving ? edgeCacheFor(config.edgeCache) : noEdgeCache,
    surrogateHeaders: config.surrogateHeaders,
    refreshedAt: new Map(),
  };
  return holder.__midadCacheRuntime;
}

/** Entries are keyed by build: every node of one build shares them, another build never reads them. */
function buildId(ctx: CacheHandlerContext): string {
  try {
    return fs.readFileSync(path.join(ctx.serverDistDir ?? '.next/server', '..', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'unbuilt';
  }
}

type ResponseValue = Extract<NonNullable<CacheHandlerValue['value']>, { kind: 'APP_PAGE' | 'APP_ROUTE' }>;
type Headers = NonNullable<ResponseValue['headers']>;

/** A status that answers one request only: a refusal or a failure, but not a missing page. */
function isRefusal(status: number | undefined): boolean {
  return status !== undefined && status >= 400 && status !== 404 && status !== 410;
}

function isResponse(value: CacheHandlerValue['value'] | null | undefined): value is ResponseValue {
  return value?.kind === 'APP_PAGE' || value?.kind === 'APP_ROUTE';
}

/**
 * A copy of `headers` with the public Cache-Control for `secondsLeft` of the lifetime and the
 * page's tags as surrogate keys in each configured header.
 */
function publicHeaders(headers: Headers, secondsLeft: number, surrogate: readonly SurrogateHeader[]): Headers {
  const result: Headers = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'cache-control') result[name] = value;
  }
  result['cache-control'] = publicCacheControl(secondsLeft);
  const tags = headers[TAGS_HEADER];
  Object.assign(result, surrogateKeyHeaders(surrogateKeysFromTagList(typeof tags === 'string' ? tags : undefined), surrogate));
  return result;
}

export default class MidadCacheHandler implements CacheHandler {
  private readonly runtime: Runtime;
  private readonly local: Store | null;

  constructor(ctx: CacheHandlerContext) {
    this.runtime = runtimeFor(ctx);
    this.local = this.runtime.shared ? null : new FileSystemCache(ctx as ConstructorParameters<typeof FileSystemCache>[0]);
  }

  private async store(): Promise<Store> {
    return this.local ?? (await (this.runtime.shared as Promise<SharedCache>));
  }

  async get(key: string, ctx: GetContext): Promise<CacheHandlerValue | null> {
    const entry = await (await this.store()).get(key, ctx);
    if (!entry) return null;
    if (this.local && this.refreshedSince(entry, ctx)) return null;
    if (!isResponse(entry.value)) return entry;
    const lifetime = lifetimeOf(entry.value.headers?.['cache-control'] as string | undefined);
    if (lifetime === null) return entry;
    const age = (Date.now() - entry.lastModified) / 1000;
    // Ended by the wall clock, which stamped it, for the reason refreshedSince gives.
    if (age >= lifetime) return null;
    return {
      ...entry,
      value: { ...entry.value, headers: publicHeaders(entry.value.headers ?? {}, lifetime - age, this.runtime.surrogateHeaders) },
      // The lifetime belongs to the entry, so a node that did not render it serves it as long. Past
      // it, Next renders afresh before answering instead of serving the old page once more: a
      // scheduled story is on the page from its time on.
      cacheControl: { revalidate: lifetime, expire: lifetime },
    };
  }

  /**
   * Whether a tag of the entry was refreshed here after the entry was stored. Next stamps a refresh
   * with the wall clock (Date.now) but judges it against the process's monotonic clock: once the
   * machine's clock has been stepped forward — a virtual machine resumed after a pause, a time
   * sync — every refresh would take effect only that much later, and readers would get the page
   * from before a change. The entry and the refresh are both stamped with the wall clock here.
   */
  private refreshedSince(entry: CacheHandlerValue, ctx: GetContext): boolean {
    const { refreshedAt } = this.runtime;
    if (refreshedAt.size === 0) return false;
    let tags: readonly string[] = [];
    if (isResponse(entry.value)) {
      const header = entry.value.headers?.[TAGS_HEADER];
      tags = typeof header === 'string' ? header.split(',') : [];
    } else if (ctx.kind === 'FETCH') {
      tags = [...(ctx.tags ?? []), ...(ctx.softTags ?? [])];
    }
    return tags.some((tag) => (refreshedAt.get(tag) ?? -Infinity) >= entry.lastModified);
  }

  async set(key: string, data: Parameters<CacheHandler['set']>[1], ctx: SetContext): Promise<void> {
    // Next caches a route handler's answer whatever the method: a POST to /feed.xml answers 405,
    // and that 405 would then be every reader's feed. Errors other than "not found" are never kept.
    if (isResponse(data) && isRefusal(data.status)) return;
    const lifetime = 'cacheControl' in ctx ? ctx.cacheControl?.revalidate : undefined;
    if (isResponse(data) && data.headers && typeof lifetime === 'number' && lifetime > 0) {
      // The response being sent for this render reads these same header objects: set in place.
      const headers = publicHeaders(data.headers, lifetime, this.runtime.surrogateHeaders);
      for (const name of Object.keys(data.headers)) delete data.headers[name];
      Object.assign(data.headers, headers);
      // Next's own expiry is a year; Redis may drop the entry soon after it is of no more use.
      ctx = { ...ctx, cacheControl: { revalidate: lifetime, expire: lifetime + SHARED_TTL_MARGIN_SECONDS } } as SetContext;
    }
    await (await this.store()).set(key, data, ctx);
  }

  async revalidateTag(tags: string | string[], durations?: Durations): Promise<void> {
    const list = [tags].flat();
    await this.refresh(list, durations);
    // Desk paths (Next's `_N_T_/…` tags) are in no HTTP cache and raced by no reader's render.
    if (surrogateKeysForTags(list).length > 0) {
      const again = () => void this.refresh(list, durations).catch((error) => log('second refresh failed', error));
      setTimeout(again, SECOND_REFRESH_MS).unref();
    }
  }

  /** Forgets `tags` here, then in the HTTP cache: in this order, or the HTTP cache refetches the old page. */
  private async refresh(tags: string[], durations: Durations): Promise<void> {
    const now = Date.now();
    for (const tag of tags) this.runtime.refreshedAt.set(tag, now);
    await (await this.store()).revalidateTag(tags, durations);
    const { edge } = this.runtime;
    const keys = surrogateKeysForTags(tags);
    if (keys.length === 0 || edge.kind === 'none') return;
    const purge = edge.purge(keys).catch((error) => log(`${edge.kind} purge of ${keys.length} key(s) failed`, error));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([purge, new Promise((resolve) => (timer = setTimeout(resolve, PURGE_WAIT_MS)))]);
    clearTimeout(timer);
  }

  resetRequestCache(): void {
    this.local?.resetRequestCache?.();
  }
}
