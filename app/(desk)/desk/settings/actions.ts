'use server';

import type { ActionResult } from '@/lib/desk/results';
import { runDeskOperation } from '@/lib/server/next/desk-operation';
import { updateSiteSettings } from '@/lib/server/settings/update-site-settings';

export async function updateSettingsAction(_: unknown, form: FormData): Promise<ActionResult> {
  const input = {
    siteName: form.get('siteName') ?? '',
    siteDescription: form.get('siteDescription') ?? '',
    timeZone: form.get('timeZone') ?? '',
    digits: form.get('digits') ?? '',
  };
  return runDeskOperation('updateSettingsAction', (context) => updateSiteSettings(context, input));
}
