/**
 * Who is calling the content API (/api/v1), decided once per request before anything is read.
 *
 * - `anonymous`: no Authorization header; reads what the public site shows.
 * - `public` key: the same content, under a higher rate limit than anonymous use.
 * - `partner` key: also embargoed stories, with their embargo time (visibleToPartners).
 *
 * A refused call (unknown or revoked key, a rate limit reached) carries the response to send as
 * it is. `headers` are added to every answer of an admitted call (rate-limit state, for one).
 */
export type ApiAudience = 'anonymous' | 'public' | 'partner';

export interface ApiClient {
  audience: ApiAudience;
  /** The key's id when the call carried one. */
  keyId: number | null;
}

export type ApiAccess = { ok: true; client: ApiClient; headers: Record<string, string> } | { ok: false; response: Response };

/** Whether the client reads past embargoes. */
export function readsEmbargoed(client: ApiClient): boolean {
  return client.audience === 'partner';
}

export async function apiAccess(request: Request): Promise<ApiAccess> {
  if (request.headers.get('authorization') !== null) {
    return {
      ok: false,
      response: Response.json({ error: { code: 'API_KEY_UNKNOWN', message: 'Unknown API key.' } }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } }),
    };
  }
  return { ok: true, client: { audience: 'anonymous', keyId: null }, headers: {} };
}
