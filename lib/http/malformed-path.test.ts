import { describe, expect, it } from 'vitest';
import { isMalformedPath } from './malformed-path';

describe('isMalformedPath', () => {
  it.each([
    '/',
    '/articles/gaza-today',
    // An Arabic slug as browsers send it, and as some clients send it raw.
    `/articles/${encodeURIComponent('غزة-اليوم')}`,
    '/articles/غزة-اليوم',
    '/tags/%D8%BA%D8%B2%D8%A9',
    '/articles/100%25',
    '/search',
    '/articles/%F0%9F%87%B5%F0%9F%87%B8',
    '/a%2Fb',
  ])('accepts %s', (path) => {
    expect(isMalformedPath(path)).toBe(false);
  });

  it.each([
    '/articles/%E0%A4%A',
    '/articles/%',
    '/articles/100%',
    '/sections/%ZZ',
    '/tags/%E0',
    '/authors/%C0%AF',
    '/articles/%ED%A0%80',
    '/articles/%FF%FE',
    '/articles/%F8%88%80%80%80',
    '/%D8',
    '/articles/ok/%E0%A4%A/more',
  ])('refuses %s', (path) => {
    expect(isMalformedPath(path)).toBe(true);
  });

  it('agrees with the decoder Next uses on every two-byte escape', () => {
    for (let a = 0; a < 256; a++) {
      for (const b of [0x00, 0x2f, 0x80, 0xa4, 0xbf, 0xc0, 0xff]) {
        const path = `/x/%${a.toString(16).padStart(2, '0')}%${b.toString(16).padStart(2, '0')}`;
        let throws = false;
        try {
          decodeURIComponent(path);
        } catch {
          throws = true;
        }
        expect(isMalformedPath(path), path).toBe(throws);
      }
    }
  });
});
