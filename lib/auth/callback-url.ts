const FALLBACK = '/desk';
const PROBE_ORIGIN = 'http://midad.invalid';

/**
 * Where to go after signing in: a path on this site, or the desk. Anything that could leave the
 * site — absolute URLs, `//host`, `/\host`, `javascript:`, and their percent-encoded or
 * whitespace-padded variants — falls back to the desk.
 */
export function safeCallbackPath(raw: string | null | undefined): string {
  if (!raw || raw.length > 2048) return FALLBACK;
  let candidate = raw.trim();
  // Undo repeated encoding so `%2F%2Fevil` is judged as `//evil`.
  for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(candidate); i++) {
    try {
      candidate = decodeURIComponent(candidate);
    } catch {
      return FALLBACK;
    }
  }
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.includes('\\')) return FALLBACK;
  if (/[\u0000-\u001F\u007F]/.test(candidate)) return FALLBACK;
  let url: URL;
  try {
    url = new URL(candidate, PROBE_ORIGIN);
  } catch {
    return FALLBACK;
  }
  if (url.origin !== PROBE_ORIGIN) return FALLBACK;
  // Dot segments collapse while the URL is parsed ('/.//evil' becomes '//evil'): judge the path
  // as it will be sent, or a browser reads it as another host.
  if (url.pathname.startsWith('//') || url.pathname.includes('\\')) return FALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Never bounce back to the sign-in page itself.
  return path === '/login' || path.startsWith('/login?') ? FALLBACK : path;
}
