import { describe, expect, it } from 'vitest';
import { cleanLine, cleanText, hasVisibleText } from './text-fields';

describe('cleanLine', () => {
  it('removes bidi embeddings, overrides and isolates, which could reorder a headline', () => {
    expect(cleanLine('\u202Eخبر\u202C \u202Aعاجل\u202B\u202D \u2066Gaza\u2069 \u2067\u2068')).toBe('خبر عاجل Gaza');
  });

  it('keeps the marks and joiners that mixed Arabic–Latin text and some words need', () => {
    expect(cleanLine('مؤتمر\u200F NASA\u200E و\u200Cال\u200Dعلم')).toBe('مؤتمر\u200F NASA\u200E و\u200Cال\u200Dعلم');
  });

  it('turns NUL and other C0/C1 controls into spaces, so a title never fails to save', () => {
    expect(cleanLine('غزة\u0000اليوم')).toBe('غزة اليوم');
    expect(cleanLine('\u0007جرس\u001B[31m\u007F\u0085\u009F')).toBe('جرس [31m');
    expect(cleanLine('سطر\r\nثانٍ\t\vثالث\f')).toBe('سطر ثانٍ ثالث');
  });

  it('drops halves of surrogate pairs and keeps whole astral characters', () => {
    expect(cleanLine('a\uD800b\uDC00c')).toBe('abc');
    expect(cleanLine('قمر 🌙')).toBe('قمر 🌙');
  });

  it('leaves SQL-looking text exactly as written', () => {
    for (const text of ["'; drop table articles; --", '" OR 1=1 --', '$$ $1 \\\\ \\x00', "Robert'); DROP TABLE students;--"]) {
      expect(cleanLine(text)).toBe(text);
    }
  });

  it('normalises to NFC and collapses spaces', () => {
    expect(cleanLine('  Cafe\u0301   مقهى  ')).toBe('Café مقهى');
  });
});

describe('hasVisibleText', () => {
  it('sees nothing in a line made only of invisible characters', () => {
    expect(hasVisibleText('\u200D\u200C\u200E\u200F\uFEFF\u061C ')).toBe(false);
    expect(hasVisibleText(cleanLine('\u202E\u0000\u2066'))).toBe(false);
    expect(hasVisibleText('\u200Fخبر')).toBe(true);
  });
});

describe('cleanText', () => {
  it('keeps line breaks and tabs, turning CRLF and CR into LF', () => {
    expect(cleanText('  سطر أول\r\nسطر\tثانٍ\rثالث\n\nرابع  ')).toBe('سطر أول\nسطر\tثانٍ\nثالث\n\nرابع');
  });

  it('removes what cleanLine removes: NUL and other controls, bidi overrides, broken surrogates', () => {
    expect(cleanText('أضف\u0000 المصدر\u000B\u202Eهنا\u202C\uD800 \u200Fتمام')).toBe('أضف  المصدر هنا \u200Fتمام');
  });
});
