/**
 * Whether a state-changing request comes from a page of this site. Browsers send `Origin` with
 * every POST, cross-site or not, and a page on another site cannot forge it; a request without one
 * is not from our forms (or is from a client that hides where it comes from), so it is refused too.
 * The expected host is the one Next itself compares for server actions: the first
 * `X-Forwarded-Host` when a proxy in front sets it, else `Host`.
 */
export function isSameOriginRequest(headers: Pick<Headers, 'get'>): boolean {
  const origin = headers.get('origin');
  if (!origin || origin === 'null') return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const expected = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  return Boolean(expected) && originHost.toLowerCase() === expected!.toLowerCase();
}
