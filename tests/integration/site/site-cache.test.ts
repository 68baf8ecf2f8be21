import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

/*
 * The contract between the cached public reads (app/(site)/_lib/data.ts) and the refresh the
 * workflow calls (lib/server/public-cache.ts): after a change, every cached read whose result
 * showed the story — on any page, feed or sitemap — carries a tag that the refresh revalidates.
 * Next's cache functions are replaced by recorders; the reads and the refresh run for real
 * against the database.
 */

interface Recorded {
  keyParts: string[];
  tags: string[];
  revalidate: number | false | undefined;
}

const recorder = vi.hoisted(() => ({ reads: [] as Recorded[], revalidated: [] as { tag: string; profile: unknown }[] }));

vi.mock('next/cache', () => ({
  unstable_cache:
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>, keyParts: string[], options: { tags?: string[]; revalidate?: number | false }) =>
    (...args: A) => {
      recorder.reads.push({ keyParts, tags: options.tags ?? [], revalidate: options.revalidate });
      return fn(...args);
    },
  revalidateTag: (tag: string, profile: unknown) => {
    recorder.revalidated.push({ tag, profile });
  },
}));

import { closeConnection, type Connection } from '@/db/client';
import { articles, articleTags, tags as tagsTable } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import fixture from '@/db/seed-data/quds-day-article.json';
import { readPublicFootprint, type SiteStory } from '@/db/queries/site-stories';
import * as data from '@/app/(site)/_lib/data';
import { refreshPublicPages } from '@/lib/server/next/public-cache';
import { slugify } from '@/lib/arabic/slug';
import { driverName, freshDatabase } from '../helpers';

let connection: Connection;
let fixtureId: number;
const fixtureSlug = slugify(fixture.title);

beforeAll(async () => {
  connection = await freshDatabase();
  await seedDatabase(connection.db, { production: false });
  const [row] = await connection.db.select({ id: articles.id }).from(articles).where(eq(articles.slug, fixtureSlug));
  fixtureId = row!.id;
});
afterAll(() => closeConnection());
beforeEach(() => {
  recorder.reads.length = 0;
  recorder.revalidated.length = 0;
});

/** Runs one cached read and returns its result with the tags it was cached under. */
async function read<T>(run: () => Promise<T>): Promise<{ result: T; tags: string[]; revalidate: Recorded['revalidate']; keyParts: string[] }> {
  const before = recorder.reads.length;
  const result = await run();
  // The last recorded read is the page's own; earlier ones are the schedule window.
  const own = recorder.reads.slice(before).filter((r) => !r.keyParts.includes('schedule-window')).at(-1)!;
  return { result, tags: own.tags, revalidate: own.revalidate, keyParts: own.keyParts };
}

const mentions = (value: unknown) => JSON.stringify(value).includes(fixture.title) || JSON.stringify(value).includes(fixtureSlug);

/** Every public read, as the pages, feeds and sitemaps make them. */
async function everyRead() {
  const article = await data.getArticle(fixtureSlug);
  if (article.kind !== 'article') throw new Error('fixture story not visible');
  const { section, tags, authorId } = { section: article.article.sectionId, tags: article.article.tags, authorId: article.article.authorId };
  // Another story's page that lists the fixture story as related.
  const neighbour = (await data.getSectionListing(section, 1)).stories.find((s: SiteStory) => s.id !== fixtureId);
  const neighbourArticle = neighbour ? await data.getArticle(neighbour.slug) : null;
  return {
    home: await read(() => data.getHomeData()),
    article: await read(() => data.getArticle(fixtureSlug)),
    section: await read(() => data.getSectionListing(section, 1)),
    sectionFeed: await read(() => data.getFeedStories(section)),
    feed: await read(() => data.getFeedStories()),
    sitemap: await read(() => data.getSitemapData()),
    newsSitemap: await read(() => data.getNewsSitemapStories()),
    author: await read(() => data.getAuthorListing(authorId, 1)),
    authorLookup: await read(() => data.getAuthor(authorId)),
    ...Object.fromEntries(
      await Promise.all(
        tags.map(async (t) => [`tag ${t.name}`, await read(() => data.getTagListing(t.id, 1))] as const),
      ),
    ),
    ...Object.fromEntries(
      await Promise.all(tags.map(async (t) => [`tag lookup ${t.name}`, await read(() => data.getTag(t.slug))] as const)),
    ),
    ...(neighbourArticle?.kind === 'article'
      ? { related: await read(() => data.getRelatedStories((neighbourArticle as { kind: 'article'; article: Parameters<typeof data.getRelatedStories>[0] }).article)) }
      : {}),
  };
}

