'use server';

import { revalidatePath } from 'next/cache';
import { refreshPublicPages } from '@/lib/server/public-cache';
import type { ActionResult } from '@/lib/server/action-result';
import { runDeskAction } from '@/lib/server/desk-action';
import { updateSiteSettings } from '@/lib/server/update-site-settings';

export async function updateSettingsAction(_: unknown, form: FormData): Promise<ActionResult> {
  const result = await runDeskAction('updateSettingsAction', (db, actor) =>
    updateSiteSettings(db, actor, {
      siteName: form.get('siteName') ?? '',
      siteDescription: form.get('siteDescription') ?? '',
      timeZone: form.get('timeZone') ?? '',
      digits: form.get('digits') ?? '',
    }),
  );
  // Name, digits and time zone show on every public page.
  if (result.ok) {
    await refreshPublicPages({ kind: 'site' });
    revalidatePath('/desk', 'layout');
  }
  return result;
}
