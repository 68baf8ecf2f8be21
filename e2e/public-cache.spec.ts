import type { APIRequestContext } from '@playwright/test';
import { sectionFeedPath, sectionPath } from '../lib/seo/paths';
import { expect, test } from './fixtures';
import { expectStatus, freshWithin, pressWorkflow, unique } from './support';

/*
 * Every public page is kept whole in Next's cache — listings, feeds and sitemaps as well as
 * articles — and still changes within a second of «نشر» and «إلغاء النشر», because the desk
 * refreshes exactly the tags of the pages a story shows on. The responses say so to HTTP caches:
 * public, with the time left, never private. Desk, sign-in and search results stay uncached, and
 * a refused request is never kept for readers.
 */

const SECTION = 'سياسة';
const SECTION_SLUG = 'سياسة';

/** The listings, feeds and sitemaps a new story in SECTION shows on. */
const LISTINGS = ['/', sectionPath(SECTION_SLUG), `${sectionPath(SECTION_SLUG)}?page=1`, '/feed.xml', sectionFeedPath(SECTION_SLUG), '/sitemap.xml', '/news-sitemap.xml'];

const XML_DOCUMENTS = ['/feed.xml', sectionFeedPath(SECTION_SLUG), '/sitemap.xml', '/news-sitemap.xml'];

const PUBLIC_CACHE_CONTROL = /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/;

/** Asks for each page until Next answers from its cache, so a later change is seen through it. */
async function expectCached(request: APIRequestContext, paths: readonly string[]) {
  for (const path of paths) {
    await expect.poll(async () => (await request.get(path)).headers()['x-nextjs-cache'], { message: path, timeout: 15_000 }).toBe('HIT');
  }
}

/** Which of `paths` show the story: by its title, or by its address (the sitemap lists only that). */
async function pagesMentioning(request: APIRequestContext, paths: readonly string[], story: { title: string; publicPath: string }): Promise<string[]> {
  const bodies = await Promise.all(paths.map(async (path) => ({ path, body: await (await request.get(path)).text() })));
  return bodies.filter(({ body }) => body.includes(story.title) || body.includes(story.publicPath)).map(({ path }) => path);
}

test('listings, feeds and sitemaps served from the cache show «نشر» and «إلغاء النشر» within a second', async ({ createDraft, editorPage: editor, reviewerPage: reviewer, request }) => {
  test.setTimeout(180_000);
  const story = await createDraft({ title: unique('خبر القوائم المخزنة'), section: SECTION });
  const { deskPath, publicPath } = story;
  await editor.goto(deskPath);
  await pressWorkflow(editor, 'إرسال للمراجعة');
  await reviewer.goto(deskPath);
  await pressWorkflow(reviewer, 'اعتماد');
  await editor.reload();

  await expectCached(request, LISTINGS);
  expect(await pagesMentioning(request, LISTINGS, story)).toEqual([]);

  await pressWorkflow(editor, 'نشر');
  await expectStatus(editor, 'منشور');
  // The refresh has just emptied the feeds' and sitemaps' entries: a POST is now the request that
  // renders them, and Next answers it 405. That answer must not become what readers get next.
  for (const path of XML_DOCUMENTS) expect((await request.post(path, { failOnStatusCode: false })).status(), path).toBe(405);
  await freshWithin(1_000, () => pagesMentioning(request, LISTINGS, story), LISTINGS);

  // The author's page too, now that the story names its author's page.
  const authorPath = /href="(\/authors\/\d+)"/.exec(await (await request.get(publicPath)).text())?.[1];
  expect(authorPath).toBeTruthy();
  const everywhere = [...LISTINGS, authorPath!, publicPath];
  await expectCached(request, everywhere);
  expect(await pagesMentioning(request, everywhere, story)).toEqual(everywhere);

  await editor.reload();
  await pressWorkflow(editor, 'إلغاء النشر');
  await freshWithin(1_000, () => pagesMentioning(request, everywhere, story), []);
  expect((await request.get(publicPath)).status()).toBe(404);
});

test('public pages tell HTTP caches they may keep them; desk, sign-in and search results are private', async ({ request }) => {
  const pages = [...LISTINGS, '/tags/no-such-tag', '/sections/no-such-section'];
  await expectCached(request, pages);
  for (const path of pages) {
    const headers = (await request.get(path)).headers();
    expect(headers['cache-control'], path).toMatch(PUBLIC_CACHE_CONTROL);
    expect(headers['set-cookie'], path).toBeUndefined();
  }
  // What is left of a page's lifetime, never more: the count goes down, it does not start again.
  const lifetime = (value: string) => Number(/s-maxage=(\d+)/.exec(value)![1]);
  expect(lifetime((await request.get('/')).headers()['cache-control']!)).toBeLessThanOrEqual(3600);

  for (const path of ['/login', '/search?q=%D8%BA%D8%B2%D8%A9']) {
    const headers = (await request.get(path, { maxRedirects: 0 })).headers();
    expect(headers['cache-control'], path).toMatch(/private|no-store/);
    expect(headers['x-nextjs-cache'], path).toBeUndefined();
  }
  const desk = await request.get('/desk', { maxRedirects: 0 });
  expect(desk.headers()['cache-control'] ?? '').not.toContain('public');
});
