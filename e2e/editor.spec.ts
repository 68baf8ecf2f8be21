import { expect, test, type Browser, type Page } from '@playwright/test';
import fixture from '../db/seed-data/quds-day-article.json' with { type: 'json' };
import { localCopies, pauseTimers, signInAs, typeAtEnd, unique } from './support';

/** A desk tab whose clock the test may pause (pauseTimers), so autosave fires only when told. */
async function deskAs(browser: Browser, role: 'admin' | 'editor' | 'reviewer'): Promise<Page> {
  const context = await browser.newContext();
  await context.clock.install();
  const page = await context.newPage();
  await signInAs(page, role);
  return page;
}

const bodyJson = (page: Page) =>
  page.evaluate(() => JSON.stringify((document.querySelector('.ProseMirror') as unknown as { editor: { getJSON(): unknown } }).editor.getJSON()));

async function newStory(page: Page, title: string, paragraphs: string[]) {
  await page.goto('/desk/articles/new');
  await page.getByLabel('العنوان', { exact: true }).fill(title);
  await page.getByLabel('القسم').selectOption({ label: 'فلسطين' });
  await page.getByRole('textbox', { name: 'نص المقال' }).click();
  for (const [i, paragraph] of paragraphs.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.insertText(paragraph);
  }
  await page.getByRole('button', { name: 'إنشاء المسودة' }).click();
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/);
  await expect(page.getByRole('textbox', { name: 'نص المقال' })).toContainText(paragraphs.at(-1)!);
}

const saved = (page: Page) => expect(page.getByRole('status').filter({ hasText: /^محفوظ$/ })).toBeVisible();

test('the fixture paragraphs, an English sentence and a quote survive save and reload exactly', async ({ browser }) => {
  const page = await deskAs(browser, 'editor');
  const english = 'Speakers called for international support, according to the organisers.';
  await newStory(page, unique('خبر الحفظ'), [...fixture.paragraphs.slice(0, 3), english]);

  // Make the second paragraph a quote, then save.
  await page.getByRole('textbox', { name: 'نص المقال' }).getByText(fixture.paragraphs[1]!.slice(0, 30)).click();
  await page.getByRole('button', { name: /^اقتباس( \(|$)/ }).click();
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await saved(page);
  const before = await bodyJson(page);
  expect(before).toContain('"type":"blockquote"');

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'نص المقال' })).toContainText(english);
  expect(await bodyJson(page)).toBe(before);
  // Per-block direction: the English paragraph lays itself out left to right.
  const englishParagraph = page.getByRole('textbox', { name: 'نص المقال' }).locator('p', { hasText: english });
  await expect(englishParagraph).toHaveAttribute('dir', 'auto');
  expect(await englishParagraph.evaluate((p) => getComputedStyle(p).direction)).toBe('ltr');
  await page.context().close();
});

test('two people editing one story: the second save shows the conflict and loses nothing', async ({ browser }) => {
  const editor = await deskAs(browser, 'editor');
  await newStory(editor, unique('خبر يحرره اثنان'), ['الفقرة الأصلية.']);
  const url = editor.url();

  const admin = await deskAs(browser, 'admin');
  await admin.goto(url);
  await expect(admin.getByRole('textbox', { name: 'نص المقال' })).toContainText('الفقرة الأصلية.');

  // Only the explicit saves count here: no autosave may slip in between typing and «حفظ».
  await pauseTimers(editor);
  await pauseTimers(admin);
  await typeAtEnd(editor, ' إضافة المحرر.');
  await editor.getByRole('button', { name: 'حفظ', exact: true }).click();
  await saved(editor);

  await typeAtEnd(admin, ' إضافة المدير.');
  await admin.getByRole('button', { name: 'حفظ', exact: true }).click();
  const conflict = admin.getByRole('alert').filter({ hasText: 'حفظ يوسف حداد نسخة أحدث' });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('إضافة المحرر.');
  // The admin's text is still in the editor, untouched.
  await expect(admin.getByRole('textbox', { name: 'نص المقال' })).toContainText('إضافة المدير.');

  await conflict.getByRole('button', { name: 'احفظ نسختي فوق نسختهم' }).click();
  await saved(admin);
  await admin.goto(`${url}/history`);
  await expect(admin.locator('main ol > li')).toHaveCount(3);
  await editor.context().close();
  await admin.context().close();
});

