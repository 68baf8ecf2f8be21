import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext, Browser, Locator, Page } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { expect, test } from './fixtures';
import { startApp, type AppServer } from './processes';
import { confirmDialog, DEMO, signIn, signInAs, unique } from './support';

const SIGN_IN = '/api/auth/sign-in';
const INVALID = 'البريد الإلكتروني أو كلمة المرور غير صحيحة.';
const LOCKED = /^محاولات كثيرة لتسجيل الدخول\. انتظر (1[0-5]|[1-9]) دقيقة ثم حاول مجدداً\.$/;
// The limits of lib/auth/throttle-policy.ts, restated so a loosened limit fails here.
const PAIR_LIMIT = 5;
const ACCOUNT_LIMIT = 20;
// The e2e server's secret (playwright.config.ts), to make tokens that are validly signed.
const E2E_SECRET = 'e2e-only-secret-not-for-deployment-0123456789';

/** One sign-in as the form's script sends it (or, with accept: text/html, as a form without script). */
function postSignIn(request: APIRequestContext, origin: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return request.post(SIGN_IN, { form: fields, headers: { origin, accept: 'application/json', ...headers }, maxRedirects: 0 });
}

/** Every URL the page's frames load or navigate to, to prove no field ever lands in one. */
/**
 * The sign-in form's message, as assistive technology reads it: the live region the form names as
 * its description.
 */
const loginForm = (page: Page) => page.locator('form', { has: page.getByLabel('كلمة المرور') });

function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  page.on('framenavigated', (frame) => urls.push(frame.url()));
  return urls;
}

function expectNoneContain(urls: string[], secrets: string[]) {
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) {
    const decoded = decodeURIComponent(url);
    for (const secret of secrets) expect(decoded, url).not.toContain(secret);
  }
}

async function signInWithoutScript(browser: Browser, credentials: { email: string; password: string }) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const urls = recordUrls(page);
  await signIn(page, credentials);
  await expect(page).toHaveURL(/\/desk$/);
  return { context, page, urls };
}

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
    await expect(loginForm(page)).toHaveAccessibleDescription(INVALID);
    await expect(page.getByLabel('البريد الإلكتروني')).toHaveValue(DEMO.editor.email);
    await signIn(page, { email: 'nobody@midad.test', password: 'not-the-password' });
    await expect(loginForm(page)).toHaveAccessibleDescription(INVALID);
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
    '/.//evil.example',
    '/%2e//evil.example',
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
  test('a reviewer cannot open people management or site settings', async ({ reviewerPage: page }) => {
    await page.goto('/desk');
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

  test('a deactivated person is signed out on their next click', async ({ adminPage: page, browser }) => {
    const email = `${unique('reporter')}@midad.test`;
    await page.goto('/desk/users');
    const form = page.locator('form', { has: page.getByRole('button', { name: 'إضافة عضو' }) });
    await form.getByLabel('الاسم').fill('مراسل ميداني');
    await form.getByLabel('البريد الإلكتروني').fill(email);
    await form.getByLabel('الدور').selectOption('editor');
    await form.getByLabel('كلمة المرور').fill('field-reporter-1');
    await form.getByRole('button', { name: 'إضافة عضو' }).click();
    const row = page.getByRole('row').filter({ hasText: email });
    await expect(row).toBeVisible();

    const reporterContext = await browser.newContext();
    const reporter = await reporterContext.newPage();
    await signIn(reporter, { email, password: 'field-reporter-1' });
    await expect(reporter).toHaveURL(/\/desk$/);

    await row.getByRole('button', { name: 'إيقاف' }).click();
    // Nothing happens until the admin confirms; «تراجع» leaves the account as it was.
    await page.getByRole('alertdialog').getByRole('button', { name: 'تراجع' }).click();
    await expect(row.getByRole('button', { name: 'إيقاف' })).toBeFocused();
    await expect(row).not.toContainText('موقوف');
    await row.getByRole('button', { name: 'إيقاف' }).click();
    await confirmDialog(page, 'إيقاف');
    await expect(row).toContainText('موقوف');

    await reporter.getByRole('link', { name: 'حسابي' }).click();
    await expect(reporter).toHaveURL(/\/login/);
    await reporterContext.close();
  });
});

