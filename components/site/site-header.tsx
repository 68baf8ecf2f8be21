import Link from 'next/link';
import type { SiteSection } from '@/db/queries/site-stories';
import type { Messages } from '@/i18n';
import { SEARCH_PATH, sectionPath } from '@/lib/seo/paths';

/**
 * Masthead, section navigation and a plain GET search form: it works without JavaScript and
 * leads to the search page with `?q=`.
 */
export function SiteHeader({
  siteName,
  tagline,
  sections,
  t,
  tr,
}: {
  siteName: string;
  tagline: string;
  sections: SiteSection[];
  t: Messages['site'];
  tr: Messages['reader'];
}) {
  return (
    <header className="site-header border-b border-rule">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-10 focus:rounded focus:bg-paper focus:px-3 focus:py-2 focus:shadow"
      >
        {t.skipToContent}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 pt-5 pb-3">
        <div className="min-w-0">
          <Link href="/" className="font-serif text-3xl leading-tight font-bold md:text-4xl">
            {siteName}
          </Link>
          {tagline && <p className="mt-1 text-sm text-muted">{tagline}</p>}
        </div>
        <form role="search" aria-label={tr.searchLabel} action={SEARCH_PATH} method="get" className="flex w-full gap-2 sm:w-auto print:hidden">
          <label htmlFor="site-search" className="sr-only">
            {tr.searchLabel}
          </label>
          <input
            id="site-search"
            type="search"
            name="q"
            required
            maxLength={200}
            placeholder={tr.searchPlaceholder}
            className="min-w-0 flex-1 rounded-md border border-rule bg-paper px-3 py-2 text-base placeholder:text-muted sm:w-64"
          />
          <button type="submit" className="rounded-md bg-ink px-4 py-2 font-semibold text-paper hover:opacity-90">
            {tr.searchSubmit}
          </button>
        </form>
      </div>
      {sections.length > 0 && (
        <nav aria-label={tr.sectionsNav} className="border-t border-rule print:hidden">
          <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 text-[0.95rem] font-semibold whitespace-nowrap">
            <li>
              <Link href="/" className="inline-block px-2 py-3 hover:text-accent">
                {t.home}
              </Link>
            </li>
            {sections.map((section) => (
              <li key={section.id}>
                <Link href={sectionPath(section.slug)} className="inline-block px-2 py-3 hover:text-accent">
                  {section.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
