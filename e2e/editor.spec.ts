import fixture from '../db/seed-data/quds-day-article.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { expect, test, type Draft, type DraftInput } from './fixtures';
import { bodyJson, editorBox, expectSaved, localCopies, pauseTimers, signInAs, typeAtEnd, unique } from './support';

// Every desk tab here has a clock the test may pause (pauseTimers), so autosave fires only when told.
test.use({ deskClock: true });

test('the fixture paragraphs, an English sentence and a quote survive save and reload exactly', async ({ createDraft, editorPage: page }) => {
  const english = 'Speakers called for international support, according to the organisers.';
  const draft = await createDraft({ title: unique('خبر الحفظ'), paragraphs: [...fixture.paragraphs.slice(0, 3), english] });
  await page.goto(draft.deskPath);
  await expect(editorBox(page)).toContainText(english);

  // Make the second paragraph a quote, then save.
  await editorBox(page).getByText(fixture.paragraphs[1]!.slice(0, 30)).click();
  await page.getByRole('button', { name: /^اقتباس( \(|$)/ }).click();
  await expect(editorBox(page).getByRole('blockquote')).toContainText(fixture.paragraphs[1]!);
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expectSaved(page);
  const before = await bodyJson(page);
  expect(before).toContain('"type":"blockquote"');

  await page.reload();
  await expect(editorBox(page)).toContainText(english);
  expect(await bodyJson(page)).toBe(before);
  // Per-block direction: the English paragraph lays itself out left to right.
  const englishParagraph = editorBox(page).getByRole('paragraph').filter({ hasText: english });
  await expect(englishParagraph).toHaveAttribute('dir', 'auto');
  await expect(englishParagraph).toHaveCSS('direction', 'ltr');
});

/**
 * The editor and the admin open one story; the editor saves first, then the admin's save of
 * `adminText` collides with it. Returns the conflict the admin is shown. Only the explicit saves
 * count: the timers are paused, so no autosave slips in between typing and «حفظ».
 */
async function collide(createDraft: (input: DraftInput) => Promise<Draft>, editor: Page, admin: Page, title: string, adminText: string) {
  const draft = await createDraft({ title: unique(title), paragraphs: ['الفقرة الأصلية.'] });
  await Promise.all(
    [editor, admin].map(async (page) => {
      await page.goto(draft.deskPath);
      await expect(editorBox(page)).toContainText('الفقرة الأصلية.');
    }),
  );
  await pauseTimers(editor);
  await pauseTimers(admin);
  await typeAtEnd(editor, ' إضافة المحرر.');
  await editor.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expectSaved(editor);

  await typeAtEnd(admin, adminText);
  await admin.getByRole('button', { name: 'حفظ', exact: true }).click();
  const conflict = admin.getByRole('alert').filter({ hasText: 'حفظ يوسف حداد نسخة أحدث' });
  await expect(conflict).toBeVisible();
  return { draft, conflict };
}

test('two people editing one story: the second save shows the conflict and loses nothing', async ({ createDraft, editorPage: editor, adminPage: admin }) => {
  const { draft, conflict } = await collide(createDraft, editor, admin, 'خبر يحرره اثنان', ' إضافة المدير.');
  await expect(conflict).toContainText('إضافة المحرر.');
  // The admin's text is still in the editor, untouched.
  await expect(editorBox(admin)).toContainText('إضافة المدير.');

  await conflict.getByRole('button', { name: 'احفظ نسختي فوق نسختهم' }).click();
  await expectSaved(admin);
  await admin.goto(`${draft.deskPath}/history`);
  // The draft, the editor's save and the admin's save over it.
  await expect(admin.getByRole('main').getByRole('listitem')).toHaveCount(3);
});

test('taking the other version in a conflict keeps mine in the browser, offered back when the story is reopened', async ({ createDraft, editorPage: editor, adminPage: admin }) => {
  const { conflict } = await collide(createDraft, editor, admin, 'خبر أتنازل فيه عن نسختي', ' نص المدير الذي يجب ألا يضيع.');
  await conflict.getByRole('button', { name: 'اعتمد نسختهم (تُحفظ نسختي محلياً)' }).click();
  await expect(editorBox(admin)).toContainText('إضافة المحرر.');
  await expect(editorBox(admin)).not.toContainText('نص المدير الذي يجب ألا يضيع.');

  // Working on from their version: the copy timer fires, and «حفظ» succeeds and clears the
  // work-in-progress copy. Neither may take my set-aside text with it.
  await typeAtEnd(admin, ' سطر بعد اعتماد نسختهم.');
  await admin.clock.runFor(1000);
  await admin.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expectSaved(admin);
  expect((await localCopies(admin)).join('\n')).toContain('نص المدير الذي يجب ألا يضيع.');

  // Reopened, the story offers my text back; restoring puts it in the form.
  await admin.reload();
  const offer = admin.getByRole('alert').filter({ hasText: 'في هذا المتصفح نسخة غير محفوظة' });
  await expect(offer).toContainText('نص المدير الذي يجب ألا يضيع.');
  await offer.getByRole('button', { name: 'استعد النسخة المحلية' }).click();
  await expect(editorBox(admin)).toContainText('نص المدير الذي يجب ألا يضيع.');
});

test('taking their version keeps my text retrievable after the copy timer fires, though a field of mine still differs', async ({ createDraft, editorPage: editor, adminPage: admin }) => {
  const draft = await createDraft({ title: unique('خبر نسختي المحفوظة'), paragraphs: ['الفقرة الأصلية.'] });
  await Promise.all(
    [editor, admin].map(async (page) => {
      await page.goto(draft.deskPath);
      await expect(editorBox(page)).toContainText('الفقرة الأصلية.');
    }),
  );
  await pauseTimers(editor);
  await pauseTimers(admin);
  await typeAtEnd(editor, ' إضافة المحرر.');
  await editor.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expectSaved(editor);

  // Mine: another byline and a sentence of my own, then the save that collides.
  await admin.getByLabel('التوقيع', { exact: true }).fill('مراسل المدير');
  await typeAtEnd(admin, ' نصي الذي أتنازل عنه الآن.');
  await admin.getByRole('button', { name: 'حفظ', exact: true }).click();
  const conflict = admin.getByRole('alert').filter({ hasText: 'حفظ يوسف حداد نسخة أحدث' });
  await conflict.getByRole('button', { name: 'اعتمد نسختهم (تُحفظ نسختي محلياً)' }).click();
  await expect(editorBox(admin)).toContainText('إضافة المحرر.');
  await expect(editorBox(admin)).not.toContainText('نصي الذي أتنازل عنه الآن.');
  // The byline the conflict does not cover is still mine, and still unsaved.
  await expect(admin.getByRole('status').filter({ hasText: 'تغييرات غير محفوظة' })).toBeVisible();

  // The copy timer fires on the form as it is now (their text, my byline): my text stays kept.
  await admin.clock.runFor(1000);
  await expect.poll(async () => (await localCopies(admin)).filter((copy) => copy.includes('مراسل المدير') && copy.includes('إضافة المحرر.')).length).toBe(1);
  expect((await localCopies(admin)).filter((copy) => copy.includes('نصي الذي أتنازل عنه الآن.'))).toHaveLength(1);

  // Reopened, the story offers the work in progress, then my own text; restoring it brings it back.
  await admin.reload();
  const offer = admin.getByRole('alert').filter({ hasText: 'في هذا المتصفح نسخة غير محفوظة' });
  await expect(offer).toBeVisible();
  await expect(offer).not.toContainText('نصي الذي أتنازل عنه الآن.');
  await offer.getByRole('button', { name: 'تجاهلها' }).click();
  await expect(offer).toContainText('نصي الذي أتنازل عنه الآن.');
  await offer.getByRole('button', { name: 'استعد النسخة المحلية' }).click();
  await expect(offer).toHaveCount(0);
  await expect(editorBox(admin)).toContainText('نصي الذي أتنازل عنه الآن.');
  await expect(admin.getByLabel('التوقيع', { exact: true })).toHaveValue('مراسل المدير');
});

test('text typed while offline is kept in the browser and offered back when the story is reopened', async ({ browser, createDraft }) => {
  // A sign-in through the form and the story opened twice: long on a busy machine.
  test.slow();
  const draft = await createDraft({ title: unique('خبر بلا اتصال'), paragraphs: ['نص محفوظ على الخادم.'] });
  // This test signs out at its end, so it signs in through the form in a context of its own
  // rather than ending the editor's stored session.
  const context = await browser.newContext();
  await context.clock.install();
  const page = await context.newPage();
  await signInAs(page, 'editor');
  await page.goto(draft.deskPath);
  await expect(editorBox(page)).toContainText('نص محفوظ على الخادم.');

  await context.setOffline(true);
  await typeAtEnd(page, ' جملة كُتبت بلا اتصال.');
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'لا اتصال بالخادم' })).toBeVisible();
  await page.close(); // the tab is closed before the connection returns

  await context.setOffline(false);
  const reopened = await context.newPage();
  await reopened.goto(draft.deskPath);
  const offer = reopened.getByRole('alert').filter({ hasText: 'في هذا المتصفح نسخة غير محفوظة' });
  await expect(offer).toBeVisible();
  await expect(offer.getByRole('insertion')).toContainText('بلا اتصال');
  await offer.getByRole('button', { name: 'استعد النسخة المحلية' }).click();
  await expect(editorBox(reopened)).toContainText('جملة كُتبت بلا اتصال.');
  await reopened.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expectSaved(reopened);

  // Signing out forgets local copies. The clock stands still so autosave cannot save (and clear)
  // the draft first; one second on writes the local copy, well before autosave's quiet period.
  await pauseTimers(reopened);
  await editorBox(reopened).click();
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

