/*
 * The page half of `npm run bench`, on a production build served the way `npm start` serves it:
 *
 * - throughput and latency of the article page, the home page and search at a fixed number of
 *   connections, beside two references measured in the same run: an empty prerendered page of
 *   the same build, and the article's own HTML served from memory by a bare Node server;
 * - the script and stylesheet bytes each public page and the desk editor load;
 * - the time from «نشر» to readers seeing the story, quiet and under reader load;
 * - the editor's save latency on a 2,000-word story.
 *
 * It builds the app into its own directory (with the empty page, app/bench/empty), serves it on an embedded database of its own (reset
 * every run, migrated and seeded with the sample content) on a free port of 3500–3599, and stops
 * every process it started.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, devices, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import autocannon from 'autocannon';
import fixture from '../../db/seed-data/quds-day-article.json';
import { prepareDatabase } from '../../db/prepare';
import { ar } from '../../i18n/ar';
import { slugify } from '../../lib/arabic/slug';
import { API_ROOT, apiArticlePath, articlePath, sectionPath, tagPath } from '../../lib/seo/paths';
import playwrightConfig from '../../playwright.config';
import { changeAndWatch, deskAs, pressWorkflow, resubmitAndApprove, WORKFLOW, writeStory, type PublicChange, type WrittenStory } from './desk-flow';
import { percentile } from './figures';
import { measurePageWeight, type PageWeight } from './page-weight';
import { buildApp, freePort, onStop, startAppServer, startMemoryServer, stopProcess } from './processes';
import { measureLoad, summarise, type LoadRun } from './throughput';

export interface PagesBenchOptions {
  distDir: string;
  /** Reuse the build already in distDir. */
  skipBuild: boolean;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Publications timed on a quiet server. */
  publishRounds: number;
  /** Publications timed while readers load the article page. */
  loadedPublishRounds: number;
  saves: number;
  saveWords: number;
  log: (line: string) => void;
}

export function pagesOptionsFromEnv(log: (line: string) => void): PagesBenchOptions {
  const number = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
  return {
    distDir: process.env.BENCH_DIST_DIR || '.next-bench',
    skipBuild: process.env.BENCH_SKIP_BUILD === '1',
    connections: number('BENCH_CONNECTIONS', 32),
    seconds: number('BENCH_SECONDS', 10),
    warmupSeconds: number('BENCH_WARMUP_SECONDS', 3),
    publishRounds: number('BENCH_PUBLISH_ROUNDS', 5),
    loadedPublishRounds: number('BENCH_LOADED_PUBLISH_ROUNDS', 3),
    saves: number('BENCH_SAVES', 20),
    saveWords: 2000,
    log,
  };
}

export interface SaveLatency {
  words: number;
  saves: number;
  /** Clicking «حفظ» until the form shows «محفوظ», timed in the page. */
  clickToSavedMs: { p50: number; p95: number; max: number };
  /** The save request as the browser saw it: sent → response headers (the server action has run). */
  requestMs: { p50: number; p95: number; max: number };
  requestBytes: number;
}

export interface PagesReport {
  when: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string };
  build: { distDir: string; seconds: number | null };
  server: { origin: string; database: string };
  paths: Record<'empty' | 'article' | 'home' | 'section' | 'tag' | 'author' | 'search' | 'desk', string> & { apiList?: string; apiArticle?: string };
  connections: number;
  /** The sizes this run used (pagesOptionsFromEnv). */
  settings: Pick<PagesBenchOptions, 'seconds' | 'warmupSeconds' | 'publishRounds' | 'loadedPublishRounds' | 'saves' | 'saveWords'>;
  /** The content API's answers (runs before it was measured have none). */
  throughput: { empty: LoadRun; memory: LoadRun; article: LoadRun; home: LoadRun; search: LoadRun; apiList?: LoadRun; apiArticle?: LoadRun };
  weights: PageWeight[];
  publish: { quiet: PublicChange[]; underLoad: PublicChange[]; readersDuringWrites: LoadRun };
  saves: SaveLatency;
  seconds: number;
}

