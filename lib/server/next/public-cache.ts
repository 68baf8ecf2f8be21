import 'server-only';
import { revalidateTag } from 'next/cache';
import { getConnection, type Executor } from '@/db/client';
import { SITE_TAGS, tagsForArticleChange } from '@/db/queries/site-cache-keys';
import { readPublicFootprint } from '@/db/queries/site-stories';
import type { PublicChange } from '../effects';

export type { PublicChange };

/**
 * Refreshes the cached public pages a change affects — the article page (under its current and
 * old slugs), home, its section, tag and author pages, the site and section feeds, the sitemaps
 * and the related-story lists that could show it. The next request to each of them renders
 * afresh (the entries are expired, not merely marked stale), so readers see the change at once.
 *
 * The desk adapter (lib/server/next/desk-operation) calls it after the use case's transaction has
 * committed, for each public change the use case returned; Next only allows revalidation in a
 * Server Action or Route Handler. Calling it when nothing public changed is harmless.
 *
 * A schedule coming due needs no call: cached pages already expire at the next schedule time
 * (see docs/decisions, "public page caching").
 *
 * With read replicas, readers' pages are rendered from a replica: the refresh waits until every
 * replica has replayed the change, or the page rendered next could put the old text back in the
 * cache. A replica still behind after the limit is logged, and the refresh goes ahead.
 *
 * @returns the cache tags it revalidated.
 */
export async function refreshPublicPages(change: PublicChange, db?: Executor): Promise<string[]> {
  const tags =
    change.kind === 'site'
      ? [SITE_TAGS.all]
      : tagsForArticleChange(await readPublicFootprint(change.articleId, db), change.before);
  if (!(await getConnection().replicasCaughtUp())) {
    console.error(JSON.stringify({ level: 'warn', event: 'replica_behind', tags: tags.length, at: new Date().toISOString() }));
  }
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  return tags;
}
