import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectStatus, tabTo, unique } from './support';

/*
 * A story's whole life in the newsroom with the keyboard alone — no mouse, no clicks — and every
 * control found by its role and accessible name, as a screen reader finds it: written, saved,
 * sent for review, approved, scheduled, published, taken down, and found again in the archive.
 */

/** Reaches a button with Tab and presses it with Enter. */
async function press(page: Page, name: string) {
  await tabTo(page, page.getByRole('button', { name, exact: true }));
  await page.keyboard.press('Enter');
}

/**
 * Presses a step that asks first, then answers the dialog from the keyboard: focus starts on
 * «تراجع» and stays inside the dialog, so Tab reaches its button of the same name.
 */
async function pressAndConfirm(page: Page, name: string) {
  await press(page, name);
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByRole('button', { name: 'تراجع' })).toBeFocused();
  await tabTo(page, dialog.getByRole('button', { name, exact: true }));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
}

test('a story goes from first word to the archive with the keyboard alone', async ({ openDesk }) => {
  test.slow();
  const title = unique('خبر بلوحة المفاتيح');
  const editor = await openDesk('editor');

  // Written and saved.
  await editor.goto('/desk');
  await tabTo(editor, editor.getByRole('link', { name: 'مقال جديد' }));
  await editor.keyboard.press('Enter');
  await expect(editor).toHaveURL(/\/desk\/articles\/new$/);
  await tabTo(editor, editor.getByRole('textbox', { name: 'العنوان', exact: true }));
  await editor.keyboard.type(title);
  await tabTo(editor, editor.getByRole('combobox', { name: 'القسم', exact: true }));
  // The first section down the list («اختر القسم» comes before them).
  await editor.keyboard.press('ArrowDown');
  await expect(editor.getByRole('combobox', { name: 'القسم', exact: true })).toHaveValue(/^\d+$/);
  await tabTo(editor, editor.getByRole('textbox', { name: 'نص المقال' }));
  await editor.keyboard.type('فقرة كُتبت بلوحة المفاتيح وحدها، من أول كلمة إلى آخرها.');
  await press(editor, 'حفظ');
  await expect(editor).toHaveURL(/\/desk\/articles\/\d+$/);
  const storyPath = new URL(editor.url()).pathname;
  await expectStatus(editor, 'مسودة');

  // Sent for review, and approved by a reviewer who finds it in the queue.
  await press(editor, 'إرسال للمراجعة');
  await expectStatus(editor, 'قيد المراجعة');
  const reviewer = await openDesk('reviewer');
  await reviewer.goto('/desk/review');
  await tabTo(reviewer, reviewer.getByRole('link', { name: title }));
  await reviewer.keyboard.press('Enter');
  await expect(reviewer).toHaveURL(new RegExp(`${storyPath}$`));
  await press(reviewer, 'اعتماد');
  await expectStatus(reviewer, 'معتمد');

  // Scheduled for a time typed into the field, then the schedule withdrawn.
  await editor.reload();
  await tabTo(editor, editor.getByLabel('وقت النشر'));
  const field = editor.getByLabel('وقت النشر');
  // A native date-time field, typed segment by segment as the browser lays it out here: month and
  // day, then the year (up to six digits, so Tab moves on), hours, minutes and the half of the day.
  await editor.keyboard.type('01012099');
  await editor.keyboard.press('Tab');
  await editor.keyboard.type('1005');
  await editor.keyboard.press('ArrowUp');
  await expect(field).toHaveValue(/^2099-01-01T10:05$/);
  await pressAndConfirm(editor, 'جدولة');
  await expectStatus(editor, 'مجدول');
  await press(editor, 'إلغاء الجدولة');
  await expectStatus(editor, 'معتمد');

  // Published, seen by readers, and taken down.
  await pressAndConfirm(editor, 'نشر');
  await expectStatus(editor, 'منشور');
  await pressAndConfirm(editor, 'إلغاء النشر');
  await expectStatus(editor, 'غير منشور');

  // Found again in the archive by words of its title.
  await editor.goto('/desk/stories');
  await tabTo(editor, editor.getByRole('searchbox', { name: 'كلمات من العنوان' }));
  await editor.keyboard.type(title.split(' ').slice(-2).join(' '));
  await editor.keyboard.press('Enter');
  await expect(editor).toHaveURL(/[?&]q=/);
  await tabTo(editor, editor.getByRole('link', { name: title }));
  await editor.keyboard.press('Enter');
  await expect(editor).toHaveURL(new RegExp(`${storyPath}$`));
});
