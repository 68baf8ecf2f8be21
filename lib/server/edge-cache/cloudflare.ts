import type { EdgeCacheConfig } from '../../config/env';
import { batches, PURGE_REQUEST_TIMEOUT_MS, sendWithRetry, type EdgeCache } from './edge-cache';

/** Cloudflare purges at most 100 cache tags per request. */
export const CLOUDFLARE_TAGS_PER_REQUEST = 100;

/**
 * Cloudflare's purge by cache tag: `POST /zones/{zone}/purge_cache` with `{"tags": [...]}` and an
 * API token allowed to purge the zone. The endpoint is rate-limited: a 429 is tried again after
 * the Retry-After it names.
 */
export function cloudflareEdgeCache(config: Extract<EdgeCacheConfig, { kind: 'cloudflare' }>): EdgeCache {
  const url = `${config.apiUrl.replace(/\/+$/, '')}/zones/${encodeURIComponent(config.zoneId)}/purge_cache`;
  return {
    kind: 'cloudflare',
    async purge(keys) {
      for (const batch of batches(keys, CLOUDFLARE_TAGS_PER_REQUEST)) {
        await sendWithRetry('cloudflare', () =>
          fetch(url, {
            method: 'POST',
            headers: { Authorization: `Bearer ${config.apiToken}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ tags: batch }),
            signal: AbortSignal.timeout(PURGE_REQUEST_TIMEOUT_MS),
          }),
        );
      }
    },
  };
}
