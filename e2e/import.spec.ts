import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { freePort, startApp, type AppServer } from './processes';

/*
 * A WordPress newsroom moved to Midad with `npm run import:wxr`: the imported story reads as it did,
 * with its image, and its old WordPress addresses — the permalink with its percent-encoded Arabic
 * slug cut short, and `/?p=ID` — lead to it. A draft's old address stays not found.
 */

const FIXTURE = path.resolve('tests/fixtures/wordpress/newsroom-export.xml');
const TRUNCATED_SLUG = '%d8%a7%d9%84%d9%85%d8%a4%d8%aa%d9%85%d8%b1-%d8%a7%d9%84%d8%af%d9%88%d9%84%d9%8a-%d9%84%d8%af%d8%b9%d9%85-%d8%a7%d9%84%d8%a7%d9%86%d8%aa%d9%81%d8%a7%d8%b6%d8%a9-%d9%8a%d8%ad%d9%8a%d9%8a-%d9%8a%d9%88';

let app: AppServer | undefined;
let dir: string;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-import-e2e-'));
  const settings = { MEDIA_DIR: path.join(dir, 'media') };
  const database = { pgliteDir: path.join(dir, 'pglite') };
  const uploads = path.join(dir, 'uploads');
  fs.mkdirSync(path.join(uploads, '2024/04'), { recursive: true });
  const sharp = (await import('sharp')).default;
  await sharp({ create: { width: 800, height: 450, channels: 3, background: { r: 20, g: 90, b: 160 } } })
    .jpeg()
    .toFile(path.join(uploads, '2024/04/quds.jpg'));

  // The site with its demo content, stopped so the import has the embedded database to itself.
  const port = await freePort();
  await (await startApp(port, database, true, settings)).stop();
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=react-server', 'scripts/import-wxr.ts', FIXTURE, '--uploads', uploads, '--report', path.join(dir, 'report.json')],
    { env: { ...process.env, ...settings, PGLITE_DIR: database.pgliteDir, DATABASE_URL: '' }, encoding: 'utf8' },
  );
  // Exit code 2: imported, with the fixture's broken item reported.
  expect(run.status, run.stderr + run.stdout).toBe(2);
  expect(run.stdout).toContain('posts imported: 7');
  app = await startApp(port, database, false, settings);
});

test.afterAll(async () => {
  await app?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('an imported story reads as it did, and its old WordPress addresses lead to it', async ({ page }) => {
  const title = 'المؤتمر الدولي لدعم الانتفاضة يحيي يوم القدس العالمي';
  const target = '/articles/المؤتمر-الدولي-لدعم-الانتفاضة-يحيي-يو';
  // One permanent redirect each (a trailing slash first loses it, as everywhere on the site).
  for (const old of [`/2024/04/05/${TRUNCATED_SLUG}`, `/${TRUNCATED_SLUG.toUpperCase()}`, '/2024/04/05/المؤتمر-الدولي-لدعم-الانتفاضة-يحيي-يو', '/?p=101']) {
    const response = await page.request.get(`${app!.url}${encodeURI(old).replace(/%25/g, '%')}`, { maxRedirects: 0 });
    expect(response.status(), old).toBe(308);
    expect(decodeURIComponent(response.headers().location!), old).toBe(target);
  }
  const withSlash = await page.request.get(`${app!.url}/2024/04/05/${TRUNCATED_SLUG}/`);
  expect(decodeURIComponent(new URL(withSlash.url()).pathname)).toBe(target);
  expect(withSlash.status()).toBe(200);

  await page.goto(`${app!.url}/2024/04/05/${TRUNCATED_SLUG}/`);
  await expect(page).toHaveURL(/\/articles\/%D8%A7%D9%84%D9%85%D8%A4%D8%AA%D9%85%D8%B1/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const article = page.getByRole('article');
  await expect(article.getByText('وقال رئيس المؤتمر في كلمته إن القدس ستبقى عاصمة فلسطين،')).toBeVisible();
  await expect(article.getByRole('heading', { name: 'برنامج الحفل' })).toBeVisible();
  await expect(article.getByRole('listitem').filter({ hasText: 'عرض فيلم قصير' })).toBeVisible();
  const image = article.getByRole('img', { name: 'حشود ترفع الأعلام في ساحة المؤتمر' }).first();
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(article.getByText('حشود في ساحة المؤتمر', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('سارة منصور').first()).toBeVisible();

  // A one-word Latin slug, under a date and bare; a category archive: the story, the section.
  for (const old of ['/2024/07/01/hostile', '/hostile']) {
    const hostile = await page.request.get(`${app!.url}${old}`, { maxRedirects: 0 });
    expect(hostile.status(), old).toBe(308);
    expect(hostile.headers().location, old).toBe('/articles/hostile');
  }
  const category = await page.request.get(`${app!.url}/category/%d9%81%d9%84%d8%b3%d8%b7%d9%8a%d9%86`, { maxRedirects: 0 });
  expect(category.status()).toBe(308);
  expect(decodeURIComponent(category.headers().location!)).toBe('/sections/فلسطين');

  // A draft's old address reveals nothing, and an address that was never there keeps the site's
  // not-found page, readable without script.
  const draft = await page.request.get(`${app!.url}/?p=105`, { maxRedirects: 0 });
  expect(draft.status()).toBe(404);
  // The same for a WordPress page, which is not imported (`/about/`).
  for (const path of ['/no/such/page', '/about']) {
    const unknown = await page.request.get(`${app!.url}${path}`);
    expect(unknown.status(), path).toBe(404);
    expect(await unknown.text(), path).toMatch(/>الصفحة غير موجودة<\/h1>/);
  }
});
