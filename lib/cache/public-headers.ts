/*
 * What an HTTP cache in front of Midad (Varnish, a CDN) is told about a public response: how long
 * it may keep it (docs/decisions/0018). Pure: the cache handler (lib/server/next/cache-handler.ts)
 * writes it on every page, feed and sitemap Next keeps whole.
 */

/**
 * How long an HTTP cache may serve a copy past its lifetime while it fetches a fresh one. Kept
 * short: a scheduled story is due when the lifetime ends (Next already ended it there), and
 * Varnish turns this into grace.
 */
export const STALE_WHILE_REVALIDATE_SECONDS = 30;

/**
 * Cache-Control of a public page with `secondsLeft` of its lifetime to go: shared caches may keep
 * it that long (s-maxage) and serve it a little longer while they fetch a fresh copy; browsers
 * check back every time (max-age=0), so a reader's own browser never shows a page the HTTP
 * cache has already dropped. A page at the end of its lifetime may be stored but not reused.
 */
export function publicCacheControl(secondsLeft: number): string {
  const seconds = Math.floor(secondsLeft);
  if (seconds < 1) return 'public, max-age=0, must-revalidate';
  return `public, max-age=0, s-maxage=${seconds}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_SECONDS}`;
}

/** The lifetime a publicCacheControl value was written with, or null for any other value. */
export function lifetimeOf(cacheControl: string | undefined): number | null {
  const match = cacheControl && /^public, max-age=0, s-maxage=(\d+),/.exec(cacheControl);
  return match ? Number(match[1]) : null;
}
