import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/*
 * «الأكثر قراءة» (docs/decisions/0033): views counted through the beacon route and the view
 * counter, on a real database, as several app servers would count them — a reader once per story
 * per day, crawlers and prefetches never, only stories readers may see — and the list readers get,
 * its cache and the roll-up of old hours. Next's cache is replaced by a recorder; the reads and the
 * refresh after a takedown run for real.
 */

const recorder = vi.hoisted(() => ({ reads: [] as { keyParts: string[]; tags: string[]; revalidate: number | false | undefined }[], revalidated: [] as string[] }));

vi.mock('next/cache', () => ({
  unstable_cache:
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>, keyParts: string[], options: { tags?: string[]; revalidate?: number | false }) =>
    (...args: A) => {
      recorder.reads.push({ keyParts, tags: options.tags ?? [], revalidate: options.revalidate });
      return fn(...args);
    },
  revalidateTag: (tag: string) => {
    recorder.revalidated.push(tag);
  },
}));

import * as data from '@/app/(site)/_lib/data';
import { POST } from '@/app/api/views/route';
import { closeConnection, type Database } from '@/db/client';
import { listMostRead, recentViewCounts, rollUpViews, totalViews } from '@/db/queries/article-views';
import { articles, articleViewReaders, articleViewSalts, articleViewsDaily, articleViewsHourly, sections } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { paragraphsToDocument } from '@/lib/content/render';
import { createArticle } from '@/lib/server/articles/create-article';
import { setEmbargo } from '@/lib/server/articles/set-embargo';
import { transitionArticle } from '@/lib/server/articles/transition-article';
import { refreshPublicPages } from '@/lib/server/next/public-cache';
import type { Actor } from '@/lib/server/next/session';
import { viewCounter, ViewCounter } from '@/lib/server/views/view-counter';
import { dayStartBefore, utcDay } from '@/lib/views/counting';
import type { WorkflowAction } from '@/lib/workflow/transitions';
import { driverName, freshDatabase, signedInActor } from '../helpers';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

let db: Database;
let editor: Actor;
let reviewer: Actor;
let sectionId: number;

const version = async (id: number) => (await db.select({ v: articles.version }).from(articles).where(eq(articles.id, id)))[0]!.v;
const move = (actor: Actor, id: number, action: WorkflowAction) => version(id).then((v) => transitionArticle({ db, actor }, { articleId: id, action, expectedVersion: v }));

async function story(title: string, upTo: 'draft' | 'published' = 'published') {
  const created = (await createArticle({ db, actor: editor }, { fields: { title, summary: 'ملخص', sectionId, tags: [] }, body: paragraphsToDocument(['نص']) })).value;
  if (upTo === 'published') {
    await move(editor, created.id, 'submit');
    await move(reviewer, created.id, 'approve');
    await move(editor, created.id, 'publish');
  }
  return created;
}

/** A counter as one app server keeps it, on the test's database. */
const server = () => new ViewCounter(() => db, 3600);

const reader = (articleId: number, userAgent: string, at = new Date(), address = '203.0.113.7') => ({ articleId, address, userAgent, at });

/** A beacon as a browser posts it. */
function beacon(body: string, headers: Record<string, string> = {}) {
  return POST(new Request('http://localhost/api/views', { method: 'POST', body, headers: { 'user-agent': FIREFOX, 'sec-fetch-site': 'same-origin', ...headers } }));
}

const mostReadIds = async (asOf = new Date()) => (await listMostRead({ asOf }, db)).map((s) => s.id);

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await seedDatabase(db, { production: false });
  editor = await signedInActor(db, 'editor@midad.test', 'midad-editor-demo');
  reviewer = await signedInActor(db, 'reviewer@midad.test', 'midad-reviewer-demo');
  [{ id: sectionId }] = (await db.insert(sections).values({ slug: 'قسم-القراءات', name: 'قسم القراءات' }).returning({ id: sections.id })) as [{ id: number }];
});
afterAll(() => {
  viewCounter().stop();
  return closeConnection();
});

