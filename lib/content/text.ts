import type { ContentNode } from './types';

const BLOCK_SEPARATOR = '\n';
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'pullQuoteText', 'pullQuoteAttribution']);

/**
 * Plain text of a body, one line per block: the source for search, word counts and word-level
 * diffs. An image contributes its caption, so a changed caption shows in a revision's diff; an
 * embed its address.
 */
export function documentToText(doc: ContentNode): string {
  const lines: string[] = [];
  let current = '';
  const visit = (node: ContentNode) => {
    if (node.type === 'text') {
      current += node.text ?? '';
      return;
    }
    if (node.type === 'hardBreak') {
      current += '\n';
      return;
    }
    if (node.type === 'embed') {
      // An embed is its canonical address wherever text is wanted (search, feeds, diffs).
      const url = node.attrs?.url;
      if (typeof url === 'string') lines.push(url);
      return;
    }
    if (node.type === 'image') {
      const caption = node.attrs?.caption;
      if (typeof caption === 'string') lines.push(caption);
      return;
    }
    const isTextBlock = TEXT_BLOCKS.has(node.type);
    node.content?.forEach(visit);
    if (isTextBlock) {
      lines.push(current);
      current = '';
    }
  };
  visit(doc);
  if (current) lines.push(current);
  return lines.filter((line) => line.trim().length > 0).join(BLOCK_SEPARATOR);
}
