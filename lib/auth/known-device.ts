import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The known-device cookie: proof that this browser has signed in to an account before. A
 * successful sign-in adds an entry for the account — a random device id and the time, signed
 * with the server's key and bound to the account's email — so a later attempt for that account
 * from this browser is held to its own counter instead of the account-wide lock (see
 * throttle-policy.ts). Nobody can make an entry without the password, and an entry is worth
 * nothing for another account. A shared newsroom computer keeps entries for a few people.
 */
export const KNOWN_DEVICE_COOKIE = 'midad-known-device';
export const KNOWN_DEVICE_DAYS = 180;
const MAX_ENTRIES = 5;
const MAX_COOKIE_LENGTH = 1024;

interface Entry {
  deviceId: string;
  issuedAt: number;
  signature: string;
}

function sign(key: Buffer, email: string, deviceId: string, issuedAt: number): string {
  return createHmac('sha256', key).update(`${email}\n${deviceId}\n${issuedAt}`).digest('base64url');
}

function parse(cookie: string | null | undefined): Entry[] {
  if (!cookie || cookie.length > MAX_COOKIE_LENGTH) return [];
  const entries: Entry[] = [];
  for (const part of cookie.split('.')) {
    const match = /^([A-Za-z0-9_-]{22})~(\d{1,12})~([A-Za-z0-9_-]{43})$/.exec(part);
    if (match) entries.push({ deviceId: match[1]!, issuedAt: Number(match[2]), signature: match[3]! });
  }
  return entries.slice(-MAX_ENTRIES);
}

const live = (entry: Entry, nowSeconds: number) =>
  entry.issuedAt <= nowSeconds + 60 && nowSeconds - entry.issuedAt < KNOWN_DEVICE_DAYS * 24 * 60 * 60;

function verifies(key: Buffer, email: string, entry: Entry): boolean {
  const expected = Buffer.from(sign(key, email, entry.deviceId, entry.issuedAt));
  const given = Buffer.from(entry.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The device id this cookie proves for `email` (normalised), or null. */
export function knownDeviceFor(key: Buffer, cookie: string | null | undefined, email: string, now = Date.now()): string | null {
  const nowSeconds = Math.floor(now / 1000);
  const entry = parse(cookie).find((e) => live(e, nowSeconds) && verifies(key, email, e));
  return entry?.deviceId ?? null;
}

/**
 * The cookie's new value after `email` signed in from this browser: the account's entry renewed
 * (same device id, new time), other live entries kept, the oldest dropped beyond a few.
 */
export function rememberDevice(key: Buffer, cookie: string | null | undefined, email: string, now = Date.now()): string {
  const nowSeconds = Math.floor(now / 1000);
  const entries = parse(cookie).filter((e) => live(e, nowSeconds));
  const mine = entries.find((e) => verifies(key, email, e));
  const deviceId = mine?.deviceId ?? randomBytes(16).toString('base64url');
  const others = entries.filter((e) => e !== mine);
  const fresh: Entry = { deviceId, issuedAt: nowSeconds, signature: sign(key, email, deviceId, nowSeconds) };
  return [...others, fresh]
    .slice(-MAX_ENTRIES)
    .map((e) => `${e.deviceId}~${e.issuedAt}~${e.signature}`)
    .join('.');
}
