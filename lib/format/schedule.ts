import { AppError } from '../errors';
import { deskFormatter, instantOfWallTime, wallTimeOf, type FormatLocale, type FormatSettings } from './formatter';

/**
 * The instant a schedule field names. The desk's datetime-local field carries a wall time with no
 * zone ("2026-12-02T14:05"), and the newsroom means the site's zone, as the settings page says,
 * whatever zone the editor's browser is in. No value (a form without the field) is no schedule.
 * Text that is not a wall time, or a time the zone's clocks never show (skipped when they jump
 * forward), is refused as invalid input on the field: publishing an hour off from what was typed
 * would be worse than asking again.
 */
export function scheduledInstant(value: unknown, timeZone: string, field = 'scheduledFor'): Date | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value.trim() : '';
  const instant = instantOfWallTime(text, timeZone);
  if (!instant || !text.includes('T') || wallTimeOf(instant, timeZone) !== text) {
    throw new AppError('INVALID_INPUT', undefined, { field });
  }
  return instant;
}

/**
 * The desk's Hijri (Umm al-Qura) date of the day in a typed wall time, shown beside the schedule
 * field; empty until a real day is typed. The day is a calendar day, converted at noon UTC so no
 * time zone can move it to a neighbour.
 */
export function hijriDayOf(wallTime: string, locale: FormatLocale, settings: FormatSettings): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(wallTime);
  if (!day) return '';
  const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
  const noon = new Date(Date.UTC(year, month - 1, date, 12));
  if (noon.getUTCMonth() !== month - 1 || noon.getUTCDate() !== date) return '';
  return deskFormatter(locale, { ...settings, timeZone: 'UTC' }).hijriDate(noon);
}
