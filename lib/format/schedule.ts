import { AppError } from '../errors';
import { instantOfWallTime, wallTimeOf } from './formatter';

/**
 * The instant a schedule field names. The desk's datetime-local field carries a wall time with no
 * zone ("2026-12-02T14:05"), and the newsroom means the site's zone, as the settings page says,
 * whatever zone the editor's browser is in. No value (a form without the field) is no schedule.
 * Text that is not a wall time, or a time the zone's clocks never show (skipped when they jump
 * forward), is refused as invalid input on the field: publishing an hour off from what was typed
 * would be worse than asking again.
 */
export function scheduledInstant(value: unknown, timeZone: string): Date | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value.trim() : '';
  const instant = instantOfWallTime(text, timeZone);
  if (!instant || !text.includes('T') || wallTimeOf(instant, timeZone) !== text) {
    throw new AppError('INVALID_INPUT', undefined, { field: 'scheduledFor' });
  }
  return instant;
}
