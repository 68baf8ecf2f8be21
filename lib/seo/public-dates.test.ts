import { describe, expect, it } from 'vitest';
import { formatPublicDate, formatPublicNumber } from './public-dates';

// 25 November 2026, 09:00 UTC: a Wednesday, 15 Jumada al-Akhirah 1448 in Umm al-Qura.
const date = new Date('2026-11-25T09:00:00Z');

describe('formatPublicDate', () => {
  it('gives weekday, Gregorian and Hijri dates and the time in Latin digits', () => {
    const shown = formatPublicDate(date, { digits: 'latn', timeZone: 'Asia/Jerusalem' });
    expect(shown.gregorian).toBe('الأربعاء، 25 نوفمبر 2026');
    expect(shown.hijri).toBe('15 جمادى الآخرة 1448 هـ');
    expect(shown.time).toBe('11:00');
    expect(shown.iso).toBe('2026-11-25T09:00:00.000Z');
  });

  it('uses Arabic-Indic digits everywhere when the site chooses them', () => {
    const shown = formatPublicDate(date, { digits: 'arab', timeZone: 'Asia/Jerusalem' });
    expect(shown.gregorian).toBe('الأربعاء، ٢٥ نوفمبر ٢٠٢٦');
    expect(shown.hijri).toBe('١٥ جمادى الآخرة ١٤٤٨ هـ');
    expect(shown.time).toBe('١١:٠٠');
    expect(`${shown.gregorian}${shown.hijri}${shown.time}`).not.toMatch(/[0-9]/);
  });

  it('follows the site time zone across midnight, in both calendars', () => {
    const late = new Date('2026-11-24T22:30:00Z');
    const jerusalem = formatPublicDate(late, { digits: 'latn', timeZone: 'Asia/Jerusalem' });
    const utc = formatPublicDate(late, { digits: 'latn', timeZone: 'UTC' });
    expect(jerusalem.gregorian).toBe('الأربعاء، 25 نوفمبر 2026');
    expect(utc.gregorian).toBe('الثلاثاء، 24 نوفمبر 2026');
    expect(jerusalem.hijri).toBe('15 جمادى الآخرة 1448 هـ');
    expect(utc.hijri).toBe('14 جمادى الآخرة 1448 هـ');
    expect(jerusalem.time).toBe('00:30');
  });
});

describe('formatPublicNumber', () => {
  it('writes numbers in the chosen digits', () => {
    expect(formatPublicNumber(7, 'arab')).toBe('٧');
    expect(formatPublicNumber(1234, 'arab')).toBe('١٬٢٣٤');
    expect(formatPublicNumber(1234, 'latn')).toBe('1,234');
  });
});

describe('formatPublicDate agrees with the shared dual-date formatter', () => {
  it('gives the same Hijri date as lib/arabic/dates for both digit styles', async () => {
    const { formatDualDate } = await import('../arabic/dates');
    for (const digits of ['latn', 'arab'] as const) {
      for (const iso of ['2026-03-20T21:30:00Z', '2026-11-25T09:00:00Z', '2027-01-01T00:00:00Z']) {
        const d = new Date(iso);
        expect(formatPublicDate(d, { digits, timeZone: 'Asia/Jerusalem' }).hijri).toBe(formatDualDate(d, { digits, timeZone: 'Asia/Jerusalem' }).hijri);
      }
    }
  });
});
