import { expect, test } from './fixtures';
import { confirmDialog, editorBox, expectSaved, pauseTimers, unique } from './support';

// Only the explicit saves make revisions here: the autosave's timer waits for the test.
test.use({ deskClock: true });

test('an old revision restored from the history page is back in the editor, and the timeline says it was restored', async ({ createDraft, editorPage: page }) => {
  const first = 'النص الأول كما كُتب قبل أي تعديل.';
  const replacement = 'نص كُتب فوق النص الأول ثم تراجع عنه الكاتب.';
  const draft = await createDraft({ title: unique('خبر تُستعاد نسخته'), paragraphs: [first] });

  // Revision 2 replaces the whole body.
  await page.goto(draft.deskPath);
  await expect(editorBox(page)).toContainText(first);
  await pauseTimers(page);
  await editorBox(page).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(replacement);
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expectSaved(page);
  await expect(editorBox(page)).not.toContainText(first);

  // The history lists both revisions; the first one is restored.
  await page.getByRole('link', { name: 'سجل النسخ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^سجل النسخ/ })).toBeVisible();
  const revisions = page.getByRole('main').getByRole('listitem');
  await expect(revisions).toHaveCount(2);
  const revision = (number: number) => revisions.filter({ hasText: new RegExp(`^النسخة ${number}\\D`) });
  await expect(revision(2)).toContainText('الحالية');
  await expect(revision(2).getByRole('button', { name: 'استعادة هذه النسخة' })).toHaveCount(0);
  const restore = revision(1).locator('form', { has: page.getByRole('button', { name: 'استعادة هذه النسخة' }) });
  await restore.getByRole('button', { name: 'استعادة هذه النسخة' }).click();
  // It asks first, saying nothing is removed from the history.
  await expect(page.getByRole('alertdialog', { name: 'استعادة النسخة 1؟' })).toContainText('لا يُحذف شيء من السجل');
  await confirmDialog(page, 'استعادة هذه النسخة');
  await expect(page.getByRole('region', { name: 'إشعارات المكتب' })).toContainText('تمّ.');

  // The restore is a new revision carrying the old text; nothing is removed from the history.
  await expect(revisions).toHaveCount(3);
  await expect(revision(3)).toContainText('الحالية');

  await page.getByRole('link', { name: 'العودة إلى المقال' }).click();
  await expect(page).toHaveURL(new RegExp(`${draft.deskPath}$`));
  await expect(editorBox(page)).toHaveText(first);
  await expect(page.getByText('النسخة 3', { exact: true })).toBeVisible();
  // The newest entry of the story's timeline: who restored which revision, as which new one.
  const latest = page.getByRole('region', { name: 'سجل النشاط' }).getByRole('listitem').first();
  await expect(latest).toContainText('يوسف حداد استعاد نسخة سابقة · النسخة 3');
  await expect(latest).toContainText('أعاد نص النسخة 1');

  // Readers of the desk's preview see the restored text as the current revision.
  await page.goto(`${draft.deskPath}/preview`);
  await expect(page.getByRole('region', { name: 'نص المقال' })).toHaveText(first);
});
