import { formatWikiLink } from '@shared/links/formatWikiLink';
import type { BlockNode, InlineNode } from '@shared/markdown/model';

function inlineOf(block: BlockNode): readonly InlineNode[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'quote':
      return block.children;
    case 'list':
      return block.entries.flatMap((entry) =>
        entry.kind === 'item' ? [...entry.children, { type: 'break' as const, marker: '' }] : inlineOf(entry.list),
      );
    default:
      return [];
  }
}

function collect(nodes: readonly InlineNode[], text: string[], urls: string[]): void {
  for (const node of nodes) {
    if (node.type === 'text') text.push(node.text);
    else if (node.type === 'break') text.push('\n');
    else if (node.type === 'wikilink') text.push(formatWikiLink(node));
    else {
      urls.push(node.url);
      collect(node.children, text, urls);
    }
  }
}

/** The plain text a block shows (raw and code blocks: their text). */
export function plainText(block: BlockNode): string {
  if (block.type === 'raw' || block.type === 'code') return block.text;
  const text: string[] = [];
  collect(inlineOf(block), text, []);
  return text.join('');
}

/** The URLs of the links in a block. */
export function linkUrls(block: BlockNode): string[] {
  const urls: string[] = [];
  collect(inlineOf(block), [], urls);
  return urls;
}

/** The words of a text (split on whitespace). */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}
