import { formatterFor, type FormatSettings } from '@/lib/format/formatter';

/** The site settings a public date is written under: the site's time zone and digits. */
export type DateSettings = FormatSettings;

/**
 * A date on the public site: the Gregorian date (with its weekday) and the Hijri (Umm al-Qura)
 * date, in the site's time zone and digits, machine-readable through <time>. `withTime` adds the
 * time of day, for article pages; listings show the day only.
 */
export function PublicDate({
  date,
  settings,
  withTime = false,
  atLabel,
}: {
  date: string | Date;
  settings: DateSettings;
  withTime?: boolean;
  /** The catalogue's "at {time}" sentence, already filled in by the caller when withTime is set. */
  atLabel?: (time: string) => string;
}) {
  const instant = new Date(date);
  const shown = formatterFor('ar', settings);
  return (
    <time dateTime={shown.iso(instant)} className="inline">
      <span className="whitespace-nowrap">{shown.longDate(instant)}</span>
      {withTime && atLabel && <span className="whitespace-nowrap"> {atLabel(shown.time(instant))}</span>}
      <span className="text-muted"> · </span>
      <span className="whitespace-nowrap text-muted">{shown.hijriDate(instant)}</span>
    </time>
  );
}
