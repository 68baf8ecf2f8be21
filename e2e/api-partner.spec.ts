import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { confirmDialog, pressWorkflow, publishUnderEmbargo, unique } from './support';

/*
 * The content API and its keys together, from the desk to a partner's client: an admin makes a
 * partner key and a public key; an editor embargoes a story and publishes it. Before the embargo
 * the partner key reads it through /api/v1 — marked embargoed, never stored by a shared cache —
 * while anonymous callers and the public key get 404 and no listing names it. A revoked key is
 * refused with 401.
 */

async function makeKey(admin: Page, name: string, scope: 'عام' | 'شريك'): Promise<string> {
  await admin.goto('/desk/api-keys');
  await admin.getByLabel('اسم المفتاح', { exact: true }).fill(name);
  await admin.getByRole('radio', { name: scope, exact: true }).check();
  await admin.getByRole('button', { name: 'إنشاء مفتاح', exact: true }).click();
  const shown = admin.getByRole('region', { name: `المفتاح الجديد «${name}»` });
  await expect(shown).toBeVisible();
  return shown.getByRole('textbox', { name: 'المفتاح', exact: true }).inputValue();
}

test('a partner key reads an embargoed story through the API before its time; readers and a public key do not; a revoked key is refused', async ({ adminPage: admin, createDraft, editorPage: editor, reviewerPage: reviewer, request }) => {
  test.setTimeout(240_000);
  const partnerName = unique('وكالة شريكة');
  const partner = await makeKey(admin, partnerName, 'شريك');
  const publicKey = await makeKey(admin, unique('تطبيق الهاتف'), 'عام');

  const title = unique('خبر محظور للشركاء');
  const draft = await createDraft({ title, section: 'فلسطين', paragraphs: ['تفاصيل لا تُنشر قبل المؤتمر الصحفي.'] });
  const { until } = await publishUnderEmbargo(editor, reviewer, draft, 3600_000);

  const one = draft.publicPath.replace(/^\/articles\//, '/api/v1/articles/');
  const list = '/api/v1/articles?per_page=100';
  const as = (key: string | null) => (key ? { headers: { Authorization: `Bearer ${key}` } } : {});
  const listed = async (key: string | null) => ((await (await request.get(list, as(key))).json()) as { data: { slug: string }[] }).data.some((a) => a.slug === draft.slug);

  for (const key of [null, publicKey]) {
    const response = await request.get(one, as(key));
    expect(response.status(), key ? 'public key' : 'anonymous').toBe(404);
    expect(await response.text()).not.toContain(title);
    expect(await listed(key)).toBe(false);
  }

  const read = await request.get(one, as(partner));
  expect(read.status()).toBe(200);
  expect(read.headers()['cache-control']).toBe('private, no-store');
  const { data } = (await read.json()) as { data: { title: string; pubstatus: string; embargoed: string; body_text: string } };
  expect(data).toMatchObject({ title, pubstatus: 'embargoed', embargoed: until.toISOString() });
  expect(data.body_text).toContain('تفاصيل لا تُنشر قبل المؤتمر الصحفي.');
  expect(await listed(partner)).toBe(true);

  // Revoked: refused, and says so in the error body the API documents.
  await admin.goto('/desk/api-keys');
  const row = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { name: partnerName, exact: true }) });
  await row.getByRole('button', { name: 'إلغاء المفتاح', exact: true }).click();
  await confirmDialog(admin, 'إلغاء المفتاح');
  await expect(row).toContainText('أُلغي');
  const refused = await request.get(one, as(partner));
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toMatch(/^API_KEY_/);

  // Taken down again, so the site's own checks of the seeded stories see only those.
  await editor.reload();
  await pressWorkflow(editor, 'إلغاء النشر');
});
