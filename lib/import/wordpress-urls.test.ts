import { describe, expect, it } from 'vitest';
import { decodeWordPressSlug, legacyLookupPath, legacyPathKey, mayBePreviousAddress, midadSlugFor, OWN_FIRST_SEGMENTS, postPathKeys, termPathKeys } from './wordpress-urls';

// «المؤتمر الدولي لدعم الانتفاضة يحيي يوم القدس العالمي» as WordPress stored it: cut at 200
// encoded characters, in the middle of «يوم».
const TRUNCATED = '%d8%a7%d9%84%d9%85%d8%a4%d8%aa%d9%85%d8%b1-%d8%a7%d9%84%d8%af%d9%88%d9%84%d9%8a-%d9%84%d8%af%d8%b9%d9%85-%d8%a7%d9%84%d8%a7%d9%86%d8%aa%d9%81%d8%a7%d8%b6%d8%a9-%d9%8a%d8%ad%d9%8a%d9%8a-%d9%8a%d9%88';

describe('WordPress slugs', () => {
  it('decodes a stored slug, cut short or not', () => {
    expect(decodeWordPressSlug(TRUNCATED)).toBe('المؤتمر-الدولي-لدعم-الانتفاضة-يحيي-يو');
    expect(decodeWordPressSlug('%D9%81%D9%84%D8%B3%D8%B7%D9%8A%D9%86')).toBe('فلسطين');
    expect(decodeWordPressSlug('hello-world')).toBe('hello-world');
  });

  it('drops an escape cut in the middle, or bytes that are not UTF-8, instead of failing', () => {
    expect(decodeWordPressSlug('%d9%81%d9%84%d8')).toBe('فل');
    expect(decodeWordPressSlug('%d9%81%d9%84%d')).toBe('فل');
    expect(decodeWordPressSlug('%d9%81%ff-x%')).toBe('ف-x');
  });

  it('gives the Midad slug by Midad’s rules, from the title when the slug is empty', () => {
    expect(midadSlugFor(TRUNCATED, 'غير مستعمل')).toBe('المؤتمر-الدولي-لدعم-الانتفاضة-يحيي-يو');
    expect(midadSlugFor('', 'مسودة عن موسم الزيتون')).toBe('مسودة-عن-موسم-الزيتون');
    expect(midadSlugFor('%d8%a7%d9%84%d9%82%d9%8f%d8%af%d9%92%d8%b3', '')).toBe('القدس');
  });
});

describe('old addresses', () => {
  it('reduce every form of one address to one key', () => {
    const raw = '/2024/04/05/المؤتمر-الدولي/';
    const forms = [raw, '/2024/04/05/%D8%A7%D9%84%D9%85%D8%A4%D8%AA%D9%85%D8%B1-%D8%A7%D9%84%D8%AF%D9%88%D9%84%D9%8A', '/2024/04/05/%d8%a7%d9%84%d9%85%d8%a4%d8%aa%d9%85%d8%b1-%d8%a7%d9%84%d8%af%d9%88%d9%84%d9%8a//'];
    expect(new Set(forms.map((form) => legacyPathKey(form)))).toEqual(new Set(['/2024/04/05/المؤتمر-الدولي']));
    expect(legacyPathKey('/About/')).toBe('/about');
  });

  it('keep the id queries WordPress answers at the root, and nothing else', () => {
    expect(legacyPathKey('/', '?p=101')).toBe('/?p=101');
    expect(legacyPathKey('/', '?utm_source=x&p=101')).toBe('/?p=101');
    expect(legacyPathKey('/', '?page_id=7')).toBe('/?page_id=7');
    expect(legacyPathKey('/', '?s=القدس')).toBe('/');
    expect(legacyPathKey('/2024/', '?p=101')).toBe('/2024');
  });

  it('of a post: its permalink, ?p=, the date form and the bare slug', () => {
    const keys = postPathKeys({ link: `https://news.example.org/2024/04/05/${TRUNCATED}/`, postId: 101, postName: TRUNCATED, postDate: '2024-04-05 20:30:00' });
    expect(keys.sort()).toEqual(['/2024/04/05/المؤتمر-الدولي-لدعم-الانتفاضة-يحيي-يو', '/?p=101', '/المؤتمر-الدولي-لدعم-الانتفاضة-يحيي-يو'].sort());
    expect(postPathKeys({ link: 'https://news.example.org/?p=105', postId: 105, postName: '', postDate: '2024-10-10 08:00:00' })).toEqual(['/?p=105']);
  });

  it('of a category, under its parents too, and of a tag', () => {
    expect(termPathKeys({ kind: 'category', id: 4, slugPath: ['news', '%d9%81%d9%84%d8%b3%d8%b7%d9%8a%d9%86'] })).toEqual(['/category/news/فلسطين', '/category/فلسطين', '/?cat=4']);
    expect(termPathKeys({ kind: 'tag', id: 7, slugPath: ['%d8%a7%d9%84%d9%82%d8%af%d8%b3'] })).toEqual(['/tag/القدس', '/?tag=القدس']);
  });
});

