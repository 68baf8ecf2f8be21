'use client';

import { useEffect, useState, type RefObject } from 'react';
import type { ActionResult, PresenceReport } from '@/lib/desk/results';

/** Well inside the presence window (lib/desk/presence), so an open story never looks closed. */
const HEARTBEAT_MS = 20_000;

/**
 * Presence: tells the server this story is open, and learns who else has it open and whether
 * someone saved since the version this editor is based on. Leaving the page says so.
 */
export function usePresence({
  articleId,
  version,
  heartbeat,
  leave,
}: {
  articleId: number | null;
  /** The version the form is based on, read at each beat. */
  version: RefObject<number>;
  heartbeat: (articleId: number, version: number) => Promise<ActionResult<PresenceReport>>;
  leave: (articleId: number) => Promise<ActionResult>;
}): { others: string[]; newer: boolean } {
  const [presence, setPresence] = useState<{ others: string[]; newer: boolean }>({ others: [], newer: false });
  useEffect(() => {
    if (articleId === null) return;
    let stopped = false;
    const beat = async () => {
      try {
        const report = await heartbeat(articleId, version.current);
        if (!stopped && report.ok) setPresence({ others: report.value.others.map((o) => o.name), newer: report.value.version > version.current });
      } catch {
        // offline: the next beat tries again
      }
    };
    void beat();
    const timer = setInterval(() => void beat(), HEARTBEAT_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
      void leave(articleId).catch(() => {});
    };
  }, [heartbeat, leave, articleId, version]);
  return presence;
}
