import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { recordActivity } from '@/db/activity';
import { apiKeys } from '@/db/schema';
import { digestSecret, newApiKeySecret, shownPrefix } from '@/lib/api/secrets';
import { cleanLine } from '@/lib/arabic/text-fields';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { deskView, done, type Actor, type DeskContext, type Done } from '../effects';

export const API_KEY_SCOPES = ['public', 'partner'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

const MAX_NAME_LENGTH = 80;

const ZApiKeyInput = z.object({
  name: z
    .string()
    .transform(cleanLine)
    .pipe(z.string().min(1, { message: 'NAME_REQUIRED' }).max(MAX_NAME_LENGTH, { message: 'FIELD_TOO_LONG' })),
  scope: z.enum(API_KEY_SCOPES, { message: 'INVALID_INPUT' }),
});

function requireKeyManager(actor: Actor) {
  if (!can(actor.role, 'api_keys.manage')) throw new AppError('FORBIDDEN');
}

/**
 * Makes a content-API key. The answer is the only place the secret ever appears: the database
 * keeps its SHA-256 digest and the first characters, and the activity log names the key by those.
 */
export async function createApiKey(
  { db, actor }: DeskContext,
  input: { name: unknown; scope: unknown },
): Promise<Done<{ id: number; secret: string; name: string; scope: ApiKeyScope }>> {
  requireKeyManager(actor);
  const parsed = ZApiKeyInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? 'name');
    throw new AppError(issue.message === 'FIELD_TOO_LONG' ? 'FIELD_TOO_LONG' : issue.message === 'NAME_REQUIRED' ? 'NAME_REQUIRED' : 'INVALID_INPUT', undefined, { field });
  }
  const { name, scope } = parsed.data;
  const secret = newApiKeySecret();
  const prefix = shownPrefix(secret);
  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiKeys)
      .values({ name, scope, prefix, secretHash: digestSecret(secret), createdBy: actor.id })
      .returning({ id: apiKeys.id });
    await recordActivity(tx, { kind: 'api_key.created', actorId: actor.id, details: { keyId: created!.id, name, keyScope: scope, prefix } });
    return created!.id;
  });
  return done({ id, secret, name, scope }, deskView('/desk/api-keys'));
}

/** Revokes a key at once: the next request that carries it is refused. A second revocation changes nothing. */
export async function revokeApiKey({ db, actor }: DeskContext, { keyId }: { keyId: number }): Promise<Done> {
  requireKeyManager(actor);
  await db.transaction(async (tx) => {
    const [key] = await tx.select().from(apiKeys).where(eq(apiKeys.id, keyId)).for('update');
    if (!key) throw new AppError('NOT_FOUND');
    if (key.revokedAt) throw new AppError('ALREADY_REVOKED');
    await tx
      .update(apiKeys)
      .set({ revokedAt: new Date(), revokedBy: actor.id })
      .where(and(eq(apiKeys.id, keyId), isNull(apiKeys.revokedAt)));
    await recordActivity(tx, { kind: 'api_key.revoked', actorId: actor.id, details: { keyId, name: key.name, keyScope: key.scope, prefix: key.prefix } });
  });
  return done(undefined, deskView('/desk/api-keys'));
}
