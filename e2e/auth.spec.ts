import { expect, test } from '@playwright/test';
import { DEMO, signIn, signInAs, unique } from './support';

test.describe('signing in and out', () => {
  for (const role of ['admin', 'editor', 'reviewer'] as const) {
    test(`${role} signs in, sees their role, and signs out`, async ({ page }) => {
      await signInAs(page, role);
      const roleLabel = { admin: 'مدير', editor: 'محرر', reviewer: 'مراجع' }[role];
      await expect(page.getByRole('banner')).toContainText(roleLabel);
      await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
      await expect(page).toHaveURL(/\/login/);
      await page.goto('/desk');
      await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdesk/);
    });
  }

  test('a wrong password is refused with one message and keeps the typed email', async ({ page }) => {
    await signIn(page, { email: DEMO.editor.email, password: 'not-the-password' });
    await expect(page.locator('#login-status')).toHaveText('البريد الإلكتروني أو كلمة المرور غير صحيحة.');
    await expect(page.getByLabel('البريد الإلكتروني')).toHaveValue(DEMO.editor.email);
    await signIn(page, { email: 'nobody@midad.test', password: 'not-the-password' });
    await expect(page.locator('#login-status')).toHaveText('البريد الإلكتروني أو كلمة المرور غير صحيحة.');
  });

  test('an anonymous visit to the desk comes back to it after signing in', async ({ page }) => {
    await page.goto('/desk/account');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdesk%2Faccount$/);
    await page.getByLabel('البريد الإلكتروني').fill(DEMO.editor.email);
    await page.getByLabel('كلمة المرور').fill(DEMO.editor.password);
    await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
    await expect(page).toHaveURL(/\/desk\/account$/);
  });

  test('a replayed session cookie is refused after sign-out', async ({ page, browser }) => {
    await signInAs(page, 'editor');
    const cookies = await page.context().cookies();
    await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    await expect(page).toHaveURL(/\/login/);
    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const other = await replay.newPage();
    await other.goto('/desk');
    await expect(other).toHaveURL(/\/login/);
    await replay.close();
  });
});

test.describe('callbackUrl stays on this site', () => {
  const variants = [
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    'javascript:alert(1)',
    encodeURIComponent('https://evil.example'),
    encodeURIComponent('//evil.example'),
    encodeURIComponent(encodeURIComponent('//evil.example')),
    '%2F%5Cevil.example',
    ' https://evil.example',
  ];
  for (const variant of variants) {
    test(`callbackUrl=${variant} lands inside the site`, async ({ page, baseURL }) => {
      await signIn(page, DEMO.reviewer, `/login?callbackUrl=${variant}`);
      await expect(page).toHaveURL(/\/desk$/);
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    });
  }
});

test.describe('roles are enforced on the server', () => {
  test('a reviewer cannot open people management or site settings', async ({ page }) => {
    await signInAs(page, 'reviewer');
    await expect(page.getByRole('navigation', { name: 'تنقل غرفة الأخبار' }).getByRole('link', { name: 'الفريق' })).toHaveCount(0);
    for (const path of ['/desk/users', '/desk/settings', '/desk/sections']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: 'غير مسموح' })).toBeVisible();
    }
  });

  test('a forged x-middleware-subrequest header opens nothing', async ({ request }) => {
    const response = await request.get('/desk/users', {
      headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toContain('/login');
  });

  test('a deactivated person is signed out on their next click', async ({ page, browser }) => {
    const email = `${unique('reporter')}@midad.test`;
    await signInAs(page, 'admin');
    await page.goto('/desk/users');
    const form = page.locator('form', { has: page.getByRole('button', { name: 'إضافة عضو' }) });
    await form.getByLabel('الاسم').fill('مراسل ميداني');
    await form.getByLabel('البريد الإلكتروني').fill(email);
    await form.getByLabel('الدور').selectOption('editor');
    await form.getByLabel('كلمة المرور').fill('field-reporter-1');
    await form.getByRole('button', { name: 'إضافة عضو' }).click();
    const row = page.locator(`tr[data-email="${email}"]`);
    await expect(row).toBeVisible();

    const reporterContext = await browser.newContext();
    const reporter = await reporterContext.newPage();
    await signIn(reporter, { email, password: 'field-reporter-1' });
    await expect(reporter).toHaveURL(/\/desk$/);

    await row.getByRole('button', { name: 'إيقاف' }).click();
    await expect(row).toContainText('موقوف');

    await reporter.getByRole('link', { name: 'حسابي' }).click();
    await expect(reporter).toHaveURL(/\/login/);
    await reporterContext.close();
  });
});

test.describe('headers', () => {
  test('every page carries the security headers, and pages satisfy the CSP', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    for (const path of ['/', '/login', '/api/health']) {
      const response = await page.goto(path);
      const headers = response!.headers();
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    }
    await signInAs(page, 'admin');
    await page.goto('/desk/settings');
    await expect(page.getByRole('heading', { name: 'إعدادات الموقع' })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('session cookies are HttpOnly and SameSite=Lax', async ({ page }) => {
    await signInAs(page, 'editor');
    const session = (await page.context().cookies()).find((c) => c.name.endsWith('session-token'));
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });
});

test.describe('desk language', () => {
  test('switches the desk to English, left to right, and back', async ({ page }) => {
    await signInAs(page, 'editor');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.locator('div[lang="en"][dir="ltr"]')).toBeVisible();
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect(page.getByRole('button', { name: 'تسجيل الخروج' })).toBeVisible();
    await expect(page.locator('div[lang="ar"][dir="rtl"]')).toBeVisible();
  });
});
