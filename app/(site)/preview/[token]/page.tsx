import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { ArticleView } from '@/components/site/article-view';
import { findPreviewStory } from '@/db/queries/preview-links';
import { format, getMessages } from '@/i18n';
import { formatterFor } from '@/lib/format/formatter';
import { articlePath } from '@/lib/seo/paths';
import { absoluteUrl } from '@/lib/seo/site-url';
import { getSiteChrome } from '../../_lib/data';

/*
 * A partner preview link (docs/decisions/0031): one story as readers will see it, before its
 * embargo, for whoever holds the link until it expires or is revoked. Rendered on every request
 * and never cached — the response headers (next.config.ts) say `private, no-store`, `noindex` and
 * no referrer, so neither an HTTP cache, a search engine nor a linked site learns of it.
 */
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ token: string }> };

const lookup = cache(async (token: string) => {
  await connection();
  return findPreviewStory(token, new Date());
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await lookup((await params).token);
  const t = getMessages().partnerPreview;
  return {
    title: found ? `${t.title}: ${found.article.title}` : t.missingTitle,
    robots: { index: false, follow: false },
    referrer: 'no-referrer',
  };
}

export default async function PartnerPreviewPage({ params }: Props) {
  const found = await lookup((await params).token);
  // Rendered per request, so the 404 comes from notFound() here, before anything is sent (inside a
  // Suspense boundary, as MissingPage does for cached pages, the answer would already be 200).
  // The segment's not-found page says why in the partner's browser (docs/decisions/0027).
  if (!found) notFound();
  const { article, embargoUntil, expiresAt, at } = found;
  const { settings } = await getSiteChrome();
  const t = getMessages().partnerPreview;
  const dates = formatterFor('ar', settings);
  const when = (date: Date) => `${dates.dateTime(date)} (${settings.timeZone})`;
  const banner = !embargoUntil
    ? t.bannerNoEmbargo
    : embargoUntil > at
      ? format(t.banner, { time: when(embargoUntil) })
      : format(t.bannerReleased, { time: when(embargoUntil) });
  return (
    <>
      <div role="note" aria-label={t.title} className="mx-auto mb-8 max-w-3xl space-y-1 rounded-md border-2 border-amber-600 bg-amber-50 p-4 text-amber-950">
        <p className="font-bold">{banner}</p>
        <p className="text-sm">{format(t.confidential, { time: when(expiresAt) })}</p>
      </div>
      <ArticleView article={article} settings={settings} related={[]} url={absoluteUrl(articlePath(article.slug))} shareable={false} />
    </>
  );
}
