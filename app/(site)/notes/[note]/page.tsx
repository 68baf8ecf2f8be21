import type { Metadata } from 'next';
import Link from 'next/link';
import { MissingPage } from '@/components/site/missing-page';
import { getMessages } from '@/i18n';
import { PRIVACY_PATH } from '@/lib/seo/paths';
import { getSiteChrome } from '../../_lib/data';
import { listingMetadata, notFoundMetadata } from '../../_lib/metadata';

/*
 * Readers' notes: pages of fixed text from the catalogue. `/privacy` is rewritten here
 * (lib/http/cached-routes.ts), a route with a parameter so that it is rendered on its first
 * request and kept whole like every public page (docs/decisions/0018).
 */
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): never[] {
  return [];
}

const NOTES = new Set(['privacy']);

type Props = { params: Promise<{ note: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (!NOTES.has((await params).note)) return notFoundMetadata();
  const { settings } = await getSiteChrome();
  const t = getMessages().privacy;
  return listingMetadata({ title: t.title, description: t.description, path: PRIVACY_PATH, siteName: settings.siteName });
}

export default async function NotePage({ params }: Props) {
  if (!NOTES.has((await params).note)) return <MissingPage />;
  const messages = getMessages();
  const t = messages.privacy;
  return (
    <article className="mx-auto max-w-3xl space-y-8 leading-8">
      <header className="space-y-4">
        <h1 className="font-serif text-[2rem] leading-[1.55] font-bold text-balance">{t.title}</h1>
        <p className="font-serif text-lg leading-[1.9] text-muted">{t.intro}</p>
      </header>
      <section aria-labelledby="counted-heading" className="space-y-3">
        <h2 id="counted-heading" className="text-xl font-bold">
          {t.countedHeading}
        </h2>
        <ul className="list-disc space-y-2 ps-6">
          {Object.entries(t.counted).map(([key, text]) => (
            <li key={key}>{text}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="not-counted-heading" className="space-y-3">
        <h2 id="not-counted-heading" className="text-xl font-bold">
          {t.notCountedHeading}
        </h2>
        <ul className="list-disc space-y-2 ps-6">
          {Object.entries(t.notCounted).map(([key, text]) => (
            <li key={key}>{text}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="most-read-note-heading" className="space-y-3">
        <h2 id="most-read-note-heading" className="text-xl font-bold">
          {t.mostReadHeading}
        </h2>
        <p>{t.mostRead}</p>
      </section>
      <p>
        <Link href="/" className="font-semibold text-accent underline-offset-4 hover:underline">
          {messages.site.home}
        </Link>
      </p>
    </article>
  );
}
