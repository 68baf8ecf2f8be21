import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from './accept-language';

describe('the language an Accept-Language header asks for', () => {
  it('is Arabic without a header, for languages Midad has no catalogue of, and for nonsense', () => {
    expect(localeFromAcceptLanguage(null)).toBe('ar');
    expect(localeFromAcceptLanguage('')).toBe('ar');
    expect(localeFromAcceptLanguage('fr-FR, de;q=0.8')).toBe('ar');
    expect(localeFromAcceptLanguage(';;;,,=q')).toBe('ar');
  });

  it('takes the most wanted of Arabic and English, regional variants included', () => {
    expect(localeFromAcceptLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('fr, en;q=0.5, ar;q=0.7')).toBe('ar');
    expect(localeFromAcceptLanguage('ar-EG;q=0.4, EN-us;q=0.6')).toBe('en');
    expect(localeFromAcceptLanguage('en;q=0, ar;q=0.1')).toBe('ar');
    expect(localeFromAcceptLanguage('en;q=0')).toBe('ar');
  });

  it('keeps the first of equal weights', () => {
    expect(localeFromAcceptLanguage('en, ar')).toBe('en');
    expect(localeFromAcceptLanguage('ar, en')).toBe('ar');
  });
});
