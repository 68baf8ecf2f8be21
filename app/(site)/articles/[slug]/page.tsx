import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { ArticleView, articleStats, lastUpdated } from '@/components/site/article-view';
import { JsonLd } from '@/components/site/json-ld';
import { MissingPage } from '@/components/site/missing-page';
import { MostRead } from '@/components/site/most-read';
import { ViewBeacon } from '@/components/site/view-beacon';
import type { SiteArticle } from '@/db/queries/site-stories';
import { getMessages } from '@/i18n';
import { buildNewsArticleJsonLd } from '@/lib/seo/json-ld';
import { articlePath, authorPath, mediaPath, SITE_LOGO_PATH, SITE_LOGO_SIZE } from '@/lib/seo/paths';
import { absoluteUrl } from '@/lib/seo/site-url';
import { getArticle, getMostRead, getRelatedStories, getSiteChrome } from '../../_lib/data';
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
  const modified = lastUpdated(article);
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
  const [{ settings }, related, mostRead] = await Promise.all([getSiteChrome(), getRelatedStories(article), getMostRead()]);
  const url = absoluteUrl(articlePath(article.slug));
  const { words, duration } = articleStats(article);

  const jsonLd = buildNewsArticleJsonLd({
    url,
    headline: article.title,
    description: article.summary || article.title,
    datePublished: new Date(article.publishedAt),
    dateModified: new Date(lastUpdated(article)),
    authors: [{ name: article.authorName, url: article.bylineIsAuthor ? absoluteUrl(authorPath(article.authorId)) : undefined }],
    images: imagesFor(article).map(({ url: imageUrl, width, height }) => ({ url: imageUrl, width, height })),
    section: article.sectionName,
    keywords: article.tags.map((t) => t.name),
    wordCount: words,
    timeRequired: duration,
    language: 'ar',
    publisher: {
      name: settings.siteName,
      url: absoluteUrl('/'),
      logo: { url: absoluteUrl(SITE_LOGO_PATH), ...SITE_LOGO_SIZE },
    },
    corrections: article.notes.filter((note) => note.kind === 'correction').map((note) => ({ text: note.text, datePublished: new Date(note.at) })),
  });

  return (
    <>
      <ArticleView article={article} settings={settings} related={related} url={url}>
        <JsonLd data={jsonLd} />
        <ViewBeacon articleId={article.id} />
      </ArticleView>
      <MostRead stories={mostRead} settings={settings} tr={getMessages().reader} className="mx-auto mt-14 max-w-3xl" />
    </>
  );
}
