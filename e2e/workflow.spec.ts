import { expect, test, type Browser, type Page } from '@playwright/test';
import fixture from '../db/seed-data/quds-day-article.json' with { type: 'json' };
import { caretAtEnd, signInAs, unique } from './support';

async function deskAs(browser: Browser, role: 'admin' | 'editor' | 'reviewer'): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, role);
  return page;
}

const statusBadge = (page: Page) => page.locator('main span.rounded.bg-rule').first();

async function pressWorkflow(page: Page, name: string, note?: string) {
  const form = page.locator('form', { has: page.getByRole('button', { name, exact: true }) });
  if (note !== undefined) await form.locator('textarea[name="note"]').fill(note);
  await form.getByRole('button', { name, exact: true }).click();
  // The page re-renders with the new state, which no longer offers this action.
  await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
}

test('a story goes from writing to readers only through review, and approval covers exactly what is published', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const title = `${fixture.title} ${unique('نسخة')}`;
  const editor = await deskAs(browser, 'editor');

  // The editor writes the fixture's first paragraphs and an English sentence, then saves.
  await editor.goto('/desk/articles/new');
  await editor.getByLabel('العنوان', { exact: true }).fill(title);
  await editor.getByLabel('الملخص').fill(fixture.summary);
  await editor.getByLabel('القسم').selectOption({ label: 'فلسطين' });
  await editor.getByRole('textbox', { name: 'نص المقال' }).click();
  for (const paragraph of fixture.paragraphs.slice(0, 3)) {
    await editor.keyboard.insertText(paragraph);
    await editor.keyboard.press('Enter');
  }
  await editor.keyboard.insertText('The conference was streamed live in English as well.');
  await editor.getByRole('button', { name: 'إنشاء المسودة' }).click();
  await expect(editor).toHaveURL(/\/desk\/articles\/\d+$/);
  const articleUrl = editor.url();
  const slug = await editor.getByLabel('رابط المقال').inputValue();
  await expect(statusBadge(editor)).toHaveText('مسودة');

  await pressWorkflow(editor, 'إرسال للمراجعة');
  await editor.reload();
  await expect(statusBadge(editor)).toHaveText('قيد المراجعة');

  // Readers cannot see it.
  expect((await request.get(`/articles/${encodeURIComponent(slug)}`)).status()).toBe(404);

  // The reviewer finds it in the queue and asks for changes with a note.
  const reviewer = await deskAs(browser, 'reviewer');
  await reviewer.goto('/desk/review');
  await reviewer.getByRole('link', { name: title }).click();
  await expect(reviewer.getByRole('heading', { name: 'معاينة كما سيراها القراء' })).toBeVisible();
  await expect(reviewer.getByRole('button', { name: 'نشر', exact: true })).toHaveCount(0);
  await pressWorkflow(reviewer, 'طلب تعديلات', 'أضيفوا اسم المدينة في الفقرة الأولى.');

  // The editor sees the note, fixes the story and resubmits.
  await editor.reload();
  await expect(statusBadge(editor)).toHaveText('مطلوب تعديلات');
  await expect(editor.getByText('أضيفوا اسم المدينة في الفقرة الأولى.')).toBeVisible();
  await caretAtEnd(editor);
  await editor.keyboard.press('Enter');
  await editor.keyboard.insertText('أُقيم الحفل في مدينة بيروت.');
  await editor.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'محفوظ' })).toBeVisible();
  await editor.reload();
  await pressWorkflow(editor, 'إرسال للمراجعة');

  // A forged publish from the reviewer's own session is refused and changes nothing.
  await reviewer.goto(articleUrl);
  await expect(statusBadge(reviewer)).toHaveText('قيد المراجعة');
  const forged = reviewer.locator('form', { has: reviewer.getByRole('button', { name: 'اعتماد', exact: true }) });
  await forged.locator('input[name="action"]').evaluate((input: HTMLInputElement) => (input.value = 'publish'));
  await forged.getByRole('button', { name: 'اعتماد', exact: true }).click();
  await expect(forged.getByRole('status')).toHaveText('لا يسمح دورك بهذا الإجراء.');
  await reviewer.reload();
  await expect(statusBadge(reviewer)).toHaveText('قيد المراجعة');
  expect((await request.get(`/articles/${encodeURIComponent(slug)}`)).status()).toBe(404);

  // The reviewer shows what changed since their last review, then approves.
  await expect(reviewer.getByRole('heading', { name: /التغييرات منذ آخر نسخة راجعتها/ })).toBeVisible();
  await expect(reviewer.locator('ins').filter({ hasText: 'بيروت' }).first()).toBeVisible();
  await pressWorkflow(reviewer, 'اعتماد');
  await reviewer.reload();
  await expect(statusBadge(reviewer)).toHaveText('معتمد');
  await expect(reviewer.getByRole('button', { name: 'نشر', exact: true })).toHaveCount(0);

  // The editor publishes; readers see it.
  await editor.reload();
  await pressWorkflow(editor, 'نشر');
  const live = await request.get(`/articles/${encodeURIComponent(slug)}`);
  expect(live.status()).toBe(200);
  expect(await live.text()).toContain('أُقيم الحفل في مدينة بيروت.');

  // Editing the live story leaves readers on the published text until it is approved and published again.
  await editor.reload();
  await editor.getByLabel('العنوان', { exact: true }).fill(`${title} (محدّث)`);
  await editor.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'محفوظ' })).toBeVisible();
  const unchanged = await (await request.get(`/articles/${encodeURIComponent(slug)}`)).text();
  expect(unchanged).not.toContain('(محدّث)');
  await editor.reload();
  await expect(statusBadge(editor)).toHaveText('مسودة');
  await pressWorkflow(editor, 'إرسال للمراجعة');
  await reviewer.goto(articleUrl);
  await pressWorkflow(reviewer, 'اعتماد');
  await editor.reload();
  await pressWorkflow(editor, 'نشر');
  await expect.poll(async () => (await (await request.get(`/articles/${encodeURIComponent(slug)}`)).text()).includes('(محدّث)')).toBe(true);

  await editor.context().close();
  await reviewer.context().close();
});

