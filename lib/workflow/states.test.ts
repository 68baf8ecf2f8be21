import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES, isPubliclyVisible } from './states';

describe('isPubliclyVisible', () => {
  const now = new Date('2026-11-25T12:00:00Z');

  it('shows published stories and no other state without a schedule', () => {
    for (const status of ARTICLE_STATUSES) {
      expect(isPubliclyVisible({ status, scheduledFor: null }, now)).toBe(status === 'published');
    }
  });

  it('shows a scheduled story from its scheduled time on', () => {
    expect(isPubliclyVisible({ status: 'scheduled', scheduledFor: new Date(now.getTime() + 1) }, now)).toBe(false);
    expect(isPubliclyVisible({ status: 'scheduled', scheduledFor: now }, now)).toBe(true);
  });
});
