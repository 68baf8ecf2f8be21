import { ARTICLE_STATUSES, type ArticleStatus } from '@/lib/workflow/states';

export type RawDeskSearchParams = Record<string, string | string[] | undefined>;

export interface DeskSearchParams {
  q: string;
  status: ArticleStatus | undefined;
  page: number;
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** What the desk search was asked for, read defensively from the URL: unknown values are ignored. */
export function readDeskSearchParams(raw: RawDeskSearchParams): DeskSearchParams {
  const status = first(raw.status);
  const page = Number.parseInt(first(raw.page), 10);
  return {
    q: first(raw.q),
    status: ARTICLE_STATUSES.find((s) => s === status),
    page: Number.isFinite(page) ? Math.min(Math.max(page, 1), 100) : 1,
  };
}

/** A desk search URL. URLSearchParams, unlike encodeURIComponent, never throws on odd text. */
export function deskSearchHref(params: DeskSearchParams): string {
  const query = new URLSearchParams({ q: params.q });
  if (params.status) query.set('status', params.status);
  if (params.page > 1) query.set('page', String(params.page));
  return `/desk/search?${query.toString()}`;
}
