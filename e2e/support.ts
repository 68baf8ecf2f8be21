import { expect, type Page } from '@playwright/test';

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
      page.evaluate(() => {
        type Pm = { editor?: { view: { hasFocus(): boolean }; state: { selection: { empty: boolean; to: number }; doc: { content: { size: number }; textBetween(from: number, to: number, block: string, leaf: string): string } } } };
        const editor = (document.querySelector('.ProseMirror') as unknown as Pm | null)?.editor;
        if (!editor) return false;
        const { selection, doc } = editor.state;
        return editor.view.hasFocus() && selection.empty && doc.textBetween(selection.to, doc.content.size, '\n', ' ') === '';
      }),
    )
    .toBe(true);
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
