import type { Browser } from '@playwright/test';
import { expect, test } from './fixtures';
import { freshWithin, pressWorkflow, unique } from './support';

/*
 * «الأكثر قراءة»: two readers in different browsers open a new story and lift it into the list on
 * the home page, and the desk's story list counts them; a crawler opening it counts for nothing.
 * Taken down, the story leaves the list within a second. The test server writes views every
 * second (playwright.config.ts); the list itself is kept a minute at most, so the test waits for
 * the list's own state, however long its cached entry still has.
 */

const READERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
];
const CRAWLER = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

/** Opens the story as a browser with this user agent would, and waits for the server to answer its view beacon. */
async function read(browser: Browser, path: string, userAgent: string, title: string) {
  const context = await browser.newContext({ userAgent });
  const page = await context.newPage();
  const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/views' && response.request().method() === 'POST');
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  expect((await answered).status()).toBe(204);
  await context.close();
}

test('views from two readers lift a story into «الأكثر قراءة», a crawler is not counted, and a takedown removes it at once', async ({ browser, createDraft, editorPage: editor, reviewerPage: reviewer, request }) => {
  test.setTimeout(300_000);
  const title = unique('خبر يتصدر قائمة الأكثر قراءة');
  const draft = await createDraft({ title, section: 'اقتصاد', paragraphs: ['ارتفعت أسعار الخضار في الأسواق المحلية هذا الأسبوع.'] });
  await editor.goto(draft.deskPath);
  await pressWorkflow(editor, 'إرسال للمراجعة');
  await reviewer.goto(draft.deskPath);
  await pressWorkflow(reviewer, 'اعتماد');
  await editor.goto(draft.deskPath);
  await pressWorkflow(editor, 'نشر');

  // Whether the home page's «الأكثر قراءة» lists the story, as readers (and an HTTP cache) get it.
  const listedOnHome = async () => {
    const html = await (await request.get('/')).text();
    const start = html.indexOf('id="most-read-heading"');
    return start >= 0 && html.slice(start, html.indexOf('</section>', start)).includes(title);
  };
  // The desk's count for the story: the last 24 hours' views, or null when it shows none.
  const deskCount = async () => {
    await editor.goto(`/desk/stories?q=${encodeURIComponent(title)}`);
    const row = editor.getByRole('listitem').filter({ has: editor.getByRole('link', { name: title, exact: true }) });
    const text = (await row.textContent()) ?? '';
    const match = /القراءات خلال آخر 24 ساعة: ([0-9٠-٩]+)/.exec(text);
    return match ? Number(match[1]!.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))) : null;
  };
  expect(await listedOnHome()).toBe(false);
  expect(await deskCount()).toBe(0);

  // The crawler's beacon is answered before the readers', so had it counted, the readers' views
  // could not be written without it.
  await read(browser, draft.publicPath, CRAWLER, title);
  for (const userAgent of READERS) await read(browser, draft.publicPath, userAgent, title);
  // The same reader again the same day counts for nothing either.
  await read(browser, draft.publicPath, READERS[0]!, title);
  await expect.poll(deskCount, { message: 'the desk counts both readers', timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  expect(await deskCount()).toBe(2);

  await expect.poll(listedOnHome, { message: 'the story is in «الأكثر قراءة» once the list is read again', timeout: 120_000, intervals: [1_000] }).toBe(true);
  // As readers see it: a region of that name with a numbered list of links.
  const home = await browser.newPage();
  await home.goto('/');
  const block = home.getByRole('region', { name: 'الأكثر قراءة' });
  await expect(block.getByRole('list')).toHaveCount(1);
  expect(await block.getByRole('list').evaluate((list) => list.tagName)).toBe('OL');
  await expect(block.getByRole('listitem')).not.toHaveCount(0);
  expect(await block.getByRole('listitem').count()).toBeLessThanOrEqual(5);
  await block.getByRole('link', { name: title }).click();
  await expect(home.getByRole('heading', { level: 1 })).toHaveText(title);
  await home.close();

  // Taken down, so the site's own checks of the seeded stories see only those: out of the list within a second.
  await editor.goto(draft.deskPath);
  await pressWorkflow(editor, 'إلغاء النشر');
  await freshWithin(1_000, listedOnHome, false);
  await expect.poll(async () => (await request.get(draft.publicPath)).status()).toBe(404);
});

test('the privacy note says what is counted, and every public page links to it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'الخصوصية وعدّ القراءات' }).click();
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('الخصوصية: ما نعدّه حين تقرأ');
  await expect(page.getByRole('region', { name: 'ما نعدّه' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'ما لا نعدّه ولا نحفظه' })).toContainText('لا نضع في متصفحك أي ملف تعريف ارتباط');
});
