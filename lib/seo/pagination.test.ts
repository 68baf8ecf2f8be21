import { describe, expect, it } from 'vitest';
import { pageCount, pageExists, parseIdParam, parsePageParam } from './pagination';

describe('parsePageParam', () => {
  it('reads plain positive integers and defaults to the first page', () => {
    expect(parsePageParam(undefined)).toBe(1);
    expect(parsePageParam('1')).toBe(1);
    expect(parsePageParam('12')).toBe(12);
  });

  it('refuses everything else', () => {
    for (const bad of ['', '0', '-1', 'abc', '1.5', '01', '1e3', ' 2', '9999999', '١']) {
      expect(parsePageParam(bad), bad).toBeNull();
    }
    expect(parsePageParam(['1', '2'])).toBeNull();
  });
});

describe('pages', () => {
  it('counts pages and says which exist', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(20)).toBe(1);
    expect(pageCount(21)).toBe(2);
    expect(pageExists(1, 0)).toBe(true);
    expect(pageExists(2, 20)).toBe(false);
    expect(pageExists(2, 21)).toBe(true);
  });
});

describe('parseIdParam', () => {
  it('accepts database ids only', () => {
    expect(parseIdParam('2')).toBe(2);
    expect(parseIdParam('2147483647')).toBe(2147483647);
    for (const bad of ['0', '-2', '2a', '2147483648', '99999999999', '', '٢']) expect(parseIdParam(bad), bad).toBeNull();
  });
});
