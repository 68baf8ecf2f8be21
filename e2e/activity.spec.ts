import { expect, test } from './fixtures';
import { unique } from './support';

test.describe('the newsroom activity log', () => {
  test('an admin finds a section they just created by filtering the log', async ({ adminPage: page }) => {
    const name = unique('قسم');
    await page.goto('/desk/sections');
    const form = page.getByRole('region', { name: 'إضافة قسم' });
    await form.getByLabel('اسم القسم').fill(name);
    await form.getByRole('button', { name: 'إضافة قسم' }).click();
    await expect(page.getByText('حُفظ.')).toBeVisible();

    await page.getByRole('navigation', { name: 'تنقل غرفة الأخبار' }).getByRole('link', { name: 'سجل النشاط' }).click();
    await expect(page.getByRole('heading', { name: 'سجل النشاط', level: 1 })).toBeVisible();
    const filters = page.getByRole('form', { name: 'تصفية السجل' });
    await filters.getByLabel('نوع النشاط').selectOption({ label: 'قسم جديد' });
    await filters.getByLabel('الشخص').selectOption({ label: 'سلمى الخطيب' });
    await filters.getByRole('button', { name: 'عرض' }).click();
    await expect(page).toHaveURL(/kind=section\.created/);
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('قسم جديد');
    await expect(row).toContainText('سلمى الخطيب');

    await page.goto('/desk/activity?kind=no.such.kind&story=abc');
    await expect(page.getByRole('status')).toContainText('نوع النشاط');
    await expect(page.getByRole('status')).toContainText('رقم القصة');
  });

  test('an editor may not read it', async ({ editorPage: page }) => {
    await page.goto('/desk');
    await expect(page.getByRole('link', { name: 'سجل النشاط' })).toHaveCount(0);
    const response = await page.goto('/desk/activity');
    expect(response?.status()).toBe(403);
  });
});
