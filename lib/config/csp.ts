/**
 * The Content-Security-Policy values (docs/decisions/0005). Public pages are cached and shared by
 * every reader, so their policy is one fixed header allowing inline scripts (Next streams page
 * data in them); desk and sign-in pages are rendered per request anyway, so theirs names a fresh
 * nonce and allows no other inline script.
 */

import { embedFrameSources } from '../content/embeds';

interface PolicyOptions {
  /** `next dev`: React's tooling needs eval and the reload socket. */
  development: boolean;
}

function directives(scriptSrc: string, { development }: PolicyOptions, frameSrc?: string): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? ' ws: wss:' : ''}`,
    "media-src 'self'",
    ...(frameSrc ? [`frame-src ${frameSrc}`] : []),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The cacheable policy of public pages: same-origin scripts plus inline ones, and frames from the
 * embed providers' frame hosts only (docs/decisions/0035), which a reader's page loads only when
 * the reader asks. Desk pages never frame anything and keep `default-src 'self'` for frames.
 */
export function publicContentSecurityPolicy(options: PolicyOptions): string {
  return directives("'self' 'unsafe-inline'", options, embedFrameSources().join(' '));
}

/**
 * The policy of one desk or sign-in response. 'strict-dynamic' lets the scripts Next marked with
 * the nonce load the chunks they need; browsers that know it ignore 'self' in its presence.
 */
export function deskContentSecurityPolicy(nonce: string, options: PolicyOptions): string {
  return directives(`'self' 'nonce-${nonce}' 'strict-dynamic'`, options);
}

/** 128 random bits, base64: unguessable and in the form Next reads back from the request header. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The paths whose responses carry the per-request policy; every other path keeps the public one. */
export function usesNoncePolicy(pathname: string): boolean {
  return /^\/(desk|login)(\/|$)/.test(pathname);
}
