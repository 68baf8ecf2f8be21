import { expect, test, type Page } from '@playwright/test';
import fixture from '../db/seed-data/quds-day-article.json' with { type: 'json' };

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
