'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { ContentDocument } from '@/lib/content/types';
import { MAX_DOCUMENT_BYTES } from '@/lib/content/validate';
import type { ActionResult, ArticlePayload, ConflictVersion, SavedArticle } from '@/lib/desk/results';
import { eventForFailure, initialSaveState, saveReducer, type SaveEvent, type SaveState } from '@/lib/editor/save-state';
import { storyText, type LocalCopy } from '@/lib/editor/local-copies';
import type { ErrorCode } from '@/lib/errors';

/** A failed save that may succeed unchanged (offline, database down) is sent again after this long. */
const RETRY_DELAY_MS = 5000;
/** The largest save request sent: the body's own limit plus room for the fields, under Next's 1 MiB. */
const MAX_REQUEST_BYTES = MAX_DOCUMENT_BYTES + 40_000;
/** Autosave after this much quiet; autosaves are kept apart from explicit saves in the history. */
const AUTOSAVE_DELAY_MS = 8000;

/** The newer version a save collided with, and the writer's own text at that moment. */
export type Conflict = ConflictVersion & { mine: string };

export interface SaveProtocolOptions {
  /** Null for a new story: its first explicit save creates it. */
  articleId: number | null;
  editable: boolean;
  /** The version the page was rendered with. */
  initialVersion: number;
  /** The version the form is based on, kept by the form for whoever reads it outside a render. */
  versionRef: RefObject<number>;
  /** The form as it is now: what a save sends. */
  read: () => { fields: ArticlePayload['fields']; body: ContentDocument; copyFields: Record<string, unknown> };
  create: (payload: ArticlePayload) => Promise<ActionResult<{ id: number }>>;
  save: (articleId: number, expectedVersion: number, payload: ArticlePayload, autosave?: boolean) => Promise<ActionResult<SavedArticle>>;
  /** The local copy: written before each save, cleared when the server confirms all of it. */
  localCopy: { writeNow: (copy: LocalCopy) => void; clearWork: () => void };
  /** A new story was created: the page moves to its address. */
  onCreated: (id: number) => void;
  /** A save was confirmed: the page refreshes what depends on the version. */
  onConfirmed: () => void;
}

/**
 * The save protocol of the story form: every save carries the version it is based on; the answer
 * moves the state machine (lib/editor/save-state), the version, the conflict and the per-field
 * errors. Saves the server could not take for reasons that pass (offline, database down) are
 * retried by themselves; quiet typing autosaves; Ctrl+S (⌘S) saves; leaving with unconfirmed work
 * asks first.
 */
