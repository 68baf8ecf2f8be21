import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { slugify } from '../lib/arabic/slug';
import { articlePath, sectionFeedPath, sectionPath } from '../lib/seo/paths';
import { expect, test } from './fixtures';
import { startApp, startVarnish, varnishUnavailable, type AppServer, type VarnishServer } from './processes';
import { deskAt, expectStatus, freshWithin, pressWorkflow, unique, writeApprovedStory } from './support';

/*
 * Varnish with deploy/varnish/midad.vcl in front of a production node (EDGE_CACHE=varnish): it
 * serves readers' pages from its own memory, keeps the HTML page and the client-navigation data
 * of one address apart, never caches the desk, and drops a page by surrogate key when the desk
 * changes it, so «نشر» and «إلغاء النشر» show through Varnish within a second. The test owns the
 * node and the Varnish and stops them by PID.
 */

test.describe.configure({ mode: 'serial' });

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100) + 40;
const SECTION = 'اقتصاد';
const VARNISH_TEST_MS = 600_000;

const DATABASE_DIR = path.join('.data', `varnish-${BASE_PORT}`);

let app: AppServer | undefined;
let varnish: VarnishServer | undefined;

test.beforeAll(async () => {
  const unavailable = varnishUnavailable();
  test.skip(unavailable !== null, unavailable ?? '');
  test.setTimeout(VARNISH_TEST_MS);
  const varnishPort = BASE_PORT + 1;
  app = await startApp(BASE_PORT, { pgliteDir: DATABASE_DIR }, true, {
    EDGE_CACHE: 'varnish',
    VARNISH_PURGE_URLS: `http://127.0.0.1:${varnishPort}`,
  });
  varnish = await startVarnish(varnishPort, BASE_PORT);
});

test.afterAll(async () => {
  test.setTimeout(VARNISH_TEST_MS);
  await varnish?.stop();
  await app?.stop();
  fs.rmSync(DATABASE_DIR, { recursive: true, force: true });
  fs.rmSync(`${DATABASE_DIR}.lock`, { force: true });
});

/** A GET through Varnish (or `from` another loopback address), with the headers it answered. */
function through(url: string, headers: Record<string, string> = {}, method = 'GET', localAddress?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, localAddress }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('Varnish serves public pages from its cache, keeps the navigation data apart, and never caches the desk', async () => {
  const v = varnish!.url;
  const section = sectionPath(SECTION);
  // The node names its keys; Varnish keeps them to itself.
  const direct = await through(`${app!.url}${section}`);
  expect(direct.headers.xkey).toMatch(/(^| )site:section:\d+( |$)/);

  for (const page of ['/', section, '/feed.xml']) {
    await through(`${v}${page}`);
    const again = await through(`${v}${page}`, { Cookie: 'authjs.session-token=someone' });
    expect(again.headers['x-cache'], page).toBe('HIT');
    expect(again.headers['cache-control'], page).toMatch(/^public, max-age=0, s-maxage=\d+/);
    expect(again.headers.xkey, page).toBeUndefined();
  }

  // The client-navigation data of the section page (asked for with `RSC: 1`, at the address Next
  // redirects such a request to) is a variant of its own: once both are cached, each request gets
  // its own, from the cache.
  const rsc = await through(`${v}${section}`, { RSC: '1' });
  const rscUrl = rsc.status === 307 ? new URL(rsc.headers.location!, v).toString() : `${v}${section}`;
  const variants = async () => {
    const [page, data] = [await through(`${v}${section}`), await through(rscUrl, { RSC: '1' })];
    return { page: [page.headers['x-cache'], page.headers['content-type']], data: [data.headers['x-cache'], data.headers['content-type']], vary: data.headers.vary };
  };
  await expect
    .poll(variants, { timeout: 15_000 })
    .toEqual({ page: ['HIT', 'text/html; charset=utf-8'], data: ['HIT', 'text/x-component'], vary: expect.stringMatching(/rsc/i) });

  // The desk and sign-in go to the node every time, however their address is written.
  for (const page of ['/login', '/desk', '/%64esk', '/DESK/stories']) {
    await through(`${v}${page}`);
    expect((await through(`${v}${page}`)).headers['x-cache'], page).toBe('MISS');
  }
});

test('only the configured addresses may purge', async () => {
  const v = varnish!.url;
  await through(`${v}/`);
  // 127.0.0.2 is this machine too, but not in the VCL's purgers list.
  const refused = await through(`${v}/`, { 'xkey-purge': 'site:all' }, 'PURGE', '127.0.0.2');
  expect(refused.status).toBe(403);
  expect((await through(`${v}/`)).headers['x-cache']).toBe('HIT');
  const allowed = await through(`${v}/`, { 'xkey-purge': 'site:all' }, 'PURGE');
  expect(allowed.status).toBe(200);
  expect((await through(`${v}/`)).headers['x-cache']).toBe('MISS');
});

test('«نشر» and «إلغاء النشر» purge the pages by key: through Varnish within a second', async ({ browser }) => {
  test.setTimeout(VARNISH_TEST_MS);
  const v = varnish!.url;
  const title = unique('خبر عبر الذاكرة الوسيطة');
  const publicPath = articlePath(slugify(title));
  const pages = ['/', sectionPath(SECTION), sectionFeedPath(SECTION), '/feed.xml'];

  const editor = await deskAt(browser, app!.url, 'editor');
  const reviewer = await deskAt(browser, app!.url, 'reviewer');
  await writeApprovedStory(editor, reviewer, { title, section: SECTION, text: 'نص الخبر كما يراه القراء عبر الذاكرة الوسيطة.' });

  const shows = async () => Promise.all([...pages, publicPath].map(async (page) => (await through(`${v}${page}`)).body.includes(title)));
  for (const page of [...pages, publicPath]) {
    await expect.poll(async () => (await through(`${v}${page}`)).headers['x-cache'], { message: page, timeout: 15_000 }).toBe('HIT');
  }
  expect(await shows()).toEqual([false, false, false, false, false]);

  await pressWorkflow(editor, 'نشر');
  await expectStatus(editor, 'منشور');
  await freshWithin(1_000, shows, [true, true, true, true, true]);
  for (const page of [...pages, publicPath]) {
    await expect.poll(async () => (await through(`${v}${page}`)).headers['x-cache'], { message: page, timeout: 15_000 }).toBe('HIT');
  }

  await editor.reload();
  await pressWorkflow(editor, 'إلغاء النشر');
  await freshWithin(1_000, shows, [false, false, false, false, false]);
  expect((await through(`${v}${publicPath}`)).status).toBe(404);
  await editor.context().close();
  await reviewer.context().close();
});
