import { GET as getArticleRoute, OPTIONS as articleOptions } from '@/app/api/v1/articles/[slug]/route';
import { GET as listArticlesRoute } from '@/app/api/v1/articles/route';
import { GET as listAuthorsRoute } from '@/app/api/v1/authors/route';
import { GET as openApiRoute } from '@/app/api/v1/openapi.json/route';
import { GET as listSectionsRoute } from '@/app/api/v1/sections/route';
import { GET as listTagsRoute } from '@/app/api/v1/tags/route';
import { GET as unknownPathRoute } from '@/app/api/v1/[...path]/route';

/*
 * Calls the content API's route handlers as Next does: with a Request (and the slug for one
 * article). The keys below stand for the kinds of callers: the test files replace the caller check
 * (lib/server/api/client.ts, whose keys live elsewhere) so that these tokens name a public and a
 * partner key and any other token is refused by the real check.
 */

export const SITE = 'http://midad.test';
export const PARTNER_KEY = 'test-partner-key';
export const PUBLIC_KEY = 'test-public-key';

export type Caller = { key?: string; headers?: Record<string, string>; method?: string };

function requestFor(pathAndQuery: string, caller: Caller = {}): Request {
  const headers = new Headers(caller.headers);
  if (caller.key) headers.set('authorization', `Bearer ${caller.key}`);
  return new Request(`${SITE}${pathAndQuery}`, { method: caller.method ?? 'GET', headers });
}

/** GET (or `method`) of an API address, dispatched to its route handler. */
export async function call(pathAndQuery: string, caller: Caller = {}): Promise<Response> {
  const request = requestFor(pathAndQuery, caller);
  const path = new URL(request.url).pathname;
  const article = /^\/api\/v1\/articles\/([^/]+)$/.exec(path);
  // As Next hands it over: the path segment still percent-encoded (the handler decodes it).
  if (article) return getArticleRoute(request, { params: Promise.resolve({ slug: article[1]! }) });
  switch (path) {
    case '/api/v1/articles':
      return listArticlesRoute(request);
    case '/api/v1/sections':
      return listSectionsRoute(request);
    case '/api/v1/tags':
      return listTagsRoute(request);
    case '/api/v1/authors':
      return listAuthorsRoute(request);
    case '/api/v1/openapi.json':
      return openApiRoute(request);
    default:
      return unknownPathRoute(request);
  }
}

export function preflight(): Response {
  return articleOptions();
}

/** The OpenAPI path template an address answers to. */
export function templateOf(pathAndQuery: string): string {
  const path = new URL(`${SITE}${pathAndQuery}`).pathname;
  return /^\/api\/v1\/articles\/[^/]+$/.test(path) ? '/api/v1/articles/{slug}' : path;
}

export const apiPath = (slug: string) => `/api/v1/articles/${encodeURIComponent(slug)}`;
