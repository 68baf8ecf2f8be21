import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from './auth.config';
import { deskContentSecurityPolicy, newNonce, usesNoncePolicy } from './lib/config/csp';
import { HSTS_VALUE, wantsHsts } from './lib/config/env';
import { appConfig } from './lib/config/server';

const { auth } = NextAuth(authConfig);

/**
 * Sends visitors without a session token to /login, remembering where they were going, and tells
 * desk pages their own path (for the same redirect when a page finds the session revoked). This
 * is a convenience only: pages, actions and route handlers check the session themselves. Desk and
 * sign-in responses also get their per-request Content-Security-Policy here (docs/decisions/0005).
 */
export default auth((request) => {
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

export const config = { matcher: ['/desk', '/desk/:path*', '/login'] };
