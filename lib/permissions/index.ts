import type { ArticleStatus } from '../workflow/states';
import type { Role } from './roles';

export { ROLES, isRole, type Role } from './roles';

/**
 * Who may do what (docs/product.md §1), as data. The server checks these inside every action and
 * route handler; the desk reuses them only to hide controls a person cannot use.
 */
export const CAPABILITIES = {
  'desk.access': ['admin', 'editor', 'reviewer'],
  'article.create': ['admin', 'editor'],
  'article.submit': ['admin', 'editor'],
  'article.review': ['admin', 'reviewer'],
  'article.publish': ['admin', 'editor'],
  'article.comment': ['admin', 'editor', 'reviewer'],
  /** Set, change or lift an embargo («حظر النشر حتى»). */
  'article.embargo': ['admin', 'editor'],
  /** Mark a published story as breaking news («عاجل») or clear the mark. */
  'article.breaking': ['admin', 'editor'],
  'media.upload': ['admin', 'editor'],
  'users.manage': ['admin'],
  'sections.manage': ['admin'],
  'settings.manage': ['admin'],
  'activity.read': ['admin'],
  /** Make, list and revoke content-API keys (/desk/api-keys). */
  'api_keys.manage': ['admin'],
  /** Make and revoke a story's partner preview links. */
  'article.preview_link': ['admin', 'editor'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export function can(role: Role | null | undefined, capability: Capability): boolean {
  return role != null && (CAPABILITIES[capability] as readonly Role[]).includes(role);
}

/** Editors and admins edit any article; reviewers make copy-desk fixes only while it is in review. */
export function canEditArticle(role: Role | null | undefined, status: ArticleStatus): boolean {
  if (role === 'admin' || role === 'editor') return true;
  return role === 'reviewer' && status === 'in_review';
}
