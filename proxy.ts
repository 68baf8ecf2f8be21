import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from './auth.config';

const { auth } = NextAuth(authConfig);

/**
 * Sends visitors without a session token to /login, remembering where they were going, and tells
 * desk pages their own path (for the same redirect when a page finds the session revoked). This
 * is a convenience only: pages, actions and route handlers check the session themselves.
 */
export default auth((request) => {
  const path = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  if (!request.auth) {
    const login = new URL('/login', request.nextUrl.origin);
    login.searchParams.set('callbackUrl', path);
    return NextResponse.redirect(login);
  }
  const headers = new Headers(request.headers);
  headers.set('x-midad-path', path);
  return NextResponse.next({ request: { headers } });
});

export const config = { matcher: ['/desk', '/desk/:path*'] };
