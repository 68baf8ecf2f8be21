import { describe, expect, it } from 'vitest';
import fixture from '../../db/seed-data/quds-day-article.json';
import { ARABIC_WORDS_PER_MINUTE, countWords, readingDuration, readingMinutes } from './reading-time';

describe('reading time', () => {
  it('counts Arabic and Latin words, not punctuation', () => {
    expect(countWords('قال الوزير — في بيان (GDP) إن النمو بلغ 4.2% «تقريباً».')).toBe(10);
    expect(countWords('  \n ')).toBe(0);
  });

  it('reads Arabic at 180 words a minute, rounding to whole minutes and never below one', () => {
    expect(ARABIC_WORDS_PER_MINUTE).toBe(180);
    const words = (n: number) => Array.from({ length: n }, () => 'كلمة').join(' ');
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes(words(100))).toBe(1);
    expect(readingMinutes(words(360))).toBe(2);
    expect(readingMinutes(words(900))).toBe(5);
    expect(readingMinutes(words(990))).toBe(6);
  });

  it('gives the fixture story a few minutes', () => {
    const text = fixture.paragraphs.join('\n');
    const minutes = readingMinutes(text);
    expect(minutes).toBe(Math.max(1, Math.round(countWords(text) / 180)));
    expect(minutes).toBeGreaterThanOrEqual(2);
  });

  it('writes the estimate as an ISO 8601 duration', () => {
    expect(readingDuration(4)).toBe('PT4M');
  });
});
