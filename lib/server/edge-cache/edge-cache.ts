import type { EdgeCacheConfig } from '../../config/env';
import { cloudflareEdgeCache } from './cloudflare';
import { fastlyEdgeCache } from './fastly';
import { varnishEdgeCache } from './varnish';

/**
 * The HTTP cache in front of Midad, as far as the app is concerned: something that can forget
 * every response carrying any of a set of surrogate keys. The cache handler calls it after Next's
 * own cache has forgotten the same tags, never before: a purge that came first would let the
 * HTTP cache fetch the old page again from a cache that still held it (docs/decisions/0019).
 */
export interface EdgeCache {
  /** Which kind, for logs. */
  readonly kind: EdgeCacheConfig['kind'];
  /** Forgets every response carrying any of `keys`; throws when the cache refused or never answered. */
  purge(keys: readonly string[]): Promise<void>;
}

/** No HTTP cache to purge (one node, or a cache that only honours Cache-Control). */
export const noEdgeCache: EdgeCache = { kind: 'none', purge: async () => {} };

/** The edge cache the configuration names (EDGE_CACHE and its settings, see docs/operations.md). */
export function edgeCacheFor(config: EdgeCacheConfig): EdgeCache {
  switch (config.kind) {
    case 'varnish':
      return varnishEdgeCache(config);
    case 'fastly':
      return fastlyEdgeCache(config);
    case 'cloudflare':
      return cloudflareEdgeCache(config);
    default:
      return noEdgeCache;
  }
}

/** Splits `items` into batches of at most `size`. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** One purge request may take this long before it counts as failed. */
export const PURGE_REQUEST_TIMEOUT_MS = 5_000;

/** How long to wait before trying a refused (rate-limited) purge again: Retry-After, within bounds. */
export function retryDelayMs(response: Response, attempt: number): number {
  const header = Number(response.headers.get('retry-after'));
  const asked = Number.isFinite(header) && header > 0 ? header * 1000 : 250 * 2 ** attempt;
  return Math.min(asked, 5_000);
}

export class PurgeError extends Error {
  constructor(kind: string, detail: string) {
    super(`${kind} purge failed: ${detail}`);
    this.name = 'PurgeError';
  }
}

/**
 * Sends one purge request, again after a rate limit (429), a server error or a lost connection, up
 * to `attempts` times in all; any other refusal is final.
 */
export async function sendWithRetry(kind: string, request: () => Promise<Response>, attempts = 4): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await request();
    } catch (error) {
      if (attempt + 1 >= attempts) throw new PurgeError(kind, error instanceof Error ? error.message : String(error));
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
      continue;
    }
    if (response.ok) {
      await response.body?.cancel();
      return;
    }
    const detail = `HTTP ${response.status} ${(await response.text()).slice(0, 200)}`;
    const retryable = response.status === 429 || response.status >= 500;
    if (!retryable || attempt + 1 >= attempts) throw new PurgeError(kind, detail);
    await new Promise((resolve) => setTimeout(resolve, retryDelayMs(response, attempt)));
  }
}
