import { documentToText } from '@/lib/content/text';
import type { ContentDocument } from '@/lib/content/types';

/**
 * The rules for the story text this browser keeps until the server confirms it (storage itself is
 * components/desk/local-copy.ts). A story has two places per person: the work in progress, written
 * shortly after every change and cleared by a confirmed save, and the writer's own text set aside
 * when they take someone else's version in a conflict, which nothing but the writer clears.
 */
export interface LocalCopy {
  fields: Record<string, unknown>;
  body: unknown;
  baseVersion: number;
  savedAt: string;
}

/** Where the writer's own text waits after they took someone else's version in a conflict. */
export const setAsideKey = (workKey: string) => `${workKey}:kept`;

/** A story's words as the copies and the diff compare them: title, summary, then the body's text. */
export const storyText = (fields: { title?: unknown; summary?: unknown }, body: unknown) =>
  `${String(fields.title ?? '')}\n${String(fields.summary ?? '')}\n${documentToText(body as ContentDocument)}`;

/** Whether a copy holds anything the server does not: another word, or another field value. */
export function differsFromServer(copy: LocalCopy, server: { fields: Record<string, unknown>; body: unknown }): boolean {
  return storyText(copy.fields, copy.body) !== storyText(server.fields, server.body) || JSON.stringify(copy.fields) !== JSON.stringify(server.fields);
}

export interface StoredCopy {
  key: string;
  copy: LocalCopy | null;
}

/**
 * Which kept copies to offer back when a story opens, in the order offered: the work in progress
 * first, then the text set aside in a conflict. Every copy that differs from the server is offered
 * — the set-aside text too when a work-in-progress copy is also waiting — and `stale` lists the
 * keys whose copies the server already has, for the caller to clear.
 */
export function copiesToOffer(stored: StoredCopy[], server: { fields: Record<string, unknown>; body: unknown }): { offers: (LocalCopy & { key: string })[]; stale: string[] } {
  const offers: (LocalCopy & { key: string })[] = [];
  const stale: string[] = [];
  for (const { key, copy } of stored) {
    if (!copy) continue;
    if (differsFromServer(copy, server)) offers.push({ ...copy, key });
    else stale.push(key);
  }
  return { offers, stale };
}