test('nobody can approve a story they wrote themselves', async ({ browser }) => {
  const admin = await deskAs(browser, 'admin');
  await admin.goto('/desk/articles/new');
  await admin.getByLabel('العنوان', { exact: true }).fill(unique('خبر كتبه المدير'));
  await admin.getByLabel('القسم').selectOption({ label: 'سياسة' });
  await admin.getByRole('textbox', { name: 'نص المقال' }).click();
  await admin.keyboard.insertText('نص قصير للاختبار.');
  await admin.getByRole('button', { name: 'إنشاء المسودة' }).click();
  await expect(admin).toHaveURL(/\/desk\/articles\/\d+$/);
  await pressWorkflow(admin, 'إرسال للمراجعة');
  await admin.reload();
  await expect(statusBadge(admin)).toHaveText('قيد المراجعة');
  // The button is not offered; a request-changes form forged into an approval is refused.
  await expect(admin.getByRole('button', { name: 'اعتماد', exact: true })).toHaveCount(0);
  const form = admin.locator('form', { has: admin.getByRole('button', { name: 'طلب تعديلات', exact: true }) });
  await form.locator('input[name="action"]').evaluate((input: HTMLInputElement) => (input.value = 'approve'));
  await form.getByRole('button', { name: 'طلب تعديلات', exact: true }).click();
  await expect(form.getByRole('status')).toHaveText('لا يمكنك اعتماد نسخة كتبتها بنفسك: يحتاج الاعتماد إلى عين ثانية.');
  await admin.context().close();
});

test('previews of any revision are for signed-in staff only and never cached publicly', async ({ browser, request }) => {
  const anonymous = await request.get('/desk/articles/1/preview', { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toContain('/login');

  const reviewer = await deskAs(browser, 'reviewer');
  await reviewer.goto('/desk/review');
  await reviewer.getByRole('link', { name: 'المدن التي نحبّها تُبنى على مهل' }).click();
  await expect(reviewer).toHaveURL(/\/desk\/articles\/\d+$/);
  const response = await reviewer.goto(`${reviewer.url()}/preview?rev=1`);
  expect(response?.headers()['cache-control']).toMatch(/private|no-store/);
  await expect(reviewer.getByRole('note')).toContainText('النسخة 1');
  await expect(reviewer.getByRole('heading', { level: 1, name: 'المدن التي نحبّها تُبنى على مهل' })).toBeVisible();
  await reviewer.context().close();
});
