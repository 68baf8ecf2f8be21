import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { contentExtensions } from './extensions';
import { contentSchema } from './validate';
import type { ContentDocument } from './types';

// The plain-text view lives apart from the renderer so the editor can use it without shipping
// the static renderer to the browser.
export { documentToText } from './text';

/**
 * Renders a validated body to HTML from the content schema alone: every element and attribute
 * comes from an extension's own rendering, and text is escaped, so nothing stored as raw HTML
 * can reach the page.
 */
export function renderDocumentToHtml(doc: ContentDocument): string {
  const node = contentSchema().nodeFromJSON(doc);
  return renderToHTMLString({ content: node, extensions: contentExtensions });
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
