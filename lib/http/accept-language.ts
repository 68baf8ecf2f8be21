import { DEFAULT_LOCALE, isLocale, type Locale } from '../../i18n';

/**
 * The catalogue language an Accept-Language header prefers among those Midad has: the highest
 * weighted language range whose primary tag is one of them (`en-GB` counts as `en`), the earlier
 * among equals; Arabic, the site language, when none is or the header is absent or malformed.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  let best: { locale: Locale; weight: number } | null = null;
  for (const part of header.slice(0, 1000).split(',')) {
    const [range = '', ...params] = part.trim().split(';');
    const primary = range.trim().toLowerCase().split('-')[0];
    if (!isLocale(primary)) continue;
    const q = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)).find(Boolean);
    const weight = q ? Number(q[1]) : 1;
    if (weight > 0 && (best === null || weight > best.weight)) best = { locale: primary, weight };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}
