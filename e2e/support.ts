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
