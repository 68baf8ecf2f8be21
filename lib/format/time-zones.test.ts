import { describe, expect, it } from 'vitest';
import { timeZoneChoices } from './time-zones';

describe('time-zone suggestions', () => {
  const december = new Date('2026-12-02T12:00:00Z');

  it('offers every zone the server accepts, UTC included, each once', () => {
    const ids = timeZoneChoices('ar', december).map((choice) => choice.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['Asia/Jerusalem', 'Asia/Riyadh', 'Africa/Cairo', 'UTC']));
    expect(ids.length).toBeGreaterThan(300);
  });

  it('names each zone in the desk language, with its offset on the day', () => {
    const label = (locale: 'ar' | 'en', id: string, at = december) => timeZoneChoices(locale, at).find((choice) => choice.id === id)!.label;
    expect(label('ar', 'Africa/Cairo')).toBe('توقيت شرق أوروبا (غرينتش+2)');
    expect(label('en', 'Asia/Riyadh')).toBe('Arabian Standard Time (GMT+3)');
    // Summer time moves the offset, not the name.
    expect(label('en', 'Europe/London', new Date('2026-07-01T12:00:00Z'))).toBe('United Kingdom Time (GMT+1)');
  });
});
