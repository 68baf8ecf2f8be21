import { describe, expect, it } from 'vitest';
import { activityHref, parseActivityQuery } from './filter';

describe('parseActivityQuery', () => {
  it('reads every filter, days in the site zone', () => {
    const query = parseActivityQuery(
      { person: '7', kind: 'auth.signed_in', story: '12', from: '2026-12-01', to: '2026-12-02', page: '3' },
      'Asia/Jerusalem',
    );
    expect(query).toEqual({
      actorId: 7,
      kind: 'auth.signed_in',
      articleId: 12,
      from: new Date('2026-11-30T22:00:00Z'),
      to: new Date('2026-12-02T22:00:00Z'),
      page: 3,
      ignored: [],
    });
  });

  it('starts on page one with no filter', () => {
    expect(parseActivityQuery({}, 'UTC')).toEqual({ page: 1, ignored: [] });
  });

  it('ignores unusable values and names them', () => {
    const query = parseActivityQuery(
      { person: '-1', kind: 'drop table', story: '1e3', from: '2026-02-31', to: 'tomorrow', page: '0' },
      'UTC',
    );
    expect(query.ignored).toEqual(['person', 'kind', 'story', 'from', 'to', 'page']);
    expect(query).toMatchObject({ page: 1, actorId: undefined, kind: undefined, from: undefined, to: undefined });
  });

  it('takes the first of repeated parameters', () => {
    expect(parseActivityQuery({ person: ['4', '5'] }, 'UTC').actorId).toBe(4);
  });
});

describe('activityHref', () => {
  it('keeps the filters and sets the page', () => {
    expect(activityHref({ person: '4', kind: 'auth.signed_in', page: '2', junk: 'x' }, 3)).toBe(
      '/desk/activity?person=4&kind=auth.signed_in&page=3',
    );
    expect(activityHref({}, 1)).toBe('/desk/activity');
  });
});
