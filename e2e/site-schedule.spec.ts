import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../db/client';
import { articleRevisions, articles, articleTags, sections, tags, users } from '../db/schema';
import { seedDatabase } from '../db/seed';
import { slugify } from '../lib/arabic/slug';
import { documentToText, paragraphsToDocument } from '../lib/content/render';
import { articlePath, sectionPath, tagPath } from '../lib/seo/paths';
import { expect, test } from './fixtures';

/*
 * A scheduled story must appear on its own when its time comes — no job, no refresh call — on
 * every public page, even though those pages were already cached without it. The shared test
 * server's database cannot be written from here (the server holds it), so this file runs its
 * own server: a copy of the same production build on a database prepared with a story due a few
 * seconds after the server starts.
 *
 * The story's time is fixed before the server starts (the server then holds the database), so on
 * a busy machine the server and the checks before that time may not be done in time. That says
 * nothing about the product: the set-up is done again with twice the lead, until it fits.
 */

const PORT = Number(process.env.E2E_PORT ?? 3100) + 17;
const BASE = `http://127.0.0.1:${PORT}`;
const BUILD = process.env.NEXT_DIST_DIR || '.next';
const OWN_BUILD = `${BUILD}-schedule-${PORT}`;
const OWN_DATABASE = path.join('.data', `site-schedule-${PORT}`);
const FIRST_LEAD_MS = 25_000;
const LAST_LEAD_MS = 200_000;

const TITLE = 'نتائج مسابقة الشعر الشبابي تُعلن عند منتصف الليل';
const TAG = 'مسابقة الشعر الشبابي';
const SECTION = 'رأي';

let server: ChildProcess | undefined;
let dueAt: Date;

function copyBuild() {
  fs.rmSync(OWN_BUILD, { recursive: true, force: true });
  const skip = [path.join(BUILD, 'cache'), path.join(BUILD, 'server', 'route-cache')];
  fs.cpSync(BUILD, OWN_BUILD, {
    recursive: true,
    verbatimSymlinks: true,
    // Start with empty caches: none of the shared server's entries may leak into this one.
    filter: (source) => !skip.some((dir) => source === dir || source.startsWith(dir + path.sep)),
  });
}

async function prepareDatabase(leadMs: number) {
  fs.rmSync(OWN_DATABASE, { recursive: true, force: true });
  fs.rmSync(`${OWN_DATABASE}.lock`, { force: true });
  const connection = openDatabase({ pgliteDir: OWN_DATABASE });
  try {
    await connection.migrate();
    await seedDatabase(connection.db, { production: false });
    const db = connection.db;
    const [section] = await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, SECTION));
    const [author] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'editor@midad.test'));
    dueAt = new Date(Date.now() + leadMs);
    const [article] = await db
      .insert(articles)
      .values({ slug: slugify(TITLE), sectionId: section!.id, status: 'scheduled', createdBy: author!.id, scheduledFor: dueAt })
      .returning({ id: articles.id });
    const body = paragraphsToDocument(['تُعلن لجنة التحكيم أسماء الفائزين في مسابقة الشعر الشبابي عند منتصف الليل.']);
    const [revision] = await db
      .insert(articleRevisions)
      .values({ articleId: article!.id, number: 1, title: TITLE, summary: 'إعلان الفائزين', body, bodyText: documentToText(body), authorId: author!.id })
      .returning({ id: articleRevisions.id });
    await db.update(articles).set({ currentRevisionId: revision!.id, publishedRevisionId: revision!.id }).where(eq(articles.id, article!.id));
    const [tag] = await db.insert(tags).values({ slug: slugify(TAG), name: TAG }).returning({ id: tags.id });
    await db.insert(articleTags).values({ articleId: article!.id, tagId: tag!.id });
  } finally {
    await connection.close();
  }
}

async function startServer() {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_DIST_DIR: OWN_BUILD,
    PGLITE_DIR: OWN_DATABASE,
    NEXT_TELEMETRY_DISABLED: '1',
    AUTH_SECRET: process.env.AUTH_SECRET ?? 'schedule-test-only-secret-0123456789abcdef',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(PORT), '-H', '127.0.0.1'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  server = child;
  // Up when its health check answers; given up on only if the process dies (or hangs for minutes).
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the schedule test server on port ${PORT} exited before it answered`);
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the schedule test server did not answer on port ${PORT}`);
}

async function stopServer() {
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  server = undefined;
}

async function get(pathname: string) {
  const response = await fetch(BASE + pathname, { redirect: 'manual' });
  return { status: response.status, cache: response.headers.get('x-nextjs-cache'), text: await response.text() };
}

const slug = slugify(TITLE);
const listings = ['/', sectionPath(SECTION), '/feed.xml', `${sectionPath(SECTION)}/feed.xml`, '/sitemap.xml', '/news-sitemap.xml'];
const showsStory = (text: string) => text.includes(TITLE) || text.includes(articlePath(slug));

/** Before its time: absent, and the answers are cached (the article's 404 too). False if its time came first. */
async function cacheEverythingBeforeItsTime(): Promise<boolean> {
  const article = articlePath(slug);
  expect((await get(article)).status).toBe(404);
  expect(await get(article)).toMatchObject({ status: 404, cache: 'HIT' });
  expect((await get(tagPath(slugify(TAG)))).status).toBe(404);
  for (const page of listings) {
    if (Date.now() >= dueAt.getTime() - 1000) return false;
    const before = await get(page);
    expect(before.status, page).toBe(200);
    expect(showsStory(before.text), page).toBe(false);
    expect(showsStory((await get(page)).text), `${page} (cached)`).toBe(false);
  }
  return Date.now() < dueAt.getTime() - 1000;
}

test.describe('a scheduled story', () => {
  test.describe.configure({ timeout: 600_000 });

  test.afterAll(async () => {
    await stopServer();
    fs.rmSync(OWN_BUILD, { recursive: true, force: true });
    fs.rmSync(OWN_DATABASE, { recursive: true, force: true });
    fs.rmSync(`${OWN_DATABASE}.lock`, { force: true });
  });

  test('appears everywhere when its time comes, though every page was cached without it', async () => {
    for (let lead = FIRST_LEAD_MS; ; lead *= 2) {
      // Each attempt starts from empty caches and a new database.
      await stopServer();
      copyBuild();
      await prepareDatabase(lead);
      await startServer();
      if (await cacheEverythingBeforeItsTime()) break;
      expect(lead * 2, 'the server and the checks before the schedule never fitted before its time').toBeLessThanOrEqual(LAST_LEAD_MS);
    }

    // The state waited for is the schedule's own time: the test sleeps until the clock reaches it.
    await new Promise((resolve) => setTimeout(resolve, dueAt.getTime() - Date.now() + 20));

    // The article page was cached as a 404 whose lifetime ends at the schedule time: the request
    // that finds it expired starts its regeneration, and the story is readable within a second.
    const article = articlePath(slug);
    let visibleAfterMs: number | null = null;
    while (Date.now() - dueAt.getTime() < 3000) {
      const result = await get(article);
      if (result.status === 200 && result.text.includes(TITLE)) {
        visibleAfterMs = Date.now() - dueAt.getTime();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(visibleAfterMs, 'the article is readable after its time').not.toBeNull();
    expect(visibleAfterMs!).toBeLessThan(1000);

    // Listings, feeds and sitemaps (not requested since the time came): the very first request has it.
    for (const page of listings) {
      const after = await get(page);
      expect(after.status, page).toBe(200);
      expect(showsStory(after.text), page).toBe(true);
    }
    expect((await get(tagPath(slugify(TAG)))).status).toBe(200);
  });
});
