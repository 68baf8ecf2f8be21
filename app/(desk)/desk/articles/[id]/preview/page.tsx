import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { findEditableArticle, findMediaPreview, findRevision } from '@/db/queries/desk';
import { format, getMessages } from '@/i18n';
import { renderStoredBody } from '@/lib/content/render';
import { getDeskLocale } from '@/lib/server/next/locale';
import { requireCapability } from '@/lib/server/next/session';

// Previews are for staff only: behind the desk's sign-in, rendered per request, never indexed.
export const metadata: Metadata = { robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ rev?: string }> };

/** Any revision of a story, laid out as readers would see it, with a banner saying it is a preview. */
export default async function PreviewPage({ params, searchParams }: Props) {
  await requireCapability('desk.access');
  const locale = await getDeskLocale();
  const t = getMessages(locale).workflow;
  const article = await findEditableArticle(Number((await params).id));
  if (!article) notFound();
  const number = Number((await searchParams).rev) || article.revision.number;
  const revision = await findRevision(article.id, number);
  if (!revision) notFound();
  const featured = await findMediaPreview(revision.featuredMediaId);
  // Embeds show as the readers' cards, without the button: the desk never loads a provider's frame.
  const body = renderStoredBody(
    { articleId: article.id, revisionId: revision.id, body: revision.body, bodyText: revision.bodyText },
    { embedCard: { providers: getMessages(locale).embeds.providers } },
  );

  return (
    <div className="space-y-6">
      <p role="note" className="flex flex-wrap items-center gap-3 rounded-md bg-ink px-4 py-2 text-sm text-paper">
        {t.preview} · {format(t.revision, { number })}
        <Link href={`/desk/articles/${article.id}`} className="underline">
          {t.backToArticle}
        </Link>
      </p>
      {body.fallback && <p className="mx-auto max-w-3xl rounded-md border border-accent bg-white p-3 text-sm">{t.bodyFallback}</p>}
      <article lang="ar" dir="rtl" className="mx-auto max-w-3xl">
        <header>
          <h1 dir="auto" className="font-serif text-3xl leading-relaxed font-bold md:text-4xl">
            {revision.title}
          </h1>
          {revision.summary && (
            <p dir="auto" className="mt-4 text-lg leading-9 text-muted">
              {revision.summary}
            </p>
          )}
          {revision.byline && <p className="mt-3 text-sm text-muted">{revision.byline}</p>}
        </header>
        {featured && (
          // eslint-disable-next-line @next/next/no-img-element -- library images are already re-encoded to web sizes
          <img src={featured.src} alt={featured.alt} className="mt-6 w-full rounded" />
        )}
        <section aria-label={getMessages(locale).articleForm.body} className="prose-article mt-8" dangerouslySetInnerHTML={{ __html: body.html }} />
      </article>
    </div>
  );
}
