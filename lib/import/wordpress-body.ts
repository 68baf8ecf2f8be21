import { DOMParser as SchemaParser } from '@tiptap/pm/model';
import { parseHTML } from 'linkedom';
import { isSafeHref } from '../content/links';
import { cleanPastedHtml } from '../content/paste';
import type { ContentDocument, ContentNode } from '../content/types';
import { contentSchema, validateDocument } from '../content/validate';

/**
 * A WordPress post body — from the block editor or the classic editor — turned into Midad's
 * content schema. The schema decides what survives (as it does for a paste): its own elements
 * and attributes are kept, scripts, styles and event handlers never are, and anything else leaves
 * its text. Before that, WordPress's own conventions are read here: the classic editor's blank
 * lines are paragraphs, `[caption]` shortcodes and image blocks become Midad figures pointing at
 * the imported image, pull quotes become pull quotes, and embeds become links. What could not be
 * kept as it was is named in `notes`, for the import report.
 */

/** An image of the post already imported into the media library. */
export interface ImportedImage {
  mediaId: number;
  src: string;
  alt: string;
  width: number | null;
  height: number | null;
}

export interface ConvertedBody {
  document: ContentDocument;
  /** What was changed to fit the schema: "table kept as text", "embed as a link: …". */
  notes: string[];
}

/** Elements whose content the schema cannot hold as such: their text is kept, and the report says so. */
const TEXT_ONLY = ['table', 'dl', 'pre', 'details', 'form'];
/** Elements that carry no story text of their own and are removed. */
const REMOVED = ['iframe', 'video', 'audio', 'object', 'embed', 'canvas', 'svg', 'noscript', 'script', 'style'];

