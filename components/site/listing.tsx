import type { SiteStory } from '@/db/queries/site-stories';
import { format, type Messages } from '@/i18n';
import { formatNumber } from '@/lib/format/formatter';
import { pageCount } from '@/lib/seo/pagination';
import { plural } from './format';
import { Pagination } from './pagination';
import type { DateSettings } from './public-date';
import { StoryCards } from './story-card';

/** The body of a section, tag or author page: heading, stories, pages. */
export function Listing({
  kicker,
  title,
  stories,
  total,
  page,
  href,
  settings,
  tr,
  feed,
  showSection = true,
}: {
  kicker?: string;
  title: string;
  stories: SiteStory[];
  total: number;
  page: number;
  href: (page: number) => string;
  settings: DateSettings;
  tr: Messages['reader'];
  feed?: { href: string; label: string };
  showSection?: boolean;
}) {
  const pages = pageCount(total);
  return (
    <div className="mx-auto max-w-3xl">
      <header className="mb-8 border-b-2 border-ink pb-4">
        {kicker && <p className="text-sm font-semibold text-accent">{kicker}</p>}
        <h1 dir="auto" className="mt-1 font-serif text-3xl leading-[1.6] font-bold md:text-4xl">
          {title}
        </h1>
        <p className="mt-2 flex flex-wrap gap-x-4 text-sm text-muted">
          <span>{plural(tr.storyCount, total, formatNumber(total, settings.digits))}</span>
          {page > 1 && <span>{format(tr.pageOf, { page: formatNumber(page, settings.digits), pages: formatNumber(pages, settings.digits) })}</span>}
          {feed && (
            <a href={feed.href} className="underline underline-offset-4 hover:text-accent print:hidden">
              {feed.label}
            </a>
          )}
        </p>
      </header>
      {stories.length === 0 ? (
        <p className="py-8 text-muted">{tr.emptyListing}</p>
      ) : (
        <StoryCards stories={stories} settings={settings} showSection={showSection} />
      )}
      <Pagination page={page} pages={pages} href={href} digits={settings.digits} tr={tr} />
    </div>
  );
}
