import { getMessages } from '@/i18n';
import { requestClientAddress } from '@/lib/server/client-address';
import { viewCounter } from '@/lib/server/views/view-counter';
import { isBotUserAgent, isCrossSite, isPrefetch, MAX_BEACON_BYTES, parseViewBeacon, type BeaconProblem } from '@/lib/views/counting';

/*
 * The view beacon (docs/decisions/0033): article pages post `{"articleId": n}` here once they are
 * shown. Never cached by anyone, answered before anything is written, and cheap: no database
 * query per view (the story's visibility is checked when the buffered views are written).
 */
export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

export async function POST(request: Request) {
  const body = await readLimited(request);
  const parsed = body === null ? ({ ok: false, problem: 'BEACON_TOO_LARGE' } as const) : parseViewBeacon(body);
  if (!parsed.ok) return refusal(parsed.problem);
  const { headers } = request;
  const userAgent = headers.get('user-agent');
  // Crawlers, prefetches and other sites' pages get the same answer as readers, and are not counted.
  if (!isBotUserAgent(userAgent) && !isPrefetch(headers) && !isCrossSite(headers)) {
    try {
      await viewCounter().record({ articleId: parsed.articleId, address: requestClientAddress(headers), userAgent: userAgent!, at: new Date() });
    } catch (error) {
      // A view is not worth a reader's error: the day's salt could not be read, so this one is lost.
      console.error('[midad] A view could not be counted:', error instanceof Error ? error.message : error);
    }
  }
  return new Response(null, { status: 204, headers: NO_STORE });
}

function refusal(code: BeaconProblem): Response {
  const message = getMessages().views.errors[code];
  return Response.json({ error: { code, message } }, { status: 400, headers: NO_STORE });
}

/** The body as text, or null once it passes MAX_BEACON_BYTES (the rest is never read). */
async function readLimited(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BEACON_BYTES) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BEACON_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}
