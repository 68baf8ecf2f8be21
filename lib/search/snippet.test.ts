import { describe, expect, it } from 'vitest';
import { buildSnippet } from './snippet';

describe('buildSnippet', () => {
  it('centres on the densest run of matches and marks only matched words', () => {
    const tokens = Array.from({ length: 100 }, (_, i) => `w${i}`);
    const flags = tokens.map((_, i) => i === 60 || i === 62);
    const snippet = buildSnippet(tokens, flags, 10);
    expect(snippet.startsWith('… w57 ')).toBe(true);
    expect(snippet).toContain('<mark>w60</mark> w61 <mark>w62</mark>');
    expect(snippet.endsWith(' w66 …')).toBe(true);
    expect(buildSnippet(tokens, tokens.map((_, i) => i === 1), 10).startsWith('w0 <mark>w1</mark>')).toBe(true);
    expect(buildSnippet(tokens, tokens.map((_, i) => i === 99), 10).endsWith('<mark>w99</mark>')).toBe(true);
  });

  it('prefers the window with more matches to an earlier one with fewer', () => {
    const tokens = Array.from({ length: 60 }, (_, i) => `w${i}`);
    const flags = tokens.map((_, i) => i === 2 || i === 40 || i === 41 || i === 43);
    const snippet = buildSnippet(tokens, flags, 10);
    expect(snippet).toContain('<mark>w40</mark> <mark>w41</mark> w42 <mark>w43</mark>');
    expect(snippet).not.toContain('<mark>w2</mark>');
  });

  it('starts at the beginning when nothing in the text matched', () => {
    expect(buildSnippet(['أ', 'ب', 'ج'], [false, false, false], 2)).toBe('أ ب …');
    expect(buildSnippet([], [], 5)).toBe('');
  });

  it('shows a short text whole, with no ellipsis', () => {
    expect(buildSnippet(['يوم', 'القدس'], [false, true])).toBe('يوم <mark>القدس</mark>');
  });

  it('escapes the words it shows, matched or not', () => {
    expect(buildSnippet(['<b>', 'x&y', '"q"'], [false, true, false], 5)).toBe('&lt;b&gt; <mark>x&amp;y</mark> &quot;q&quot;');
  });
});
