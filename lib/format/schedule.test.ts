import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { hijriDayOf, scheduledInstant } from './schedule';

function refusal(value: unknown, timeZone: string): unknown {
  try {
    scheduledInstant(value, timeZone);
  } catch (error) {
    return isAppError(error, 'INVALID_INPUT') ? error.details : error;
  }
  return 'accepted';
}

describe('scheduledInstant', () => {
  it('reads the typed time in the site zone, not the zone of the machine', () => {
    expect(scheduledInstant('2026-12-02T14:05', 'Asia/Jerusalem')?.toISOString()).toBe('2026-12-02T12:05:00.000Z');
    expect(scheduledInstant('2026-12-02T14:05', 'America/New_York')?.toISOString()).toBe('2026-12-02T19:05:00.000Z');
    expect(scheduledInstant(' 2026-07-02T09:30 ', 'Asia/Jerusalem')?.toISOString()).toBe('2026-07-02T06:30:00.000Z');
  });

  it('is no schedule when the form has no such field', () => {
    expect(scheduledInstant(null, 'Asia/Jerusalem')).toBeNull();
    expect(scheduledInstant(undefined, 'Asia/Jerusalem')).toBeNull();
  });

  it('takes the first of a time the clocks show twice', () => {
    // New York's clocks go back from 02:00 to 01:00 on 1 November 2026.
    expect(scheduledInstant('2026-11-01T01:30', 'America/New_York')?.toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it.each([
    ['2026-03-27T02:30', 'Asia/Jerusalem'],
    ['2026-03-29T01:30', 'Europe/London'],
    ['2026-03-08T02:00', 'America/New_York'],
  ])('refuses %s, a time %s clocks skip', (text, zone) => {
    expect(refusal(text, zone)).toEqual({ field: 'scheduledFor' });
  });

  it.each<unknown>(['', '   ', 'tomorrow', '2026-12-02', '2026-02-31T10:00', '2026-12-02T25:00', '2026-12-02T14:05Z', '2026-12-02T14:05:30', 1_800_000_000_000, new Blob(['x'])])(
    'refuses %j as invalid input on the field',
    (value) => {
      expect(refusal(value, 'Asia/Jerusalem')).toEqual({ field: 'scheduledFor' });
    },
  );
});

describe('the Hijri day beside the schedule field', () => {
  const jerusalem = { timeZone: 'Asia/Jerusalem', digits: 'latn' } as const;

  it('names the day typed in the Umm al-Qura calendar, in the desk language and digits', () => {
    expect(hijriDayOf('2026-12-02T14:05', 'ar', jerusalem)).toBe('22 جمادى الآخرة 1448 هـ');
    expect(hijriDayOf('2026-12-02T14:05', 'ar', { ...jerusalem, digits: 'arab' })).toBe('٢٢ جمادى الآخرة ١٤٤٨ هـ');
    expect(hijriDayOf('2026-12-02T14:05', 'en', { ...jerusalem, digits: 'arab' })).toBe('Jumada II 22, 1448 AH');
  });

  it('keeps the calendar day whatever the zone, at either end of the day', () => {
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      expect(hijriDayOf('2026-12-02T00:00', 'ar', { timeZone, digits: 'latn' })).toBe('22 جمادى الآخرة 1448 هـ');
      expect(hijriDayOf('2026-12-02T23:59', 'ar', { timeZone, digits: 'latn' })).toBe('22 جمادى الآخرة 1448 هـ');
    }
  });

  it('says nothing until a real day is typed', () => {
    for (const typed of ['', '2026-02-31T10:00', '2026-13-01T10:00', 'tomorrow']) expect(hijriDayOf(typed, 'ar', jerusalem)).toBe('');
  });
});
