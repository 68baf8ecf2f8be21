import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, MAX_QUERY_TERMS, formatTerms, parseSearchQuery } from './query';

describe('parseSearchQuery', () => {
  it('normalises words and drops punctuation around them; a quoted single word is a word', () => {
    const parsed = parseSearchQuery('  «إسماعيل» هنيّة؟ ');
    expect(parsed).toEqual({
      ok: true,
      terms: [
        { kind: 'word', text: 'اسماعيل' },
        { kind: 'word', text: 'هنيه' },
      ],
      display: 'اسماعيل هنيه',
    });
  });

  it('reads quoted text as a phrase, with straight, typographic or Arabic quotes', () => {
    for (const raw of ['"يوم القدس" العالمي', '«يوم القدس» العالمي', '“يوم القدس” العالمي']) {
      const parsed = parseSearchQuery(raw);
      expect(parsed.ok && parsed.terms).toEqual([
        { kind: 'phrase', text: 'يوم القدس' },
        { kind: 'word', text: 'العالمي' },
      ]);
    }
  });

  it('ignores an unmatched quote', () => {
    const parsed = parseSearchQuery('"يوم القدس" "العالمي');
    expect(parsed.ok && parsed.terms).toEqual([
      { kind: 'phrase', text: 'يوم القدس' },
      { kind: 'word', text: 'العالمي' },
    ]);
    const single = parseSearchQuery('"');
    expect(single).toEqual({ ok: false, reason: 'noTerms' });
  });

  it('splits a hashtag into its words', () => {
    const parsed = parseSearchQuery('(#قدسنا_لا_أورشليم)');
    expect(parsed.ok && parsed.terms).toEqual([
      { kind: 'word', text: 'قدسنا' },
      { kind: 'word', text: 'لا' },
      { kind: 'word', text: 'اورشليم' },
    ]);
  });

  it('keeps punctuation inside a word', () => {
    const parsed = parseSearchQuery('covid-19 4.2%');
    expect(parsed.ok && parsed.terms).toEqual([
      { kind: 'word', text: 'covid-19' },
      { kind: 'word', text: '4.2' },
    ]);
  });

  it('drops repeated terms', () => {
    const parsed = parseSearchQuery('القدس القُدس القدس');
    expect(parsed.ok && parsed.terms).toEqual([{ kind: 'word', text: 'القدس' }]);
  });

  it('refuses empty, punctuation-only, too long and too wordy queries with a reason', () => {
    expect(parseSearchQuery('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseSearchQuery(' \u200B\u064E ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseSearchQuery('؟!… ، ## "" ()')).toEqual({ ok: false, reason: 'noTerms' });
    expect(parseSearchQuery('ب'.repeat(10_000))).toEqual({ ok: false, reason: 'tooLong' });
    expect(parseSearchQuery('ب'.repeat(MAX_QUERY_CHARS)).ok).toBe(true);
    const words = Array.from({ length: MAX_QUERY_TERMS + 1 }, (_, i) => `كلمة${i}`).join(' ');
    expect(parseSearchQuery(words)).toEqual({ ok: false, reason: 'tooManyTerms' });
  });

  it('passes SQL-looking input through as plain words', () => {
    const parsed = parseSearchQuery("'; drop table articles; --");
    expect(parsed.ok && parsed.terms).toEqual([
      { kind: 'word', text: 'drop' },
      { kind: 'word', text: 'table' },
      { kind: 'word', text: 'articles' },
    ]);
  });

  it('formats terms back into a query that parses to the same terms', () => {
    const parsed = parseSearchQuery('#يوم_القدس "اسماعيل هنيه" GDP');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const again = parseSearchQuery(formatTerms(parsed.terms));
    expect(again.ok && again.terms).toEqual(parsed.terms);
  });
});
