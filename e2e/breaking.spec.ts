import { wallTimeOf } from '../lib/format/formatter';
import { expect, test } from './fixtures';
import { expectNoSeriousAxeViolations, freshWithin, pressWorkflow, unique } from './support';

/*
 * «عاجل»: an editor marks a published story as breaking news. Every public page — read here as a
 * reader without JavaScript gets it — shows a banner linking to it, and the feed flags it, within a
 * second; at the mark's end it leaves every page by itself, and clearing it does the same at once.
 * The desk field takes whole minutes, so the end lands on the first minute at least LEAD_MS away
 * and the test waits for that time itself.
 */

const LEAD_MS = 50_000;
const PAGES = ['/', '/sections/سياسة', '/search?q=اختبار'];

test('a breaking-news banner appears on every page within a second, and goes at its end or when cleared', async ({ browser, createDraft, editorPage: editor, reviewerPage: reviewer, request }) => {
  test.setTimeout(400_000);
  const title = unique('عاجل: انقطاع الكهرباء عن وسط المدينة');
  const draft = await createDraft({ title, section: 'سياسة', paragraphs: ['انقطعت الكهرباء عن أحياء وسط المدينة صباح اليوم.'] });
  await editor.goto(draft.deskPath);
  await pressWorkflow(editor, 'إرسال للمراجعة');
  await reviewer.goto(draft.deskPath);
  await pressWorkflow(reviewer, 'اعتماد');
  await editor.goto(draft.deskPath);
  await pressWorkflow(editor, 'نشر');

  // What readers' pages say about the banner: the linked title, or nothing.
  const banners = async () =>
    Promise.all(
      PAGES.map(async (path) => {
        const html = await (await request.get(path)).text();
        return html.includes('aria-label="أخبار عاجلة"') && html.includes(title);
      }),
    );
  const everywhere = PAGES.map(() => true);
  const nowhere = PAGES.map(() => false);
  expect(await banners()).toEqual(nowhere);

  const minuteAfter = (ms: number) => new Date(Math.ceil(ms / 60_000) * 60_000);
  const before = Date.now();
  await editor.reload();
  const field = editor.getByLabel('عاجل حتى', { exact: true });
  const offered = await field.inputValue();
  const after = Date.now();
  const zone = (await editor.locator(`#breaking-until-${draft.id}-zone`).textContent())!.replace(/^.*:\s*/, '').trim();
  // Two hours from now unless the editor chooses otherwise (wall times compare as text).
  expect(offered >= wallTimeOf(minuteAfter(before + 2 * 3600_000), zone) && offered <= wallTimeOf(minuteAfter(after + 2 * 3600_000), zone), offered).toBe(true);

  // A time already past is refused beside the field, and what was typed stays.
  const past = wallTimeOf(new Date(Date.now() - 3600_000), zone);
  await field.fill(past);
  await editor.getByRole('button', { name: 'وسم كعاجل', exact: true }).click();
  await expect(field).toHaveAccessibleDescription(/اختر وقتاً في المستقبل لانتهاء العاجل؛ الوقت المكتوب مضى\./);
  await expect(field).toHaveValue(past);

  const until = minuteAfter(Date.now() + LEAD_MS);
  await field.fill(wallTimeOf(until, zone));
  await editor.getByRole('button', { name: 'وسم كعاجل', exact: true }).click();
  await expect(editor.getByRole('button', { name: 'تغيير موعد انتهاء العاجل', exact: true })).toBeVisible();
  await freshWithin(1_000, banners, everywhere);

  // Without JavaScript the banner is a plain link to the story, and the feed flags the story.
  const reader = await browser.newContext({ javaScriptEnabled: false });
  const page = await reader.newPage();
  await page.goto('/');
  await page.getByRole('region', { name: 'أخبار عاجلة' }).getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await reader.close();
  const feed = await (await request.get('/feed.xml')).text();
  const item = feed.split('<item>').find((part) => part.includes(title));
  expect(item).toContain('<category>عاجل</category>');
  expect(Date.now(), 'the checks while breaking ended before the mark’s end').toBeLessThan(until.getTime());

  // The state waited for is the mark's own end: the test sleeps until the clock reaches it.
  await new Promise((resolve) => setTimeout(resolve, until.getTime() - Date.now() + 20));
  await freshWithin(1_000, banners, nowhere);
  expect((await (await request.get('/feed.xml')).text()).split('<item>').find((part) => part.includes(title))).not.toContain('<category>عاجل</category>');

  // Marked again with the offered two hours, then cleared: gone within a second.
  await editor.reload();
  await editor.getByRole('button', { name: 'وسم كعاجل', exact: true }).click();
  // Within a second of the desk's confirmation: the clear button comes with it.
  await expect(editor.getByRole('button', { name: 'إلغاء العاجل', exact: true })).toBeVisible();
  await freshWithin(1_000, banners, everywhere);
  // The banner reads well in both colour schemes.
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme });
    const home = await context.newPage();
    await home.goto('/');
    await expect(home.getByRole('region', { name: 'أخبار عاجلة' }).getByRole('link', { name: title })).toBeVisible();
    await expectNoSeriousAxeViolations(home, `home with the banner (${colorScheme})`);
    await context.close();
  }
  await editor.getByRole('button', { name: 'إلغاء العاجل', exact: true }).click();
  await expect(editor.getByRole('button', { name: 'وسم كعاجل', exact: true })).toBeVisible();
  await freshWithin(1_000, banners, nowhere);

  // Taken down again, so the site's own checks of the seeded stories see only those.
  await pressWorkflow(editor, 'إلغاء النشر');
  await expect.poll(async () => (await request.get(draft.publicPath)).status()).toBe(404);
});
