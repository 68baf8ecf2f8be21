import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { authKey } from './auth-keys';

const GRANT_SECONDS = 60;

/**
 * The only thing Auth.js's credentials provider accepts: proof, signed with the server's key,
 * that the sign-in route (app/api/auth/sign-in) has just checked a password and its limits and
 * opened this session. Posting an email and password to Auth.js's own callback therefore signs
 * nobody in: there is one way in, and it is the limited one. The grant never leaves the server.
 */
export function issueSignInGrant(userId: number, sessionId: string, now = Date.now()): string {
  const payload = `${userId}.${sessionId}.${Math.floor(now / 1000) + GRANT_SECONDS}`;
  return `${payload}.${signature(payload)}`;
}

export function redeemSignInGrant(grant: unknown, now = Date.now()): { userId: number; sessionId: string } | null {
  if (typeof grant !== 'string' || grant.length > 200) return null;
  const match = /^(\d{1,12})\.([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(grant);
  if (!match) return null;
  const [, userId, sessionId, expires, given] = match;
  const expected = Buffer.from(signature(`${userId}.${sessionId}.${expires}`));
  if (!timingSafeEqual(expected, Buffer.from(given!)) || Number(expires) < now / 1000) return null;
  return { userId: Number(userId), sessionId: sessionId! };
}

function signature(payload: string): string {
  return createHmac('sha256', authKey('sign-in-grant')).update(payload).digest('base64url');
}
