import { expect, test } from './fixtures';
import { caretAtEnd, editorBox, expectSaved, expectStatus, freshWithin, pressWorkflow, unique } from './support';

/*
 * «إلغاء النشر» takes a live story off every public place at once, also while an edit of it is
 * being written: the edit is kept as a draft in the desk.
 */

test('a live story is taken down at once while its edit is in draft, and the edit stays in the desk', async ({ createDraft, editorPage: editor, reviewerPage: reviewer, request }) => {
  // Two people, a review round and an autosave's quiet period: long on a busy machine.
  test.setTimeout(180_000);
  const draft = await createDraft({ title: unique('خبر يُسحب من النشر'), section: 'سياسة', paragraphs: ['النص الذي نُشر للقراء.'] });
  const { title, deskPath: articleUrl, publicPath: publicUrl } = draft;
  await editor.goto(articleUrl);

  await pressWorkflow(editor, 'إرسال للمراجعة');
  await reviewer.goto(articleUrl);
  await pressWorkflow(reviewer, 'اعتماد');
  await editor.reload();
  await pressWorkflow(editor, 'نشر');
  await expectStatus(editor, 'منشور');

  // Readers see it on its page and on the home page.
  expect((await request.get(publicUrl)).status()).toBe(200);
  expect(await (await request.get('/')).text()).toContain(title);

  // The editor goes on writing; the autosave sends the live story's edit to draft.
  await editor.reload();
  await editor.getByLabel('العنوان', { exact: true }).fill(`${title} (محدّث)`);
  await caretAtEnd(editor);
  await editor.keyboard.press('Enter');
  await editor.keyboard.insertText('فقرة جديدة لم تُراجع بعد.');
  // No «حفظ»: the autosave after quiet typing is what saves it.
  await expectStatus(editor, 'مسودة', 30_000);
  await expectSaved(editor);
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
  await freshWithin(
    1_000,
    async () => {
      const [article, home] = await Promise.all([request.get(publicUrl), request.get('/')]);
      return { article: article.status(), onHome: (await home.text()).includes(title) };
    },
    { article: 404, onHome: false },
  );

  // The desk keeps the edit, as a draft that is no longer live.
  await editor.reload();
  await expectStatus(editor, 'مسودة');
  await expect(editor.getByText('ظاهر للقراء', { exact: true })).toHaveCount(0);
  await expect(editor.getByLabel('العنوان', { exact: true })).toHaveValue(`${title} (محدّث)`);
  await expect(editorBox(editor).getByRole('paragraph')).toHaveText(['النص الذي نُشر للقراء.', 'فقرة جديدة لم تُراجع بعد.']);
  await expect(editor.getByRole('button', { name: 'إرسال للمراجعة', exact: true })).toBeVisible();
});
