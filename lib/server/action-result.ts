import 'server-only';
import { z } from 'zod';
import { isDatabaseUnreachable } from '@/db/connection-errors';
import { fieldErrors, type UserInputErrorKey } from '@/lib/auth/user-input';
import { isAppError, type ErrorCode } from '@/lib/errors';

/** What every desk server action returns: never rows, never raw exceptions. */
export type ActionResult =
  | { ok: true; at: number }
  | { ok: false; error: ErrorCode; fieldErrors?: Record<string, UserInputErrorKey | ErrorCode>; at: number };

export const ok = (): ActionResult => ({ ok: true, at: Date.now() });

export function fail(error: ErrorCode, fields?: Record<string, UserInputErrorKey | ErrorCode>): ActionResult {
  return { ok: false, error, fieldErrors: fields, at: Date.now() };
}

/** Maps a thrown error to a coded result; unexpected ones are logged and shown as UNEXPECTED. */
export function failureFrom(error: unknown): ActionResult {
  if (error instanceof z.ZodError) return fail('INVALID_INPUT', fieldErrors(error));
  if (isAppError(error)) return fail(error.code, error.details?.field ? { [error.details.field]: error.code } : undefined);
  if (isDatabaseUnreachable(error)) {
    // Retryable: the desk keeps the person's work and tries again.
    console.warn('[desk action] database unreachable:', error instanceof Error ? error.message : error);
    return fail('DATABASE_UNAVAILABLE');
  }
  console.error('[desk action] unexpected error', error);
  return fail('UNEXPECTED');
}
