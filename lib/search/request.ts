import { LONE_SURROGATES } from '../arabic/characters';
import { ARTICLE_STATUSES, type ArticleStatus } from '../workflow/states';

/*
 * A search request as it arrives — from URL parameters a stranger controls — and as the queries
 * use it: every text made sendable to the database, paging clamped, dates checked, the time zone
 * one the database knows. Pure; db/queries/search.ts works only on the cleaned form.
 */

export const SEARCH_PAGE_SIZE = 10;
/** Deep pages cost a ranked scan each; nobody reads result 1000. */
export const MAX_SEARCH_PAGE = 100;
/** The most results a caller may ask for on one page. */
export const MAX_SEARCH_PAGE_SIZE = 50;

export interface SearchFilters {
  /** Only stories in this section (by slug). */
  sectionSlug?: string;
  /** Inclusive dates (YYYY-MM-DD) in the site's time zone. */
  from?: string;
  to?: string;
}

export interface SearchRequest extends SearchFilters {
  q: string;
  page?: number;
  pageSize?: number;
  /** IANA zone in which `from` and `to` are read; the site's setting. */
  timeZone?: string;
  /**
   * The instant at which readers' visibility is judged; the database's clock when absent. Public
   * pages pass the instant of their render, so search agrees with every other read of the page.
   */
  asOf?: Date;
}

export interface StaffSearchRequest extends SearchRequest {
  /** Only articles in these workflow states; all states when empty or absent. */
  statuses?: readonly ArticleStatus[];
}

/** A request the queries can use as it is. */
export interface CleanSearchRequest {
  /** What was typed, with what cannot be sent to the database turned into spaces. */
  q: string;
  page: number;
  pageSize: number;
  sectionSlug: string | null;
  /** Real calendar dates (YYYY-MM-DD), or null: impossible dates are ignored, the page says so. */
  from: string | null;
  to: string | null;
  /** A zone the clock knows; UTC when none or an unknown one was given. */
  timeZone: string;
  asOf: Date | null;
}

// NUL cannot be sent to PostgreSQL in text at all (the statement fails); a lone surrogate is not a
// character and each driver would turn it into something else; other controls are noise.
const UNSENDABLE = new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F]|${LONE_SURROGATES.source}`, 'g');

/** Text from a URL made safe to send as a parameter: what cannot be sent becomes a space. */
function cleanText(value: unknown): string | undefined {
  // A repeated URL parameter arrives as an array, say: anything that is not text is absent.
  return typeof value === 'string' ? value.replace(UNSENDABLE, ' ') : undefined;
}

function clamp(value: unknown, fallback: number, max: number): number {
  return Math.min(Math.max(Math.trunc(Number(value) || fallback), 1), max);
}

/** The request with every text a caller controls cleaned, paging clamped and filters checked. */
export function cleanSearchRequest(request: SearchRequest): CleanSearchRequest {
  const asOf = request.asOf instanceof Date && !Number.isNaN(request.asOf.getTime()) ? request.asOf : null;
  return {
    q: cleanText(request.q) ?? '',
    page: clamp(request.page, 1, MAX_SEARCH_PAGE),
    pageSize: clamp(request.pageSize, SEARCH_PAGE_SIZE, MAX_SEARCH_PAGE_SIZE),
    sectionSlug: cleanText(request.sectionSlug)?.trim() || null,
    from: parseIsoDate(cleanText(request.from)),
    to: parseIsoDate(cleanText(request.to)),
    timeZone: knownTimeZone(cleanText(request.timeZone)),
    asOf,
  };
}

/** The workflow states asked for that exist; anything else would fail the statement's enum. */
export function cleanStatuses(statuses: unknown): ArticleStatus[] {
  if (!Array.isArray(statuses)) return [];
  return ARTICLE_STATUSES.filter((status) => statuses.includes(status));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30), or null. */
export function parseIsoDate(value: string | undefined | null): string | null {
  const match = value ? ISO_DATE.exec(value.trim()) : null;
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const valid = y >= 1900 && y <= 2999 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return valid ? match[0] : null;
}

/** The zone if the clock knows it, else UTC. */
function knownTimeZone(zone: string | undefined): string {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}
