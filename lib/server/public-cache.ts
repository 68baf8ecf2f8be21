import 'server-only';
import { revalidateTag } from 'next/cache';
import type { Executor } from '@/db/client';
import { SITE_TAGS, tagsForArticleChange, type PublicFootprint } from '@/db/queries/site-cache-keys';
import { readPublicFootprint } from '@/db/queries/site-stories';

export type { PublicFootprint };

/** What changed, as far as readers are concerned. */
export type PublicChange =
  /**
   * A story's public state may have changed: published, unpublished, re-published, scheduled,
   * its schedule moved or cancelled, or — while it is live — its slug, section, tags or byline
   * edited. `before` is the story's footprint read with {@link capturePublicFootprint} before
   * the transaction; pass it whenever the transaction can change the slug, section, tags or
   * author, so the pages the story used to appear on are refreshed too. Plain transitions
   * (publish, unpublish, schedule) do not need it.
   */
  | { kind: 'article'; articleId: number; before?: PublicFootprint | null }
  /** Something every public page shows: site settings, a section's name or order, a person's name. */
  | { kind: 'site' };

/**
 * Refreshes the cached public pages a change affects — the article page (under its current and
 * old slugs), home, its section, tag and author pages, the site and section feeds, the sitemaps
 * and the related-story lists that could show it. The next request to each of them renders
 * afresh (the entries are expired, not merely marked stale), so readers see the change at once.
 *
 * Call it AFTER the transaction has committed — from the Server Action or Route Handler that ran
 * the use case (Next only allows revalidation there) — for every transition that can change
 * what readers see. Calling it when nothing public changed is harmless.
 *
 * A schedule coming due needs no call: cached pages already expire at the next schedule time
 * (see docs/decisions, "public page caching").
 *
 * @returns the cache tags it revalidated.
 */
export async function refreshPublicPages(change: PublicChange, db?: Executor): Promise<string[]> {
  const tags =
    change.kind === 'site'
      ? [SITE_TAGS.all]
      : tagsForArticleChange(await readPublicFootprint(change.articleId, db), change.before);
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  return tags;
}

/** A story's current public footprint, to pass as `before` when a change may move it. */
export function capturePublicFootprint(articleId: number, db?: Executor): Promise<PublicFootprint | null> {
  return readPublicFootprint(articleId, db);
}
