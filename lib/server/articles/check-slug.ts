import 'server-only';
import { isSlugTaken } from '@/db/queries/desk';
import { slugify } from '@/lib/arabic/slug';
import type { SlugCheck } from '@/lib/desk/results';
import { STORY_FIELD_LIMITS } from '@/lib/desk/field-limits';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { done, type DeskContext, type Done } from '../effects';

/** The slug field's own limit, which is longer than any title the form accepts. */
const MAX_INPUT = STORY_FIELD_LIMITS.slugInput;

/** The editor's live slug check: the slug the rules make of what was typed, and whether it is free. */
export async function checkSlug({ db, actor }: DeskContext, { input, articleId }: { input: unknown; articleId: number | null }): Promise<Done<SlugCheck>> {
  if (!can(actor.role, 'desk.access')) throw new AppError('FORBIDDEN');
  if (typeof input !== 'string' || input.length > MAX_INPUT) throw new AppError('INVALID_INPUT', undefined, { field: 'slug' });
  const slug = slugify(input);
  if (!slug) return done({ slug, available: false });
  return done({ slug, available: !(await isSlugTaken(slug, articleId ?? undefined, db)) });
}
