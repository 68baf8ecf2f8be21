import NextAuth from 'next-auth';
import { NextResponse, type NextFetchEvent, type NextMiddleware, type NextRequest } from 'next/server';
import { authConfig } from './auth.config';
import { deskContentSecurityPolicy, newNonce, usesNoncePolicy } from './lib/config/csp';
import { HSTS_VALUE, wantsHsts } from './lib/config/env';
import { appConfig } from './lib/config/server';
import { pagedListingPath } from './lib/http/cached-routes';
import { isMalformedPath, MALFORMED_PATH_TARGET } from './lib/http/malformed-path';
import { legacyLookupPath, mayBePreviousAddress } from './lib/import/wordpress-urls';

const { auth } = NextAuth(authConfig);

/**
 * Sends visitors without a session token to /login, remembering where they were going, and tells
 * desk pages their own path (for the same redirect when a page finds the session revoked). This
 * is a convenience only: pages, actions and route handlers check the session themselves. Desk and
 * sign-in responses also get their per-request Content-Security-Policy here (docs/decisions/0005).
 */
const signInProxy = auth((request) => {
  const path = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (!request.auth && request.nextUrl.pathname !== '/login') {
    const login = new URL('/login', request.nextUrl.origin);
    login.searchParams.set('callbackUrl', path);
    return withTransportSecurity(NextResponse.redirect(login));
  }
  const headers = new Headers(request.headers);
  headers.set('x-midad-path', path);
  // Next reads the nonce from the request's policy and puts it on every script it renders; the
  // browser gets the same policy, so no other inline script runs on desk and sign-in pages.
  const policy = usesNoncePolicy(request.nextUrl.pathname)
    ? deskContentSecurityPolicy(newNonce(), { development: appConfig().nodeEnv !== 'production' })
    : null;
  if (policy) headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  if (policy) response.headers.set('content-security-policy', policy);
  return withTransportSecurity(response);
});

/**
 * HSTS from the running server's SITE_URL (the public pages carry it from the build's headers;
 * `npm start` refuses a build made for the other scheme).
 */
function withTransportSecurity(response: NextResponse): NextResponse {
  if (wantsHsts(appConfig())) response.headers.set('strict-transport-security', HSTS_VALUE);
  return response;
}

/**
 * A path whose percent-escapes do not decode goes to the not-found page before Next's router can
 * fail on it with a bare 500 (lib/http/malformed-path.ts); an old WordPress address by id goes to
 * the page that looks it up (lib/import/wordpress-urls.ts); a listing with `?page=N` is served from
 * the page of its own that Next keeps whole in its cache (lib/http/cached-routes.ts); the sign-in
 * gate above runs only where it always did.
 */
export default function proxy(request: NextRequest, event: NextFetchEvent) {
  const { pathname } = request.nextUrl;
  if (isMalformedPath(pathname)) {
    const notFound = request.nextUrl.clone();
    notFound.pathname = MALFORMED_PATH_TARGET;
    notFound.search = '';
    return NextResponse.rewrite(notFound);
  }
  // An old WordPress address — by id (`/?p=101`) or by its shape — is looked up on a page of its
  // own, where the cached home page and the static not-found page never see it.
  const lookup = pathname === '/' || mayBePreviousAddress(pathname) ? legacyLookupPath(pathname, request.nextUrl.search) : null;
  if (lookup) {
    const legacy = request.nextUrl.clone();
    legacy.pathname = lookup;
    legacy.search = '';
    return NextResponse.rewrite(legacy);
  }
  const { searchParams } = request.nextUrl;
  const paged = searchParams.has('page') ? pagedListingPath(pathname, searchParams.getAll('page')) : null;
  if (paged) {
    const target = request.nextUrl.clone();
    target.pathname = paged;
    target.searchParams.delete('page');
    return NextResponse.rewrite(target);
  }
  // The sign-in gate's matcher entries (the first three), tried like Next tries them: on the path
  // as sent and as decoded.
  const gated = [pathname, decodeURIComponent(pathname)].some((p) => p === '/desk' || p.startsWith('/desk/') || p === '/login');
  // Auth.js types its wrapper as a route handler; Next calls it, as it did when it was the export,
  // as a proxy: with the request and the fetch event.
  return gated ? (signInProxy as unknown as NextMiddleware)(request, event) : NextResponse.next();
}

// Then every other path with a percent sign (Next's own files aside); paths without one never reach
// the proxy, so neither do uploads to /api/media, whose bodies Next would otherwise buffer for it.
// Then listings asked for with `?page=` (LISTING_KINDS and SINGLE_LISTINGS in lib/http/cached-routes.ts), and last the
// root with a WordPress id query only (ROOT_QUERY_PARAMETERS in lib/import/wordpress-urls.ts) — the
// home page itself never comes here — WordPress's date and archive paths, and one-segment Latin
// paths (a post's or a page's slug). Next reads this object as written, so neither part can be
// built from its list.
export const config = {
  matcher: [
    '/desk',
    '/desk/:path*',
    '/login',
    '/((?!_next/).*%.*)',
    { source: '/sections/:key', has: [{ type: 'query', key: 'page' }] },
    { source: '/tags/:key', has: [{ type: 'query', key: 'page' }] },
    { source: '/authors/:key', has: [{ type: 'query', key: 'page' }] },
    { source: '/corrections', has: [{ type: 'query', key: 'page' }] },
    { source: '/', has: [{ type: 'query', key: 'p' }] },
    { source: '/', has: [{ type: 'query', key: 'page_id' }] },
    { source: '/', has: [{ type: 'query', key: 'cat' }] },
    { source: '/', has: [{ type: 'query', key: 'tag' }] },
    // WordPress-shaped paths without a percent sign (mayBePreviousAddress decides).
    '/category/:path*',
    '/tag/:path*',
    '/:year(\\d{4})/:month(\\d{2})/:path*',
    '/:slug([a-z0-9_]+(?:-[a-z0-9_]+)*)',
  ],
};
