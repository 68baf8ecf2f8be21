import { Extension, type Extensions } from '@tiptap/core';
import { NodeSelection, type EditorState } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { ArticleEmbed, type EmbedCardLabels } from './embed';
import { ArticleImage } from './image';
import { isSafeHref } from './links';
import { PullQuote, PullQuoteAttribution, PullQuoteText } from './pull-quote';

export const TEXT_DIRECTIONS = ['auto', 'rtl', 'ltr'] as const;
export type TextDirection = (typeof TEXT_DIRECTIONS)[number];

/**
 * Blocks that carry a direction. Text blocks (paragraphs, headings, pull quotes, figures) are
 * `dir="auto"` unless overridden, so each lays out by its own first strong letter. Containers
 * (quotes, lists, items) render a direction only when one is set: HTML's `dir="auto"` ignores
 * descendants that have their own `dir`, so an "auto" list of "auto" paragraphs would always
 * resolve to left-to-right and put an Arabic list's bullets and a quote's rule on the wrong side.
 * Without an attribute they follow the story's direction.
 */
export const DIRECTIONAL_NODES = ['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'pullQuote', 'image'];
const TEXT_DIRECTIONAL_NODES = ['paragraph', 'heading', 'pullQuote', 'image'];
const CONTAINER_DIRECTIONAL_NODES = ['blockquote', 'bulletList', 'orderedList', 'listItem'];

/**
 * Where a manual direction is set from the toolbar: the blocks a person thinks of as "this
 * paragraph". The quotes and lists around them follow, so an English list gets its bullets on
 * the left.
 */
const DIRECTION_TARGETS = new Set(TEXT_DIRECTIONAL_NODES);
const FOLLOWING_CONTAINERS = new Set(['blockquote', 'bulletList', 'orderedList']);

export const HEADING_LEVELS = [2, 3] as const;

function parseDirection(value: string | null): TextDirection {
  return value === 'rtl' || value === 'ltr' ? value : 'auto';
}

export function isTextDirection(value: unknown): value is TextDirection {
  return typeof value === 'string' && (TEXT_DIRECTIONS as readonly string[]).includes(value);
}

/** The direction set on the block at the cursor (what the toolbar shows as pressed). */
export function blockDirectionAt(state: EditorState): TextDirection {
  const { selection } = state;
  if (selection instanceof NodeSelection && DIRECTION_TARGETS.has(selection.node.type.name)) {
    return parseDirection(String(selection.node.attrs.dir));
  }
  const { $from } = selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (DIRECTION_TARGETS.has(node.type.name)) return parseDirection(String(node.attrs.dir));
  }
  return 'auto';
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    blockDirection: {
      /** Sets (or, with 'auto', clears) the direction of the blocks in the selection. */
      setBlockDirection: (dir: TextDirection) => ReturnType;
    };
  }
}

function directionAttribute({ renderAuto }: { renderAuto: boolean }) {
  return {
    default: 'auto',
    // A new block (Enter) starts from its own text again rather than inheriting an override.
    keepOnSplit: false,
    parseHTML: (element: HTMLElement) => parseDirection(element.getAttribute('dir')),
    renderHTML: (attributes: Record<string, unknown>) => {
      const dir = parseDirection(typeof attributes.dir === 'string' ? attributes.dir : null);
      return dir === 'auto' && !renderAuto ? {} : { dir };
    },
  };
}

/** Per-block direction: `dir="auto"` by default, so mixed Arabic and Latin text lays out by its own content. */
const BlockDirection = Extension.create({
  name: 'blockDirection',
  addGlobalAttributes() {
    return [
      {
        types: TEXT_DIRECTIONAL_NODES,
        attributes: { dir: directionAttribute({ renderAuto: true }) },
      },
      {
        types: CONTAINER_DIRECTIONAL_NODES,
        attributes: { dir: directionAttribute({ renderAuto: false }) },
      },
    ];
  },

  addCommands() {
    return {
      setBlockDirection:
        (dir) =>
        ({ state, tr, dispatch }) => {
          if (!isTextDirection(dir)) return false;
          const { from, to, $from } = state.selection;
          const targets = new Map<number, string>();
          state.doc.nodesBetween(from, to, (node, pos) => {
            if (DIRECTION_TARGETS.has(node.type.name)) targets.set(pos, node.type.name);
            // A pull quote's direction lives on the quote, not on its two text parts.
            return node.type.name !== 'pullQuote';
          });
          for (let depth = $from.depth; depth > 0; depth--) {
            if ($from.node(depth).type.name === 'pullQuote') targets.set($from.before(depth), 'pullQuote');
          }
          if (targets.size === 0) return false;
          for (const pos of [...targets.keys()]) {
            const $pos = state.doc.resolve(pos);
            for (let depth = $pos.depth; depth > 0; depth--) {
              const container = $pos.node(depth);
              if (FOLLOWING_CONTAINERS.has(container.type.name)) targets.set($pos.before(depth), container.type.name);
            }
          }
          if (dispatch) {
            for (const pos of targets.keys()) tr.setNodeAttribute(pos, 'dir', dir);
          }
          return true;
        },
    };
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
  PullQuote,
  PullQuoteText,
  PullQuoteAttribution,
  ArticleImage,
  ArticleEmbed,
  BlockDirection,
];

/**
 * The same extensions, drawing embeds as cards with these words (reader pages, the editor). The
 * schema is unchanged: only how an embed is rendered differs.
 */
export function contentExtensionsWithEmbedCard(card: EmbedCardLabels): Extensions {
  return contentExtensions.map((extension) => (extension.name === ArticleEmbed.name ? ArticleEmbed.configure({ card }) : extension));
}
