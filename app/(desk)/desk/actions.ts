'use server';

import { cookies } from 'next/headers';
import { signOut } from '@/auth';
import { getDb } from '@/db/client';
import { revokeSession } from '@/db/sessions';
import { isLocale } from '@/i18n';
import { LOCALE_COOKIE } from '@/lib/server/locale';
import { fromThisSite, identifyCaller } from '@/lib/server/desk-action';

/** Ends the session on the server first, so a copy of the cookie is refused from now on. */
export async function signOutAction(): Promise<void> {
  const user = await identifyCaller('signOutAction');
  if (typeof user !== 'string') await revokeSession(getDb(), user.sessionId);
  else if (user === 'FORBIDDEN') return;
  await signOut({ redirectTo: '/login' });
}

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale) || !(await fromThisSite('setLocaleAction'))) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
}
