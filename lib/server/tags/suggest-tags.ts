import 'server-only';
import { findTagSuggestions } from '@/db/queries/tags';
import { STORY_FIELD_LIMITS } from '@/lib/desk/field-limits';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { done, type DeskContext, type Done } from '../effects';

/** Enough to choose from while typing; the field takes new names too. */
export const MAX_TAG_SUGGESTIONS = 10;

/**
 * The tag field's suggestions: existing tags matching what was typed, folded as search folds
 * Arabic (db/queries/tags). Anyone at the desk may ask; what was typed may be no longer than a
 * tag may be.
 */
export async function suggestTags({ db, actor }: DeskContext, { query }: { query: unknown }): Promise<Done<{ tags: string[] }>> {
  if (!can(actor.role, 'desk.access')) throw new AppError('FORBIDDEN');
  if (typeof query !== 'string' || query.length > STORY_FIELD_LIMITS.tag) throw new AppError('INVALID_INPUT', 'a tag query is a string no longer than a tag', { field: 'tags' });
  return done({ tags: await findTagSuggestions(query, MAX_TAG_SUGGESTIONS, db) });
}
