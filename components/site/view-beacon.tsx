'use client';

import { useEffect } from 'react';
import { VIEW_BEACON_PATH } from '@/lib/views/beacon-path';

/**
 * Tells the server, once the page is shown, that a reader has it open (docs/decisions/0033). The
 * page itself is cached and shared, so the beacon is the only request that reaches our servers
 * for each reading. It carries the story's number and nothing else; no cookie is read or set.
 */
export function ViewBeacon({ articleId }: { articleId: number }) {
  useEffect(() => {
    const body = JSON.stringify({ articleId });
    if (navigator.sendBeacon?.(VIEW_BEACON_PATH, body)) return;
    fetch(VIEW_BEACON_PATH, { method: 'POST', body, keepalive: true, credentials: 'omit' }).catch(() => undefined);
  }, [articleId]);
  return null;
}