test('an uploaded image with its alt text appears in the body and survives a reload', async ({ createDraft, editorPage: page }) => {
  const sharp = (await import('sharp')).default;
  const png = await sharp({ create: { width: 640, height: 360, channels: 3, background: { r: 155, g: 44, b: 44 } } }).png().toBuffer();
  const draft = await createDraft({ title: unique('خبر مصوّر'), paragraphs: ['فقرة قبل الصورة.'] });
  await page.goto(draft.deskPath);

  await editorBox(page).click();
  await page.getByRole('button', { name: /^صورة/ }).click();
  const picker = page.getByRole('dialog', { name: 'رفع صورة' });
  await picker.getByLabel('ملف الصورة').setInputFiles({ name: '../../x.php.jpg', mimeType: 'image/jpeg', buffer: png });
  // Alt text is required: the browser will not submit without it.
  await picker.getByLabel('النص البديل').fill('لافتة حمراء في قاعة المؤتمر');
  await picker.getByLabel('التعليق').fill('قاعة المؤتمر قبل الافتتاح');
  await picker.getByRole('button', { name: 'إدراج الصورة' }).click();
  await expect(picker).toHaveCount(0);

  const image = editorBox(page).getByRole('img', { name: 'لافتة حمراء في قاعة المؤتمر' });
  await expect(image).toBeVisible();
  const src = await image.getAttribute('src');
  expect(src).toMatch(/^\/media\/[0-9a-f]{32}/); // stored under a server-made name, not the uploaded one
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expectSaved(page);
  await page.reload();
  await expect(editorBox(page).getByRole('img', { name: 'لافتة حمراء في قاعة المؤتمر' })).toBeVisible();
  const served = await page.request.get(src!);
  expect(served.headers()['x-content-type-options']).toBe('nosniff');
});
