import type { Formatter } from '@/lib/format/formatter';

/**
 * A moment on the desk: its date and time of day in the site's time zone, in the desk's language
 * (the page's deskFormatter), machine-readable through <time>.
 */
export function DeskTime({ date, dates }: { date: Date; dates: Formatter }) {
  return (
    <time dateTime={dates.iso(date)} className="whitespace-nowrap">
      {dates.dateTime(date)}
    </time>
  );
}
