import Link from 'next/link';
import type { Messages } from '@/i18n';
import { correctionsPath, FEED_PATH, PRIVACY_PATH } from '@/lib/seo/paths';

export function SiteFooter({ siteName, t, tr }: { siteName: string; t: Messages['site']; tr: Messages['reader'] }) {
  return (
    <footer className="mt-16 border-t border-rule print:mt-8">
      <div className="mx-auto flex max-w-6xl flex-wrap items-baseline justify-between gap-4 px-4 py-6 text-sm text-muted">
        <p>
          <span className="font-semibold text-ink">{siteName}</span> · {t.footer}
        </p>
        <p className="flex flex-wrap gap-x-4 gap-y-2 print:hidden">
          <a href={correctionsPath()} className="underline underline-offset-4 hover:text-accent">
            {t.corrections}
          </a>
          <Link href={PRIVACY_PATH} className="underline underline-offset-4 hover:text-accent">
            {tr.privacyLink}
          </Link>
          <a href={FEED_PATH} className="underline underline-offset-4 hover:text-accent">
            {tr.siteFeed}
          </a>
        </p>
      </div>
    </footer>
  );
}
