import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, queryRows, type Database } from '@/db/client';
import { listApiKeys } from '@/db/queries/api-keys';
import { activityLog, apiKeys } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { MemoryCounterStore } from '@/lib/api/rate-limit';
import { digestSecret } from '@/lib/api/secrets';
import { appConfig } from '@/lib/config/server';
import { createApiKey, revokeApiKey } from '@/lib/server/api-keys/manage-api-keys';
import { apiAccess, decideApiAccess, LAST_USED_EVERY_MS, readsEmbargoed, type AccessDependencies } from '@/lib/server/api/client';
import type { Actor } from '@/lib/server/next/session';
import { driverName, freshDatabase, signedInActor } from '../helpers';
import { refusal, refusedWith } from '../refusals';

let db: Database;
let admin: Actor;
let editor: Actor;
let reviewer: Actor;

const NOW = Date.UTC(2026, 11, 3, 12, 0, 5);
const deps = (overrides: Partial<AccessDependencies> = {}): AccessDependencies => ({
  db,
  store: new MemoryCounterStore(() => overrides.now ?? NOW),
  limits: { anonymous: 100, key: 100 },
  address: '203.0.113.9',
  now: NOW,
  ...overrides,
});
const call = (headers: Record<string, string> = {}) => new Request('https://news.example/api/v1/articles', { headers });
const bearer = (secret: string, extra: Record<string, string> = {}) => call({ authorization: `Bearer ${secret}`, ...extra });
const errorOf = async (access: Awaited<ReturnType<typeof decideApiAccess>>) => {
  if (access.ok) throw new Error('the call was admitted');
  return { status: access.response.status, auth: access.response.headers.get('www-authenticate'), body: (await access.response.json()) as { error: { code: string; message: string } } };
};
const keyRow = async (id: number) => (await db.select().from(apiKeys).where(eq(apiKeys.id, id)))[0]!;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await seedDatabase(db, { production: false });
  admin = await signedInActor(db, 'admin@midad.test', 'midad-admin-demo');
  editor = await signedInActor(db, 'editor@midad.test', 'midad-editor-demo');
  reviewer = await signedInActor(db, 'reviewer@midad.test', 'midad-reviewer-demo');
});
afterAll(() => closeConnection());

