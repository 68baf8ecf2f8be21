import { expect, test } from './fixtures';
import { confirmDialog, pressWorkflow, publishUnderEmbargo, unique } from './support';

/*
 * «روابط المعاينة للشركاء»: an editor embargoes a story, it is approved and published, and the
 * editor makes two preview links — one until the embargo lifts, one for an hour. A partner with no
 * account opens them: the story as readers will see it, under a banner with the embargo time,
 * never indexed or cached, while the public article is still a 404. The hour's link is revoked
 * and answers 404 at once; the other answers until its expiry — the embargo time, a known instant
 * the test waits for — and 404 from then on. The story is taken down at the end.
 */

const LEAD_MS = 90_000;

test('a partner preview link shows an embargoed story until it expires, and nothing once revoked', async ({ createDraft, editorPage: editor, reviewerPage: reviewer, browser, baseURL, request }) => {
  test.setTimeout(400_000);
  const title = unique('خبر للشركاء قبل موعده');
  const draft = await createDraft({ title, section: 'فلسطين', paragraphs: ['تفاصيل يقرؤها الشركاء قبل رفع الحظر.'] });
  // Embargoed until the first whole minute at least LEAD_MS away, then approved and published.
  const { until, zone } = await publishUnderEmbargo(editor, reviewer, draft, LEAD_MS);

  // Two links: until the embargo lifts, and for an hour. Each is shown once, right after it is made.
  const panel = editor.getByRole('region', { name: 'روابط المعاينة للشركاء' });
  const shownLink = panel.getByRole('textbox', { name: 'رابط المعاينة', exact: true });
  await panel.getByLabel('مدة الصلاحية', { exact: true }).selectOption('embargo');
  await panel.getByRole('button', { name: 'إنشاء رابط معاينة', exact: true }).click();
  await expect(shownLink).toHaveValue(/\/preview\/[A-Za-z0-9_-]{43}$/);
  const untilEmbargo = await shownLink.inputValue();
  await panel.getByLabel('مدة الصلاحية', { exact: true }).selectOption('hour');
  await panel.getByRole('button', { name: 'إنشاء رابط معاينة', exact: true }).click();
  await expect(shownLink).not.toHaveValue(untilEmbargo);
  const forAnHour = await shownLink.inputValue();
  const listed = panel.getByRole('list', { name: 'روابط المعاينة للشركاء' }).getByRole('listitem');
  await expect(listed).toHaveCount(2);
  await expect(listed.first()).toContainText('ينتهي');

  // A partner without an account, in a browser of their own.
  const partnerContext = await browser.newContext({ baseURL });
  try {
    const partner = await partnerContext.newPage();
    const answer = await partner.goto(untilEmbargo);
    expect(answer?.status()).toBe(200);
    const headers = answer!.headers();
    expect(headers['cache-control']).toContain('no-store');
    expect(headers['cache-control']).toContain('private');
    expect(headers['x-robots-tag']).toContain('noindex');
    expect(headers['referrer-policy']).toBe('no-referrer');
    await expect(partner.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(partner.getByRole('note', { name: 'معاينة للشركاء' })).toContainText('معاينة للشركاء · محظور حتى');
    await expect(partner.getByRole('note', { name: 'معاينة للشركاء' })).toContainText(zone);
    await expect(partner.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex, nofollow/);
    expect((await request.get(draft.publicPath)).status()).toBe(404);

    // The hour's link works until it is revoked, then answers 404 with a clear sentence.
    expect((await partner.goto(forAnHour))?.status()).toBe(200);
    await listed.first().getByRole('button', { name: 'إلغاء الرابط', exact: true }).click();
    await confirmDialog(editor, 'إلغاء الرابط');
    await expect(listed.first()).toContainText('أُلغي');
    const revoked = await partner.goto(forAnHour);
    expect(revoked?.status()).toBe(404);
    await expect(partner.getByRole('heading', { name: 'رابط المعاينة غير صالح' })).toBeVisible();
    await expect(partner.getByText(title)).toHaveCount(0);
    // An address nobody was given answers the same.
    expect((await partner.goto(`/preview/${'x'.repeat(43)}`))?.status()).toBe(404);

    // The other link answers until its expiry, the embargo time: the test waits for that instant.
    expect((await partner.goto(untilEmbargo))?.status()).toBe(200);
    expect(Date.now(), 'the checks before the link expired ended before its time').toBeLessThan(until.getTime());
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, until.getTime() - Date.now())));
    await expect.poll(async () => (await request.get(untilEmbargo)).status(), { timeout: 15_000 }).toBe(404);
  } finally {
    await partnerContext.close();
  }

  // The embargo has passed with it: readers get the story now. Taken down again, so the site's own
  // checks of the seeded stories see only those.
  await expect.poll(async () => (await request.get(draft.publicPath)).status()).toBe(200);
  await editor.reload();
  await pressWorkflow(editor, 'إلغاء النشر');
  await expect.poll(async () => (await request.get(draft.publicPath)).status()).toBe(404);
});
