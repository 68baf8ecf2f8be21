import { describe, expect, it } from 'vitest';
import { formatterFor, instantOfWallTime, wallTimeOf } from './formatter';

describe('formatterFor', () => {
  const date = new Date('2026-12-02T12:05:00Z');

  it('shows the time of day in the site zone, not the server zone', () => {
    expect(formatterFor('en', { timeZone: 'Asia/Jerusalem', digits: 'latn' }).time(date)).toBe('14:05');
    expect(formatterFor('en', { timeZone: 'America/New_York', digits: 'latn' }).time(date)).toBe('07:05');
  });

  it("writes dates and numbers in the site's digits", () => {
    const arabic = formatterFor('ar', { timeZone: 'Asia/Jerusalem', digits: 'arab' });
    expect(arabic.date(date)).toBe('٢ ديسمبر ٢٠٢٦');
    expect(arabic.time(date)).toBe('١٤:٠٥');
    expect(arabic.number(1234)).toBe('١٬٢٣٤');
    const latin = formatterFor('ar', { timeZone: 'Asia/Jerusalem', digits: 'latn' });
    expect(latin.date(date)).toBe('2 ديسمبر 2026');
    expect(latin.dateTime(date)).toMatch(/2026.*14:05/);
    expect(latin.hijriDate(date)).toMatch(/جمادى الآخرة 1448/);
  });

  it('gives the day in the site zone where it differs from UTC', () => {
    const lateEvening = new Date('2026-12-02T23:30:00Z');
    expect(formatterFor('en', { timeZone: 'Asia/Jerusalem', digits: 'latn' }).date(lateEvening)).toBe('December 3, 2026');
  });
});

describe('wall times in the site zone', () => {
  it.each([
    ['2026-12-02T14:05', 'Asia/Jerusalem', '2026-12-02T12:05:00.000Z'],
    ['2026-07-02T14:05', 'Asia/Jerusalem', '2026-07-02T11:05:00.000Z'],
    ['2026-12-02T14:05', 'UTC', '2026-12-02T14:05:00.000Z'],
    ['2026-12-02', 'Asia/Riyadh', '2026-12-01T21:00:00.000Z'],
    ['2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
  ])('%s in %s is %s', (text, zone, iso) => {
    expect(instantOfWallTime(text, zone)?.toISOString()).toBe(iso);
    expect(wallTimeOf(new Date(iso), zone)).toBe(text.length === 10 ? `${text}T00:00` : text);
  });

  it('moves a time skipped by the spring jump forward by the jump', () => {
    // London's clocks go from 01:00 to 02:00 on 29 March 2026: 01:30 does not exist.
    const instant = instantOfWallTime('2026-03-29T01:30', 'Europe/London')!;
    expect(wallTimeOf(instant, 'Europe/London')).toBe('2026-03-29T02:30');
  });

  it.each(['', '2026-13-01T10:00', '2026-02-31', '2026-12-02T24:00', 'yesterday', '2026-12-02T10:00Z'])('refuses %j', (text) => {
    expect(instantOfWallTime(text, 'Asia/Jerusalem')).toBeNull();
  });
});
