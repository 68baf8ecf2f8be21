import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createPostgres, postgresUnavailable, startApp, type AppServer, type PostgresServer } from './processes';
import { DEMO, unique } from './support';

/**
 * What an editor and a reader see when the infrastructure fails: the database server restarting
 * under a save, and the app process killed in the middle of one. These tests start their own app
 * servers (same production build) and their own PostgreSQL server, and stop or kill them.
 */

test.describe.configure({ mode: 'serial' });

const editorBox = (page: Page) => page.getByRole('textbox', { name: 'نص المقال' });
const status = (page: Page) => page.getByRole('status').first();

async function signedInEditor(browser: Browser, app: AppServer): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: app.url })).newPage();
  await page.goto('/login');
  await page.getByLabel('البريد الإلكتروني').fill(DEMO.editor.email);
  await page.getByLabel('كلمة المرور').fill(DEMO.editor.password);
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
  await expect(page).toHaveURL(/\/desk$/);
  return page;
}

async function newStory(page: Page, title: string, text: string) {
  await page.goto('/desk/articles/new');
  await page.getByLabel('العنوان', { exact: true }).fill(title);
  await page.getByLabel('القسم').selectOption({ label: 'فلسطين' });
  await editorBox(page).click();
  await page.keyboard.insertText(text);
  await page.getByRole('button', { name: 'إنشاء المسودة' }).click();
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/);
  await expect(editorBox(page)).toContainText(text);
}

async function typeAtEnd(page: Page, text: string) {
  await editorBox(page).click();
  await page.keyboard.press('Control+End');
  await page.waitForTimeout(100); // ProseMirror reads a native caret move on the next tick
  await page.keyboard.insertText(text);
}

const saveButton = (page: Page) => page.getByRole('button', { name: 'حفظ', exact: true });
const expectSaved = (page: Page, timeout = 10_000) => expect(page.getByRole('status').filter({ hasText: /^محفوظ$/ })).toBeVisible({ timeout });

/** Nothing a reader should ever see on an error page: stack frames, driver errors, file paths. */
function expectNoInternals(body: string) {
  expect(body).not.toMatch(/ECONNREFUSED|CONNECTION_|postgres|node_modules|\bat [\w.<>]+ \(|\.tsx?:\d+/i);
}

test('a PostgreSQL restart during a save: the editor keeps the text and saves after; readers get a clean page', async ({ browser }) => {
  const unavailable = postgresUnavailable();
  test.skip(unavailable !== null, unavailable ?? '');
  test.setTimeout(180_000);
  const pg: PostgresServer = createPostgres(5499);
  let app: AppServer | null = null;
  try {
    app = await startApp(3191, { databaseUrl: pg.databaseUrl }, true);
    const page = await signedInEditor(browser, app);
    await newStory(page, unique('خبر أثناء إعادة التشغيل'), 'فقرة حُفظت قبل توقف قاعدة البيانات.');
    const storyUrl = page.url();
    // A reader page that was served before the outage, and one that needs the database each time.
    const home = await fetch(`${app.url}/`);
    expect(home.status).toBe(200);

    pg.stop();
    expect((await fetch(`${app.url}/api/health`)).status).toBe(503);
    await typeAtEnd(page, ' جملة كُتبت والقاعدة متوقفة.');
    await saveButton(page).click();
    await expect(status(page)).toContainText('قاعدة البيانات لا تستجيب');
    await expect(editorBox(page)).toContainText('جملة كُتبت والقاعدة متوقفة.');

    // A page that needs the database: a 500 whose body holds nothing internal, shown as the calm page.
    const searchPath = `/search?q=${encodeURIComponent('خبر')}`;
    const search = await fetch(`${app.url}${searchPath}`);
    expect(search.status).toBe(500);
    expectNoInternals(await search.text());
    const reader = await (await browser.newContext({ baseURL: app.url })).newPage();
    await reader.goto(searchPath);
    await expect(reader.getByRole('heading', { name: 'حدث خطأ غير متوقع' })).toBeVisible();
    expectNoInternals(await reader.locator('body').innerText());

    pg.start();
    // The form retries by itself; nothing is clicked.
    await expectSaved(page, 30_000);
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    await reader.goto(searchPath);
    await expect(reader.getByRole('heading', { name: 'حدث خطأ غير متوقع' })).toHaveCount(0);
    await expect(reader.getByRole('searchbox').first()).toBeVisible();
    expect((await fetch(`${app.url}${searchPath}`)).status).toBe(200);

    await page.goto(storyUrl);
    await expect(editorBox(page)).toContainText('فقرة حُفظت قبل توقف قاعدة البيانات. جملة كُتبت والقاعدة متوقفة.');
    await expect(page.getByRole('alert').filter({ hasText: 'نسخة غير محفوظة' })).toHaveCount(0);
  } finally {
    await app?.stop();
    pg.destroy();
  }
});

async function killMidSave(browser: Browser, database: () => { pgliteDir: string } | { databaseUrl: string }, port: number) {
  let app = await startApp(port, database(), true);
  try {
    const page = await signedInEditor(browser, app);
    await newStory(page, unique('خبر قبل الانهيار'), 'نص أكّد الخادم حفظه.');
    const storyUrl = page.url();

    // Hold the next save on its way to the server, kill the server, then let the save go.
    let held: (() => Promise<void>) | null = null;
    await page.route(`**/desk/articles/*`, async (route) => {
      if (route.request().method() === 'POST' && route.request().headers()['next-action'] && !held) {
        held = () => route.continue().catch(() => {});
        return;
      }
      await route.continue().catch(() => {});
    });
    await typeAtEnd(page, ' جملة لم يؤكد الخادم حفظها.');
    await saveButton(page).click();
    await expect.poll(() => held !== null).toBe(true);
    await app.stop('SIGKILL');
    await held!();
    await expect(status(page)).toContainText('لا اتصال بالخادم');
    await page.unrouteAll({ behavior: 'ignoreErrors' });

    // Restarted the way production starts, on the same data.
    app = await startApp(port, database(), false);
    await page.goto(storyUrl);
    await expect(editorBox(page)).toContainText('نص أكّد الخادم حفظه.');
    await expect(editorBox(page)).not.toContainText('لم يؤكد');
    const offer = page.getByRole('alert').filter({ hasText: 'في هذا المتصفح نسخة غير محفوظة' });
    await expect(offer).toBeVisible();
    await offer.getByRole('button', { name: 'استعد النسخة المحلية' }).click();
    await expect(editorBox(page)).toContainText('نص أكّد الخادم حفظه. جملة لم يؤكد الخادم حفظها.');
    await saveButton(page).click();
    await expectSaved(page);
  } finally {
    await app.stop();
  }
}

test('the app killed mid-save on embedded PGlite: the confirmed save is there and the local copy holds the rest', async ({ browser }) => {
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-fault-pglite-'));
  try {
    await killMidSave(browser, () => ({ pgliteDir: path.join(dir, 'pglite') }), 3192);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the app killed mid-save on PostgreSQL: the confirmed save is there and the local copy holds the rest', async ({ browser }) => {
  const unavailable = postgresUnavailable();
  test.skip(unavailable !== null, unavailable ?? '');
  test.setTimeout(180_000);
  const pg = createPostgres(5498);
  try {
    await killMidSave(browser, () => ({ databaseUrl: pg.databaseUrl }), 3193);
  } finally {
    pg.destroy();
  }
});
