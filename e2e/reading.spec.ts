import fixture from '../db/seed-data/quds-day-article.json' with { type: 'json' };
import { expect, test } from './fixtures';

test.describe('reading the fixture story', () => {
  test('the home page lists it and its page shows all 13 paragraphs, right to left', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    // The lead story's link; «الأكثر قراءة» may list it again once readers have opened it.
    const link = page.getByRole('link', { name: fixture.title, exact: true }).first();
    await expect(link).toBeVisible();

    await link.click();
    await expect(page.getByRole('heading', { level: 1, name: fixture.title })).toBeVisible();
    const body = page.getByRole('region', { name: 'نص الخبر' });
    await expect(body).toHaveAttribute('dir', 'rtl');
    const paragraphs = body.getByRole('paragraph');
    await expect(paragraphs).toHaveCount(13);
    await expect(paragraphs.first()).toHaveText(fixture.paragraphs[0]!);
    await expect(paragraphs.last()).toHaveText(fixture.paragraphs[12]!);
    // Per-block direction: each paragraph lays out by its own text.
    await expect(paragraphs.first()).toHaveAttribute('dir', 'auto');
  });

  test('the article page works with a percent-encoded URL and without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    const href = await page.getByRole('link', { name: fixture.title, exact: true }).first().getAttribute('href');
    const encoded = '/articles/' + encodeURIComponent(decodeURIComponent(href!.replace('/articles/', '')));
    await page.goto(encoded);
    await expect(page.getByRole('region', { name: 'نص الخبر' }).getByRole('paragraph')).toHaveCount(13);
    await context.close();
  });

  test('unpublished and unknown slugs answer 404 with the not-found page, readable without JavaScript', async ({ request, browser }) => {
    const draft = await request.get('/articles/' + encodeURIComponent('قراءة-في-نتائج-الانتخابات-البلدية'));
    expect(draft.status()).toBe(404);
    // In the HTML the server writes, not only in the data script draws from.
    for (const path of ['/articles/no-such-story', '/sections/no-such-section', '/tags/no-such-tag', '/authors/999999', '/no-such-page']) {
      const unknown = await request.get(path);
      expect(unknown.status(), path).toBe(404);
      expect(await unknown.text(), path).toMatch(/>الصفحة غير موجودة<\/h1>/);
    }
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto('/articles/no-such-story');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'الصفحة غير موجودة' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'العودة إلى الصفحة الرئيسية' })).toBeVisible();
    await context.close();
  });

  test('health answers ok', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok' });
  });
});
