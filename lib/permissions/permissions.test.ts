import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES } from '../workflow/states';
import { can, canEditArticle, CAPABILITIES, ROLES, type Capability, type Role } from './index';

// docs/product.md §1, written out row by row so that any change to the matrix is a visible test change.
const EXPECTED: Record<Capability, Record<Role, boolean>> = {
  'desk.access': { admin: true, editor: true, reviewer: true },
  'article.create': { admin: true, editor: true, reviewer: false },
  'article.submit': { admin: true, editor: true, reviewer: false },
  'article.review': { admin: true, editor: false, reviewer: true },
  'article.publish': { admin: true, editor: true, reviewer: false },
  'article.comment': { admin: true, editor: true, reviewer: true },
  'article.embargo': { admin: true, editor: true, reviewer: false },
  'article.breaking': { admin: true, editor: true, reviewer: false },
  'media.upload': { admin: true, editor: true, reviewer: false },
  'users.manage': { admin: true, editor: false, reviewer: false },
  'sections.manage': { admin: true, editor: false, reviewer: false },
  'settings.manage': { admin: true, editor: false, reviewer: false },
  'activity.read': { admin: true, editor: false, reviewer: false },
  'api_keys.manage': { admin: true, editor: false, reviewer: false },
  'article.preview_link': { admin: true, editor: true, reviewer: false },
};

describe('role × capability matrix', () => {
  it('covers every capability', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(CAPABILITIES).sort());
  });

  for (const capability of Object.keys(EXPECTED) as Capability[]) {
    for (const role of ROLES) {
      it(`${role} ${EXPECTED[capability][role] ? 'may' : 'may not'} ${capability}`, () => {
        expect(can(role, capability)).toBe(EXPECTED[capability][role]);
      });
    }
  }

  it('grants nothing to an anonymous visitor', () => {
    for (const capability of Object.keys(CAPABILITIES) as Capability[]) {
      expect(can(null, capability)).toBe(false);
      expect(can(undefined, capability)).toBe(false);
    }
  });
});

describe('canEditArticle', () => {
  it.each(ARTICLE_STATUSES)('in %s: admins and editors may edit, reviewers only in review', (status) => {
    expect(canEditArticle('admin', status)).toBe(true);
    expect(canEditArticle('editor', status)).toBe(true);
    expect(canEditArticle('reviewer', status)).toBe(status === 'in_review');
    expect(canEditArticle(null, status)).toBe(false);
  });
});
