import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { media } from '@/db/schema';
import { parseMediaPathSegment, variantFileName } from '@/lib/media/keys';
import { mediaStorageFromEnv } from '@/lib/media/storage';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ key: string }> };

const MISSING_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

/**
 * Serves a stored image: `/media/<key>` is the canonical file, `/media/<key>-<width>` a smaller
 * one. Files never change once written (a new upload gets a new key), so they are cached for a
 * year. The type comes from the media row, never from the file, and `nosniff` stops a browser
 * from guessing another; the sandbox CSP keeps the response inert if opened on its own.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  // Only the exact forms the server generates reach the database or the file system.
  const parsed = parseMediaPathSegment((await params).key);
  if (!parsed) return notFound();

  const [row] = await getDb()
    .select({ mime: media.mime })
    .from(media)
    .where(eq(media.storageKey, parsed.key))
    .limit(1);
  if (!row) return notFound();

  const data = await mediaStorageFromEnv().get(variantFileName(parsed.key, parsed.width));
  if (!data) return notFound();

  return new Response(new Uint8Array(data), {
    headers: {
      'Content-Type': row.mime,
      'Content-Length': String(data.byteLength),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}

function notFound(): Response {
  return new Response(null, { status: 404, headers: MISSING_HEADERS });
}
