import Link from 'next/link';
import type { MostReadStory } from '@/db/queries/article-views';
import type { SiteSettingsView } from '@/db/queries/settings';
import type { Messages } from '@/i18n';
import { formatNumber } from '@/lib/format/formatter';
import { articlePath } from '@/lib/seo/paths';

/**
 * «الأكثر قراءة»: the most read stories of the last 24 hours, as a numbered list of plain links
 * rendered on the server; nothing at all while no story has been read.
 */
export function MostRead({
  stories,
  settings,
  tr,
  className = '',
}: {
  stories: MostReadStory[];
  settings: SiteSettingsView;
  tr: Messages['reader'];
  className?: string;
}) {
  if (stories.length === 0) return null;
  return (
    <section aria-labelledby="most-read-heading" className={`print:hidden ${className}`}>
      <h2 id="most-read-heading" className="mb-4 border-b-2 border-ink pb-2 text-lg font-bold">
        {tr.mostRead}
      </h2>
      <ol className="space-y-3">
        {stories.map((story, index) => (
          <li key={story.id} className="flex items-baseline gap-3">
            {/* The list itself tells assistive technology the order; the figure is for the eye. */}
            <span aria-hidden="true" className="w-6 shrink-0 text-center font-serif text-2xl leading-none font-bold text-accent">
              {formatNumber(index + 1, settings.digits)}
            </span>
            <Link href={articlePath(story.slug)} dir="auto" className="font-semibold leading-7 hover:text-accent hover:underline">
              {story.title}
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
