'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { copiesToOffer, setAsideKey, type LocalCopy } from '@/lib/editor/local-copies';
import { clearLocalCopy, readLocalCopy, writeLocalCopy } from '../local-copy';

/** A change is copied to the browser this long after the last keystroke. */
const LOCAL_COPY_DELAY_MS = 400;

export type OfferedCopy = LocalCopy & { key: string };

/**
 * The story's copies in this browser: the work in progress (written shortly after each change,
 * at once before each save, cleared when a save is confirmed) and the writer's own text set aside
 * in a conflict. When the story opens, every copy the server does not already have is offered back,
 * one after the other (lib/editor/local-copies).
 */
export function useLocalCopy({
  storageKey,
  snapshot,
  server,
}: {
  storageKey: string;
  /** The form as it is now, as a copy to keep. */
  snapshot: () => LocalCopy;
  /** What the server had when the page was rendered, to tell which copies hold more. */
  server: { fields: Record<string, unknown>; body: unknown };
}) {
  const [offers, setOffers] = useState<OfferedCopy[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const snapshotRef = useRef(snapshot);
  useEffect(() => {
    snapshotRef.current = snapshot;
  }, [snapshot]);

  // Read once the page is in the browser; copies the server already has are cleared.
  const { fields: serverFields, body: serverBody } = server;
  useEffect(() => {
    const stored = [storageKey, setAsideKey(storageKey)].map((key) => ({ key, copy: readLocalCopy(key) }));
    const { offers: found, stale } = copiesToOffer(stored, { fields: serverFields, body: serverBody });
    stale.forEach(clearLocalCopy);
    setOffers(found); // eslint-disable-line react-hooks/set-state-in-effect -- reading browser storage once after mount
  }, [storageKey, serverFields, serverBody]);

  useEffect(() => () => clearTimeout(timer.current), []);

  /** Copies the form a moment after the last change, so a burst of typing is written once. */
  const scheduleWrite = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => writeLocalCopy(storageKey, snapshotRef.current()), LOCAL_COPY_DELAY_MS);
  }, [storageKey]);

  /**
   * Writes the form now (before a save is sent), with the version the save is based on. A copy
   * still waiting to be written would land after the save and outlive it, so it is dropped.
   */
  const writeNow = useCallback(
    (copy: LocalCopy) => {
      clearTimeout(timer.current);
      writeLocalCopy(storageKey, copy);
    },
    [storageKey],
  );

  /** The server confirmed what the form holds: the work-in-progress copy is no longer needed. */
  const clearWork = useCallback(() => {
    clearTimeout(timer.current);
    clearLocalCopy(storageKey);
  }, [storageKey]);

  /**
   * Sets the writer's text aside before the form takes another version: under a key of its own,
   * which later typing and saves never overwrite. A copy of it waiting to be written is dropped,
   * so the work-in-progress place holds only what the form shows from now on.
   */
  const setAside = useCallback(
    (copy: LocalCopy) => {
      clearTimeout(timer.current);
      writeLocalCopy(setAsideKey(storageKey), copy);
    },
    [storageKey],
  );

  /** The copy on offer was restored into the form or discarded: offer the next one, if any. */
  const settleOffer = useCallback(
    (how: 'restored' | 'discarded') => {
      const [current, ...rest] = offers;
      if (!current) return;
      // A restored copy is the work in progress again, kept under the usual key from the next change.
      if (how === 'discarded' || current.key !== storageKey) clearLocalCopy(current.key);
      setOffers(rest);
    },
    [offers, storageKey],
  );

  return { offer: offers[0] ?? null, scheduleWrite, writeNow, clearWork, setAside, settleOffer };
}
