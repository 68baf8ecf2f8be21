import { describe, expect, it } from 'vitest';
import { deskFormatter, formatNumber, formatterFor, instantOfWallTime, wallTimeOf, type DigitStyle } from './formatter';

const LATIN_DIGIT = /[0-9]/;
const ARABIC_DIGIT = /[\u0660-\u0669]/;

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

  it('follows a zone across its daylight-saving change', () => {
    const newYork = formatterFor('en', { timeZone: 'America/New_York', digits: 'latn' });
    // The clocks go forward on 8 March 2026: noon UTC is 07:00 before and 08:00 after.
    expect(newYork.time(new Date('2026-03-07T12:00:00Z'))).toBe('07:00');
    expect(newYork.time(new Date('2026-03-09T12:00:00Z'))).toBe('08:00');
    const jerusalem = formatterFor('ar', { timeZone: 'Asia/Jerusalem', digits: 'latn' });
    expect(jerusalem.time(new Date('2026-03-26T12:00:00Z'))).toBe('14:00');
    expect(jerusalem.time(new Date('2026-03-28T12:00:00Z'))).toBe('15:00');
  });

  it('speaks the language asked for', () => {
    const settings = { timeZone: 'Asia/Jerusalem', digits: 'latn' } as const;
    expect(formatterFor('en', settings).dateTime(date)).toBe('Dec 2, 2026, 14:05');
    expect(formatterFor('ar', settings).dateTime(date)).toBe('2 ديسمبر 2026، 14:05');
    expect(formatterFor('en', settings).hijriDate(date)).toBe('Jumada II 22, 1448 AH');
    expect(formatterFor('ar', settings).hijriDate(date)).toBe('22 جمادى الآخرة 1448 هـ');
  });

  it('gives the instant for <time dateTime> in UTC whatever the zone', () => {
    expect(formatterFor('ar', { timeZone: 'Pacific/Auckland', digits: 'arab' }).iso(date)).toBe('2026-12-02T12:05:00.000Z');
  });
});

describe('public dates', () => {
  // 25 November 2026, 09:00 UTC: a Wednesday, 15 Jumada al-Akhirah 1448 in Umm al-Qura.
  const date = new Date('2026-11-25T09:00:00Z');

  it('gives the weekday, the Gregorian and Hijri dates and the time', () => {
    const shown = formatterFor('ar', { digits: 'latn', timeZone: 'Asia/Jerusalem' });
    expect(shown.longDate(date)).toBe('الأربعاء، 25 نوفمبر 2026');
    expect(shown.date(date)).toBe('25 نوفمبر 2026');
    expect(shown.hijriDate(date)).toBe('15 جمادى الآخرة 1448 هـ');
    expect(shown.time(date)).toBe('11:00');
  });

  it('writes no Latin digit anywhere when the site chooses Arabic-Indic digits', () => {
    const shown = formatterFor('ar', { digits: 'arab', timeZone: 'Asia/Jerusalem' });
    expect(shown.longDate(date)).toBe('الأربعاء، ٢٥ نوفمبر ٢٠٢٦');
    expect(shown.hijriDate(date)).toBe('١٥ جمادى الآخرة ١٤٤٨ هـ');
    expect(shown.time(date)).toBe('١١:٠٠');
    const everything = [shown.date, shown.longDate, shown.hijriDate, shown.time, shown.dateTime].map((f) => f(date)).join(' ') + shown.number(1448);
    expect(everything).not.toMatch(LATIN_DIGIT);
  });

  it('follows the site zone across midnight, in both calendars', () => {
    const late = new Date('2026-11-24T22:30:00Z');
    const jerusalem = formatterFor('ar', { digits: 'latn', timeZone: 'Asia/Jerusalem' });
    const utc = formatterFor('ar', { digits: 'latn', timeZone: 'UTC' });
    expect(jerusalem.longDate(late)).toBe('الأربعاء، 25 نوفمبر 2026');
    expect(utc.longDate(late)).toBe('الثلاثاء، 24 نوفمبر 2026');
    expect(jerusalem.hijriDate(late)).toBe('15 جمادى الآخرة 1448 هـ');
    expect(utc.hijriDate(late)).toBe('14 جمادى الآخرة 1448 هـ');
    expect(jerusalem.time(late)).toBe('00:30');
  });
});

describe('deskFormatter', () => {
  const date = new Date('2026-12-02T12:05:00Z');

  it("uses the site's zone in both languages", () => {
    const settings = { timeZone: 'America/New_York', digits: 'latn' } as const;
    expect(deskFormatter('en', settings).dateTime(date)).toBe('Dec 2, 2026, 07:05');
    expect(deskFormatter('ar', settings).dateTime(date)).toBe('2 ديسمبر 2026، 07:05');
  });

  it("keeps the site's Arabic-Indic digits in Arabic and writes English with Latin ones", () => {
    const settings = { timeZone: 'Asia/Jerusalem', digits: 'arab' } as const;
    expect(deskFormatter('ar', settings).dateTime(date)).toBe('٢ ديسمبر ٢٠٢٦، ١٤:٠٥');
    expect(deskFormatter('en', settings).dateTime(date)).toBe('Dec 2, 2026, 14:05');
    expect(deskFormatter('en', settings).number(1234)).toBe('1,234');
  });
});

describe('formatNumber', () => {
  it.each<[number, DigitStyle, 'ar' | 'en' | undefined, string]>([
    [7, 'arab', undefined, '٧'],
    [1234, 'arab', undefined, '١٬٢٣٤'],
    [1234, 'latn', undefined, '1,234'],
    [1448, 'latn', 'en', '1,448'],
    [0, 'arab', 'ar', '٠'],
  ])('writes %i in %s digits (%s) as %s', (value, digits, locale, text) => {
    expect(formatNumber(value, digits, locale)).toBe(text);
  });

  it('agrees with the formatter of the same digits', () => {
    for (const digits of ['latn', 'arab'] as const) {
      expect(formatterFor('ar', { timeZone: 'UTC', digits }).number(98765)).toBe(formatNumber(98765, digits));
    }
    expect(formatNumber(98765, 'arab')).toMatch(ARABIC_DIGIT);
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

  it.each(['', '2026-13-01T10:00', '2026-02-31', '2026-12-02T24:00', 'yesterday', '2026-12-02T10:00Z', '0050-01-01T10:00'])('refuses %j', (text) => {
    expect(instantOfWallTime(text, 'Asia/Jerusalem')).toBeNull();
  });
});
