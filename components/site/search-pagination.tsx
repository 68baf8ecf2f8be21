import Link from 'next/link';
import { format, type Messages } from '@/i18n';

/** Previous/next links between result pages: plain URLs that work without JavaScript. */
export function SearchPagination({
  t,
  page,
  pages,
  href,
  number,
}: {
  t: Messages['search'];
  page: number;
  pages: number;
  href: (page: number) => string;
  number: (value: number) => string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={t.paginationLabel} className="mt-10 flex items-center justify-between gap-4 border-t border-rule pt-6">
      <div className="min-w-32">
        {page > 1 && (
          <Link href={href(Math.min(page - 1, pages))} rel="prev" className="font-semibold text-accent hover:underline">
            {t.previousPage}
          </Link>
        )}
      </div>
      <p className="text-sm text-muted">{format(t.pageOf, { page: number(page), pages: number(pages) })}</p>
      <div className="min-w-32 text-end">
        {page < pages && (
          <Link href={href(page + 1)} rel="next" className="font-semibold text-accent hover:underline">
            {t.nextPage}
          </Link>
        )}
      </div>
    </nav>
  );
}
