'use server';

import type { ActionResult } from '@/lib/desk/results';
import { createApiKey, revokeApiKey, type ApiKeyScope } from '@/lib/server/api-keys/manage-api-keys';
import { formId, runDeskOperation } from '@/lib/server/next/desk-operation';

export async function createApiKeyAction(_: unknown, form: FormData): Promise<ActionResult<{ id: number; secret: string; name: string; scope: ApiKeyScope }>> {
  return runDeskOperation('createApiKeyAction', (context) => createApiKey(context, { name: form.get('name') ?? '', scope: form.get('scope') ?? '' }));
}

export async function revokeApiKeyAction(_: unknown, form: FormData): Promise<ActionResult> {
  return runDeskOperation('revokeApiKeyAction', (context) => revokeApiKey(context, { keyId: formId(form.get('keyId')) }));
}