const SEARCH_QUERY = 'القدس';
const PGLITE_DIR = '.data/bench-pages';
const MEMORY_DIR = '.data/bench-memory';

const spread = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) });

/** About `words` words of Arabic news text: the fixture story's paragraphs, told again with a part number. */
export function longStoryParagraphs(words: number): string[] {
  const paragraphs: string[] = [];
  let count = 0;
  for (let part = 1; count < words; part++) {
    for (const [i, paragraph] of fixture.paragraphs.entries()) {
      const text = i === 0 ? `(الجزء ${part}) ${paragraph}` : paragraph;
      const tokens = text.split(/\s+/).filter(Boolean);
      const take = Math.min(tokens.length, words - count);
      paragraphs.push(tokens.slice(0, take).join(' '));
      count += take;
      if (count >= words) break;
    }
  }
  return paragraphs;
}

async function fetchOk(url: string): Promise<{ text: string; headers: Headers; bytes: Buffer }> {
  const response = await fetch(url, { redirect: 'manual' });
  const bytes = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return { text: bytes.toString('utf8'), headers: response.headers, bytes };
}

/** Headers a server sets per connection or per response, not part of the page. */
const PER_RESPONSE_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding']);

/** Times saves of the story open in `page`: type a word, click «حفظ», wait for «محفوظ». */
async function timeSaves(page: Page, count: number, warmup: number): Promise<Omit<SaveLatency, 'words'>> {
  const f = ar.articleForm;
  const body = page.getByRole('textbox', { name: ar.editor.label });
  const clickToSaved: number[] = [];
  const requests: number[] = [];
  let requestBytes = 0;
  for (let i = 0; i < warmup + count; i++) {
    await body.focus();
    await page.keyboard.insertText(` كلمة${i}`);
    await page.getByRole('status').filter({ hasText: f.state.unsaved }).waitFor();
    const [elapsed, response] = await Promise.all([
      page.evaluate(
        ({ save, saved, unsaved }) =>
          new Promise<number>((resolve, reject) => {
            const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === save);
            const status = [...document.querySelectorAll('[role="status"]')].find((s) => s.textContent?.startsWith(unsaved));
            if (!button || !status) return reject(new Error('save button or save status not found'));
            const timer = setTimeout(() => reject(new Error(`«${saved}» not shown within 30 s: ${status.textContent}`)), 30_000);
            const observer = new MutationObserver(() => {
              if (status.textContent !== saved) return;
              observer.disconnect();
              clearTimeout(timer);
              resolve(window.performance.now() - started);
            });
            observer.observe(status, { childList: true, characterData: true, subtree: true });
            const started = window.performance.now();
            button.click();
          }),
        { save: f.save, saved: f.state.saved, unsaved: f.state.unsaved },
      ),
      // The action's response stream is given up by the page once it has the result, so the
      // request never "finishes": its response headers mark the end of the server's work.
      page.waitForEvent('response', {
        predicate: (r) => r.request().method() === 'POST' && 'next-action' in r.request().headers() && (r.request().postData()?.length ?? 0) > 10_000,
        timeout: 30_000,
      }),
    ]);
    // Let the page's refresh after the save finish before the next one.
    await page.waitForTimeout(300);
    if (i < warmup) continue;
    clickToSaved.push(elapsed);
    requests.push(response.request().timing().responseStart);
    requestBytes = Buffer.byteLength(response.request().postData() ?? '');
  }
  return { saves: count, clickToSavedMs: spread(clickToSaved), requestMs: spread(requests), requestBytes };
}

/**
 * Publishes and unpublishes an approved story `rounds` times, timing both; the story goes back
 * through review (submit, approve: the admin approves a revision the editor wrote) between rounds.
 */
async function publishRounds(admin: Page, story: WrittenStory & { title: string; url: string }, rounds: number): Promise<PublicChange[]> {
  const changes: PublicChange[] = [];
  await admin.goto(story.deskUrl);
  for (let round = 0; round < rounds; round++) {
    if (round > 0) await resubmitAndApprove(admin);
    changes.push(await changeAndWatch(admin, 'publish', story.url, story.title));
    changes.push(await changeAndWatch(admin, 'unpublish', story.url, story.title));
  }
  // Ready for the next series: approved again.
  await resubmitAndApprove(admin);
  return changes;
}

