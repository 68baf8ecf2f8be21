import Link from 'next/link';
import type { PublicSearchHit } from '@/db/queries/search';
import { PublicDate, type DateSettings } from './public-date';

/**
 * Search hits. Titles and snippets arrive as HTML from db/queries/search: every character of the
 * story is escaped there and the only markup is <mark> around matched words.
 */
export function SearchResults({ hits, settings, start }: { hits: PublicSearchHit[]; settings: DateSettings; start: number }) {
  return (
    <ol start={start} className="divide-y divide-rule [&_mark]:rounded-sm [&_mark]:bg-[#fbe7a1] [&_mark]:px-0.5 [&_mark]:text-ink">
      {hits.map((hit) => (
        <li key={hit.id} className="py-6">
          <article>
            <p className="text-sm font-semibold text-accent">{hit.sectionName}</p>
            <h2 className="mt-1 font-serif text-2xl leading-relaxed font-bold">
              <Link href={`/articles/${encodeURIComponent(hit.slug)}`} className="hover:underline">
                <span dir="auto" dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
              </Link>
            </h2>
            {hit.snippetHtml && (
              <p dir="auto" className="mt-2 leading-8 text-muted" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
            )}
            <p className="mt-2 text-sm text-muted">
              <PublicDate date={hit.publishedAt} settings={settings} />
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}
