'use server';

import { headers } from 'next/headers';
import type { ActionResult } from '@/lib/server/action-result';
import { requestClientAddress } from '@/lib/server/client-address';
import { runDeskAction } from '@/lib/server/desk-action';
import { changeOwnPassword } from '@/lib/server/users/set-password';

export async function changeOwnPasswordAction(_: unknown, form: FormData): Promise<ActionResult> {
  const address = requestClientAddress(await headers());
  return runDeskAction('changeOwnPasswordAction', (db, actor) =>
    changeOwnPassword(db, actor, form.get('currentPassword'), form.get('password'), { address }),
  );
}
