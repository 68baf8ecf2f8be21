import { describe, expect, it } from 'vitest';
import { findActiveContent, sniffImageKind } from './sniff';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));
const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const ftyp = (major: string, ...compatible: string[]) => bytes(u32(16 + 4 * compatible.length), 'ftyp', major, [0, 0, 0, 0], ...compatible);

describe('sniffImageKind', () => {
  it.each<[string, Uint8Array, string]>([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'jpeg'],
    ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]), 'png'],
    ['GIF87a', bytes('GIF87a', [1, 0, 1, 0]), 'gif'],
    ['GIF89a', bytes('GIF89a', [1, 0, 1, 0]), 'gif'],
    ['WebP', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'webp'],
    ['AVIF', ftyp('avif', 'mif1', 'miaf'), 'avif'],
    ['an AVIF sequence', ftyp('avis', 'msf1'), 'avif'],
    ['AVIF as a compatible brand', ftyp('mif1', 'avif', 'miaf'), 'avif'],
  ])('recognises %s', (_name, input, kind) => {
    expect(sniffImageKind(input)).toBe(kind);
  });

  it.each<[string, Uint8Array]>([
    ['an empty file', bytes()],
    ['HTML', bytes('<!DOCTYPE html><html><body>x</body></html>')],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['SVG behind an XML declaration', bytes('<?xml version="1.0"?><svg/>')],
    ['PDF', bytes('%PDF-1.7\n')],
    ['ZIP', bytes('PK', [3, 4])],
    ['a RIFF file that is not WebP', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt ')],
    ['HEIC', ftyp('heic', 'mif1', 'heic')],
    ['MP4', ftyp('isom', 'iso2', 'mp41')],
    ['a truncated PNG signature', bytes([0x89], 'PNG')],
    ['a bitmap', bytes('BM', [0, 0, 0, 0])],
    ['JavaScript', bytes('alert(document.cookie)')],
    ['a PHP script named like an image', bytes('<?php system($_GET["c"]); ?>')],
  ])('refuses %s', (_name, input) => {
    expect(sniffImageKind(input)).toBeNull();
  });
});

/** Deterministic noise standing in for compressed pixel data. */
function noise(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

describe('findActiveContent', () => {
  const jpegHead = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF');

  it('finds nothing in image-like noise', () => {
    expect(findActiveContent(Uint8Array.from([...jpegHead, ...noise(2_000_000)]))).toBeNull();
  });

  it('flags the GIF/JavaScript polyglot header', () => {
    expect(findActiveContent(bytes('GIF89a/*', [0, 0], '*/=alert(1)//'))).not.toBeNull();
  });

  it('flags HTML or SVG in the first kilobytes, in any letter case', () => {
    expect(findActiveContent(bytes([0xff, 0xd8, 0xff, 0xfe], '<HtMl><BODY onload=alert(1)>'))).not.toBeNull();
    expect(findActiveContent(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], 'tEXt<svg onload=alert(1)>'))).not.toBeNull();
  });

  it('flags script markers anywhere in the file', () => {
    const tail = bytes('<ScRiPt>alert(1)</script>');
    expect(findActiveContent(Uint8Array.from([...jpegHead, ...noise(500_000), ...tail]))).toBe('<script');
    expect(findActiveContent(Uint8Array.from([...jpegHead, ...noise(100_000), ...bytes('JAVASCRIPT:alert(1)')]))).toBe('javascript:');
  });

  it('leaves short markers deep inside pixel data alone, where chance would produce them', () => {
    expect(findActiveContent(Uint8Array.from([...jpegHead, ...noise(10_000), ...bytes('<svg')]))).toBeNull();
  });
});
