import { eq } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { articleRevisions, articles, sections, users } from '@/db/schema';
import { documentToText, paragraphsToDocument } from '@/lib/content/render';

/*
 * Published stories the quality set adds to the sample content, for what the sample content does
 * not say: words with a one-letter proclitic attached (لترشيد، وكتب، كمراسل، لتوسيعها), and words
 * that merely begin with a proclitic's letter (لبنان، بحر، كلمة، لجنة), which searching for the
 * rest of the word (نان، حر، لمة، جنة) must not find.
 */

export interface QualityStory {
  title: string;
  summary: string;
  sectionSlug: string;
  paragraphs: string[];
  hoursAgo: number;
}

export const ADDED_STORIES = {
  water: {
    title: 'حملة وطنية لترشيد استهلاك المياه مع اقتراب الصيف',
    summary: 'دعت سلطة المياه الأسر والمزارعين إلى إصلاح التسريبات وسقي الحدائق بعد الغروب.',
    sectionSlug: 'اقتصاد',
    paragraphs: [
      'أطلقت سلطة المياه حملتها السنوية، وكتب مديرها في رسالة إلى السكان أن كل لتر يُوفَّر اليوم يخفف العطش غداً.',
      'وتملك السلطة شبكة من الآبار القديمة، وتبحث عن تمويل لتوسيعها قبل الموسم المقبل.',
    ],
    hoursAgo: 7,
  },
  sea: {
    title: 'صيادو لبنان يشكون قلة السمك في بحر هائج',
    summary: 'ألقى نقيب الصيادين كلمة أمام المسؤولين طالب فيها بتعويض عن أيام المنع.',
    sectionSlug: 'سياسة',
    paragraphs: [
      'يقول الصيادون في صور إن الموج لم يعد يعطي ما كان يعطيه، وإن الصبر صار زادهم الوحيد.',
      'وشكّل المسؤولون لجنة لدراسة التعويض، فيما عمل أحد الصيادين كمراسل لإذاعة محلية قبل أن يعود إلى قاربه.',
    ],
    hoursAgo: 9,
  },
} as const satisfies Record<string, QualityStory>;

/** Publishes the added stories, written the way the desk writes a story (db/seed.ts). */
export async function addQualityStories(db: Executor): Promise<void> {
  const [editor] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'editor@midad.test'));
  if (!editor) throw new Error('The quality stories need the seeded editor account');
  for (const [key, story] of Object.entries(ADDED_STORIES)) {
    const [section] = await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, story.sectionSlug));
    if (!section) throw new Error(`A quality story refers to a missing section: ${story.sectionSlug}`);
    const when = new Date(Date.now() - story.hoursAgo * 3600_000);
    const [article] = await db
      .insert(articles)
      .values({ slug: `search-quality-${key}`, sectionId: section.id, status: 'published', createdBy: editor.id, publishedAt: when, createdAt: when, updatedAt: when })
      .returning({ id: articles.id });
    const body = paragraphsToDocument(story.paragraphs);
    const [revision] = await db
      .insert(articleRevisions)
      .values({ articleId: article!.id, number: 1, title: story.title, summary: story.summary, body, bodyText: documentToText(body), authorId: editor.id, createdAt: when })
      .returning({ id: articleRevisions.id });
    // Pointing the story at its revision is what builds its search document (a trigger).
    await db.update(articles).set({ currentRevisionId: revision!.id, publishedRevisionId: revision!.id }).where(eq(articles.id, article!.id));
  }
}
