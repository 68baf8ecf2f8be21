import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { confirmDialog, pressWorkflow, unique } from './support';

/*
 * The desk's times are the site's: a schedule is typed in the site's time zone, whatever zone the
 * editor's browser runs in, and every time the desk shows is written in that zone, with the hour.
 * The site's zone is set to London for this test (daylight saving, and far from the browser's
 * Tokyo) and put back afterwards.
 */
const SITE_ZONE = 'Europe/London';
const BROWSER_ZONE = 'Asia/Tokyo';
// London's clocks go from 01:00 to 02:00 on 28 March 2027: 01:30 that night never happens.
const SKIPPED_WALL_TIME = '2027-03-28T01:30';

async function setSiteZone(admin: Page, zone: string) {
  await admin.goto('/desk/settings');
  await admin.getByRole('combobox', { name: 'المنطقة الزمنية' }).fill(zone);
  await admin.getByRole('button', { name: 'حفظ الإعدادات' }).click();
  await expect(admin.getByText('حُفظ.', { exact: true })).toBeVisible();
}

/** A day two days from now, as the site's zone names it ("2026-12-04"). */
function dayAhead(zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now() + 2 * 86_400_000);
}

/** The wall time an instant shows in a zone, as a datetime-local value. */
function wallTime(iso: string, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(iso))
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

test('a schedule is read in the site time zone, and the desk shows its times there with the hour', async ({ openDesk, createDraft }) => {
  test.setTimeout(180_000);
  // Every desk tab runs in the browser's own zone, far from the site's.
  const deskAs = (role: 'admin' | 'editor' | 'reviewer') => openDesk(role, { timezoneId: BROWSER_ZONE });
  const admin = await deskAs('admin');
  await admin.goto('/desk/settings');
  const zoneBefore = await admin.getByLabel('المنطقة الزمنية').inputValue();
  await setSiteZone(admin, SITE_ZONE);
  try {
    // The editor writes a story and sends it for review; the reviewer approves it.
    const { title, deskPath: articleUrl } = await createDraft({ title: unique('خبر للجدولة'), paragraphs: ['خبر يُنشر في موعد محدد بتوقيت الموقع.'] });
    const editor = await deskAs('editor');
    await editor.goto(articleUrl);
    await pressWorkflow(editor, 'إرسال للمراجعة');

    const reviewer = await deskAs('reviewer');
    await reviewer.goto(articleUrl);
    await pressWorkflow(reviewer, 'اعتماد');

    // The field names the site's zone, not the browser's.
    await editor.reload();
    const field = editor.getByLabel('وقت النشر');
    await expect(field).toHaveAccessibleDescription(new RegExp(`بتوقيت الموقع: ${SITE_ZONE}`));
    const schedule = editor.getByRole('button', { name: 'جدولة', exact: true });

    // A time the site's clocks skip is refused beside the field, and what was typed stays.
    await field.fill(SKIPPED_WALL_TIME);
    await schedule.click();
    await confirmDialog(editor, 'جدولة');
    await expect(editor.locator('#scheduledFor-error')).toHaveText('راجع الحقول المعلَّمة.');
    await expect(field).toHaveValue(SKIPPED_WALL_TIME);
    await expect(schedule).toBeVisible();

    // 14:05 typed is 14:05 in London, though the browser's clock says Tokyo.
    const typed = `${dayAhead(SITE_ZONE)}T14:05`;
    await field.fill(typed);
    // The day typed, in the Hijri calendar too, read with the field.
    await expect(field).toHaveAccessibleDescription(/الموافق [^ ]+ .+ [^ ]+ هـ/);
    await schedule.click();
    // The desk says when readers will see it, in the site's zone, before it is done.
    await expect(editor.getByRole('alertdialog')).toContainText(`${typed.replace('T', ' ')} بتوقيت الموقع (${SITE_ZONE})`);
    await confirmDialog(editor, 'جدولة');
    await expect(schedule).toHaveCount(0);
    await editor.reload();
    const due = editor.getByRole('main').locator('span').filter({ hasText: /^موعد النشر:/ }).locator('time');
    const dueIso = (await due.getAttribute('datetime'))!;
    expect(wallTime(dueIso, SITE_ZONE)).toBe(typed);
    await expect(due).toContainText('14:05');

    // The timeline says when it was scheduled for, and when it happened, with the hour.
    const timeline = editor.getByRole('region', { name: 'سجل النشاط' });
    const scheduledEvent = timeline.getByRole('listitem').filter({ hasText: 'جدوله' });
    await expect(scheduledEvent.locator(`time[datetime="${dueIso}"]`)).toContainText('14:05');
    await expect(timeline.getByRole('time').last()).toHaveText(/\d{1,2}:\d{2}$/);

    // The desk's scheduled queue shows the same time.
    await editor.goto('/desk');
    const queue = editor.getByRole('region', { name: /^مجدولة/ });
    const row = queue.getByRole('listitem').filter({ has: editor.getByRole('link', { name: title }) });
    await expect(row.locator(`time[datetime="${dueIso}"]`)).toContainText('14:05');

    // Leave nothing scheduled behind.
    await editor.goto(articleUrl);
    await pressWorkflow(editor, 'إلغاء الجدولة');
  } finally {
    await setSiteZone(admin, zoneBefore);
  }
});

test('the time-zone field suggests zones by name and description, and refuses one it does not know, keeping what was typed', async ({ adminPage: admin }) => {
  await admin.goto('/desk/settings');
  const field = admin.getByRole('combobox', { name: 'المنطقة الزمنية' });
  await expect(field).toHaveAccessibleDescription(/اكتب اسمها/);
  // The suggestions the browser filters: each zone's name, described in the desk language.
  const suggestions = admin.locator(`datalist#${await field.getAttribute('list')}`);
  await expect(suggestions.locator('option[value="Africa/Cairo"]')).toHaveAttribute('label', /^توقيت شرق أوروبا \(غرينتش\+[23]\)$/);

  await field.fill('Mars/Olympus_Mons');
  await admin.getByRole('button', { name: 'حفظ الإعدادات' }).click();
  await expect(field).toHaveAccessibleDescription(/المنطقة الزمنية غير معروفة\./);
  await expect(field).toHaveValue('Mars/Olympus_Mons');
});
