import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { DualDate } from '@/components/site/dual-date';
import { findPublicArticle } from '@/db/queries/public';
import { getMessages } from '@/i18n';
import { decodeSlugParam } from '@/lib/arabic/slug';
import { renderDocumentToHtml } from '@/lib/content/render';

type Props = { params: Promise<{ slug: string }> };

// Metadata and the page ask for the same article; one query serves both.
const lookup = cache(async (slug: string) => {
  await connection();
  return findPublicArticle(decodeSlugParam(slug));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const result = await lookup((await params).slug);
  if (result.kind !== 'article') return {};
  return { title: result.article.title, description: result.article.summary };
}

export default async function ArticlePage({ params }: Props) {
  const result = await lookup((await params).slug);
  if (result.kind === 'redirect') permanentRedirect(`/articles/${encodeURIComponent(result.slug)}`);
  if (result.kind === 'missing') notFound();

  const { article } = result;
  const t = getMessages().article;
  // The body is HTML generated from the content schema (lib/content/render), never stored HTML.
  const bodyHtml = renderDocumentToHtml(article.body);
  return (
    <article className="mx-auto max-w-3xl">
      <header>
        <p className="text-sm font-semibold text-accent">{article.sectionName}</p>
        <h1 dir="auto" className="mt-2 font-serif text-3xl leading-relaxed font-bold md:text-4xl">
          {article.title}
        </h1>
        {article.summary && (
          <p dir="auto" className="mt-4 text-lg leading-9 text-muted">
            {article.summary}
          </p>
        )}
        <p className="mt-4 text-sm text-muted">
          {t.by} {article.authorName} · {t.publishedOn} <DualDate date={article.publishedAt} />
        </p>
      </header>
      <div className="prose-article mt-8" dir="rtl" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      {article.tags.length > 0 && (
        <footer className="mt-10 border-t border-rule pt-4">
          <h2 className="sr-only">{t.tags}</h2>
          <ul className="flex flex-wrap gap-2">
            {article.tags.map((tag) => (
              <li key={tag.slug} className="rounded-full bg-rule px-3 py-1 text-sm">
                {tag.name}
              </li>
            ))}
          </ul>
        </footer>
      )}
    </article>
  );
}
