import 'server-only';
import { cacheTiming } from '@/db/queries/site-cache-keys';
import { readScheduleWindow } from '@/db/queries/site-stories';
import { readsEmbargoed } from '../client';
import type { ApiCall } from './respond';

/**
 * Where the API's public reads are kept: Next's data cache under the site's tags, beside the pages'
 * own reads (app/(site)/_lib/data.ts hands it to the route handlers), so the desk's refresh after a
 * change reaches both at once. Passed in, so these use cases stay free of Next.
 */
export interface SiteCache {
  read<T>(options: { name: string; args: readonly unknown[]; tags: string[]; now: Date; read: (asOf: Date) => Promise<T> }): Promise<{ value: T; lifetime: number }>;
  /** How long an answer made at `now` may be kept by an HTTP cache. */
  lifetime(now: Date): Promise<number>;
}

/** Reads straight from the database, with the lifetime the cache would have given. */
export const uncachedSite: SiteCache = {
  async read(options) {
    const [value, lifetime] = await Promise.all([options.read(options.now), this.lifetime(options.now)]);
    return { value, lifetime };
  },
  async lifetime(now) {
    return cacheTiming(await readScheduleWindow(now), now).lifetime;
  },
};

export interface ApiRead<T> {
  name: string;
  args: readonly unknown[];
  /** The site tags (db/queries/site-cache-keys.ts) whose refresh makes this read wrong. */
  tags: string[];
  /** Whether the value may be kept in the data cache at all. */
  cache: boolean;
  read: (asOf: Date) => Promise<T>;
}

/**
 * One read of an answer's data. What the public may read goes through the site's cache; a
 * partner's read (embargoed stories included) is made afresh every time and never kept. `lifetime`
 * is how long an answer made from it may be kept by an HTTP cache.
 */
export async function readThrough<T>(call: ApiCall, read: ApiRead<T>): Promise<{ value: T; lifetime: number }> {
  if (readsEmbargoed(call.client)) return { value: await read.read(call.asOf), lifetime: 0 };
  if (!read.cache) {
    const [value, lifetime] = await Promise.all([read.read(call.asOf), call.cache.lifetime(call.asOf)]);
    return { value, lifetime };
  }
  return call.cache.read({ name: read.name, args: read.args, tags: read.tags, now: call.asOf, read: read.read });
}
