import { permanentRedirect } from 'next/navigation';
import { MissingPage } from '@/components/site/missing-page';
import { findLegacyTarget } from '@/db/queries/legacy';
import { LEGACY_LOOKUP_PATH } from '@/lib/import/wordpress-urls';

/*
 * An address of the site the newsroom moved from (imported with `npm run import:wxr`), sent here
 * by proxy.ts as its lookup key (`/2024/04/05/slug`, `/?p=101`): a permanent redirect to where
 * that content lives now, or the site's not-found page with a 404.
 *
 * Answers are kept like pages, for a minute only: an import run while the site is up (a second
 * run picks up newer posts) or a story becoming public is seen within that minute.
 */
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams(): { key: string }[] {
  return [];
}

type Props = { params: Promise<{ key: string }> };

export default async function PreviousAddress({ params }: Props) {
  const key = keyFromParam((await params).key);
  const target = key ? await findLegacyTarget(key) : null;
  if (!target) return <MissingPage />;
  permanentRedirect(target);
}

/** The key as proxy.ts wrote it (one escaped segment), or null for anything it never writes. */
function keyFromParam(param: string): string | null {
  try {
    const key = decodeURIComponent(param);
    return key.startsWith('/') && key !== '/' && !key.startsWith(LEGACY_LOOKUP_PATH) ? key : null;
  } catch {
    return null;
  }
}
