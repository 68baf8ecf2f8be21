/**
 * What an uploaded file really is, judged by its bytes and never by its name or the type the
 * browser claimed. See docs/decisions/0006-media-uploads-and-storage.md for why each rule exists.
 */

export type ImageKind = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const FTYP = ascii('ftyp');
const AVIF_BRANDS = new Set(['avif', 'avis']);

/** The image format announced by the file's magic bytes, or null for anything else. */
export function sniffImageKind(bytes: Uint8Array): ImageKind | null {
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) return 'gif';
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return 'webp';
  if (startsWith(bytes, FTYP, 4) && hasAvifBrand(bytes)) return 'avif';
  return null;
}

/** An ISO-BMFF `ftyp` box naming AVIF as its major or one of its compatible brands. */
function hasAvifBrand(bytes: Uint8Array): boolean {
  const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  if (boxSize < 16 || boxSize > 4096 || boxSize > bytes.length) return false;
  const brandAt = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (AVIF_BRANDS.has(brandAt(8))) return true;
  for (let offset = 16; offset + 4 <= boxSize; offset += 4) {
    if (AVIF_BRANDS.has(brandAt(offset))) return true;
  }
  return false;
}

/**
 * Text that makes a file readable as a web page or script. A polyglot — an image whose bytes are
 * also valid HTML, SVG or JavaScript — needs one of these where a browser or parser looks for it.
 *
 * Long markers are searched in the whole file: random compressed pixel data spells a 7-byte
 * sequence about once in 10¹⁰ files. Short ones would turn up by chance in large photos, so they
 * are searched only in the first 4 KB, which is where content sniffers decide what a file is and
 * where image headers and metadata live.
 */
const HEAD_BYTES = 4096;
const WHOLE_FILE_MARKERS = ['<script', '<iframe', '<!doctype', 'javascript:'].map((m) => Buffer.from(m, 'latin1'));
const HEAD_MARKERS = ['<html', '<body', '<head', '<svg', '<?php', '<object', '<embed', '<meta', 'onerror=', 'onload='].map((m) =>
  Buffer.from(m, 'latin1'),
);

/**
 * A description of the first active-content marker found, or null. Also flags the classic
 * GIF/JavaScript polyglot, whose logical-screen width is the two bytes `/*` so that the file
 * parses as a script starting with a comment.
 */
export function findActiveContent(bytes: Uint8Array): string | null {
  if ((startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) && bytes[6] === 0x2f && bytes[7] === 0x2a) {
    return 'GIF header that opens a script comment';
  }
  // One lower-cased copy, then native substring search: a 10 MB file is scanned in milliseconds.
  const folded = Buffer.alloc(bytes.length);
  for (let i = 0; i < bytes.length; i++) folded[i] = lower(bytes[i]!);
  const head = folded.subarray(0, HEAD_BYTES);
  for (const marker of WHOLE_FILE_MARKERS) if (folded.indexOf(marker) !== -1) return marker.toString('latin1');
  for (const marker of HEAD_MARKERS) if (head.indexOf(marker) !== -1) return marker.toString('latin1');
  return null;
}

function lower(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte;
}