test.describe('headers', () => {
  test('every page carries the security headers, and pages satisfy the CSP', async ({ page, adminPage }) => {
    const violations: string[] = [];
    for (const tab of [page, adminPage]) {
      tab.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
    }
    for (const path of ['/', '/login', '/api/health']) {
      const response = await page.goto(path);
      const headers = response!.headers();
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    }
    await adminPage.goto('/desk/settings');
    await expect(adminPage.getByRole('heading', { name: 'إعدادات الموقع' })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('session cookies are HttpOnly and SameSite=Lax', async ({ page }) => {
    await signInAs(page, 'editor');
    const session = (await page.context().cookies()).find((c) => c.name.endsWith('session-token'));
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });
});

test.describe('desk language', () => {
  // The language and direction of the whole document, as a screen reader and the browser take it.
  const documentLanguage = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

  test('switches the desk to English, left to right, keeps it with the account, and back', async ({ editorPage: page, browser, baseURL }) => {
    // The language the desk's content is in, as a screen reader would pick its voice.
    const languageOf = (locator: Locator) => locator.evaluate((element) => element.closest('[lang]')?.getAttribute('lang'));
    await page.goto('/desk');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    for (const part of [page.getByRole('banner'), page.getByRole('main')]) {
      await expect(part).toHaveCSS('direction', 'ltr');
      expect(await languageOf(part)).toBe('en');
    }
    await expect.poll(() => documentLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });
    await expect(page).toHaveTitle('Newsroom — Midad');

    // Another browser, signed in as the same person: the account's language, from the first page.
    const other = await browser.newContext({ baseURL, locale: 'ar' });
    try {
      const elsewhere = await other.newPage();
      await signInAs(elsewhere, 'editor');
      await expect(elsewhere.getByRole('button', { name: 'Sign out' })).toBeVisible();
      await expect.poll(() => documentLanguage(elsewhere)).toEqual({ lang: 'en', dir: 'ltr' });
    } finally {
      await other.close();
    }

    await page.getByRole('button', { name: 'العربية' }).click();
    await expect(page.getByRole('button', { name: 'تسجيل الخروج' })).toBeVisible();
    for (const part of [page.getByRole('banner'), page.getByRole('main')]) {
      await expect(part).toHaveCSS('direction', 'rtl');
      expect(await languageOf(part)).toBe('ar');
    }
    await expect.poll(() => documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
  });

  test('the sign-in page offers the language before anyone signs in, with script or without', async ({ browser, baseURL }) => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ baseURL, locale: 'ar', javaScriptEnabled });
      try {
        const page = await context.newPage();
        await page.goto('/login');
        await page.getByRole('button', { name: 'English' }).click();
        await expect(page.getByRole('heading', { name: 'Sign in to the newsroom' })).toBeVisible();
        await expect(page.getByLabel('Email', { exact: true })).toBeVisible();
        await expect(page.getByRole('main')).toHaveCSS('direction', 'ltr');
        if (javaScriptEnabled) await expect.poll(() => documentLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });
        await page.getByRole('button', { name: 'العربية' }).click();
        await expect(page.getByLabel('البريد الإلكتروني')).toBeVisible();
        await expect(page.getByRole('main')).toHaveCSS('direction', 'rtl');
      } finally {
        await context.close();
      }
    }
  });

  test('a public page reached from the English desk is Arabic, right to left again', async ({ editorPage: page }) => {
    await page.goto('/desk');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => documentLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });
    try {
      await page.getByRole('link', { name: 'View site' }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect.poll(() => documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    } finally {
      await page.goto('/desk');
      await page.getByRole('button', { name: 'العربية' }).click();
      await expect(page.getByRole('button', { name: 'تسجيل الخروج' })).toBeVisible();
    }
  });
});

