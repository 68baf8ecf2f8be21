import 'server-only';
import type { Executor } from '@/db/client';
import { AppError } from '@/lib/errors';
import { announcesMoreThan, readBodyWithin } from '@/lib/http/bounded-body';
import type { MediaStorage } from '@/lib/media/storage';
import { uploadMedia, type UploadMediaInput } from '../media/upload-media';
import type { Actor } from './session';
import { runDeskRequest } from './desk-operation';

/**
 * The most an upload request may carry: the largest accepted file (10 MB, lib/media/process) plus
 * room for the multipart framing and the three texts.
 */
export const MAX_UPLOAD_REQUEST_BYTES = 12 * 1024 * 1024;

/**
 * POST /api/media (multipart: file, alt, caption, credit), through the desk pipeline. Everything
 * that can refuse the request without its body does so before the first byte of it is read: the
 * Origin, the session and the role (runDeskRequest), then the declared length. The body is then
 * read with a ceiling, counting bytes as they come, so a chunked or mislabelled body is cut off at
 * the limit instead of being buffered whole.
 */
export function receiveMediaUpload(
  request: Request,
  options: { db?: Executor; currentUser?: () => Promise<Actor | null>; storage?: MediaStorage } = {},
): Promise<Response> {
  return runDeskRequest(
    request,
    'POST /api/media',
    'media.upload',
    async (context) => uploadMedia(context, await readUpload(request), options.storage),
    options,
  );
}

async function readUpload(request: Request): Promise<UploadMediaInput> {
  const tooLarge = () => new AppError('MEDIA_TOO_LARGE', 'the request is larger than an upload may be', { field: 'file' });
  if (announcesMoreThan(request.headers, MAX_UPLOAD_REQUEST_BYTES)) throw tooLarge();
  const body = await readBodyWithin(request, MAX_UPLOAD_REQUEST_BYTES);
  if (!body.ok) throw body.reason === 'tooLarge' ? tooLarge() : new AppError('INVALID_INPUT', 'the body could not be read');
  let form: FormData;
  try {
    // Parsed from the bytes already bounded above, never from the request stream itself.
    form = await new Response(body.bytes, { headers: { 'Content-Type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    throw new AppError('INVALID_INPUT', 'the body is not a multipart form');
  }
  const file = form.get('file');
  if (!(file instanceof Blob)) throw new AppError('MEDIA_NOT_IMAGE', 'no file', { field: 'file' });
  return { data: new Uint8Array(await file.arrayBuffer()), alt: form.get('alt'), caption: form.get('caption'), credit: form.get('credit') };
}