describe(`counting views on ${driverName}`, () => {
  it('counts a reader once per story per day, across servers, and again under the next day’s salt', async () => {
    const live = await story('خبر يُعدّ قرّاؤه');
    const [one, two] = [server(), server()];
    const now = new Date();
    await one.record(reader(live.id, FIREFOX, now));
    await one.record(reader(live.id, FIREFOX, new Date(now.getTime() + 1000)));
    expect(one.pending).toBe(1);
    expect(await one.flush()).toBe(1);
    // The same reader on another server the same day: the database knows them already.
    await two.record(reader(live.id, FIREFOX, now));
    expect(await two.flush()).toBe(0);
    expect(await totalViews(live.id, db)).toBe(1);
    // Another reader (another browser at the same address) counts.
    await two.record(reader(live.id, SAFARI, now));
    expect(await two.flush()).toBe(1);
    expect(await totalViews(live.id, db)).toBe(2);

    // The next day has a salt of its own, shared by both servers: the first reader counts again, once.
    const tomorrow = new Date(now.getTime() + DAY);
    await one.record(reader(live.id, FIREFOX, tomorrow));
    await two.record(reader(live.id, FIREFOX, tomorrow));
    expect((await one.flush()) + (await two.flush())).toBe(1);
    expect(await totalViews(live.id, db)).toBe(3);
    const salts = await db.select().from(articleViewSalts);
    expect(salts.map((s) => s.day).sort()).toEqual([utcDay(now), utcDay(tomorrow)]);
    expect(new Set(salts.map((s) => s.salt)).size).toBe(2);

    // Nothing stored names the reader: no address, no user agent.
    const stored = JSON.stringify(await db.select().from(articleViewReaders));
    expect(stored).not.toContain('203.0.113.7');
    expect(stored).not.toContain('Firefox');
  });

  it('answers beacons at once and counts readers only: not crawlers, prefetches or other sites', async () => {
    const live = await story('خبر تزوره الروبوتات');
    const body = JSON.stringify({ articleId: live.id });
    const ignored: Record<string, string>[] = [
      { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
      { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36' },
      { 'user-agent': 'curl/8.5.0' },
      { 'user-agent': '' },
      { 'next-router-prefetch': '1' },
      { purpose: 'prefetch' },
      { 'sec-purpose': 'prefetch;prerender' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of ignored) {
      const response = await beacon(body, headers);
      expect(response.status, JSON.stringify(headers)).toBe(204);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    await viewCounter().flush();
    expect(await totalViews(live.id, db)).toBe(0);

    expect((await beacon(body)).status).toBe(204);
    expect((await beacon(body, { 'user-agent': SAFARI })).status).toBe(204);
    await viewCounter().flush();
    expect(await totalViews(live.id, db)).toBe(2);
  });

  it('refuses a malformed beacon with a clear 400 and counts nothing', async () => {
    const live = await story('خبر بإشارات معطوبة');
    const bad = ['', 'not json', '[]', 'null', '{"articleId":"1"}', '{"articleId":0}', '{"articleId":1.5}', '{"articleId":99999999999}', `{"articleId":${live.id},"x":1}`, JSON.stringify({ articleId: live.id, pad: 'x'.repeat(300) })];
    for (const body of bad) {
      const response = await beacon(body);
      expect(response.status, body).toBe(400);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code, body).toMatch(/^BEACON_/);
      expect(error.message, body).toMatch(/إشارة القراءة/);
    }
    await viewCounter().flush();
    expect(await totalViews(live.id, db)).toBe(0);
    // A story that does not exist is accepted like any other and never counted.
    expect((await beacon(JSON.stringify({ articleId: 2_000_000_000 }))).status).toBe(204);
    await viewCounter().flush();
  });
});

describe(`«الأكثر قراءة» on ${driverName}`, () => {
  it('counts and lists only stories readers may see: never drafts, taken-down or embargoed stories', async () => {
    const draft = await story('مسودة لا تُقرأ', 'draft');
    const embargoed = await story('خبر محظور لم يحن وقته');
    await setEmbargo({ db, actor: editor }, { articleId: embargoed.id, expectedVersion: await version(embargoed.id), until: new Date(Date.now() + HOUR), note: 'بطلب من المصدر' });
    const popular = await story('خبر يقرؤه الجميع');
    const later = await story('خبر يُسحب بعد قراءته');
    const counter = server();
    for (const [i, ua] of [FIREFOX, SAFARI, 'Mozilla/5.0 Edg/140', 'Mozilla/5.0 OPR/120'].entries()) {
      for (const id of [draft.id, embargoed.id, popular.id]) await counter.record(reader(id, ua));
      if (i < 2) await counter.record(reader(later.id, ua));
    }
    await counter.flush();
    expect(await totalViews(draft.id, db)).toBe(0);
    expect(await totalViews(embargoed.id, db)).toBe(0);
    expect(await totalViews(popular.id, db)).toBe(4);
    expect(await totalViews(later.id, db)).toBe(2);

    const listed = await mostReadIds();
    expect(listed.indexOf(popular.id)).toBeLessThan(listed.indexOf(later.id));
    expect(listed).not.toContain(draft.id);
    expect(listed).not.toContain(embargoed.id);
    expect(listed.length).toBeLessThanOrEqual(5);

    // Taken down: gone from the list at once, views and all kept; put under embargo: gone too.
    await move(editor, later.id, 'unpublish');
    expect(await mostReadIds()).not.toContain(later.id);
    await setEmbargo({ db, actor: editor }, { articleId: popular.id, expectedVersion: await version(popular.id), until: new Date(Date.now() + HOUR), note: 'تصحيح قانوني' });
    expect(await mostReadIds()).not.toContain(popular.id);
    // Judged at the embargo's end, it is back.
    expect(await mostReadIds(new Date(Date.now() + 2 * HOUR))).toContain(popular.id);
    // Views older than 24 hours do not count.
    expect(await mostReadIds(new Date(Date.now() + 26 * HOUR))).not.toContain(popular.id);
    expect((await recentViewCounts([popular.id, later.id, draft.id], new Date(), db)).get(popular.id)).toBe(4);
  });

  it('is cached a minute at most under the latest stories’ tag, which a takedown refreshes', async () => {
    const live = await story('خبر في القائمة ثم خارجها');
    const counter = server();
    for (const ua of [FIREFOX, SAFARI, 'Mozilla/5.0 Edg/141', 'Mozilla/5.0 OPR/121', 'Mozilla/5.0 Vivaldi/7', 'Mozilla/5.0 YaBrowser/25']) {
      await counter.record(reader(live.id, ua));
    }
    await counter.flush();
    recorder.reads.length = 0;
    const listed = await data.getMostRead();
    expect(listed.map((s) => s.id)).toContain(live.id);
    const own = recorder.reads.filter((r) => r.keyParts.includes('most-read')).at(-1)!;
    expect(own.revalidate).toBeLessThanOrEqual(60);
    await move(editor, live.id, 'unpublish');
    const refreshed = await refreshPublicPages({ kind: 'article', articleId: live.id });
    expect(own.tags.filter((tag) => refreshed.includes(tag))).not.toEqual([]);
    expect((await listMostRead({ asOf: new Date() }, db)).map((s) => s.id)).not.toContain(live.id);
  });

  it('folds hours older than a week into daily totals, once, keeping every story’s total', async () => {
    const old = await story('خبر من الأسبوع الماضي');
    const now = new Date();
    const cut = dayStartBefore(now, 7);
    const hours = [cut.getTime() - 30 * HOUR, cut.getTime() - 29 * HOUR, cut.getTime() - 2 * HOUR, cut.getTime() + 3 * HOUR];
    await db.insert(articleViewsHourly).values(hours.map((h, i) => ({ articleId: old.id, hour: new Date(h), views: i + 1 })));
    const yesterday = utcDay(new Date(now.getTime() - DAY));
    await db.insert(articleViewSalts).values({ day: yesterday, salt: 'ملح الأمس' });
    await db.insert(articleViewReaders).values({ day: yesterday, articleId: old.id, readerDigest: 'قارئ الأمس' });
    const before = await totalViews(old.id, db);
    expect(before).toBe(10);
    // Two servers rolling up at once count each hour once.
    const folded = await Promise.all([rollUpViews(cut, utcDay(now), db), rollUpViews(cut, utcDay(now), db)]);
    expect(folded[0] + folded[1]).toBeGreaterThanOrEqual(3);
    expect(await totalViews(old.id, db)).toBe(before);
    const daily = await db.select({ day: articleViewsDaily.day, views: articleViewsDaily.views }).from(articleViewsDaily).where(eq(articleViewsDaily.articleId, old.id)).orderBy(articleViewsDaily.day);
    expect(daily).toEqual([
      { day: utcDay(new Date(cut.getTime() - 30 * HOUR)), views: 3 },
      { day: utcDay(new Date(cut.getTime() - 2 * HOUR)), views: 3 },
    ]);
    const [left] = await db.select({ n: sql<number>`count(*)::integer` }).from(articleViewsHourly).where(eq(articleViewsHourly.articleId, old.id));
    expect(left!.n).toBe(1);
    // Past days' readers and salts are forgotten with the roll-up.
    const [{ n: pastReaders }] = (await db.select({ n: sql<number>`count(*)::integer` }).from(articleViewReaders).where(sql`${articleViewReaders.day} < ${utcDay(now)}`)) as [{ n: number }];
    expect(pastReaders).toBe(0);
    expect((await db.select().from(articleViewSalts)).every((s) => s.day >= utcDay(now))).toBe(true);
  });
});
