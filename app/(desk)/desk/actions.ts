'use server';

import { signOut as endAuthSession } from '@/auth';
import { isLocale } from '@/i18n';
import { signOut } from '@/lib/server/auth/sign-out';
import { setDeskLanguage } from '@/lib/server/people/desk-language';
import { fromThisSite, runDeskOperation } from '@/lib/server/next/desk-operation';
import { rememberDeskLocale } from '@/lib/server/next/locale';
import { getCurrentUser } from '@/lib/server/next/session';

/**
 * Ends the session in the database, then clears the cookie and goes to the sign-in page. A post
 * from another site changes nothing; one whose session has already ended still clears the cookie.
 */
export async function signOutAction(): Promise<void> {
  const result = await runDeskOperation('signOutAction', signOut);
  if (!result.ok && result.error === 'FORBIDDEN') return;
  await endAuthSession({ redirectTo: '/login' });
}

/**
 * The desk's language: remembered in this browser (the sign-in page offers the switch before
 * anyone is signed in) and, for a signed-in person, kept with their account so it follows them.
 * A post from another site changes nothing.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale) || !(await fromThisSite('setLocaleAction'))) return;
  await rememberDeskLocale(locale);
  if (await getCurrentUser()) await runDeskOperation('setLocaleAction', (context) => setDeskLanguage(context, locale));
}
