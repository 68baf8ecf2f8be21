import { DEFAULT_LOCALE, directionOf, getMessages, type Locale } from '@/i18n';
import { diffParagraphs, diffWords } from '@/lib/diff/words';

interface WordDiffProps {
  /** Plain text of the older revision (`documentToText` of its body), one block per line. */
  before: string;
  /** Plain text of the newer revision. */
  after: string;
  /** Interface language of the labels read out to screen readers. */
  locale?: Locale;
  className?: string;
}

/**
 * Word-level changes between two revisions, one paragraph per block. Each paragraph takes its
 * direction from its own text (`dir="auto"`), so Arabic and English blocks both read correctly.
 * Insertions and deletions are marked with <ins>/<del> and a spoken label, since most screen
 * readers do not announce those elements by themselves. Renders on the server; no client code.
 */
export function WordDiff({ before, after, locale = DEFAULT_LOCALE, className }: WordDiffProps) {
  const t = getMessages(locale).diff;
  const parts = diffWords(before, after);
  const paragraphs = diffParagraphs(parts);
  const unchanged = parts.every((part) => part.op === 'equal');
  // The label carries its own direction so that it never decides a paragraph's `dir="auto"`.
  const labelDir = directionOf(locale);

  return (
    <div className={['font-serif text-lg leading-9', className].filter(Boolean).join(' ')}>
      {unchanged && <p className="mb-3 font-sans text-sm text-muted">{t.identical}</p>}
      {paragraphs.map((paragraph, i) => (
        <p key={i} dir="auto" className="mb-3 text-start">
          {paragraph.map((part, j) => {
            if (part.op === 'equal') return <span key={j}>{part.text}</span>;
            const Tag = part.op === 'insert' ? 'ins' : 'del';
            return (
              <Tag
                key={j}
                className={
                  part.op === 'insert'
                    ? 'rounded-sm bg-emerald-100 text-emerald-950 underline decoration-emerald-700 underline-offset-4'
                    : 'rounded-sm bg-rose-100 text-rose-950 line-through decoration-rose-700'
                }
              >
                <span className="sr-only" dir={labelDir}>
                  {part.op === 'insert' ? t.inserted : t.deleted}{' '}
                </span>
                {part.text}
              </Tag>
            );
          })}
        </p>
      ))}
    </div>
  );
}
