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
  );

export interface SettingChange {
  setting: string;
  from: string;
  to: string;
}

/** What an entry is about besides its actor, so the log can be filtered by story or by person. */
interface ActivitySubjects {
  articleId?: number | null;
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
] as const satisfies readonly ActivityKind[];

// A kind added to the union but not to the list fails to compile here.
type Missing = Exclude<ActivityKind, (typeof ACTIVITY_KINDS)[number]>;
const everyKindListed: Missing extends never ? true : Missing = true;
void everyKindListed;
