/**
 * Whether an error means the database could not be reached (server down, restarting, connection
 * cut) rather than that the query itself was wrong. Such failures are worth retrying; the person
 * sees "the database is not answering" and keeps their work.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // postgres.js
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

// SQLSTATE: admin_shutdown, crash_shutdown, cannot_connect_now; class 08 is "connection exception".
const SERVER_STATES = new Set(['57P01', '57P02', '57P03']);

export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  // Drizzle wraps driver errors in `cause`; Node reports a refused dual-stack connect as an AggregateError.
  if ('cause' in error && isDatabaseUnreachable((error as { cause: unknown }).cause, depth + 1)) return true;
  const nested = (error as { errors?: unknown }).errors;
  return Array.isArray(nested) && nested.some((inner) => isDatabaseUnreachable(inner, depth + 1));
}
