import 'server-only';
import { z } from 'zod';
import { cleanLine, hasVisibleText } from '@/lib/arabic/text-fields';
import { STORY_FIELD_LIMITS } from '@/lib/desk/field-limits';

// The form enforces the same limits (lib/desk/field-limits): they are written there once.
export const MAX_TITLE_LENGTH = STORY_FIELD_LIMITS.title;
export const MAX_SUMMARY_LENGTH = STORY_FIELD_LIMITS.summary;
export const MAX_BYLINE_LENGTH = STORY_FIELD_LIMITS.byline;
export const MAX_TAG_LENGTH = STORY_FIELD_LIMITS.tag;
export const MAX_TAGS = STORY_FIELD_LIMITS.tags;
export const MAX_SLUG_INPUT_LENGTH = STORY_FIELD_LIMITS.slugInput;

// Every message is an error code, so the desk shows a translated sentence beside the field.
const line = (max: number) =>
  z
    .string({ message: 'INVALID_INPUT' })
    // Far over the limit is refused before any cleaning work is spent on it.
    .max(max * 4, { message: 'FIELD_TOO_LONG' })
    .transform(cleanLine)
    .pipe(z.string().max(max, { message: 'FIELD_TOO_LONG' }));

/** Fields of an article save; the body is validated separately against the content schema. */
export const ZArticleFields = z.object({
  title: line(MAX_TITLE_LENGTH).refine(hasVisibleText, { message: 'TITLE_REQUIRED' }),
  summary: line(MAX_SUMMARY_LENGTH).default(''),
  byline: line(MAX_BYLINE_LENGTH).default(''),
  sectionId: z.coerce.number({ message: 'SECTION_REQUIRED' }).int({ message: 'SECTION_REQUIRED' }).positive({ message: 'SECTION_REQUIRED' }),
  tags: z.array(line(MAX_TAG_LENGTH), { message: 'INVALID_INPUT' }).max(MAX_TAGS, { message: 'INVALID_INPUT' }).default([]),
  slug: z.string({ message: 'INVALID_INPUT' }).max(MAX_SLUG_INPUT_LENGTH, { message: 'FIELD_TOO_LONG' }).optional(),
  featuredMediaId: z.coerce.number({ message: 'INVALID_INPUT' }).int({ message: 'INVALID_INPUT' }).positive({ message: 'INVALID_INPUT' }).nullable().default(null),
});

export type ArticleFields = z.infer<typeof ZArticleFields>;
