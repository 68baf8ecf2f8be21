import { describe, expect, it } from 'vitest';
import { cleanSearchRequest, cleanStatuses, MAX_SEARCH_PAGE, MAX_SEARCH_PAGE_SIZE, parseIsoDate, SEARCH_PAGE_SIZE } from './request';

describe('cleanSearchRequest', () => {
  it('turns what cannot be sent to the database into spaces', () => {
    const clean = cleanSearchRequest({ q: 'غز\u0000ة \uD800القدس\u0085', sectionSlug: ' سياسة\u0000 ' });
    expect(clean.q).toBe('غز ة  القدس ');
    expect(clean.sectionSlug).toBe('سياسة');
  });

  it('treats anything that is not text as absent', () => {
    const clean = cleanSearchRequest({ q: ['القدس', 'غزة'] as unknown as string, sectionSlug: 7 as unknown as string, from: {} as unknown as string });
    expect(clean).toMatchObject({ q: '', sectionSlug: null, from: null });
  });

  it('clamps paging to the first page, the default size and the limits', () => {
    expect(cleanSearchRequest({ q: 'x' })).toMatchObject({ page: 1, pageSize: SEARCH_PAGE_SIZE });
    expect(cleanSearchRequest({ q: 'x', page: -3, pageSize: 0 })).toMatchObject({ page: 1, pageSize: SEARCH_PAGE_SIZE });
    expect(cleanSearchRequest({ q: 'x', page: 1e9, pageSize: 1e9 })).toMatchObject({ page: MAX_SEARCH_PAGE, pageSize: MAX_SEARCH_PAGE_SIZE });
    expect(cleanSearchRequest({ q: 'x', page: 2.7, pageSize: Number.NaN })).toMatchObject({ page: 2, pageSize: SEARCH_PAGE_SIZE });
  });

  it('keeps real dates and known zones, and drops the rest', () => {
    expect(cleanSearchRequest({ q: 'x', from: ' 2026-02-28 ', to: '2026-02-30', timeZone: 'Asia/Jerusalem' })).toMatchObject({
      from: '2026-02-28',
      to: null,
      timeZone: 'Asia/Jerusalem',
    });
    expect(cleanSearchRequest({ q: 'x', timeZone: 'Asia/\u0000' }).timeZone).toBe('UTC');
    expect(cleanSearchRequest({ q: 'x', timeZone: 'Mars/Olympus' }).timeZone).toBe('UTC');
  });

  it('keeps a real instant and ignores an invalid one', () => {
    const asOf = new Date('2026-05-01T10:00:00Z');
    expect(cleanSearchRequest({ q: 'x', asOf }).asOf).toBe(asOf);
    expect(cleanSearchRequest({ q: 'x', asOf: new Date(Number.NaN) }).asOf).toBeNull();
    expect(cleanSearchRequest({ q: 'x' }).asOf).toBeNull();
  });
});

describe('cleanStatuses', () => {
  it('keeps only workflow states that exist', () => {
    expect(cleanStatuses(['draft', 'nonsense', 'published'])).toEqual(['draft', 'published']);
    expect(cleanStatuses('draft')).toEqual([]);
    expect(cleanStatuses(undefined)).toEqual([]);
  });
});

describe('parseIsoDate', () => {
  it('accepts dates that exist, written YYYY-MM-DD', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate(' 2026-12-31 ')).toBe('2026-12-31');
  });

  it('refuses impossible dates, other spellings and years out of range', () => {
    for (const value of ['2026-02-29', '2026-13-01', '2026-1-1', '01-01-2026', '١٤٤٧-٠١-٠١', '1899-12-31', '3000-01-01', '', null, undefined]) {
      expect(parseIsoDate(value)).toBeNull();
    }
  });
});
