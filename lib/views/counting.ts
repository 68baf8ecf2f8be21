import { createHmac, randomBytes } from 'node:crypto';

/*
 * The rules of «الأكثر قراءة» that need neither the database nor Next (docs/decisions/0033): what
 * a view beacon must look like, which requests are not readers, and how a reader is known for one
 * day without keeping who they are.
 */

export { VIEW_BEACON_PATH } from './beacon-path';

/** A beacon body is a few bytes; anything longer is not ours. */
export const MAX_BEACON_BYTES = 200;

export type BeaconProblem = 'BEACON_TOO_LARGE' | 'BEACON_NOT_JSON' | 'BEACON_INVALID';

/** Parses a beacon body, `{"articleId": <positive integer>}` and nothing else. */
export function parseViewBeacon(body: string): { ok: true; articleId: number } | { ok: false; problem: BeaconProblem } {
  if (Buffer.byteLength(body, 'utf8') > MAX_BEACON_BYTES) return { ok: false, problem: 'BEACON_TOO_LARGE' };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, problem: 'BEACON_NOT_JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'BEACON_INVALID' };
  const keys = Object.keys(value);
  const articleId = (value as Record<string, unknown>).articleId;
  if (keys.length !== 1 || keys[0] !== 'articleId') return { ok: false, problem: 'BEACON_INVALID' };
  if (typeof articleId !== 'number' || !Number.isSafeInteger(articleId) || articleId < 1 || articleId > 2_147_483_647) {
    return { ok: false, problem: 'BEACON_INVALID' };
  }
  return { ok: true, articleId };
}

/**
 * User agents of crawlers, link previewers, monitors and scripts. Readers' browsers name none of
 * these words; a headless browser is automation, not a reader. No user agent at all is no reader either.
 */
const NOT_A_READER =
  /bot|crawl|spider|slurp|scrap|fetch|preview|monitor|headless|phantom|lighthouse|pingdom|uptime|facebookexternalhit|embedly|whatsapp|telegram|curl|wget|python|java\/|okhttp|go-http|node-fetch|axios|undici|libwww|httpclient|postman|insomnia/i;

export function isBotUserAgent(userAgent: string | null | undefined): boolean {
  const ua = userAgent?.trim() ?? '';
  return ua === '' || NOT_A_READER.test(ua);
}

/**
 * A request made ahead of a visit that may never happen: Next's router prefetch, or a browser's
 * (`Purpose: prefetch`, `Sec-Purpose: prefetch` or `prefetch;prerender`).
 */
export function isPrefetch(headers: Pick<Headers, 'get'>): boolean {
  if (headers.get('next-router-prefetch') !== null) return true;
  return [headers.get('purpose'), headers.get('sec-purpose'), headers.get('x-purpose'), headers.get('x-moz')].some((value) =>
    value?.toLowerCase().includes('prefetch'),
  );
}

/**
 * A beacon sent from another site's page (the browser says so in `Sec-Fetch-Site`) is no reading
 * of ours. Browsers that do not send the header are given the benefit of the doubt.
 */
export function isCrossSite(headers: Pick<Headers, 'get'>): boolean {
  const site = headers.get('sec-fetch-site');
  return site !== null && site !== 'same-origin' && site !== 'none';
}

/** The UTC day of an instant, `YYYY-MM-DD`: the life of a salt and of the readers counted with it. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** The start of the hour an instant falls in: the bucket its view is counted in. */
export function hourStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

/** The start of the UTC day `days` days before the one `at` falls in. */
export function dayStartBefore(at: Date, days: number): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS - days * DAY_MS);
}

/** A new day's salt: 32 random bytes, hex. */
export function newDailySalt(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Who a reader is for one day: an HMAC of their address and user agent under the day's salt.
 * Without the salt, which is deleted when its day ends, the digest cannot be tied back to an
 * address, nor matched with the same reader on another day.
 */
export function readerDigest(salt: string, address: string, userAgent: string): string {
  return createHmac('sha256', salt).update(address).update('\n').update(userAgent).digest('base64url');
}
