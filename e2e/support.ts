import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { wallTimeOf } from '../lib/format/formatter';

export const DEMO = {
  admin: { email: 'admin@midad.test', password: 'midad-admin-demo' },
  editor: { email: 'editor@midad.test', password: 'midad-editor-demo' },
  reviewer: { email: 'reviewer@midad.test', password: 'midad-reviewer-demo' },
} as const;

/** Signs in through the real form, starting from `path` (default: the login page). */
export async function signIn(page: Page, credentials: { email: string; password: string }, path = '/login') {
  await page.goto(path);
  await page.getByLabel('البريد الإلكتروني').fill(credentials.email);
  await page.getByLabel('كلمة المرور').fill(credentials.password);
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
}

export async function signInAs(page: Page, role: keyof typeof DEMO) {
  await signIn(page, DEMO[role]);
  await expect(page).toHaveURL(/\/desk$/);
}

/** Unique per run, so tests never depend on each other's data. */
export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

export const editorBox = (page: Page) => page.getByRole('textbox', { name: 'نص المقال' });

/** The Tiptap editor behind the story body, reached through the textbox that role and name expose. */
type BodyEditor = {
  view: { hasFocus(): boolean };
  state: { selection: { empty: boolean; to: number }; doc: { content: { size: number }; textBetween(from: number, to: number, block: string, leaf: string): string } };
  getJSON(): unknown;
};

/**
 * Puts the caret at the end of the story body the way a writer does (Control+End) and waits until
 * the editor itself has the caret there: ProseMirror learns of a native caret move from a
 * selectionchange event, which can arrive after the next keystroke on a busy machine.
 */
export async function caretAtEnd(page: Page) {
  await editorBox(page).click();
  await page.keyboard.press('Control+End');
  await expect
    .poll(() =>
      editorBox(page).evaluate((surface) => {
        const editor = (surface as HTMLElement & { editor?: BodyEditor }).editor;
        if (!editor) return false;
        const { selection, doc } = editor.state;
        return editor.view.hasFocus() && selection.empty && doc.textBetween(selection.to, doc.content.size, '\n', ' ') === '';
      }),
    )
    .toBe(true);
}

/** The story body as the editor holds it (its JSON document), to compare before and after a reload. */
export function bodyJson(page: Page): Promise<string> {
  return editorBox(page).evaluate((surface) => JSON.stringify((surface as HTMLElement & { editor: BodyEditor }).editor.getJSON()));
}

/** Types `text` at the end of the story body. */
export async function typeAtEnd(page: Page, text: string) {
  await caretAtEnd(page);
  await page.keyboard.insertText(text);
}

/** The unsaved copies this browser keeps for the desk (see components/desk/local-copy.ts). */
export function localCopies(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('midad:unsaved:')).map((k) => localStorage.getItem(k) ?? ''));
}

/**
 * Stops the page's clock, so the form's timers — autosave after quiet typing, retries, the
 * presence heartbeat — fire only when the test moves time on (page.clock.runFor) or resumes it.
 * The context's clock must have been installed (context.clock.install()) before the page loaded.
 */
export async function pauseTimers(page: Page) {
  for (;;) {
    // pauseAt takes a moment still ahead of the page's clock, which runs while this call travels.
    const now = await page.evaluate(() => Date.now());
    try {
      await page.clock.pauseAt(now + 1000);
      return;
    } catch (error) {
      if (!/to the past/i.test(String(error))) throw error;
    }
  }
}

/** The save state beside the form says the story is saved. */
export async function expectSaved(page: Page, timeout?: number) {
  await expect(page.getByRole('status').filter({ hasText: /^محفوظ$/ })).toBeVisible({ timeout });
}

/** The story's workflow state as its desk page states it («الحالة: مسودة»). */
export async function expectStatus(page: Page, status: string, timeout?: number) {
  await expect(page.getByRole('main').getByText(`الحالة: ${status}`, { exact: true })).toBeVisible({ timeout });
}

/**
 * Moves focus with Tab (Shift+Tab going back) until `target` has it, as a person at the keyboard
 * would; fails if it is not reached in `limit` presses, which means the keyboard cannot get there.
 */
export async function tabTo(page: Page, target: Locator, { back = false, limit = 60 }: { back?: boolean; limit?: number } = {}) {
  await expect(target).toBeVisible();
  for (let presses = 0; presses <= limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`the keyboard did not reach ${target} in ${limit} presses`);
}

/** The workflow steps readers feel at once: the desk asks before each, in a dialog. */
export const ASKS_FIRST = ['نشر', 'جدولة', 'إلغاء النشر'];

