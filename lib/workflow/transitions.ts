import { can, type Capability, type Role } from '../permissions';
import type { ArticleStatus } from './states';

interface WorkflowRule {
  /** The states the action applies to. */
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  capability: Capability;
  /** The action applies only while readers can see the story, whatever its `from` state. */
  whileLive?: true;
  /** Where the story goes from these states instead of `to`. */
  toFrom?: Partial<Record<ArticleStatus, ArticleStatus>>;
}

/**
 * The states a live story is in while an edited revision of it is pending: readers see the
 * published revision while the working one is written, reviewed or approved.
 */
export const PENDING_EDIT_STATES = ['draft', 'in_review', 'changes_requested', 'approved'] as const satisfies readonly ArticleStatus[];

/** The editorial workflow of docs/product.md §3, as data. */
export const WORKFLOW_ACTIONS = {
  submit: { from: ['draft', 'changes_requested', 'unpublished'], to: 'in_review', capability: 'article.submit' },
  request_changes: { from: ['in_review'], to: 'changes_requested', capability: 'article.review' },
  approve: { from: ['in_review'], to: 'approved', capability: 'article.review' },
  publish: { from: ['approved'], to: 'published', capability: 'article.publish' },
  schedule: { from: ['approved'], to: 'scheduled', capability: 'article.publish' },
  cancel_schedule: { from: ['scheduled'], to: 'approved', capability: 'article.publish' },
  // Taking a story down cannot wait for a pending edit's review: whenever readers see it, it can
  // go at once. The pending edit is kept as a draft, since its review was of a story then live.
  unpublish: {
    from: ['published', 'scheduled', ...PENDING_EDIT_STATES],
    to: 'unpublished',
    capability: 'article.publish',
    whileLive: true,
    toFrom: { draft: 'draft', in_review: 'draft', changes_requested: 'draft', approved: 'draft' },
  },
} as const satisfies Record<string, WorkflowRule>;

export type WorkflowAction = keyof typeof WORKFLOW_ACTIONS;
export const ALL_WORKFLOW_ACTIONS = Object.keys(WORKFLOW_ACTIONS) as WorkflowAction[];

export type TransitionRefusal =
  | 'FORBIDDEN' // the role may not take this action at all
  | 'WRONG_STATE' // the action does not apply to the article's current state (or visibility)
  | 'OWN_REVISION' // four-eyes: nobody approves a change that holds their own edits
  | 'NOTE_REQUIRED' // requesting changes needs a note for the author
  | 'SCHEDULE_IN_PAST' // a schedule must be in the future
  | 'LIVE_STORY_SCHEDULE'; // a live story's update is published now, not scheduled

export interface TransitionRequest {
  action: WorkflowAction;
  role: Role;
  actorId: number;
  status: ArticleStatus;
  /**
   * Everyone who wrote a revision of the article since it was last approved (or since it was
   * created): the change an approval would cover, not only its latest revision.
   */
  changeAuthorIds: readonly number[];
  /**
   * Whether the story is out: readers can see a published revision of it now, or will when its
   * embargo ends (isReleased), so it can be taken down either way.
   */
  live: boolean;
  note?: string | null;
  scheduledFor?: Date | null;
  now: Date;
}

export type TransitionDecision = { ok: true; to: ArticleStatus } | { ok: false; refusal: TransitionRefusal };

/**
 * Decides one transition. Pure: the use cases call it inside their transaction with freshly
 * locked rows, and the desk calls it to decide which buttons to show.
 */
export function decideTransition(request: TransitionRequest): TransitionDecision {
  const rule: WorkflowRule = WORKFLOW_ACTIONS[request.action];
  if (!can(request.role, rule.capability)) return { ok: false, refusal: 'FORBIDDEN' };
  if (!rule.from.includes(request.status) || (rule.whileLive && !request.live)) return { ok: false, refusal: 'WRONG_STATE' };
  if (request.action === 'approve' && request.changeAuthorIds.includes(request.actorId)) {
    return { ok: false, refusal: 'OWN_REVISION' };
  }
  if (request.action === 'request_changes' && !request.note?.trim()) return { ok: false, refusal: 'NOTE_REQUIRED' };
  if (request.action === 'schedule') {
    if (request.live) return { ok: false, refusal: 'LIVE_STORY_SCHEDULE' };
    if (!request.scheduledFor || request.scheduledFor.getTime() <= request.now.getTime()) {
      return { ok: false, refusal: 'SCHEDULE_IN_PAST' };
    }
  }
  return { ok: true, to: rule.toFrom?.[request.status] ?? rule.to };
}

/** The actions a person could take on an article now (notes and times aside), for the desk's buttons. */
export function availableActions(request: Omit<TransitionRequest, 'action' | 'note' | 'scheduledFor'>): WorkflowAction[] {
  return ALL_WORKFLOW_ACTIONS.filter((action) => {
    const decision = decideTransition({ ...request, action, note: 'x', scheduledFor: new Date(request.now.getTime() + 60_000) });
    return decision.ok;
  });
}
