import Link from 'next/link';
import { format, type Messages } from '@/i18n';
import { formatNumber, type DigitStyle } from '@/lib/format/formatter';

/**
 * Previous/next links and where the reader is. Plain links: every page is a real URL
 * (`?page=N`) that works without JavaScript and that crawlers can follow.
 */
export function Pagination({
  page,
  pages,
  href,
  digits,
  tr,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  digits: DigitStyle;
  tr: Messages['reader'];
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={tr.paginationLabel} className="mt-10 flex items-center justify-between gap-4 border-t border-rule pt-6 print:hidden">
      <div className="min-w-28">
        {page > 1 && (
          <Link href={href(page - 1)} rel="prev" className="font-semibold text-accent underline-offset-4 hover:underline">
            <span aria-hidden="true">→ </span>
            {tr.previousPage}
          </Link>
        )}
      </div>
      <p className="text-sm text-muted" aria-current="page">
        {format(tr.pageOf, { page: formatNumber(page, digits), pages: formatNumber(pages, digits) })}
      </p>
      <div className="min-w-28 text-end">
        {page < pages && (
          <Link href={href(page + 1)} rel="next" className="font-semibold text-accent underline-offset-4 hover:underline">
            {tr.nextPage}
            <span aria-hidden="true"> ←</span>
          </Link>
        )}
      </div>
    </nav>
  );
}
