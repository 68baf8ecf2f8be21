import Link from 'next/link';

/*
 * The parts every filtered desk listing shares (the activity log, the story inventory): the
 * form's buttons, the note naming filters it could not use, and the links to other pages.
 */

export function FilterButtons({ apply, clear, clearHref, showClear = true }: { apply: string; clear: string; clearHref: string; showClear?: boolean }) {
  return (
    <div className="flex items-center gap-3">
      <button type="submit" className="rounded-md bg-accent px-4 py-2 font-semibold text-white">
        {apply}
      </button>
      {showClear && (
        <Link href={clearHref} className="text-sm underline">
          {clear}
        </Link>
      )}
    </div>
  );
}

/** Says which filters were ignored, by their labels, when any were. */
export function IgnoredFilters({ ignored, labels, sentence, locale }: { ignored: string[]; labels: Record<string, string>; sentence: string; locale: string }) {
  if (!ignored.length) return null;
  const fields = ignored.map((name) => labels[name] ?? name).join(locale === 'ar' ? '، ' : ', ');
  return (
    <p role="status" className="rounded-md border border-rule bg-white/70 p-3 text-sm">
      {sentence.replace('{fields}', fields)}
    </p>
  );
}

/** Links to the previous and next page, when there are any. */
export function PageLinks({ label, previous, next }: { label: string; previous?: { href: string; text: string }; next?: { href: string; text: string } }) {
  if (!previous && !next) return null;
  return (
    <nav aria-label={label} className="flex justify-between gap-4 border-t border-rule pt-4">
      <div>
        {previous && (
          <Link href={previous.href} rel="prev" className="underline">
            {previous.text}
          </Link>
        )}
      </div>
      <div>
        {next && (
          <Link href={next.href} rel="next" className="underline">
            {next.text}
          </Link>
        )}
      </div>
    </nav>
  );
}

/** The options of a filter's select: "any" first (the empty value), then each choice. */
export function FilterOptions({ any, choices }: { any?: string; choices: readonly { value: string | number; label: string }[] }) {
  return (
    <>
      {any !== undefined && <option value="">{any}</option>}
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </>
  );
}
