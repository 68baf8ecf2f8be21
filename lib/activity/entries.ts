import type { ArticleStatus } from '../workflow/states';
import type { PublicNoteInput } from '../workflow/public-notes';
import type { WorkflowAction } from '../workflow/transitions';

/**
 * The kinds of entry in the newsroom activity log and the details each one carries. Every entry
 * names its kind and has exactly the details that kind defines, so the log never needs a
 * free-text column doing several jobs; readers of the log switch on `kind`.
 */
export type ActivityEntry = ActivitySubjects &
  (
  | { kind: 'auth.signed_in'; actorId: number; details: { address: string } }
  | { kind: 'auth.signed_out'; actorId: number; details: Record<string, never> }
  /**
   * A wrong password, an unknown or a deactivated account. `email` is what was typed when it
   * names an account, null otherwise (it may be a password typed into the wrong field).
   */
  | { kind: 'auth.sign_in_failed'; actorId: null; details: { email: string | null; address: string } }
  /** An attempt refused because a limit was reached; `scope` names the counter that refused it. */
  | {
      kind: 'auth.sign_in_limited';
      actorId: null;
      details: { email: string | null; address: string; scope: string; retryAfterSeconds: number };
    }
  /** A wrong current password given when changing one's own password. */
  | { kind: 'auth.password_check_failed'; actorId: number; details: { address: string } }
  | { kind: 'auth.password_check_limited'; actorId: number; details: { address: string; retryAfterSeconds: number } }
  | { kind: 'section.created'; actorId: number; details: { sectionId: number; name: string; slug: string } }
  | {
      kind: 'section.updated';
      actorId: number;
      details: { sectionId: number; name: string; slug: string; previousName: string; previousSlug: string };
    }
  | { kind: 'section.moved'; actorId: number; details: { sectionId: number; name: string; direction: 'up' | 'down' } }
  | { kind: 'person.created'; actorId: number; subjectUserId: number; details: { email: string; role: string } }
  | { kind: 'person.role_changed'; actorId: number; subjectUserId: number; details: { from: string; to: string } }
  | { kind: 'person.deactivated'; actorId: number; subjectUserId: number; details: Record<string, never> }
  | { kind: 'person.reactivated'; actorId: number; subjectUserId: number; details: Record<string, never> }
  /** An admin set someone's password; never the password itself. */
  | { kind: 'person.password_reset'; actorId: number; subjectUserId: number; details: Record<string, never> }
  | { kind: 'auth.password_changed'; actorId: number; subjectUserId: number; details: { address: string } }
  /** Each changed setting with its old and new value. */
  | { kind: 'settings.updated'; actorId: number; details: { changes: SettingChange[] } }
  /** An image added to the media library, as stored (re-encoded; the uploader's file name is never kept). */
  | {
      kind: 'media.uploaded';
      actorId: number;
      details: { mediaId: number; file: string; mime: string; width: number; height: number; bytes: number; alt: string };
    }
  /**
   * A signed-in person refused an operation their role does not allow: which desk operation (a
   * server action's or a route's name), never what they sent.
   */
  | { kind: 'access.refused'; actorId: number; details: { operation: string } }
  /** A content-API key made or revoked; `prefix` is the part of the key shown in the desk, never the key. */
  | { kind: 'api_key.created' | 'api_key.revoked'; actorId: number; details: ApiKeyDetails }
  /** A partner preview link to one story made or revoked; `expiresAt` is when it stops answering, as an ISO instant. */
  | { kind: 'preview_link.created' | 'preview_link.revoked'; actorId: number; articleId: number; details: { linkId: number; expiresAt: string } }
  | StoryEntry
  );

/**
 * A story's history. Each entry names the story (`articleId`) and the revision it concerns
 * (`revisionId`): the one written, the one submitted, approved or published, or — for a takedown —
 * the one readers stopped seeing. `from` and `to` are the workflow states before and after.
 */
export type StoryEntry = { actorId: number; articleId: number; revisionId: number | null } & (
  | { kind: 'story.created'; details: { to: ArticleStatus } }
  /** Brought in from the site the newsroom moved from: `source` names it, `sourceId` is the post's id there. */
  | { kind: 'story.imported'; details: { to: ArticleStatus; source: string; sourceId: string } }
  | { kind: 'story.saved'; details: SaveDetails }
  /** An old revision's text saved again as a new revision. */
  | { kind: 'story.restored'; details: SaveDetails & { fromRevision: number } }
  | { kind: 'story.submitted'; details: StatusChange }
  | { kind: 'story.approved'; details: StatusChange & { note: string | null } }
  | { kind: 'story.changes_requested'; details: StatusChange & { note: string } }
  /** `publicNote`: the «تصحيح» or «تحديث» readers were given with this publication of a live story. */
  | { kind: 'story.published'; details: StatusChange & { publicNote?: PublicNoteInput } }
  /** `at`: when it goes live, as an ISO instant. */
  | { kind: 'story.scheduled'; details: StatusChange & { at: string } }
  | { kind: 'story.schedule_cancelled'; details: StatusChange }
  /** Recorded by the first write after the scheduled time (readers saw it from that time on). */
  | { kind: 'story.published_on_schedule'; details: StatusChange }
  /** A takedown: readers lose the story at once. */
  | { kind: 'story.unpublished'; details: StatusChange }
  /**
   * An embargo («حظر النشر حتى») set where there was none, moved, or lifted. `until` is the new
   * embargo time (null once lifted), `previousUntil` the one it replaced, as ISO instants.
   */
  | { kind: 'story.embargo_set' | 'story.embargo_changed' | 'story.embargo_lifted'; details: EmbargoChange }
  /**
   * Marked breaking news («عاجل») until `until`, or the mark cleared (`until` null); `previousUntil`
   * is the end of the mark it replaced when one was still running, as ISO instants.
   */
  | { kind: 'story.breaking_set' | 'story.breaking_cleared'; details: { until: string | null; previousUntil: string | null } }
);

