import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../permissions';
import { ARTICLE_STATUSES, type ArticleStatus } from './states';
import { ALL_WORKFLOW_ACTIONS, availableActions, decideTransition, type WorkflowAction } from './transitions';

const now = new Date('2026-11-25T12:00:00Z');
const later = new Date(now.getTime() + 3_600_000);

// DESIGN.md §3 spelled out: (action) → [states it applies to, resulting state, roles allowed].
const TABLE: Record<WorkflowAction, [ArticleStatus[], ArticleStatus, Role[]]> = {
  submit: [['draft', 'changes_requested', 'unpublished'], 'in_review', ['admin', 'editor']],
  request_changes: [['in_review'], 'changes_requested', ['admin', 'reviewer']],
  approve: [['in_review'], 'approved', ['admin', 'reviewer']],
  publish: [['approved'], 'published', ['admin', 'editor']],
  schedule: [['approved'], 'scheduled', ['admin', 'editor']],
  cancel_schedule: [['scheduled'], 'approved', ['admin', 'editor']],
  unpublish: [['published'], 'unpublished', ['admin', 'editor']],
};

describe('every role × state × action', () => {
  for (const action of ALL_WORKFLOW_ACTIONS) {
    for (const role of ROLES) {
      for (const status of ARTICLE_STATUSES) {
        const [from, to, roles] = TABLE[action];
        const expected = !roles.includes(role) ? 'FORBIDDEN' : !from.includes(status) ? 'WRONG_STATE' : to;
        it(`${role} ${action} from ${status} → ${expected}`, () => {
          const decision = decideTransition({
            action,
            role,
            actorId: 1,
            revisionAuthorId: 2,
            status,
            live: false,
            note: 'ملاحظة',
            scheduledFor: later,
            now,
          });
          expect(decision.ok ? decision.to : decision.refusal).toBe(expected);
        });
      }
    }
  }
});

describe('rules beyond the table', () => {
  const base = { role: 'reviewer' as const, actorId: 5, revisionAuthorId: 5, status: 'in_review' as const, live: false, now };

  it('four eyes: nobody approves a revision they wrote, admins included', () => {
    expect(decideTransition({ ...base, action: 'approve' })).toEqual({ ok: false, refusal: 'OWN_REVISION' });
    expect(decideTransition({ ...base, role: 'admin', action: 'approve' })).toEqual({ ok: false, refusal: 'OWN_REVISION' });
    expect(decideTransition({ ...base, revisionAuthorId: 6, action: 'approve' })).toEqual({ ok: true, to: 'approved' });
  });

  it('requesting changes needs a note', () => {
    expect(decideTransition({ ...base, action: 'request_changes', note: '   ' })).toEqual({ ok: false, refusal: 'NOTE_REQUIRED' });
    expect(decideTransition({ ...base, action: 'request_changes', note: 'وضّح المصدر' })).toEqual({ ok: true, to: 'changes_requested' });
  });

  it('a schedule must be in the future, and only for a story not already live', () => {
    const approved = { role: 'editor' as const, actorId: 1, revisionAuthorId: 1, status: 'approved' as const, now, action: 'schedule' as const };
    expect(decideTransition({ ...approved, live: false, scheduledFor: now })).toEqual({ ok: false, refusal: 'SCHEDULE_IN_PAST' });
    expect(decideTransition({ ...approved, live: false, scheduledFor: null })).toEqual({ ok: false, refusal: 'SCHEDULE_IN_PAST' });
    expect(decideTransition({ ...approved, live: true, scheduledFor: later })).toEqual({ ok: false, refusal: 'LIVE_STORY_SCHEDULE' });
    expect(decideTransition({ ...approved, live: false, scheduledFor: later })).toEqual({ ok: true, to: 'scheduled' });
  });

  it('offers a reviewer neither publish nor submit', () => {
    const actions = availableActions({ role: 'reviewer', actorId: 3, revisionAuthorId: 1, status: 'in_review', live: false, now });
    expect(actions.sort()).toEqual(['approve', 'request_changes']);
    expect(availableActions({ role: 'reviewer', actorId: 3, revisionAuthorId: 1, status: 'approved', live: false, now })).toEqual([]);
  });
});
