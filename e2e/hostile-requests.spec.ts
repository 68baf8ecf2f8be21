import http from 'node:http';
import net from 'node:net';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import sharp from 'sharp';
import { configFrom } from '../lib/config/server';
import { siteOrigin } from '../lib/seo/site-url';
import { expect, test, type Role } from './fixtures';
import { actionId, DEMO, pressWorkflow, signInAs } from './support';

/**
 * Requests a browser would never send: server actions and route handlers called over HTTP by
 * people whose role forbids them, posts from other sites, and headers crafted to poison what the
 * public cache hands to readers. The safe outcome is checked on the wire and in what admins and
 * readers see afterwards.
 */

/**
 * Calls a server action the way Next's client does: its id in `Next-Action`, the arguments in
 * React's reply encoding (a JSON array; a FormData argument travels as multipart fields `_1_<name>`).
 */
async function callAction(
  request: APIRequestContext,
  name: string,
  args: { json: unknown[] } | { form: Record<string, string> },
  options: { origin?: string | null; path?: string } = {},
) {
  const origin = options.origin === undefined ? baseOrigin() : options.origin;
  const headers: Record<string, string> = { 'Next-Action': actionId(name), Accept: 'text/x-component' };
  if (origin) headers.Origin = origin;
  const response =
    'json' in args
      ? await request.post(options.path ?? '/desk', { headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' }, data: JSON.stringify(args.json), maxRedirects: 0 })
      : await request.post(options.path ?? '/desk', {
          headers,
          multipart: replyForm(args.form),
          maxRedirects: 0,
        });
  return { status: response.status(), body: await response.text() };
}

/**
 * (null, formData) as the client encodes it: the form's fields first, prefixed with the reference,
 * then the root row pointing at them. The server reads the parts as a stream, in this order.
 */
function replyForm(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(`_1_${name}`, value);
  data.append('0', JSON.stringify([null, '$K1']));
  return data;
}

let baseURLValue = '';
const baseOrigin = () => new URL(baseURLValue).origin;

/** A desk tab of `role` (from the stored session), with the request context that carries its cookie. */
async function signedInRequest(openDesk: (role: Role) => Promise<Page>, role: Role) {
  const page = await openDesk(role);
  return { context: page.context(), request: page.context().request, page };
}

/** A server action's coded refusal, found in its RSC answer. */
function expectRefused(answer: { status: number; body: string }, code: 'UNAUTHENTICATED' | 'FORBIDDEN') {
  expect(answer.status).toBe(200);
  expect(answer.body).toContain(`"error":"${code}"`);
  expect(answer.body).not.toContain('"ok":true');
}

/**
 * A request context holding a session cookie that was valid once: the person signed out, so the
 * cookie still passes the desk's redirect but names a session the server has ended. This is the
 * anonymous caller who reaches the actions themselves. It signs in through the form, in a context
 * of its own, so the sign-out ends no session another test uses.
 */
async function revokedSession(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, 'editor');
  const state = await context.storageState();
  await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
  await expect(page).toHaveURL(/\/login/);
  await context.close();
  const stale = await browser.newContext({ storageState: state });
  return { context: stale, request: stale.request };
}

/** What an admin sees on a desk page (the HTML itself streams its parts in varying order). */
async function shownText(page: Page, path: string): Promise<string> {
  await page.goto(path);
  // The text, and the value each field holds (a role shown as a selected option, say).
  return page.locator('main').evaluate((main) => {
    const fields = [...main.querySelectorAll('input, select, textarea')].map((field) =>
      field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio') ? String(field.checked) : (field as HTMLInputElement).value,
    );
    return `${(main as HTMLElement).innerText}\n${fields.join('\n')}`;
  });
}

/** Ids of the seeded stories an admin sees in the desk: one in review, one draft. */
async function storyIds(request: APIRequestContext) {
  const review = await (await request.get('/desk/review')).text();
  const inReview = Number(/href="\/desk\/articles\/(\d+)"/.exec(review)?.[1]);
  const desk = await (await request.get('/desk')).text();
  const ids = [...desk.matchAll(/href="\/desk\/articles\/(\d+)"/g)].map((m) => Number(m[1]));
  return { inReview, any: ids };
}

test.beforeEach(({ baseURL }) => {
  baseURLValue = baseURL!;
});

test('server actions called over HTTP without the right role are refused and change nothing', async ({ browser, openDesk, playwright, baseURL }) => {
  test.setTimeout(90_000);
  const admin = await signedInRequest(openDesk, 'admin');
  const reviewer = await signedInRequest(openDesk, 'reviewer');
  const editor = await signedInRequest(openDesk, 'editor');
  const stale = await revokedSession(browser);
  const anonymous = stale.request;
  const cookieless = await playwright.request.newContext({ baseURL });
  const { inReview } = await storyIds(admin.request);
  expect(inReview).toBeGreaterThan(0);

  const usersBefore = await shownText(admin.page, '/desk/users');
  const sectionsBefore = await shownText(admin.page, '/desk/sections');

  const adminOnly: [string, Record<string, string>][] = [
    ['createSectionAction', { name: 'قسم دخيل', slug: 'qism-dakhil' }],
    ['updateSettingsAction', { siteName: 'موقع مخترق', siteDescription: 'x', timeZone: 'UTC', digits: 'latn' }],
    ['createUserAction', { email: 'intruder@evil.example', name: 'دخيل', role: 'admin', password: 'a-long-enough-password' }],
    ['changeRoleAction', { userId: '1', role: 'reviewer' }],
    ['setActiveAction', { userId: '1', active: 'false' }],
    ['resetPasswordAction', { userId: '1', password: 'a-password-of-my-choosing' }],
  ];
  for (const [name, form] of adminOnly) {
    // Without any cookie the desk answers with the sign-in redirect, and elsewhere no action runs.
    const bare = await callAction(cookieless, name, { form });
    expect(bare.status).toBe(307);
    for (const elsewhere of ['/', '/login']) expect((await callAction(cookieless, name, { form }, { path: elsewhere })).body).not.toContain('"ok"');
    expectRefused(await callAction(anonymous, name, { form }), 'UNAUTHENTICATED');
    expectRefused(await callAction(reviewer.request, name, { form }), 'FORBIDDEN');
    expectRefused(await callAction(editor.request, name, { form }), 'FORBIDDEN');
  }

  // The workflow: an editor may not approve, a reviewer may not publish, nobody anonymous may act.
  const transition = (action: string) => ({ form: { articleId: String(inReview), action, expectedVersion: '999' } });
  expectRefused(await callAction(editor.request, 'transitionAction', transition('approve')), 'FORBIDDEN');
  expectRefused(await callAction(reviewer.request, 'transitionAction', transition('publish')), 'FORBIDDEN');
  expectRefused(await callAction(anonymous, 'transitionAction', transition('publish')), 'UNAUTHENTICATED');

  // Writing a story: reviewers may not create one; nobody anonymous may create, save or comment.
  const story = { fields: { title: 'خبر دخيل', summary: '', byline: '', sectionId: 1, tags: [], featuredMediaId: null }, body: { type: 'doc', content: [{ type: 'paragraph' }] } };
  expectRefused(await callAction(reviewer.request, 'createArticleAction', { json: [story] }), 'FORBIDDEN');
  expectRefused(await callAction(anonymous, 'createArticleAction', { json: [story] }), 'UNAUTHENTICATED');
  expectRefused(await callAction(anonymous, 'saveArticleAction', { json: [inReview, 1, story, false] }), 'UNAUTHENTICATED');
  expectRefused(await callAction(anonymous, 'addCommentAction', { form: { articleId: String(inReview), body: 'تعليق دخيل' } }), 'UNAUTHENTICATED');
  expectRefused(await callAction(anonymous, 'changeOwnPasswordAction', { form: { currentPassword: 'x', password: 'y-long-password' } }), 'UNAUTHENTICATED');
  const slug = await callAction(anonymous, 'checkSlugAction', { json: ['عنوان', null] });
  expect(slug.body).not.toContain('"available"');
  const beat = await callAction(anonymous, 'heartbeatAction', { json: [inReview, 1] });
  expect(beat.body).not.toContain('"others"');

  // Nothing moved: the people, the sections, the site name and the story's state.
  expect(await shownText(admin.page, '/desk/users')).toBe(usersBefore);
  expect(await shownText(admin.page, '/desk/sections')).toBe(sectionsBefore);
  const home = await (await cookieless.get('/')).text();
  expect(home).not.toContain('موقع مخترق');
  const deskStory = await (await admin.request.get(`/desk/articles/${inReview}`)).text();
  expect(deskStory).toContain('قيد المراجعة');
  expect(deskStory).not.toContain('تعليق دخيل');
  await Promise.all([stale.context.close(), cookieless.dispose()]);
});

test('a server action posted from another site, or without an Origin, is refused even with an admin session', async ({ openDesk }) => {
  const admin = await signedInRequest(openDesk, 'admin');
  const form = { name: 'قسم من موقع آخر', slug: 'qism-khariji' };
  const foreign = await callAction(admin.request, 'createSectionAction', { form }, { origin: 'https://evil.example' });
  expect(foreign.body).not.toContain('"ok":true');
  const missing = await callAction(admin.request, 'createSectionAction', { form }, { origin: null });
  expectRefused(missing, 'FORBIDDEN');
  // The same call from this site goes through, so the two refusals above are the Origin rule.
  const sections = await (await admin.request.get('/desk/sections')).text();
  expect(sections).not.toContain('قسم من موقع آخر');
  const allowed = await callAction(admin.request, 'createSectionAction', { form: { name: 'قسم من هذا الموقع', slug: `qism-${Date.now()}` } });
  expect(allowed.body).toContain('"ok":true');
});

test('route handlers refuse what the caller may not do', async ({ openDesk, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const reviewer = await signedInRequest(openDesk, 'reviewer');
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const upload = (request: APIRequestContext, origin: string | null) =>
    request.post('/api/media', {
      headers: origin ? { Origin: origin } : {},
      multipart: { file: { name: '../../x.php.jpg', mimeType: 'image/jpeg', buffer: png }, alt: 'صورة' },
    });
  expect((await upload(anonymous, baseOrigin())).status()).toBe(401);
  expect((await upload(reviewer.request, baseOrigin())).status()).toBe(403);
  expect((await upload(reviewer.request, 'https://evil.example')).status()).toBe(403);
  expect((await upload(reviewer.request, null)).status()).toBe(403);

  // Tag suggestions: anyone at the desk, from a page of this site, and nobody else.
  const suggest = (request: APIRequestContext, origin: string | null) =>
    request.post('/api/desk/tags', { headers: origin ? { Origin: origin } : {}, data: { query: 'غزة' }, failOnStatusCode: false });
  expect((await suggest(anonymous, baseOrigin())).status()).toBe(401);
  expect((await suggest(reviewer.request, 'https://evil.example')).status()).toBe(403);
  expect((await suggest(reviewer.request, null)).status()).toBe(403);
  expect((await suggest(reviewer.request, baseOrigin())).status()).toBe(201);
  expect((await anonymous.get('/api/desk/tags', { failOnStatusCode: false })).status()).toBe(405);

  // Auth.js refuses a credentials post that lacks its CSRF token: no session cookie is set.
  const forged = await anonymous.post('/api/auth/callback/credentials', {
    form: { email: DEMO.admin.email, password: DEMO.admin.password },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  expect(forged.headers()['set-cookie'] ?? '').not.toMatch(/authjs\.session-token=[^;]/);
  expect((await anonymous.get('/desk', { maxRedirects: 0 })).status()).toBe(307);

  // Public handlers answer reads only.
  for (const url of ['/feed.xml', '/sitemap.xml', '/robots.txt', '/api/health']) {
    expect((await anonymous.post(url, { failOnStatusCode: false })).status(), url).toBeGreaterThanOrEqual(400);
  }
  await anonymous.dispose();
});

/** A raw GET with exactly these headers (fetch would not let us set Host). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
}

test('crafted Host, forwarding and RSC headers never change what anonymous readers get', async ({ request }) => {
  test.setTimeout(60_000);
  const home = await (await request.get('/')).text();
  const articlePath = /href="(\/articles\/[^"]+)"/.exec(home)![1]!;
  const pages = ['/', articlePath, '/feed.xml', '/sitemap.xml', '/robots.txt', '/search?q=%D8%BA%D8%B2%D8%A9'];
  const baseline = new Map<string, string>();
  for (const page of pages) baseline.set(page, await (await request.get(page)).text());

  const hostile: Record<string, string>[] = [
    { Host: 'evil.example' },
    { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' },
    { Forwarded: 'host=evil.example;proto=https', 'X-Original-URL': '/desk', 'X-Rewrite-URL': '/desk' },
    { RSC: '1' },
    { RSC: '1', 'Next-Router-Prefetch': '1', 'Next-Router-State-Tree': '%5B%22evil%22%5D', 'Next-Url': '/desk' },
    { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy', 'x-middleware-prefetch': '1' },
    { 'x-now-route-matches': '1', 'x-matched-path': '/desk' },
  ];
  const url = new URL(baseURLValue);
  for (const headers of hostile) {
    for (const page of pages) {
      const answer = await rawGet(`${url.origin}${page}`, { Host: url.host, ...headers });
      expect(answer.status, `${page} with ${JSON.stringify(headers)}`).toBeLessThan(500);
    }
  }
  for (const page of pages) {
    const after = await request.get(page);
    const body = await after.text();
    expect(body, page).not.toContain('evil.example');
    expect(body, page).not.toContain('evil');
    if (!page.endsWith('.xml') && !page.endsWith('.txt')) {
      expect(after.headers()['content-type'], page).toContain('text/html');
      expect(body.trimStart().toLowerCase().startsWith('<!doctype html'), page).toBe(true);
    }
    // The same document the reader got before, down to the links it holds.
    const links = (html: string) => [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(links(body), page).toEqual(links(baseline.get(page)!));
  }
});

test('what a signed-in person gets is never stored for readers', async ({ openDesk, request }) => {
  const editor = await signedInRequest(openDesk, 'editor');
  const home = await (await request.get('/')).text();
  const articlePath = /href="(\/articles\/[^"]+)"/.exec(home)![1]!;
  // Desk pages are private to their viewer.
  for (const page of ['/desk', '/desk/review', '/desk/account']) {
    const answer = await editor.request.get(page);
    expect(answer.headers()['cache-control'], page).toMatch(/private|no-store/);
    expect(answer.headers()['cache-control'], page).not.toMatch(/public|s-maxage/);
  }
  // Public pages visited with a session carry nothing of it, so the cached copy stays anonymous.
  for (const page of ['/', articlePath, '/search?q=%D8%BA%D8%B2%D8%A9']) {
    await editor.page.goto(page);
    await editor.request.get(page);
    const anonymous = await (await request.get(page)).text();
    expect(anonymous, page).not.toContain('تسجيل الخروج');
    expect(anonymous, page).not.toContain('editor@midad.test');
  }
});

/** The request headers of a signed-in person's session, for requests written by hand. */
async function sessionHeaders(signedIn: { context: { cookies(): Promise<{ name: string; value: string }[]> } }) {
  const cookies = await signedIn.context.cookies();
  return { Cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '), Origin: baseOrigin() };
}

const UPLOAD_LIMIT = 12 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x2d);

/**
 * POST /api/media as a client that streams: chunked (no Content-Length), writing as fast as the
 * connection takes it until the server answers, `offer` bytes have gone, or `holdAfter` bytes
 * have gone (then it waits, body unfinished). Reports how much had been sent when the answer came.
 */
function streamUpload(headers: Record<string, string>, options: { offer: number; holdAfter?: number }) {
  return new Promise<{ status: number; body: string; sentWhenAnswered: number }>((resolve, reject) => {
    const url = new URL('/api/media', baseURLValue);
    const req = http.request(url, { method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=midad', ...headers } });
    let sent = 0;
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const sentWhenAnswered = sent;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sentWhenAnswered });
      });
    });
    // Once answered, a server that closes the connection on us is the expected ending.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && sent < options.offer) {
        if (options.holdAfter !== undefined && sent >= options.holdAfter) return;
        sent += CHUNK.length;
        if (!req.write(CHUNK)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered && options.holdAfter === undefined) req.end();
    };
    pump();
  });
}

