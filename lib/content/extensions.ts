import { Extension, type Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { isSafeHref } from './links';

export const TEXT_DIRECTIONS = ['auto', 'rtl', 'ltr'] as const;
export type TextDirection = (typeof TEXT_DIRECTIONS)[number];

/** Blocks that take their direction from their own text unless an editor overrides it. */
export const DIRECTIONAL_NODES = ['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'listItem'];

export const HEADING_LEVELS = [2, 3] as const;

function parseDirection(value: string | null): TextDirection {
  return value === 'rtl' || value === 'ltr' ? value : 'auto';
}

/** Per-block direction: `dir="auto"` by default, so mixed Arabic and Latin text lays out by its own content. */
const BlockDirection = Extension.create({
  name: 'blockDirection',
  addGlobalAttributes() {
    return [
      {
        types: DIRECTIONAL_NODES,
        attributes: {
          dir: {
            default: 'auto',
            parseHTML: (element: HTMLElement) => parseDirection(element.getAttribute('dir')),
            renderHTML: (attributes: Record<string, unknown>) => ({
              dir: parseDirection(typeof attributes.dir === 'string' ? attributes.dir : null),
            }),
          },
        },
      },
    ];
  },
});

/**
 * The one list of Tiptap extensions. The desk editor edits with it, the server validates every
 * save against the schema it defines, and public pages are rendered from it: what can be written
 * is exactly what can be rendered.
 */
export const contentExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [...HEADING_LEVELS] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      protocols: ['http', 'https', 'mailto'],
      isAllowedUri: (url) => isSafeHref(url),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
    },
  }),
  BlockDirection,
];
