import type { Executor } from '@/db/client';
import type { PublicFootprint } from '@/db/queries/site-cache-keys';
import type { SessionUser } from '@/db/sessions';

/** The signed-in person a use case acts for, as read from the session for this request. */
export type Actor = SessionUser;

/** Who runs a use case, and on which database. Every desk use case takes it first. */
export interface DeskContext {
  db: Executor;
  actor: Actor;
}

/** What changed, as far as readers are concerned. */
export type PublicChange =
  /**
   * A story's public state may have changed: published, unpublished, re-published, scheduled,
   * its schedule moved or cancelled, or — while it is live — its slug, section, tags or byline
   * edited. `before` is the story's footprint read inside the use case's transaction, before it
   * changes anything; a use case that can change the slug, section, tags or author passes it, so
   * the pages the story used to appear on are refreshed too. Plain transitions (publish,
   * unpublish, schedule) do not need it.
   */
  | { kind: 'article'; articleId: number; before?: PublicFootprint | null }
  /** Something every public page shows: site settings, a section's name or order, a person's name. */
  | { kind: 'site' };

/**
 * What a committed change asks of the world outside the database, run by the desk adapter once
 * the use case's transaction has committed (lib/server/next/desk-operation). Activity entries and
 * notifications are not effects: they are rows written in the use case's own transaction, so a
 * change and its record commit or roll back together.
 */
export type Effect =
  /** Cached reader pages to refresh; `before` is the story's footprint read inside the transaction. */
  | { kind: 'public'; change: PublicChange }
  /** A desk view whose rendered copy in the browser is now out of date. */
  | { kind: 'desk'; path: string; scope?: 'page' | 'layout' };

/** A use case's answer: the value for the caller and the effects of what it committed. */
export interface Done<T = void> {
  value: T;
  effects: readonly Effect[];
}

export function done<T>(value: T, ...effects: (Effect | false | null | undefined)[]): Done<T> {
  return { value, effects: effects.filter((effect): effect is Effect => Boolean(effect)) };
}

export const deskView = (path: string, scope?: 'page' | 'layout'): Effect => ({ kind: 'desk', path, scope });

/** Every public page: site settings, a section's name or order. */
export const wholeSite: Effect = { kind: 'public', change: { kind: 'site' } };
