/**
 * Expected failures carry a code. Each code maps to a message key in the catalogues, so the
 * person sees a translated sentence and never a raw exception.
 */
export const ERROR_CODES = [
  'CONTENT_INVALID',
  'CONTENT_TOO_LARGE',
  'CONTENT_TOO_DEEP',
  'CONTENT_FORBIDDEN_KEY',
  'CONTENT_BAD_LINK',
  'SLUG_EMPTY',
  'NOT_FOUND',
  'DATABASE_LOCKED',
  'DATABASE_UNAVAILABLE',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'INVALID_INPUT',
  'LAST_ADMIN',
  'EMAIL_TAKEN',
  'WRONG_PASSWORD',
  'SLUG_TAKEN',
  'TIME_ZONE_INVALID',
  'UNEXPECTED',
  'CONTENT_BAD_IMAGE',
  'MEDIA_NOT_IMAGE',
  'MEDIA_TOO_LARGE',
  'MEDIA_TOO_MANY_PIXELS',
  'MEDIA_ALT_REQUIRED',
  'MEDIA_TEXT_TOO_LONG',
  'ARTICLE_STALE',
  'WORKFLOW_WRONG_STATE',
  'OWN_REVISION',
  'NOTE_REQUIRED',
  'SCHEDULE_IN_PAST',
  'EMBARGO_IN_PAST',
  'EMBARGO_NONE',
  'BREAKING_IN_PAST',
  'BREAKING_TOO_LONG',
  'BREAKING_NOT_LIVE',
  'BREAKING_NONE',
  'LIVE_STORY_SCHEDULE',
  'TITLE_REQUIRED',
  'SECTION_REQUIRED',
  'FIELD_TOO_LONG',
  'CONTENT_BAD_CHARACTER',
  'TOO_MANY_ATTEMPTS',
  'NAME_REQUIRED',
  'PREVIEW_LIFETIME_INVALID',
  'PREVIEW_NOT_PUBLISHED',
  'PREVIEW_NO_EMBARGO',
  'ALREADY_REVOKED',
  'PUBLIC_NOTE_KIND_REQUIRED',
  'PUBLIC_NOTE_KIND_INVALID',
  'PUBLIC_NOTE_TEXT_REQUIRED',
  'PUBLIC_NOTE_TOO_LONG',
  'PUBLIC_NOTE_NOT_LIVE',
  'CONTENT_BAD_EMBED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, string> | undefined;

  constructor(code: ErrorCode, message?: string, details?: Record<string, string>) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
