import { describe, expect, it } from 'vitest';
import { digestSecret, isApiKeyShape, newApiKeySecret, newPreviewToken, readBearer, shownPrefix } from './secrets';

describe('secrets', () => {
  it('makes keys of a recognisable shape, never the same twice, and stores a digest that is not the key', () => {
    const a = newApiKeySecret();
    const b = newApiKeySecret();
    expect(a).not.toBe(b);
    expect(isApiKeyShape(a)).toBe(true);
    expect(digestSecret(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(digestSecret(a)).not.toContain(a.slice(4, 20));
    expect(shownPrefix(a)).toBe(a.slice(0, 10));
    expect(newPreviewToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('reads the Authorization header: none, a well-formed bearer key, or malformed', () => {
    const key = newApiKeySecret();
    expect(readBearer(null)).toEqual({ kind: 'none' });
    expect(readBearer(`Bearer ${key}`)).toEqual({ kind: 'key', secret: key });
    expect(readBearer(`bearer ${key}`)).toEqual({ kind: 'key', secret: key });
    for (const bad of ['', 'Bearer', 'Bearer ', `Basic ${key}`, 'Bearer mdk_short', `Bearer ${key}x`, `Bearer ${key} extra`]) {
      expect(readBearer(bad), bad).toEqual({ kind: 'malformed' });
    }
  });
});
