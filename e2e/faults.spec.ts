import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import postgres from 'postgres';
import { expect, test } from './fixtures';
import { createPostgres, freePort, postgresUnavailable, startApp, type AppServer, type PostgresServer } from './processes';
import { DEMO, editorBox, expectSaved, localCopies, pauseTimers, signIn, typeAtEnd, unique } from './support';

/**
 * What an editor and a reader see when the infrastructure fails: the database server restarting
 * under a save, the app process killed in the middle of one, and the session ending while the
 * editor writes. These tests start their own app servers (same production build) and their own
 * PostgreSQL server, and stop or kill them.
 *
 * Timing: every wait is for a state (a status text, a held request, a process gone). The form's
 * own timers — autosave after quiet typing, retries after a failure, the presence heartbeat — are
 * paused with the page's clock wherever firing on their own would change what is being tested.
 */

test.describe.configure({ mode: 'serial' });

/** Starting two servers and a browser takes minutes on a busy 2-core machine; no step waits for a duration. */
const FAULT_TEST_MS = 600_000;

const status = (page: Page) => page.getByRole('status').first();
const saveButton = (page: Page) => page.getByRole('button', { name: 'حفظ', exact: true });

/** An editor's tab on `app`, its clock under the test's control (running until paused). */
async function signedInEditor(browser: Browser, app: AppServer): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.url });
  await context.clock.install();
  const page = await context.newPage();
  await signIn(page, DEMO.editor);
  await expect(page).toHaveURL(/\/desk$/);
  return page;
}

async function newStory(page: Page, title: string, text: string) {
  await page.goto('/desk/articles/new');
  await page.getByLabel('العنوان', { exact: true }).fill(title);
  await page.getByLabel('القسم').selectOption({ label: 'فلسطين' });
  await editorBox(page).click();
  await page.keyboard.insertText(text);
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/);
  await expect(editorBox(page)).toContainText(text);
  await expectSaved(page);
}

