import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets handed to people outside the newsroom: API keys and preview-link tokens. Each is 32
 * random bytes (256 bits), so a fast digest is enough to store them (docs/decisions/0030): nobody
 * can guess or brute-force such a secret from its SHA-256, unlike a password.
 */

/** API keys start with this, so one pasted into the wrong place (a log, a chat) is recognisable. */
export const API_KEY_PREFIX = 'mdk_';
const SECRET_BYTES = 32;
/** 32 bytes in base64url, without padding. */
const SECRET_LENGTH = 43;
const SECRET_BODY = /^[A-Za-z0-9_-]{43}$/;

/** How many characters of a key are kept in the clear to tell keys apart in the desk. */
const SHOWN_LENGTH = API_KEY_PREFIX.length + 6;

export function newApiKeySecret(): string {
  return `${API_KEY_PREFIX}${randomBytes(SECRET_BYTES).toString('base64url')}`;
}

export function newPreviewToken(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

/** Hex SHA-256: what is stored in place of a secret and looked up by. */
export function digestSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The start of a key, as the desk's list shows it. */
export function shownPrefix(secret: string): string {
  return secret.slice(0, SHOWN_LENGTH);
}

export function isApiKeyShape(value: string): boolean {
  return value.startsWith(API_KEY_PREFIX) && value.length === API_KEY_PREFIX.length + SECRET_LENGTH && SECRET_BODY.test(value.slice(API_KEY_PREFIX.length));
}

export function isPreviewTokenShape(value: string): boolean {
  return SECRET_BODY.test(value);
}

export type BearerHeader = { kind: 'none' } | { kind: 'malformed' } | { kind: 'key'; secret: string };

/**
 * Reads an Authorization header: absent (anonymous), `Bearer <key>` with a key of the right shape,
 * or anything else (another scheme, an empty or misshapen key), which is refused rather than
 * treated as anonymous, so a client with a broken key learns it at once.
 */
export function readBearer(header: string | null): BearerHeader {
  if (header === null) return { kind: 'none' };
  const match = /^\s*bearer\s+(\S+)\s*$/i.exec(header);
  if (!match || !isApiKeyShape(match[1]!)) return { kind: 'malformed' };
  return { kind: 'key', secret: match[1]! };
}
