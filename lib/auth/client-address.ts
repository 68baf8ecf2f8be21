/**
 * Which address a request came from, for the sign-in counters. The only address nobody can forge
 * is the socket's peer: the server stamps it into CLIENT_ADDRESS_HEADER on every request
 * (scripts/stamp-client-address.mjs), replacing whatever the client sent under that name.
 * X-Forwarded-For is believed only as far as the operator says proxies stand in front
 * (TRUSTED_PROXIES, read by lib/config): each trusted proxy appends the address it saw, so with N of them the client
 * is the N-th entry counted from the right, the socket's peer being the last proxy. Entries
 * further left are whatever the client chose to write.
 */
export const CLIENT_ADDRESS_HEADER = 'x-midad-client-address';

/** Set on globalThis by the stamping preload, so a header that nobody stamped is never believed. */
export const STAMP_MARK = Symbol.for('midad.client-address-stamp');

export const UNKNOWN_ADDRESS = 'unknown';

export interface AddressSources {
  /** The socket's peer address; null when the server did not stamp it. */
  socket: string | null | undefined;
  forwardedFor: string | null | undefined;
  trustedProxies: number;
}

export function clientAddress({ socket, forwardedFor, trustedProxies }: AddressSources): string {
  const peer = normaliseAddress(socket);
  if (!peer) return UNKNOWN_ADDRESS;
  if (trustedProxies <= 0) return peer;
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)
    .slice(-64);
  const chain = [...hops, peer];
  // Fewer entries than trusted proxies means a proxy did not append: the left-most entry is then
  // the nearest thing to the client we have, and every entry in the chain came through a proxy.
  const index = Math.max(0, chain.length - 1 - trustedProxies);
  return normaliseAddress(chain[index]) ?? UNKNOWN_ADDRESS;
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6 = /^[0-9a-f:.]{2,45}$/;

/**
 * One spelling per address, so a counter cannot be dodged by writing it differently: no port,
 * no brackets, no zone, IPv4-mapped IPv6 as plain IPv4, lower case. Anything that is not an IP
 * address is null.
 */
export function normaliseAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.replace(/%.*$/, '');
  if (value.startsWith('::ffff:') && IPV4.test(value.slice(7))) value = value.slice(7);
  if (IPV4.test(value)) return value;
  if (value.includes(':') && IPV6.test(value) && (value.match(/::/g)?.length ?? 0) <= 1) return value;
  return null;
}
