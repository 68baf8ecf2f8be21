import type { EdgeCacheConfig } from '../../config/env';
import { batches, PURGE_REQUEST_TIMEOUT_MS, sendWithRetry, type EdgeCache } from './edge-cache';

/** Keys per PURGE request: keeps the header well under Varnish's default limit (8 KB). */
const KEYS_PER_REQUEST = 50;

/**
 * Varnish with the xkey vmod and deploy/varnish/midad.vcl: `PURGE /` with the keys in an
 * `xkey-purge` header, sent to every Varnish in VARNISH_PURGE_URLS. The VCL accepts it only from
 * the addresses in its `purgers` ACL and answers 200 with the number of objects it dropped.
 */
export function varnishEdgeCache(config: Extract<EdgeCacheConfig, { kind: 'varnish' }>): EdgeCache {
  return {
    kind: 'varnish',
    async purge(keys) {
      if (keys.length === 0) return;
      const requests = config.purgeUrls.flatMap((base) =>
        batches(keys, KEYS_PER_REQUEST).map((batch) =>
          sendWithRetry('varnish', () =>
            fetch(new URL('/', base), {
              method: 'PURGE',
              headers: { 'xkey-purge': batch.join(' ') },
              signal: AbortSignal.timeout(PURGE_REQUEST_TIMEOUT_MS),
            }),
          ),
        ),
      );
      const failures = (await Promise.allSettled(requests)).filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failures.length > 0) throw failures[0]!.reason;
    },
  };
}
