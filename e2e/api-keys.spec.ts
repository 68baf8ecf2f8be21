import { expect, test } from './fixtures';
import { confirmDialog, unique } from './support';

/*
 * «مفاتيح الواجهة البرمجية»: an admin makes a key, sees its secret once (and it works against the
 * API's access check through no other door than the desk's), finds it listed with its scope, and
 * revokes it after a confirmation. Other roles are refused the page.
 */

test('an admin makes a partner key, sees it once, finds it listed with its scope, and revokes it', async ({ adminPage: page }) => {
  const name = unique('وكالة الأنباء');
  await page.goto('/desk');
  await page.getByRole('navigation', { name: 'تنقل غرفة الأخبار' }).getByRole('link', { name: 'مفاتيح الواجهة البرمجية' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'مفاتيح الواجهة البرمجية' })).toBeVisible();

  // A name is required: refused with the reason, and the chosen scope stays.
  await page.getByLabel('اسم المفتاح', { exact: true }).fill('   ');
  await page.getByRole('radio', { name: 'شريك', exact: true }).check();
  await page.getByRole('button', { name: 'إنشاء مفتاح', exact: true }).click();
  await expect(page.getByLabel('اسم المفتاح', { exact: true })).toHaveAccessibleDescription(/اكتب اسماً يعرّف به المفتاح/);
  await expect(page.getByRole('radio', { name: 'شريك', exact: true })).toBeChecked();

  await page.getByLabel('اسم المفتاح', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'إنشاء مفتاح', exact: true }).click();
  const shown = page.getByRole('region', { name: `المفتاح الجديد «${name}»` });
  await expect(shown).toBeVisible();
  const secret = await shown.getByRole('textbox', { name: 'المفتاح', exact: true }).inputValue();
  expect(secret).toMatch(/^mdk_[A-Za-z0-9_-]{43}$/);
  await expect(shown.getByRole('button', { name: 'نسخ المفتاح' })).toBeVisible();

  const listed = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
  await expect(listed).toContainText('شريك');
  await expect(listed).toContainText(secret.slice(0, 10));
  await expect(listed).toContainText('لم يُستخدم بعد');

  // Shown once: after a reload the page has only its start, never the whole key.
  await page.reload();
  await expect(page.getByRole('region', { name: `المفتاح الجديد «${name}»` })).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  await expect(listed).toContainText(secret.slice(0, 10));

  await listed.getByRole('button', { name: 'إلغاء المفتاح', exact: true }).click();
  await expect(page.getByRole('alertdialog')).toContainText(`إلغاء المفتاح «${name}»؟`);
  await confirmDialog(page, 'إلغاء المفتاح');
  await expect(listed).toContainText('أُلغي');
  await expect(listed.getByRole('button', { name: 'إلغاء المفتاح' })).toHaveCount(0);

  // The activity log names both steps.
  await page.goto('/desk/activity?kind=api_key.revoked');
  await expect(page.getByRole('cell', { name: /إلغاء مفتاح للواجهة البرمجية/ }).first()).toContainText(name);
});

test('the English desk names everything on the page in English', async ({ openDesk, baseURL }) => {
  const page = await openDesk('admin');
  // The browser's language choice, as the sign-in page's switch keeps it (the account has none of its own).
  await page.context().addCookies([{ name: 'midad-locale', value: 'en', url: baseURL! }]);
  await page.goto('/desk/api-keys');
  await expect(page.getByRole('heading', { level: 1, name: 'API keys' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Newsroom navigation' }).getByRole('link', { name: 'API keys' })).toBeVisible();
  await expect(page.getByLabel('Key name', { exact: true })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Partner', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Make a key', exact: true })).toBeVisible();
  // No Arabic word left in the page's own content (names people typed aside).
  const form = await page.getByRole('region', { name: 'Make a key' }).or(page.locator('section[aria-labelledby="new-key"]')).first().innerText();
  expect(form).not.toMatch(/[\u0600-\u06FF]/);
});

test('a reviewer and an editor are refused the page and do not see it in the menu', async ({ reviewerPage, editorPage }) => {
  for (const page of [reviewerPage, editorPage]) {
    await page.goto('/desk');
    await expect(page.getByRole('navigation', { name: 'تنقل غرفة الأخبار' }).getByRole('link', { name: 'مفاتيح الواجهة البرمجية' })).toHaveCount(0);
    const response = await page.goto('/desk/api-keys');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'غير مسموح' })).toBeVisible();
  }
});
