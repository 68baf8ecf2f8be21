import { receiveMediaUpload } from '@/lib/server/next/media-upload';

export const dynamic = 'force-dynamic';

/**
 * Uploads one image for the signed-in person. A route handler rather than a server action,
 * because images exceed the action body limit; it goes through the same desk pipeline as every
 * action, which settles the Origin, the session and the role before a byte of the body is read.
 */
export function POST(request: Request) {
  return receiveMediaUpload(request);
}
