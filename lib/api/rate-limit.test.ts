import { describe, expect, it } from 'vitest';
import { countRequest, MemoryCounterStore, rateLimitHeaders } from './rate-limit';

describe('countRequest', () => {
  it('admits up to the limit in a window, refuses the next with the seconds left, and starts again in the next window', async () => {
    let now = Date.UTC(2026, 11, 3, 12, 0, 10);
    const store = new MemoryCounterStore(() => now);
    const hit = () => countRequest(store, { subject: 'ip:203.0.113.9', limit: 2, now });
    expect(await hit()).toEqual({ allowed: true, limit: 2, remaining: 1, resetSeconds: 50 });
    expect(await hit()).toMatchObject({ allowed: true, remaining: 0 });
    const refused = await hit();
    expect(refused).toEqual({ allowed: false, limit: 2, remaining: 0, resetSeconds: 50 });
    expect(rateLimitHeaders(refused)['Retry-After']).toBe('50');
    now += 50_000;
    expect(await hit()).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 60 });
  });

  it('keeps subjects apart', async () => {
    const now = Date.UTC(2026, 11, 3, 12, 0, 0);
    const store = new MemoryCounterStore(() => now);
    expect(await countRequest(store, { subject: 'a', limit: 1, now })).toMatchObject({ allowed: true });
    expect(await countRequest(store, { subject: 'a', limit: 1, now })).toMatchObject({ allowed: false });
    expect(await countRequest(store, { subject: 'b', limit: 1, now })).toMatchObject({ allowed: true });
  });

  it('names the state in both header families, and Retry-After only when refused', () => {
    const headers = rateLimitHeaders({ allowed: true, limit: 60, remaining: 59, resetSeconds: 12 });
    expect(headers).toMatchObject({ 'RateLimit-Limit': '60', 'RateLimit-Remaining': '59', 'RateLimit-Reset': '12', 'X-RateLimit-Remaining': '59' });
    expect(headers).not.toHaveProperty('Retry-After');
  });
});
