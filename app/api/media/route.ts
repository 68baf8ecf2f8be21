import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/server/session';
import { receiveMediaUpload } from '@/lib/server/upload-media';

export const dynamic = 'force-dynamic';

/**
 * Uploads one image for the signed-in person. A route handler rather than a server action,
 * because images exceed the action body limit; receiveMediaUpload checks the Origin, the session
 * and the role before it reads a byte of the body, then reads it with a ceiling.
 */
export function POST(request: Request) {
  return receiveMediaUpload(request, { currentUser: getCurrentUser, db: getDb() });
}
