import type { APIResponse, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signInAs, unique } from './support';

/**
 * What the server says about scripts and transport, checked on the wire and in a real browser:
 * desk and sign-in pages carry a per-request nonce policy and still work under it; public pages
 * keep one cacheable policy; the image optimiser is off.
 */

function policiesOf(response: APIResponse): string[] {
  return response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'content-security-policy')
    .map((h) => h.value);
}

function scriptSrc(policy: string): string[] {
  const directive = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '));
  return directive?.split(/\s+/).slice(1) ?? [];
}

function nonceOf(policy: string): string {
  const source = scriptSrc(policy).find((s) => s.startsWith("'nonce-"));
  expect(source, `no nonce in ${policy}`).toBeTruthy();
  return source!.slice("'nonce-".length, -1);
}

/** Reports the page's CSP violations, as the browser raises them. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const console: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))];
}

test('the sign-in page carries one nonce policy without inline scripts, a fresh nonce each time, on every script', async ({ request }) => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get('/login');
    expect(response.status()).toBe(200);
    const policies = policiesOf(response);
    expect(policies).toHaveLength(1);
    const sources = scriptSrc(policies[0]!);
    expect(sources).toContain("'strict-dynamic'");
    expect(sources).not.toContain("'unsafe-inline'");
    expect(sources).not.toContain("'unsafe-eval'");
    expect(policies[0]).toContain("frame-ancestors 'none'");
    const nonce = nonceOf(policies[0]!);
    nonces.push(nonce);
    // Every script Next rendered carries this response's nonce, or the browser would refuse it.
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test('the desk hydrates and works under its nonce policy: sign in, write a story, save it', async ({ page }) => {
  const violations = await watchViolations(page);
  await signInAs(page, 'editor');

  const response = await page.goto('/desk/articles/new');
  const policy = (await response!.headerValue('content-security-policy')) ?? '';
  expect(scriptSrc(policy)).not.toContain("'unsafe-inline'");
  nonceOf(policy);

  const title = unique('خبر تحت سياسة المحتوى');
  await page.getByLabel('العنوان', { exact: true }).fill(title);
  await page.getByLabel('القسم').selectOption({ label: 'فلسطين' });
  // The body editor exists only once the page's scripts have run.
  await page.getByRole('textbox', { name: 'نص المقال' }).click();
  await page.keyboard.insertText('فقرة كُتبت في محرر يعمل تحت سياسة صارمة.');
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/);
  await expect(page.getByRole('textbox', { name: 'نص المقال' })).toContainText('سياسة صارمة');

  await page.getByRole('textbox', { name: 'نص المقال' }).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(' وسطر أُضيف بعد الإنشاء.');
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^محفوظ$/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'نص المقال' })).toContainText('وسطر أُضيف بعد الإنشاء.');

  expect(await violations()).toEqual([]);
});

test('desk pages get a different nonce on every request', async ({ editorPage: page }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 2; i++) {
    const response = await page.goto('/desk');
    nonces.add(nonceOf((await response!.headerValue('content-security-policy')) ?? ''));
  }
  expect(nonces.size).toBe(2);
});

test('public pages keep the one cacheable policy', async ({ request }) => {
  const seen = new Set<string>();
  for (const path of ['/', '/', '/search?q=القدس', '/feed.xml']) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const policies = policiesOf(response);
    expect(policies).toHaveLength(1);
    expect(policies[0]).not.toContain("'nonce-");
    expect(scriptSrc(policies[0]!)).toEqual(["'self'", "'unsafe-inline'"]);
    seen.add(policies[0]!);
  }
  expect(seen.size).toBe(1);
});

test('no HSTS while the public address is not https', async ({ request }) => {
  // The browser tests' server runs without SITE_URL; an https one is covered by the unit tests.
  for (const path of ['/', '/login']) {
    expect((await request.get(path)).headers()['strict-transport-security']).toBeUndefined();
  }
});

test('the image optimiser is switched off', async ({ request }) => {
  const original = await request.get('/brand/logo.png');
  expect(original.status()).toBe(200);
  expect(original.headers()['content-type']).toBe('image/png');

  const optimised = await request.get(`/_next/image?url=${encodeURIComponent('/brand/logo.png')}&w=640&q=75`);
  expect(optimised.status()).toBe(404);
  expect(optimised.headers()['content-type'] ?? '').not.toMatch(/^image\//);
});
