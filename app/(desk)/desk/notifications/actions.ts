'use server';

import { markNotificationsSeen } from '@/db/queries/notifications';
import type { ActionResult } from '@/lib/desk/results';
import { deskView, done } from '@/lib/server/effects';
import { runDeskOperation } from '@/lib/server/next/desk-operation';

export async function markNotificationsSeenAction(): Promise<ActionResult> {
  // The unread count shows in the header of every desk page.
  return runDeskOperation('markNotificationsSeenAction', async ({ db, actor }) => done(await markNotificationsSeen(actor.id, db), deskView('/desk', 'layout')));
}
