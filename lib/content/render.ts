import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import type { EmbedCardLabels } from './embed';
import { contentExtensions, contentExtensionsWithEmbedCard } from './extensions';
import { isAppError } from '../errors';
import { contentSchema, validateDocument } from './validate';
import type { ContentDocument } from './types';

// The plain-text view lives apart from the renderer so the editor can use it without shipping
// the static renderer to the browser.
export { documentToText } from './text';

export interface RenderOptions {
  /**
   * Show embeds as cards with these words (reader pages). Without them an embed is its canonical
   * link, which is what feeds and the content API give.
   */
  embedCard?: EmbedCardLabels;
}

/**
 * Renders a validated body to HTML from the content schema alone: every element and attribute
 * comes from an extension's own rendering, and text is escaped, so nothing stored as raw HTML
 * can reach the page.
 */
export function renderDocumentToHtml(doc: ContentDocument, options: RenderOptions = {}): string {
  const node = contentSchema().nodeFromJSON(doc);
  return renderToHTMLString({ content: node, extensions: options.embedCard ? contentExtensionsWithEmbedCard(options.embedCard) : contentExtensions });
}

/** Builds a body from plain paragraphs: sample content and imports use it. */
export function paragraphsToDocument(paragraphs: readonly string[]): ContentDocument {
  return {
    type: 'doc',
    content: paragraphs.map((text) => ({
      type: 'paragraph',
      attrs: { dir: 'auto' },
      content: text ? [{ type: 'text', text }] : [],
    })),
  };
}

/** A revision's body as stored, with the plain text saved beside it. */
export interface StoredBody {
  articleId: number;
  revisionId: number;
  /** The stored Tiptap JSON: whatever the database holds, trusted by nothing. */
  body: unknown;
  /** body_text: written from the same body when it was saved, and readable whatever the schema says. */
  bodyText: string;
}

export interface ReadableBody {
  document: ContentDocument;
  /** The stored body failed the content schema: `document` was made from the plain text instead. */
  fallback: boolean;
}

/**
 * A stored body as something every page can show. A body the content schema no longer accepts
 * (written before a rule tightened, or changed outside the desk) must never break a page: its
 * plain text is shown as paragraphs instead, and the problem is reported once.
 */
export function readableBody(stored: StoredBody): ReadableBody {
  try {
    return { document: validateDocument(stored.body), fallback: false };
  } catch (error) {
    reportUnreadableBody(stored, error);
    return { document: textToDocument(stored.bodyText), fallback: true };
  }
}

/** {@link readableBody} rendered to HTML; a body the renderer itself cannot handle falls back too. */
export function renderStoredBody(stored: StoredBody, options: RenderOptions = {}): { html: string; fallback: boolean } {
  const readable = readableBody(stored);
  if (readable.fallback) return { html: renderDocumentToHtml(readable.document), fallback: true };
  try {
    return { html: renderDocumentToHtml(readable.document, options), fallback: false };
  } catch (error) {
    reportUnreadableBody(stored, error);
    return { html: renderDocumentToHtml(textToDocument(stored.bodyText)), fallback: true };
  }
}

/** Plain text, one paragraph per line (the shape documentToText writes), as a body. */
export function textToDocument(text: string): ContentDocument {
  const lines = text.split('\n').filter((line) => line.trim().length > 0);
  return paragraphsToDocument(lines.length ? lines : ['']);
}

// Per process, not per module: Next evaluates this module separately for different routes.
const reported = ((globalThis as typeof globalThis & { __midadUnreadableBodies?: Set<number> }).__midadUnreadableBodies ??= new Set<number>());

/**
 * One JSON line on stderr per broken revision per process: every render of a cached page would
 * otherwise repeat it. What the stored body said is cut short, so a hostile body cannot flood the log.
 */
function reportUnreadableBody(stored: StoredBody, error: unknown): void {
  if (reported.has(stored.revisionId)) return;
  reported.add(stored.revisionId);
  console.warn(
    JSON.stringify({
      level: 'warn',
      event: 'stored_body_unreadable',
      articleId: stored.articleId,
      revisionId: stored.revisionId,
      code: isAppError(error) ? error.code : 'RENDER_FAILED',
      detail: (error instanceof Error ? error.message : String(error)).slice(0, 200),
      at: new Date().toISOString(),
    }),
  );
}
