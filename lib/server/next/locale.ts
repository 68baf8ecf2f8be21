import 'server-only';
import { cookies } from 'next/headers';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/i18n';

export const LOCALE_COOKIE = 'midad-locale';

/** The desk's interface language for this person (public pages always use the site language). */
export async function getDeskLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
