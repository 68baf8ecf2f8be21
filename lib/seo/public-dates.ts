import { formatDualDate, type DigitStyle } from '../arabic/dates';

export interface PublicDateOptions {
  digits: DigitStyle;
  timeZone: string;
}

export interface PublicDate {
  /** Weekday and Gregorian date, e.g. «الأربعاء، 25 نوفمبر 2026». */
  gregorian: string;
  /** The same day in the Umm al-Qura calendar, e.g. «15 جمادى الآخرة 1448 هـ». */
  hijri: string;
  /** Hours and minutes on a 24-hour clock in the site's time zone. */
  time: string;
  /** Machine-readable instant for <time datetime>. */
  iso: string;
}

/**
 * A publication date as readers of Arabic news expect it: the weekday and Gregorian date, the
 * Hijri date and the time, all in the site's time zone and the site's chosen digits.
 */
export function formatPublicDate(date: Date, { digits, timeZone }: PublicDateOptions): PublicDate {
  const { hijri, iso } = formatDualDate(date, { digits, timeZone });
  const gregorian = new Intl.DateTimeFormat(`ar-u-ca-gregory-nu-${digits}`, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(date);
  const time = new Intl.DateTimeFormat(`ar-u-nu-${digits}`, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(date);
  return { gregorian, hijri, time, iso };
}

/** A number in the site's digits, grouped the Arabic way (١٬٢٣٤ or 1,234). */
export function formatPublicNumber(value: number, digits: DigitStyle): string {
  return new Intl.NumberFormat(`ar-u-nu-${digits}`).format(value);
}
