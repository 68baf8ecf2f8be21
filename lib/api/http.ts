import { createHash } from 'node:crypto';

/*
 * HTTP details of the content API that need nothing but the request: entity tags, conditional
 * requests, pagination links (RFC 8288) and the headers that let any site read it (CORS). Pure.
 */

/** A strong entity tag of exactly these bytes. */
export function entityTag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/**
 * Whether If-None-Match names `etag` (RFC 9110 §13.1.2: weak comparison, a list, or `*`), so the
 * answer is 304.
 */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (header === null) return false;
  const wanted = etag.replace(/^W\//, '');
  return header
    .slice(0, 8192)
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '') === wanted);
}

export interface Pagination {
  page: number;
  per_page: number;
  total: number;
  pages: number;
}

export function pagination(page: number, perPage: number, total: number): Pagination {
  return { page, per_page: perPage, total, pages: Math.ceil(total / perPage) };
}

/**
 * The Link header of a list's page: first, prev, next and last, each the request's own address with
 * its parameters kept and `page` (and the `per_page` actually served) set. Relative references:
 * they resolve against the address the caller used, whatever host or proxy it went through.
 */
export function paginationLinks(url: URL, paging: Pagination): string {
  const last = Math.max(1, paging.pages);
  const at = (page: number) => {
    const search = new URLSearchParams(url.search);
    search.set('page', String(page));
    search.set('per_page', String(paging.per_page));
    return `<${url.pathname}?${search.toString()}>`;
  };
  const links = [`${at(1)}; rel="first"`];
  if (paging.page > 1) links.push(`${at(Math.min(paging.page - 1, last))}; rel="prev"`);
  if (paging.page < last) links.push(`${at(paging.page + 1)}; rel="next"`);
  links.push(`${at(last)}; rel="last"`);
  return links.join(', ');
}

/** Any site may read the API from a browser, with a key too: the key is a header, not a cookie. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Link, Location, Retry-After, WWW-Authenticate',
};

/** The answer to a preflight: reading methods, and the headers a caller may add. */
export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, If-None-Match, Accept-Language',
  'Access-Control-Max-Age': '86400',
};

/**
 * What changes an answer besides its address: the caller's key always (a partner reads more), and
 * the language only for errors, whose message is translated; successful bodies are the same in
 * every language, so caches keep one copy of them.
 */
export const VARY_CONTENT = 'Authorization';
export const VARY_ERROR = 'Authorization, Accept-Language';
