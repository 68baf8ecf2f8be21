/**
 * Unsaved work kept in the browser until the server confirms a save: after a crash, a closed tab,
 * a lost connection or an expired session, reopening the story offers it back. Signing out clears
 * every copy, so the next person at this computer never sees them. Which copies are offered back,
 * and when, is decided in lib/editor/local-copies.
 */
import type { LocalCopy } from '@/lib/editor/local-copies';

export type { LocalCopy };

const PREFIX = 'midad:unsaved:';

export const localCopyKey = (userId: number, articleId: number | 'new') => `${PREFIX}${userId}:${articleId}`;

export function readLocalCopy(key: string): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as LocalCopy) : null;
  } catch {
    return null;
  }
}

export function writeLocalCopy(key: string, copy: LocalCopy): boolean {
  try {
    window.localStorage.setItem(key, JSON.stringify(copy));
    return true;
  } catch {
    return false; // storage full or disabled: the editor says the text is not kept locally
  }
}

export function clearLocalCopy(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // nothing to clear
  }
}

export function clearAllLocalCopies(): void {
  try {
    for (const key of Object.keys(window.localStorage)) if (key.startsWith(PREFIX)) window.localStorage.removeItem(key);
  } catch {
    // storage unavailable: nothing was kept
  }
}
