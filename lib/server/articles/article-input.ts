import 'server-only';
import { z } from 'zod';
import { cleanLine, hasVisibleText } from '@/lib/arabic/text-fields';

export const MAX_TITLE_LENGTH = 300;
export const MAX_SUMMARY_LENGTH = 1000;

const line = (max: number) =>
  z
    .string()
    .max(max * 4)
    .transform(cleanLine)
    .pipe(z.string().max(max, { message: 'INVALID_INPUT' }));

/** Fields of an article save; the body is validated separately against the content schema. */
export const ZArticleFields = z.object({
  title: line(MAX_TITLE_LENGTH).refine(hasVisibleText, { message: 'TITLE_REQUIRED' }),
  summary: line(MAX_SUMMARY_LENGTH).default(''),
  byline: line(120).default(''),
  sectionId: z.coerce.number({ message: 'SECTION_REQUIRED' }).int({ message: 'SECTION_REQUIRED' }).positive({ message: 'SECTION_REQUIRED' }),
  tags: z.array(line(60)).max(20, { message: 'INVALID_INPUT' }).default([]),
  slug: z.string().max(400).optional(),
  featuredMediaId: z.coerce.number().int().positive().nullable().default(null),
});

export type ArticleFields = z.infer<typeof ZArticleFields>;
