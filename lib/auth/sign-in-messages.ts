import { format, getMessages, type Locale } from '@/i18n';

/** Why the sign-in route refused, as it tells the form (JSON) or the login page (?error=). */
export const SIGN_IN_ERRORS = ['invalid', 'missing', 'locked', 'unavailable', 'forbidden'] as const;
export type SignInError = (typeof SIGN_IN_ERRORS)[number];

export const SIGN_IN_PATH = '/api/auth/sign-in';

/** Brings the typed email back to the login page after a refusal without script (never in the URL). */
export const SIGN_IN_EMAIL_COOKIE = 'midad-sign-in-email';

export function isSignInError(value: unknown): value is SignInError {
  return typeof value === 'string' && (SIGN_IN_ERRORS as readonly string[]).includes(value);
}

/** The sentence shown in the form. One sentence for every wrong email/password/account. */
export function signInMessage(locale: Locale, error: SignInError, retryAfterSeconds?: number): string {
  const t = getMessages(locale);
  switch (error) {
    case 'invalid':
      return t.auth.invalid;
    case 'missing':
      return t.auth.missing;
    case 'locked':
      return format(t.auth.locked, { minutes: Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60)) });
    case 'unavailable':
      return t.errors.codes.DATABASE_UNAVAILABLE;
    case 'forbidden':
      return t.auth.otherSite;
  }
}