test('an upload is refused before its body is read, and cut off at the limit as it streams in', async ({ openDesk }) => {
  test.setTimeout(120_000);
  const reviewer = await signedInRequest(openDesk, 'reviewer');
  const editor = await signedInRequest(openDesk, 'editor');

  // A reviewer sends one chunk and holds the rest back: the refusal cannot be waiting for it.
  const refused = await streamUpload(await sessionHeaders(reviewer), { offer: 64 * 1024 * 1024, holdAfter: CHUNK.length });
  expect(refused.status).toBe(403);
  expect(JSON.parse(refused.body)).toMatchObject({ error: 'FORBIDDEN', message: expect.stringMatching(/\S/) });
  expect(refused.sentWhenAnswered).toBe(CHUNK.length);
  // Nor for anyone without a session, or from another site.
  expect((await streamUpload({ Origin: baseOrigin() }, { offer: 1 << 20, holdAfter: CHUNK.length })).status).toBe(401);
  expect((await streamUpload({ ...(await sessionHeaders(editor)), Origin: 'https://evil.example' }, { offer: 1 << 20, holdAfter: CHUNK.length })).status).toBe(403);

  // An editor's endless chunked body is answered 413 near the limit, not after 256 MB. What was
  // sent by then is the limit plus what the two sockets' buffers hold in between.
  const flood = await streamUpload(await sessionHeaders(editor), { offer: 256 * 1024 * 1024 });
  expect(flood.status).toBe(413);
  expect(JSON.parse(flood.body)).toMatchObject({ error: 'MEDIA_TOO_LARGE', message: 'حجم الملف أكبر من ١٠ ميغابايت.' });
  expect(flood.sentWhenAnswered).toBeGreaterThan(UPLOAD_LIMIT);
  expect(flood.sentWhenAnswered).toBeLessThan(UPLOAD_LIMIT + 48 * 1024 * 1024);

  // A small Content-Length in front of a big body. The server frames the request by the length it
  // was given: the upload handler gets those 1 000 bytes (a cut-off multipart body: 400), and the
  // bytes after them are not a request at all (400 from the HTTP server, which then hangs up).
  const headers = await sessionHeaders(editor);
  const exchange = await new Promise<{ first: string; rest: string; ended: boolean }>((resolve, reject) => {
    const url = new URL(baseURLValue);
    const socket = net.connect(Number(url.port), url.hostname);
    let received = '';
    let first = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
      const end = received.indexOf('}');
      if (!first && end >= 0) {
        first = received.slice(0, end + 1);
        received = received.slice(end + 1);
        // Only now the rest of the "body": 20 MB the length did not announce.
        socket.write(Buffer.alloc(20 * 1024 * 1024, 0x2d), () => {});
      }
    });
    const finish = () => (first ? resolve({ first, rest: received, ended: true }) : reject(new Error(`no answer: ${received}`)));
    socket.on('close', finish);
    socket.on('error', () => {});
    socket.write(
      `POST /api/media HTTP/1.1\r\nHost: ${url.host}\r\nOrigin: ${headers.Origin}\r\nCookie: ${headers.Cookie}\r\n` +
        'Content-Type: multipart/form-data; boundary=midad\r\nContent-Length: 1000\r\n\r\n' +
        `--midad\r\nContent-Disposition: form-data; name="file"; filename="x.png"\r\nContent-Type: image/png\r\n\r\n`.padEnd(1000, '-'),
    );
  });
  expect(exchange.first).toMatch(/^HTTP\/1\.1 400 /);
  expect(JSON.parse(exchange.first.slice(exchange.first.indexOf('{')))).toMatchObject({ error: 'INVALID_INPUT', message: 'راجع الحقول المعلَّمة.' });
  for (const [, status] of exchange.rest.matchAll(/HTTP\/1\.1 (\d{3})/g)) expect(status).toBe('400');
  expect(exchange.ended).toBe(true);

  // And an ordinary upload still goes through.
  const photo = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 30, g: 90, b: 160 } } }).png().toBuffer();
  const ok = await editor.request.post('/api/media', {
    headers: { Origin: baseOrigin() },
    multipart: { file: { name: 'photo.png', mimeType: 'image/png', buffer: photo }, alt: 'صورة عادية' },
  });
  expect(ok.status()).toBe(201);
  expect((await ok.json()).value).toMatchObject({ mime: 'image/webp', width: 640, alt: 'صورة عادية' });
});