describe('which paths are looked up as old addresses', () => {
  it('takes WordPress-shaped paths outside Midad’s own routes, and leaves every other one alone', () => {
    for (const path of [`/2024/04/05/${TRUNCATED}/`, '/2024/07/01/hostile/', `/${TRUNCATED}/`, '/category/news/', '/tag/%d8%a7%d9%84%d9%82%d8%af%d8%b3/', '/Tag/x', '/my-old-post/', '/new-story', '/about/', '/about', '/news_2019', '/2024']) {
      expect(mayBePreviousAddress(path), path).toBe(true);
    }
    for (const path of ['/', '/favicon.ico', '/wp-login.php', '/no-such/page', '/About', '/articles/%D8%A7', '/sections/%D8%A7/feed.xml', '/desk/articles/1', '/search', '/feed.xml', '/wordpress-address']) {
      expect(mayBePreviousAddress(path), path).toBe(false);
    }
  });

  it('sends an address to the lookup page as one escaped segment, and the bare root nowhere', () => {
    expect(legacyLookupPath('/About/')).toBe('/wordpress-address/%2Fabout');
    expect(legacyLookupPath('/', '?p=101&utm_source=x')).toBe(`/wordpress-address/${encodeURIComponent('/?p=101')}`);
    expect(legacyLookupPath(`/${TRUNCATED}/`)).toBe(`/wordpress-address/${encodeURIComponent('/المؤتمر-الدولي-لدعم-الانتفاضة-يحيي-يو')}`);
    expect(legacyLookupPath('/', '?s=القدس')).toBeNull();
    expect(legacyLookupPath('/')).toBeNull();
  });

  it('knows every first segment of Midad’s own routes', async () => {
    const { readdirSync } = await import('node:fs');
    const app = new URL('../../app/', import.meta.url);
    const entries = (dir: URL): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        if (entry.isDirectory() && /^\(.*\)$/.test(entry.name)) return entries(new URL(`${entry.name}/`, dir));
        if (entry.isDirectory() && !entry.name.startsWith('_') && !entry.name.startsWith('[')) return [entry.name];
        return [];
      });
    for (const segment of entries(app)) expect(OWN_FIRST_SEGMENTS.has(segment), segment).toBe(true);
  });
});

describe('the proxy', () => {
  it('sends every WordPress root query to the lookup (its matcher is written out by hand)', async () => {
    const { readFileSync } = await import('node:fs');
    const { ROOT_QUERY_PARAMETERS } = await import('./wordpress-urls');
    const source = readFileSync(new URL('../../proxy.ts', import.meta.url), 'utf8');
    for (const key of ROOT_QUERY_PARAMETERS) expect(source).toContain(`{ source: '/', has: [{ type: 'query', key: '${key}' }] }`);
    for (const entry of ["'/category/:path*'", "'/tag/:path*'", "'/:slug([a-z0-9_]+(?:-[a-z0-9_]+)*)'", "'/:year(\\\\d{4})/:month(\\\\d{2})/:path*'"]) expect(source).toContain(entry);
  });
});
