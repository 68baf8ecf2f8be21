import { expect, test } from './fixtures';
import { expectSaved, unique } from './support';

/*
 * The tag field: existing tags are suggested while typing, matched as search matches Arabic (a
 * different hamza finds the tag), picked with the keyboard, shown as chips that Delete removes; a
 * new tag is typed and ended with Enter or a comma.
 */

test('typing a tag with another hamza suggests the existing one, taken with the keyboard and saved', async ({ createDraft, editorPage: page }) => {
  const suffix = unique('وسم').slice(-9);
  const existing = `إسرائيل ${suffix}`;
  await createDraft({ title: unique('خبر بوسم قائم'), tags: [existing] });
  const draft = await createDraft({ title: unique('خبر يختار وسماً') });
  await page.goto(draft.deskPath);

  const field = page.getByRole('combobox', { name: 'الوسوم', exact: true });
  await expect(field).toHaveAccessibleDescription(/^افصل بين الوسوم بفاصلة/);
  await field.fill(`اسرائيل ${suffix}`);
  const suggestions = page.getByRole('listbox', { name: 'وسوم مقترحة' });
  await expect(suggestions.getByRole('option', { name: existing, exact: true })).toBeVisible();
  await expect(field).toHaveAttribute('aria-expanded', 'true');
  await field.press('ArrowDown');
  await expect(field).toHaveAttribute('aria-activedescendant', /.+/);
  await field.press('Enter');

  const chosen = page.getByRole('list', { name: 'الوسوم المختارة' });
  await expect(chosen.getByRole('listitem')).toHaveText([existing]);
  await expect(field).toHaveValue('');
  await expect(suggestions).toHaveCount(0);

  // A new tag is typed and ended with Enter; nothing matches it, and the list says how to add it.
  const fresh = `وسم جديد ${suffix}`;
  await field.fill(fresh);
  await expect(suggestions).toContainText(`اضغط Enter ليُضاف «${fresh}» وسماً جديداً`);
  await field.press('Enter');
  await expect(chosen.getByRole('listitem')).toHaveText([existing, fresh]);

  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expectSaved(page);
  await page.reload();
  await expect(page.getByRole('list', { name: 'الوسوم المختارة' }).getByRole('listitem')).toHaveText([existing, fresh]);
});

test('a chip is removed by its button or by Delete and Backspace from the keyboard', async ({ createDraft, editorPage: page }) => {
  const suffix = unique('وسم').slice(-9);
  const draft = await createDraft({ title: unique('خبر بثلاثة وسوم'), tags: [`أ ${suffix}`, `ب ${suffix}`, `ج ${suffix}`] });
  await page.goto(draft.deskPath);
  const chosen = page.getByRole('list', { name: 'الوسوم المختارة' });
  await expect(chosen.getByRole('listitem')).toHaveCount(3);

  await page.getByRole('button', { name: `إزالة الوسم «ب ${suffix}»` }).focus();
  await page.keyboard.press('Delete');
  await expect(chosen.getByRole('listitem')).toHaveText([`أ ${suffix}`, `ج ${suffix}`]);
  // Focus stays on the chips: the next one's button has it.
  await expect(page.getByRole('button', { name: `إزالة الوسم «ج ${suffix}»` })).toBeFocused();

  // Backspace in the empty box goes to the last chip; Backspace again removes it.
  const field = page.getByRole('combobox', { name: 'الوسوم', exact: true });
  await field.focus();
  await page.keyboard.press('Backspace');
  await expect(page.getByRole('button', { name: `إزالة الوسم «ج ${suffix}»` })).toBeFocused();
  await page.keyboard.press('Backspace');
  await expect(chosen.getByRole('listitem')).toHaveText([`أ ${suffix}`]);

  await page.getByRole('button', { name: `إزالة الوسم «أ ${suffix}»` }).click();
  await expect(chosen).toHaveCount(0);
  await page.getByRole('button', { name: 'حفظ', exact: true }).click();
  await expectSaved(page);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'الوسوم', exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: 'الوسوم المختارة' })).toHaveCount(0);
});

test('tags typed with commas become chips, and leaving the field makes a chip of the rest', async ({ createDraft, editorPage: page }) => {
  const suffix = unique('وسم').slice(-9);
  const draft = await createDraft({ title: unique('خبر بوسوم مفصولة') });
  await page.goto(draft.deskPath);
  const field = page.getByRole('combobox', { name: 'الوسوم', exact: true });
  await field.fill(`أول ${suffix}، ثان ${suffix}, ثالث ${suffix}`);
  const chosen = page.getByRole('list', { name: 'الوسوم المختارة' });
  await expect(chosen.getByRole('listitem')).toHaveText([`أول ${suffix}`, `ثان ${suffix}`]);
  await expect(field).toHaveValue(`ثالث ${suffix}`);
  // Leaving the field makes a chip of what is left.
  await page.getByLabel('التوقيع', { exact: true }).focus();
  await expect(chosen.getByRole('listitem')).toHaveText([`أول ${suffix}`, `ثان ${suffix}`, `ثالث ${suffix}`]);

  // A tag longer than a tag may be stays in the box, with the reason as the box's description.
  const long = 'ن'.repeat(61);
  await field.fill(long);
  await field.press('Enter');
  await expect(field).toHaveValue(long);
  await expect(field).toHaveAccessibleDescription(/الوسم أطول من 60 حرفاً\./);
  await expect(chosen.getByRole('listitem')).toHaveCount(3);
});
