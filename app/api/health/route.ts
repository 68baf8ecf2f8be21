import { pingDatabase } from '@/db/queries/health';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** 200 when the database answers; 503 with a short reason otherwise. Never a stack trace. */
export async function GET() {
  try {
    await pingDatabase();
    return Response.json({ status: 'ok', db: 'ok' }, { headers: NO_STORE });
  } catch (error) {
    console.error('[health] database check failed:', error instanceof Error ? error.message : error);
    return Response.json(
      { status: 'error', db: 'unavailable', message: 'The database is not answering.' },
      { status: 503, headers: NO_STORE },
    );
  }
}
