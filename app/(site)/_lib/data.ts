import 'server-only';
import { unstable_cache } from 'next/cache';
import { connection } from 'next/server';
import { cache } from 'react';
import { listMostRead, type MostReadStory } from '@/db/queries/article-views';
import { searchPublishedArticles, type PublicSearchHit, type SearchOutcome } from '@/db/queries/search';
import { latestPublicCorrection, listPublicCorrections, type PublicCorrection } from '@/db/queries/public-notes';
import { getSiteSettings, type SiteSettingsView } from '@/db/queries/settings';
import { cacheTiming, MAX_CACHE_SECONDS, SITE_TAGS, slugTag } from '@/db/queries/site-cache-keys';
import {
  findPublicAuthor,
  findPublicTag,
  findSectionBySlug,
  findSiteArticle,
  latestBySection,
  listBreakingStories,
  listRelatedStories,
  listSections,
  listSiteStories,
  listStoriesSince,
  readScheduleWindow,
  readSitemapData,
  type BreakingStory,
  type SiteArticle,
  type SiteArticleLookup,
  type SiteSection,
  type SiteStory,
  type StoryFilter,
} from '@/db/queries/site-stories';
import { appConfig, isBuildPhase } from '@/lib/config/server';
import type { SearchRequest } from '@/lib/search/request';
import { LISTING_PAGE_SIZE, pageOffset } from '@/lib/seo/pagination';
import { SITEMAP_MAX_URLS, NEWS_SITEMAP_MAX_URLS, NEWS_SITEMAP_WINDOW_MS } from '@/lib/seo/sitemap';

/*
 * Cached reads for the public site. Each result sits in Next's data cache under tags from
 * db/queries/site-cache-keys.ts, which refreshPublicPages (lib/server/public-cache.ts)
 * revalidates after every workflow transition. Two more rules keep scheduled stories exact:
 *
 * - every key includes the schedule "epoch" (the last schedule time that has come), so the
 *   moment a scheduled story becomes due, its listings are read afresh instead of from an entry
 *   made before it was visible;
 * - every entry's lifetime ends at the next schedule time, and Next lowers the lifetime of an
 *   incrementally regenerated page (every public page) to that of the data it read.
 *
 * Nothing here reads cookies or headers: the same cached answer is right for every reader.
 */

/** One instant per render, so every read of a page judges visibility at the same moment. */
const renderInstant = cache(() => new Date());

/*
 * A process keeping its own cache may find entries from before a restart whose revalidation it
 * has forgotten, so its keys carry an id of the process: a restarted server starts cold. A cache
 * shared through Redis (REDIS_URL) remembers revalidations itself and must be the same for every
 * node: its keys are per build (the handler prefixes them with the build id), never per process,
 * or each node would read and fill a copy of its own (docs/decisions/0019).
 */
const processHolder = globalThis as typeof globalThis & { __midadSiteCacheGeneration?: string };
processHolder.__midadSiteCacheGeneration ??= appConfig().redisUrl ? 'shared' : `${process.pid}.${Date.now().toString(36)}`;
const generation = processHolder.__midadSiteCacheGeneration;

const scheduleWindow = cache(
  unstable_cache(async () => readScheduleWindow(new Date()), ['midad-site', generation, 'schedule-window'], {
    tags: [SITE_TAGS.schedule, SITE_TAGS.all],
    revalidate: MAX_CACHE_SECONDS,
  }),
);

export interface SiteRead<T> {
  name: string;
  /** What else names the entry (filters, page): serialised into its key. */
  args: readonly unknown[];
  /** The site tags that refresh it; SITE_TAGS.all is added. */
  tags: string[];
  /** The instant visibility is judged at. */
  now: Date;
  maxSeconds?: number;
  read: (asOf: Date) => Promise<T>;
}

/**
 * One cached read, with the seconds an entry made now may live. The pages read through it below;
 * the content API (app/api/v1, lib/server/api/v1) reads through it too, so the desk's refresh
 * after a change reaches both at once.
 */
