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
