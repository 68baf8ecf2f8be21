import { slugify } from '../lib/arabic/slug';
import { articlePath, sectionFeedPath, sectionPath } from '../lib/seo/paths';
import { clusterUnavailable, startCluster, type Cluster } from './cluster';
import { expect, test } from './fixtures';
import { deskAt, editorBox, expectStatus, freshWithin, pressWorkflow, unique, writeApprovedStory } from './support';

/*
 * The whole deployment on one machine (e2e/cluster.ts, what `npm run cluster` starts): a
 * PostgreSQL primary and its streaming replica, Redis, an S3 service, two nodes and Varnish in
 * front of both. «نشر» pressed on node A reaches readers through node B and through Varnish within
 * a second on every page that lists the story, «إلغاء النشر» takes it off them as fast, an image
 * uploaded through node A is served through node B, and with Redis stopped every page is still
 * right. The test owns every process and stops it by PID.
 */

test.describe.configure({ mode: 'serial' });

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100) + 80;
const SECTION = 'ثقافة';
/** Two PostgreSQL servers, Redis, two nodes, Varnish and a browser take minutes on a busy 2-core machine. */
const CLUSTER_TEST_MS = 600_000;

let cluster: Cluster | undefined;
let story: { title: string; deskPath: string; publicPath: string } | undefined;

test.beforeAll(async () => {
  const unavailable = clusterUnavailable();
  test.skip(unavailable !== null, unavailable ?? '');
  test.setTimeout(CLUSTER_TEST_MS);
  cluster = await startCluster(BASE_PORT);
});

test.afterAll(async () => {
  test.setTimeout(CLUSTER_TEST_MS);
  await cluster?.stop();
});

async function get(origin: string, path: string) {
  const response = await fetch(`${origin}${path}`, { redirect: 'manual' });
  return { status: response.status, cache: response.headers.get('x-cache'), body: await response.text() };
}

/** The pages that list or find a story, and the story's own page. */
function readerPages(title: string, publicPath: string) {
  return {
    listings: ['/', sectionPath(SECTION), sectionFeedPath(SECTION), '/feed.xml', '/sitemap.xml', `/search?q=${encodeURIComponent(title)}`],
    article: publicPath,
  };
}

/**
 * What readers get from `origin` (Varnish or a node): whether each listing links to the story (by
 * its address: the search page repeats the title it was asked for), and the article's status.
 */
async function readersSee(origin: string, title: string, publicPath: string) {
  const { listings, article } = readerPages(title, publicPath);
  const [status, ...has] = await Promise.all([
    get(origin, article).then((answer) => answer.status),
    ...listings.map(async (path) => (await get(origin, path)).body.includes(publicPath)),
  ]);
  return { listings: has as boolean[], article: status as number };
}

const everywhere = (listings: boolean, article: number) => ({ listings: readerPages('', '').listings.map(() => listings), article });

test('«نشر» on node A is on node B and through Varnish within a second, and «إلغاء النشر» takes it off as fast', async ({ browser }) => {
  test.setTimeout(CLUSTER_TEST_MS);
  const [a, b] = cluster!.nodes;
  const v = cluster!.varnish.url;
  const title = unique('معرض الخط العربي في العاصمة');
  const publicPath = articlePath(slugify(title));

  const editor = await deskAt(browser, a.url, 'editor');
  const reviewer = await deskAt(browser, b.url, 'reviewer');
  const text = 'افتتح المعرض أبوابه للزوار صباح اليوم، ويضم أعمال خطاطين من عشرين بلدًا.';
  const deskPath = await writeApprovedStory(editor, reviewer, { title, section: SECTION, text });

  // Before: every page cached in Varnish without the story (the search page is never cached).
  const { listings, article } = readerPages(title, publicPath);
  for (const path of [...listings.slice(0, -1), article]) {
    await expect.poll(async () => (await get(v, path)).cache, { message: path, timeout: 15_000 }).toBe('HIT');
  }
  expect(await readersSee(v, title, publicPath)).toEqual(everywhere(false, 404));
  expect(await readersSee(b.url, title, publicPath)).toEqual(everywhere(false, 404));

  await pressWorkflow(editor, 'نشر');
  await expectStatus(editor, 'منشور');
  const both = async () => {
    const [varnish, nodeB] = await Promise.all([readersSee(v, title, publicPath), readersSee(b.url, title, publicPath)]);
    return { varnish, nodeB };
  };
  await freshWithin(1_000, both, { varnish: everywhere(true, 200), nodeB: everywhere(true, 200) });

  await editor.reload();
  await pressWorkflow(editor, 'إلغاء النشر');
  await freshWithin(1_000, both, { varnish: everywhere(false, 404), nodeB: everywhere(false, 404) });
  story = { title, deskPath, publicPath };
  await editor.context().close();
  await reviewer.context().close();
});