export async function cachedSiteRead<T>(options: SiteRead<T>): Promise<{ value: T; lifetime: number }> {
  const { name, args, tags, now, maxSeconds = MAX_CACHE_SECONDS, read } = options;
  const { epoch, lifetime } = cacheTiming(await scheduleWindow(), now, maxSeconds);
  const value = await unstable_cache(() => read(now), ['midad-site', generation, name, JSON.stringify(args), epoch], {
    tags: [...tags, SITE_TAGS.all],
    revalidate: lifetime,
  })();
  return { value, lifetime };
}

/** How long an answer made at `now` may be kept: never past the next schedule or embargo time. */
export async function siteCacheLifetime(now: Date): Promise<number> {
  return cacheTiming(await scheduleWindow(), now).lifetime;
}

async function cachedRead<T>(
  name: string,
  args: readonly unknown[],
  tags: string[],
  read: (asOf: Date) => Promise<T>,
  maxSeconds: number = MAX_CACHE_SECONDS,
): Promise<T> {
  if (isBuildPhase()) {
    // The build never opens the database (db/client.ts). A page of this group without URL
    // parameters (the search page, say) would otherwise be prerendered through the layout's
    // reads; this marks it request-time instead, and Next renders it per request.
    await connection();
  }
  return (await cachedSiteRead({ name, args, tags, now: renderInstant(), maxSeconds, read })).value;
}

export interface SiteChrome {
  settings: SiteSettingsView;
  sections: SiteSection[];
}

/** Site name, description, time zone, digits and the section navigation: on every page. */
export const getSiteChrome = cache(
  (): Promise<SiteChrome> =>
    cachedRead('chrome', [], [SITE_TAGS.settings, SITE_TAGS.sections], async () => ({
      settings: await getSiteSettings(),
      sections: await listSections(),
    })),
);

/**
 * «عاجل»: the breaking stories of the banner every public page shows. Follows every story change
 * (a takedown ends it), and its expiry ends the entry like a schedule time does.
 */
export const getBreakingNews = cache(
  (): Promise<BreakingStory[]> => cachedRead('breaking', [], [SITE_TAGS.latest], (asOf) => listBreakingStories(asOf)),
);

/** How long a «الأكثر قراءة» list is kept: views change every minute, stories in it do not need to. */
export const MOST_READ_MAX_SECONDS = 60;

/**
 * «الأكثر قراءة» on the home page and article pages. Kept a minute at most, and tagged like the
 * latest stories, so taking a story down (which refreshes them) takes it out of the list at once.
 * Pages that show it are kept no longer than it is.
 */
export const getMostRead = cache(
  (): Promise<MostReadStory[]> => cachedRead('most-read', [], [SITE_TAGS.latest], (asOf) => listMostRead({ asOf }), MOST_READ_MAX_SECONDS),
);

export interface HomeData {
  latest: SiteStory[];
  blocks: { section: SiteSection; stories: SiteStory[] }[];
}

export const getHomeData = cache(
  (): Promise<HomeData> =>
    cachedRead('home', [], [SITE_TAGS.latest], async (asOf) => ({
      latest: (await listSiteStories({ asOf, limit: 13 })).stories,
      // Enough per section to fill a block of three after leaving out the three featured stories.
      blocks: await latestBySection({ asOf, perSection: 6 }),
    })),
);

export interface Listing {
  stories: SiteStory[];
  total: number;
}

function listing(name: string, filter: StoryFilter, tags: string[], page: number): Promise<Listing> {
  return cachedRead(name, [filter, page], tags, (asOf) =>
    listSiteStories({ asOf, limit: LISTING_PAGE_SIZE, offset: pageOffset(page), ...filter }),
  );
}

export const getSection = cache(
  (slug: string): Promise<SiteSection | null> =>
    cachedRead('section', [slug], [SITE_TAGS.sections], () => findSectionBySlug(slug)),
);

export const getSectionListing = cache((sectionId: number, page: number) =>
  listing('section-listing', { sectionId }, [SITE_TAGS.section(sectionId)], page),
);

/** Whether a tag has visible stories changes with any story, so its lookup follows every change. */
export const getTag = cache((slug: string) =>
  cachedRead('tag', [slug], [SITE_TAGS.latest], (asOf) => findPublicTag(slug, asOf)),
);

export const getTagListing = cache((tagId: number, page: number) =>
  listing('tag-listing', { tagId }, [SITE_TAGS.tag(tagId)], page),
);

/**
 * A page of /corrections: corrections on stories readers can see, newest first. Refreshed by any
 * change to a corrected story (its footprint names SITE_TAGS.corrections), a new correction included.
 */
