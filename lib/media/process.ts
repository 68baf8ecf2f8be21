import sharp, { type Metadata } from 'sharp';
import { AppError } from '../errors';
import { MEDIA_MAX_WIDTH, MEDIA_OUTPUT_MIME, smallerVariantWidths } from './keys';
import { findActiveContent, sniffImageKind, type ImageKind } from './sniff';

/** Largest upload accepted, in bytes. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/**
 * Largest image accepted, in pixels (width × height as declared by the file). A few hundred bytes
 * can declare a 65 535 × 65 535 image whose decoding would take gigabytes: that is refused from
 * the header, before any pixel is decoded.
 */
export const MAX_INPUT_PIXELS = 50_000_000;
const WEBP_QUALITY = 82;

export interface ImageVariant {
  /** null for the canonical (largest) file, otherwise the nominal width it was made for. */
  variant: number | null;
  width: number;
  height: number;
  data: Buffer;
}

export interface ProcessedImage {
  kind: ImageKind;
  mime: typeof MEDIA_OUTPUT_MIME;
  /** The canonical file's size; the smaller variants follow it in `variants`. */
  width: number;
  height: number;
  bytes: number;
  variants: ImageVariant[];
}

// What libvips calls each accepted kind; AVIF is read by its HEIF loader.
const LOADER_FORMAT: Record<ImageKind, string> = { jpeg: 'jpeg', png: 'png', webp: 'webp', gif: 'gif', avif: 'heif' };

function notAnImage(reason: string): never {
  throw new AppError('MEDIA_NOT_IMAGE', reason);
}

/**
 * Checks an upload and re-encodes it. Nothing of the uploaded file survives byte for byte: the
 * pixels are decoded and written out as new WebP files, oriented by EXIF and stripped of all
 * metadata (EXIF, GPS, XMP, IPTC, comments), in the canonical width (at most 1 600 px) and in the
 * smaller widths below it. Images are never scaled up. Animated images keep their first frame.
 */
export async function processImage(bytes: Uint8Array): Promise<ProcessedImage> {
  if (bytes.byteLength === 0) notAnImage('empty file');
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new AppError('MEDIA_TOO_LARGE', `${bytes.byteLength} bytes; the limit is ${MAX_UPLOAD_BYTES}`);
  }
  const kind = sniffImageKind(bytes);
  if (!kind) notAnImage('unrecognised file signature');
  const active = findActiveContent(bytes);
  if (active) notAnImage(`active content marker: ${active}`);

  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let metadata: Metadata;
  try {
    // Reading the header decodes no pixels, so it is safe before the size check.
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    notAnImage('unreadable image header');
  }
  if (metadata.format !== LOADER_FORMAT[kind]) notAnImage(`signature says ${kind}, decoder says ${metadata.format}`);
  if (kind === 'avif' && metadata.compression !== 'av1') notAnImage('HEIF image that is not AVIF');
  const { width, height } = metadata;
  if (!width || !height) notAnImage('image without dimensions');
  if (width * height > MAX_INPUT_PIXELS) {
    throw new AppError('MEDIA_TOO_MANY_PIXELS', `${width}×${height}; the limit is ${MAX_INPUT_PIXELS} pixels`);
  }

  // The decoder enforces the same limit itself, in case the header under-reported the size.
  const source = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', autoOrient: true, animated: false });
  const orientedWidth = metadata.autoOrient?.width ?? width;
  const canonicalWidth = Math.min(orientedWidth, MEDIA_MAX_WIDTH);
  const targets: (number | null)[] = [null, ...smallerVariantWidths(canonicalWidth)];
  try {
    const variants = await Promise.all(
      targets.map(async (variant) => {
        const { data, info } = await source
          .clone()
          .resize({ width: variant ?? canonicalWidth, withoutEnlargement: true })
          .webp({ quality: WEBP_QUALITY })
          .toBuffer({ resolveWithObject: true });
        return { variant, width: info.width, height: info.height, data };
      }),
    );
    const canonical = variants[0]!;
    return { kind, mime: MEDIA_OUTPUT_MIME, width: canonical.width, height: canonical.height, bytes: canonical.data.byteLength, variants };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      throw new AppError('MEDIA_TOO_MANY_PIXELS', error.message);
    }
    notAnImage(error instanceof Error ? `decoder: ${error.message}` : 'decoder failed');
  }
}
