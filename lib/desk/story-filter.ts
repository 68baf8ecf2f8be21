import { dayBound, firstParam, hrefWith, pageNumber, paramReader, positiveId, type QueryParams } from '../http/query-params';
import { ARTICLE_STATUSES, type ArticleStatus } from '../workflow/states';

/** Stories per page of the inventory. */
export const STORIES_PAGE_SIZE = 25;

export const STORY_SORTS = ['updated', 'oldest', 'title'] as const;
export type StorySort = (typeof STORY_SORTS)[number];

/** The longest text filter read: a title fragment, not a query language. */
export const MAX_STORY_TEXT = 200;

export interface StoryFilter {
  status?: ArticleStatus;
  sectionId?: number;
  /** The person who created the story. */
  authorId?: number;
  /** A tag's name as typed; matched by its slug. */
  tag?: string;
  /** Updated from the start of this day in the site's zone. */
  from?: Date;
  /** Updated before the start of the day after this one. */
  to?: Date;
  /** Words in the current title, matched with Arabic folding (hamza forms, ة/ه, ى/ي, tashkeel). */
  text?: string;
  sort: StorySort;
  page: number;
  /** Parameters given but unusable, named so the page can say it ignored them. */
  ignored: string[];
}

const FILTER_NAMES = ['status', 'section', 'author', 'tag', 'from', 'to', 'q', 'sort'] as const;

/**
 * Reads the story inventory's filters from `/desk/stories?…`. Days are the newsroom's days (the
 * site's zone); anything unusable is left out and named in `ignored`, never an error.
 */
export function parseStoryFilter(params: QueryParams, timeZone: string): StoryFilter {
  const { read, ignored } = paramReader(params);
  const text = (value: string) => (value.length <= MAX_STORY_TEXT ? value : undefined);
  return {
    status: read('status', (value) => ((ARTICLE_STATUSES as readonly string[]).includes(value) ? (value as ArticleStatus) : undefined)),
    sectionId: read('section', positiveId),
    authorId: read('author', positiveId),
    tag: read('tag', text),
    from: read('from', (value) => dayBound(value, timeZone)),
    to: read('to', (value) => dayBound(value, timeZone, true)),
    text: read('q', text),
    sort: read('sort', (value) => ((STORY_SORTS as readonly string[]).includes(value) ? (value as StorySort) : undefined)) ?? 'updated',
    page: read('page', pageNumber) ?? 1,
    ignored,
  };
}

/** The address of another page of the same filter. */
export function storiesHref(params: QueryParams, page: number): string {
  return hrefWith('/desk/stories', params, FILTER_NAMES, page);
}

/** Whether any filter is set (the page then offers to clear them). */
export function isFiltered(params: QueryParams): boolean {
  return FILTER_NAMES.some((name) => name !== 'sort' && firstParam(params[name]) !== '');
}
