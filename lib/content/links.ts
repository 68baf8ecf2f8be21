const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * Link targets allowed in article bodies: http(s), mailto and same-site relative paths.
 * Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:"),
 * so those are removed before the scheme is read.
 */
export function isSafeHref(href: string): boolean {
  if (href.length === 0 || href.length > 2048) return false;
  const compact = href.replace(/[\u0000-\u0020\u007F-\u009F]/g, '');
  if (compact.length === 0) return false;
  // "//host" and "/\host" leave the site while looking relative.
  if (/^[/\\]{2}/.test(compact) || compact.startsWith('\\')) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (scheme) return ALLOWED_SCHEMES.has(scheme[1]!.toLowerCase());
  // No scheme: a relative reference. A colon before the first slash would be read as a scheme.
  const firstSlash = compact.search(/[/?#]/);
  const head = firstSlash === -1 ? compact : compact.slice(0, firstSlash);
  return !head.includes(':');
}

export type LinkInputResult = { ok: true; href: string } | { ok: false; reason: 'empty' | 'scheme' | 'invalid' };

const TOOLBAR_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const BARE_EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/u;
const BARE_HOST = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?::\d{1,5})?(?:[/?#].*)?$/u;
const HOST_WITH_PORT = /^[^/?#:]+:\d{1,5}(?:[/?#]|$)/;

/**
 * What a person typed into the editor's link field, as an href the toolbar may set. The toolbar
 * is stricter than stored content: only absolute http(s) and mailto links. A bare domain becomes
 * https, a bare address becomes mailto; every other scheme (javascript:, data:, file:, ftp: …)
 * is refused with a reason the form can translate.
 */
export function parseLinkInput(input: string): LinkInputResult {
  const text = input.trim();
  if (!text) return { ok: false, reason: 'empty' };
  if (text.length > 2048) return { ok: false, reason: 'invalid' };
  // Read the scheme the way a browser would, ignoring controls and spaces hidden inside it.
  const compact = text.replace(/[\u0000-\u0020\u007F-\u009F]/g, '');
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(compact) && !HOST_WITH_PORT.test(compact);

  let candidate: string;
  if (hasScheme) candidate = text;
  else if (BARE_EMAIL.test(compact)) candidate = `mailto:${compact}`;
  else if (BARE_HOST.test(compact)) candidate = `https://${compact}`;
  else return { ok: false, reason: compact.startsWith('/') && !compact.startsWith('//') ? 'scheme' : 'invalid' };

  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (!TOOLBAR_SCHEMES.has(url.protocol)) return { ok: false, reason: 'scheme' };
  if (url.protocol === 'mailto:' ? !BARE_EMAIL.test(safeDecode(url.pathname)) : !url.hostname) {
    return { ok: false, reason: 'invalid' };
  }
  const href = url.href;
  return isSafeHref(href) ? { ok: true, href } : { ok: false, reason: 'invalid' };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}
