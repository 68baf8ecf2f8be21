import { describe, expect, it } from 'vitest';
import { isFiltered, parseStoryFilter, storiesHref } from './story-filter';

const ZONE = 'Asia/Jerusalem';

describe('the story inventory filter', () => {
  it('reads every filter, days in the site zone', () => {
    const filter = parseStoryFilter(
      { status: 'in_review', section: '3', author: '7', tag: 'القدس', from: '2026-12-01', to: '2026-12-02', q: ' مؤتمر ', sort: 'title', page: '2' },
      ZONE,
    );
    expect(filter).toEqual({
      status: 'in_review',
      sectionId: 3,
      authorId: 7,
      tag: 'القدس',
      // Midnight in Jerusalem (UTC+2 in December) is 22:00 UTC the day before.
      from: new Date('2026-11-30T22:00:00Z'),
      to: new Date('2026-12-02T22:00:00Z'),
      text: 'مؤتمر',
      sort: 'title',
      page: 2,
      ignored: [],
    });
  });

  it('leaves out what it cannot use and names it, falling back to the newest first on page 1', () => {
    const filter = parseStoryFilter({ status: 'archived', section: '-1', from: '2026-02-31', sort: 'random', page: '0', q: 'x'.repeat(201) }, ZONE);
    expect(filter).toEqual({ sort: 'updated', page: 1, ignored: ['status', 'section', 'from', 'q', 'sort', 'page'] });
  });

  it('takes the first of repeated parameters and ignores empty ones', () => {
    expect(parseStoryFilter({ status: ['draft', 'published'], section: '' }, ZONE)).toMatchObject({ status: 'draft', sectionId: undefined, ignored: [] });
  });

  it('links to another page of the same filter, and knows when a filter is set', () => {
    const params = { status: 'draft', q: 'عنوان', page: '3', unknown: 'x' };
    expect(storiesHref(params, 4)).toBe(`/desk/stories?status=draft&q=${encodeURIComponent('عنوان')}&page=4`);
    expect(storiesHref(params, 1)).toBe(`/desk/stories?status=draft&q=${encodeURIComponent('عنوان')}`);
    expect(storiesHref({}, 1)).toBe('/desk/stories');
    expect(isFiltered(params)).toBe(true);
    expect(isFiltered({ sort: 'title', page: '2' })).toBe(false);
  });
});