export interface ApiKeyDetails {
  keyId: number;
  name: string;
  keyScope: 'public' | 'partner';
  prefix: string;
}

export interface EmbargoChange {
  until: string | null;
  previousUntil: string | null;
  note: string;
}

export interface StatusChange {
  from: ArticleStatus;
  to: ArticleStatus;
}

/** What a save can change: the revision's fields, and the slug, section and tags beside them. */
export const STORY_FIELDS = ['title', 'summary', 'byline', 'featuredImage', 'body', 'slug', 'section', 'tags'] as const;
export type StoryField = (typeof STORY_FIELDS)[number];

export interface SaveDetails extends StatusChange {
  /** The save moved an approved or scheduled story back to draft: approval covers exactly one text. */
  approvalVoided: boolean;
  /**
   * What this save changed. Revision fields are compared with the last explicit save («حفظ»), so
   * autosaves in between do not hide what changed; slug, section and tags with the story before the
   * save. Entries copied from the old story log list revision fields only.
   */
  changed: StoryField[];
  /** An autosave is recorded only when it changes the workflow state, the slug, the section or the tags. */
  autosave?: true;
}

export type StoryKind = StoryEntry['kind'];

/** The entry each workflow action records: the one place action names meet the log's kinds. */
export const STORY_KIND_OF_ACTION = {
  submit: 'story.submitted',
  request_changes: 'story.changes_requested',
  approve: 'story.approved',
  publish: 'story.published',
  schedule: 'story.scheduled',
  cancel_schedule: 'story.schedule_cancelled',
  unpublish: 'story.unpublished',
} as const satisfies Record<WorkflowAction, StoryKind>;

/** The entry for a workflow step taken by a person, with the details its kind carries. */
export function storyTransitionEntry(
  action: WorkflowAction,
  step: {
    actorId: number;
    articleId: number;
    revisionId: number | null;
    from: ArticleStatus;
    to: ArticleStatus;
    note: string | null;
    scheduledFor: Date | null;
    publicNote?: PublicNoteInput | null;
  },
): StoryEntry {
  const { actorId, articleId, revisionId, from, to } = step;
  const subject = { actorId, articleId, revisionId };
  switch (action) {
    case 'approve':
      return { ...subject, kind: STORY_KIND_OF_ACTION.approve, details: { from, to, note: step.note } };
    case 'request_changes':
      return { ...subject, kind: STORY_KIND_OF_ACTION.request_changes, details: { from, to, note: step.note ?? '' } };
    case 'schedule':
      return { ...subject, kind: STORY_KIND_OF_ACTION.schedule, details: { from, to, at: step.scheduledFor!.toISOString() } };
    case 'publish':
      return { ...subject, kind: STORY_KIND_OF_ACTION.publish, details: step.publicNote ? { from, to, publicNote: step.publicNote } : { from, to } };
    default:
      return { ...subject, kind: STORY_KIND_OF_ACTION[action], details: { from, to } };
  }
}

export interface SettingChange {
  setting: string;
  from: string;
  to: string;
}

/** What an entry is about besides its actor, so the log can be filtered by story or by person. */
interface ActivitySubjects {
  articleId?: number | null;
  revisionId?: number | null;
  subjectUserId?: number | null;
}

export type ActivityKind = ActivityEntry['kind'];

/** Every kind, for filters and for checking a kind read back from the database. */
export const ACTIVITY_KINDS = [
  'auth.signed_in',
  'auth.signed_out',
  'auth.sign_in_failed',
  'auth.sign_in_limited',
  'auth.password_check_failed',
  'auth.password_check_limited',
  'auth.password_changed',
  'person.created',
  'person.role_changed',
  'person.deactivated',
  'person.reactivated',
  'person.password_reset',
  'section.created',
  'section.updated',
  'section.moved',
  'settings.updated',
  'media.uploaded',
  'access.refused',
  'api_key.created',
  'api_key.revoked',
  'preview_link.created',
  'preview_link.revoked',
  'story.created',
  'story.imported',
  'story.saved',
  'story.restored',
  'story.submitted',
  'story.approved',
  'story.changes_requested',
  'story.published',
  'story.scheduled',
  'story.schedule_cancelled',
  'story.published_on_schedule',
  'story.unpublished',
  'story.embargo_set',
  'story.embargo_changed',
  'story.embargo_lifted',
  'story.breaking_set',
  'story.breaking_cleared',
] as const satisfies readonly ActivityKind[];

// A kind added to the union but not to the list fails to compile here.
type Missing = Exclude<ActivityKind, (typeof ACTIVITY_KINDS)[number]>;
const everyKindListed: Missing extends never ? true : Missing = true;
void everyKindListed;