/** Every image address a body refers to, for importing them before the body is converted. */
export function imageSources(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${expandShortcodes(html, []).html}</body></html>`);
  const sources = Array.from(document.querySelectorAll('img'), (img) => img.getAttribute('src') ?? '').filter(Boolean);
  return [...new Set(sources)];
}

/**
 * Converts one body. `image` answers the imported image for an address the body uses (null when
 * it could not be imported: the image is left out and its caption kept as text). Throws the
 * content schema's AppError when the result is still not a valid story body.
 */
export function wordpressBodyToDocument(html: string, image: (src: string) => ImportedImage | null): ConvertedBody {
  const notes: string[] = [];
  const blockEditor = /<!--\s*wp:/.test(html);
  let text = embedsToLinks(html, notes);
  const expanded = expandShortcodes(text, notes);
  text = expanded.html;
  if (!blockEditor) text = paragraphsFromBlankLines(text);

  const { document } = parseHTML(`<!doctype html><html><body>${text}</body></html>`);
  const body = document.body;

  for (const tag of REMOVED) {
    const found = Array.from(body.querySelectorAll(tag));
    if (found.length) notes.push(`${tag} removed`);
    for (const element of found) element.remove();
  }
  for (const tag of TEXT_ONLY) if (body.querySelector(tag)) notes.push(`${tag} kept as text`);

  for (const link of Array.from(body.querySelectorAll('a[href]'))) {
    const href = link.getAttribute('href') ?? '';
    if (!isSafeHref(href)) {
      notes.push(`unsafe link removed: ${href.slice(0, 80)}`);
      link.replaceWith(...Array.from(link.childNodes));
    }
  }
  pullQuotes(document, body);
  figures(document, body, image, notes);

  const cleaned = cleanPastedHtml(body.innerHTML);
  const { document: clean } = parseHTML(`<!doctype html><html><body>${cleaned}</body></html>`);
  const parsed = SchemaParser.fromSchema(contentSchema()).parse(clean.body as unknown as Node);
  const json = withoutEmptyLinkAttributes(parsed.toJSON() as ContentDocument);
  if (!json.content?.length) json.content = [{ type: 'paragraph' }];
  return { document: validateDocument(json), notes: [...new Set(notes)] };
}

/**
 * Block-editor embeds (`<!-- wp:embed {"url": …} -->`, and the older `core-embed/…`) and the
 * classic `[embed]` shortcode become a paragraph linking to the embedded address.
 */
function embedsToLinks(html: string, notes: string[]): string {
  const link = (url: string) => {
    const address = url.trim();
    if (!isSafeHref(address)) return '';
    notes.push(`embed as a link: ${address.slice(0, 120)}`);
    const escaped = escapeHtml(address);
    return `<p><a href="${escaped}">${escaped}</a></p>`;
  };
  return html
    .replace(/<!--\s*wp:(?:core-)?embed(?:\/[\w-]+)?\s+(\{[\s\S]*?\})\s*-->[\s\S]*?<!--\s*\/wp:(?:core-)?embed(?:\/[\w-]+)?\s*-->/g, (whole, attributes: string) => {
      const url = embedUrl(attributes);
      return url ? link(url) : whole;
    })
    .replace(/\[embed\b[^\]]*\]([\s\S]*?)\[\/embed\]/g, (_, url: string) => link(url));
}

function embedUrl(attributes: string): string | null {
  try {
    const value = (JSON.parse(attributes) as { url?: unknown }).url;
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/**
 * `[caption …]<img …> Caption text[/caption]` becomes a figure with its caption. Other shortcodes
 * are left as they are, as text, and named in the report.
 */
function expandShortcodes(html: string, notes: string[]): { html: string } {
  const expanded = html.replace(/\[caption\b[^\]]*\]([\s\S]*?)\[\/caption\]/g, (_, inner: string) => {
    const image = /(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*<\/a>)?/i.exec(inner);
    if (!image) return inner;
    const caption = inner.replace(image[0], '').trim();
    return `<figure>${image[0]}<figcaption>${caption}</figcaption></figure>`;
  });
  for (const match of expanded.matchAll(/\[([a-z][a-z0-9_-]*)(?:\s[^\]]*)?\]/g)) notes.push(`shortcode kept as text: [${match[1]}]`);
  return { html: expanded };
}

const BLOCK_START = /^<(?:p|h[1-6]|ul|ol|li|blockquote|figure|table|div|pre|hr|dl|section|article|aside|header|footer|iframe|form|script|style)\b/i;

/**
 * The classic editor stores paragraphs as text separated by blank lines and line breaks as single
 * newlines (WordPress adds the markup when it shows a post). Text between blank lines becomes a
 * paragraph unless it already starts with a block of its own.
 */
function paragraphsFromBlankLines(html: string): string {
  return html
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => {
      if (BLOCK_START.test(chunk)) return chunk;
      return `<p>${chunk.replace(/\n/g, '<br>')}</p>`;
    })
    .join('\n');
}

type Dom = ReturnType<typeof parseHTML>['document'];
type DomElement = ReturnType<Dom['createElement']>;

/** `<figure class="wp-block-pullquote"><blockquote><p>…</p><cite>…</cite></blockquote></figure>` as Midad's pull quote. */
function pullQuotes(document: Dom, body: DomElement): void {
  for (const figure of Array.from(body.querySelectorAll('figure.wp-block-pullquote, blockquote.wp-block-pullquote'))) {
    const quote = figure.tagName === 'BLOCKQUOTE' ? figure : figure.querySelector('blockquote');
    const text = Array.from(quote?.querySelectorAll('p') ?? [], (p) => p.textContent?.trim() ?? '')
      .filter(Boolean)
      .join(' ');
    const cite = quote?.querySelector('cite')?.textContent?.trim() ?? '';
    const replacement = document.createElement('figure');
    replacement.setAttribute('data-type', 'pull-quote');
    const blockquote = document.createElement('blockquote');
    const paragraph = document.createElement('p');
    paragraph.textContent = text || (quote?.textContent?.trim() ?? '');
    blockquote.appendChild(paragraph);
    replacement.appendChild(blockquote);
    if (cite) {
      const caption = document.createElement('figcaption');
      caption.textContent = cite;
      replacement.appendChild(caption);
    }
    figure.replaceWith(replacement);
  }
}

/**
 * Every image becomes a Midad figure of the imported image, with its caption (from a figcaption,
 * a `[caption]` or a classic `wp-caption` block) and alt text (the body's, else the library's,
 * else the caption). An image that was not imported leaves its caption as a paragraph.
 */
function figures(document: Dom, body: DomElement, image: (src: string) => ImportedImage | null, notes: string[]): void {
  for (const img of Array.from(body.querySelectorAll('img'))) {
    const holder = img.closest('figure, div.wp-caption') ?? img;
    const caption = (holder.querySelector('figcaption, .wp-caption-text')?.textContent ?? '').trim();
    const src = img.getAttribute('src') ?? '';
    const found = src ? image(src) : null;
    if (!found) {
      notes.push(`image missing: ${src.slice(0, 120) || '(no address)'}`);
      const paragraph = document.createElement('p');
      paragraph.textContent = caption;
      holder.replaceWith(...(caption ? [paragraph] : []));
      continue;
    }
    const alt = (img.getAttribute('alt') ?? '').trim() || found.alt || caption;
    if (!alt) {
      notes.push(`image without alt text left out: ${src.slice(0, 120)}`);
      holder.remove();
      continue;
    }
    const figure = document.createElement('figure');
    figure.setAttribute('data-type', 'image');
    figure.setAttribute('data-media-id', String(found.mediaId));
    const picture = document.createElement('img');
    picture.setAttribute('src', found.src);
    picture.setAttribute('alt', alt);
    if (found.width) picture.setAttribute('width', String(found.width));
    if (found.height) picture.setAttribute('height', String(found.height));
    figure.appendChild(picture);
    if (caption) {
      const figcaption = document.createElement('figcaption');
      const span = document.createElement('span');
      span.setAttribute('data-caption', '');
      span.textContent = caption;
      figcaption.appendChild(span);
      figure.appendChild(figcaption);
    }
    // A figure inside a paragraph would be split out of it by the parser; put it after instead.
    const paragraph = holder.parentElement?.closest('p');
    if (paragraph && holder !== paragraph) {
      holder.remove();
      paragraph.after(figure);
    } else {
      holder.replaceWith(figure);
    }
  }
}

/**
 * The server's DOM answers an empty string for a missing attribute where a browser answers null;
 * a link's optional `class` and `title` are stored as null, as the editor stores them.
 */
function withoutEmptyLinkAttributes<T extends ContentNode>(node: T): T {
  const marks = node.marks?.map((mark) =>
    mark.type === 'link' && mark.attrs ? { ...mark, attrs: { ...mark.attrs, class: mark.attrs.class || null, title: mark.attrs.title || null } } : mark,
  );
  return { ...node, ...(marks ? { marks } : {}), ...(node.content ? { content: node.content.map(withoutEmptyLinkAttributes) } : {}) };
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
