import { describe, expect, it } from 'vitest';
import { MATCH_START, MATCH_STOP, markTokens, matchableTokens, matchFlags, tokenize } from './highlight';

describe('tokenize', () => {
  it('splits on any run of whitespace and keeps punctuation with its word', () => {
    expect(tokenize('  يوم\tالقدس،\n(GDP)  ')).toEqual(['يوم', 'القدس،', '(GDP)']);
    expect(tokenize(' \n ')).toEqual([]);
  });
});

describe('matchableTokens', () => {
  it('normalises each token and keeps one token per token', () => {
    expect(matchableTokens(['التَّطْبِيع', 'غزة', '١٫٨'])).toBe('التطبيع غزه 1.8');
  });

  it('never sends an empty token, a marker, or a token that would split in two', () => {
    // U+200B vanishes under normalisation; NFKC turns the diaeresis ¨ into a space and a mark.
    const sent = matchableTokens(['\u200B', `a${MATCH_START}b${MATCH_STOP}`, 'x\u00A8y']);
    expect(sent.split(' ')).toEqual(['_', 'ab', 'x\u0308y']);
  });
});

describe('matchFlags', () => {
  const marked = (word: string) => `${MATCH_START}${word}${MATCH_STOP}`;

  it('marks a token that either headline marked', () => {
    expect(matchFlags(3, `a ${marked('b')} c`, `a b ${marked('c')}`)).toEqual([false, true, true]);
  });

  it('marks nothing when a headline does not line up with the tokens', () => {
    expect(matchFlags(3, `a ${marked('b')}`, 'a b c')).toEqual([false, false, false]);
    expect(matchFlags(2, undefined, undefined)).toEqual([false, false]);
  });
});

describe('markTokens', () => {
  it('marks the letters of a matched word and leaves punctuation around it outside', () => {
    expect(markTokens(['«الفلسطينية،»', '(GDP)', 'x'], [true, true, false])).toBe('«<mark>الفلسطينية</mark>،» (<mark>GDP</mark>) x');
    expect(markTokens(['(#قدسنا_لا_أورشليم)'], [true])).toBe('(#<mark>قدسنا_لا_أورشليم</mark>)');
  });

  it('keeps tashkeel inside the mark and marks nothing in a token without letters', () => {
    expect(markTokens(['التَّطْبِيعُ.'], [true])).toBe('<mark>التَّطْبِيعُ</mark>.');
    expect(markTokens(['؟!'], [true])).toBe('؟!');
  });

  it('escapes everything, inside and outside the mark', () => {
    expect(markTokens(['<x>&"\'', 'a<b'], [false, true])).toBe('&lt;x&gt;&amp;&quot;&#39; <mark>a&lt;b</mark>');
  });
});
