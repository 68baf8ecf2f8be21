/**
 * Sign-in throttling (see docs/decisions on brute-force protection). Three counters per attempt:
 * - the account from one address: tight, so a guesser from one place stops quickly;
 * - the account from anywhere: looser, bounding guesses spread across many addresses;
 * - the address across accounts: bounding credential stuffing.
 * Locks are short, so a locked-out attacker cannot keep the real person out for long, and the
 * real person on another address is not affected by the first counter at all.
 */
export const THROTTLE_WINDOW_MINUTES = 15;
export const THROTTLE_LOCK_MINUTES = 15;

export const THROTTLE_LIMITS = {
  pair: 5,
  account: 20,
  ip: 50,
} as const;

export type ThrottleKind = keyof typeof THROTTLE_LIMITS;

export function throttleKeys(email: string, ip: string): { kind: ThrottleKind; key: string }[] {
  return [
    { kind: 'pair', key: `pair:${email}|${ip}` },
    { kind: 'account', key: `account:${email}` },
    { kind: 'ip', key: `ip:${ip}` },
  ];
}

/**
 * The client address as the nearest hop saw it: the right-most X-Forwarded-For entry. Next sets
 * the header from the socket when no proxy did; behind a proxy, the proxy appends the real
 * address last. Left-most entries are whatever the client chose to send.
 */
export function clientAddress(forwardedFor: string | null | undefined): string {
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  const last = hops.at(-1) ?? 'unknown';
  return last.slice(0, 64);
}
