/**
 * Limits on password guessing (docs/decisions/0004). Each counter is a row in sign_in_throttle,
 * named by a key whose prefix is its kind:
 * - `pair`: one account from one address — tight, so a guesser in one place stops quickly;
 * - `account`: one account from anywhere — bounds guesses spread over many addresses;
 * - `ip`: one address across accounts — bounds credential stuffing from one place;
 * - `device`: one account from a browser it has signed in from before (a known-device cookie)
 *   — tight, and the only counter such an attempt is held to, so guessing from elsewhere can
 *   never keep the person out of their own browser;
 * - `password`: the current-password check of a signed-in person changing their password.
 * A counter that reaches its limit within the window is locked for a fixed time; attempts while
 * locked are refused without being counted, so every lock ends.
 */
export const THROTTLE_WINDOW_MINUTES = 15;
export const THROTTLE_LOCK_MINUTES = 15;

export const THROTTLE_LIMITS = {
  pair: 5,
  account: 20,
  ip: 50,
  device: 5,
  password: 5,
} as const;

export type ThrottleKind = keyof typeof THROTTLE_LIMITS;

export interface ThrottleCounter {
  kind: ThrottleKind;
  key: string;
}

const counter = (kind: ThrottleKind, id: string): ThrottleCounter => ({ kind, key: `${kind}:${id}` });

/** The kind a stored key belongs to. */
export function kindOfKey(key: string): ThrottleKind | null {
  const prefix = key.slice(0, key.indexOf(':'));
  return prefix in THROTTLE_LIMITS ? (prefix as ThrottleKind) : null;
}

export interface SignInCounters {
  /** Any of these locked refuses the attempt before the password is looked at. */
  checked: ThrottleCounter[];
  /** Each of these counts a failed attempt. */
  counted: ThrottleCounter[];
  /** Forgotten after a successful sign-in. */
  cleared: ThrottleCounter[];
}

/**
 * The counters one sign-in attempt is held to. `deviceId` is set only when the attempt carries a
 * valid known-device cookie for this very account: such an attempt skips the account, pair and
 * address locks (an attacker elsewhere, or behind the same office address, cannot set them off
 * for this browser) and answers to its own counter instead. Its failures still count toward the
 * account and the address, so a stolen device cookie buys no extra guesses anywhere else.
 */
export function signInCounters(email: string, address: string, deviceId: string | null): SignInCounters {
  const place = addressKey(address);
  const account = counter('account', email);
  const ip = counter('ip', place);
  if (deviceId) {
    const device = counter('device', deviceId);
    return { checked: [device], counted: [device, account, ip], cleared: [device] };
  }
  const pair = counter('pair', `${email}|${place}`);
  // The account counter is not cleared on success: the real person signing in must not hand a
  // guesser spreading over many addresses a fresh allowance.
  return { checked: [pair, account, ip], counted: [pair, account, ip], cleared: [pair] };
}

export function passwordCheckCounter(userId: number): ThrottleCounter {
  return counter('password', String(userId));
}

/**
 * The part of an address that names one client. An IPv6 client usually holds a whole /64 and
 * could spread guesses over its addresses, so IPv6 addresses count by their /64 prefix.
 */
export function addressKey(address: string): string {
  if (!address.includes(':')) return address;
  const groups = expandIPv6(address);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : address;
}

function expandIPv6(address: string): string[] | null {
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const parts = (half: string) => (half ? half.split(':') : []);
  let head = parts(halves[0]!);
  let tail = halves.length === 2 ? parts(halves[1]!) : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) is two groups.
  const last = (tail.length ? tail : head).at(-1);
  if (last?.includes('.')) {
    const octets = last.split('.').map(Number);
    const asGroups = [((octets[0]! << 8) | octets[1]!).toString(16), ((octets[2]! << 8) | octets[3]!).toString(16)];
    if (tail.length) tail = [...tail.slice(0, -1), ...asGroups];
    else head = [...head.slice(0, -1), ...asGroups];
  }
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  return groups.map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}
