import { wallTimeOf } from '../lib/format/formatter';
import { sectionPath } from '../lib/seo/paths';
import { expect, test } from './fixtures';
import { pressWorkflow, unique } from './support';

/*
 * «حظر النشر حتى»: an editor embargoes a story, it is approved and published, and readers still get
 * nothing of it — its page is a 404, no listing or feed names it — until the embargo time, when it
 * appears with no job and no one pressing anything. The desk field takes whole minutes, so the
 * embargo lands on the first minute at least LEAD_MS away; the test waits for that time itself.
 */

const LEAD_MS = 50_000;
const SECTION = 'فلسطين';

test('an embargoed story stays out of every public page until its time, then appears within a second', async ({ createDraft, editorPage: editor, reviewerPage: reviewer, request }) => {
  test.setTimeout(400_000);
  const title = unique('خبر محظور حتى موعده');
  const draft = await createDraft({ title, section: SECTION, paragraphs: ['تفاصيل لا تُنشر قبل المؤتمر الصحفي.'] });
  await editor.goto(draft.deskPath);

  const field = editor.getByLabel('حظر النشر حتى', { exact: true });
  const note = editor.getByLabel('سبب الحظر', { exact: true });
  const zone = (await editor.locator(`#embargo-until-${draft.id}-zone`).textContent())!.replace(/^.*:\s*/, '').trim();

  // A time already past is refused beside the field, and what was typed stays.
  const past = wallTimeOf(new Date(Date.now() - 3600_000), zone);
  await field.fill(past);
  await note.fill('بطلب من الجهة المنظمة');
  await editor.getByRole('button', { name: 'حظر النشر', exact: true }).click();
  // Beside the field, and tied to it, as well as in the form's live region.
  await expect(field).toHaveAccessibleDescription(/اختر وقتاً في المستقبل لرفع الحظر؛ الوقت المكتوب مضى\./);
  await expect(field).toHaveValue(past);
  await expect(note).toHaveValue('بطلب من الجهة المنظمة');

  const until = new Date(Math.ceil((Date.now() + LEAD_MS) / 60_000) * 60_000);
  await field.fill(wallTimeOf(until, zone));
  await editor.getByRole('button', { name: 'حظر النشر', exact: true }).click();
  await expect(editor.getByRole('button', { name: 'تغيير موعد الحظر', exact: true })).toBeVisible();
  await expect(editor.getByText(/مسودة · محظور حتى/)).toBeVisible();

  await pressWorkflow(editor, 'إرسال للمراجعة');
  await reviewer.goto(draft.deskPath);
  await pressWorkflow(reviewer, 'اعتماد');
  await editor.goto(draft.deskPath);
  await pressWorkflow(editor, 'نشر');
  await expect(editor.getByText(/منشور · محظور حتى/)).toBeVisible();

  // Published, yet nothing of it is public; each answer is cached as it is.
  const listings = ['/', sectionPath(SECTION), '/feed.xml', '/sitemap.xml', '/news-sitemap.xml'];
  const shows = (text: string) => text.includes(title) || text.includes(draft.publicPath);
  for (let round = 0; round < 2; round++) {
    expect((await request.get(draft.publicPath)).status()).toBe(404);
    for (const page of listings) {
      const response = await request.get(page);
      expect(response.status(), page).toBe(200);
      expect(shows(await response.text()), page).toBe(false);
    }
  }
  expect(Date.now(), 'the checks before the embargo ended before its time').toBeLessThan(until.getTime());

  // The state waited for is the embargo's own time: the test sleeps until the clock reaches it.
  await new Promise((resolve) => setTimeout(resolve, until.getTime() - Date.now() + 20));
  let visibleAfterMs: number | null = null;
  while (Date.now() - until.getTime() < 3000) {
    const response = await request.get(draft.publicPath);
    if (response.status() === 200 && (await response.text()).includes(title)) {
      visibleAfterMs = Date.now() - until.getTime();
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(visibleAfterMs, 'the article is readable after the embargo').not.toBeNull();
  expect(visibleAfterMs!).toBeLessThan(1000);
  for (const page of listings) {
    const response = await request.get(page);
    expect(shows(await response.text()), page).toBe(true);
  }

  // Taken down again, so the site's own checks of the seeded stories see only those.
  await editor.reload();
  await pressWorkflow(editor, 'إلغاء النشر');
  await expect.poll(async () => (await request.get(draft.publicPath)).status()).toBe(404);
});
