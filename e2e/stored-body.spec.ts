import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../db/client';
import { articleRevisions, articles, sections, users } from '../db/schema';
import { seedDatabase } from '../db/seed';
import { slugify } from '../lib/arabic/slug';
import { articlePath } from '../lib/seo/paths';
import { expect, test } from './fixtures';
import { freePort } from './processes';
import { DEMO, signIn } from './support';

/*
 * A stored body the content schema no longer accepts (written under older rules, or changed
 * outside the desk) must never break a page. Such a body can only be written straight into the
 * database, which the shared test server holds; so this file runs its own server, on a copy of
 * the same production build and a database prepared with one such story.
 */

const BUILD = process.env.NEXT_DIST_DIR || '.next';
const TITLE = 'خبر كُتب بقواعد قديمة';
const SLUG = slugify(TITLE);
const FIRST_LINE = 'السطر الأول من نص قديم';
const SECOND_LINE = 'Second line with <b>markup</b> that stays text';
// A node type the schema no longer has, carrying markup that must never reach a page.
const RETIRED_BODY = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: FIRST_LINE }] },
    { type: 'tweetEmbed', attrs: { html: '<img src=x onerror="document.title=\'pwned\'">' } },
  ],
};
const NOTICE = 'لم يعد نص هذه النسخة المخزَّن مطابقاً لمخطط المحتوى، فيُعرض نصّه المجرّد فقرات. يبقى المخزَّن كما هو حتى يُحفظ المقال.';

let port: number;
let base: string;
let ownBuild: string;
let ownDatabase: string;
let logFile: string;
let server: ChildProcess | undefined;
let articleId: number;
let revisionId: number;

function copyBuild() {
  fs.rmSync(ownBuild, { recursive: true, force: true });
  const skip = [path.join(BUILD, 'cache'), path.join(BUILD, 'server', 'route-cache')];
  fs.cpSync(BUILD, ownBuild, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => !skip.some((dir) => source === dir || source.startsWith(dir + path.sep)),
  });
}

async function prepareDatabase() {
  fs.rmSync(ownDatabase, { recursive: true, force: true });
  const connection = openDatabase({ pgliteDir: ownDatabase });
  try {
    await connection.migrate();
    await seedDatabase(connection.db, { production: false });
    const db = connection.db;
    const [section] = await db.select({ id: sections.id }).from(sections).limit(1);
    const [author] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.editor.email));
    const [article] = await db
      .insert(articles)
      .values({ slug: SLUG, sectionId: section!.id, status: 'published', createdBy: author!.id, publishedAt: new Date() })
      .returning({ id: articles.id });
    const [revision] = await db
      .insert(articleRevisions)
      .values({ articleId: article!.id, number: 1, title: TITLE, summary: 'ملخص', body: RETIRED_BODY, bodyText: `${FIRST_LINE}\n${SECOND_LINE}`, authorId: author!.id })
      .returning({ id: articleRevisions.id });
    await db.update(articles).set({ currentRevisionId: revision!.id, publishedRevisionId: revision!.id }).where(eq(articles.id, article!.id));
    articleId = article!.id;
    revisionId = revision!.id;
  } finally {
    await connection.close();
  }
}

async function startServer() {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_DIST_DIR: ownBuild,
    PGLITE_DIR: ownDatabase,
    NEXT_TELEMETRY_DISABLED: '1',
    AUTH_SECRET: 'stored-body-test-only-secret-0123456789abcdef',
  };
  delete env.DATABASE_URL;
  const log = fs.openSync(logFile, 'w');
  server = spawn(process.execPath, ['--import', 'tsx', 'scripts/e2e-server.ts', '--keep-data', '--port', String(port)], { env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  await expect
    .poll(
      async () => {
        if (server!.exitCode !== null) throw new Error(`the stored-body test server exited; see ${logFile}`);
        return fetch(`${base}/api/health`).then(
          (response) => response.ok,
          () => false,
        );
      },
      { timeout: 120_000, message: `the stored-body test server did not answer; see ${logFile}` },
    )
    .toBe(true);
}

/** The server's log lines reporting this revision's body. */
function reports(): Record<string, unknown>[] {
  return fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"stored_body_unreadable"'))
    .map((line) => JSON.parse(line.slice(line.indexOf('{'))) as Record<string, unknown>)
    .filter((entry) => entry.revisionId === revisionId);
}

test.describe('a stored body the schema no longer accepts', () => {
  test.describe.configure({ timeout: 180_000 });

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    ownBuild = `${BUILD}-stored-body-${port}`;
    ownDatabase = path.join('.data', `stored-body-${port}`);
    logFile = path.join(os.tmpdir(), `midad-stored-body-${port}.log`);
    copyBuild();
    await prepareDatabase();
    await startServer();
  });

  test.afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(ownBuild, { recursive: true, force: true });
    fs.rmSync(ownDatabase, { recursive: true, force: true });
    fs.rmSync(`${ownDatabase}.lock`, { force: true });
  });

  test('shows readers and staff its plain text as paragraphs, and is logged once', async ({ browser }) => {
    // Readers: the page answers, with the stored text as paragraphs and no notice.
    const reader = await (await browser.newContext()).newPage();
    const response = await reader.goto(`${base}${articlePath(SLUG)}`);
    expect(response?.status()).toBe(200);
    await expect(reader.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    const body = reader.getByRole('region', { name: 'نص الخبر' });
    await expect(body.getByRole('paragraph')).toHaveText([FIRST_LINE, SECOND_LINE]);
    await expect(body.locator('b, img')).toHaveCount(0);
    await expect(reader.getByText(NOTICE)).toHaveCount(0);
    await reader.reload();
    await expect(body.getByRole('paragraph')).toHaveText([FIRST_LINE, SECOND_LINE]);
    expect(await reader.title()).not.toBe('pwned');

    // Staff: the preview shows the same paragraphs with a notice saying why.
    const staff = await (await browser.newContext()).newPage();
    await signIn(staff, DEMO.editor, `${base}/login`);
    await expect(staff).toHaveURL(/\/desk$/);
    for (let i = 0; i < 2; i++) {
      await staff.goto(`${base}/desk/articles/${articleId}/preview`);
      await expect(staff.getByText(NOTICE)).toBeVisible();
      await expect(staff.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
      await expect(staff.getByRole('region', { name: 'نص المقال' }).getByRole('paragraph')).toHaveText([FIRST_LINE, SECOND_LINE]);
    }

    // The editor opens the text rather than an empty body, so nothing is lost by the next save.
    await staff.goto(`${base}/desk/articles/${articleId}`);
    await expect(staff.getByText(NOTICE)).toBeVisible();
    await expect(staff.getByRole('textbox', { name: 'نص المقال' }).getByRole('paragraph')).toHaveText([FIRST_LINE, SECOND_LINE]);

    // However often it was shown, the server reported it once, naming the story and revision.
    expect(reports()).toEqual([expect.objectContaining({ level: 'warn', event: 'stored_body_unreadable', articleId, revisionId, code: 'CONTENT_INVALID' })]);

    await reader.context().close();
    await staff.context().close();
  });
});