test.describe('sign-in limits', () => {
  test('a forged X-Forwarded-For changes nothing: the socket address is the one counted, and the limit answers 429', async ({ request, baseURL, adminPage: page }) => {
    const email = `${unique('ghost')}@midad.test`;
    for (let i = 0; i < PAIR_LIMIT; i++) {
      const response = await postSignIn(request, baseURL!, { email, password: `guess-${i}` }, {
        'x-forwarded-for': `203.0.113.${i + 1}`,
        'x-midad-client-address': `198.51.100.${i + 1}`,
      });
      expect(response.status()).toBe(401);
      expect(await response.json()).toMatchObject({ ok: false, error: 'invalid', message: INVALID });
    }
    const limited = await postSignIn(request, baseURL!, { email, password: 'guess-again' }, { 'x-forwarded-for': '203.0.113.99' });
    expect(limited.status()).toBe(429);
    const retryAfter = Number(limited.headers()['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await limited.json()).toMatchObject({ ok: false, error: 'locked', message: expect.stringMatching(LOCKED) });

    // Without script the answer is the same status, with a page that says it and leads back.
    const html = await postSignIn(request, baseURL!, { email, password: 'guess-again', callbackUrl: '/desk/account' }, { accept: 'text/html' });
    expect(html.status()).toBe(429);
    expect(html.headers()['retry-after']).toBeTruthy();
    expect(await html.text()).toMatch(/محاولات كثيرة لتسجيل الدخول[\s\S]*href="\/login\?callbackUrl=%2Fdesk%2Faccount"/);

    // The activity log shows what happened, under the address the server saw. The typed email
    // names no account, so the log does not keep it (it could be a password in the wrong field).
    await page.goto('/desk/activity?kind=auth.sign_in_failed');
    const failures = page.getByRole('row').filter({ hasText: 'محاولة دخول فاشلة' });
    expect(await failures.count()).toBeGreaterThanOrEqual(PAIR_LIMIT);
    for (const row of (await failures.all()).slice(0, PAIR_LIMIT)) await expect(row).toContainText('العنوان: 127.0.0.1');
    await expect(page.getByRole('table')).not.toContainText('203.0.113.');
    await expect(page.getByRole('table')).not.toContainText('198.51.100.');
    await expect(page.getByRole('table')).not.toContainText(email);
    await page.goto('/desk/activity?kind=auth.sign_in_limited');
    await expect(page.getByRole('row').filter({ hasText: 'محاولة دخول تجاوزت الحد' }).first()).toContainText('العنوان: 127.0.0.1');
  });

  test('over the limit, the form says how long to wait', async ({ page, request, baseURL }) => {
    const email = `${unique('locked')}@midad.test`;
    for (let i = 0; i < PAIR_LIMIT; i++) expect((await postSignIn(request, baseURL!, { email, password: `guess-${i}` })).status()).toBe(401);
    await page.goto('/login');
    await page.getByLabel('البريد الإلكتروني').fill(email);
    await page.getByLabel('كلمة المرور').fill('guess-again');
    const answer = page.waitForResponse((response) => response.url().endsWith(SIGN_IN));
    await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
    expect((await answer).status()).toBe(429);
    await expect(loginForm(page)).toHaveAccessibleDescription(LOCKED);
    await expect(page.getByLabel('البريد الإلكتروني')).toHaveValue(email);
    await expect(page).toHaveURL(/\/login$/);
  });

  test('a password posted straight to Auth.js, or from another site, signs nobody in', async ({ playwright, baseURL }) => {
    const client = await playwright.request.newContext({ baseURL });
    const { csrfToken } = (await (await client.get('/api/auth/csrf')).json()) as { csrfToken: string };
    await client.post('/api/auth/callback/credentials', {
      form: { csrfToken, email: DEMO.admin.email, password: DEMO.admin.password, callbackUrl: '/desk' },
      maxRedirects: 0,
    });
    const crossSite = await postSignIn(client, 'https://evil.example', { email: DEMO.admin.email, password: DEMO.admin.password });
    expect(crossSite.status()).toBe(403);
    const desk = await client.get('/desk', { maxRedirects: 0 });
    expect(desk.status()).toBe(307);
    expect(desk.headers().location).toContain('/login');
    await client.dispose();
  });
});

test.describe('behind a trusted proxy', () => {
  // A second server of the same build that believes one proxy in front of it, so the test can
  // come from many addresses as a real proxy would report them.
  let app: AppServer;
  let dir: string;
  test.beforeAll(async () => {
    test.setTimeout(300_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-proxied-'));
    app = await startApp(Number(process.env.E2E_PORT ?? 3100) + 500, { pgliteDir: path.join(dir, 'pglite') }, true, { TRUSTED_PROXIES: '1' });
  });
  test.afterAll(async () => {
    await app?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('guesses from many addresses cannot keep a person out of the browser they sign in from', async ({ browser, playwright }) => {
    test.setTimeout(180_000);
    const inBrowser = async (address: string) => {
      const context = await browser.newContext({ baseURL: app.url, extraHTTPHeaders: { 'x-forwarded-for': address } });
      return { context, page: await context.newPage() };
    };
    // The editor's usual browser, known from an earlier sign-in.
    const usual = await inBrowser('192.0.2.10');
    await signIn(usual.page, DEMO.editor);
    await expect(usual.page).toHaveURL(/\/desk$/);
    await usual.page.getByRole('button', { name: 'تسجيل الخروج' }).click();
    await expect(usual.page).toHaveURL(/\/login/);

    // Guesses arriving through the proxy from many addresses: each is its own client, so the
    // per-address counters never stop them — only the account-wide one does.
    const attacker = await playwright.request.newContext({ baseURL: app.url });
    const statuses: number[] = [];
    for (let i = 0; i < ACCOUNT_LIMIT + 1; i++) {
      const response = await postSignIn(attacker, app.url, { email: DEMO.editor.email, password: `spray-${i}` }, { 'x-forwarded-for': `6.6.6.6, 198.51.100.${i + 1}` });
      statuses.push(response.status());
    }
    expect(statuses.slice(0, ACCOUNT_LIMIT)).toEqual(Array(ACCOUNT_LIMIT).fill(401));
    expect(statuses[ACCOUNT_LIMIT]).toBe(429);
    await attacker.dispose();

    // A browser that never signed in is held to the lock, even with the right password…
    const stranger = await inBrowser('192.0.2.20');
    await signIn(stranger.page, DEMO.editor);
    await expect(loginForm(stranger.page)).toHaveAccessibleDescription(LOCKED);
    await stranger.context.close();

    // …the usual browser is not.
    await signIn(usual.page, DEMO.editor);
    await expect(usual.page).toHaveURL(/\/desk$/);
    await expect(usual.page.getByRole('banner')).toContainText('محرر');
    await usual.context.close();
  });
});

test.describe('forms work before any script runs, and nothing typed goes into a URL', () => {
  test('/login signs in, and refuses with the message and the typed email kept', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const urls = recordUrls(page);
    await page.goto('/login?callbackUrl=%2Fdesk%2Faccount');
    await expect(loginForm(page)).toHaveAttribute('method', 'post');
    await page.getByLabel('البريد الإلكتروني').fill(DEMO.reviewer.email);
    await page.getByLabel('كلمة المرور').fill('a-wrong-secret-password');
    await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
    await expect(page).toHaveURL(/\/login\?error=invalid&callbackUrl=%2Fdesk%2Faccount$/);
    await expect(loginForm(page)).toHaveAccessibleDescription(INVALID);
    await expect(page.getByLabel('البريد الإلكتروني')).toHaveValue(DEMO.reviewer.email);
    await page.getByLabel('كلمة المرور').fill(DEMO.reviewer.password);
    await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
    await expect(page).toHaveURL(/\/desk\/account$/);
    expectNoneContain(urls, [DEMO.reviewer.email, DEMO.reviewer.password, 'a-wrong-secret-password']);
    await context.close();
  });

  test('/desk/users creates a person, refuses bad input cleanly, and /desk/account changes a password', async ({ browser }) => {
    test.setTimeout(120_000);
    const email = `${unique('nojs')}@midad.test`;
    const password = `first-${unique('pw')}`;
    const admin = await signInWithoutScript(browser, DEMO.admin);
    await admin.page.goto('/desk/users');
    const create = admin.page.locator('form', { has: admin.page.getByRole('button', { name: 'إضافة عضو' }) });
    const fill = async (values: { email: string; password: string }) => {
      await create.getByLabel('الاسم').fill('مراسلة بلا نص برمجي');
      await create.getByLabel('البريد الإلكتروني').fill(values.email);
      await create.getByLabel('الدور').selectOption('reviewer');
      await create.getByLabel('كلمة المرور').fill(values.password);
      await create.getByRole('button', { name: 'إضافة عضو' }).click();
    };
    // A look-alike address (Cyrillic 'і' in the domain, which the browser sends as punycode) is
    // refused with its reason, and nothing is created.
    const lookAlike = email.replace('@midad.test', '@m\u0456dad.test');
    await fill({ email: lookAlike, password });
    await expect(admin.page.getByText('في البريد الإلكتروني حروف تشبه حروفاً أخرى', { exact: false })).toBeVisible();
    await expect(admin.page.getByRole('row').filter({ hasText: 'مراسلة بلا نص برمجي' })).toHaveCount(0);
    await expect(admin.page).toHaveURL(/\/desk\/users$/);
    // A short password likewise.
    await fill({ email, password: 'short' });
    await expect(admin.page.getByText('كلمة المرور قصيرة')).toBeVisible();
    await expect(admin.page.getByRole('row').filter({ hasText: email })).toHaveCount(0);
    await fill({ email, password });
    await expect(admin.page.getByRole('row').filter({ hasText: email })).toBeVisible();
    await expect(admin.page).toHaveURL(/\/desk\/users$/);
    expectNoneContain(admin.urls, [email.split('@')[0]!, password, 'short', DEMO.admin.password]);
    await admin.context.close();

    const person = await signInWithoutScript(browser, { email, password });
    await person.page.goto('/desk/account');
    const change = person.page.locator('form', { has: person.page.getByLabel('كلمة المرور الحالية') });
    await change.getByLabel('كلمة المرور الحالية').fill('not-my-current-password');
    await change.getByLabel('كلمة المرور الجديدة').fill('second-password-123');
    await change.getByRole('button', { name: 'تغيير كلمة المرور' }).click();
    await expect(person.page.getByText('كلمة المرور الحالية غير صحيحة.').first()).toBeVisible();
    await change.getByLabel('كلمة المرور الحالية').fill(password);
    await change.getByLabel('كلمة المرور الجديدة').fill('second-password-123');
    await change.getByRole('button', { name: 'تغيير كلمة المرور' }).click();
    await expect(person.page.getByText('تغيّرت كلمة المرور.', { exact: false })).toBeVisible();
    await expect(person.page).toHaveURL(/\/desk\/account$/);
    expectNoneContain(person.urls, [email, password, 'not-my-current-password', 'second-password-123']);
    await person.context.close();
  });
});

test.describe('session edges', () => {
  test('cookies planted before sign-in are replaced, and a session the browser held before ends', async ({ browser, baseURL, playwright }) => {
    // A browser carrying a session cookie and a CSRF cookie from before (planted, or left over):
    // after signing in, neither value is in use.
    const victim = await browser.newContext();
    const planted = await encode({ token: { sid: '6e1f0c2a-0000-4000-8000-000000000000' }, secret: E2E_SECRET, salt: 'authjs.session-token', maxAge: 3600 });
    await victim.addCookies([
      { name: 'authjs.session-token', value: planted, url: baseURL! },
      { name: 'authjs.csrf-token', value: 'planted-csrf|0000', url: baseURL! },
    ]);
    const page = await victim.newPage();
    await signIn(page, DEMO.reviewer);
    await expect(page).toHaveURL(/\/desk$/);
    await expect(page.getByRole('banner')).toContainText('مراجع');
    const after = await victim.cookies();
    const session = after.find((c) => c.name === 'authjs.session-token');
    expect(session?.value).toBeTruthy();
    expect(session!.value).not.toBe(planted);
    expect(after.find((c) => c.name === 'authjs.csrf-token')?.value ?? '').not.toContain('planted');
    await victim.close();

    // Signing in over a live session ends that session: its cookie, wherever a copy is, opens nothing.
    const holder = await browser.newContext();
    const holderPage = await holder.newPage();
    await signInAs(holderPage, 'editor');
    const live = (await holder.cookies()).find((c) => c.name === 'authjs.session-token')!;
    const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `authjs.session-token=${live.value}` } });
    const answer = await postSignIn(client, baseURL!, DEMO.reviewer);
    expect(answer.status()).toBe(200);
    const fresh = answer.headers()['set-cookie'] ?? '';
    expect(fresh).toMatch(/authjs\.session-token=[^;]+/);
    expect(fresh).not.toContain(`authjs.session-token=${live.value};`);
    await client.dispose();
    await holderPage.goto('/desk/account');
    await expect(holderPage).toHaveURL(/\/login/);
    await holder.close();
  });

  test('junk cookies and malformed callbackUrl values get a page or a redirect, never a server error', async ({ request }) => {
    const signed = (payload: Record<string, unknown>, secret = E2E_SECRET) =>
      encode({ token: payload, secret, salt: 'authjs.session-token', maxAge: 3600 });
    const many = Array.from({ length: 150 }, (_, i) => `junk${i}=${'x'.repeat(20)}`).join('; ');
    const cookies = [
      'authjs.session-token=garbage',
      `authjs.session-token=${'A'.repeat(8000)}`,
      `authjs.session-token=${await signed({ sid: '6e1f0c2a-0000-4000-8000-000000000000' }, 'another-secret-another-secret-another')}`,
      `authjs.session-token=${await signed({ sid: 'not-a-uuid' })}`,
      `authjs.session-token=${await signed({ sid: '6e1f0c2a-0000-4000-8000-000000000000' })}`,
      `authjs.session-token=${await signed({ sid: { $ne: null } })}`,
      'authjs.session-token.0=part; authjs.session-token.1=another',
      'authjs.session-token=%E0%A4%A; midad-locale=%ZZ',
      `midad-known-device=${'~.'.repeat(2000)}; midad-locale=xx`,
      many,
    ];
    for (const cookie of cookies) {
      for (const path of ['/desk', '/desk/users', '/login']) {
        const response = await request.get(path, { headers: { cookie }, maxRedirects: 0 });
        expect([200, 303, 307], `${path} with ${cookie.slice(0, 60)}`).toContain(response.status());
      }
    }
    const callbacks = ['%', '%E0%A4%A', '%00', '/%0d%0aSet-Cookie:x=y', 'a'.repeat(5000), '//%2F%2Fevil.example', '/desk?x=%'];
    for (const callbackUrl of callbacks) {
      const login = await request.get(`/login?callbackUrl=${callbackUrl}&callbackUrl=/desk`, { maxRedirects: 0 });
      expect(login.status(), callbackUrl.slice(0, 40)).toBe(200);
      const desk = await request.get(`/desk?callbackUrl=${callbackUrl}`, { maxRedirects: 0 });
      expect(desk.status(), callbackUrl.slice(0, 40)).toBe(307);
      expect(desk.headers()['set-cookie'] ?? '').not.toContain('x=y');
    }
  });
});
