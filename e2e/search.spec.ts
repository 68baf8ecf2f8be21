import type { APIRequestContext, Page } from '@playwright/test';
import fixture from '../db/seed-data/quds-day-article.json' with { type: 'json' };
import { hostileSearchParams, type RawParams } from '../tests/support/hostile-queries';
import { expect, test } from './fixtures';

async function search(page: Page, query: string) {
  const main = page.getByRole('main');
  await main.getByRole('searchbox', { name: 'عبارة البحث' }).fill(query);
  await main.getByRole('button', { name: 'ابحث' }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  return main;
}

test.describe('searching the published news', () => {
  test('a reader finds the fixture story with «اسماعيل هنيه», sees the match marked and opens it', async ({ page }) => {
    await page.goto('/search');
    await expect(page.getByRole('main').getByRole('heading', { level: 2, name: 'عمّ تبحث؟' })).toBeVisible();
    const main = await search(page, 'اسماعيل هنيه');
    await expect(main.getByRole('status')).toHaveText('نتيجة واحدة');
    await expect(main.locator('mark', { hasText: 'إسماعيل' }).first()).toBeVisible();
    await expect(main.locator('mark', { hasText: 'هنية' }).first()).toBeVisible();
    await main.getByRole('link', { name: fixture.title }).click();
    await expect(page.getByRole('heading', { level: 1, name: fixture.title })).toBeVisible();
  });

  test('tashkeel in the query does not matter', async ({ page }) => {
    await page.goto('/search');
    const main = await search(page, 'إِسْمَاعِيل هَنِيَّة');
    await expect(main.getByRole('link', { name: fixture.title })).toBeVisible();
    await page.goto(`/search?q=${encodeURIComponent('التَّطْبِيع')}`);
    await expect(page.getByRole('main').getByRole('link', { name: fixture.title })).toBeVisible();
  });

  test('a word found only in a draft finds nothing', async ({ page }) => {
    await page.goto('/search');
    const main = await search(page, 'الانتخابات البلدية');
    await expect(main.getByRole('heading', { level: 2, name: 'لا توجد نتائج للبحث عن «الانتخابات البلدية»' })).toBeVisible();
    await expect(main.getByRole('article')).toHaveCount(0);
  });

  test('a near miss offers the right spelling', async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent('اسمعيل')}`);
    const main = page.getByRole('main');
    await main.getByRole('link', { name: 'اسماعيل' }).click();
    await expect(main.getByRole('link', { name: fixture.title })).toBeVisible();
  });

  test('bad input gets a message, not an error page', async ({ page }) => {
    const response = await page.goto(`/search?q=${encodeURIComponent('؟!')}&from=2026-02-30`);
    expect(response?.status()).toBe(200);
    const main = page.getByRole('main');
    await expect(main.getByRole('alert')).toContainText('لا تحتوي عبارة البحث على كلمات');
    await expect(main.getByRole('status')).toContainText('تجاهلنا تاريخاً غير صالح');
    // Far past the limit, yet short enough for the URL to pass the HTTP server's header limit.
    const long = await page.goto(`/search?q=${'ق'.repeat(1_000)}`);
    expect(long?.status()).toBe(200);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('طويلة جداً');
  });

  test('search works with JavaScript disabled', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/search');
    const main = await search(page, 'اسماعيل هنيه');
    await expect(main.getByRole('link', { name: fixture.title })).toBeVisible();
    await main.getByRole('combobox', { name: 'القسم' }).selectOption({ label: 'رياضة' });
    await main.getByRole('button', { name: 'ابحث' }).click();
    await expect(page).toHaveURL(/section=/);
    await expect(main.getByRole('link', { name: fixture.title })).toHaveCount(0);
    await context.close();
  });
});

/**
 * A query string as a hostile client writes it: each value percent-encoded (so NUL travels as
 * %00), cut to a length the HTTP server accepts, and sometimes with a raw broken escape added.
 */
function hostileQueryString(params: RawParams, i: number): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      // Lone surrogates cannot be percent-encoded as UTF-8; send their UTF-16 code units as raw bytes.
      const encoded = Array.from(one.slice(0, 1_500), (c) => (/[\uD800-\uDFFF]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');
      parts.push(`${name}=${encoded}`);
    }
  }
  if (i % 3 === 0) parts.push(['q=%E0%A4%A', 'page=%', 'section=%C0%AF', 'q=%FF%FE%00', 'from=%ZZ'][i % 5]!);
  return parts.join('&');
}

async function expectNoServerError(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), path.slice(0, 200)).toBeLessThan(500);
  const body = await response.text();
  expect(body, path.slice(0, 200)).not.toContain('Internal Server Error');
  return response;
}

test.describe('hostile queries', () => {
  const samples = hostileSearchParams(20_261_202, 1_000).filter((_, i) => i % 10 === 0);

  test(`${samples.length} generated hostile queries never make /search answer 500`, async ({ request }) => {
    test.setTimeout(240_000);
    for (const [i, params] of samples.entries()) {
      const response = await expectNoServerError(request, `/search?${hostileQueryString(params, i)}`);
      expect(response.headers()['content-type'], String(i)).toContain('text/html');
    }
  });

  test('nor the desk search, for a signed-in editor', async ({ editorPage: page }) => {
    test.setTimeout(240_000);
    for (const [i, params] of samples.slice(0, 40).entries()) {
      await expectNoServerError(page.request, `/desk/search?${hostileQueryString(params, i)}`);
    }
    // The same page still searches.
    await page.goto(`/desk/search?q=${encodeURIComponent('اسماعيل هنيه')}`);
    await expect(page.getByRole('main').getByRole('link', { name: fixture.title })).toBeVisible();
  });

  test('NUL, controls and broken escapes in each parameter get the search page', async ({ page }) => {
    for (const query of ['q=a%00b', 'q=%00', 'q=%E0%A4%A', 'q=x&section=%00', 'q=x&section=%ED%A0%80', 'q=x&page=%00', 'q=x&from=%00&to=%1B', `q=${'%01'.repeat(50)}`, 'q=%E2%80%AE%D8%BA%D8%B2%D8%A9']) {
      const response = await page.goto(`/search?${query}`);
      expect(response?.status(), query).toBe(200);
      await expect(page.getByRole('main').getByRole('searchbox', { name: 'عبارة البحث' }), query).toBeVisible();
    }
  });
});
