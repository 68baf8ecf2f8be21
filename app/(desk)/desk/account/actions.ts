'use server';

import type { ActionResult } from '@/lib/server/action-result';
import { runDeskAction } from '@/lib/server/desk-action';
import { changeOwnPassword } from '@/lib/server/users/set-password';

export async function changeOwnPasswordAction(_: unknown, form: FormData): Promise<ActionResult> {
  return runDeskAction('changeOwnPasswordAction', (db, actor) => changeOwnPassword(db, actor, form.get('currentPassword'), form.get('password')));
}
