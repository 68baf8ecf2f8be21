import { Node } from '@tiptap/core';
import type { DOMOutputSpec } from '@tiptap/pm/model';
import { NodeSelection, TextSelection } from '@tiptap/pm/state';
import { parseEmbedUrl, storedEmbed, type EmbedProvider } from './embeds';
import type { ContentNode } from './types';

/** The words of an embed's card, from the catalogue of whoever renders it. */
export interface EmbedCardLabels {
  providers: Record<EmbedProvider, string>;
  /** The reader's «عرض» button; left out where no frame may ever be loaded (the desk). */
  show?: string;
}

export interface EmbedOptions {
  /** Render a card (reader pages, the editor); without labels an embed is its canonical link. */
  card: EmbedCardLabels | null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    embed: {
      /** Places an embed at the cursor (after a selected block); refuses an address that is not allowed. */
      insertEmbed: (url: string) => ReturnType;
    };
  }
}

const LINK_REL = 'noopener noreferrer nofollow';

/**
 * A post from another platform (lib/content/embeds.ts): an atom holding the provider and the
 * canonical address, nothing else. Wherever it is rendered it is a link to that address; the
 * reader's page adds a button that loads the provider's frame on request, and no markup here ever
 * contains a frame, a script or an image of the provider.
 */
export const ArticleEmbed = Node.create<EmbedOptions>({
  name: 'embed',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { card: null };
  },

  addAttributes() {
    return {
      provider: { default: null, rendered: false },
      url: { default: null, rendered: false },
    };
  },

  parseHTML() {
    // Cards and links copied from Midad itself; the address is read again through the allow-list.
    const getAttrs = (el: HTMLElement) => {
      const href = el.querySelector('a')?.getAttribute('href') ?? '';
      const parsed = parseEmbedUrl(href);
      return parsed.ok ? { provider: parsed.provider, url: parsed.canonicalUrl } : false;
    };
    return [
      { tag: 'figure[data-type="embed"]', getAttrs },
      { tag: 'p[data-type="embed"]', getAttrs, priority: 60 },
    ];
  },

  renderHTML({ node }) {
    const embed = storedEmbed(node.attrs.provider, node.attrs.url);
    // The editor may hold a node that has not been validated yet; it never links anywhere else.
    if (!embed) return ['p', { 'data-type': 'embed' }, ''];
    const link: DOMOutputSpec = ['a', { href: embed.canonicalUrl, rel: LINK_REL, dir: 'ltr', class: 'embed-link' }, embed.canonicalUrl];
    const card = this.options.card;
    if (!card) return ['p', { 'data-type': 'embed', 'data-provider': embed.provider }, link];
    const parts: DOMOutputSpec[] = [['figcaption', { class: 'embed-provider' }, card.providers[embed.provider]], link];
    // Hidden until the reader's script is running: without it the card is a plain link.
    if (card.show) parts.push(['button', { type: 'button', class: 'embed-show', 'data-embed-show': '', hidden: 'hidden' }, card.show]);
    return ['figure', { 'data-type': 'embed', 'data-provider': embed.provider, class: 'embed-card', dir: 'auto' }, ...parts];
  },

  renderText({ node }) {
    return typeof node.attrs.url === 'string' ? node.attrs.url : '';
  },

  addCommands() {
    return {
      insertEmbed:
        (url) =>
        ({ state, tr, dispatch }) => {
          const parsed = parseEmbedUrl(url);
          if (!parsed.ok) return false;
          const node = this.type.create({ provider: parsed.provider, url: parsed.canonicalUrl });
          if (dispatch) {
            const { selection } = state;
            const { $from } = selection;
            const parent = $from.parent;
            if (selection instanceof NodeSelection && selection.node.isBlock) {
              // A selected block (a card just pasted, say) stays: the new embed goes after it.
              tr.insert(selection.to, node);
            } else if (parent.type.name === 'paragraph' && parent.content.size === 0 && $from.depth === 1) {
              // An empty paragraph becomes the embed instead of leaving a blank line above it.
              tr.replaceWith($from.before(), $from.after(), node);
            } else {
              if (!selection.empty) tr.setSelection(TextSelection.near(tr.doc.resolve(selection.to)));
              tr.replaceSelectionWith(node);
            }
            tr.scrollIntoView();
          }
          return true;
        },
    };
  },
});

/** Whether a body holds an embed: reader pages load the frame script only then. */
export function hasEmbed(doc: ContentNode): boolean {
  if (doc.type === 'embed') return true;
  return doc.content?.some(hasEmbed) ?? false;
}

