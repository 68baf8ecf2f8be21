import 'server-only';
import { CORS_HEADERS, PREFLIGHT_HEADERS } from '@/lib/api/http';
import { localeFromAcceptLanguage } from '@/lib/http/accept-language';
import { apiAccess } from '../client';
import { uncachedSite, type SiteCache } from './reads';
import type { ApiCall } from './respond';

/**
 * Every content API handler starts here: the caller is checked first (lib/server/api/client.ts) and
 * a refusal (unknown key, rate limit) is sent as it is; otherwise the handler runs with the caller,
 * the instant every read of this call judges visibility at, and the caller's language for errors.
 * The caller check's headers go on every answer, CORS headers on refusals too so a browser can
 * read why.
 */
export async function answerApiCall(
  request: Request,
  run: (call: ApiCall) => Promise<Response>,
  options: { cache?: SiteCache; now?: Date } = {},
): Promise<Response> {
  const access = await apiAccess(request);
  if (!access.ok) {
    const refused = access.response;
    for (const [name, value] of Object.entries(CORS_HEADERS)) refused.headers.set(name, value);
    refused.headers.set('Cache-Control', 'no-store');
    return refused;
  }
  const locale = localeFromAcceptLanguage(request.headers.get('accept-language'));
  return run({ request, client: access.client, asOf: options.now ?? new Date(), locale, headers: access.headers, cache: options.cache ?? uncachedSite });
}

/** The answer to a CORS preflight: any origin may read, with a key and conditional requests. */
export function preflightAnswer(): Response {
  return new Response(null, { status: 204, headers: { ...PREFLIGHT_HEADERS, 'Cache-Control': 'public, max-age=86400' } });
}
