import { describe, expect, it } from 'vitest';
import { cacheTiming, MAX_CACHE_SECONDS, SITE_TAGS, slugTag, tagsForArticleChange, type PublicFootprint } from './site-cache-keys';

const at = (iso: string) => new Date(iso);

describe('cacheTiming', () => {
  const window = { lastDue: '2026-11-25T08:00:00.000Z', upcoming: ['2026-11-25T10:00:00.000Z', '2026-11-25T12:00:00.000Z'] };

  it('keeps the epoch of the last schedule that has come, until the next one does', () => {
    expect(cacheTiming(window, at('2026-11-25T09:00:00Z')).epoch).toBe('2026-11-25T08:00:00.000Z');
    expect(cacheTiming(window, at('2026-11-25T09:59:59.999Z')).epoch).toBe('2026-11-25T08:00:00.000Z');
    // The instant a schedule comes, the epoch changes: nothing cached before it can be reused.
    expect(cacheTiming(window, at('2026-11-25T10:00:00Z')).epoch).toBe('2026-11-25T10:00:00.000Z');
    expect(cacheTiming(window, at('2026-11-25T13:00:00Z')).epoch).toBe('2026-11-25T12:00:00.000Z');
  });

  it('never lets an entry live past the next schedule', () => {
    expect(cacheTiming(window, at('2026-11-25T09:59:00Z')).lifetime).toBe(60);
    expect(cacheTiming(window, at('2026-11-25T09:58:59.500Z')).lifetime).toBe(60);
    expect(cacheTiming(window, at('2026-11-25T09:59:59.200Z')).lifetime).toBe(1);
    expect(cacheTiming(window, at('2026-11-25T10:30:00Z')).lifetime).toBe(MAX_CACHE_SECONDS);
    expect(cacheTiming(window, at('2026-11-25T11:45:00Z')).lifetime).toBe(15 * 60);
  });

  it('caps lifetimes when nothing is scheduled, and names the empty epoch', () => {
    expect(cacheTiming({ lastDue: null, upcoming: [] }, at('2026-11-25T09:00:00Z'))).toEqual({ epoch: 'none', lifetime: MAX_CACHE_SECONDS });
  });

  it('does not depend on the order of upcoming times', () => {
    const shuffled = { lastDue: null, upcoming: ['2026-11-25T12:00:00.000Z', '2026-11-25T10:00:00.000Z'] };
    expect(cacheTiming(shuffled, at('2026-11-25T09:00:00Z')).lifetime).toBe(3600);
    expect(cacheTiming(shuffled, at('2026-11-25T11:00:00Z'))).toEqual({ epoch: '2026-11-25T10:00:00.000Z', lifetime: 3600 });
  });
});

describe('tagsForArticleChange', () => {
  const before: PublicFootprint = { articleId: 7, slugs: ['عنوان-قديم'], sectionId: 2, tagIds: [10, 11], authorId: 3 };
  const after: PublicFootprint = { articleId: 7, slugs: ['عنوان-جديد', 'عنوان-قديم'], sectionId: 4, tagIds: [11, 12], authorId: 3 };

  it('covers every page the story was or is on', () => {
    const tags = tagsForArticleChange(after, before);
    expect(tags.sort()).toEqual(
      [
        SITE_TAGS.latest,
        SITE_TAGS.schedule,
        SITE_TAGS.article(7),
        SITE_TAGS.slug('عنوان-جديد'),
        SITE_TAGS.slug('عنوان-قديم'),
        SITE_TAGS.section(2),
        SITE_TAGS.section(4),
        SITE_TAGS.tag(10),
        SITE_TAGS.tag(11),
        SITE_TAGS.tag(12),
        SITE_TAGS.author(3),
      ].sort(),
    );
  });

  it('refreshes the corrections page for a story that carries a correction, before or after the change, and only then', () => {
    expect(tagsForArticleChange(after, before)).not.toContain(SITE_TAGS.corrections);
    expect(tagsForArticleChange({ ...after, hasCorrections: true })).toContain(SITE_TAGS.corrections);
    expect(tagsForArticleChange(after, { ...before, hasCorrections: true })).toContain(SITE_TAGS.corrections);
  });

  it('still refreshes listings when the story is gone', () => {
    expect(tagsForArticleChange(null).sort()).toEqual([SITE_TAGS.latest, SITE_TAGS.schedule].sort());
  });

  it('skips slug tags too long for the cache to have stored', () => {
    expect(slugTag('x'.repeat(300))).toBeNull();
    expect(tagsForArticleChange({ ...after, slugs: ['x'.repeat(300)] })).not.toContain(SITE_TAGS.slug('x'.repeat(300)));
  });
});