describe(`public cache refresh on ${driverName}`, () => {
  it('revalidates every cached read that showed a story when it is unpublished', async () => {
    const reads = await everyRead();
    const showing = Object.entries(reads).filter(([, r]) => mentions(r.result));
    // The story really is on all these pages before the change.
    expect(showing.map(([name]) => name)).toEqual(expect.arrayContaining(['home', 'article', 'section', 'sectionFeed', 'feed', 'sitemap', 'newsSitemap', 'author', 'related']));

    await connection.db.update(articles).set({ status: 'unpublished' }).where(eq(articles.id, fixtureId));
    const refreshed = await refreshPublicPages({ kind: 'article', articleId: fixtureId });

    expect(recorder.revalidated.map((r) => r.tag).sort()).toEqual([...refreshed].sort());
    // Expired, not merely marked stale: the next reader must not get the old page.
    for (const call of recorder.revalidated) expect(call.profile).toEqual({ expire: 0 });
    for (const [name, r] of showing) {
      expect(r.tags.filter((t) => refreshed.includes(t)), `${name} is refreshed`).not.toEqual([]);
    }

    // Read again: the story is gone.
    expect((await data.getArticle(fixtureSlug)).kind).toBe('missing');
    expect(mentions(await data.getHomeData())).toBe(false);
    expect(mentions(await data.getFeedStories())).toBe(false);
    expect(mentions(await data.getSitemapData())).toBe(false);

    await connection.db.update(articles).set({ status: 'published' }).where(eq(articles.id, fixtureId));
  });

  it('refreshes the pages a story leaves when its tags change while it is live', async () => {
    const before = await readPublicFootprint(fixtureId);
    const oldTagId = before!.tagIds[0]!;
    const oldTagPage = await read(() => data.getTagListing(oldTagId, 1));
    expect(mentions(oldTagPage.result)).toBe(true);

    const [newTag] = await connection.db.insert(tagsTable).values({ slug: 'وسم-جديد', name: 'وسم جديد' }).returning({ id: tagsTable.id });
    await connection.db.delete(articleTags).where(eq(articleTags.tagId, oldTagId));
    await connection.db.insert(articleTags).values({ articleId: fixtureId, tagId: newTag!.id });

    const withoutBefore = await refreshPublicPages({ kind: 'article', articleId: fixtureId });
    expect(oldTagPage.tags.filter((t) => withoutBefore.includes(t) && t.startsWith('site:tag:'))).toEqual([]);

    const refreshed = await refreshPublicPages({ kind: 'article', articleId: fixtureId, before });
    expect(oldTagPage.tags.filter((t) => refreshed.includes(t))).not.toEqual([]);
    const newTagPage = await read(() => data.getTagListing(newTag!.id, 1));
    expect(newTagPage.tags.filter((t) => refreshed.includes(t))).not.toEqual([]);
  });

  it('refreshes everything on a site-wide change, and every read carries the site-wide tag', async () => {
    const reads = await everyRead();
    const refreshed = await refreshPublicPages({ kind: 'site' });
    expect(refreshed).toEqual(['site:all']);
    for (const [name, r] of Object.entries(reads)) expect(r.tags, name).toContain('site:all');
    const chrome = await read(() => data.getSiteChrome());
    expect(chrome.tags).toEqual(expect.arrayContaining(['site:settings', 'site:sections', 'site:all']));
  });

  it('keys every read by the schedule epoch and never caches past the next schedule', async () => {
    const [scheduled] = await connection.db
      .select({ at: articles.scheduledFor })
      .from(articles)
      .where(eq(articles.status, 'scheduled'));
    const due = scheduled!.at!;
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(due.getTime() - 90_000));
      const early = await read(() => data.getHomeData());
      expect(early.revalidate).toBe(90);
      expect(mentions(early.result)).toBe(true);

      vi.setSystemTime(new Date(due.getTime() + 1000));
      const late = await read(() => data.getHomeData());
      expect(late.keyParts).not.toEqual(early.keyParts);
      expect(late.keyParts.at(-1)).toBe(due.toISOString());
    } finally {
      vi.useRealTimers();
    }
  });
});
