import { notFound, permanentRedirect } from 'next/navigation';
import { findLegacyTarget } from '@/db/queries/legacy';
import { legacyPathKey, ROOT_QUERY_PATH } from '@/lib/import/wordpress-urls';

/** Paths of Midad's own that never name an address of the previous site. */
const OWN_PREFIXES = new Set(['desk', 'login', 'api', 'media', '_next']);

/**
 * Any address no page of Midad answers: if it is an address of the site the newsroom moved from
 * (imported with `npm run import:wxr`), a permanent redirect to where that content lives now;
 * otherwise the site's not-found page. The root's `?p=` addresses arrive here through proxy.ts.
 */
export default async function PreviousAddress({ params, searchParams }: { params: Promise<{ address: string[] }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { address } = await params;
  if (OWN_PREFIXES.has(address[0] ?? '')) notFound();
  const query = new URLSearchParams();
  if (`/${address.join('/')}` === ROOT_QUERY_PATH) {
    for (const [name, value] of Object.entries(await searchParams)) if (typeof value === 'string') query.set(name, value);
  }
  const key = query.size ? legacyPathKey('/', `?${query}`) : legacyPathKey(`/${address.join('/')}`);
  if (key === '/') notFound();
  const target = await findLegacyTarget(key);
  if (!target) notFound();
  permanentRedirect(target);
}
