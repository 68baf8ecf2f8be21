import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../permissions';
import { ARTICLE_STATUSES, type ArticleStatus } from './states';
import { ALL_WORKFLOW_ACTIONS, availableActions, decideTransition, type WorkflowAction } from './transitions';

const now = new Date('2026-11-25T12:00:00Z');
const later = new Date(now.getTime() + 3_600_000);

// docs/product.md §3 spelled out: (action) → [states it applies to, resulting state, roles allowed].
// Whether readers can see the story matters to two actions only, checked in their own column below.
const TABLE: Record<WorkflowAction, [ArticleStatus[], ArticleStatus, Role[]]> = {
  submit: [['draft', 'changes_requested', 'unpublished'], 'in_review', ['admin', 'editor']],
  request_changes: [['in_review'], 'changes_requested', ['admin', 'reviewer']],
  approve: [['in_review'], 'approved', ['admin', 'reviewer']],
  publish: [['approved'], 'published', ['admin', 'editor']],
  schedule: [['approved'], 'scheduled', ['admin', 'editor']],
  cancel_schedule: [['scheduled'], 'approved', ['admin', 'editor']],
  unpublish: [['published', 'scheduled', 'draft', 'in_review', 'changes_requested', 'approved'], 'unpublished', ['admin', 'editor']],
};

/** What each action gives for a story readers can see (live) or cannot, all else equal. */
function expectedOutcome(action: WorkflowAction, role: Role, status: ArticleStatus, live: boolean): string {
  const [from, to, roles] = TABLE[action];
  if (!roles.includes(role)) return 'FORBIDDEN';
  // Taking down applies exactly while readers see the story, whatever its working revision is doing.
  if (action === 'unpublish') {
    if (!live || !from.includes(status)) return 'WRONG_STATE';
    // The story itself goes offline; an edit waiting in draft, review or approval stays as a draft.
    return status === 'published' || status === 'scheduled' ? 'unpublished' : 'draft';
  }
  if (!from.includes(status)) return 'WRONG_STATE';
  if (action === 'schedule' && live) return 'LIVE_STORY_SCHEDULE';
  return to;
}

describe('every role × state × live × action', () => {
  for (const action of ALL_WORKFLOW_ACTIONS) {
    for (const role of ROLES) {
      for (const status of ARTICLE_STATUSES) {
        for (const live of [false, true]) {
          const expected = expectedOutcome(action, role, status, live);
          it(`${role} ${action} from ${status}${live ? ' (live)' : ''} → ${expected}`, () => {
            const decision = decideTransition({
              action,
              role,
              actorId: 1,
              changeAuthorIds: [2],
              status,
              live,
              note: 'ملاحظة',
              scheduledFor: later,
              now,
            });
            expect(decision.ok ? decision.to : decision.refusal).toBe(expected);
          });
        }
      }
    }
  }
});

describe('taking a live story down', () => {
  it('is offered to editors and admins whenever the story is live, and to nobody once it is not', () => {
    for (const status of ['published', 'draft', 'in_review', 'changes_requested', 'approved'] as const) {
      for (const role of ['admin', 'editor'] as const) {
        expect(availableActions({ role, actorId: 1, changeAuthorIds: [2], status, live: true, now })).toContain('unpublish');
        expect(availableActions({ role, actorId: 1, changeAuthorIds: [2], status, live: false, now })).not.toContain('unpublish');
      }
      expect(availableActions({ role: 'reviewer', actorId: 1, changeAuthorIds: [2], status, live: true, now })).not.toContain('unpublish');
    }
  });

  it('keeps a pending edit as a draft, even one already approved', () => {
    const request = { action: 'unpublish' as const, role: 'editor' as const, actorId: 1, changeAuthorIds: [1], live: true, now };
    expect(decideTransition({ ...request, status: 'approved' })).toEqual({ ok: true, to: 'draft' });
    expect(decideTransition({ ...request, status: 'in_review' })).toEqual({ ok: true, to: 'draft' });
    expect(decideTransition({ ...request, status: 'published' })).toEqual({ ok: true, to: 'unpublished' });
  });

  it('leaves a schedule that has not come yet to «cancel schedule»', () => {
    const request = { role: 'editor' as const, actorId: 1, changeAuthorIds: [1], status: 'scheduled' as const, live: false, now };
    expect(availableActions(request).sort()).toEqual(['cancel_schedule']);
    expect(availableActions({ ...request, live: true }).sort()).toEqual(['cancel_schedule', 'unpublish']);
  });
});

describe('rules beyond the table', () => {
  const base = { role: 'reviewer' as const, actorId: 5, changeAuthorIds: [5], status: 'in_review' as const, live: false, now };

  it('four eyes: nobody approves a change holding their own edits, admins included', () => {
    expect(decideTransition({ ...base, action: 'approve' })).toEqual({ ok: false, refusal: 'OWN_REVISION' });
    expect(decideTransition({ ...base, role: 'admin', action: 'approve' })).toEqual({ ok: false, refusal: 'OWN_REVISION' });
    expect(decideTransition({ ...base, changeAuthorIds: [6], action: 'approve' })).toEqual({ ok: true, to: 'approved' });
    // Someone else's later fix does not make an earlier edit of the approver's their own no longer.
    expect(decideTransition({ ...base, changeAuthorIds: [5, 6], action: 'approve' })).toEqual({ ok: false, refusal: 'OWN_REVISION' });
    expect(decideTransition({ ...base, changeAuthorIds: [6, 5], role: 'admin', action: 'approve' })).toEqual({ ok: false, refusal: 'OWN_REVISION' });
    // A change nobody has edited since the last approval holds nobody's edits.
    expect(decideTransition({ ...base, changeAuthorIds: [], action: 'approve' })).toEqual({ ok: true, to: 'approved' });
  });

  it('requesting changes needs a note', () => {
    expect(decideTransition({ ...base, action: 'request_changes', note: '   ' })).toEqual({ ok: false, refusal: 'NOTE_REQUIRED' });
    expect(decideTransition({ ...base, action: 'request_changes', note: 'وضّح المصدر' })).toEqual({ ok: true, to: 'changes_requested' });
  });

  it('a schedule must be in the future, and only for a story not already live', () => {
    const approved = { role: 'editor' as const, actorId: 1, changeAuthorIds: [1], status: 'approved' as const, now, action: 'schedule' as const };
    expect(decideTransition({ ...approved, live: false, scheduledFor: now })).toEqual({ ok: false, refusal: 'SCHEDULE_IN_PAST' });
    expect(decideTransition({ ...approved, live: false, scheduledFor: null })).toEqual({ ok: false, refusal: 'SCHEDULE_IN_PAST' });
    expect(decideTransition({ ...approved, live: true, scheduledFor: later })).toEqual({ ok: false, refusal: 'LIVE_STORY_SCHEDULE' });
    expect(decideTransition({ ...approved, live: false, scheduledFor: later })).toEqual({ ok: true, to: 'scheduled' });
  });

  it('offers a reviewer neither publish nor submit', () => {
    const actions = availableActions({ role: 'reviewer', actorId: 3, changeAuthorIds: [1], status: 'in_review', live: false, now });
    expect(actions.sort()).toEqual(['approve', 'request_changes']);
    expect(availableActions({ role: 'reviewer', actorId: 3, changeAuthorIds: [1], status: 'approved', live: false, now })).toEqual([]);
  });
});
