import type { EdgeCacheConfig } from '../../config/env';
import { batches, PURGE_REQUEST_TIMEOUT_MS, sendWithRetry, type EdgeCache } from './edge-cache';

/** Fastly purges at most 256 surrogate keys per request. */
export const FASTLY_KEYS_PER_REQUEST = 256;

/**
 * Fastly's purge by surrogate key: `POST /service/{id}/purge` with the keys, space-separated, in a
 * `Surrogate-Key` header and the API token in `Fastly-Key`. Soft purge (`Fastly-Soft-Purge: 1`)
 * marks the objects stale instead of deleting them, so Fastly can still fall back on them if
 * the origin is down; a stale object is never served as fresh.
 */
export function fastlyEdgeCache(config: Extract<EdgeCacheConfig, { kind: 'fastly' }>): EdgeCache {
  const url = `${config.apiUrl.replace(/\/+$/, '')}/service/${encodeURIComponent(config.serviceId)}/purge`;
  return {
    kind: 'fastly',
    async purge(keys) {
      for (const batch of batches(keys, FASTLY_KEYS_PER_REQUEST)) {
        await sendWithRetry('fastly', () =>
          fetch(url, {
            method: 'POST',
            headers: {
              'Fastly-Key': config.apiToken,
              'Surrogate-Key': batch.join(' '),
              'Fastly-Soft-Purge': '1',
              Accept: 'application/json',
            },
            signal: AbortSignal.timeout(PURGE_REQUEST_TIMEOUT_MS),
          }),
        );
      }
    },
  };
}
