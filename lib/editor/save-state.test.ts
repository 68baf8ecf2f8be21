import { describe, expect, it } from 'vitest';
import { eventForFailure, hasUnconfirmedWork, initialSaveState, isTrouble, retriesBySelf, saveReducer, type SaveEvent, type SaveState, type SaveStatus } from './save-state';

const run = (...events: SaveEvent[]) => events.reduce(saveReducer, initialSaveState);
const kind = (state: SaveState) => state.status.kind;

const EVERY_STATUS: SaveStatus[] = [
  { kind: 'saved' },
  { kind: 'unsaved' },
  { kind: 'saving' },
  { kind: 'offline' },
  { kind: 'unreachable' },
  { kind: 'signedOut' },
  { kind: 'failed', code: 'FIELD_TOO_LONG' },
];
const at = (status: SaveStatus, editedDuringSave = false): SaveState => ({ status, editedDuringSave });

describe('the story form’s save state', () => {
  it('starts saved: the form shows what the server has', () => {
    expect(initialSaveState).toEqual({ status: { kind: 'saved' }, editedDuringSave: false });
  });

  it('an edit makes any state but saving unsaved', () => {
    for (const status of EVERY_STATUS.filter((s) => s.kind !== 'saving')) {
      expect(saveReducer(at(status), { type: 'edited' }), status.kind).toEqual(at({ kind: 'unsaved' }));
    }
  });

  it('a save sent from any state is saving, with nothing typed during it yet', () => {
    for (const status of EVERY_STATUS) {
      expect(saveReducer(at(status, true), { type: 'sent' }), status.kind).toEqual(at({ kind: 'saving' }));
    }
  });

  it('a confirmed save with nothing typed meanwhile is saved', () => {
    expect(run({ type: 'edited' }, { type: 'sent' }, { type: 'confirmed' })).toEqual(at({ kind: 'saved' }));
  });

  it('text typed during a save stays unsaved after the save is confirmed', () => {
    const typing = run({ type: 'edited' }, { type: 'sent' }, { type: 'edited' });
    expect(typing).toEqual(at({ kind: 'saving' }, true));
    const answered = saveReducer(typing, { type: 'confirmed' });
    expect(answered).toEqual(at({ kind: 'unsaved' }));
    // …and the next save of it, confirmed with no typing in between, is saved.
    expect(saveReducer(saveReducer(answered, { type: 'sent' }), { type: 'confirmed' })).toEqual(at({ kind: 'saved' }));
  });

  it('text typed during a save that fails stays unsaved work too', () => {
    const failed = run({ type: 'edited' }, { type: 'sent' }, { type: 'edited' }, { type: 'refused', code: 'SECTION_REQUIRED' });
    expect(failed.status).toEqual({ kind: 'failed', code: 'SECTION_REQUIRED' });
    expect(hasUnconfirmedWork(failed.status)).toBe(true);
  });

  it('a save answered with a conflict is failed with ARTICLE_STALE; keeping mine sends again, and its confirmation saves', () => {
    const conflict = run({ type: 'edited' }, { type: 'sent' }, eventForFailure('ARTICLE_STALE'));
    expect(conflict.status).toEqual({ kind: 'failed', code: 'ARTICLE_STALE' });
    expect(kind(run({ type: 'edited' }, { type: 'sent' }, eventForFailure('ARTICLE_STALE'), { type: 'sent' }, { type: 'confirmed' }))).toBe('saved');
  });

  it('taking their version in a conflict is saved, or unsaved when other fields of mine still differ', () => {
    const conflict = run({ type: 'edited' }, { type: 'sent' }, eventForFailure('ARTICLE_STALE'));
    expect(saveReducer(conflict, { type: 'adoptedTheirs', keepsEdits: false })).toEqual(at({ kind: 'saved' }));
    expect(saveReducer(conflict, { type: 'adoptedTheirs', keepsEdits: true })).toEqual(at({ kind: 'unsaved' }));
  });

  it('an error then a retry: refused, edited, sent again, confirmed', () => {
    const refused = run({ type: 'edited' }, { type: 'sent' }, { type: 'refused', code: 'TITLE_REQUIRED' });
    expect(refused.status).toEqual({ kind: 'failed', code: 'TITLE_REQUIRED' });
    expect(retriesBySelf(refused.status)).toBe(false);
    const fixed = saveReducer(refused, { type: 'edited' });
    expect(kind(fixed)).toBe('unsaved');
    expect(kind(saveReducer(saveReducer(fixed, { type: 'sent' }), { type: 'confirmed' }))).toBe('saved');
  });

  it('a database outage is retried by the form itself until a retry is confirmed', () => {
    const down = run({ type: 'edited' }, { type: 'sent' }, eventForFailure('DATABASE_UNAVAILABLE'));
    expect(down).toEqual(at({ kind: 'unreachable' }));
    expect(retriesBySelf(down.status)).toBe(true);
    const stillDown = saveReducer(saveReducer(down, { type: 'sent' }), eventForFailure('DATABASE_UNAVAILABLE'));
    expect(kind(stillDown)).toBe('unreachable');
    expect(kind(saveReducer(saveReducer(stillDown, { type: 'sent' }), { type: 'confirmed' }))).toBe('saved');
  });

  it('offline: retried by the form, typing meanwhile makes it unsaved, and the retry that gets through saves', () => {
    const offline = run({ type: 'edited' }, { type: 'sent' }, { type: 'offline' });
    expect(offline).toEqual(at({ kind: 'offline' }));
    expect(retriesBySelf(offline.status)).toBe(true);
    expect(isTrouble(offline.status)).toBe(true);
    expect(kind(saveReducer(offline, { type: 'edited' }))).toBe('unsaved');
    expect(kind(saveReducer(saveReducer(offline, { type: 'sent' }), { type: 'confirmed' }))).toBe('saved');
  });

  it('typing during a retry after going offline still leaves the text unsaved once the retry is confirmed', () => {
    expect(kind(run({ type: 'edited' }, { type: 'sent' }, { type: 'offline' }, { type: 'sent' }, { type: 'edited' }, { type: 'confirmed' }))).toBe('unsaved');
  });

  it('a session that ended is signedOut until a save after signing in again is confirmed', () => {
    const out = run({ type: 'edited' }, { type: 'sent' }, eventForFailure('UNAUTHENTICATED'));
    expect(out).toEqual(at({ kind: 'signedOut' }));
    expect(retriesBySelf(out.status)).toBe(false);
    expect(kind(saveReducer(saveReducer(out, { type: 'sent' }), { type: 'confirmed' }))).toBe('saved');
  });

  it('every code other than an outage or an ended session is a refusal', () => {
    for (const code of ['ARTICLE_STALE', 'FORBIDDEN', 'CONTENT_TOO_LARGE', 'UNEXPECTED'] as const) {
      expect(eventForFailure(code)).toEqual({ type: 'refused', code });
    }
  });

  it('only saved has no unconfirmed work; trouble is what the writer must notice', () => {
    expect(EVERY_STATUS.filter(hasUnconfirmedWork).map((s) => s.kind)).toEqual(['unsaved', 'saving', 'offline', 'unreachable', 'signedOut', 'failed']);
    expect(EVERY_STATUS.filter(isTrouble).map((s) => s.kind)).toEqual(['offline', 'unreachable', 'signedOut', 'failed']);
  });
});
