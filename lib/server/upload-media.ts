import 'server-only';
import { recordActivity } from '@/db/activity';
import type { Executor } from '@/db/client';
import { media } from '@/db/schema';
import { errorMessage } from '@/i18n';
import { isSameOriginRequest } from '@/lib/auth/same-origin';
import { IMAGE_TEXT_LIMITS } from '@/lib/content/image';
import { AppError, isAppError, type ErrorCode } from '@/lib/errors';
import { announcesMoreThan, readBodyWithin } from '@/lib/http/bounded-body';
import { mediaVariants, type MediaDto } from '@/lib/media/dto';
import { generateStorageKey, mediaSrc, variantFileName } from '@/lib/media/keys';
import { processImage } from '@/lib/media/process';
import { mediaStorageFromEnv, type MediaStorage } from '@/lib/media/storage';
import { can, type Role } from '@/lib/permissions';
import { logRefusal } from './access-log';

export interface MediaUploader {
  id: number;
  role: Role;
}

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
  db: Executor,
  actor: MediaUploader | null,
  input: UploadMediaInput,
  storage: MediaStorage = mediaStorageFromEnv(),
): Promise<MediaDto> {
  if (!actor || !can(actor.role, 'media.upload')) throw new AppError('FORBIDDEN', 'media.upload');

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
    const row = await db.transaction(async (tx) => {
      const [stored] = await tx
        .insert(media)
        .values({
          storageKey: key,
          mime: image.mime,
          width: image.width,
          height: image.height,
          bytes: image.bytes,
          alt,
          caption,
          credit,
          uploadedBy: actor.id,
        })
        .returning({ id: media.id });
      await recordActivity(tx, {
        kind: 'media.uploaded',
        actorId: actor.id,
        details: { mediaId: stored!.id, file: variantFileName(key, null), mime: image.mime, width: image.width, height: image.height, bytes: image.bytes, alt },
      });
      return stored;
    });
    const src = mediaSrc(key);
    return {
      id: row!.id,
      src,
      mime: image.mime,
      width: image.width,
      height: image.height,
      bytes: image.bytes,
      alt,
      caption,
      credit,
      variants: mediaVariants(src, image.width),
    };
  } catch (error) {
    await Promise.allSettled(written.map((name) => storage.delete(name)));
    throw error;
  }
}

/**
 * The most an upload request may carry: the largest accepted file (10 MB, lib/media/process) plus
 * room for the multipart framing and the three texts.
 */
export const MAX_UPLOAD_REQUEST_BYTES = 12 * 1024 * 1024;

const NO_STORE = { 'Cache-Control': 'no-store' };
const TARGET = 'POST /api/media';

function answer(status: number, code: ErrorCode, field?: string): Response {
  return Response.json({ error: code, field, message: errorMessage(code) }, { status, headers: NO_STORE });
}

export interface MediaUploadRequestContext {
  /** The signed-in person for this request (the session lookup), or null. */
  currentUser: () => Promise<MediaUploader | null>;
  db: Executor;
  storage?: MediaStorage;
}

/**
 * POST /api/media (multipart: file, alt, caption, credit). Everything that can refuse the request
 * without its body does so before the first byte of it is read: the Origin, the session, the
 * role, the declared length. The body is then read with a ceiling, counting bytes as they come,
 * so a chunked or mislabelled body is cut off at the limit instead of being buffered whole.
 */
export async function receiveMediaUpload(request: Request, context: MediaUploadRequestContext): Promise<Response> {
  if (!isSameOriginRequest(request.headers)) {
    logRefusal(TARGET, 'CROSS_ORIGIN');
    return answer(403, 'FORBIDDEN');
  }
  const actor = await context.currentUser();
  if (!actor) {
    logRefusal(TARGET, 'UNAUTHENTICATED');
    return answer(401, 'UNAUTHENTICATED');
  }
  if (!can(actor.role, 'media.upload')) {
    logRefusal(TARGET, 'FORBIDDEN', actor);
    return answer(403, 'FORBIDDEN');
  }
  if (announcesMoreThan(request.headers, MAX_UPLOAD_REQUEST_BYTES)) return answer(413, 'MEDIA_TOO_LARGE', 'file');

  const body = await readBodyWithin(request, MAX_UPLOAD_REQUEST_BYTES);
  if (!body.ok) return body.reason === 'tooLarge' ? answer(413, 'MEDIA_TOO_LARGE', 'file') : answer(400, 'INVALID_INPUT');

  let form: FormData;
  try {
    // Parsed from the bytes already bounded above, never from the request stream itself.
    form = await new Response(body.bytes, { headers: { 'Content-Type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    return answer(400, 'INVALID_INPUT');
  }
  const file = form.get('file');
  if (!(file instanceof Blob)) return answer(400, 'MEDIA_NOT_IMAGE', 'file');
  try {
    const stored = await uploadMedia(
      context.db,
      actor,
      { data: new Uint8Array(await file.arrayBuffer()), alt: form.get('alt'), caption: form.get('caption'), credit: form.get('credit') },
      context.storage,
    );
    return Response.json({ media: stored }, { status: 201, headers: NO_STORE });
  } catch (error) {
    if (isAppError(error)) {
      const status = error.code === 'FORBIDDEN' ? 403 : error.code === 'MEDIA_TOO_LARGE' ? 413 : 400;
      return answer(status, error.code, error.details?.field);
    }
    console.error('[media upload] unexpected error', error);
    return answer(500, 'UNEXPECTED');
  }
}
