import { describe, expect, it } from 'vitest';
import { toLatinDigits } from './characters';

describe('toLatinDigits', () => {
  it('turns Arabic-Indic and Persian digits into 0–9 and leaves the rest alone', () => {
    expect(toLatinDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789');
    expect(toLatinDigits('عام ٢٠٢٦ و1448')).toBe('عام 2026 و1448');
  });
});
