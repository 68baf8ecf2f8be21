/**
 * A request path whose percent-escapes do not decode: a `%` not followed by two hex digits
 * (`/articles/%E0%A4%A`), or escapes that spell bytes which are not UTF-8 (`%C0%AF`, `%ED%A0%80`,
 * `%FF`). Next decodes every dynamic segment with decodeURIComponent before the page runs; when
 * that throws it tries to answer 400 with the Pages Router's error page, which an App Router site
 * does not have, and the reader gets a bare 500 "Internal Server Error" instead. The proxy asks
 * this first and sends such a path to the not-found page (see proxy.ts and docs/decisions).
 */
export function isMalformedPath(pathname: string): boolean {
  if (!pathname.includes('%')) return false;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * Where a malformed path is rewritten: a path no route, file or redirect matches, so Next renders
 * the site's not-found page with status 404, as for any other address that names nothing.
 */
export const MALFORMED_PATH_TARGET = '/_midad/malformed-path';
