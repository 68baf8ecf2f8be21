import { describe, expect, it } from 'vitest';
import { cachedRouteRewrites, pagedListingPath } from './cached-routes';

describe('pagedListingPath', () => {
  it('puts a valid page number in the last segment and keeps the key as sent', () => {
    expect(pagedListingPath('/sections/%D9%81%D9%86', ['2'])).toBe('/sections/%D9%81%D9%86/2');
    expect(pagedListingPath('/tags/x', ['1'])).toBe('/tags/x/1');
    expect(pagedListingPath('/authors/12', ['3'])).toBe('/authors/12/3');
    expect(pagedListingPath('/corrections', ['2'])).toBe('/corrections/2');
    expect(pagedListingPath('/corrections', ['x'])).toBe('/corrections/0');
  });

  it('sends malformed, empty and repeated values to page 0, which answers 404', () => {
    for (const values of [['abc'], ['-1'], ['0'], [''], ['1.5'], ['1', '2'], ['9999999']]) {
      expect(pagedListingPath('/sections/x', values), values.join('&')).toBe('/sections/x/0');
    }
  });

  it('leaves other paths and addresses without the parameter alone', () => {
    expect(pagedListingPath('/sections/x', [])).toBeNull();
    expect(pagedListingPath('/sections/x/feed.xml', ['2'])).toBeNull();
    expect(pagedListingPath('/articles/x', ['2'])).toBeNull();
    expect(pagedListingPath('/search', ['2'])).toBeNull();
    expect(pagedListingPath('/corrections/2', ['2'])).toBeNull();
  });
});

describe('cachedRouteRewrites', () => {
  it('maps every public address without ?page= to a route with a parameter', () => {
    const sources = cachedRouteRewrites().map((r) => r.source);
    expect(sources).toEqual(['/', '/:document(feed|sitemap|news-sitemap).xml', '/:note(privacy)', '/sections/:key', '/tags/:key', '/authors/:key', '/corrections']);
    for (const rewrite of cachedRouteRewrites().filter((r) => r.source.includes(':key'))) {
      expect(rewrite.missing).toEqual([{ type: 'query', key: 'page' }]);
      expect(rewrite.destination).toMatch(/\/:key\/1$/);
    }
    expect(cachedRouteRewrites().at(-1)).toEqual({ source: '/corrections', missing: [{ type: 'query', key: 'page' }], destination: '/corrections/1' });
  });
});
