import 'server-only';
import { createHmac, randomBytes } from 'node:crypto';
import { appConfig } from '@/lib/config/server';

let fallback: Buffer | undefined;

/**
 * A key for one purpose, derived from AUTH_SECRET so that every server process shares it and a
 * value signed for one purpose is worthless for another. Without AUTH_SECRET (unit and
 * integration tests only: the servers refuse to start without one) the key lives as long as the
 * process.
 */
export function authKey(purpose: 'known-device' | 'sign-in-grant'): Buffer {
  const secret = appConfig().authSecret;
  const root = secret ? Buffer.from(secret) : (fallback ??= randomBytes(32));
  return createHmac('sha256', root).update(`midad:${purpose}`).digest();
}
