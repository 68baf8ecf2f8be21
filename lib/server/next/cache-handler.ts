import type { CacheHandler, CacheHandlerContext, CacheHandlerValue } from 'next/dist/server/lib/incremental-cache';
import FileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache';
import { lifetimeOf, publicCacheControl } from '../../cache/public-headers';

/*
 * Midad's cache handler for Next (next.config.ts `cacheHandler`; docs/decisions/0018). Next loads
 * it by itself at run time, outside its bundles, so next.config.ts compiles this file and what it
 * imports into one CommonJS file at build time (scripts/compile-cache-handler.ts).
 *
 * Entries live in this process's memory exactly as Next keeps them itself (its own
 * FileSystemCache, which this wraps). What it adds is what a cached public response says to HTTP
 * caches: Cache-Control with `public` and what is left of the entry's lifetime, where Next would
 * send `s-maxage` with the whole lifetime again on every hit.
 */

type Store = Pick<CacheHandler, 'get' | 'set' | 'revalidateTag'> & Partial<Pick<CacheHandler, 'resetRequestCache'>>;
type GetContext = Parameters<CacheHandler['get']>[1];
type SetContext = Parameters<CacheHandler['set']>[2];
type Durations = Parameters<CacheHandler['revalidateTag']>[1];

type ResponseValue = Extract<NonNullable<CacheHandlerValue['value']>, { kind: 'APP_PAGE' | 'APP_ROUTE' }>;
type Headers = NonNullable<ResponseValue['headers']>;

/** A status that answers one request only: a refusal or a failure, but not a missing page. */
function isRefusal(status: number | undefined): boolean {
  return status !== undefined && status >= 400 && status !== 404 && status !== 410;
}

function isResponse(value: CacheHandlerValue['value'] | null | undefined): value is ResponseValue {
  return value?.kind === 'APP_PAGE' || value?.kind === 'APP_ROUTE';
}

/** A copy of `headers` with the public Cache-Control for `secondsLeft` of the lifetime. */
function publicHeaders(headers: Headers, secondsLeft: number): Headers {
  const result: Headers = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'cache-control') result[name] = value;
  }
  result['cache-control'] = publicCacheControl(secondsLeft);
  return result;
}

export default class MidadCacheHandler implements CacheHandler {
  private readonly store: Store;

  constructor(ctx: CacheHandlerContext) {
    this.store = new FileSystemCache(ctx as ConstructorParameters<typeof FileSystemCache>[0]);
  }

  async get(key: string, ctx: GetContext): Promise<CacheHandlerValue | null> {
    const entry = await this.store.get(key, ctx);
    if (!entry || !isResponse(entry.value)) return entry;
    const lifetime = lifetimeOf(entry.value.headers?.['cache-control'] as string | undefined);
    if (lifetime === null) return entry;
    const age = (Date.now() - entry.lastModified) / 1000;
    return {
      ...entry,
      value: { ...entry.value, headers: publicHeaders(entry.value.headers ?? {}, lifetime - age) },
      // The lifetime belongs to the entry. Past it, Next renders afresh before answering instead
      // of serving the old page once more: a scheduled story is on the page from its time on.
      cacheControl: { revalidate: lifetime, expire: lifetime },
    };
  }

  async set(key: string, data: Parameters<CacheHandler['set']>[1], ctx: SetContext): Promise<void> {
    // Next caches a route handler's answer whatever the method: a POST to /feed.xml answers 405,
    // and that 405 would then be every reader's feed. Errors other than "not found" are never kept.
    if (isResponse(data) && isRefusal(data.status)) return;
    const lifetime = 'cacheControl' in ctx ? ctx.cacheControl?.revalidate : undefined;
    if (isResponse(data) && data.headers && typeof lifetime === 'number' && lifetime > 0) {
      // The response being sent for this render reads these same header objects: set in place.
      const headers = publicHeaders(data.headers, lifetime);
      for (const name of Object.keys(data.headers)) delete data.headers[name];
      Object.assign(data.headers, headers);
    }
    await this.store.set(key, data, ctx);
  }

  async revalidateTag(tags: string | string[], durations?: Durations): Promise<void> {
    await this.store.revalidateTag(tags, durations);
  }

  resetRequestCache(): void {
    this.store.resetRequestCache?.();
  }
}
