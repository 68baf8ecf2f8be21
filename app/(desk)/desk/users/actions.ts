'use server';

import type { ActionResult } from '@/lib/desk/results';
import { formId, runDeskOperation } from '@/lib/server/next/desk-operation';
import { createUser } from '@/lib/server/people/create-user';
import { resetUserPassword } from '@/lib/server/people/set-password';
import { changeUserRole, setUserActive } from '@/lib/server/people/update-user-access';

export async function createUserAction(_: unknown, form: FormData): Promise<ActionResult<{ id: number }>> {
  const input = { email: form.get('email') ?? '', name: form.get('name') ?? '', role: form.get('role') ?? '', password: form.get('password') ?? '' };
  return runDeskOperation('createUserAction', async (context) => {
    const { value, effects } = await createUser(context, input);
    return { value: { id: value.id }, effects };
  });
}

export async function changeRoleAction(_: unknown, form: FormData): Promise<ActionResult> {
  return runDeskOperation('changeRoleAction', (context) => changeUserRole(context, { userId: formId(form.get('userId')), role: form.get('role') }));
}

export async function setActiveAction(_: unknown, form: FormData): Promise<ActionResult> {
  return runDeskOperation('setActiveAction', (context) =>
    setUserActive(context, { userId: formId(form.get('userId')), active: form.get('active') === 'true' }),
  );
}

export async function resetPasswordAction(_: unknown, form: FormData): Promise<ActionResult> {
  return runDeskOperation('resetPasswordAction', (context) =>
    resetUserPassword(context, { userId: formId(form.get('userId')), password: form.get('password') }),
  );
}
