import { describe, expect, it } from 'vitest';
import {
  lifetimeOf,
  publicCacheControl,
  STALE_WHILE_REVALIDATE_SECONDS,
  surrogateKey,
  surrogateKeyHeaders,
  surrogateKeysForTags,
  surrogateKeysFromTagList,
} from './public-headers';

// Next's own form of a tag with Arabic in it: percent-encoded outside printable ASCII.
const ARABIC_SLUG_TAG = `site:slug:${encodeURIComponent('يوم-القدس')}`;

describe('surrogate keys', () => {
  it('keeps the site tags and leaves out Next’s implicit path tags', () => {
    const list = ['_N_T_/layout', '_N_T_/sections/[slug]/[page]/page', 'site:section:3', 'site:all', ARABIC_SLUG_TAG, 'site:all'].join(',');
    expect(surrogateKeysFromTagList(list)).toEqual(['site:section:3', 'site:all', ARABIC_SLUG_TAG]);
    expect(surrogateKeysFromTagList(undefined)).toEqual([]);
  });

  it('is the same key whether it comes from a page’s tag list or from revalidateTag', () => {
    expect(surrogateKeysForTags([ARABIC_SLUG_TAG])).toEqual(surrogateKeysFromTagList(`_N_T_/x,${ARABIC_SLUG_TAG}`));
  });

  it('never holds a character that would split a key list', () => {
    for (const tag of ['site:slug:a b', 'site:slug:a,b', 'site:slug:a"b', 'site:slug:a\tb', "site:slug:a'b"]) {
      expect(surrogateKey(tag)).toMatch(/^[A-Za-z0-9:%._~!$&()*+=@/-]+$/);
    }
    expect(surrogateKey('site:slug:a b')).not.toBe(surrogateKey('site:slug:a,b'));
  });

  it('replaces a key too long for a CDN by a stable digest', () => {
    const long = `site:slug:${encodeURIComponent('خ'.repeat(200))}`;
    const key = surrogateKey(long);
    expect(key.length).toBeLessThanOrEqual(200);
    expect(key).toMatch(/^site:h:[0-9a-f]{40}$/);
    expect(surrogateKey(long)).toBe(key);
    expect(surrogateKey(`${long}x`)).not.toBe(key);
  });

  it('writes each configured header with its own separator', () => {
    expect(surrogateKeyHeaders(['a', 'b'], ['xkey', 'surrogate-key', 'cache-tag'])).toEqual({ xkey: 'a b', 'surrogate-key': 'a b', 'cache-tag': 'a,b' });
    expect(surrogateKeyHeaders(['a'], [])).toEqual({});
    expect(surrogateKeyHeaders([], ['xkey'])).toEqual({});
  });
});

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
