import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type APIRequestContext, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type PlaywrightWorkerArgs, type Request, type WorkerFixture } from '@playwright/test';
import { slugify } from '../lib/arabic/slug';
import type { ActionResult, SlugCheck } from '../lib/desk/results';
import { paragraphsToDocument } from '../lib/content/render';
import { articlePath } from '../lib/seo/paths';
import { actionId, DEMO, pressWorkflow, signInAs, unique } from './support';

/*
 * The desk as each role sees it, without signing in through the form in every test: each role
 * signs in once per worker, through the real login form, and its browser state (the session
 * cookie) is stored under test-results/.auth. A test then gets a browser context of its own,
 * opened from that state, and stories it creates for itself (createDraft).
 *
 * A stored session is shared by every later test of that role, so a test must never end it: tests
 * that sign out, sign in again or lose their session sign in through the form in a context of
 * their own (signInAs from ./support). A context opened here that sends a sign-out or a sign-in
 * fails its test, and the role signs in afresh for the tests after it.
 */

export type Role = keyof typeof DEMO;

export interface DraftInput {
  /** Made unique when left out; a title given must be unique too, so that the slug it makes is free. */
  title?: string;
  /** The section's name, as the form lists it. */
  section?: string;
  summary?: string;
  /** One paragraph each. */
  paragraphs?: string[];
  /** Tag names, created when no tag has them yet. */
  tags?: string[];
  /** Who writes it: the editor unless said otherwise. */
  as?: 'editor' | 'admin';
}

export interface Draft {
  id: number;
  title: string;
  slug: string;
  /** The story's desk page, e.g. /desk/articles/12. */
  deskPath: string;
  /** Where readers will find it once published (percent-encoded). */
  publicPath: string;
}

export type DeskOptions = Omit<BrowserContextOptions, 'storageState'> & { clock?: boolean };

/** One role's stored sign-in, for the whole worker. */
interface StoredSession {
  role: Role;
  /** The storage-state file, signing in again first if a test ended the session it held. */
  stateFile(): Promise<string>;
  /** Marks the stored session as ended on the server: the next test signs in afresh. */
  forget(): void;
}

type WorkerFixtures = { editorSession: StoredSession; reviewerSession: StoredSession; adminSession: StoredSession };

type TestFixtures = {
  /** Installs Playwright's clock in the role contexts before their pages load (see pauseTimers). */
  deskClock: boolean;
  /** Opens contexts from a stored session, watches them, and closes them when the test ends. */
  deskContexts: (session: StoredSession, options?: DeskOptions) => Promise<Page>;
  /**
   * A new browser context signed in as `role`, from the stored state, with any other context
   * options the test needs (a time zone, say); closed when the test ends.
   */
  openDesk: (role: Role, options?: DeskOptions) => Promise<Page>;
  editorPage: Page;
  reviewerPage: Page;
  adminPage: Page;
  /**
   * Creates a draft story of the test's own through the desk's own server action (createArticleAction,
   * as the editor by default) and returns it; the test then opens it where it needs it. When the
   * test fails, whatever of its drafts is still live is taken down after it.
   */
  createDraft: (input?: DraftInput) => Promise<Draft>;
};

/** Per port, so that runs side by side on one checkout never read each other's sessions. */
const AUTH_DIR = path.join('test-results', '.auth', `port-${process.env.E2E_PORT ?? 3100}`);

/** Signing in on a busy machine takes seconds to a minute; it is not the tests' time. */
const SIGN_IN_TIMEOUT_MS = 180_000;

async function signInOnce(browser: Browser, baseURL: string | undefined, role: Role, file: string): Promise<string> {
  const context = await browser.newContext({ baseURL, locale: 'ar' });
  try {
    await signInAs(await context.newPage(), role);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await context.storageState({ path: file });
    return file;
  } finally {
    await context.close();
  }
}

/** A worker fixture that signs `role` in once, through the form, when the first test needs it. */
function storedSession(role: Role): [WorkerFixture<StoredSession, PlaywrightWorkerArgs>, { scope: 'worker'; timeout: number }] {
  return [
    async ({ browser }, provide, workerInfo) => {
      const file = path.join(AUTH_DIR, `worker-${workerInfo.parallelIndex}`, `${role}.json`);
      const baseURL = workerInfo.project.use.baseURL;
      let signedIn: Promise<string> | null = signInOnce(browser, baseURL, role, file);
      await signedIn;
      await provide({
        role,
        stateFile: () => (signedIn ??= signInOnce(browser, baseURL, role, file)),
        forget: () => {
          signedIn = null;
        },
      });
      fs.rmSync(file, { force: true });
    },
    { scope: 'worker', timeout: SIGN_IN_TIMEOUT_MS },
  ];
}

/** Whether a request would end the session it carries: a sign-out, or a sign-in over it. */
function endsSession(request: Request, signOutId: string): boolean {
  if (request.method() !== 'POST') return false;
  if (request.headers()['next-action'] === signOutId) return true;
  const { pathname } = new URL(request.url());
  return pathname === '/api/auth/sign-in' || pathname.startsWith('/api/auth/signout') || pathname.startsWith('/api/auth/callback');
}

/**
 * Calls a server action as Next's client does (its id in `Next-Action`, the arguments as a JSON
 * array) and returns what it answered, read from the RSC reply: row 0 points at the result's row.
 */
