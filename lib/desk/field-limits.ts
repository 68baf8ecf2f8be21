/**
 * How long each field of a story may be, written once for the story form (which stops typing at
 * the limit) and the server's validation (which refuses anything longer, whatever the client).
 * Lengths count UTF-16 code units, as the browser's maxLength and zod's max() do.
 *
 * Only constants: safe for client components and for `server-only` use cases alike.
 */
export const STORY_FIELD_LIMITS = {
  title: 300,
  summary: 1000,
  byline: 120,
  /** One tag's name. */
  tag: 60,
  /** Tags on one story. */
  tags: 20,
  /** What may be typed as a slug; the slug made of it is shorter (lib/arabic/slug). */
  slugInput: 400,
} as const;
