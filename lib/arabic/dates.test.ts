import { describe, expect, it } from 'vitest';
import { toArabicIndicDigits, toLatinDigits } from './characters';
import { formatDualDate, formatNumber } from './dates';

describe('formatDualDate', () => {
  // 25 November 2026 is 15 Jumada al-Akhirah 1448 in the Umm al-Qura calendar.
  const date = new Date('2026-11-25T09:00:00Z');

  it('gives the Gregorian and Hijri dates in Arabic with Latin digits', () => {
    const { gregorian, hijri, iso } = formatDualDate(date, { digits: 'latn' });
    expect(gregorian).toBe('25 نوفمبر 2026');
    expect(hijri).toContain('15 جمادى الآخرة 1448');
    expect(iso).toBe('2026-11-25T09:00:00.000Z');
  });

  it('uses Arabic-Indic digits when the site asks for them', () => {
    const { gregorian, hijri } = formatDualDate(date, { digits: 'arab' });
    expect(gregorian).toBe('٢٥ نوفمبر ٢٠٢٦');
    expect(hijri).toContain('١٥ جمادى الآخرة ١٤٤٨');
  });

  it('follows the site time zone across midnight', () => {
    const lateUtc = new Date('2026-11-24T23:30:00Z');
    expect(formatDualDate(lateUtc, { timeZone: 'Asia/Jerusalem' }).gregorian).toBe('25 نوفمبر 2026');
    expect(formatDualDate(lateUtc, { timeZone: 'UTC' }).gregorian).toBe('24 نوفمبر 2026');
  });
});

describe('digits', () => {
  it('converts between Arabic-Indic, Persian and Latin digits', () => {
    expect(toLatinDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789');
    expect(toArabicIndicDigits('2026')).toBe('٢٠٢٦');
    expect(formatNumber(1448, 'arab')).toBe('١٤٤٨');
    expect(formatNumber(1448, 'latn')).toBe('1448');
  });
});
