import type { Metadata } from 'next';
import Link from 'next/link';
import { permanentRedirect } from 'next/navigation';
import { FeaturedImage } from '@/components/site/featured-image';
import { plural } from '@/components/site/format';
import { JsonLd } from '@/components/site/json-ld';
import { MissingPage } from '@/components/site/missing-page';
import { PublicDate } from '@/components/site/public-date';
import { ShareLinks } from '@/components/site/share-links';
import { StoryCards } from '@/components/site/story-card';
import type { SiteArticle } from '@/db/queries/site-stories';
import { format, getMessages } from '@/i18n';
import { documentToText, readableBody, renderStoredBody } from '@/lib/content/render';
import { formatNumber } from '@/lib/format/formatter';
import { buildNewsArticleJsonLd } from '@/lib/seo/json-ld';
import { articlePath, authorPath, mediaPath, SITE_LOGO_PATH, SITE_LOGO_SIZE, sectionPath, tagPath } from '@/lib/seo/paths';
import { absoluteUrl } from '@/lib/seo/site-url';
import { readingDuration, textStats } from '@/lib/text-stats';
import { getArticle, getRelatedStories, getSiteChrome } from '../../_lib/data';
import { feedAlternates, notFoundMetadata, OG_LOCALE, siteCard } from '../../_lib/metadata';
import { slugFromParam } from '../../_lib/params';

/*
 * Incremental static regeneration: no article is built ahead (the build never opens the
 * database); each is rendered on its first request and then served from the cache until
 * refreshPublicPages expires it or its lifetime ends. The lifetime is at most an hour, and
 * shorter when a scheduled story is due sooner (the data it reads carries that lifetime).
 */
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

async function lookup(param: string) {
  const slug = slugFromParam(param);
  return slug ? getArticle(slug) : ({ kind: 'missing' } as const);
}

/** "Updated" only when the revision readers see was written after publication. */
function updatedAfterPublication(article: SiteArticle): boolean {
  return Date.parse(article.revisedAt) - Date.parse(article.publishedAt) > 60_000;
}