async function callAction(request: APIRequestContext, name: string, args: unknown[]): Promise<unknown> {
  const response = await request.post('/desk', {
    headers: { 'Next-Action': actionId(name), Accept: 'text/x-component', 'Content-Type': 'text/plain;charset=UTF-8' },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  const body = await response.text();
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  try {
    const pointer = (JSON.parse(rows.get('0')!) as { a: string }).a;
    return JSON.parse(rows.get(pointer.replace(/^\$@/, ''))!);
  } catch {
    throw new Error(`${name} answered ${response.status()}: ${body.slice(0, 500)}`);
  }
}

// Each fixture hands its value on with Playwright's `use`, named `provide` here: the linter's React
// rules would take a call to `use` for React's hook.
export const test = base.extend<TestFixtures, WorkerFixtures>({
  editorSession: storedSession('editor'),
  reviewerSession: storedSession('reviewer'),
  adminSession: storedSession('admin'),

  deskClock: [false, { option: true }],

  deskContexts: async ({ browser, deskClock }, provide) => {
    const opened: { session: StoredSession; context: BrowserContext; ended: string[] }[] = [];
    let signOutId: string | undefined;
    await provide(async (session, { clock = deskClock, ...contextOptions } = {}) => {
      signOutId ??= actionId('signOutAction');
      const context = await browser.newContext({ ...contextOptions, storageState: await session.stateFile() });
      const entry = { session, context, ended: [] as string[] };
      opened.push(entry);
      context.on('request', (request) => {
        if (endsSession(request, signOutId!)) entry.ended.push(`${request.method()} ${request.url()}`);
      });
      if (clock) await context.clock.install();
      return context.newPage();
    });
    await Promise.all(opened.map(({ context }) => context.close()));
    const ending = opened.filter(({ ended }) => ended.length > 0);
    for (const { session } of ending) session.forget();
    if (ending.length) {
      throw new Error(
        `This test ended the stored session of ${ending.map((e) => e.session.role).join(', ')} (${ending.flatMap((e) => e.ended).join('; ')}). ` +
          'A test that signs out or signs in must sign in through the form in a context of its own.',
      );
    }
  },

  openDesk: async ({ deskContexts, editorSession, reviewerSession, adminSession }, provide) => {
    const sessions = { editor: editorSession, reviewer: reviewerSession, admin: adminSession };
    await provide((role, options) => deskContexts(sessions[role], options));
  },
  editorPage: async ({ deskContexts, editorSession }, provide) => provide(await deskContexts(editorSession)),
  reviewerPage: async ({ deskContexts, reviewerSession }, provide) => provide(await deskContexts(reviewerSession)),
  adminPage: async ({ deskContexts, adminSession }, provide) => provide(await deskContexts(adminSession)),

  createDraft: async ({ browser, playwright, baseURL, editorSession, adminSession }, provide, testInfo) => {
    const clients: APIRequestContext[] = [];
    const drafts: Draft[] = [];
    const sectionIds = new Map<string, number>();
    await provide(async ({ title = unique('خبر'), section = 'فلسطين', summary = '', paragraphs = ['فقرة أولى كتبها الاختبار لنفسه.'], tags = [], as = 'editor' } = {}) => {
      const session = as === 'admin' ? adminSession : editorSession;
      const client = await playwright.request.newContext({ baseURL, storageState: await session.stateFile(), extraHTTPHeaders: { Origin: new URL(baseURL!).origin } });
      clients.push(client);
      if (!sectionIds.size) {
        // The sections as the new-story form offers them.
        const form = await (await client.get('/desk/articles/new')).text();
        for (const [, id, name] of form.matchAll(/<option value="(\d+)">([^<]+)<\/option>/g)) sectionIds.set(name!, Number(id));
      }
      const sectionId = sectionIds.get(section);
      if (!sectionId) throw new Error(`no section named ${section} in the new-story form`);
      const created = (await callAction(client, 'createArticleAction', [
        { fields: { title, summary, byline: '', sectionId, tags, featuredMediaId: null }, body: paragraphsToDocument(paragraphs) },
      ])) as ActionResult<{ id: number }>;
      if (!created.ok) throw new Error(`createArticleAction refused the draft: ${JSON.stringify(created)}`);
      const { id } = created.value;
      // The slug the title makes, which no other story may hold; otherwise this one got another.
      const slug = slugify(title);
      const check = (await callAction(client, 'checkSlugAction', [slug, id])) as ActionResult<SlugCheck>;
      if (!check.ok || !check.value.available || check.value.slug !== slug) throw new Error(`another story already has the slug of «${title}»: give the draft a unique title`);
      const draft = { id, title, slug, deskPath: `/desk/articles/${id}`, publicPath: articlePath(slug) };
      drafts.push(draft);
      return draft;
    });
    await Promise.all(clients.map((client) => client.dispose()));
    // A test that passes has taken down what it published. One that failed part-way may have left
    // a story live (or breaking, or scheduled): the tests after it check the seeded stories only,
    // so the admin takes it down here rather than let one failure become many.
    if (testInfo.status !== testInfo.expectedStatus && drafts.length) {
      const context = await browser.newContext({ baseURL, locale: 'ar', storageState: await adminSession.stateFile() });
      try {
        const page = await context.newPage();
        for (const draft of drafts) {
          await page.goto(draft.deskPath);
          if (await page.getByRole('button', { name: 'إلغاء النشر', exact: true }).count()) await pressWorkflow(page, 'إلغاء النشر');
        }
      } finally {
        await context.close();
      }
    }
  },
});

export { expect };
