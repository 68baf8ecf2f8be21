import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInAs, unique } from './support';

/*
 * «إلغاء النشر» takes a live story off every public place at once, also while an edit of it is
 * being written: the edit is kept as a draft in the desk.
 */

async function deskAs(browser: Browser, role: 'admin' | 'editor' | 'reviewer'): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, role);
  return page;
}

const statusBadge = (page: Page) => page.locator('main span.rounded.bg-rule').first();
const bodyBox = (page: Page) => page.getByRole('textbox', { name: 'نص المقال' });

/** Whether the editor's own selection (not only the browser's) sits at the end of the body. */
function caretAtEndOfBody(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    type Editor = { view: { hasFocus(): boolean }; state: { selection: { empty: boolean; to: number }; doc: { content: { size: number }; textBetween(from: number, to: number): string } } };
    const editor = (document.querySelector('.ProseMirror') as unknown as { editor?: Editor } | null)?.editor;
    if (!editor) return false;
    const { selection, doc } = editor.state;
    return editor.view.hasFocus() && selection.empty && doc.textBetween(selection.to, doc.content.size) === '';
  });
}

async function pressWorkflow(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
  // The page re-renders with the new state, which no longer offers this action.
  await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
}

test('a live story is taken down at once while its edit is in draft, and the edit stays in the desk', async ({ browser, request }) => {
  // Two people, a review round and an autosave's quiet period: long on a busy machine.
  test.setTimeout(180_000);
  const title = unique('خبر يُسحب من النشر');
  const editor = await deskAs(browser, 'editor');
  const reviewer = await deskAs(browser, 'reviewer');

  await editor.goto('/desk/articles/new');
  await editor.getByLabel('العنوان', { exact: true }).fill(title);
  await editor.getByLabel('القسم').selectOption({ label: 'سياسة' });
  await bodyBox(editor).click();
  await editor.keyboard.insertText('النص الذي نُشر للقراء.');
  await editor.getByRole('button', { name: 'إنشاء المسودة' }).click();
  await expect(editor).toHaveURL(/\/desk\/articles\/\d+$/);
  const articleUrl = editor.url();
  const slug = await editor.getByLabel('رابط المقال').inputValue();
  const publicUrl = `/articles/${encodeURIComponent(slug)}`;

  await pressWorkflow(editor, 'إرسال للمراجعة');
  await reviewer.goto(articleUrl);
  await pressWorkflow(reviewer, 'اعتماد');
  await editor.reload();
  await pressWorkflow(editor, 'نشر');
  await expect(statusBadge(editor)).toHaveText('منشور');

  // Readers see it on its page and on the home page.
  expect((await request.get(publicUrl)).status()).toBe(200);
  expect(await (await request.get('/')).text()).toContain(title);

  // The editor goes on writing; the autosave sends the live story's edit to draft.
  await editor.reload();
  await editor.getByLabel('العنوان', { exact: true }).fill(`${title} (محدّث)`);
  await bodyBox(editor).click();
  await editor.keyboard.press('Control+End');
  await expect.poll(() => caretAtEndOfBody(editor)).toBe(true);
  await editor.keyboard.press('Enter');
  await editor.keyboard.insertText('فقرة جديدة لم تُراجع بعد.');
  // No «حفظ»: the autosave after quiet typing is what saves it.
  await expect(statusBadge(editor)).toHaveText('مسودة', { timeout: 30_000 });
  await expect(editor.getByRole('status').filter({ hasText: /^محفوظ$/ })).toBeVisible();
  // Readers still see the published text, and the desk still offers to take it down.
  expect(await (await request.get(publicUrl)).text()).not.toContain('فقرة جديدة لم تُراجع بعد.');
  const takedown = editor.getByRole('button', { name: 'إلغاء النشر', exact: true });
  await expect(takedown).toBeVisible();
  await expect(takedown).toHaveAccessibleDescription('يختفي المقال عن القراء فوراً، وتبقى التعديلات غير المنشورة مسودة.');
  // A reviewer is never offered it.
  await reviewer.goto(articleUrl);
  await expect(reviewer.getByRole('button', { name: 'إلغاء النشر', exact: true })).toHaveCount(0);

  await pressWorkflow(editor, 'إلغاء النشر');
  // Within a second, the article answers 404 and the home page no longer lists it.
  await expect
    .poll(
      async () => {
        const [article, home] = await Promise.all([request.get(publicUrl), request.get('/')]);
        return { article: article.status(), onHome: (await home.text()).includes(title) };
      },
      { timeout: 1_000, intervals: [50] },
    )
    .toEqual({ article: 404, onHome: false });

  // The desk keeps the edit, as a draft that is no longer live.
  await editor.reload();
  await expect(statusBadge(editor)).toHaveText('مسودة');
  await expect(editor.getByText('ظاهر للقراء', { exact: true })).toHaveCount(0);
  await expect(editor.getByLabel('العنوان', { exact: true })).toHaveValue(`${title} (محدّث)`);
  await expect(bodyBox(editor).locator('p')).toHaveText(['النص الذي نُشر للقراء.', 'فقرة جديدة لم تُراجع بعد.']);
  await expect(editor.getByRole('button', { name: 'إرسال للمراجعة', exact: true })).toBeVisible();

  await editor.context().close();
  await reviewer.context().close();
});
