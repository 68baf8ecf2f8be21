import Link from 'next/link';
import type { ReactNode } from 'react';
import { EmbedFramesOnDemand } from '@/components/site/embed-frames-on-demand';
import { FeaturedImage } from '@/components/site/featured-image';
import { plural } from '@/components/site/format';
import { PublicDate } from '@/components/site/public-date';
import { ShareLinks } from '@/components/site/share-links';
import { StoryCards } from '@/components/site/story-card';
import type { SiteSettingsView } from '@/db/queries/settings';
import type { SiteArticle, SiteStory } from '@/db/queries/site-stories';
import { format, getMessages } from '@/i18n';
import { hasEmbed } from '@/lib/content/embed';
import type { EmbedProvider } from '@/lib/content/embeds';
import { documentToText, readableBody, renderStoredBody } from '@/lib/content/render';
import { formatNumber } from '@/lib/format/formatter';
import { authorPath, sectionPath, tagPath } from '@/lib/seo/paths';
import { readingDuration, textStats } from '@/lib/text-stats';

/** "Updated" only when the revision readers see was written after publication, or a note says so. */
export function updatedAfterPublication(article: SiteArticle): boolean {
  return article.notes.length > 0 || Date.parse(article.revisedAt) - Date.parse(article.publishedAt) > 60_000;
}

/**
 * When readers were last told the story changed: its newest public note («تصحيح», «تحديث») when it
 * has one, else the revision they read, else its publication.
 */
export function lastUpdated(article: SiteArticle): string {
  const [newest] = article.notes;
  if (newest) return newest.at;
  return Date.parse(article.revisedAt) - Date.parse(article.publishedAt) > 60_000 ? article.revisedAt : article.publishedAt;
}

function frameTitles(embeds: { providers: Record<EmbedProvider, string>; frameTitle: string }): Record<EmbedProvider, string> {
  const entries = Object.entries(embeds.providers).map(([provider, name]) => [provider, format(embeds.frameTitle, { provider: name })]);
  return Object.fromEntries(entries) as Record<EmbedProvider, string>;
}

/** Words and reading time of the text readers get, for the page and its structured data. */
export function articleStats(article: SiteArticle): { words: number; minutes: number; duration: string } {
  const stored = { articleId: article.id, revisionId: article.revisionId, body: article.body, bodyText: article.bodyText };
  const text = article.bodyText || documentToText(readableBody(stored).document);
  const { words, readingMinutes } = textStats(text);
  return { words, minutes: readingMinutes, duration: readingDuration(readingMinutes) };
}

/**
 * A story as readers get it: headline, standfirst, byline and dates, image, body, tags, share
 * links and related stories. The public article page and the partner preview page both render
 * it, so a partner sees exactly what readers will. `children` come first inside the article
 * (structured data, a banner).
 */
export function ArticleView({
  article,
  settings,
  related,
  url,
  shareable = true,
  children,
}: {
  article: SiteArticle;
  settings: SiteSettingsView;
  related: SiteStory[];
  /** The story's public address, for the share links. */
  url: string;
  shareable?: boolean;
  children?: ReactNode;
}) {
  const tr = getMessages().reader;
  const stored = { articleId: article.id, revisionId: article.revisionId, body: article.body, bodyText: article.bodyText };
  const { minutes } = articleStats(article);
  const updated = updatedAfterPublication(article);
  const [latestNote] = article.notes;
  // The body is HTML generated from the content schema (lib/content/render), never stored HTML;
  // a stored body the schema no longer accepts is shown as its plain text, never as an error page.
  // Embeds are cards with a «عرض» button; the script that opens them comes only with a story that has one.
  const embeds = getMessages().embeds;
  const { html: bodyHtml, fallback } = renderStoredBody(stored, { embedCard: { providers: embeds.providers, show: embeds.show } });
  const withEmbeds = !fallback && hasEmbed(readableBody(stored).document);
  const atLabel = (time: string) => format(tr.dateAt, { time });

  return (
    <article className="article mx-auto max-w-3xl">
      {children}
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
              <PublicDate date={lastUpdated(article)} settings={settings} withTime atLabel={atLabel} />
              {latestNote && (
                <>
                  {' · '}
                  <a href="#public-notes" className="text-accent underline underline-offset-4">
                    {format(tr.latestNote, { kind: tr.noteKinds[latestNote.kind] })}
                  </a>
                </>
              )}
            </p>
          )}
          <p className="text-muted">{plural(tr.readingTime, minutes, formatNumber(minutes, settings.digits))}</p>
        </div>
      </header>

      {article.image && <FeaturedImage image={article.image} tr={tr} />}

      <section aria-label={tr.storyText} className="prose-article mt-8" dir="rtl" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      {withEmbeds && <EmbedFramesOnDemand titles={frameTitles(embeds)} />}

      {article.notes.length > 0 && (
        <section id="public-notes" aria-labelledby="public-notes-heading" className="mt-10 border-t-2 border-ink pt-4">
          <h2 id="public-notes-heading" className="text-lg font-bold">
            {tr.notesHeading}
          </h2>
          <ol className="mt-3 space-y-4">
            {article.notes.map((note) => (
              <li key={note.id} className="border-s-4 border-accent ps-3">
                <p className="text-sm">
                  <span className="font-semibold text-accent">{tr.noteKinds[note.kind]}</span>
                  <span className="text-muted"> · </span>
                  <PublicDate date={note.at} settings={settings} withTime atLabel={atLabel} />
                </p>
                <p dir="auto" className="mt-1 leading-8 whitespace-pre-line">
                  {note.text}
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}

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
        {shareable && <ShareLinks url={url} title={article.title} tr={tr} />}
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
