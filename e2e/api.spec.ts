import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectStatus, freshWithin, pressWorkflow } from './support';

/*
 * The content API (/api/v1) as a production server answers it: entity tags and 304, CORS for any
 * site, the pages' Cache-Control on anonymous answers, and a story's «نشر» and «إلغاء النشر»
 * reaching API readers within a second, as they reach the pages.
 */

const PUBLIC_CACHE_CONTROL = /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/;

const apiArticle = (slug: string) => `/api/v1/articles/${encodeURIComponent(slug)}`;

/** Whether the newest stories listed by the API and the story's own API address show it. */
async function readersSee(request: APIRequestContext, slug: string): Promise<{ listed: boolean; article: number }> {
  const [list, article] = await Promise.all([request.get('/api/v1/articles?per_page=100'), request.get(apiArticle(slug))]);
  const body = (await list.json()) as { data: { slug: string }[] };
  return { listed: body.data.some((item) => item.slug === slug), article: article.status() };
}

test('answers with entity tags, 304, CORS and the pages’ Cache-Control, and refuses what it does not know', async ({ request }) => {
  const list = await request.get('/api/v1/articles');
  expect(list.status()).toBe(200);
  const headers = list.headers();
  expect(headers['cache-control']).toMatch(PUBLIC_CACHE_CONTROL);
  expect(headers['access-control-allow-origin']).toBe('*');
  expect(headers['vary']).toContain('Authorization');
  expect(headers['link']).toContain('rel="first"');
  expect(headers['set-cookie']).toBeUndefined();
  const etag = headers['etag']!;
  expect(etag).toMatch(/^"[\w-]+"$/);
  const again = await request.get('/api/v1/articles', { headers: { 'If-None-Match': etag } });
  expect(again.status()).toBe(304);
  expect(again.headers()['etag']).toBe(etag);

  const first = ((await list.json()) as { data: { slug: string }[] }).data[0]!;
  const article = await request.get(apiArticle(first.slug));
  expect(article.status()).toBe(200);
  expect(article.headers()['cache-control']).toMatch(PUBLIC_CACHE_CONTROL);
  expect((await request.get(apiArticle(first.slug), { headers: { 'If-None-Match': article.headers()['etag']! } })).status()).toBe(304);

  const preflight = await request.fetch('/api/v1/articles', {
    method: 'OPTIONS',
    headers: { Origin: 'https://partner.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()['access-control-allow-origin']).toBe('*');
  expect(preflight.headers()['access-control-allow-headers']).toContain('Authorization');

  const refused = await request.get('/api/v1/articles?page=0&per_page=1000', { headers: { 'Accept-Language': 'en' } });
  expect(refused.status()).toBe(400);
  expect(refused.headers()['cache-control']).toBe('no-store');
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('INVALID_PAGE');
  expect((await request.get(apiArticle('لا-خبر-بهذا'))).status()).toBe(404);

  const document = await request.get('/api/v1/openapi.json');
  expect(((await document.json()) as { openapi: string }).openapi).toMatch(/^3\.1\./);
});

test('a story appears in the API within a second of «نشر» and leaves it within a second of «إلغاء النشر»', async ({ createDraft, editorPage: editor, reviewerPage: reviewer, request }) => {
  test.setTimeout(180_000);
  const story = await createDraft({ section: 'سياسة' });
  await editor.goto(story.deskPath);
  await pressWorkflow(editor, 'إرسال للمراجعة');
  await reviewer.goto(story.deskPath);
  await pressWorkflow(reviewer, 'اعتماد');
  await editor.reload();

  // Read once before, so what follows is served from the cache the desk's refresh must reach.
  expect(await readersSee(request, story.slug)).toEqual({ listed: false, article: 404 });
  await pressWorkflow(editor, 'نشر');
  await expectStatus(editor, 'منشور');
  await freshWithin(1_000, () => readersSee(request, story.slug), { listed: true, article: 200 });

  await editor.reload();
  await pressWorkflow(editor, 'إلغاء النشر');
  await freshWithin(1_000, () => readersSee(request, story.slug), { listed: false, article: 404 });
});
