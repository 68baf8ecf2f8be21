import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES } from './states';
import { isPubliclyVisible, isReleased, publicDate } from './visibility';

describe('isPubliclyVisible', () => {
  const now = new Date('2026-11-25T12:00:00Z');

  it('hides every article that has no published revision', () => {
    for (const status of ARTICLE_STATUSES) {
      expect(isPubliclyVisible({ status, scheduledFor: null, embargoUntil: null, publishedRevisionId: null }, now)).toBe(false);
    }
  });

  it('keeps a live article visible while it is re-edited and reviewed, but not once unpublished', () => {
    for (const status of ['published', 'draft', 'in_review', 'changes_requested', 'approved'] as const) {
      expect(isPubliclyVisible({ status, scheduledFor: null, embargoUntil: null, publishedRevisionId: 7 }, now)).toBe(true);
    }
    expect(isPubliclyVisible({ status: 'unpublished', scheduledFor: null, embargoUntil: null, publishedRevisionId: 7 }, now)).toBe(false);
  });

  it('shows a scheduled article from its scheduled time on', () => {
    const at = (ms: number) => ({ status: 'scheduled' as const, scheduledFor: new Date(now.getTime() + ms), embargoUntil: null, publishedRevisionId: 7 });
    expect(isPubliclyVisible(at(1), now)).toBe(false);
    expect(isPubliclyVisible(at(0), now)).toBe(true);
    expect(isPubliclyVisible(at(-1), now)).toBe(true);
  });
});

describe('embargo', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  const story = (embargoMs: number | null) => ({
    status: 'published' as const,
    scheduledFor: null,
    embargoUntil: embargoMs === null ? null : new Date(now.getTime() + embargoMs),
    publishedRevisionId: 7,
  });

  it('hides a published story until its embargo time, that instant included', () => {
    expect(isPubliclyVisible(story(1), now)).toBe(false);
    expect(isPubliclyVisible(story(0), now)).toBe(true);
    expect(isPubliclyVisible(story(-1), now)).toBe(true);
    expect(isPubliclyVisible(story(null), now)).toBe(true);
  });

  it('counts a story published under embargo as out, so it can be taken down before its time', () => {
    expect(isReleased(story(3600_000), now)).toBe(true);
    expect(isReleased({ ...story(3600_000), status: 'unpublished' }, now)).toBe(false);
    expect(isReleased({ ...story(3600_000), publishedRevisionId: null, status: 'approved' }, now)).toBe(false);
    expect(isReleased({ ...story(3600_000), status: 'scheduled', scheduledFor: new Date(now.getTime() + 60_000) }, now)).toBe(false);
  });

  it('dates a story no earlier than its embargo', () => {
    const published = new Date('2026-11-25T10:00:00Z');
    const embargo = new Date('2026-11-25T11:00:00Z');
    expect(publicDate({ publishedAt: published, scheduledFor: null, embargoUntil: embargo })).toEqual(embargo);
    expect(publicDate({ publishedAt: embargo, scheduledFor: null, embargoUntil: published })).toEqual(embargo);
    expect(publicDate({ publishedAt: null, scheduledFor: published, embargoUntil: null })).toEqual(published);
    expect(publicDate({ publishedAt: null, scheduledFor: null, embargoUntil: embargo })).toBeNull();
  });
});
