import { describe, expect, it } from 'vitest';
import { lifetimeOf, publicCacheControl, STALE_WHILE_REVALIDATE_SECONDS } from './public-headers';

describe('publicCacheControl', () => {
  it('lets shared caches keep a page for what is left of its lifetime, never browsers', () => {
    const value = publicCacheControl(120.7);
    expect(value).toBe(`public, max-age=0, s-maxage=120, stale-while-revalidate=${STALE_WHILE_REVALIDATE_SECONDS}`);
    expect(value).not.toContain('private');
    expect(lifetimeOf(value)).toBe(120);
  });

  it('says “check back” once the lifetime is over', () => {
    expect(publicCacheControl(0.5)).toBe('public, max-age=0, must-revalidate');
    expect(publicCacheControl(-3)).toBe('public, max-age=0, must-revalidate');
    expect(lifetimeOf('public, max-age=0, must-revalidate')).toBeNull();
    expect(lifetimeOf('s-maxage=3600, stale-while-revalidate=31532400')).toBeNull();
  });
});
