import { notFound, permanentRedirect } from 'next/navigation';
import { findLegacyTarget } from '@/db/queries/legacy';
import { legacyPathKey, ROOT_QUERY_PARAMETERS } from '@/lib/import/wordpress-urls';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * An address of the site the newsroom moved from (imported with `npm run import:wxr`), sent here
 * by proxy.ts — a WordPress-shaped path as `?path=`, or the root's `?p=` and its kin as they came:
 * a permanent redirect to where that content lives now, or the not-found page.
 */
export default async function PreviousAddress({ searchParams }: Props) {
  const params = await searchParams;
  const text = (name: string) => (typeof params[name] === 'string' ? (params[name] as string) : undefined);
  const path = text('path');
  let key = '/';
  if (path !== undefined) {
    key = legacyPathKey(path);
  } else {
    const query = new URLSearchParams();
    for (const name of ROOT_QUERY_PARAMETERS) {
      const value = text(name);
      if (value !== undefined) query.set(name, value);
    }
    key = legacyPathKey('/', `?${query}`);
  }
  if (key === '/') notFound();
  const target = await findLegacyTarget(key);
  if (!target) notFound();
  permanentRedirect(target);
}
