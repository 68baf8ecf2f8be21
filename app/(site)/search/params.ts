import { parseIsoDate } from '@/lib/search/request';

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** What the search page was asked for, read defensively from the URL. */
export interface SearchPageParams {
  q: string;
  page: number;
  section: string;
  /** Valid YYYY-MM-DD dates, or ''. */
  from: string;
  to: string;
  /** A date was given but is not a real calendar date: it is ignored and the reader told. */
  badDate: boolean;
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

export function readSearchParams(raw: RawSearchParams): SearchPageParams {
  const fromRaw = first(raw.from).trim();
  const toRaw = first(raw.to).trim();
  let from = parseIsoDate(fromRaw) ?? '';
  let to = parseIsoDate(toRaw) ?? '';
  // A reversed range is a slip of the hand, not a wish for nothing.
  if (from && to && from > to) [from, to] = [to, from];
  const page = Number.parseInt(first(raw.page), 10);
  return {
    q: first(raw.q),
    page: Number.isFinite(page) && page > 0 ? page : 1,
    section: first(raw.section).trim(),
    from,
    to,
    badDate: (fromRaw !== '' && !from) || (toRaw !== '' && !to),
  };
}

/** A /search URL that keeps the given query and filters; empty values are left out. */
export function searchHref(params: Partial<Omit<SearchPageParams, 'badDate'>>): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.section) query.set('section', params.section);
  if (params.from) query.set('from', params.from);
  if (params.to) query.set('to', params.to);
  if (params.page && params.page > 1) query.set('page', String(params.page));
  const text = query.toString();
  return text ? `/search?${text}` : '/search';
}
