import { expect, test } from './fixtures';

test('staff search covers every state and shows it; readers never see drafts', async ({ editorPage: page, request }) => {
  await page.goto('/desk');
  await page.getByRole('navigation', { name: 'تنقل غرفة الأخبار' }).getByRole('link', { name: 'البحث' }).click();
  await page.getByLabel('عبارة البحث').fill('الانتخابات البلديه');
  await page.getByRole('button', { name: 'ابحث' }).click();
  const hit = page.getByRole('listitem').filter({ hasText: 'قراءة في نتائج الانتخابات البلدية' });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText('مسودة');
  await expect(hit.locator('mark').first()).toBeVisible();

  const publicSearch = await request.get(`/search?q=${encodeURIComponent('الانتخابات البلديه')}`);
  expect(await publicSearch.text()).not.toContain('قراءة في نتائج الانتخابات البلدية');
});
