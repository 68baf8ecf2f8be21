import 'server-only';
import { SITE_TAGS } from '@/db/queries/site-cache-keys';
import type { Locale } from '@/i18n';
import { apiErrorBody, API_ERROR_STATUS, type ApiProblem } from '@/lib/api/errors';
import { CORS_HEADERS, entityTag, matchesIfNoneMatch, VARY_CONTENT, VARY_ERROR } from '@/lib/api/http';
import { publicCacheControl, surrogateKeyHeaders, surrogateKeysForTags } from '@/lib/cache/public-headers';
import { appConfig } from '@/lib/config/server';
import type { ApiClient } from '../client';
import type { SiteCache } from './reads';

/** What every answer of one admitted call shares. */
export interface ApiCall {
  request: Request;
  client: ApiClient;
  /** The instant visibility is judged at. */
  asOf: Date;
  locale: Locale;
  /** From the caller check: rate-limit state and the like. */
  headers: Record<string, string>;
  /** Where public reads are kept. */
  cache: SiteCache;
}

/**
 * How long an answer may be kept and by what it is purged. Anonymous answers are cached like
 * the site's pages: shared caches for the lifetime of the data they were made from, purged by the
 * same surrogate keys the desk's refresh names. An answer to a call that carried a key is never
 * stored by anyone.
 */
export interface Freshness {
  lifetime: number;
  tags: string[];
}

export const NO_STORE = 'no-store';
export const PRIVATE_NO_STORE = 'private, no-store';

function cachingHeaders(call: ApiCall, freshness: Freshness): Record<string, string> {
  if (call.client.audience !== 'anonymous') return { 'Cache-Control': PRIVATE_NO_STORE };
  const keys = surrogateKeysForTags([...freshness.tags, SITE_TAGS.all].map(encodeURI));
  return { 'Cache-Control': publicCacheControl(freshness.lifetime), ...surrogateKeyHeaders(keys, appConfig().surrogateHeaders) };
}

/**
 * A JSON answer with its entity tag; 304 without a body when the caller already has it. A HEAD
 * request gets the same headers and no body.
 */
export function jsonAnswer(call: ApiCall, body: unknown, freshness: Freshness, extra: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  const etag = entityTag(text);
  const headers = {
    ...call.headers,
    ...CORS_HEADERS,
    ...cachingHeaders(call, freshness),
    ...extra,
    ETag: etag,
    Vary: VARY_CONTENT,
  };
  if (matchesIfNoneMatch(call.request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  const payload = call.request.method === 'HEAD' ? null : text;
  return new Response(payload, { status: 200, headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' } });
}

/** A permanent redirect to where the thing asked for now lives (an article's new slug). */
export function redirectAnswer(call: ApiCall, location: string, freshness: Freshness): Response {
  return new Response(null, {
    status: 308,
    headers: { ...call.headers, ...CORS_HEADERS, ...cachingHeaders(call, freshness), Location: location, Vary: VARY_CONTENT },
  });
}

/** A refusal or a miss: the error body in the caller's language, kept by no cache. */
export function errorAnswer(problem: ApiProblem, locale: Locale, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(apiErrorBody(problem, locale)), {
    status: API_ERROR_STATUS[problem.code],
    headers: {
      ...headers,
      ...CORS_HEADERS,
      'Cache-Control': NO_STORE,
      Vary: VARY_ERROR,
      'Content-Type': 'application/json; charset=utf-8',
    },
  });
}
