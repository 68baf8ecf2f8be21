import 'server-only';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { findDeskLanguage } from '@/db/users';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/i18n';
import { getCurrentUser } from './session';

export const LOCALE_COOKIE = 'midad-locale';

const COOKIE_OPTIONS = { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 } as const;

/**
 * The desk's interface language for this request (public pages always use the site language):
 * the one kept with the signed-in person's account, else the one chosen in this browser (the
 * sign-in page's switch), else the site language.
 */
export const getDeskLocale = cache(async (): Promise<Locale> => {
  const user = await getCurrentUser();
  const stored = user ? await findDeskLanguage(getDb(), user.id) : null;
  if (isLocale(stored)) return stored;
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(chosen) ? chosen : DEFAULT_LOCALE;
});

/** Remembers the language in this browser, for the sign-in page before anyone is signed in. */
export async function rememberDeskLocale(locale: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, COOKIE_OPTIONS);
}

/** The nonce of this request's script policy (desk and sign-in pages, set by proxy.ts). */
export async function requestNonce(): Promise<string | undefined> {
  const policy = (await headers()).get('content-security-policy') ?? '';
  return /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(policy)?.[1];
}
