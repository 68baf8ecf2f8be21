import fixture from '../db/seed-data/quds-day-article.json' with { type: 'json' };
import { expect, test } from './fixtures';
import { caretAtEnd, expectSaved, expectStatus, pressWorkflow, unique } from './support';

test('a story goes from writing to readers only through review, and approval covers exactly what is published', async ({ createDraft, editorPage: editor, reviewerPage: reviewer, request }) => {
  // Two people, two review rounds and two publications: minutes on a busy machine.
  test.setTimeout(180_000);
  // The editor writes the fixture's first paragraphs and an English sentence.
  const draft = await createDraft({
    title: `${fixture.title} ${unique('نسخة')}`,
    summary: fixture.summary,
    paragraphs: [...fixture.paragraphs.slice(0, 3), 'The conference was streamed live in English as well.'],
  });
  await editor.goto(draft.deskPath);
  await expectStatus(editor, 'مسودة');

  await pressWorkflow(editor, 'إرسال للمراجعة');
  await editor.reload();
  await expectStatus(editor, 'قيد المراجعة');

  // Readers cannot see it.
  expect((await request.get(draft.publicPath)).status()).toBe(404);

  // The reviewer finds it in the queue and asks for changes with a note.
  await reviewer.goto('/desk/review');
  await reviewer.getByRole('link', { name: draft.title }).click();
  await expect(reviewer.getByRole('heading', { name: 'معاينة كما سيراها القراء' })).toBeVisible();
  await expect(reviewer.getByRole('button', { name: 'نشر', exact: true })).toHaveCount(0);
  await pressWorkflow(reviewer, 'طلب تعديلات', 'أضيفوا اسم المدينة في الفقرة الأولى.');

  // The editor sees the note, fixes the story and resubmits.
  await editor.reload();
  await expectStatus(editor, 'مطلوب تعديلات');
  await expect(editor.getByText('أضيفوا اسم المدينة في الفقرة الأولى.')).toBeVisible();
  await caretAtEnd(editor);
  await editor.keyboard.press('Enter');
  await editor.keyboard.insertText('أُقيم الحفل في مدينة بيروت.');
  await editor.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expectSaved(editor);
  await editor.reload();
  await pressWorkflow(editor, 'إرسال للمراجعة');

  // A forged publish from the reviewer's own session is refused and changes nothing. The action a
  // form asks for travels in a hidden field, which has no role or label: it is found by its name.
  await reviewer.goto(draft.deskPath);
  await expectStatus(reviewer, 'قيد المراجعة');
  const forged = reviewer.locator('form', { has: reviewer.getByRole('button', { name: 'اعتماد', exact: true }) });
  await forged.locator('input[name="action"]').evaluate((input: HTMLInputElement) => (input.value = 'publish'));
  await forged.getByRole('button', { name: 'اعتماد', exact: true }).click();
  await expect(forged.getByRole('status')).toHaveText('لا يسمح دورك بهذا الإجراء.');
  await reviewer.reload();
  await expectStatus(reviewer, 'قيد المراجعة');
  expect((await request.get(draft.publicPath)).status()).toBe(404);

  // The reviewer shows what changed since their last review, then approves.
  const changes = reviewer.getByRole('region', { name: /التغييرات منذ آخر نسخة راجعتها/ });
  await expect(changes.getByRole('insertion').filter({ hasText: 'بيروت' }).first()).toBeVisible();
  await pressWorkflow(reviewer, 'اعتماد');
  await reviewer.reload();
  await expectStatus(reviewer, 'معتمد');
  await expect(reviewer.getByRole('button', { name: 'نشر', exact: true })).toHaveCount(0);

  // The editor publishes; readers see it.
  await editor.reload();
  await pressWorkflow(editor, 'نشر');
  const live = await request.get(draft.publicPath);
  expect(live.status()).toBe(200);
  expect(await live.text()).toContain('أُقيم الحفل في مدينة بيروت.');

  // Editing the live story leaves readers on the published text until it is approved and published again.
  await editor.reload();
  await editor.getByLabel('العنوان', { exact: true }).fill(`${draft.title} (محدّث)`);
  await editor.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expectSaved(editor);
  const unchanged = await (await request.get(draft.publicPath)).text();
  expect(unchanged).not.toContain('(محدّث)');
  await editor.reload();
  await expectStatus(editor, 'مسودة');
  await pressWorkflow(editor, 'إرسال للمراجعة');
  await reviewer.goto(draft.deskPath);
  await pressWorkflow(reviewer, 'اعتماد');
  await editor.reload();
  await pressWorkflow(editor, 'نشر');
  await expect.poll(async () => (await (await request.get(draft.publicPath)).text()).includes('(محدّث)')).toBe(true);
});

test('nobody can approve a story they wrote themselves', async ({ createDraft, adminPage: admin }) => {
  const draft = await createDraft({ title: unique('خبر كتبه المدير'), section: 'سياسة', paragraphs: ['نص قصير للاختبار.'], as: 'admin' });
  await admin.goto(draft.deskPath);
  await pressWorkflow(admin, 'إرسال للمراجعة');
  await admin.reload();
  await expectStatus(admin, 'قيد المراجعة');
  // The button is not offered; a request-changes form forged into an approval is refused.
  await expect(admin.getByRole('button', { name: 'اعتماد', exact: true })).toHaveCount(0);
  const form = admin.locator('form', { has: admin.getByRole('button', { name: 'طلب تعديلات', exact: true }) });
  await form.locator('input[name="action"]').evaluate((input: HTMLInputElement) => (input.value = 'approve'));
  await form.getByRole('button', { name: 'طلب تعديلات', exact: true }).click();
  await expect(form.getByRole('status')).toHaveText('لا يمكنك اعتماد تغيير فيه تعديلات كتبتها بنفسك منذ آخر اعتماد: يحتاج الاعتماد إلى عين ثانية.');
});

test('previews of any revision are for signed-in staff only and never cached publicly', async ({ reviewerPage: reviewer, request }) => {
  const anonymous = await request.get('/desk/articles/1/preview', { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toContain('/login');

  await reviewer.goto('/desk/review');
  await reviewer.getByRole('link', { name: 'المدن التي نحبّها تُبنى على مهل' }).click();
  await expect(reviewer).toHaveURL(/\/desk\/articles\/\d+$/);
  const response = await reviewer.goto(`${reviewer.url()}/preview?rev=1`);
  expect(response?.headers()['cache-control']).toMatch(/private|no-store/);
  await expect(reviewer.getByRole('note')).toContainText('النسخة 1');
  await expect(reviewer.getByRole('heading', { level: 1, name: 'المدن التي نحبّها تُبنى على مهل' })).toBeVisible();
});