/** The site's not-found page, told apart from a page that merely carries the catalogue in its data. */
const NOT_FOUND_HEADING = />الصفحة غير موجودة<\/h1>/;

test('a path whose percent-escapes do not decode gets the not-found page, never a 500', async ({ request }) => {
  const url = new URL(baseURLValue);
  const malformed = [
    '/articles/%E0%A4%A',
    '/articles/%',
    '/articles/100%',
    '/articles/%C0%AF',
    '/articles/%ED%A0%80',
    '/articles/%FF%FE',
    '/sections/%E0%A4%A',
    '/sections/%ZZ/feed.xml',
    '/tags/%E0',
    '/authors/%E0%A4%A',
    '/authors/%D8',
    '/media/%E0%A4%A',
    '/%E0%A4%A',
    '/feed.xml%E0',
    '/articles/%E0%A4%A?page=2',
    '/desk/articles/%E0',
    '/api/auth/%E0',
  ];
  for (const path of malformed) {
    for (const headers of [{}, { RSC: '1' }] as Record<string, string>[]) {
      const answer = await rawGet(`${url.origin}${path}`, { Host: url.host, ...headers });
      expect([400, 404], `${path} ${JSON.stringify(headers)}`).toContain(answer.status);
      if (!('RSC' in headers)) expect(answer.body, path).toMatch(NOT_FOUND_HEADING);
    }
  }
  // Well-formed escapes are untouched: an Arabic section, a search with a broken escape in its
  // query (which is text, not a path), the sign-in redirect of the desk.
  expect((await request.get(`/sections/${encodeURIComponent('فلسطين')}`)).status()).toBe(200);
  const search = await rawGet(`${url.origin}/search?q=%E0`, { Host: url.host });
  expect(search.status).toBe(200);
  expect(search.body).toContain('role="search"');
  const desk = await request.get('/desk/search?q=%E0', { maxRedirects: 0 });
  expect(desk.status()).toBe(307);
  expect(desk.headers().location).toContain('/login?callbackUrl=');
});

