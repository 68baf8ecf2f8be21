import { and, isNotNull, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { articles } from '../schema';

/**
 * The public visibility rule as a condition on `articles`, for every query that decides what
 * readers get — site pages, feeds, sitemaps, search — and for the desk's "live" mark and its
 * list of due schedules. Same rule as isPubliclyVisible (lib/workflow/visibility.ts), in words
 * there. Always true or false, never null, so it can be selected as a column too.
 *
 * `at` is the instant the rule is judged at. Without it the database's now() is used; cached
 * public pages pass the instant their cache key was derived from (site-cache-keys.ts), so the
 * app's clock and the database's never disagree about which schedules have come.
 *
 * The search documents keep the database's own copy, midad_search_visible_from (migration 0006,
 * with the embargo added in 0012; 0006's comment names this rule's earlier home, db/queries/public.ts).
 */
export function publiclyVisible(at?: Date): SQL<boolean> {
  const instant = instantSql(at);
  return and(releasedAt(instant), or(isNull(articles.embargoUntil), lte(articles.embargoUntil, instant)))! as SQL<boolean>;
}

/**
 * What a partner may read — a partner API key or a signed preview link: the public rule without
 * the embargo, so an embargoed story that is published (or due) is readable before its time, and
 * nothing unpublished, taken down or not yet due ever is.
 */
export function visibleToPartners(at?: Date): SQL<boolean> {
  return releasedAt(instantSql(at));
}

function instantSql(at: Date | undefined): SQL {
  return at === undefined ? sql`now()` : sql`${at.toISOString()}::timestamptz`;
}

/** Published and not taken down, and a schedule's time has come. */
function releasedAt(instant: SQL): SQL<boolean> {
  return and(
    isNotNull(articles.publishedRevisionId),
    ne(articles.status, 'unpublished'),
    or(ne(articles.status, 'scheduled'), and(isNotNull(articles.scheduledFor), lte(articles.scheduledFor, instant))),
  )! as SQL<boolean>;
}

/**
 * The date readers see as the story's publication, as SQL: the publish (or due schedule) time, but
 * never earlier than the embargo. Same as publicDate in lib/workflow/visibility.ts and the database
 * function midad_public_date (migration 0012) behind the search documents.
 */
export const publicDateSql = sql<Date>`greatest(coalesce(${articles.publishedAt}, ${articles.scheduledFor}), ${articles.embargoUntil})`.mapWith(
  articles.publishedAt,
);