test('text typed while offline is kept in the browser and offered back when the story is reopened', async ({ browser }) => {
  const context = await browser.newContext();
  await context.clock.install();
  const page = await context.newPage();
  await signInAs(page, 'editor');
  await newStory(page, unique('خبر بلا اتصال'), ['نص محفوظ على الخادم.']);
  const url = page.url();

  await context.setOffline(true);
  await typeAtEnd(page, ' جملة كُتبت بلا اتصال.');
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'لا اتصال بالخادم' })).toBeVisible();
  await page.close(); // the tab is closed before the connection returns

  await context.setOffline(false);
  const reopened = await context.newPage();
  await reopened.goto(url);
  const offer = reopened.getByRole('alert').filter({ hasText: 'في هذا المتصفح نسخة غير محفوظة' });
  await expect(offer).toBeVisible();
  await expect(offer.locator('ins')).toContainText('بلا اتصال');
  await offer.getByRole('button', { name: 'استعد النسخة المحلية' }).click();
  await expect(reopened.getByRole('textbox', { name: 'نص المقال' })).toContainText('جملة كُتبت بلا اتصال.');
  await reopened.getByRole('button', { name: 'حفظ', exact: true }).click();
  await saved(reopened);

  // Signing out forgets local copies. The clock stands still so autosave cannot save (and clear)
  // the draft first; one second on writes the local copy, well before autosave's quiet period.
  await pauseTimers(reopened);
  await reopened.getByRole('textbox', { name: 'نص المقال' }).click();
  await reopened.keyboard.insertText(' مسودة لم تُحفظ');
  await reopened.clock.runFor(1000);
  await expect.poll(async () => (await localCopies(reopened)).filter((copy) => copy.includes('مسودة لم تُحفظ')).length).toBe(1);
  expect(await localCopies(reopened)).toHaveLength(1);
  reopened.on('dialog', (dialog) => void dialog.accept());
  await reopened.getByRole('button', { name: 'تسجيل الخروج' }).click();
  await expect(reopened).toHaveURL(/\/login/);
  expect(await localCopies(reopened)).toEqual([]);
  await context.close();
});

test('an uploaded image with its alt text appears in the body and survives a reload', async ({ browser }) => {
  const sharp = (await import('sharp')).default;
  const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: { r: 155, g: 44, b: 44 } } }).png().toBuffer();
  const page = await deskAs(browser, 'editor');
  await newStory(page, unique('خبر مصوّر'), ['فقرة قبل الصورة.']);

  await page.getByRole('textbox', { name: 'نص المقال' }).click();
  await page.getByRole('button', { name: /^صورة/ }).click();
  const picker = page.getByRole('dialog', { name: 'رفع صورة' });
  await picker.getByLabel('ملف الصورة').setInputFiles({ name: '../../x.php.jpg', mimeType: 'image/jpeg', buffer: png });
  // Alt text is required: the browser will not submit without it.
  await picker.getByLabel('النص البديل').fill('لافتة حمراء في قاعة المؤتمر');
  await picker.getByLabel('التعليق').fill('قاعة المؤتمر قبل الافتتاح');
  await picker.getByRole('button', { name: 'إدراج الصورة' }).click();
  await expect(picker).toHaveCount(0);

  const image = page.getByRole('textbox', { name: 'نص المقال' }).getByRole('img', { name: 'لافتة حمراء في قاعة المؤتمر' });
  await expect(image).toBeVisible();
  const src = await image.getAttribute('src');
  expect(src).toMatch(/^\/media\/[0-9a-f]{32}/); // stored under a server-made name, not the uploaded one
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await saved(page);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'نص المقال' }).getByRole('img', { name: 'لافتة حمراء في قاعة المؤتمر' })).toBeVisible();
  const served = await page.request.get(src!);
  expect(served.headers()['x-content-type-options']).toBe('nosniff');
  await page.context().close();
});
