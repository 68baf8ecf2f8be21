import type { ErrorCode } from '@/lib/errors';

/**
 * Where the story form stands with the server, as a pure state machine: the form dispatches what
 * happened (the writer typed, a save was sent, the server answered) and shows the status it gets
 * back. Timers, requests and browser storage stay in the form; the rules live here, so every
 * transition is tested without a browser (save-state.test.ts).
 */
export type SaveStatus =
  /** The server holds exactly what the form shows. */
  | { kind: 'saved' }
  /** The writer changed something the server does not have yet (this browser keeps a copy). */
  | { kind: 'unsaved' }
  /** A save is on its way; what was typed meanwhile is remembered in `editedDuringSave`. */
  | { kind: 'saving' }
  /** The request never reached the server: retried every few seconds and when the browser is back online. */
  | { kind: 'offline' }
  /** The server answered, its database did not: nothing was written, the same save is retried. */
  | { kind: 'unreachable' }
  /** The session ended (signed out elsewhere, expired): the text waits here and in the local copy. */
  | { kind: 'signedOut' }
  /** Refused, by the server or before sending (too large): the code says why, and the text stays. */
  | { kind: 'failed'; code: ErrorCode };

export interface SaveState {
  status: SaveStatus;
  /** The writer typed while a save was on its way: that save, once confirmed, leaves the form unsaved. */
  editedDuringSave: boolean;
}

export type SaveEvent =
  /** Any change the writer makes: a field, the body, the featured image, a restored copy. */
  | { type: 'edited' }
  /** A save (explicit, autosave or retry) was sent with the form as it is now. */
  | { type: 'sent' }
  /** The server confirmed the save that was sent. */
  | { type: 'confirmed' }
  /** The server refused the save (a conflict with a newer version, a field, a permission…). */
  | { type: 'refused'; code: ErrorCode }
  | { type: 'unreachable' }
  | { type: 'offline' }
  | { type: 'signedOut' }
  /**
   * The writer took the newer version in a conflict: the form now shows what the server has,
   * unless `keepsEdits` (fields the conflict did not cover still differ), which stay unsaved.
   */
  | { type: 'adoptedTheirs'; keepsEdits: boolean };

export const initialSaveState: SaveState = { status: { kind: 'saved' }, editedDuringSave: false };

export function saveReducer(state: SaveState, event: SaveEvent): SaveState {
  switch (event.type) {
    case 'edited':
      // Typing during a save cannot change what was sent: it is remembered for when the answer comes.
      return state.status.kind === 'saving' ? { ...state, editedDuringSave: true } : { status: { kind: 'unsaved' }, editedDuringSave: false };
    case 'sent':
      return { status: { kind: 'saving' }, editedDuringSave: false };
    case 'confirmed':
      return { status: { kind: state.editedDuringSave ? 'unsaved' : 'saved' }, editedDuringSave: false };
    case 'refused':
      return { status: { kind: 'failed', code: event.code }, editedDuringSave: false };
    case 'unreachable':
    case 'offline':
    case 'signedOut':
      return { status: { kind: event.type }, editedDuringSave: false };
    case 'adoptedTheirs':
      return { status: { kind: event.keepsEdits ? 'unsaved' : 'saved' }, editedDuringSave: false };
  }
}

/** The server failure codes that mean "try the same save again later", not "refused". */
export function eventForFailure(code: ErrorCode): SaveEvent {
  if (code === 'DATABASE_UNAVAILABLE') return { type: 'unreachable' };
  // Signing in again (in another tab, so this one keeps the text) makes the next save work.
  if (code === 'UNAUTHENTICATED') return { type: 'signedOut' };
  return { type: 'refused', code };
}

/** Whether the text on screen may differ from the server's: leaving the page warns, the local copy is kept. */
export const hasUnconfirmedWork = (status: SaveStatus) => status.kind !== 'saved';

/** Whether the form tries the same save again by itself (after a delay, or when the browser is back online). */
export const retriesBySelf = (status: SaveStatus) => status.kind === 'offline' || status.kind === 'unreachable';

/** Statuses shown as a warning rather than as plain information. */
export const isTrouble = (status: SaveStatus) => status.kind === 'failed' || status.kind === 'offline' || status.kind === 'unreachable' || status.kind === 'signedOut';
