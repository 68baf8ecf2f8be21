import { getDb } from '@/db/client';
import { errorMessage, DEFAULT_LOCALE } from '@/i18n';
import { isSameOriginRequest } from '@/lib/auth/same-origin';
import { isAppError } from '@/lib/errors';
import { logRefusal } from '@/lib/server/access-log';
import { getCurrentUser } from '@/lib/server/session';
import { uploadMedia } from '@/lib/server/upload-media';

export const dynamic = 'force-dynamic';

const MAX_REQUEST_BYTES = 12 * 1024 * 1024;
const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * Uploads one image (multipart: file, alt, caption, credit) for the signed-in person. A route
 * handler rather than a server action, because images exceed the action body limit; it checks
 * the session, the role (inside uploadMedia) and that the request comes from this site.
 */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request.headers)) {
    logRefusal('POST /api/media', 'CROSS_ORIGIN');
    return Response.json({ error: 'FORBIDDEN', message: errorMessage('FORBIDDEN') }, { status: 403, headers: NO_STORE });
  }
  const actor = await getCurrentUser();
  if (!actor) {
    logRefusal('POST /api/media', 'UNAUTHENTICATED');
    return Response.json({ error: 'UNAUTHENTICATED', message: errorMessage('UNAUTHENTICATED') }, { status: 401, headers: NO_STORE });
  }
  if (Number(request.headers.get('content-length') ?? 0) > MAX_REQUEST_BYTES) {
    return Response.json({ error: 'MEDIA_TOO_LARGE', message: errorMessage('MEDIA_TOO_LARGE') }, { status: 413, headers: NO_STORE });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json({ error: 'INVALID_INPUT', message: errorMessage('INVALID_INPUT') }, { status: 400, headers: NO_STORE });
  }
  const file = form.get('file');
  if (!(file instanceof Blob)) {
    return Response.json({ error: 'MEDIA_NOT_IMAGE', message: errorMessage('MEDIA_NOT_IMAGE') }, { status: 400, headers: NO_STORE });
  }
  try {
    const media = await uploadMedia(getDb(), actor, {
      data: new Uint8Array(await file.arrayBuffer()),
      alt: form.get('alt'),
      caption: form.get('caption'),
      credit: form.get('credit'),
    });
    return Response.json({ media }, { status: 201, headers: NO_STORE });
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === 'FORBIDDEN') logRefusal('POST /api/media', 'FORBIDDEN', actor);
      const status = error.code === 'FORBIDDEN' ? 403 : error.code === 'MEDIA_TOO_LARGE' ? 413 : 400;
      return Response.json({ error: error.code, field: error.details?.field, message: errorMessage(error.code, DEFAULT_LOCALE) }, { status, headers: NO_STORE });
    }
    console.error('[media upload] unexpected error', error);
    return Response.json({ error: 'UNEXPECTED', message: errorMessage('UNEXPECTED') }, { status: 500, headers: NO_STORE });
  }
}
