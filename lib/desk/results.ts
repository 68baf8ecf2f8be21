import type { ErrorCode } from '@/lib/errors';
import type { UserInputErrorKey } from '@/lib/auth/user-input';

/**
 * What every desk operation answers — a server action or the upload route — as the browser sees
 * it: a value, or a code the desk translates, with the fields it concerns. Never rows, never raw
 * exceptions. `at` makes two equal answers distinct, so a form announces the second one too.
 *
 * This module holds only types and constants and is safe to import from client components; the server side
 * that produces these results is lib/server/next/desk-operation.
 */
export type ActionResult<T = void> = Success<T> | Failure;

export interface Success<T> {
  ok: true;
  value: T;
  at: number;
}

export interface Failure {
  ok: false;
  error: ErrorCode;
  fieldErrors?: Record<string, UserInputErrorKey | ErrorCode>;
  /** A save that collided with a newer version carries that version, for the conflict view. */
  conflict?: ConflictVersion;
  at: number;
}

/** The story form's fields and body, as the editor sends them. */
export interface ArticlePayload {
  fields: {
    title: string;
    summary: string;
    byline: string;
    sectionId: number;
    tags: string[];
    slug?: string;
    featuredMediaId: number | null;
  };
  body: unknown;
}

/** The newer version a stale save collided with. */
export interface ConflictVersion {
  version: number;
  title: string;
  summary: string;
  body: unknown;
  authorName: string;
  savedAt: string;
}

/** What a save tells the editor: the version it is now based on. */
export interface SavedArticle {
  version: number;
  revisionNumber: number | null;
  status: string;
}

/** A server action bound to a desk form: it receives the previous result and the form's fields. */
export type FormAction<T = void> = (previous: unknown, form: FormData) => Promise<ActionResult<T>>;

/** Who else has a story open, from the editor's heartbeat. */
export interface PresenceReport {
  /** Other people with the story open now. */
  others: { name: string }[];
  /** The story's version on the server: newer than the editor's means someone saved meanwhile. */
  version: number;
}

/** The slug the rules make of what was typed, and whether another story has it. */
export interface SlugCheck {
  slug: string;
  available: boolean;
}

/** What the story inventory can do to several stories at once. */
export const BULK_STEPS = ['submit', 'unpublish', 'move', 'tag'] as const;
export type BulkStep = (typeof BULK_STEPS)[number];

/** One story's result in a bulk step: done, or the code of why not. */
export type BulkOutcome = { articleId: number; title: string | null } & ({ ok: true } | { ok: false; error: ErrorCode });
