import { expect, test } from './fixtures';
import { confirmDialog, expectNoSeriousAxeViolations, expectSaved, expectStatus, pauseTimers, pressWorkflow, typeAtEnd, unique } from './support';

/*
 * The desk as assistive tools and keyboards meet it: each field's name is its visible label and
 * nothing more (the hint is its description), a new story saves with «حفظ» like any other, and
 * the steps readers feel at once ask first in a dialog that Escape closes, returning focus.
 */

test('every story field is named by its label alone, with its hint as the description', async ({ editorPage: page }) => {
  await page.goto('/desk/articles/new');
  for (const name of ['العنوان', 'الملخص', 'القسم', 'الوسوم', 'رابط المقال', 'التوقيع']) {
    await expect(page.getByLabel(name, { exact: true }), name).toHaveCount(1);
  }
  // «العنوان» names one field only, though the slug's hint speaks of the title.
  await expect(page.getByLabel('العنوان')).toHaveCount(1);
  await expect(page.getByLabel('رابط المقال', { exact: true })).toHaveAccessibleDescription('يُنشأ من العنوان. يبقى الرابط القديم يعمل بعد تغييره.');
  await expect(page.getByLabel('الوسوم', { exact: true })).toHaveAccessibleDescription(/^افصل بين الوسوم بفاصلة/);
  // A new story saves with «حفظ», as the contract names it on every story form.
  await expect(page.getByRole('button', { name: 'حفظ', exact: true })).toBeVisible();
});

test('«نشر» asks first: Escape changes nothing and gives focus back, the dialog’s «نشر» publishes', async ({ createDraft, editorPage: editor, reviewerPage: reviewer, request }) => {
  test.setTimeout(120_000);
  const draft = await createDraft({ title: unique('خبر يُسأل قبل نشره') });
  await editor.goto(draft.deskPath);
  await pressWorkflow(editor, 'إرسال للمراجعة');
  await reviewer.goto(draft.deskPath);
  await pressWorkflow(reviewer, 'اعتماد');
  await editor.reload();
  await expectStatus(editor, 'معتمد');

  // Keyboard only: focus the button, press Enter; the dialog says where readers will see it.
  const publish = editor.getByRole('button', { name: 'نشر', exact: true });
  await publish.focus();
  await editor.keyboard.press('Enter');
  const dialog = editor.getByRole('alertdialog', { name: 'نشر الخبر الآن؟' });
  await expect(dialog).toContainText(`/articles/${draft.slug}`);
  await expect(dialog.getByRole('button', { name: 'تراجع' })).toBeFocused();
  await editor.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(publish).toBeFocused();
  await expectStatus(editor, 'معتمد');
  expect((await request.get(draft.publicPath)).status()).toBe(404);

  // Confirmed with the keyboard too: Tab to the dialog's «نشر», Enter.
  await editor.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'تراجع' })).toBeFocused();
  await editor.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'نشر', exact: true })).toBeFocused();
  await editor.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expectStatus(editor, 'منشور');
  await expect.poll(async () => (await request.get(draft.publicPath)).status()).toBe(200);

  // «إلغاء النشر» asks too, naming the address that will stop answering; the reader pages the
  // other specs count on are left as they were.
  await editor.getByRole('button', { name: 'إلغاء النشر', exact: true }).click();
  await expect(editor.getByRole('alertdialog', { name: 'إلغاء نشر الخبر؟' })).toContainText(`/articles/${draft.slug}`);
  await confirmDialog(editor, 'إلغاء النشر');
  await expectStatus(editor, 'غير منشور');
  await expect.poll(async () => (await request.get(draft.publicPath)).status()).toBe(404);
});

test('every story can be found in the inventory by its state and words of its title, a page at a time', async ({ createDraft, editorPage: page }) => {
  const draft = await createDraft({ title: unique('خبر في الجرد عن إسرائيل') });
  await page.goto('/desk');
  // Each queue links to the whole inventory, filtered to that queue.
  const drafts = page.getByRole('region', { name: /^مسوداتي/ });
  await drafts.getByRole('link', { name: 'عرض الكل' }).click();
  await expect(page).toHaveURL(/\/desk\/stories\?status=draft&author=\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'كل الأخبار' })).toBeVisible();
  await expect(page.getByLabel('الحالة', { exact: true })).toHaveValue('draft');

  // Words of the title, typed without the hamza: the story is found, alone.
  await page.getByLabel('كلمات من العنوان').fill(`الجرد اسرائيل ${draft.title.split(' ').at(-1)}`);
  await page.getByRole('button', { name: 'عرض', exact: true }).click();
  const found = page.getByRole('region', { name: /^عدد الأخبار/ });
  await expect(found.getByRole('heading')).toHaveText(/^عدد الأخبار: ١|^عدد الأخبار: 1/);
  await found.getByRole('link', { name: draft.title }).click();
  await expect(page).toHaveURL(new RegExp(`${draft.deskPath}$`));

  // A filter the desk cannot use is named, not an error.
  await page.goto('/desk/stories?status=archived&sort=title');
  await expect(page.getByRole('status').filter({ hasText: 'تجاهلنا تصفية غير صالحة: الحالة.' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^عدد الأخبار/ }).getByRole('listitem').first()).toBeVisible();
});

