import 'server-only';
import { recordActivity } from '@/db/activity';
import type { Executor } from '@/db/client';
import { media } from '@/db/schema';
import { IMAGE_TEXT_LIMITS } from '@/lib/content/image';
import { AppError, type ErrorCode } from '@/lib/errors';
import { mediaVariants, type MediaDto } from '@/lib/media/dto';
import { generateStorageKey, mediaSrc, variantFileName } from '@/lib/media/keys';
import { processImage } from '@/lib/media/process';
import { mediaStorageFromEnv, type MediaStorage } from '@/lib/media/storage';
import { can } from '@/lib/permissions';
import { done, type DeskContext, type Done } from '../effects';

export interface UploadMediaInput {
  /** The uploaded file's bytes. Its name and claimed type are deliberately not part of the input. */
  data: Uint8Array;
  alt: unknown;
  caption?: unknown;
  credit?: unknown;
}

// Bidi embeddings, overrides and isolates can make a caption display as something other than
// what it says; C0/C1 controls have no place in one line of text. RLM/LRM/ALM stay: mixed
// Arabic and Latin captions legitimately need them.
const UNWANTED_CONTROLS = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

function cleanText(value: unknown, field: 'alt' | 'caption' | 'credit'): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new AppError('INVALID_INPUT', `${field} must be text`, { field });
  return value.normalize('NFC').replace(UNWANTED_CONTROLS, ' ').replace(/\s+/g, ' ').trim();
}

function checkLength(value: string, field: 'alt' | 'caption' | 'credit'): void {
  if (value.length > IMAGE_TEXT_LIMITS[field]) {
    throw new AppError('MEDIA_TEXT_TOO_LONG', `${field} is longer than ${IMAGE_TEXT_LIMITS[field]} characters`, { field });
  }
}

function rejection(code: ErrorCode, message: string): AppError {
  return new AppError(code, message, { field: 'file' });
}

/**
 * Uploads an image to the media library: checks the person may upload, checks the texts (alt text
 * is required, because every library image can go into a story body), checks and re-encodes the
 * file (lib/media/process), stores the files under a new random key and records the `media` row
 * with its entry in the activity log, in one transaction. Refused uploads write nothing; if
 * recording fails, the stored files are removed again.
 */
export async function uploadMedia(
  { db, actor }: { db: Executor; actor: Pick<DeskContext['actor'], 'id' | 'role'> },
  input: UploadMediaInput,
  storage: MediaStorage = mediaStorageFromEnv(),
): Promise<Done<MediaDto>> {
  if (!can(actor.role, 'media.upload')) throw new AppError('FORBIDDEN', 'media.upload');

  const alt = cleanText(input.alt, 'alt');
  const caption = cleanText(input.caption, 'caption');
  const credit = cleanText(input.credit, 'credit');
  if (!alt) throw new AppError('MEDIA_ALT_REQUIRED', 'alt text is required', { field: 'alt' });
  checkLength(alt, 'alt');
  checkLength(caption, 'caption');
  checkLength(credit, 'credit');

  if (!(input.data instanceof Uint8Array)) throw rejection('MEDIA_NOT_IMAGE', 'no file');
  let image;
  try {
    image = await processImage(input.data);
  } catch (error) {
    if (error instanceof AppError) throw rejection(error.code, error.message);
    throw error;
  }

  const key = generateStorageKey();
  const written: string[] = [];
  try {
    for (const variant of image.variants) {
      const name = variantFileName(key, variant.variant);
      await storage.put(name, variant.data);
      written.push(name);
    }
    // What the row and the answer both say of the image.
    const described = { mime: image.mime, width: image.width, height: image.height, bytes: image.bytes, alt, caption, credit };
    const row = await db.transaction(async (tx) => {
      const [stored] = await tx
        .insert(media)
        .values({ storageKey: key, ...described, uploadedBy: actor.id })
        .returning({ id: media.id });
      await recordActivity(tx, {
        kind: 'media.uploaded',
        actorId: actor.id,
        details: { mediaId: stored!.id, file: variantFileName(key, null), mime: image.mime, width: image.width, height: image.height, bytes: image.bytes, alt },
      });
      return stored;
    });
    const src = mediaSrc(key);
    // A new image is in no story yet: nothing readers see, and no desk view lists it.
    return done({ id: row!.id, src, ...described, variants: mediaVariants(src, image.width) });
  } catch (error) {
    await Promise.allSettled(written.map((name) => storage.delete(name)));
    throw error;
  }
}

