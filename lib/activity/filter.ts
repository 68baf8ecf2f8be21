import { dayBound, hrefWith, pageNumber, paramReader, positiveId, type QueryParams } from '../http/query-params';
import { ACTIVITY_KINDS, type ActivityKind } from './entries';

export const ACTIVITY_PAGE_SIZE = 50;

export interface ActivityQuery {
  actorId?: number;
  kind?: ActivityKind;
  articleId?: number;
  /** From the start of this day in the site's zone. */
  from?: Date;
  /** Up to the end of this day in the site's zone (exclusive bound: the next day's start). */
  to?: Date;
  page: number;
  /** The names of parameters that were given but unusable, so the page can say it ignored them. */
  ignored: string[];
}

/**
 * Reads the activity log's filters from a URL's query. Days are read in the site's time zone, so
 * "2 December" means the newsroom's 2 December wherever the admin's browser is. Anything unusable
 * is left out and named in `ignored`, never an error page.
 */
export function parseActivityQuery(params: QueryParams, timeZone: string): ActivityQuery {
  const { read, ignored } = paramReader(params);
  return {
    actorId: read('person', positiveId),
    kind: read('kind', (text) => ((ACTIVITY_KINDS as readonly string[]).includes(text) ? (text as ActivityKind) : undefined)),
    articleId: read('story', positiveId),
    from: read('from', (text) => dayBound(text, timeZone)),
    to: read('to', (text) => dayBound(text, timeZone, true)),
    page: read('page', pageNumber) ?? 1,
    ignored,
  };
}

/** The query string of a filter page, for links to other pages of the same filter. */
export function activityHref(params: QueryParams, page: number): string {
  return hrefWith('/desk/activity', params, ['person', 'kind', 'story', 'from', 'to'], page);
}
