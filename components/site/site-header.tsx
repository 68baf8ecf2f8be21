import Link from 'next/link';
import type { Messages } from '@/i18n';

export function SiteHeader({ t }: { t: Messages['site'] }) {
  return (
    <header className="border-b border-rule">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:bg-paper focus:p-2"
      >
        {t.skipToContent}
      </a>
      <div className="mx-auto flex max-w-5xl flex-wrap items-baseline justify-between gap-2 px-4 py-5">
        <Link href="/" className="font-serif text-3xl font-bold">
          {t.name}
        </Link>
        <p className="text-sm text-muted">{t.tagline}</p>
      </div>
    </header>
  );
}
