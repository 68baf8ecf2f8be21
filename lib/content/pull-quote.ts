import { mergeAttributes, Node } from '@tiptap/core';
import type { Node as PmNode, ResolvedPos } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pullQuote: {
      /** Turns the paragraph or heading at the cursor into a pull quote with the same text. */
      setPullQuote: () => ReturnType;
      /** Turns the pull quote around the cursor back into paragraphs (quote, then attribution). */
      unsetPullQuote: () => ReturnType;
      togglePullQuote: () => ReturnType;
    };
  }
}

function findAncestor($pos: ResolvedPos, typeName: string): { node: PmNode; pos: number } | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (node.type.name === typeName) return { node, pos: $pos.before(depth) };
  }
  return null;
}

/**
 * A pull quote: a short quotation set large, with an optional attribution. Rendered as
 * `<figure><blockquote><p>…</p></blockquote><figcaption>…</figcaption></figure>`, the pattern
 * HTML gives for a quotation and its source. Both parts are plain text, so the quote reads the
 * same wherever it is shown.
 */
export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'pullQuoteText pullQuoteAttribution?',
  defining: true,
  isolating: true,

  parseHTML() {
    return [{ tag: 'figure[data-type="pull-quote"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes(HTMLAttributes, { 'data-type': 'pull-quote', class: 'pull-quote' }), 0];
  },

  addCommands() {
    return {
      setPullQuote:
        () =>
        ({ state, tr, dispatch }) => {
          const { $from } = state.selection;
          if (findAncestor($from, this.name)) return false;
          const block = $from.parent;
          if (!block.isTextblock || $from.depth < 1) return false;
          const container = $from.node($from.depth - 1);
          const index = $from.index($from.depth - 1);
          if (!container.canReplaceWith(index, index + 1, this.type)) return false;
          if (dispatch) {
            const { schema } = state;
            const text = block.textBetween(0, block.content.size, ' ', ' ');
            const quote = this.type.create(
              { dir: block.attrs.dir ?? 'auto' },
              schema.nodes.pullQuoteText!.create(null, text ? schema.text(text) : undefined),
            );
            const start = $from.before($from.depth);
            tr.replaceWith(start, start + block.nodeSize, quote);
            // Inside figure and quote text: two positions past the start.
            tr.setSelection(TextSelection.create(tr.doc, start + 2 + text.length));
            tr.scrollIntoView();
          }
          return true;
        },
      unsetPullQuote:
        () =>
        ({ state, tr, dispatch }) => {
          const found = findAncestor(state.selection.$from, this.name);
          if (!found) return false;
          if (dispatch) {
            const paragraph = state.schema.nodes.paragraph!;
            const blocks: PmNode[] = [];
            found.node.forEach((part, _offset, i) => {
              if (i === 0 || part.content.size > 0) blocks.push(paragraph.create({ dir: found.node.attrs.dir }, part.content));
            });
            tr.replaceWith(found.pos, found.pos + found.node.nodeSize, blocks);
            tr.setSelection(TextSelection.near(tr.doc.resolve(found.pos + 1)));
            tr.scrollIntoView();
          }
          return true;
        },
      togglePullQuote:
        () =>
        ({ state, commands }) =>
          findAncestor(state.selection.$from, this.name) ? commands.unsetPullQuote() : commands.setPullQuote(),
    };
  },

  addKeyboardShortcuts() {
    return { 'Mod-Alt-q': () => this.editor.commands.togglePullQuote() };
  },
});

/** The quotation itself: plain text, no links or emphasis. */
export const PullQuoteText = Node.create({
  name: 'pullQuoteText',
  content: 'text*',
  marks: '',
  defining: true,

  parseHTML() {
    return [
      {
        tag: 'blockquote',
        context: 'pullQuote/',
        priority: 60,
        contentElement: (el: HTMLElement) => el.querySelector('p') ?? el,
      },
    ];
  },

  renderHTML() {
    return ['blockquote', ['p', 0]];
  },

  addKeyboardShortcuts() {
    return {
      // Enter at the end of the quote moves on to the attribution, creating it when missing.
      Enter: () => {
        const { state } = this.editor;
        const { $from, empty } = state.selection;
        if (!empty || $from.parent.type.name !== this.name || $from.parentOffset !== $from.parent.content.size) return false;
        const quote = $from.node($from.depth - 1);
        const afterText = $from.after($from.depth);
        if (quote.childCount > 1) {
          return this.editor.commands.setTextSelection(afterText + 1);
        }
        return this.editor
          .chain()
          .insertContentAt(afterText, { type: 'pullQuoteAttribution' })
          .setTextSelection(afterText + 1)
          .run();
      },
    };
  },
});

/** Who said it: plain text under the quote. */
export const PullQuoteAttribution = Node.create({
  name: 'pullQuoteAttribution',
  content: 'text*',
  marks: '',
  defining: true,

  parseHTML() {
    return [{ tag: 'figcaption', context: 'pullQuote/' }];
  },

  renderHTML() {
    return ['figcaption', 0];
  },

  addKeyboardShortcuts() {
    return {
      // Enter in the attribution leaves the pull quote for a new paragraph below it.
      Enter: () => {
        const { state } = this.editor;
        const { $from, empty } = state.selection;
        if (!empty || $from.parent.type.name !== this.name) return false;
        const afterQuote = $from.after($from.depth - 1);
        return this.editor
          .chain()
          .insertContentAt(afterQuote, { type: 'paragraph' })
          .setTextSelection(afterQuote + 1)
          .run();
      },
    };
  },
});
