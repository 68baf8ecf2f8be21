import { LONE_SURROGATES } from '../arabic/characters';

/**
 * Clipboard HTML from word processors and web pages, made ready for the content schema.
 *
 * The schema already decides what survives a paste: only its own elements and attributes are
 * parsed, so styles, classes, spans, fonts and unknown elements leave nothing behind but their
 * text. What the schema cannot know is the conventions of particular sources, handled here on the
 * HTML text before parsing (pure string work, so it runs the same in tests and in the browser):
 *
 * - Microsoft Word writes lists as paragraphs with `mso-list` styles and a typed bullet or
 *   number inside conditional comments; these become real `<ul>`/`<ol>` lists, nested by level.
 * - Word's conditional comments, `<o:p>` and other namespaced tags, `<style>`, `<script>`,
 *   `<xml>`, `<meta>` and `<link>` are removed, as are paragraphs that hold nothing but spaces.
 * - Headings outside the two levels the editor offers are mapped onto them (h1 → h2,
 *   h4–h6 → h3) instead of turning into plain paragraphs.
 * - Control characters and halves of surrogate pairs are removed (see removeUnstorable).
 */
export function cleanPastedHtml(html: string): string {
  let out = removeUnstorable(html);
  out = convertWordLists(out);
  out = out
    // Word's conditional blocks carry fake bullets, VML fallbacks and settings, never story text.
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!\[if[^\]]*\]>[\s\S]*?<!\[endif\]>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|script|xml|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(meta|link|base)\b[^>]*>/gi, '')
    // Namespaced tags (o:p, st1:place, w:…): drop the tags, keep any text inside.
    .replace(/<\/?[a-z][\w.-]*:[\w.-]+\b[^>]*>/gi, '')
    .replace(/<(\/?)h1\b/gi, '<$1h2')
    .replace(/<(\/?)h[4-6]\b/gi, '<$1h3')
    // Empty paragraphs (Word's blank lines, `<p>&nbsp;</p>`) would become empty blocks.
    .replace(/<p\b[^>]*>(?:\s|&nbsp;|&#160;|<br\b[^>]*>|<span\b[^>]*>|<\/span>)*<\/p>/gi, '');
  return out;
}

interface WordListItem {
  level: number;
  ordered: boolean;
  html: string;
}

const PARAGRAPH = /<p\b([^>]*)>([\s\S]*?)<\/p\s*>/gi;
const MSO_LIST = /mso-list:\s*l\d+\s+level(\d+)/i;
// The typed marker Word puts before each item: a number or letter (ordered) or a bullet glyph.
const ORDERED_MARKER = /^\(?(?:\d+|[\u0660-\u0669]+|[a-z]{1,3}|[ivxlcdm]+|[\u0621-\u064A])[.)\-]/i;

function markerOf(inner: string): { marker: string; rest: string } {
  const conditional = /<!(?:--)?\[if !supportLists\]>(?:-->)?([\s\S]*?)<!(?:--)?\[endif\](?:--)?>/i.exec(inner);
  if (conditional) return { marker: textOf(conditional[1]!), rest: inner.replace(conditional[0], '') };
  const ignored = /<span\b[^>]*mso-list:\s*Ignore[^>]*>([\s\S]*?)<\/span>\s*(?:<\/span>\s*)*/i.exec(inner);
  if (ignored) return { marker: textOf(ignored[1]!), rest: inner.replace(ignored[0], '') };
  return { marker: '', rest: inner };
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|&#160;|\u00A0/gi, ' ')
    .trim();
}

function convertWordLists(html: string): string {
  if (!/mso-list/i.test(html)) return html;
  let result = '';
  let pending: WordListItem[] = [];
  let last = 0;
  for (const match of html.matchAll(PARAGRAPH)) {
    const between = html.slice(last, match.index);
    const listStyle = MSO_LIST.exec(match[1]!);
    // A list continues across whitespace and comments only.
    if (pending.length > 0 && (!listStyle || textOf(between.replace(/<!--[\s\S]*?-->/g, '')) !== '')) {
      result += renderList(pending);
      pending = [];
    }
    result += pending.length > 0 && listStyle ? '' : between;
    if (listStyle) {
      const { marker, rest } = markerOf(match[2]!);
      pending.push({ level: Number(listStyle[1]), ordered: ORDERED_MARKER.test(marker), html: rest });
    } else {
      result += match[0];
    }
    last = match.index + match[0].length;
  }
  if (pending.length > 0) result += renderList(pending);
  return result + html.slice(last);
}

/** Builds nested lists from Word's flat, level-numbered paragraphs. */
function renderList(items: WordListItem[]): string {
  const open: { level: number; tag: 'ul' | 'ol' }[] = [];
  let out = '';
  for (const item of items) {
    const tag = item.ordered ? 'ol' : 'ul';
    while (open.length > 0 && open[open.length - 1]!.level > item.level) {
      out += `</li></${open.pop()!.tag}>`;
    }
    const top = open[open.length - 1];
    if (top && top.level === item.level) {
      out += top.tag === tag ? '</li>' : `</li></${top.tag}><${tag}>`;
      top.tag = tag;
    } else {
      out += `<${tag}>`;
      open.push({ level: item.level, tag });
    }
    out += `<li><p>${item.html}</p>`;
  }
  while (open.length > 0) out += `</li></${open.pop()!.tag}>`;
  return out;
}

// Controls other than tab, line feed and carriage return; vertical tab and form feed separate words.
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F]/g;
const LINE_SEPARATING_CONTROLS = /[\u000B\u000C]/g;

/**
 * Invisible characters a clipboard can carry but a story cannot keep: NUL (which the server
 * refuses, since PostgreSQL cannot store it), other C0 controls and DEL (which feeds drop and no
 * reader sees), and halves of surrogate pairs. A paste never leaves something in the editor that
 * saving would then refuse with a message about a character nobody can see.
 */
function removeUnstorable(text: string): string {
  return text.replace(CONTROLS, '').replace(LINE_SEPARATING_CONTROLS, ' ').replace(LONE_SURROGATES, '');
}

/** Plain text from the clipboard, made ready for the editor (the same characters removed as from HTML). */
export function cleanPastedText(text: string): string {
  return removeUnstorable(text);
}
