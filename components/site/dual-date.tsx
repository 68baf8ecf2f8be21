import { formatDualDate, type DigitStyle } from '@/lib/arabic/dates';

/** A date in the Gregorian and Hijri (Umm al-Qura) calendars, machine-readable through <time>. */
export function DualDate({ date, digits = 'latn', timeZone }: { date: Date; digits?: DigitStyle; timeZone?: string }) {
  const { gregorian, hijri, iso } = formatDualDate(date, { digits, timeZone });
  return (
    <time dateTime={iso}>
      <span className="whitespace-nowrap">{gregorian}</span>{' '}
      <span className="whitespace-nowrap text-muted">({hijri})</span>
    </time>
  );
}