export async function runPagesBenchmark(options: PagesBenchOptions): Promise<PagesReport> {
  const { log } = options;
  const began = performance.now();
  const root = process.cwd();
  const results = path.join(root, 'bench-results');
  fs.mkdirSync(results, { recursive: true });

  let buildSeconds: number | null = null;
  if (options.skipBuild && fs.existsSync(path.join(root, options.distDir, 'BUILD_ID'))) {
    log(`Reusing the build in ${options.distDir} (BENCH_SKIP_BUILD=1).`);
  } else {
    log(`Building the app into ${options.distDir} (log: bench-results/build.log)…`);
    buildSeconds = (await buildApp(options.distDir, path.join(results, 'build.log'))) / 1000;
    log(`Built in ${buildSeconds.toFixed(0)} s.`);
  }

  // A fresh embedded database with the sample content; the server opens it next.
  fs.rmSync(path.join(root, PGLITE_DIR), { recursive: true, force: true });
  process.env.DATABASE_URL = '';
  process.env.PGLITE_DIR = PGLITE_DIR;
  await prepareDatabase(['migrate', 'demo'], () => {});
  log(`Database: embedded PGlite in ${PGLITE_DIR}, migrated and seeded with the sample content.`);

  const port = await freePort(3500, 3599);
  const server = await startAppServer({ distDir: options.distDir, port, pgliteDir: PGLITE_DIR, logFile: path.join(results, 'server.log') });
  const { origin } = server;
  log(`Server: next start at ${origin} (PID ${server.child.pid}; log: bench-results/server.log).`);

  const article = articlePath(slugify(fixture.title));
  const articlePage = await fetchOk(origin + article);
  if (!articlePage.text.includes(fixture.title)) throw new Error(`${article} does not show the fixture story`);
  const author = /href="(\/authors\/\d+)"/.exec(articlePage.text)?.[1];
  if (!author) throw new Error(`${article} links to no author page`);
  const search = `/search?q=${encodeURIComponent(SEARCH_QUERY)}`;
  const paths: PagesReport['paths'] = {
    empty: '/bench/empty',
    article,
    home: '/',
    section: sectionPath(fixture.section),
    tag: tagPath(slugify(fixture.tags[0]!)),
    author,
    search,
    desk: '',
    apiList: `${API_ROOT}/articles`,
    apiArticle: apiArticlePath(slugify(fixture.title)),
  };
  if (!(await fetchOk(origin + paths.apiArticle)).text.includes(fixture.title)) throw new Error(`${paths.apiArticle} does not show the fixture story`);
  if (!(await fetchOk(origin + search)).text.includes(`href="${article}"`)) throw new Error(`${search} does not find the fixture story`);
  if ((await fetch(origin + paths.empty, { redirect: 'manual' })).status === 404) {
    throw new Error(`${options.distDir} has no ${paths.empty}: it was not built by the benchmark (BENCH_BUILD=1); run without BENCH_SKIP_BUILD=1`);
  }
  // Every page once, so the measurements start from rendered, cached pages.
  for (const p of Object.values(paths)) if (p) await fetchOk(origin + p);

  // The ceiling: the article's bytes and headers, served from memory by a process of its own.
  fs.rmSync(path.join(root, MEMORY_DIR), { recursive: true, force: true });
  fs.mkdirSync(path.join(root, MEMORY_DIR), { recursive: true });
  const bodyFile = path.join(root, MEMORY_DIR, 'article.html');
  fs.writeFileSync(bodyFile, articlePage.bytes);
  const headers = Object.fromEntries([...articlePage.headers].filter(([name]) => !PER_RESPONSE_HEADERS.has(name)));
  const memoryPort = await freePort(3500, 3599, [port]);
  const memory = await startMemoryServer({ port: memoryPort, bodyFile, headers, logFile: path.join(results, 'memory-server.log') });

  const load = { connections: options.connections, seconds: options.seconds, warmupSeconds: options.warmupSeconds };
  const loadRun = async (name: string, url: string) => {
    log(`Load: ${name} — ${options.connections} connections, ${options.warmupSeconds} s warm-up + ${options.seconds} s…`);
    return measureLoad(name, url, load);
  };
  const throughput = {
    empty: await loadRun('empty page', origin + paths.empty),
    memory: await loadRun('article HTML from memory', memory.origin + '/'),
    article: await loadRun('article page', origin + article),
    home: await loadRun('home page', origin + '/'),
    search: await loadRun('search', origin + search),
    // The content API, cached as the pages are: the newest stories and the fixture story.
    apiList: await loadRun('API article list', origin + paths.apiList),
    apiArticle: await loadRun('API article', origin + paths.apiArticle),
  };
  await stopProcess(memory.child);
  fs.rmSync(path.join(root, MEMORY_DIR), { recursive: true, force: true });

  // The browser the browser tests use (Debian's chromium where installed), with the same flags.
  const browser: Browser = await chromium.launch(playwrightConfig.use?.launchOptions);
  onStop(() => browser.close());
  const { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch } = devices['Desktop Chrome'];
  const context: BrowserContextOptions = { viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, baseURL: origin, locale: 'ar' };

  log('Page weight: scripts and stylesheets of each page…');
  const weights: PageWeight[] = [];
  for (const name of ['empty', 'article', 'home', 'section', 'tag', 'author', 'search'] as const) {
    weights.push(await measurePageWeight(browser, name, paths[name], context));
  }

  log(`Editor: writing a ${options.saveWords}-word story in the desk…`);
  const editor = await deskAs(browser, 'editor', context);
  const long = await writeStory(editor, { title: 'خبر طويل لقياس زمن الحفظ', section: 'فلسطين', paragraphs: longStoryParagraphs(options.saveWords) });
  paths.desk = new URL(long.deskUrl).pathname;
  weights.push(await measurePageWeight(browser, 'desk editor', paths.desk, { ...context, storageState: await editor.context().storageState() }));
  log(`Editor: timing ${options.saves} saves…`);
  await editor.goto(long.deskUrl);
  const saves: SaveLatency = { words: options.saveWords, ...(await timeSaves(editor, options.saves, 2)) };

  log(`Publishing: ${options.publishRounds} times on a quiet server…`);
  const title = 'خبر لقياس زمن النشر';
  const written = await writeStory(editor, { title, section: 'سياسة', paragraphs: ['نص قصير يُنشر ويُلغى نشره لقياس الزمن حتى يراه القراء.'] });
  await pressWorkflow(editor, WORKFLOW.submit);
  await editor.context().close();
  const story = { ...written, title, url: origin + written.publicPath };
  const admin = await deskAs(browser, 'admin', context);
  await admin.goto(story.deskUrl);
  await pressWorkflow(admin, WORKFLOW.approve);
  const quiet = await publishRounds(admin, story, options.publishRounds);

  log(`Publishing: ${options.loadedPublishRounds} times while ${options.connections} connections read the article page…`);
  const readers = autocannon({ url: origin + article, connections: options.connections, duration: 600 });
  let underLoad: PublicChange[];
  try {
    underLoad = await publishRounds(admin, story, options.loadedPublishRounds);
  } finally {
    readers.stop();
  }
  const readersDuringWrites = summarise('article page while publishing', await readers);
  await browser.close();
  await stopProcess(server.child);

  return {
    when: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
    },
    build: { distDir: options.distDir, seconds: buildSeconds },
    server: { origin, database: `PGlite in ${PGLITE_DIR}` },
    paths,
    connections: options.connections,
    settings: {
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
      publishRounds: options.publishRounds,
      loadedPublishRounds: options.loadedPublishRounds,
      saves: options.saves,
      saveWords: options.saveWords,
    },
    throughput,
    weights,
    publish: { quiet, underLoad, readersDuringWrites },
    saves,
    seconds: (performance.now() - began) / 1000,
  };
}
