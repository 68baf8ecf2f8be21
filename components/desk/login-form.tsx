'use client';

import { useActionState } from 'react';
import { signInAction, type SignInState } from '@/app/(desk)/login/actions';
import { format, getMessages, type Locale } from '@/i18n';
import { THROTTLE_LOCK_MINUTES } from '@/lib/auth/throttle-policy';

const field = 'mt-1 block w-full rounded-md border border-rule bg-white px-3 py-2 text-ink';

export function LoginForm({ locale, callbackUrl }: { locale: Locale; callbackUrl: string }) {
  const t = getMessages(locale).auth;
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, null);
  const message =
    state?.error === 'locked'
      ? format(t.locked, { minutes: THROTTLE_LOCK_MINUTES })
      : state?.error === 'missing'
        ? t.missing
        : state?.error === 'invalid'
          ? t.invalid
          : '';
  return (
    <form action={action} className="space-y-4" aria-describedby="login-status">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label className="block">
        <span className="text-sm font-semibold">{t.email}</span>
        <input
          key={state?.at ?? 0}
          name="email"
          type="email"
          autoComplete="username"
          required
          dir="ltr"
          defaultValue={state?.email ?? ''}
          className={`${field} text-start`}
        />
      </label>
      <label className="block">
        <span className="text-sm font-semibold">{t.password}</span>
        <input
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
        className="w-full rounded-md bg-ink px-4 py-2 font-semibold text-paper hover:opacity-90 disabled:opacity-60"
      >
        {pending ? t.submitting : t.submit}
      </button>
    </form>
  );
}