const SITE_ORIGIN = siteOrigin(configFrom(process.env));

const FOREIGN = {
  Host: 'evil.example',
  'X-Forwarded-Host': 'evil.example',
  'X-Forwarded-Proto': 'https',
  Forwarded: 'host=evil.example;proto=https',
};

/**
 * Makes what `pages` show stale (by `change`), then has the first request to each carry a foreign
 * host, so that if a page took its links from the request, what readers get next would carry
 * them. Pages cached whole (every public page) must be rendered by that request and then served
 * from the cache.
 */
async function expectNoForeignHostAfter(request: APIRequestContext, pages: string[], change: () => Promise<void>) {
  const wholePage = new Map<string, boolean>();
  for (const page of pages) {
    await request.get(page);
    wholePage.set(page, (await request.get(page)).headers()['x-nextjs-cache'] === 'HIT');
  }
  await change();
  const origin = new URL(baseURLValue).origin;
  for (const page of pages) {
    const hostile = await rawGet(`${origin}${page}`, FOREIGN);
    expect(hostile.status, page).toBe(200);
    // For a page cached whole, this request is the one that rendered it afresh.
    if (wholePage.get(page)) expect(hostile.headers['x-nextjs-cache'], page).toBe('MISS');
    expect(hostile.body, page).not.toContain('evil');
  }
  for (const page of pages) {
    // What readers get next, from the cache. The cache handler refreshes a change's pages a second
    // time shortly after the first (docs/decisions/0019); if that came after the hostile request,
    // a clean request renders the page again before it is served from the cache.
    let response = await request.get(page);
    if (wholePage.get(page)) {
      await expect.poll(async () => (response = await request.get(page)).headers()['x-nextjs-cache'], { message: page, timeout: 15_000 }).toBe('HIT');
    }
    const body = await response.text();
    expect(body, page).not.toContain('evil');
    // The absolute links are there, and from the configured origin.
    expect(body, page).toContain(SITE_ORIGIN);
  }
}

