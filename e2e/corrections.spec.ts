import { expect, test } from './fixtures';
import { confirmDialog, expectSaved, freshWithin, pressWorkflow, unique } from './support';

/*
 * Public notes: a live story edited, reviewed again and published with a «تصحيح». Readers — without
 * JavaScript — get the note on the story, in its JSON-LD and on /corrections within a second of the
 * desk's confirmation; the history shows it beside its revision; the takedown at the end takes it
 * off /corrections just as fast.
 */

test('a correction published with a new version reaches the story and /corrections within a second, and leaves with the story', async ({
  browser,
  createDraft,
  editorPage: editor,
  reviewerPage: reviewer,
  request,
}) => {
  test.slow();
  const title = unique('المجلس البلدي يقرّ موازنة العام');
  const draft = await createDraft({ title, section: 'اقتصاد', paragraphs: ['أقرّ المجلس البلدي موازنة بقيمة ٢٠ مليون دينار.'] });
  await editor.goto(draft.deskPath);
  await pressWorkflow(editor, 'إرسال للمراجعة');
  await reviewer.goto(draft.deskPath);
  await pressWorkflow(reviewer, 'اعتماد');
  await editor.goto(draft.deskPath);
  // A first publication has nothing to correct: no note is offered.
  await expect(editor.getByRole('button', { name: 'نشر', exact: true })).toBeVisible();
  await expect(editor.getByRole('radio', { name: 'تصحيح', exact: true })).toHaveCount(0);
  await pressWorkflow(editor, 'نشر');

  // The story is edited, reviewed and approved again.
  await editor.reload();
  await editor.getByLabel('الملخص', { exact: true }).fill('الموازنة ١٢ مليون دينار لا ٢٠ مليوناً.');
  await editor.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expectSaved(editor);
  await editor.reload();
  await pressWorkflow(editor, 'إرسال للمراجعة');
  await reviewer.goto(draft.deskPath);
  await pressWorkflow(reviewer, 'اعتماد');
  await editor.reload();

  // «تصحيح» without its text is refused beside the field, and the choice stays.
  const correction = editor.getByRole('radio', { name: 'تصحيح', exact: true });
  await expect(editor.getByRole('radio', { name: 'تحديث', exact: true })).toBeVisible();
  await correction.check();
  const publish = editor.getByRole('button', { name: 'نشر', exact: true });
  await publish.click();
  await confirmDialog(editor, 'نشر');
  const text = editor.getByRole('textbox', { name: 'نص الملاحظة', exact: true });
  await expect(text).toHaveAccessibleDescription(/اكتب نص الملاحظة التي سيقرؤها القراء/);
  await expect(correction).toBeChecked();

  const note = `ذكرت نسخة سابقة أن الموازنة ٢٠ مليون دينار، والصحيح ١٢ مليوناً (${title.slice(-6)}).`;
  await text.fill(note);
  await publish.click();
  await confirmDialog(editor, 'نشر');
  // The desk's confirmation: the story is published again and «نشر» is no longer offered.
  await expect(publish).toHaveCount(0);
  const readers = async () => {
    const [article, corrections] = await Promise.all([request.get(draft.publicPath), request.get('/corrections')]);
    const html = await article.text();
    return [html.includes('aria-labelledby="public-notes-heading"') && html.includes(note) && html.includes('"@type":"CorrectionComment"'), (await corrections.text()).includes(note)];
  };
  await freshWithin(1_000, readers, [true, true]);

  // Readers without JavaScript: the note on the story with its kind, and /corrections linking to it.
  const reader = await browser.newContext({ javaScriptEnabled: false });
  const page = await reader.newPage();
  await page.goto(draft.publicPath);
  const notes = page.getByRole('region', { name: 'تصحيحات وتحديثات' });
  await expect(notes.getByRole('listitem')).toHaveCount(1);
  await expect(notes.getByRole('listitem')).toContainText('تصحيح');
  await expect(notes.getByRole('listitem')).toContainText(note);
  await expect(page.getByRole('link', { name: 'آخر تصحيح' })).toBeVisible();
  await page.getByRole('contentinfo').getByRole('link', { name: 'التصحيحات' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('التصحيحات');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await reader.close();

  // The desk's history shows the note beside the revision it went out with.
  await editor.goto(`${draft.deskPath}/history`);
  await expect(editor.getByRole('listitem').filter({ hasText: note })).toContainText('النسخة');

  // Taken down: the correction leaves /corrections within a second of the confirmation.
  await editor.goto(draft.deskPath);
  await pressWorkflow(editor, 'إلغاء النشر');
  await freshWithin(1_000, async () => (await (await request.get('/corrections')).text()).includes(note), false);
  await expect.poll(async () => (await request.get(draft.publicPath)).status()).toBe(404);
});
