import 'server-only';
import { z } from 'zod';
import { isDatabaseUnreachable } from '@/db/connection-errors';
import { fieldErrors } from '@/lib/auth/user-input';
import type { Failure } from '@/lib/desk/results';
import { isAppError, type ErrorCode } from '@/lib/errors';

export function fail(error: ErrorCode, fields?: Failure['fieldErrors']): Failure {
  return { ok: false, error, fieldErrors: fields, at: Date.now() };
}

/** Maps a thrown error to a coded result; unexpected ones are logged and shown as UNEXPECTED. */
export function failureFrom(error: unknown): Failure {
  if (error instanceof z.ZodError) return fail('INVALID_INPUT', fieldErrors(error));
  if (isAppError(error)) return fail(error.code, error.details?.field ? { [error.details.field]: error.code } : undefined);
  if (isDatabaseUnreachable(error)) {
    // Retryable: the desk keeps the person's work and tries again.
    console.warn('[desk operation] database unreachable:', error instanceof Error ? error.message : error);
    return fail('DATABASE_UNAVAILABLE');
  }
  console.error('[desk operation] unexpected error', error);
  return fail('UNEXPECTED');
}
