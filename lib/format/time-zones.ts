import type { FormatLocale } from './formatter';

export interface TimeZoneChoice {
  /** The IANA name the site stores ("Asia/Jerusalem"). */
  id: string;
  /** What a person searches by besides the name: the zone's name in the desk language and its offset now. */
  label: string;
}

/**
 * Every time zone the server knows, for the settings field's suggestions: the IANA name, which is
 * what is stored and checked, and beside it the zone's generic name in the desk language
 * («توقيت شرق أوروبا») with its offset at `now`, so typing either finds it.
 */
export function timeZoneChoices(locale: FormatLocale, now: Date): TimeZoneChoice[] {
  const ids = [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].sort();
  return ids.map((id) => {
    const name = zoneName(locale, id, 'longGeneric', now);
    const offset = zoneName(locale, id, 'shortOffset', now);
    return { id, label: name && name !== offset ? `${name} (${offset})` : offset };
  });
}

function zoneName(locale: FormatLocale, timeZone: string, style: 'longGeneric' | 'shortOffset', now: Date): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style }).formatToParts(now);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}