export function useSaveProtocol({ articleId, editable, initialVersion, versionRef, read, create, save: saveAction, localCopy, onCreated, onConfirmed }: SaveProtocolOptions) {
  // The machine is read right after an answer (to know whether to clear the local copy), so the
  // current state lives in a ref and is mirrored into React state for rendering.
  const machine = useRef<SaveState>(initialSaveState);
  const [state, setState] = useState<SaveState>(initialSaveState);
  const dispatch = useCallback((event: SaveEvent) => {
    machine.current = saveReducer(machine.current, event);
    setState(machine.current);
    return machine.current;
  }, []);

  const [version, setVersion] = useState(initialVersion);
  const updateVersion = useCallback(
    (next: number) => {
      versionRef.current = next;
      setVersion(next);
    },
    [versionRef],
  );
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const autosaveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef<(baseVersion: number, autosave?: boolean) => Promise<void>>(async () => {});

  const save = useCallback(
    async (baseVersion: number, autosave = false) => {
      clearTimeout(retryTimer.current);
      clearTimeout(autosaveTimer.current);
      const { fields, body, copyFields } = read();
      localCopy.writeNow({ fields: copyFields, body, baseVersion, savedAt: new Date().toISOString() });
      dispatch({ type: 'sent' });
      setFieldErrors({});
      // Next refuses a request over its 1 MB limit before our code runs, with an error the form
      // could not tell from a lost connection; anything that large would be refused anyway.
      const payload: ArticlePayload = { fields, body };
      if (new Blob([JSON.stringify(payload)]).size > MAX_REQUEST_BYTES) {
        dispatch({ type: 'refused', code: 'CONTENT_TOO_LARGE' });
        return;
      }
      const retryLater = (event: SaveEvent) => {
        dispatch(event);
        retryTimer.current = setTimeout(() => void saveRef.current(baseVersion, autosave), RETRY_DELAY_MS);
      };
      const failed = (error: ErrorCode, errors: Record<string, string> | undefined) => {
        const event = eventForFailure(error);
        // The server answered but its database did not: nothing was written, so the same save is retried.
        if (event.type === 'unreachable') return retryLater(event);
        if (event.type === 'refused') setFieldErrors(errors ?? {});
        dispatch(event);
      };
      try {
        if (articleId === null) {
          const result = await create(payload);
          if (!result.ok) return failed(result.error, result.fieldErrors);
          localCopy.clearWork();
          onCreated(result.value.id);
          return;
        }
        const result = await saveAction(articleId, baseVersion, payload, autosave);
        if (result.ok) {
          updateVersion(result.value.version);
          setConflict(null);
          // What was typed during the save is still only here: its copy stays until a save holds it.
          if (dispatch({ type: 'confirmed' }).status.kind === 'saved') localCopy.clearWork();
          onConfirmed();
          return;
        }
        if (result.conflict) setConflict({ ...result.conflict, mine: storyText(fields, body) });
        failed(result.error, result.fieldErrors);
      } catch {
        // The request never reached the server (offline, server restarting): keep trying.
        retryLater({ type: 'offline' });
      }
    },
    [articleId, create, dispatch, localCopy, onConfirmed, onCreated, read, saveAction, updateVersion],
  );

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  /** The writer changed something: the state says so, and quiet typing autosaves a story that exists. */
  const edited = useCallback(() => {
    dispatch({ type: 'edited' });
    // A new story is created by its first explicit save; after that, quiet typing autosaves.
    clearTimeout(autosaveTimer.current);
    if (articleId !== null && editable) {
      autosaveTimer.current = setTimeout(() => void saveRef.current(versionRef.current, true), AUTOSAVE_DELAY_MS);
    }
  }, [articleId, editable, dispatch, versionRef]);

  /**
   * The writer took the newer version in the conflict: the form is now based on it. Unless other
   * fields of theirs still differ (`keepsEdits`), nothing is waiting to be saved.
   */
  const adoptTheirs = useCallback(
    (keepsEdits: boolean) => {
      if (!conflict) return;
      updateVersion(conflict.version);
      setConflict(null);
      clearTimeout(autosaveTimer.current);
      dispatch({ type: 'adoptedTheirs', keepsEdits });
    },
    [conflict, dispatch, updateVersion],
  );

  // The page re-renders after workflow actions (submit, approve…), which move the version on.
  // With nothing unsaved the form adopts it; with unsaved text it keeps its base, so the next
  // save shows what changed instead of silently overwriting it.
  useEffect(() => {
    if (state.status.kind === 'saved' && initialVersion > versionRef.current) updateVersion(initialVersion);
  }, [initialVersion, state.status.kind, updateVersion, versionRef]);

  useEffect(() => {
    const retry = () => {
      if (machine.current.status.kind === 'offline') void saveRef.current(versionRef.current);
    };
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [versionRef]);

  useEffect(
    () => () => {
      clearTimeout(retryTimer.current);
      clearTimeout(autosaveTimer.current);
    },
    [],
  );

  // Ctrl+S (⌘S on a Mac) is «حفظ», wherever the focus is on the page, instead of the browser's
  // "save page as". The key is read by its place as well as its letter: with an Arabic layout the
  // same key types «س».
  useEffect(() => {
    if (!editable) return;
    const shortcut = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || (event.code !== 'KeyS' && event.key.toLowerCase() !== 's')) return;
      event.preventDefault();
      if (machine.current.status.kind !== 'saving') void saveRef.current(versionRef.current);
    };
    window.addEventListener('keydown', shortcut);
    return () => window.removeEventListener('keydown', shortcut);
  }, [editable, versionRef]);

  // Warn before leaving with unsaved work (the local copy keeps it either way).
  const unconfirmed = state.status.kind !== 'saved';
  useEffect(() => {
    if (!unconfirmed) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unconfirmed]);

  return { status: state.status, version, conflict, fieldErrors, save, edited, adoptTheirs };
}
