import { describe, expect, it } from 'vitest';
import { entityTag, matchesIfNoneMatch, pagination, paginationLinks } from './http';
import { parseTimestamp } from './parameters';

describe('entity tags and If-None-Match', () => {
  const etag = entityTag('{"data":[]}');

  it('are strong tags that change with the bytes', () => {
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    expect(entityTag('{"data":[1]}')).not.toBe(etag);
    expect(entityTag('{"data":[]}')).toBe(etag);
  });

  it('match the tag itself, its weak form, one of a list, or *', () => {
    for (const header of [etag, `W/${etag}`, `"a", ${etag} ,"b"`, '*']) expect(matchesIfNoneMatch(header, etag), header).toBe(true);
    for (const header of [null, '', '"a"', etag.slice(1), `${etag}x`]) expect(matchesIfNoneMatch(header, etag), String(header)).toBe(false);
  });
});

describe('pagination links', () => {
  const url = new URL('http://midad.test/api/v1/articles?section=%D8%B3&page=2');

  it('name first, prev, next and last, keeping the other parameters', () => {
    const links = paginationLinks(url, pagination(2, 10, 35));
    expect(links.split(', ')).toEqual([
      '</api/v1/articles?section=%D8%B3&page=1&per_page=10>; rel="first"',
      '</api/v1/articles?section=%D8%B3&page=1&per_page=10>; rel="prev"',
      '</api/v1/articles?section=%D8%B3&page=3&per_page=10>; rel="next"',
      '</api/v1/articles?section=%D8%B3&page=4&per_page=10>; rel="last"',
    ]);
  });

  it('have no prev on the first page, no next on the last, and a last page of 1 when empty', () => {
    expect(paginationLinks(url, pagination(1, 10, 0))).toBe(
      '</api/v1/articles?section=%D8%B3&page=1&per_page=10>; rel="first", </api/v1/articles?section=%D8%B3&page=1&per_page=10>; rel="last"',
    );
    expect(paginationLinks(url, pagination(9, 10, 35))).toContain('page=4&per_page=10>; rel="prev"');
  });
});

describe('RFC 3339 times', () => {
  it('read a time with its offset, seconds and fractions optional', () => {
    expect(parseTimestamp('2026-12-03T09:30:00Z')?.toISOString()).toBe('2026-12-03T09:30:00.000Z');
    expect(parseTimestamp('2026-12-03T12:30+03:00')?.toISOString()).toBe('2026-12-03T09:30:00.000Z');
    expect(parseTimestamp('2026-12-03t09:30:00.5z')?.toISOString()).toBe('2026-12-03T09:30:00.500Z');
  });

  it('refuse a time without offset, a day or hour that does not exist, and anything else', () => {
    for (const text of ['2026-12-03T09:30:00', '2026-02-30T00:00:00Z', '2026-12-03T24:00:00Z', '2026-12-03T09:60:00Z', '2026-12-03T09:30:00+25:00', '2026-12-03', 'now', '']) {
      expect(parseTimestamp(text), text).toBeUndefined();
    }
  });
});
