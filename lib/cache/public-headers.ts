import { createHash } from 'node:crypto';

/*
 * What an HTTP cache in front of Midad (Varnish, Fastly, Cloudflare) is told about a public
 * response: how long it may keep it, and the surrogate keys it can later be purged by. The keys
 * are the cache tags the page was rendered under (db/queries/site-cache-keys.ts), so one refresh
 * after a change names the same pages to Next's cache and to the HTTP cache (docs/decisions/0019).
 * Pure: the cache handler (lib/server/next/cache-handler.ts) and the purgers share it.
 */

/** Only the site's own tags become keys; Next's implicit path tags (`_N_T_/…`) never purge anything. */
export const PUBLIC_TAG_PREFIX = 'site:';

/** The response headers that can carry the keys, by the HTTP cache that reads them. */
export const SURROGATE_HEADERS = ['xkey', 'surrogate-key', 'cache-tag'] as const;
export type SurrogateHeader = (typeof SURROGATE_HEADERS)[number];

/** Varnish's xkey and Fastly take keys separated by spaces, Cloudflare's Cache-Tag by commas. */
const SEPARATORS: Record<SurrogateHeader, string> = { xkey: ' ', 'surrogate-key': ' ', 'cache-tag': ',' };

/** Longer keys are replaced by a digest: Fastly and Cloudflare refuse keys over 1024 bytes. */
const MAX_KEY_LENGTH = 200;

/**
 * How long an HTTP cache may serve a copy past its lifetime while it fetches a fresh one. Kept
 * short: a scheduled story is due when the lifetime ends (Next already ended it there), and
 * Varnish turns this into grace.
 */
export const STALE_WHILE_REVALIDATE_SECONDS = 30;

/**
 * The surrogate key for one cache tag. Next hands tags over percent-encoded outside printable
 * ASCII, the same way in the response's tag list and in revalidateTag, so the key is computed
 * from that form on both sides; anything that could split a key list (space, comma, quotes) is
 * escaped as well.
 */
export function surrogateKey(tag: string): string {
  const key = tag.replace(/[^A-Za-z0-9:%._~!$&'()*+;=@/-]|[,;'"]/g, (c) =>
    [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
  if (key.length <= MAX_KEY_LENGTH) return key;
  return `${PUBLIC_TAG_PREFIX}h:${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}

/** Keys for the public tags among `tags` (in Next's encoded form), each once, in order. */
export function surrogateKeysForTags(tags: Iterable<string>): string[] {
  const keys = new Set<string>();
  for (const tag of tags) {
    const trimmed = tag.trim();
    if (trimmed.startsWith(PUBLIC_TAG_PREFIX)) keys.add(surrogateKey(trimmed));
  }
  return [...keys];
}

/** Keys for the comma-separated tag list Next keeps with a cached page (`x-next-cache-tags`). */
export function surrogateKeysFromTagList(list: string | undefined): string[] {
  return list ? surrogateKeysForTags(list.split(',')) : [];
}

/** The surrogate-key headers to send, one per configured header name; none without keys. */
export function surrogateKeyHeaders(keys: readonly string[], headers: readonly SurrogateHeader[]): Record<string, string> {
  if (keys.length === 0) return {};
  return Object.fromEntries(headers.map((name) => [name, keys.join(SEPARATORS[name])]));
}

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
