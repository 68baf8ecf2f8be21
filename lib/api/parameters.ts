import { positiveId } from '../http/query-params';
import { parseSearchQuery } from '../search/query';
import { MAX_SEARCH_PAGE, MAX_SEARCH_PAGE_SIZE } from '../search/request';
import type { ApiProblem } from './errors';

/*
 * The content API's query parameters, read strictly: a parameter an endpoint does not know, one
 * given twice, a control character (NUL included) in any value, or a value out of its range is a
 * 400 naming the parameter, never a guess. Pure; the handlers (lib/server/api/v1) use the result.
 */

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;
/** As the site's listings (lib/http/query-params pageNumber): six digits. */
export const MAX_PAGE = 999_999;
/** Longer than any slug the desk makes; longer values are refused before any lookup. */
export const MAX_SLUG_PARAMETER = 200;
/** With `q`, results are ranked by the site's search, which serves this many per page at most. */
export const MAX_SEARCH_PER_PAGE = MAX_SEARCH_PAGE_SIZE;
export { MAX_SEARCH_PAGE };

export const PAGING_PARAMETERS = ['page', 'per_page'] as const;
export const ARTICLE_LIST_PARAMETERS = [...PAGING_PARAMETERS, 'section', 'tag', 'author', 'q', 'updated_since'] as const;

export interface Paging {
  page: number;
  perPage: number;
}

export interface ArticleListQuery extends Paging {
  section?: string;
  tag?: string;
  author?: number;
  q?: string;
  updatedSince?: Date;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ApiProblem };

// C0 and C1 controls, NUL among them: no parameter has a use for them and PostgreSQL refuses NUL.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/** Each parameter once, all known, none with control characters: a map of the values. */
export function readParameters(search: URLSearchParams, allowed: readonly string[]): Parsed<Map<string, string>> {
  const values = new Map<string, string>();
  for (const [name, value] of search) {
    if (!allowed.includes(name)) return refuse('UNKNOWN_PARAMETER', name);
    if (values.has(name)) return refuse('REPEATED_PARAMETER', name);
    if (CONTROL.test(value)) return refuse('INVALID_CHARACTERS', name);
    values.set(name, value);
  }
  return { ok: true, value: values };
}

function refuse<T>(code: ApiProblem['code'], parameter?: string, values?: ApiProblem['values']): Parsed<T> {
  return { ok: false, problem: { code, ...(parameter === undefined ? {} : { parameter }), ...(values ? { values } : {}) } };
}

function wholeNumber(text: string, min: number, max: number): number | undefined {
  if (!/^\d{1,7}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

export function readPaging(values: Map<string, string>): Parsed<Paging> {
  const pageText = values.get('page');
  const perPageText = values.get('per_page');
  const page = pageText === undefined ? 1 : wholeNumber(pageText, 1, MAX_PAGE);
  if (page === undefined) return refuse('INVALID_PAGE', 'page', { max: MAX_PAGE });
  const perPage = perPageText === undefined ? DEFAULT_PER_PAGE : wholeNumber(perPageText, 1, MAX_PER_PAGE);
  if (perPage === undefined) return refuse('INVALID_PER_PAGE', 'per_page', { max: MAX_PER_PAGE });
  return { ok: true, value: { page, perPage } };
}

/** Only the paging parameters (sections, tags, authors). */
export function parsePagingQuery(search: URLSearchParams): Parsed<Paging> {
  const read = readParameters(search, PAGING_PARAMETERS);
  return read.ok ? readPaging(read.value) : read;
}

/**
 * An RFC 3339 date-time with seconds optional and an offset required (`Z` or ±hh:mm), naming a
 * real instant: no 2026-02-30, no 25:00.
 */
export function parseTimestamp(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-](\d{2}):(\d{2}))$/.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s = '00', , , oh = '00', om = '00'] = match;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  const exact =
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(mo) - 1 &&
    date.getUTCDate() === Number(d) &&
    date.getUTCHours() === Number(h) &&
    date.getUTCMinutes() === Number(mi) &&
    date.getUTCSeconds() === Number(s) &&
    Number(oh) <= 23 &&
    Number(om) <= 59;
  if (!exact) return undefined;
  const parsed = new Date(text.replace(' ', 'T'));
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** The article list's parameters; a refusal of `q` carries the search's own reason in `values.reason`. */
export function parseArticleListQuery(search: URLSearchParams): Parsed<ArticleListQuery> {
  const read = readParameters(search, ARTICLE_LIST_PARAMETERS);
  if (!read.ok) return read;
  const values = read.value;
  const paging = readPaging(values);
  if (!paging.ok) return paging;
  const query: ArticleListQuery = { ...paging.value };

  for (const [name, code] of [
    ['section', 'INVALID_SECTION'],
    ['tag', 'INVALID_TAG'],
  ] as const) {
    const text = values.get(name);
    if (text === undefined) continue;
    if (text.trim() === '' || text.length > MAX_SLUG_PARAMETER) return refuse(code, name, { max: MAX_SLUG_PARAMETER });
    query[name] = text.trim();
  }

  const author = values.get('author');
  if (author !== undefined) {
    const id = positiveId(author);
    if (id === undefined) return refuse('INVALID_AUTHOR', 'author');
    query.author = id;
  }

  const since = values.get('updated_since');
  if (since !== undefined) {
    const instant = parseTimestamp(since);
    if (!instant) return refuse('INVALID_UPDATED_SINCE', 'updated_since');
    query.updatedSince = instant;
  }

  const q = values.get('q');
  if (q !== undefined) {
    const parsed = parseSearchQuery(q);
    if (!parsed.ok) return refuse('INVALID_QUERY', 'q', { reason: parsed.reason });
    const other = (['tag', 'author', 'updated_since'] as const).find((name) => values.has(name));
    if (other) return refuse('QUERY_NOT_COMBINABLE', other);
    if (query.page > MAX_SEARCH_PAGE) return refuse('PAGE_TOO_DEEP', 'page', { max: MAX_SEARCH_PAGE });
    query.q = q;
  }
  return { ok: true, value: query };
}
