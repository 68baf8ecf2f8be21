/**
 * Cache tags of the public site, and the timing rule that keeps cached pages from outliving a
 * schedule. Pure: the cached readers (app/(site)/_lib) attach these tags, and the refresh that
 * the editorial workflow calls (lib/server/public-cache.ts) revalidates them, so both sides are
 * derived from one list and cannot drift apart. Ids, not slugs, name sections, tags and
 * authors, so a renamed slug does not orphan a cache entry; an article's slug has a tag of its
 * own because a page for a not-yet-visible slug (a 404) must refresh when the story appears.
 */

const PREFIX = 'site:';

export const SITE_TAGS = {
  /** Everything public: a site-wide refresh (settings, section names, a renamed author). */
  all: `${PREFIX}all`,
  settings: `${PREFIX}settings`,
  sections: `${PREFIX}sections`,
  /** Listings of every story regardless of filter: home, /feed.xml, the sitemaps. */
  latest: `${PREFIX}latest`,
  /** The corrections page (/corrections): refreshed by any change to a story that carries a correction. */
  corrections: `${PREFIX}corrections`,
  /** Known schedule times, which decide when cached listings stop being valid. */
  schedule: `${PREFIX}schedule`,
  article: (id: number) => `${PREFIX}article:${id}`,
  /** Lookups of /articles/<slug>: answers for that slug, including 404s and redirects from old slugs. */
  slug: (slug: string) => `${PREFIX}slug:${slug}`,
  section: (id: number) => `${PREFIX}section:${id}`,
  tag: (id: number) => `${PREFIX}tag:${id}`,
  author: (id: number) => `${PREFIX}author:${id}`,
} as const;

/** Next drops tags longer than this; a slug that long cannot exist, so its lookup is not tagged. */
const MAX_TAG_LENGTH = 256;

export function slugTag(slug: string): string | null {
  const tag = SITE_TAGS.slug(slug);
  return tag.length <= MAX_TAG_LENGTH ? tag : null;
}

/** Where a story shows up publicly: what a change to it can affect. */
export interface PublicFootprint {
  articleId: number;
  /** Current slug and any earlier slugs that redirect to it. */
  slugs: string[];
  sectionId: number;
  tagIds: number[];
  authorId: number;
  /** The story carries a public correction, so it is on the corrections page while readers see it. */
  hasCorrections?: boolean;
}

/**
 * Every tag to revalidate when a story changes. Pass the footprint from before the change too
 * when slug, section, tags or author may have changed, so the pages it used to appear on are
 * refreshed as well as the new ones.
 */
export function tagsForArticleChange(...footprints: (PublicFootprint | null | undefined)[]): string[] {
  const tags = new Set<string>([SITE_TAGS.latest, SITE_TAGS.schedule]);
  for (const footprint of footprints) {
    if (!footprint) continue;
    tags.add(SITE_TAGS.article(footprint.articleId));
    for (const slug of footprint.slugs) {
      const tag = slugTag(slug);
      if (tag) tags.add(tag);
    }
    tags.add(SITE_TAGS.section(footprint.sectionId));
    for (const tagId of footprint.tagIds) tags.add(SITE_TAGS.tag(tagId));
    tags.add(SITE_TAGS.author(footprint.authorId));
    // A new correction, or a takedown, title or slug change of a corrected story, changes the page.
    if (footprint.hasCorrections) tags.add(SITE_TAGS.corrections);
  }
  return [...tags];
}

/** Schedule times as last read from the database (ISO strings: the cache stores JSON). */
export interface ScheduleWindow {
  /** The latest schedule time that had already come when the window was read. */
  lastDue: string | null;
  /** Schedule times still ahead when the window was read, earliest first. */
  upcoming: string[];
}

/** Upper bound on any public cache entry: changes made outside the workflow surface within this. */
export const MAX_CACHE_SECONDS = 3600;

export interface CacheTiming {
  /**
   * Names the set of scheduled stories that are visible at `now`. It changes exactly when a
   * schedule time passes, so a cache key that includes it can never return a listing computed
   * before a story became due.
   */
  epoch: string;
  /** Seconds a cache entry made now may live: never past the next schedule time. */
  lifetime: number;
}

export function cacheTiming(window: ScheduleWindow, now: Date, maxSeconds: number = MAX_CACHE_SECONDS): CacheTiming {
  const at = now.getTime();
  let epoch = window.lastDue;
  let next: number | null = null;
  for (const iso of window.upcoming) {
    const time = Date.parse(iso);
    if (time <= at) {
      if (epoch === null || Date.parse(epoch) < time) epoch = iso;
    } else if (next === null || time < next) {
      next = time;
    }
  }
  // Whole seconds (Cache-Control takes no fractions), rounded down so an entry expires at or
  // before the schedule; Next refuses a lifetime of 0, so the last second before it rounds up to 1.
  const untilNext = next === null ? maxSeconds : Math.floor((next - at) / 1000);
  return { epoch: epoch ?? 'none', lifetime: Math.max(1, Math.min(maxSeconds, untilNext)) };
}
