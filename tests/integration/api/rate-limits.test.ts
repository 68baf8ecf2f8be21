import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, type Database } from '@/db/client';
import { seedDatabase } from '@/db/seed';
import { MemoryCounterStore, type CounterStore } from '@/lib/api/rate-limit';
import { createApiKey } from '@/lib/server/api-keys/manage-api-keys';
import { decideApiAccess, type AccessDependencies } from '@/lib/server/api/client';
import { counterRedisClient, FallbackCounterStore, RedisCounterStore } from '@/lib/server/api/rate-limit-store';
import type { Actor } from '@/lib/server/next/session';
import { freePort, redisUnavailable, startRedis, type RedisServer } from '../../../e2e/processes';
import { driverName, freshDatabase, signedInActor } from '../helpers';

let db: Database;
let admin: Actor;

// Twenty seconds into a minute: every request of a test falls in one window, whatever the real clock.
const NOW = Date.UTC(2026, 11, 3, 12, 0, 20);
const LIMITS = { anonymous: 3, key: 5 };
const call = (headers: Record<string, string> = {}) => new Request('https://news.example/api/v1/articles', { headers });

async function sendUntilRefused(send: () => Promise<Awaited<ReturnType<typeof decideApiAccess>>>, most: number) {
  const admitted: Record<string, string>[] = [];
  for (let i = 0; i < most; i++) {
    const access = await send();
    if (!access.ok) return { admitted, refused: access.response };
    admitted.push(access.headers);
  }
  throw new Error(`still admitted after ${most} requests`);
}

async function expectLimits(makeStore: () => CounterStore) {
  const store = makeStore();
  const at = (address: string, headers: Record<string, string> = {}): Promise<Awaited<ReturnType<typeof decideApiAccess>>> =>
    decideApiAccess(call(headers), { db, store, limits: LIMITS, address, now: NOW } satisfies AccessDependencies);

  // Per address, without a key.
  const anonymous = await sendUntilRefused(() => at('198.51.100.7'), 10);
  expect(anonymous.admitted.map((h) => h['RateLimit-Remaining'])).toEqual(['2', '1', '0']);
  expect(anonymous.admitted[0]).toMatchObject({ 'RateLimit-Limit': '3', 'RateLimit-Reset': '40', 'X-RateLimit-Limit': '3', 'X-RateLimit-Reset': '40' });
  expect(anonymous.refused.status).toBe(429);
  expect(anonymous.refused.headers.get('retry-after')).toBe('40');
  expect(await anonymous.refused.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringContaining('Retry-After') } });
  // Another address has its own allowance; the next minute starts afresh.
  expect(await at('198.51.100.8')).toMatchObject({ ok: true });
  expect(await decideApiAccess(call(), { db, store, limits: LIMITS, address: '198.51.100.7', now: NOW + 40_000 })).toMatchObject({ ok: true });

  // Per key, under its own higher limit, from any address — the refused address included.
  const one = (await createApiKey({ db, actor: admin }, { name: 'أ', scope: 'public' })).value;
  const two = (await createApiKey({ db, actor: admin }, { name: 'ب', scope: 'partner' })).value;
  let n = 0;
  const keyed = await sendUntilRefused(() => at(`192.0.2.${++n}`, { authorization: `Bearer ${one.secret}` }), 20);
  expect(keyed.admitted).toHaveLength(5);
  expect(keyed.admitted[0]).toMatchObject({ 'RateLimit-Limit': '5', 'RateLimit-Remaining': '4' });
  expect(keyed.refused.status).toBe(429);
  expect(keyed.refused.headers.get('retry-after')).toBe('40');
  expect(await at('198.51.100.7', { authorization: `Bearer ${two.secret}` })).toMatchObject({ ok: true, client: { audience: 'partner' } });

  // Guessed keys spend the address's allowance: 401 until it is gone, then 429.
  const guess = { authorization: `Bearer mdk_${'Z'.repeat(43)}` };
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) {
    const access = await at('198.51.100.99', guess);
    statuses.push(access.ok ? 200 : access.response.status);
  }
  expect(statuses).toEqual([401, 401, 401, 429]);
}

beforeAll(async () => {
  db = (await freshDatabase()).db;
  await seedDatabase(db, { production: false });
  admin = await signedInActor(db, 'admin@midad.test', 'midad-admin-demo');
});
afterAll(() => closeConnection());

describe(`content API rate limits on ${driverName}`, () => {
  it('counts per address and per key in this process', async () => {
    await expectLimits(() => new MemoryCounterStore(() => NOW));
  });

  describe('through a real Redis', () => {
    const reason = redisUnavailable();
    let redis: RedisServer | undefined;
    const clients: ReturnType<typeof counterRedisClient>[] = [];
    const prefix = `midad-test:${process.pid}:${Date.now()}:`;
    const node = () => {
      const client = counterRedisClient(redis!.url);
      clients.push(client);
      return new RedisCounterStore(client, prefix);
    };

    beforeAll(async () => {
      if (reason) return;
      redis = await startRedis(await freePort());
    }, 120_000);
    afterAll(async () => {
      for (const client of clients) await client.disconnect().catch(() => {});
      await redis?.kill();
    });

    it.skipIf(reason)('counts per address and per key, shared by every node', async () => {
      // Each request goes to the next of two nodes, each with its own connection: one limit for both.
      const nodes = [node(), node()];
      let turn = 0;
      await expectLimits(() => ({ increment: (key, ttl) => nodes[turn++ % 2]!.increment(key, ttl) }));
      const counters = await clients[0]!.keys(`${prefix}*`);
      expect(counters).toContain(`${prefix}ip:198.51.100.7:${Math.floor(NOW / 60_000)}`);
      expect(await clients[0]!.pTTL(counters[0]!)).toBeGreaterThan(60_000);
    });

    it.skipIf(reason)('keeps answering from this process when Redis is gone', async () => {
      const memory = new MemoryCounterStore(() => NOW);
      const store = new FallbackCounterStore(node(), memory, 500);
      expect(await store.increment('ip:203.0.113.1:1', 120_000)).toBe(1);
      await redis!.kill();
      // Counted in memory from now on: the API is limited per node rather than failing.
      expect(await store.increment('ip:203.0.113.1:1', 120_000)).toBe(1);
      expect(await store.increment('ip:203.0.113.1:1', 120_000)).toBe(2);
    });
  });
});
