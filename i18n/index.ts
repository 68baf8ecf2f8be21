import type { ErrorCode } from '@/lib/errors';
import { ar } from './ar';
import { en } from './en';
import type { Messages } from './types';

export type { Messages };
export const LOCALES = ['ar', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ar';

const catalogues: Record<Locale, Messages> = { ar, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function getMessages(locale: Locale = DEFAULT_LOCALE): Messages {
  return catalogues[locale];
}

export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

/** The translated sentence for an expected failure. Every ErrorCode has one (typecheck enforces it). */
export function errorMessage(code: ErrorCode, locale: Locale = DEFAULT_LOCALE): string {
  return getMessages(locale).errors.codes[code];
}
