import Link from 'next/link';
import type { BreakingStory } from '@/db/queries/site-stories';
import type { Messages } from '@/i18n';
import { articlePath } from '@/lib/seo/paths';

/**
 * «عاجل»: the breaking stories, under the masthead of every public page. Plain links rendered on
 * the server, so the banner is there with JavaScript off; nothing at all when nothing is breaking.
 */
export function BreakingBanner({ stories, tr }: { stories: BreakingStory[]; tr: Messages['reader'] }) {
  if (stories.length === 0) return null;
  return (
    <section aria-label={tr.breakingNews} className="bg-accent text-paper">
      <div className="mx-auto flex max-w-6xl items-baseline gap-3 px-4 py-2">
        <p className="shrink-0 rounded-sm bg-paper px-2 py-0.5 text-sm font-bold text-accent">{tr.breaking}</p>
        <ul className="min-w-0 space-y-1 font-semibold">
          {stories.map((story) => (
            <li key={story.id}>
              <Link href={articlePath(story.slug)} className="underline-offset-4 hover:underline focus-visible:underline">
                {story.title}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
