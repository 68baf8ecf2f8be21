'use client';

import { useState } from 'react';
import { format, getMessages, type Locale } from '@/i18n';
import type { FormatSettings } from '@/lib/format/formatter';
import { hijriDayOf } from '@/lib/format/schedule';
import { fieldStyle } from '@/components/ui/styles';

/**
 * The publication time of a schedule, typed in the site's time zone. The field posts the wall time
 * as typed ("2026-12-02T14:05"); the server reads it in the site's zone (scheduledInstant), so the
 * editor's own browser zone never shifts it. The zone is named beside the field and, once a day is
 * typed, the same day in the Hijri calendar; both describe the field, as does an error about it.
 */
export function ScheduleInput({
  id,
  locale,
  dateSettings,
  name = 'scheduledFor',
  label,
  defaultValue,
}: {
  id: string;
  locale: Locale;
  dateSettings: FormatSettings;
  /** The form field's name (an embargo posts `embargoUntil`); its error is `<name>-error`. */
  name?: string;
  label?: string;
  /** A wall time in the site's zone, e.g. an embargo being moved. */
  defaultValue?: string;
}) {
  const t = getMessages(locale).workflow;
  const [hijri, setHijri] = useState('');
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label ?? t.scheduleAt}
      </label>
      <input
        id={id}
        type="datetime-local"
        name={name}
        defaultValue={defaultValue}
        required
        onChange={(event) => setHijri(hijriDayOf(event.currentTarget.value, locale, dateSettings))}
        aria-describedby={`${id}-zone ${id}-hijri ${name}-error`}
        className={`${fieldStyle} w-auto`}
      />
      <span id={`${id}-zone`} className="block text-xs text-muted">
        {format(t.scheduleZone, { zone: dateSettings.timeZone })}
      </span>
      <span id={`${id}-hijri`} className="block text-xs text-muted">
        {hijri && format(t.scheduleHijri, { date: hijri })}
      </span>
    </div>
  );
}