export const getCorrections = cache(
  (page: number): Promise<{ corrections: PublicCorrection[]; total: number }> =>
    cachedRead('corrections', [page], [SITE_TAGS.corrections], (asOf) => listPublicCorrections({ asOf, limit: LISTING_PAGE_SIZE, offset: pageOffset(page) })),
);

export const getAuthor = cache((id: number) =>
  cachedRead('author', [id], [SITE_TAGS.author(id)], (asOf) => findPublicAuthor(id, asOf)),
);

export const getAuthorListing = cache((authorId: number, page: number) =>
  listing('author-listing', { authorId }, [SITE_TAGS.author(authorId)], page),
);

/** An article page's lookup, tagged by the slug asked for so a 404 refreshes when the story appears. */
export const getArticle = cache((slug: string): Promise<SiteArticleLookup> => {
  const tag = slugTag(slug);
  return cachedRead('article', [slug], tag ? [tag] : [], (asOf) => findSiteArticle(slug, asOf));
});

export const getRelatedStories = cache((article: SiteArticle): Promise<SiteStory[]> => {
  const tagIds = article.tags.map((t) => t.id);
  return cachedRead(
    'related',
    [article.id, article.sectionId, tagIds],
    [SITE_TAGS.article(article.id), SITE_TAGS.section(article.sectionId), ...tagIds.map(SITE_TAGS.tag)],
    (asOf) => listRelatedStories({ asOf, articleId: article.id, sectionId: article.sectionId, tagIds, limit: 4 }),
  );
});

/**
 * Readers' search, in the site's time zone and judged at the render's instant like every other
 * read of the page. Not kept in the data cache: each query would be an entry of its own, written
 * to disk, and anyone can type endless queries. "Did you mean" keeps its own small memory.
 */
export async function searchSite(request: Omit<SearchRequest, 'timeZone' | 'asOf'>): Promise<SearchOutcome<PublicSearchHit>> {
  await connection();
  const { settings } = await getSiteChrome();
  return searchPublishedArticles({ ...request, timeZone: settings.timeZone, asOf: renderInstant() });
}

const FEED_SIZE = 30;

export function getFeedStories(sectionId?: number): Promise<SiteStory[]> {
  const tags = sectionId === undefined ? [SITE_TAGS.latest] : [SITE_TAGS.section(sectionId)];
  return cachedRead('feed', [sectionId ?? null], tags, async (asOf) => (await listSiteStories({ asOf, limit: FEED_SIZE, sectionId })).stories);
}

export function getSitemapData() {
  return cachedRead('sitemap', [], [SITE_TAGS.latest, SITE_TAGS.sections, SITE_TAGS.corrections], async (asOf) => ({
    ...(await readSitemapData(asOf, SITEMAP_MAX_URLS)),
    latestCorrection: await latestPublicCorrection(asOf),
  }));
}

const HOUR_MS = 3600_000;

/** How long a rendered Google News sitemap may be served: stories leave it this late at most. */
const NEWS_SITEMAP_MAX_SECONDS = 300;

/**
 * Stories for the Google News sitemap. Stories age out of its 48-hour window with time alone, so
 * the cached list is a superset from the start of the current hour's window and the builder
 * drops what has aged out at the moment of the render; the rendered sitemap itself is kept for
 * a few minutes only, so a story leaves it within that of turning 48 hours old.
 */
export function getNewsSitemapStories() {
  const hourStart = Math.floor(renderInstant().getTime() / HOUR_MS) * HOUR_MS;
  const since = new Date(hourStart - NEWS_SITEMAP_WINDOW_MS);
  return cachedRead(
    'news-sitemap',
    [since.toISOString()],
    [SITE_TAGS.latest],
    (asOf) => listStoriesSince({ asOf, since, limit: NEWS_SITEMAP_MAX_URLS + 100 }),
    NEWS_SITEMAP_MAX_SECONDS,
  );
}

/** The instant the current render judges visibility at (for builders that filter by time). */
export function renderTime(): Date {
  return renderInstant();
}

/** The site's cache as the content API reads through it (lib/server/api/v1/reads.ts). */
export const siteCache = { read: cachedSiteRead, lifetime: siteCacheLifetime };
