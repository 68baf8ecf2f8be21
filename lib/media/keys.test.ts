import { describe, expect, it } from 'vitest';
import {
  generateStorageKey,
  isMediaSrc,
  isStorageKey,
  isVariantFileName,
  mediaSrc,
  parseMediaPathSegment,
  smallerVariantWidths,
  variantFileName,
} from './keys';

const KEY = '00112233445566778899aabbccddeeff';

describe('generateStorageKey', () => {
  it('makes 128-bit lower-case hex keys that do not repeat', () => {
    const keys = new Set(Array.from({ length: 2000 }, generateStorageKey));
    expect(keys.size).toBe(2000);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('parseMediaPathSegment', () => {
  it('reads the canonical file and the smaller variants', () => {
    expect(parseMediaPathSegment(KEY)).toEqual({ key: KEY, width: null });
    expect(parseMediaPathSegment(`${KEY}-480`)).toEqual({ key: KEY, width: 480 });
    expect(parseMediaPathSegment(`${KEY}-960`)).toEqual({ key: KEY, width: 960 });
  });

  it.each([
    '',
    KEY.toUpperCase(),
    KEY.slice(1),
    `${KEY}0`,
    `${KEY}-1600`,
    `${KEY}-500`,
    `${KEY}-0480`,
    `${KEY}-480-960`,
    `${KEY}.webp`,
    `${KEY}-480.webp`,
    `${KEY}/`,
    `${KEY}\u0000`,
    `${KEY}\n`,
    '../../etc/passwd',
    `..%2F${KEY}`,
    `%2e%2e%2f${KEY}`,
    `${KEY.slice(0, 30)}..`,
    'ملف-صورة',
    `\u202E${KEY}`,
  ])('refuses %j', (segment) => {
    expect(parseMediaPathSegment(segment)).toBeNull();
  });
});

describe('file names and sources', () => {
  it('names files after the key only', () => {
    expect(variantFileName(KEY, null)).toBe(`${KEY}.webp`);
    expect(variantFileName(KEY, 480)).toBe(`${KEY}-480.webp`);
    expect(() => variantFileName('../../etc/passwd', null)).toThrow();
    expect(() => mediaSrc('x.php.jpg')).toThrow();
  });

  it('recognises exactly the names it makes', () => {
    expect(isVariantFileName(`${KEY}.webp`)).toBe(true);
    expect(isVariantFileName(`${KEY}-960.webp`)).toBe(true);
    for (const name of [`${KEY}`, `${KEY}-0480.webp`, `${KEY}.png`, `${KEY}-1600.webp`, `../${KEY}.webp`, `${KEY}.webp/..`, `.${KEY}.webp`]) {
      expect(isVariantFileName(name)).toBe(false);
    }
  });

  it('accepts only /media/<key> as an image source', () => {
    expect(isMediaSrc(mediaSrc(KEY))).toBe(true);
    expect(isStorageKey(KEY)).toBe(true);
    for (const src of [`https://midad.example/media/${KEY}`, `/media/${KEY}-480`, `/media/${KEY}/`, `/media//${KEY}`, `/MEDIA/${KEY}`, 42, null]) {
      expect(isMediaSrc(src)).toBe(false);
    }
  });
});

describe('smallerVariantWidths', () => {
  it.each<[number, number[]]>([
    [1600, [480, 960]],
    [1200, [480, 960]],
    [961, [480, 960]],
    [960, [480]],
    [700, [480]],
    [480, []],
    [120, []],
  ])('below %i px: %j', (width, widths) => {
    expect(smallerVariantWidths(width)).toEqual(widths);
  });
});
