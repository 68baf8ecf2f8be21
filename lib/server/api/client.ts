import 'server-only';
import { findApiKeyByDigest, markApiKeyUsed } from '@/db/queries/api-keys';
import { getDb, type Executor } from '@/db/client';
import { getMessages } from '@/i18n';
import { localeFromAcceptLanguage } from '@/lib/http/accept-language';
import { countRequest, rateLimitHeaders, type CounterStore, type RateDecision } from '@/lib/api/rate-limit';
import { digestSecret, readBearer } from '@/lib/api/secrets';
import { appConfig } from '@/lib/config/server';
import { requestClientAddress } from '../client-address';
import { apiCounterStore } from './rate-limit-store';

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

/** The codes a refused call answers with (docs/decisions/0030). */
export type ApiAccessError = 'API_KEY_INVALID' | 'API_KEY_UNKNOWN' | 'API_KEY_REVOKED' | 'RATE_LIMITED';

/** A key's last use is written at most this often, so reading the API costs no write per request. */
export const LAST_USED_EVERY_MS = 60_000;

export interface AccessDependencies {
  db: Executor;
  store: CounterStore;
  limits: { anonymous: number; key: number };
  /** The client's address, as the server's trusted-proxy rule reads it. */
  address: string;
  now: number;
}

export async function apiAccess(request: Request): Promise<ApiAccess> {
  return decideApiAccess(request, {
    db: getDb(),
    store: apiCounterStore(),
    limits: appConfig().apiRateLimits,
    address: requestClientAddress(request.headers),
    now: Date.now(),
  });
}

/**
 * The decision itself, with its surroundings given (the tests pass their own clock, store and
 * address). No header: counted per client address. A well-formed key that is live: counted per
 * key, under the higher limit. Anything else is refused with 401 — and still counted against the
 * address, so guessing keys spends the same allowance as anonymous reading.
 */
export async function decideApiAccess(request: Request, deps: AccessDependencies): Promise<ApiAccess> {
  const locale = localeFromAcceptLanguage(request.headers.get('accept-language'));
  const byAddress = () => countRequest(deps.store, { subject: `ip:${deps.address}`, limit: deps.limits.anonymous, now: deps.now });
  const bearer = readBearer(request.headers.get('authorization'));
  if (bearer.kind === 'none') {
    const decision = await byAddress();
    if (!decision.allowed) return refuse('RATE_LIMITED', locale, decision);
    return { ok: true, client: { audience: 'anonymous', keyId: null }, headers: rateLimitHeaders(decision) };
  }
  const key = bearer.kind === 'key' ? await findApiKeyByDigest(digestSecret(bearer.secret), deps.db) : null;
  if (!key || key.revoked) {
    const decision = await byAddress();
    if (!decision.allowed) return refuse('RATE_LIMITED', locale, decision);
    return refuse(bearer.kind === 'malformed' ? 'API_KEY_INVALID' : key ? 'API_KEY_REVOKED' : 'API_KEY_UNKNOWN', locale);
  }
  const decision = await countRequest(deps.store, { subject: `key:${key.id}`, limit: deps.limits.key, now: deps.now });
  if (!decision.allowed) return refuse('RATE_LIMITED', locale, decision);
  await noteUse(key, deps);
  return { ok: true, client: { audience: key.scope, keyId: key.id }, headers: rateLimitHeaders(decision) };
}

/** When this process last wrote each key's last use: most requests then skip the database write. */
const lastWritten = new Map<number, number>();

async function noteUse(key: { id: number; lastUsedAt: Date | null }, deps: AccessDependencies) {
  const recorded = Math.max(lastWritten.get(key.id) ?? 0, key.lastUsedAt?.getTime() ?? 0);
  if (deps.now - recorded < LAST_USED_EVERY_MS) return;
  lastWritten.set(key.id, deps.now);
  try {
    await markApiKeyUsed(key.id, new Date(deps.now), LAST_USED_EVERY_MS, deps.db);
  } catch (error) {
    // The call is answered all the same; a missed mark is made by a later request.
    lastWritten.delete(key.id);
    console.warn('[api] could not record a key’s last use:', error instanceof Error ? error.message : error);
  }
}

function refuse(code: ApiAccessError, locale: 'ar' | 'en', decision?: RateDecision): ApiAccess {
  const status = code === 'RATE_LIMITED' ? 429 : 401;
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...(decision ? rateLimitHeaders(decision) : {}) };
  if (status === 401) headers['WWW-Authenticate'] = 'Bearer';
  const message = getMessages(locale).api.errors[code];
  return { ok: false, response: Response.json({ error: { code, message } }, { status, headers: { ...headers, 'Content-Language': locale } }) };
}
