import type { DigitStyle } from '../arabic/dates';

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

interface Formatters {
  gregorian: Intl.DateTimeFormat;
  hijri: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
}

// Building an Intl.DateTimeFormat costs far more than using one (the Hijri calendar most of all),
// and a listing formats dozens of dates, so formatters are kept per digit style and time zone.
const formatters = new Map<string, Formatters>();

function formattersFor(digits: DigitStyle, timeZone: string): Formatters {
  const key = `${digits}|${timeZone}`;
  let found = formatters.get(key);
  if (!found) {
    const day: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone };
    found = {
      gregorian: new Intl.DateTimeFormat(`ar-u-ca-gregory-nu-${digits}`, { ...day, weekday: 'long' }),
      hijri: new Intl.DateTimeFormat(`ar-u-ca-islamic-umalqura-nu-${digits}`, day),
      time: new Intl.DateTimeFormat(`ar-u-nu-${digits}`, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }),
    };
    formatters.set(key, found);
  }
  return found;
}

/**
 * A publication date as readers of Arabic news expect it: the weekday and Gregorian date, the
 * Hijri (Umm al-Qura) date and the time, all in the site's time zone and the site's chosen digits.
 */
export function formatPublicDate(date: Date, { digits, timeZone }: PublicDateOptions): PublicDate {
  const f = formattersFor(digits, timeZone);
  return {
    gregorian: f.gregorian.format(date),
    hijri: f.hijri.format(date),
    time: f.time.format(date),
    iso: date.toISOString(),
  };
}

const numberFormatters = new Map<DigitStyle, Intl.NumberFormat>();

/** A number in the site's digits, grouped the Arabic way (١٬٢٣٤ or 1,234). */
export function formatPublicNumber(value: number, digits: DigitStyle): string {
  let formatter = numberFormatters.get(digits);
  if (!formatter) {
    formatter = new Intl.NumberFormat(`ar-u-nu-${digits}`);
    numberFormatters.set(digits, formatter);
  }
  return formatter.format(value);
}
