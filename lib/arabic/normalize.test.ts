import { describe, expect, it } from 'vitest';
import { normalizeArabic } from './normalize';

describe('normalizeArabic', () => {
  it('folds the hamza and madda forms of alef', () => {
    expect(normalizeArabic('أحمد إسماعيل آمال ٱلله')).toBe('احمد اسماعيل امال الله');
  });

  it('folds alef maqsura, taa marbuta, and hamza on waw and yaa', () => {
    expect(normalizeArabic('مستشفى الفلسطينية مؤتمر رئيس')).toBe('مستشفي الفلسطينيه موتمر رييس');
  });

  it('removes tashkeel, the superscript alef and tatweel', () => {
    expect(normalizeArabic('التَّطْبِيعُ')).toBe('التطبيع');
    expect(normalizeArabic('هٰذا')).toBe('هذا');
    expect(normalizeArabic('القـــدس')).toBe('القدس');
    expect(normalizeArabic('دعماًٌٍ')).toBe('دعما');
  });

  it('writes Arabic-Indic and Persian digits as 0–9, with the Arabic decimal separator as a dot', () => {
    expect(normalizeArabic('٣٠٠ دار و۱۲ جناحاً')).toBe('300 دار و12 جناحا');
    expect(normalizeArabic('١٫٨٪')).toBe('1.8٪');
  });

  it('folds Persian yeh and keheh', () => {
    expect(normalizeArabic('ایران کتاب')).toBe('ايران كتاب');
  });

  it('removes bidi controls and zero-width characters', () => {
    expect(normalizeArabic('\u202Bغزة\u202C\u200B \u2067اليوم\u2069\u200D\uFEFF\u061C')).toBe('غزه اليوم');
  });

  it('folds presentation forms and ligatures (NFKC)', () => {
    expect(normalizeArabic('\uFEFB')).toBe('لا');
    expect(normalizeArabic('\uFE8D\uFEDF\uFED8\uFEA9\uFEB2')).toBe('القدس');
    expect(normalizeArabic('\uFDF2')).toBe('الله');
    expect(normalizeArabic('ＧＤＰ ﬁ')).toBe('GDP fi');
  });

  it('keeps Latin case and punctuation for the text-search parser', () => {
    expect(normalizeArabic('GDP (Books) covid-19')).toBe('GDP (Books) covid-19');
  });

  it('is idempotent, also when a removed control separated a letter from its mark', () => {
    const tricky = 'e\u200D\u0301 ا\u0640\u0654 \uFE71\u0301';
    const once = normalizeArabic(tricky);
    expect(normalizeArabic(once)).toBe(once);
    expect(normalizeArabic('e\u200D\u0301')).toBe('\u00E9');
  });
});
