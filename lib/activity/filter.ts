import { instantOfWallTime } from '../format/formatter';
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

type Params = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
const positiveId = (text: string) => (/^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : undefined);

/**
 * Reads the activity log's filters from a URL's query. Days are read in the site's time zone, so
 * "2 December" means the newsroom's 2 December wherever the admin's browser is. Anything unusable
 * is left out and named in `ignored`, never an error page.
 */
export function parseActivityQuery(params: Params, timeZone: string): ActivityQuery {
  const query: ActivityQuery = { page: 1, ignored: [] };
  const read = <T>(name: string, parse: (text: string) => T | undefined | null): T | undefined => {
    const text = first(params[name]);
    if (!text) return undefined;
    const value = parse(text);
    if (value === undefined || value === null) query.ignored.push(name);
    return value ?? undefined;
  };
  query.actorId = read('person', positiveId);
  query.kind = read('kind', (text) => (ACTIVITY_KINDS as readonly string[]).includes(text) ? (text as ActivityKind) : undefined);
  query.articleId = read('story', positiveId);
  query.from = read('from', (text) => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? instantOfWallTime(text, timeZone) : null));
  query.to = read('to', (text) => (/^\d{4}-\d{2}-\d{2}$/.test(text) ? instantOfWallTime(nextDay(text), timeZone) : null));
  query.page = read('page', (text) => (/^\d{1,6}$/.test(text) && Number(text) >= 1 ? Number(text) : undefined)) ?? 1;
  return query;
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The query string of a filter page, for links to other pages of the same filter. */
export function activityHref(params: Params, page: number): string {
  const search = new URLSearchParams();
  for (const name of ['person', 'kind', 'story', 'from', 'to']) {
    const text = first(params[name]);
    if (text) search.set(name, text);
  }
  if (page > 1) search.set('page', String(page));
  const query = search.toString();
  return query ? `/desk/activity?${query}` : '/desk/activity';
}