/** Answers the open confirmation dialog with its button `name` (the same name as the step). */
export async function confirmDialog(page: Page, name: string) {
  const dialog = page.getByRole('alertdialog');
  await dialog.getByRole('button', { name, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

/**
 * Presses a workflow button (with a note for the writer, if given), confirms it when the desk asks
 * first, and waits for the page to show the new state, which no longer offers this action.
 */
export async function pressWorkflow(page: Page, name: string, note?: string) {
  const button = page.getByRole('button', { name, exact: true });
  if (note !== undefined) await page.locator('form', { has: button }).getByLabel('ملاحظة للكاتب').fill(note);
  await button.click();
  if (ASKS_FIRST.includes(name)) await confirmDialog(page, name);
  await expect(button).toHaveCount(0);
}

/** The id of a server action in the build under test, as Next's client sends it in `Next-Action`. */
export function actionId(name: string): string {
  const manifestPath = path.join(process.env.NEXT_DIST_DIR || '.next', 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { node: Record<string, { exportedName?: string }> };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name)?.[0];
  if (!id) throw new Error(`no server action named ${name} in this build`);
  return id;
}

/** axe (WCAG 2.1 A/AA and best practice) finds nothing serious or critical on the page as it is now. */
export async function expectNoSeriousAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `axe on ${label}`,
  ).toEqual([]);
}

/** A desk of its own on the server at `origin` (another node, a private server), signed in as `who`. */
export async function deskAt(browser: Browser, origin: string, who: keyof typeof DEMO): Promise<Page> {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  await signIn(page, DEMO[who]);
  await expect(page).toHaveURL(/\/desk$/);
  return page;
}

/**
 * Writes a one-paragraph story in `editor`'s desk, submits it, and has `reviewer` (a desk on the
 * same database, perhaps through another node) approve it: ready for «نشر». Returns its desk path.
 */
export async function writeApprovedStory(editor: Page, reviewer: Page, story: { title: string; section: string; text: string }): Promise<string> {
  await editor.goto('/desk/articles/new');
  await editor.getByLabel('العنوان', { exact: true }).fill(story.title);
  await editor.getByLabel('القسم').selectOption({ label: story.section });
  await editorBox(editor).click();
  await editor.keyboard.insertText(story.text);
  await editor.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expect(editor).toHaveURL(/\/desk\/articles\/\d+$/);
  await expectSaved(editor);
  const deskPath = new URL(editor.url()).pathname;
  await pressWorkflow(editor, 'إرسال للمراجعة');
  await reviewer.goto(deskPath);
  await pressWorkflow(reviewer, 'اعتماد');
  await editor.reload();
  return deskPath;
}

/**
 * That readers asking within `limitMs` of now get `expected`: requests go out one round after the
 * other, and a round sent within the limit must answer it. When its answer arrives does not count
 * — on a busy machine a round of fresh renders takes what it takes — only what it says. This is
 * how the browser tests check that a change reaches readers "within a second" of the desk's
 * confirmation without depending on how idle the machine is.
 */
export async function freshWithin<T>(limitMs: number, readers: () => Promise<T>, expected: T): Promise<void> {
  const since = performance.now();
  let seen: T | undefined;
  while (performance.now() - since <= limitMs) {
    seen = await readers();
    if (isDeepStrictEqual(seen, expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(seen as unknown, `what readers got from the last requests sent within ${limitMs} ms`).toEqual(expected);
}

/**
 * Embargoes the draft open in `editor`'s desk until the first whole minute at least `leadMs` away
 * (the field takes whole minutes), then has it submitted, approved by `reviewer` and published.
 * Returns the embargo's end and the site's time zone the desk named.
 */
export async function publishUnderEmbargo(editor: Page, reviewer: Page, draft: { id: number; deskPath: string }, leadMs: number): Promise<{ until: Date; zone: string }> {
  await editor.goto(draft.deskPath);
  const zone = (await editor.locator(`#embargo-until-${draft.id}-zone`).textContent())!.replace(/^.*:\s*/, '').trim();
  const until = new Date(Math.ceil((Date.now() + leadMs) / 60_000) * 60_000);
  await editor.getByLabel('حظر النشر حتى', { exact: true }).fill(wallTimeOf(until, zone));
  await editor.getByLabel('سبب الحظر', { exact: true }).fill('بطلب من الجهة المنظمة');
  await editor.getByRole('button', { name: 'حظر النشر', exact: true }).click();
  await expect(editor.getByRole('button', { name: 'تغيير موعد الحظر', exact: true })).toBeVisible();
  await pressWorkflow(editor, 'إرسال للمراجعة');
  await reviewer.goto(draft.deskPath);
  await pressWorkflow(reviewer, 'اعتماد');
  await editor.goto(draft.deskPath);
  await pressWorkflow(editor, 'نشر');
  await expect(editor.getByText(/منشور · محظور حتى/)).toBeVisible();
  return { until, zone };
}