/** Nothing a reader should ever see on an error page: stack frames, driver errors, file paths. */
function expectNoInternals(body: string) {
  expect(body).not.toMatch(/ECONNREFUSED|CONNECTION_|postgres|node_modules|\bat [\w.<>]+ \(|\.tsx?:\d+/i);
}

test('a PostgreSQL restart during a save: the editor keeps the text and saves after; readers get a clean page', async ({ browser }) => {
  const unavailable = postgresUnavailable();
  test.skip(unavailable !== null, unavailable ?? '');
  test.setTimeout(FAULT_TEST_MS);
  const pg: PostgresServer = createPostgres(await freePort());
  let app: AppServer | null = null;
  try {
    app = await startApp(await freePort(), { databaseUrl: pg.databaseUrl }, true);
    const page = await signedInEditor(browser, app);
    await newStory(page, unique('خبر أثناء إعادة التشغيل'), 'فقرة حُفظت قبل توقف قاعدة البيانات.');
    const storyUrl = page.url();
    // A reader page that was served before the outage, and one that needs the database each time.
    const home = await fetch(`${app.url}/`);
    expect(home.status).toBe(200);

    pg.stop();
    expect((await fetch(`${app.url}/api/health`)).status).toBe(503);
    // Only the explicit save goes out while the database is down; the retry waits for the clock.
    await pauseTimers(page);
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
    // The form retries by itself once its retry timer fires; nothing is clicked.
    await page.clock.resume();
    await expectSaved(page, 60_000);
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

const UNCONFIRMED = ' جملة لم يؤكد الخادم حفظها.';

async function killMidSave(browser: Browser, database: () => { pgliteDir: string } | { databaseUrl: string }) {
  const port = await freePort();
  let app = await startApp(port, database(), true);
  try {
    let page = await signedInEditor(browser, app);
    await newStory(page, unique('خبر قبل الانهيار'), 'نص أكّد الخادم حفظه.');
    const storyUrl = page.url();

    // From here the form's timers wait for the test: no autosave can send the sentence before the
    // explicit save, and no retry can deliver it once the server is back.
    await pauseTimers(page);
    // Hold the save that carries the sentence on its way to the server, kill the server, then let
    // it go. Other requests (the presence heartbeat) pass untouched.
    let held: (() => Promise<void>) | null = null;
    await page.route('**/desk/articles/*', async (route) => {
      const request = route.request();
      if (!held && request.method() === 'POST' && request.headers()['next-action'] && request.postData()?.includes(UNCONFIRMED.trim())) {
        held = () => route.continue().catch(() => {});
        return;
      }
      await route.continue().catch(() => {});
    });
    await typeAtEnd(page, UNCONFIRMED);
    await saveButton(page).click();
    await expect.poll(() => held !== null).toBe(true);
    await app.stop('SIGKILL');
    await held!();
    await expect(status(page)).toContainText('لا اتصال بالخادم');
    expect((await localCopies(page)).join('')).toContain(UNCONFIRMED.trim());

    // The tab goes too, its retry timer with it: what is checked is what the server confirmed and
    // what only this browser kept. The next tab runs on the real clock.
    const context = page.context();
    await page.close();
    await context.clock.resume();

    // Restarted on the same data, as after a crash.
    app = await startApp(port, database(), false);
    page = await context.newPage();
    await page.goto(storyUrl);
    await expect(editorBox(page)).toContainText('نص أكّد الخادم حفظه.');
    await expect(editorBox(page)).not.toContainText('لم يؤكد');
    const offer = page.getByRole('alert').filter({ hasText: 'في هذا المتصفح نسخة غير محفوظة' });
    await expect(offer).toBeVisible();
    await offer.getByRole('button', { name: 'استعد النسخة المحلية' }).click();
    await expect(editorBox(page)).toContainText(`نص أكّد الخادم حفظه.${UNCONFIRMED}`);
    await saveButton(page).click();
    await expectSaved(page);
    await page.reload();
    await expect(editorBox(page)).toContainText(`نص أكّد الخادم حفظه.${UNCONFIRMED}`);
    await context.close();
  } finally {
    await app.stop();
  }
}

test('the app killed mid-save on embedded PGlite: the confirmed save is there and the local copy holds the rest', async ({ browser }) => {
  test.setTimeout(FAULT_TEST_MS);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-fault-pglite-'));
  try {
    await killMidSave(browser, () => ({ pgliteDir: path.join(dir, 'pglite') }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the app killed mid-save on PostgreSQL: the confirmed save is there and the local copy holds the rest', async ({ browser }) => {
  const unavailable = postgresUnavailable();
  test.skip(unavailable !== null, unavailable ?? '');
  test.setTimeout(FAULT_TEST_MS);
  const pg = createPostgres(await freePort());
  try {
    await killMidSave(browser, () => ({ databaseUrl: pg.databaseUrl }));
  } finally {
    pg.destroy();
  }
});

test('a session that ends while the editor writes: the text stays, they sign in again in another tab, and the save goes through', async ({ browser }) => {
  const unavailable = postgresUnavailable();
  test.skip(unavailable !== null, unavailable ?? '');
  test.setTimeout(FAULT_TEST_MS);
  const pg = createPostgres(await freePort());
  let app: AppServer | null = null;
  const sql = postgres(pg.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    app = await startApp(await freePort(), { databaseUrl: pg.databaseUrl }, true);
    const page = await signedInEditor(browser, app);
    await newStory(page, unique('خبر تنتهي جلسة كاتبه'), 'نص حُفظ والجلسة قائمة.');
    const storyUrl = page.url();
    // The explicit save is the first request after the session ends: no autosave or heartbeat first.
    await pauseTimers(page);

    // The session ends on the server (expired, or signed out from another device).
    const ended = await sql`update user_sessions set expires_at = now() where user_id = (select id from users where email = ${DEMO.editor.email}) and revoked_at is null`;
    expect(ended.count).toBeGreaterThan(0);

    const sentence = ' جملة كُتبت بعد انتهاء الجلسة.';
    await typeAtEnd(page, sentence);
    await saveButton(page).click();
    await expect(status(page)).toContainText('انتهت جلستك');
    await expect(editorBox(page)).toContainText(sentence.trim());
    expect((await localCopies(page)).join('')).toContain(sentence.trim());

    // Signing in again happens in a new tab of the same browser, so this one keeps the editor.
    const signInLink = page.getByRole('link', { name: 'سجّل الدخول في نافذة جديدة' });
    await expect(signInLink).toHaveAttribute('target', '_blank');
    const [second] = await Promise.all([page.context().waitForEvent('page'), signInLink.click()]);
    await expect(second).toHaveURL(/\/login/);
    await signIn(second, DEMO.editor, second.url());
    await expect(second).toHaveURL(/\/desk$/);
    await second.close();

    await page.bringToFront();
    await expect(editorBox(page)).toContainText(sentence.trim());
    await saveButton(page).click();
    await expectSaved(page);
    expect((await localCopies(page)).join('')).not.toContain(sentence.trim());

    // On the server: a fresh tab shows the sentence and offers no local copy.
    await page.context().clock.resume();
    const check = await page.context().newPage();
    await check.goto(storyUrl);
    await expect(editorBox(check)).toContainText(`نص حُفظ والجلسة قائمة.${sentence}`);
    await expect(check.getByRole('alert').filter({ hasText: 'نسخة غير محفوظة' })).toHaveCount(0);
    await page.context().close();
  } finally {
    await sql.end({ timeout: 5 }).catch(() => {});
    await app?.stop();
    pg.destroy();
  }
});
