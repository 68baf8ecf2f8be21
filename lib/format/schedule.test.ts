import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { scheduledInstant } from './schedule';

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