for (const locale of ['ar', 'en'] as const) {
  const words = {
    ar: { deactivate: 'إيقاف', body: 'نص المقال', image: /^صورة/, upload: 'رفع صورة', submit: 'إرسال للمراجعة' },
    en: { deactivate: 'Deactivate', body: 'Story text', image: /^Image/, upload: 'Upload an image', submit: 'Submit for review' },
  }[locale];

  test(`axe finds no serious or critical issue on any desk page, the sign-in page or the desk's dialogs (${locale})`, async ({ openDesk, createDraft, browser, baseURL }) => {
    test.slow();
    const language = { name: 'midad-locale', value: locale, url: baseURL! };

    // Sign-in, before anyone is signed in.
    const visitor = await browser.newContext({ baseURL, locale: 'ar' });
    try {
      await visitor.addCookies([language]);
      const login = await visitor.newPage();
      await login.goto('/login');
      await expectNoSeriousAxeViolations(login, `/login (${locale})`);
    } finally {
      await visitor.close();
    }

    // A story waiting for review, so the review view and its history have something to show.
    const draft = await createDraft({ title: unique('خبر لفحص الإتاحة') });
    const page = await openDesk('admin');
    await page.context().addCookies([language]);
    await page.goto(draft.deskPath);
    await pressWorkflow(page, words.submit);

    const paths = [
      '/desk',
      '/desk/stories',
      '/desk/articles/new',
      draft.deskPath,
      `${draft.deskPath}/history`,
      '/desk/review',
      '/desk/search?q=%D8%AE%D8%A8%D8%B1',
      '/desk/users',
      '/desk/sections',
      '/desk/settings',
      '/desk/account',
      '/desk/activity',
      '/desk/api-keys',
      '/desk/notifications',
    ];
    for (const path of paths) {
      await page.goto(path);
      await expectNoSeriousAxeViolations(page, `${path} (${locale})`);
    }

    // The upload dialog, open over the story editor.
    await page.goto(draft.deskPath);
    await page.getByRole('textbox', { name: words.body }).click();
    await page.getByRole('button', { name: words.image }).click();
    await expect(page.getByRole('dialog', { name: words.upload })).toBeVisible();
    await expectNoSeriousAxeViolations(page, `the upload dialog (${locale})`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // A dialog that asks first, open over the people page; Escape leaves everyone as they were.
    await page.goto('/desk/users');
    await page.getByRole('button', { name: words.deactivate, exact: true }).first().click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await expectNoSeriousAxeViolations(page, `the deactivate dialog (${locale})`);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
  });
}

test('Ctrl+S saves from anywhere in the story, and the story list shows who has it open', async ({ createDraft, openDesk, adminPage: admin }) => {
  const draft = await createDraft({ title: unique('خبر يُحفظ من لوحة المفاتيح') });
  // The clock is paused once the page has loaded: no autosave can save in the shortcut's place.
  const editor = await openDesk('editor', { clock: true });
  await editor.goto(draft.deskPath);
  await pauseTimers(editor);
  await typeAtEnd(editor, ' جملة أخيرة.');
  await expect(editor.getByRole('status').filter({ hasText: /^محفوظ$/ })).toHaveCount(0);
  await editor.keyboard.press('Control+s');
  await expectSaved(editor);

  // The editor still has it open: the inventory says so beside the story.
  const row = admin.getByRole('listitem').filter({ has: admin.getByRole('link', { name: draft.title }) });
  await expect(async () => {
    await admin.goto(`/desk/stories?q=${encodeURIComponent(draft.title)}`);
    await expect(row).toContainText('يفتح هذا المقال الآن: يوسف حداد', { timeout: 1000 });
  }).toPass();
});

test('several stories are moved at once from the inventory, and what could not be done is said story by story', async ({ createDraft, editorPage: page }) => {
  const word = unique('جماعي');
  const drafts = [await createDraft({ title: `خبر أول ${word}` }), await createDraft({ title: `خبر ثان ${word}` })];
  await page.goto(`/desk/stories?q=${encodeURIComponent(word)}`);
  for (const draft of drafts) await page.getByRole('checkbox', { name: `اختيار «${draft.title}»` }).check();
  await page.getByLabel('الإجراء').selectOption({ label: 'نقل إلى قسم' });
  await page.getByLabel('القسم الجديد').selectOption({ label: 'ثقافة' });
  await page.getByRole('button', { name: 'تطبيق على المحدد' }).click();
  await confirmDialog(page, 'تطبيق على المحدد');
  const report = page.getByRole('region', { name: 'نتيجة الإجراء' });
  await expect(report.getByRole('status')).toHaveText('طُبّق على 2، ولم يُطبَّق على 0.');
  await page.goto(`/desk/stories?q=${encodeURIComponent(word)}&section=`);
  await expect(page.getByRole('listitem').filter({ hasText: word }).filter({ hasText: 'ثقافة' })).toHaveCount(2);

  // Drafts cannot be taken down: each says why, and nothing changed.
  for (const draft of drafts) await page.getByRole('checkbox', { name: `اختيار «${draft.title}»` }).check();
  await page.getByLabel('الإجراء').selectOption({ label: 'إلغاء النشر' });
  await page.getByRole('button', { name: 'تطبيق على المحدد' }).click();
  await confirmDialog(page, 'تطبيق على المحدد');
  await expect(report.getByRole('status')).toHaveText('طُبّق على 0، ولم يُطبَّق على 2.');
  await expect(report.getByRole('listitem')).toHaveCount(2);
  for (const item of await report.getByRole('listitem').all()) await expect(item).toContainText('لا ينطبق هذا الإجراء على حالة المقال الآن.');
});
