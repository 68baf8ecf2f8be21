import { describe, expect, it } from 'vitest';
import fixture from '../db/seed-data/quds-day-article.json';
import { countWords, READING_WORDS_PER_MINUTE, readingDuration, readingMinutes, textStats } from './text-stats';

describe('countWords', () => {
  it.each<[string, number]>([
    ['', 0],
    ['   \n\t ', 0],
    ['مرحبا بالعالم', 2],
    // Tashkeel and shadda are part of the word, not separators.
    ['مُحَمَّدٌ رَسُولُ اللَّهِ', 3],
    // Tatweel stretches a word; it never splits it.
    ['مـــرحبا جـمـيـل', 2],
    // Arabic punctuation separates words and is not counted.
    ['قال، ثم سأل؛ لماذا؟', 4],
    ['«القدس» عاصمة', 2],
    ['، ؛ ؟ . ! « » — …', 0],
    // A lone tatweel or stray diacritics are not words.
    ['ـ ـــ َ ُّ', 0],
    ['Hello, world!', 2],
    ["don't stop", 2],
    ['a well-known fact', 3],
    ['قال الرئيس Joe Biden إن', 5],
    ['بلغ النمو 3.5 في المئة عام 2024', 7],
    ['بلغ ٣٫٥ بالمئة', 3],
    ['عدد ١٠٬٠٠٠ شخص', 3],
    // Persian words written with a zero-width non-joiner stay one word.
    ['می\u200Cخواهم', 1],
    ['سطر أول\nسطر ثان', 4],
    ['#قدسنا_لا_أورشليم', 3],
    // A dash, brackets and a percent sign are not words; the number and the acronym are.
    ['قال الوزير — في بيان (GDP) إن النمو بلغ 4.2% «تقريباً».', 10],
  ])('counts %j as %i', (text, words) => {
    expect(countWords(text)).toBe(words);
  });

  it('counts a long text without stalling on mixed punctuation', () => {
    const text = 'كلمة، '.repeat(10_000) + 'word.'.repeat(5_000);
    expect(countWords(text)).toBe(15_000);
  });
});

describe('readingMinutes', () => {
  it('reads Arabic news at 180 words a minute', () => {
    expect(READING_WORDS_PER_MINUTE).toBe(180);
  });

  it.each<[number, number]>([
    [0, 0],
    [-5, 0],
    [Number.NaN, 0],
    [1, 1],
    [180, 1],
    [181, 2],
    [360, 2],
    [900, 5],
    [3000, 17],
  ])('%i words take %i minutes, rounded up', (words, minutes) => {
    expect(readingMinutes(words)).toBe(minutes);
  });

  it('accepts another reading speed', () => {
    expect(readingMinutes(300, 100)).toBe(3);
  });
});

describe('textStats', () => {
  it('combines both', () => {
    expect(textStats('كلمة '.repeat(450))).toEqual({ words: 450, readingMinutes: 3 });
    expect(textStats(' \n ')).toEqual({ words: 0, readingMinutes: 0 });
  });

  it('gives the fixture story a few minutes', () => {
    // 13 paragraphs, 320 words: just under two minutes at 180 a minute.
    expect(textStats(fixture.paragraphs.join('\n'))).toEqual({ words: 320, readingMinutes: 2 });
  });
});

describe('readingDuration', () => {
  it('writes the estimate as an ISO 8601 duration', () => {
    expect(readingDuration(4)).toBe('PT4M');
  });
});
