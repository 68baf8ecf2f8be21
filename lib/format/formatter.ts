/**
 * The one place dates and numbers are written for people, on the public site and on the desk:
 * every page builds its formatter here from the site's settings (time zone, digits) and the
 * language it speaks, and never formats a date or a number on its own.
 */

/** Latin (0123) or Arabic-Indic (٠١٢٣) digits: a site setting. */
export type DigitStyle = 'latn' | 'arab';
export type FormatLocale = 'ar' | 'en';

/** What the site's settings decide about every date and number shown, on the desk and the site. */
export interface FormatSettings {
  timeZone: string;
  digits: DigitStyle;
}

export interface Formatter {
  /** Day, month and year in the Gregorian calendar: «2 ديسمبر 2026». */
  date(date: Date): string;
  /** Weekday and Gregorian date: «الأربعاء، 2 ديسمبر 2026». */
  longDate(date: Date): string;
  /** The same day in the Umm al-Qura calendar: «22 جمادى الآخرة 1448 هـ». */
  hijriDate(date: Date): string;
  /** Hours and minutes on a 24-hour clock: «14:05». */
  time(date: Date): string;
  /** Date and time of day together, for the desk's lists and logs. */
  dateTime(date: Date): string;
  /** A number in the site's digits, grouped the way the language groups them. */
  number(value: number): string;
  /** The instant for <time dateTime>: UTC, so it means the same to every machine that reads it. */
  iso(date: Date): string;
}

// Building an Intl.DateTimeFormat costs far more than using one (the Hijri calendar most of all),
// and a listing formats dozens of dates, so a formatter is kept per locale, digits and zone.
const formatters = new Map<string, Formatter>();

/** The formatter for a language under the site's settings; the public site's speaks Arabic. */
export function formatterFor(locale: FormatLocale, { timeZone, digits }: FormatSettings): Formatter {
  const key = `${locale}|${digits}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = buildFormatter(locale, digits, timeZone);
    formatters.set(key, formatter);
  }
  return formatter;
}

function buildFormatter(locale: FormatLocale, digits: DigitStyle, timeZone: string): Formatter {
  const tag = (calendar: string) => `${locale}-u-ca-${calendar}-nu-${digits}`;
  const day: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', timeZone };
  const clock: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone };
  const date = new Intl.DateTimeFormat(tag('gregory'), day);
  const longDate = new Intl.DateTimeFormat(tag('gregory'), { ...day, weekday: 'long' });
  const hijri = new Intl.DateTimeFormat(tag('islamic-umalqura'), day);
  const time = new Intl.DateTimeFormat(tag('gregory'), clock);
  const dateTime = new Intl.DateTimeFormat(tag('gregory'), { ...day, month: 'short', ...clock });
  return {
    date: (d) => date.format(d),
    longDate: (d) => longDate.format(d),
    hijriDate: (d) => hijri.format(d),
    time: (d) => time.format(d),
    dateTime: (d) => dateTime.format(d),
    number: (n) => formatNumber(n, digits, locale),
    iso: (d) => d.toISOString(),
  };
}

/**
 * The desk's formatter: dates and times in the site's zone, so the newsroom sees the times
 * readers see whatever zone a browser or server runs in. The site's digits are kept in Arabic;
 * English text is written with Latin digits, as English readers expect («Dec 2, 2026, 14:05»).
 */
export function deskFormatter(locale: FormatLocale, settings: FormatSettings): Formatter {
  return formatterFor(locale, deskSettings(locale, settings));
}

/** The settings the desk writes under in a language (see deskFormatter), for counters that need only the digits. */
export function deskSettings(locale: FormatLocale, { timeZone, digits }: FormatSettings): FormatSettings {
  return { timeZone, digits: locale === 'en' ? 'latn' : digits };
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number in the given digits, grouped the way the language groups them: «١٬٢٣٤», «1,234». */
export function formatNumber(value: number, digits: DigitStyle, locale: FormatLocale = 'ar'): string {
  const key = `${locale}|${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(`${locale}-u-nu-${digits}`);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/**
 * The instant at which the clocks of a time zone show a wall time ("2026-12-02T14:05", or a day
 * "2026-12-02" meaning its midnight), or null when the text is not such a time. Schedules and
 * date filters are typed in the site's zone, whatever zone the browser or server runs in. A wall
 * time skipped by a daylight-saving jump moves forward by the jump; one that occurs twice when
 * the clocks go back is the first of the two.
 */
export function instantOfWallTime(text: string, timeZone: string): Date | null {
  const match = WALL_TIME.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour = 0, minute = 0] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  if (month! < 1 || month! > 12 || day! < 1 || day! > 31 || hour > 23 || minute > 59) return null;
  const asUtc = Date.UTC(year!, month! - 1, day!, hour, minute);
  // 31 February and the like; and Date.UTC reads years 0–99 as 1900–1999.
  if (new Date(asUtc).getUTCDate() !== day || new Date(asUtc).getUTCFullYear() !== year) return null;
  // Two rounds find the offset in force at the instant itself, also across a change of offset.
  let instant = asUtc - offsetMinutes(asUtc, timeZone) * 60_000;
  instant = asUtc - offsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant);
}

/** The wall time a zone's clocks show at an instant, as "YYYY-MM-DDTHH:mm" (a datetime-local value). */
export function wallTimeOf(date: Date, timeZone: string): string {
  const parts = zonedParts(date.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}`;
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function zonedParts(epochMs: number, timeZone: string) {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormatters.set(timeZone, formatter);
  }
  const values: Record<string, number> = {};
  for (const part of formatter.formatToParts(epochMs)) if (part.type !== 'literal') values[part.type] = Number(part.value);
  return values as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** Minutes the zone's clocks are ahead of UTC at an instant. */
function offsetMinutes(epochMs: number, timeZone: string): number {
  const p = zonedParts(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}
