import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES } from './states';
import { isPubliclyVisible } from './visibility';

describe('isPubliclyVisible', () => {
  const now = new Date('2026-11-25T12:00:00Z');

  it('hides every article that has no published revision', () => {
    for (const status of ARTICLE_STATUSES) {
      expect(isPubliclyVisible({ status, scheduledFor: null, publishedRevisionId: null }, now)).toBe(false);
    }
  });

  it('keeps a live article visible while it is re-edited and reviewed, but not once unpublished', () => {
    for (const status of ['published', 'draft', 'in_review', 'changes_requested', 'approved'] as const) {
      expect(isPubliclyVisible({ status, scheduledFor: null, publishedRevisionId: 7 }, now)).toBe(true);
    }
    expect(isPubliclyVisible({ status: 'unpublished', scheduledFor: null, publishedRevisionId: 7 }, now)).toBe(false);
  });

  it('shows a scheduled article from its scheduled time on', () => {
    const at = (ms: number) => ({ status: 'scheduled' as const, scheduledFor: new Date(now.getTime() + ms), publishedRevisionId: 7 });
    expect(isPubliclyVisible(at(1), now)).toBe(false);
    expect(isPubliclyVisible(at(0), now)).toBe(true);
    expect(isPubliclyVisible(at(-1), now)).toBe(true);
  });
});