describe(`API keys on ${driverName}`, () => {
  it('hands the secret out once and keeps only its digest; the list and the log name the key by its start', async () => {
    const made = await createApiKey({ db, actor: admin }, { name: '  تطبيق   الهاتف ', scope: 'public' });
    const { id, secret } = made.value;
    expect(made.value).toMatchObject({ name: 'تطبيق الهاتف', scope: 'public' });
    expect(made.effects).toContainEqual({ kind: 'desk', path: '/desk/api-keys', scope: undefined });
    const row = await keyRow(id);
    expect(row.secretHash).toBe(digestSecret(secret));
    expect(row.prefix).toBe(secret.slice(0, 10));
    // The secret is nowhere in the database: not in the key's row, not in the activity log.
    const everything = await queryRows<{ text: string }>(db, sql`select (select string_agg(t::text, '|') from api_keys t) || (select string_agg(l::text, '|') from activity_log l) as text`);
    expect(everything[0]!.text).not.toContain(secret);
    expect(everything[0]!.text).not.toContain(secret.slice(10));
    const listed = (await listApiKeys(db)).find((key) => key.id === id)!;
    expect(listed).toMatchObject({ name: 'تطبيق الهاتف', scope: 'public', prefix: row.prefix, creatorName: admin.name, lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(row.secretHash);
    const [entry] = await db.select().from(activityLog).where(eq(activityLog.kind, 'api_key.created'));
    expect(entry).toMatchObject({ actorId: admin.id, details: { keyId: id, name: 'تطبيق الهاتف', keyScope: 'public', prefix: row.prefix } });
  });

  it('is for admins only, and a refused or invalid request makes no key', async () => {
    const before = (await db.select().from(apiKeys)).length;
    for (const actor of [editor, reviewer]) {
      expect(await refusedWith(createApiKey({ db, actor }, { name: 'مفتاح', scope: 'partner' }))).toBe('FORBIDDEN');
    }
    const { id } = (await createApiKey({ db, actor: admin }, { name: 'للإلغاء', scope: 'public' })).value;
    expect(await refusedWith(revokeApiKey({ db, actor: editor }, { keyId: id }))).toBe('FORBIDDEN');
    expect(await refusal(createApiKey({ db, actor: admin }, { name: '   ', scope: 'public' }))).toEqual({ error: 'NAME_REQUIRED', fieldErrors: { name: 'NAME_REQUIRED' } });
    expect(await refusal(createApiKey({ db, actor: admin }, { name: 'x'.repeat(81), scope: 'public' }))).toEqual({ error: 'FIELD_TOO_LONG', fieldErrors: { name: 'FIELD_TOO_LONG' } });
    expect(await refusal(createApiKey({ db, actor: admin }, { name: 'مفتاح', scope: 'admin' }))).toEqual({ error: 'INVALID_INPUT', fieldErrors: { scope: 'INVALID_INPUT' } });
    expect((await db.select().from(apiKeys)).length).toBe(before + 1);
    expect((await keyRow(id)).revokedAt).toBeNull();
  });

  it('maps the scopes to audiences: no header is anonymous, a public key public, a partner key partner', async () => {
    const anonymous = await decideApiAccess(call(), deps());
    expect(anonymous).toMatchObject({ ok: true, client: { audience: 'anonymous', keyId: null } });
    const publicKey = (await createApiKey({ db, actor: admin }, { name: 'عام', scope: 'public' })).value;
    const partnerKey = (await createApiKey({ db, actor: admin }, { name: 'وكالة', scope: 'partner' })).value;
    const asPublic = await decideApiAccess(bearer(publicKey.secret), deps());
    const asPartner = await decideApiAccess(bearer(partnerKey.secret), deps());
    expect(asPublic).toMatchObject({ ok: true, client: { audience: 'public', keyId: publicKey.id } });
    expect(asPartner).toMatchObject({ ok: true, client: { audience: 'partner', keyId: partnerKey.id } });
    expect(asPartner.ok && readsEmbargoed(asPartner.client)).toBe(true);
    expect(asPublic.ok && readsEmbargoed(asPublic.client)).toBe(false);
    // The real entry point, as the route handlers call it.
    expect(await apiAccess(bearer(partnerKey.secret))).toMatchObject({ ok: true, client: { audience: 'partner', keyId: partnerKey.id } });
    const plain = await apiAccess(call());
    expect(plain).toMatchObject({ ok: true, client: { audience: 'anonymous' } });
    expect(plain.ok && plain.headers['RateLimit-Limit']).toBe(String(appConfig().apiRateLimits.anonymous));
  });

  it('refuses unknown, malformed and revoked keys with 401, a Bearer challenge and a translated message', async () => {
    const unknown = await errorOf(await decideApiAccess(bearer(`mdk_${'A'.repeat(43)}`), deps()));
    expect(unknown).toEqual({ status: 401, auth: 'Bearer', body: { error: { code: 'API_KEY_UNKNOWN', message: 'مفتاح الواجهة البرمجية غير معروف.' } } });
    const english = await errorOf(await decideApiAccess(bearer(`mdk_${'A'.repeat(43)}`, { 'accept-language': 'en-GB,en;q=0.9' }), deps()));
    expect(english.body.error).toEqual({ code: 'API_KEY_UNKNOWN', message: 'Unknown API key.' });
    for (const header of ['Bearer', 'Bearer not-a-key', 'Basic dXNlcjpwYXNz', '']) {
      expect((await errorOf(await decideApiAccess(call({ authorization: header }), deps()))).body.error.code, header).toBe('API_KEY_INVALID');
    }
    const { id, secret } = (await createApiKey({ db, actor: admin }, { name: 'يُلغى', scope: 'partner' })).value;
    expect(await decideApiAccess(bearer(secret), deps())).toMatchObject({ ok: true });
    await revokeApiKey({ db, actor: admin }, { keyId: id });
    expect(await errorOf(await decideApiAccess(bearer(secret), deps()))).toMatchObject({ status: 401, auth: 'Bearer', body: { error: { code: 'API_KEY_REVOKED' } } });
    expect(await refusedWith(revokeApiKey({ db, actor: admin }, { keyId: id }))).toBe('ALREADY_REVOKED');
    const [entry] = await db.select().from(activityLog).where(eq(activityLog.kind, 'api_key.revoked'));
    expect(entry).toMatchObject({ actorId: admin.id, details: { keyId: id, name: 'يُلغى', keyScope: 'partner' } });
    expect((await keyRow(id)).revokedBy).toBe(admin.id);
  });

  it('records a key’s last use at most once a minute', async () => {
    const { id, secret } = (await createApiKey({ db, actor: admin }, { name: 'آخر استخدام', scope: 'public' })).value;
    const store = new MemoryCounterStore(() => NOW);
    const at = (now: number) => decideApiAccess(bearer(secret), deps({ now, store }));
    await at(NOW);
    expect((await keyRow(id)).lastUsedAt?.getTime()).toBe(NOW);
    await at(NOW + 30_000);
    expect((await keyRow(id)).lastUsedAt?.getTime()).toBe(NOW);
    await at(NOW + LAST_USED_EVERY_MS + 1_000);
    expect((await keyRow(id)).lastUsedAt?.getTime()).toBe(NOW + LAST_USED_EVERY_MS + 1_000);
    expect((await listApiKeys(db)).find((key) => key.id === id)!.lastUsedAt?.getTime()).toBe(NOW + LAST_USED_EVERY_MS + 1_000);
  });
});
