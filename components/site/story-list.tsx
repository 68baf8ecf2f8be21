import Link from 'next/link';
import type { StorySummary } from '@/db/queries/public';
import { DualDate } from './dual-date';

export function StoryList({ stories }: { stories: StorySummary[] }) {
  return (
    <ol className="divide-y divide-rule">
      {stories.map((story) => (
        <li key={story.id} className="py-6">
          <article>
            <p className="text-sm font-semibold text-accent">{story.sectionName}</p>
            <h2 className="mt-1 font-serif text-2xl leading-relaxed font-bold">
              <Link href={`/articles/${story.slug}`} className="hover:underline">
                {story.title}
              </Link>
            </h2>
            <p dir="auto" className="mt-2 leading-8 text-muted">
              {story.summary}
            </p>
            <p className="mt-2 text-sm text-muted">
              <DualDate date={story.publishedAt} />
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}