test('pages re-rendered for a request with a foreign Host keep the site URL from the configuration', async ({ createDraft, editorPage: editor, reviewerPage: reviewer, request }) => {
  test.setTimeout(180_000);
  const title = `خبر عن المضيف ${Date.now().toString(36)}`;
  const { deskPath, publicPath: articlePath } = await createDraft({ title, paragraphs: ['نص قصير عن الروابط.'] });
  await editor.goto(deskPath);
  await pressWorkflow(editor, 'إرسال للمراجعة');
  await reviewer.goto(deskPath);
  await pressWorkflow(reviewer, 'اعتماد');
  await editor.reload();

  try {
    const listings = ['/', `/sections/${encodeURIComponent('فلسطين')}`, '/feed.xml', '/sitemap.xml', '/news-sitemap.xml'];
    // Publishing refreshes the home page, the section, the feeds and the sitemaps.
    await expectNoForeignHostAfter(request, listings, () => pressWorkflow(editor, 'نشر'));
    const article = await (await request.get(articlePath)).text();
    expect(article).toContain(title);

    // An edit published again refreshes the article page itself.
    await expectNoForeignHostAfter(request, [articlePath, '/'], async () => {
      await editor.getByLabel('العنوان', { exact: true }).fill(`${title} (محدّث)`);
      await editor.getByRole('button', { name: 'حفظ', exact: true }).click();
      await pressWorkflow(editor, 'إرسال للمراجعة');
      await reviewer.reload();
      await pressWorkflow(reviewer, 'اعتماد');
      await editor.reload();
      await pressWorkflow(editor, 'نشر');
    });
    expect(await (await request.get(articlePath)).text()).toContain(`${title} (محدّث)`);
  } finally {
    // Taken down again, also when a step failed, so the stories other tests expect lead the home
    // page and the feeds.
    await editor.goto(deskPath);
    if (await editor.getByRole('button', { name: 'إلغاء النشر', exact: true }).count()) await pressWorkflow(editor, 'إلغاء النشر');
  }
});