function imagesFor(article: SiteArticle) {
  return article.image
    ? [{ url: absoluteUrl(mediaPath(article.image.storageKey)), width: article.image.width, height: article.image.height, alt: article.image.alt }]
    : [{ ...siteCard(), alt: '' }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const result = await lookup((await params).slug);
  if (result.kind !== 'article') return notFoundMetadata();
  const { article } = result;
  const { settings } = await getSiteChrome();
  const url = absoluteUrl(articlePath(article.slug));
  const description = article.summary || article.title;
  const images = imagesFor(article);
  const modified = updatedAfterPublication(article) ? article.revisedAt : article.publishedAt;
  return {
    title: article.title,
    description,
    alternates: { canonical: url, types: feedAlternates(settings.siteName) },
    authors: [{ name: article.authorName, url: article.bylineIsAuthor ? absoluteUrl(authorPath(article.authorId)) : undefined }],
    openGraph: {
      type: 'article',
      url,
      title: article.title,
      description,
      siteName: settings.siteName,
      locale: OG_LOCALE,
      images,
      publishedTime: article.publishedAt,
      modifiedTime: modified,
      section: article.sectionName,
      tags: article.tags.map((t) => t.name),
      authors: [article.bylineIsAuthor ? absoluteUrl(authorPath(article.authorId)) : article.authorName],
    },
    twitter: { card: 'summary_large_image', title: article.title, description, images: images.map((i) => i.url) },
  };
}

export default async function ArticlePage({ params }: Props) {
  const result = await lookup((await params).slug);
  if (result.kind === 'redirect') permanentRedirect(articlePath(result.slug));
  if (result.kind === 'missing') return <MissingPage />;

  const { article } = result;
  const [{ settings }, related] = await Promise.all([getSiteChrome(), getRelatedStories(article)]);
  const tr = getMessages().reader;
  const url = absoluteUrl(articlePath(article.slug));
  const stored = { articleId: article.id, revisionId: article.revisionId, body: article.body, bodyText: article.bodyText };
  const text = article.bodyText || documentToText(readableBody(stored).document);
  const { words, readingMinutes: minutes } = textStats(text);
  const updated = updatedAfterPublication(article);
  // The body is HTML generated from the content schema (lib/content/render), never stored HTML;
  // a stored body the schema no longer accepts is shown as its plain text, never as an error page.
  const { html: bodyHtml } = renderStoredBody(stored);
  const atLabel = (time: string) => format(tr.dateAt, { time });

  const jsonLd = buildNewsArticleJsonLd({
    url,
    headline: article.title,
    description: article.summary || article.title,
    datePublished: new Date(article.publishedAt),
    dateModified: new Date(updated ? article.revisedAt : article.publishedAt),
    authors: [{ name: article.authorName, url: article.bylineIsAuthor ? absoluteUrl(authorPath(article.authorId)) : undefined }],
    images: imagesFor(article).map(({ url: imageUrl, width, height }) => ({ url: imageUrl, width, height })),
    section: article.sectionName,
    keywords: article.tags.map((t) => t.name),
    wordCount: words,
    timeRequired: readingDuration(minutes),
    language: 'ar',
    publisher: {
      name: settings.siteName,
      url: absoluteUrl('/'),
      logo: { url: absoluteUrl(SITE_LOGO_PATH), ...SITE_LOGO_SIZE },
    },
  });

  return (
    <article className="article mx-auto max-w-3xl">
      <JsonLd data={jsonLd} />
      <header>
        <p className="text-sm font-semibold">
          <Link href={sectionPath(article.sectionSlug)} className="text-accent hover:underline">
            {article.sectionName}
          </Link>
        </p>
        <h1 dir="auto" className="mt-2 font-serif text-[2rem] leading-[1.55] font-bold text-balance md:text-[2.75rem]">
          {article.title}
        </h1>
        {article.summary && (
          <p dir="auto" className="standfirst mt-4 font-serif text-lg leading-[1.9] text-muted md:text-[1.375rem]">
            {article.summary}
          </p>
        )}
        <div className="mt-6 border-y border-rule py-3 text-sm leading-7">
          <p className="font-semibold">
            {article.bylineIsAuthor ? (
              <Link href={authorPath(article.authorId)} rel="author" className="hover:text-accent hover:underline">
                {format(tr.byline, { author: article.authorName })}
              </Link>
            ) : (
              <span dir="auto">{format(tr.byline, { author: article.authorName })}</span>
            )}
          </p>
          <p className="text-muted">
            <span className="text-ink">{tr.published}: </span>
            <PublicDate date={article.publishedAt} settings={settings} withTime atLabel={atLabel} />
          </p>
          {updated && (
            <p className="text-muted">
              <span className="text-ink">{tr.updated}: </span>
              <PublicDate date={article.revisedAt} settings={settings} withTime atLabel={atLabel} />
            </p>
          )}
          <p className="text-muted">{plural(tr.readingTime, minutes, formatNumber(minutes, settings.digits))}</p>
        </div>
      </header>

      {article.image && <FeaturedImage image={article.image} tr={tr} />}

      <section aria-label={tr.storyText} className="prose-article mt-8" dir="rtl" dangerouslySetInnerHTML={{ __html: bodyHtml }} />

      <footer className="mt-12 space-y-8">
        {article.tags.length > 0 && (
          <section aria-labelledby="tags-heading">
            <h2 id="tags-heading" className="text-sm font-semibold text-muted">
              {tr.tagsHeading}
            </h2>
            <ul className="mt-2 flex flex-wrap gap-2">
              {article.tags.map((tag) => (
                <li key={tag.id}>
                  <Link href={tagPath(tag.slug)} className="inline-block rounded-full bg-rule px-3 py-1.5 text-sm hover:text-accent">
                    {tag.name}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}
        <ShareLinks url={url} title={article.title} tr={tr} />
      </footer>

      {related.length > 0 && (
        <aside aria-labelledby="related-heading" className="related-stories mt-14 border-t-2 border-ink pt-4 print:hidden">
          <h2 id="related-heading" className="mb-4 text-lg font-bold">
            {tr.relatedHeading}
          </h2>
          <StoryCards stories={related} settings={settings} heading="h3" variant="compact" />
        </aside>
      )}
    </article>
  );
}
