import type { DigitStyle } from '@/lib/arabic/dates';
import { formatPublicDate } from '@/lib/seo/public-dates';

export interface DateSettings {
  digits: DigitStyle;
  timeZone: string;
}

/**
 * A date in both calendars, machine-readable through <time>. `withTime` adds the weekday's time,
 * for article pages; listings show the day only.
 */
export function PublicDate({
  date,
  settings,
  withTime = false,
  atLabel,
}: {
  date: string;
  settings: DateSettings;
  withTime?: boolean;
  /** The catalogue's "at {time}" sentence, already filled in by the caller when withTime is set. */
  atLabel?: (time: string) => string;
}) {
  const shown = formatPublicDate(new Date(date), settings);
  return (
    <time dateTime={shown.iso} className="inline">
      <span className="whitespace-nowrap">{shown.gregorian}</span>
      {withTime && atLabel && <span className="whitespace-nowrap"> {atLabel(shown.time)}</span>}
      <span className="text-muted"> · </span>
      <span className="whitespace-nowrap text-muted">{shown.hijri}</span>
    </time>
  );
}
