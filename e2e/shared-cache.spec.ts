import { slugify } from '../lib/arabic/slug';
import { articlePath, sectionPath } from '../lib/seo/paths';
import { expect, test } from './fixtures';
import { createPostgres, postgresUnavailable, redisUnavailable, startApp, startRedis, type AppServer, type PostgresServer, type RedisServer } from './processes';
import { deskAt, expectStatus, freshWithin, pressWorkflow, unique, writeApprovedStory } from './support';

/*
 * Many nodes, one cache: two `next start` processes of the same build on one PostgreSQL database
 * share Next's cache through a Redis server (REDIS_URL). A page one node rendered is served by the
 * other from Redis, a change made through one node is on the other's pages within a second, and
 * without Redis both render every page afresh — correct, never stale, never an error. The test
 * owns its PostgreSQL server, its Redis server and both nodes, and stops them by PID.
 */

test.describe.configure({ mode: 'serial' });

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100) + 30;
const SECTION = 'فلسطين';
/** Starting a database, Redis, two servers and a browser takes minutes on a busy 2-core machine. */
const SHARED_TEST_MS = 600_000;

let pg: PostgresServer | undefined;
let redis: RedisServer | undefined;
let nodeA: AppServer | undefined;
let nodeB: AppServer | undefined;
let story: { title: string; deskPath: string; publicPath: string } | undefined;

test.beforeAll(async () => {
  const unavailable = postgresUnavailable() ?? redisUnavailable();
  test.skip(unavailable !== null, unavailable ?? '');
  test.setTimeout(SHARED_TEST_MS);
  pg = createPostgres(BASE_PORT);
  redis = await startRedis(BASE_PORT + 1);
  const database = { databaseUrl: pg.databaseUrl };
  nodeA = await startApp(BASE_PORT + 2, database, true, { REDIS_URL: redis.url });
  nodeB = await startApp(BASE_PORT + 3, database, false, { REDIS_URL: redis.url });
});

test.afterAll(async () => {
  test.setTimeout(SHARED_TEST_MS);
  await nodeA?.stop();
  await nodeB?.stop();
  await redis?.kill();
  pg?.destroy();
});

async function get(app: AppServer, path: string) {
  const response = await fetch(`${app.url}${path}`, { redirect: 'manual' });
  return { status: response.status, cache: response.headers.get('x-nextjs-cache'), body: await response.text() };
}

/** Whether each page shows the story, as one node answers. */
async function showsStory(app: AppServer, paths: readonly string[], title: string) {
  return Promise.all(paths.map(async (path) => (await get(app, path)).body.includes(title)));
}

test('a page one node rendered is served by the other from Redis, and «نشر» through one node is on the other within a second', async ({ browser }) => {
  test.setTimeout(SHARED_TEST_MS);
  const a = nodeA!;
  const b = nodeB!;
  const title = unique('خبر من العقدة الأولى');
  const publicPath = articlePath(slugify(title));
  const listings = ['/', sectionPath(SECTION), '/feed.xml'];

  // Node B renders the home page; node A's very first request for it is served from Redis.
  expect((await get(b, '/')).cache).toBe('MISS');
  expect((await get(a, '/')).cache).toBe('HIT');

  const editor = await deskAt(browser, a.url, 'editor');
  const reviewer = await deskAt(browser, a.url, 'reviewer');
  const deskPath = await writeApprovedStory(editor, reviewer, { title, section: SECTION, text: 'نص الخبر كما نشرته العقدة الأولى.' });

  // Everything node B will be asked for is in the shared cache, without the story.
  for (const path of [...listings, publicPath]) {
    await expect.poll(async () => (await get(b, path)).cache, { message: path, timeout: 15_000 }).toBe('HIT');
  }
  expect(await showsStory(b, listings, title)).toEqual(listings.map(() => false));
  expect((await get(b, publicPath)).status).toBe(404);

  await pressWorkflow(editor, 'نشر');
  await expectStatus(editor, 'منشور');
  await freshWithin(1_000, async () => ({ listings: await showsStory(b, listings, title), article: (await get(b, publicPath)).status }), { listings: listings.map(() => true), article: 200 });
  story = { title, deskPath, publicPath };
  await editor.context().close();
  await reviewer.context().close();
});

test('without Redis both nodes render every page afresh: correct, never stale, never an error', async ({ browser }) => {
  test.setTimeout(SHARED_TEST_MS);
  test.skip(!story, 'needs the story published by the test before');
  const { title, deskPath, publicPath } = story!;
  const a = nodeA!;
  const b = nodeB!;
  const pages = ['/', sectionPath(SECTION), '/feed.xml', '/sitemap.xml', publicPath];

  await redis!.kill();
  for (const app of [a, b]) {
    for (const path of pages) {
      const answer = await get(app, path);
      expect(answer.status, `${app.url}${path}`).toBe(200);
      expect(answer.body.includes(title) || answer.body.includes(publicPath), `${app.url}${path}`).toBe(true);
    }
  }

  // «إلغاء النشر» through node A while Redis is down: gone from node B's pages at once.
  const editor = await deskAt(browser, a.url, 'editor');
  await editor.goto(deskPath);
  await pressWorkflow(editor, 'إلغاء النشر');
  await freshWithin(1_000, async () => ({ listings: await showsStory(b, pages.slice(0, 3), title), article: (await get(b, publicPath)).status }), { listings: [false, false, false], article: 404 });
  for (const app of [a, b]) {
    for (const path of pages.slice(0, 4)) expect((await get(app, path)).status, `${app.url}${path}`).toBe(200);
  }
  await editor.context().close();
});
