import type { ActionResult } from '@/lib/desk/results';
import { STORY_FIELD_LIMITS } from '@/lib/desk/field-limits';

/**
 * Existing tags matching `query`, from the desk's tag route (POST /api/desk/tags). Anything that
 * goes wrong — offline, signed out, refused — is no suggestions: the field still takes new tags.
 */
export async function fetchTagSuggestions(query: string, signal: AbortSignal): Promise<string[]> {
  if (query.length > STORY_FIELD_LIMITS.tag) return [];
  const response = await fetch('/api/desk/tags', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query }),
    signal,
  });
  if (!response.ok) return [];
  const result = (await response.json()) as ActionResult<{ tags: string[] }>;
  return result.ok ? result.value.tags : [];
}
