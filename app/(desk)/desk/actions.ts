'use server';

import { cookies } from 'next/headers';
import { signOut as endAuthSession } from '@/auth';
import { isLocale } from '@/i18n';
import { signOut } from '@/lib/server/auth/sign-out';
import { LOCALE_COOKIE } from '@/lib/server/next/locale';
import { fromThisSite, runDeskOperation } from '@/lib/server/next/desk-operation';

/**
 * Ends the session in the database, then clears the cookie and goes to the sign-in page. A post
 * from another site changes nothing; one whose session has already ended still clears the cookie.
 */
export async function signOutAction(): Promise<void> {
  const result = await runDeskOperation('signOutAction', signOut);
  if (!result.ok && result.error === 'FORBIDDEN') return;
  await endAuthSession({ redirectTo: '/login' });
}

/** The desk's language, kept in a cookie: no account is changed, so only the same-site rule applies. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale) || !(await fromThisSite('setLocaleAction'))) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
}
