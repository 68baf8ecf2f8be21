import { describe, expect, it } from 'vitest';
import { messageLocale } from './language';

describe('messageLocale', () => {
  it('answers in Arabic unless English is preferred', () => {
    expect(messageLocale(null)).toBe('ar');
    expect(messageLocale('fr-FR, de')).toBe('ar');
    expect(messageLocale('en-GB,en;q=0.9')).toBe('en');
    expect(messageLocale('ar;q=0.5, en;q=0.8')).toBe('en');
    expect(messageLocale('en;q=0.4, ar-JO')).toBe('ar');
    expect(messageLocale('en;q=0')).toBe('ar');
  });
});
