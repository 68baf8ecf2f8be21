import { instantOfWallTime } from '../format/formatter';

/** A page's query as Next hands it over: each name once, several times or not at all. */
export type QueryParams = Record<string, string | string[] | undefined>;

/** The first value given for a parameter, trimmed; '' when it is absent. */
export const firstParam = (value: string | string[] | undefined): string => (Array.isArray(value) ? value[0] : value)?.trim() ?? '';

/** A database id typed into a URL, or undefined. */
export const positiveId = (text: string): number | undefined => (/^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : undefined);

/** A page number, 1 to 999 999, or undefined. */
export const pageNumber = (text: string): number | undefined => (/^\d{1,6}$/.test(text) && Number(text) >= 1 ? Number(text) : undefined);

/**
 * A day typed as YYYY-MM-DD, read in the site's zone: the instant that day starts, or with
 * `end`, the instant the next day starts (an exclusive upper bound). Null when it is no day.
 */
export function dayBound(text: string, timeZone: string, end = false): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) return null;
  if (end) date.setUTCDate(date.getUTCDate() + 1);
  return instantOfWallTime(date.toISOString().slice(0, 10), timeZone);
}

/**
 * Reads parameters one by one, remembering the names of those given but unusable, so a page can
 * say it ignored them instead of failing.
 */
export function paramReader(params: QueryParams) {
  const ignored: string[] = [];
  const read = <T>(name: string, parse: (text: string) => T | undefined | null): T | undefined => {
    const text = firstParam(params[name]);
    if (!text) return undefined;
    const value = parse(text);
    if (value === undefined || value === null) ignored.push(name);
    return value ?? undefined;
  };
  return { read, ignored };
}

/** A desk page's address with the given parameters (empty ones left out) and page. */
export function hrefWith(path: string, params: QueryParams, names: readonly string[], page: number): string {
  const search = new URLSearchParams();
  for (const name of names) {
    const text = firstParam(params[name]);
    if (text) search.set(name, text);
  }
  if (page > 1) search.set('page', String(page));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
