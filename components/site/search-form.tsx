import type { Messages } from '@/i18n';

/**
 * The search page's own form: a plain GET to /search, so it works without JavaScript and every
 * search is a shareable URL. Filters sit in the same form, so changing one keeps the query.
 */
export function SearchForm({
  t,
  q,
  section,
  from,
  to,
  sections,
}: {
  t: Messages['search'];
  q: string;
  section: string;
  from: string;
  to: string;
  sections: { slug: string; name: string }[];
}) {
  const field = 'mt-1 block w-full rounded-md border border-rule bg-paper px-3 py-2';
  return (
    <form role="search" aria-label={t.title} action="/search" method="get" className="mt-6">
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="search-q" className="text-sm font-semibold">
            {t.queryLabel}
          </label>
          <input
            id="search-q"
            type="search"
            name="q"
            defaultValue={q}
            maxLength={400}
            dir="auto"
            placeholder={t.placeholder}
            className={`${field} text-lg placeholder:text-muted`}
          />
        </div>
        <button type="submit" className="rounded-md bg-ink px-5 py-2.5 font-semibold text-paper hover:opacity-90">
          {t.submit}
        </button>
      </div>
      <fieldset className="mt-4 flex flex-wrap gap-4">
        <legend className="sr-only">{t.filters}</legend>
        <div>
          <label htmlFor="search-section" className="text-sm font-semibold">
            {t.section}
          </label>
          <select id="search-section" name="section" defaultValue={section} className={`${field} text-base`}>
            <option value="">{t.allSections}</option>
            {sections.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="search-from" className="text-sm font-semibold">
            {t.from}
          </label>
          <input id="search-from" type="date" name="from" defaultValue={from} className={`${field} text-base`} />
        </div>
        <div>
          <label htmlFor="search-to" className="text-sm font-semibold">
            {t.to}
          </label>
          <input id="search-to" type="date" name="to" defaultValue={to} className={`${field} text-base`} />
        </div>
      </fieldset>
    </form>
  );
}
