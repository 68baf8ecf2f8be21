'use client';

import { useRef, useState, type FormEvent } from 'react';
import { buttonStyle, fieldStyle } from '@/components/ui/styles';
import { getMessages, type Locale } from '@/i18n';
import { SIGN_IN_PATH, isSignInError, signInMessage, type SignInError } from '@/lib/auth/sign-in-messages';

const field = `${fieldStyle} mt-1 text-ink`;

interface Answer {
  ok?: boolean;
  redirectTo?: string;
  error?: string;
  retryAfterSeconds?: number;
}

/**
 * The sign-in form. It is a real POST form to the sign-in route, so it works before the page's
 * script has loaded (nothing ever goes into the URL); once it has, the script sends the same
 * request and shows the answer here, keeping the typed email.
 */
export function LoginForm({
  locale,
  callbackUrl,
  initialError,
  initialEmail,
}: {
  locale: Locale;
  callbackUrl: string;
  initialError: SignInError | null;
  initialEmail: string;
}) {
  const t = getMessages(locale);
  const [message, setMessage] = useState(initialError ? signInMessage(locale, initialError) : '');
  const [pending, setPending] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const body = new FormData(event.currentTarget);
    setPending(true);
    setMessage('');
    let text = t.errors.codes.UNEXPECTED;
    try {
      const response = await fetch(SIGN_IN_PATH, { method: 'POST', body, headers: { accept: 'application/json' } });
      const answer = (await response.json().catch(() => ({}))) as Answer;
      if (response.ok && answer.ok && answer.redirectTo) {
        // A full load, so every server component reads the new session.
        window.location.assign(answer.redirectTo);
        return;
      }
      if (isSignInError(answer.error)) text = signInMessage(locale, answer.error, answer.retryAfterSeconds);
    } catch {
      text = t.errors.codes.DATABASE_UNAVAILABLE;
    }
    setMessage(text);
    setPending(false);
    if (passwordRef.current) passwordRef.current.value = '';
    passwordRef.current?.focus();
  };

  return (
    <form method="post" action={SIGN_IN_PATH} onSubmit={submit} className="space-y-4" aria-describedby="login-status" aria-busy={pending}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label className="block">
        <span className="text-sm font-semibold">{t.auth.email}</span>
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          dir="ltr"
          defaultValue={initialEmail}
          className={`${field} text-start`}
        />
      </label>
      <label className="block">
        <span className="text-sm font-semibold">{t.auth.password}</span>
        <input
          ref={passwordRef}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          dir="ltr"
          className={`${field} text-start`}
        />
      </label>
      <p id="login-status" role="alert" aria-live="assertive" className="min-h-6 text-sm text-accent">
        {message}
      </p>
      <button
        type="submit"
        disabled={pending}
        className={`${buttonStyle.primary} w-full`}
      >
        {pending ? t.auth.submitting : t.auth.submit}
      </button>
    </form>
  );
}
