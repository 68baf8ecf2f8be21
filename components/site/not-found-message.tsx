import Link from 'next/link';
import { getMessages } from '@/i18n';

/** The public site's "page not found" text, inside the site's own header and footer. */
export function NotFoundMessage() {
  const t = getMessages().errors;
  return (
    <div className="mx-auto max-w-2xl py-16 text-center">
      <h1 className="font-serif text-3xl font-bold">{t.notFoundTitle}</h1>
      <p className="mt-4 text-muted">{t.notFoundBody}</p>
      <Link href="/" className="mt-8 inline-block text-accent underline underline-offset-4">
        {t.backHome}
      </Link>
    </div>
  );
}
