/*
 * Newsroom steps through the real desk in a browser, shared by `npm run bench` and the
 * load-with-writes browser test: sign in, write a story, press a workflow button, and watch a
 * story's public URL until readers see the change. Plain Playwright calls only (no test runner),
 * so a script can use them as well as a spec.
 */
import { performance } from 'node:perf_hooks';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../../db/seed-data/sample-stories';
import { ar } from '../../i18n/ar';
import type { Role } from '../../lib/permissions/roles';
import { articlePath } from '../../lib/seo/paths';

export const WORKFLOW = ar.workflow.actions;

/** Opens a browser context of its own and signs in there with the demo account of `role`. */
export async function deskAs(browser: Browser, role: Role, options: BrowserContextOptions = {}): Promise<Page> {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`No demo account for ${role}`);
  const page = await (await browser.newContext({ locale: 'ar', ...options })).newPage();
  await page.goto('/login');
  await page.getByLabel(ar.auth.email).fill(account.email);
  await page.getByLabel(ar.auth.password).fill(account.password);
  await page.getByRole('button', { name: ar.auth.submit }).click();
  await page.waitForURL(/\/desk$/);
  return page;
}

export interface WrittenStory {
  id: number;
  slug: string;
  /** The desk page of the story (absolute). */
  deskUrl: string;
  /** Its public path, percent-encoded. */
  publicPath: string;
}

/** Writes a new story through the desk form, typing the body paragraph by paragraph, and creates the draft. */
export async function writeStory(page: Page, story: { title: string; section: string; paragraphs: string[] }): Promise<WrittenStory> {
  const f = ar.articleForm;
  await page.goto('/desk/articles/new');
  await page.getByLabel(f.title, { exact: true }).fill(story.title);
  await page.getByLabel(f.section).selectOption({ label: story.section });
  await page.getByRole('textbox', { name: ar.editor.label }).click();
  for (const [i, paragraph] of story.paragraphs.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await page.keyboard.insertText(paragraph);
  }
  await page.getByRole('button', { name: f.save, exact: true }).click();
  await page.waitForURL(/\/desk\/articles\/\d+$/);
  const id = Number(/\/desk\/articles\/(\d+)$/.exec(page.url())![1]);
  const slug = await page.getByLabel(f.slug).inputValue();
  return { id, slug, deskUrl: page.url(), publicPath: articlePath(slug) };
}

const ASKS_FIRST = new Set(['نشر', 'جدولة', 'إلغاء النشر']);

/**
 * Presses a workflow button on the story's desk page and waits until the page shows the new state
 * (the button is no longer offered). Returns when it was pressed and when the desk confirmed it,
 * on the performance clock.
 */
export async function pressWorkflow(page: Page, name: string, timeoutMs = 15_000): Promise<{ pressedAt: number; confirmedAt: number }> {
  const button = page.getByRole('button', { name, exact: true });
  await button.waitFor({ timeout: timeoutMs });
  let pressedAt = performance.now();
  await button.click();
  // «نشر», «جدولة» and «إلغاء النشر» ask first: the step is taken when the dialog's button is pressed.
  if (ASKS_FIRST.has(name)) {
    const confirm = page.getByRole('alertdialog').getByRole('button', { name, exact: true });
    await confirm.waitFor({ timeout: timeoutMs });
    pressedAt = performance.now();
    await confirm.click();
  }
  try {
    await button.waitFor({ state: 'detached', timeout: timeoutMs });
  } catch (error) {
    const said = await page
      .locator('form[aria-busy] [role="status"]')
      .allInnerTexts()
      .catch(() => []);
    throw new Error(`«${name}» was not confirmed within ${timeoutMs} ms${said.join('').trim() ? `; the desk says: ${said.join(' ').trim()}` : ''}`, { cause: error });
  }
  return { pressedAt, confirmedAt: performance.now() };
}

export type PublicState = { live: true; title: string } | { live: false };

/** Whether readers get `expected` at a public URL now: live (200 with the title) or gone (404). */
export async function publicUrlShows(url: string, expected: PublicState): Promise<boolean> {
  const response = await fetch(url, { redirect: 'manual' });
  const text = await response.text();
  return expected.live ? response.status === 200 && text.includes(expected.title) : response.status === 404;
}

export interface PublicChange {
  action: 'publish' | 'unpublish';
  /** Pressing the button until a reader's answer showed the change. */
  pressToVisibleMs: number | null;
  /** The desk confirming the change until a reader's answer showed it (0 when readers saw it first). */
  confirmToVisibleMs: number | null;
  /** Pressing the button until the desk confirmed it. */
  pressToConfirmMs: number;
}

/**
 * Presses «نشر» or «إلغاء النشر» while polling the story's public URL — or several, each
 * through its own server (a cache in front, another node) — one request after the other, from just
 * before the press; reports when the change was first seen at every URL. Readers must see it
 * within `timeoutMs` of the desk's confirmation, or the time is null.
 */
export async function changeAndWatch(page: Page, action: 'publish' | 'unpublish', publicUrls: string | readonly string[], title: string, timeoutMs = 10_000): Promise<PublicChange> {
  const expected: PublicState = action === 'publish' ? { live: true, title } : { live: false };
  let stop = false;
  const watchOne = async (url: string) => {
    while (!stop) {
      if (await publicUrlShows(url, expected)) return performance.now();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return null;
  };
  const watcher = Promise.all((typeof publicUrls === 'string' ? [publicUrls] : publicUrls).map(watchOne)).then((times) =>
    times.includes(null) ? null : Math.max(...(times as number[])),
  );
  let pressed: { pressedAt: number; confirmedAt: number };
  try {
    pressed = await pressWorkflow(page, WORKFLOW[action]);
  } catch (error) {
    stop = true;
    await watcher;
    throw error;
  }
  const giveUp = setTimeout(() => (stop = true), timeoutMs);
  const seenAt = await watcher;
  clearTimeout(giveUp);
  return {
    action,
    pressToVisibleMs: seenAt === null ? null : seenAt - pressed.pressedAt,
    confirmToVisibleMs: seenAt === null ? null : Math.max(0, seenAt - pressed.confirmedAt),
    pressToConfirmMs: pressed.confirmedAt - pressed.pressedAt,
  };
}

/** An unpublished story goes back through review before it can be published again: submit, then approve. */
export async function resubmitAndApprove(page: Page): Promise<void> {
  await pressWorkflow(page, WORKFLOW.submit);
  await pressWorkflow(page, WORKFLOW.approve);
}
