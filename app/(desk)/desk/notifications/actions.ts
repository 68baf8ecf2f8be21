'use server';

import { revalidatePath } from 'next/cache';
import { markNotificationsSeen } from '@/db/queries/notifications';
import type { ActionResult } from '@/lib/server/action-result';
import { runDeskAction } from '@/lib/server/desk-action';

export async function markNotificationsSeenAction(): Promise<ActionResult> {
  const result = await runDeskAction('markNotificationsSeenAction', (db, actor) => markNotificationsSeen(actor.id, db));
  if (result.ok) revalidatePath('/desk', 'layout');
  return result;
}
