import { toArabicIndicDigits, toLatinDigits } from './characters';

export type DigitStyle = 'arab' | 'latn';
export type UiLocale = 'ar' | 'en';

function locale(ui: UiLocale, calendar: 'gregory' | 'islamic-umalqura', digits: DigitStyle): string {
  return ui === 'ar' ? `ar-u-ca-${calendar}-nu-${digits}` : `en-u-ca-${calendar}-nu-${digits}`;
}

export interface DualDate {
  gregorian: string;
  hijri: string;
  iso: string;
}

/**
 * A date in both the Gregorian and the Hijri (Umm al-Qura) calendars, in the site's time zone
 * and chosen digits.
 */
export function formatDualDate(
  date: Date,
  options: { ui?: UiLocale; digits?: DigitStyle; timeZone?: string } = {},
): DualDate {
  const { ui = 'ar', digits = 'latn', timeZone = 'Asia/Jerusalem' } = options;
  const base: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone };
  const gregorian = new Intl.DateTimeFormat(locale(ui, 'gregory', digits), base).format(date);
  const hijri = new Intl.DateTimeFormat(locale(ui, 'islamic-umalqura', digits), base).format(date);
  return { gregorian, hijri, iso: date.toISOString() };
}

export function formatNumber(value: number, digits: DigitStyle = 'latn'): string {
  const latin = toLatinDigits(String(value));
  return digits === 'arab' ? toArabicIndicDigits(latin) : latin;
}
