'use server';

import { headers } from 'next/headers';
import type { ActionResult } from '@/lib/desk/results';
import { requestClientAddress } from '@/lib/server/next/client-address';
import { runDeskOperation } from '@/lib/server/next/desk-operation';
import { changeOwnPassword } from '@/lib/server/people/set-password';

export async function changeOwnPasswordAction(_: unknown, form: FormData): Promise<ActionResult> {
  const address = requestClientAddress(await headers());
  return runDeskOperation('changeOwnPasswordAction', (context) =>
    changeOwnPassword(context, { current: form.get('currentPassword'), password: form.get('password'), address }),
  );
}