test('an image uploaded through node A is served through node B and through Varnish', async ({ browser }) => {
  test.setTimeout(CLUSTER_TEST_MS);
  const [a, b] = cluster!.nodes;
  const sharp = (await import('sharp')).default;
  const png = await sharp({ create: { width: 1000, height: 600, channels: 3, background: { r: 150, g: 60, b: 40 } } }).png().toBuffer();
  const alt = 'لوحة بخط الثلث في المعرض';

  const editor = await deskAt(browser, a.url, 'editor');
  await editor.goto('/desk/articles/new');
  await editor.getByLabel('العنوان', { exact: true }).fill(unique('صور من معرض الخط'));
  await editor.getByLabel('القسم').selectOption({ label: SECTION });
  await editorBox(editor).click();
  await editor.keyboard.insertText('فقرة قبل الصورة.');
  await editor.getByRole('button', { name: /^صورة/ }).click();
  const picker = editor.getByRole('dialog', { name: 'رفع صورة' });
  await picker.getByLabel('ملف الصورة').setInputFiles({ name: 'thuluth.png', mimeType: 'image/png', buffer: png });
  await picker.getByLabel('النص البديل').fill(alt);
  await picker.getByRole('button', { name: 'إدراج الصورة' }).click();
  await expect(picker).toHaveCount(0);
  const src = (await editorBox(editor).getByRole('img', { name: alt }).getAttribute('src'))!;
  expect(src).toMatch(/^\/media\/[0-9a-f]{32}$/);

  const fromA = Buffer.from(await (await fetch(`${a.url}${src}`)).arrayBuffer());
  for (const origin of [b.url, cluster!.varnish.url]) {
    const response = await fetch(`${origin}${src}`);
    expect(response.status, origin).toBe(200);
    expect(response.headers.get('content-type'), origin).toBe('image/webp');
    expect(Buffer.from(await response.arrayBuffer()).equals(fromA), origin).toBe(true);
  }
  expect((await sharp(fromA).metadata()).width).toBe(1000);
  await editor.context().close();
});

test('with Redis stopped, every page through either node and Varnish is still right', async ({ browser }) => {
  test.setTimeout(CLUSTER_TEST_MS);
  test.skip(!story, 'needs the story of the test before');
  const { title, deskPath, publicPath } = story!;
  const [a, b] = cluster!.nodes;
  const v = cluster!.varnish.url;

  await cluster!.redis.kill();
  for (const origin of [a.url, b.url, v]) expect(await readersSee(origin, title, publicPath), origin).toEqual(everywhere(false, 404));

  // Back through review and published again, with no shared cache: readers everywhere get it.
  const editor = await deskAt(browser, a.url, 'editor');
  await editor.goto(deskPath);
  await pressWorkflow(editor, 'إرسال للمراجعة');
  const reviewer = await deskAt(browser, b.url, 'reviewer');
  await reviewer.goto(deskPath);
  await pressWorkflow(reviewer, 'اعتماد');
  await editor.reload();
  await pressWorkflow(editor, 'نشر');
  await expectStatus(editor, 'منشور');
  const readers = () => Promise.all([a.url, b.url, v].map((origin) => readersSee(origin, title, publicPath)));
  await freshWithin(1_000, readers, [everywhere(true, 200), everywhere(true, 200), everywhere(true, 200)]);
  await editor.context().close();
  await reviewer.context().close();
});
