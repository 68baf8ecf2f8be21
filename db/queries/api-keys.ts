import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { getDb, type Executor } from '../client';
import { apiKeys, users } from '../schema';

export interface ApiKeyView {
  id: number;
  name: string;
  scope: 'public' | 'partner';
  prefix: string;
  creatorName: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Every key, live ones first and each group newest first. Never the digest. */
export async function listApiKeys(db: Executor = getDb()): Promise<ApiKeyView[]> {
  const rows = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      scope: apiKeys.scope,
      prefix: apiKeys.prefix,
      creatorName: users.name,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.createdBy))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return [...rows.filter((row) => !row.revokedAt), ...rows.filter((row) => row.revokedAt)];
}

export interface KeyByDigest {
  id: number;
  scope: 'public' | 'partner';
  revoked: boolean;
  lastUsedAt: Date | null;
}

export async function findApiKeyByDigest(digest: string, db: Executor = getDb()): Promise<KeyByDigest | null> {
  const [row] = await db
    .select({ id: apiKeys.id, scope: apiKeys.scope, revokedAt: apiKeys.revokedAt, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(eq(apiKeys.secretHash, digest));
  return row ? { id: row.id, scope: row.scope, revoked: row.revokedAt !== null, lastUsedAt: row.lastUsedAt } : null;
}

/**
 * Records that a key was used at `at`, unless it was already recorded less than `everyMs` before:
 * at most one write per key per interval, whichever node answers the requests.
 */
export async function markApiKeyUsed(keyId: number, at: Date, everyMs: number, db: Executor = getDb()): Promise<void> {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: at })
    .where(and(eq(apiKeys.id, keyId), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(at.getTime() - everyMs)))));
}
