import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { NotFoundMessage } from './not-found-message';

function Missing(): never {
  notFound();
}

/**
 * Answers 404 with the not-found page in the HTML itself. A bare `notFound()` in a page rendered
 * on request leaves Next with an empty document whose text only script can draw; thrown inside a
 * Suspense boundary it still sets the 404 status, and the boundary's fallback — the same
 * not-found text — is what the server writes, so a reader without script, a crawler and a
 * screen reader all read it. With script, the site's not-found boundary takes over as usual.
 */
export function MissingPage() {
  return (
    <Suspense fallback={<NotFoundMessage />}>
      <Missing />
    </Suspense>
  );
}
