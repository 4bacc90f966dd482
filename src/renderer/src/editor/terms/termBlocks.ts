import { $isCodeNode } from '@lexical/code';
import { $isLinkNode } from '@lexical/link';
import { $isHeadingNode } from '@lexical/rich-text';
import type { TermHit } from '@shared/domain/terms';
import { $isElementNode, $isLineBreakNode, $isTextNode, type LexicalNode, type NodeKey } from 'lexical';

/**
 * A top-level block's text as the term matcher reads it: only the plain text a person
 * wrote in running prose. Links (wiki and Markdown), code and inline code, formulas, tags,
 * footnote marks, block ids and comments are not terms to define: each stands in the text
 * as a line break, so no name runs across it. Nested blocks (list items, quote lines,
 * table cells) are separated by line breaks too. Offsets map back to the Lexical text nodes.
 */
export interface BlockText {
  text: string;
  /** The plain text nodes the text is made of, with where each starts in `text`. */
  segments: TextSegment[];
  /** A heading: not scanned, and the start of a new section. */
  heading: boolean;
}

export interface TextSegment {
  key: NodeKey;
  /** Where the node's text starts in the block's text. */
  at: number;
  length: number;
}

/** Stands for anything skipped: the matcher never joins words across a line break. */
const BREAK = '\n';

/** The parts of a term's place in Lexical text nodes. */
export interface TermPlace {
  startKey: NodeKey;
  startOffset: number;
  endKey: NodeKey;
  endOffset: number;
}

/** The block's text (see BlockText). Call inside a read of the editor state. */
export function $blockTextOf(block: LexicalNode): BlockText {
  if ($isHeadingNode(block)) return { text: '', segments: [], heading: true };
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  const push = (text: string) => {
    parts.push(text);
    length += text.length;
  };
  const walk = (node: LexicalNode) => {
    if ($isTextNode(node)) {
      // Only plain text: wiki links, tags, footnote marks, block ids and comments are TextNode subclasses.
      if (node.getType() === 'text' && !node.hasFormat('code')) {
        const text = node.getTextContent();
        segments.push({ key: node.getKey(), at: length, length: text.length });
        push(text);
      } else push(BREAK);
      return;
    }
    if ($isLineBreakNode(node)) {
      push(BREAK);
      return;
    }
    if ($isElementNode(node)) {
      if ($isCodeNode(node) || $isLinkNode(node) || $isHeadingNode(node)) {
        push(BREAK);
        return;
      }
      const inline = node.isInline();
      for (const child of node.getChildren()) walk(child);
      if (!inline) push(BREAK);
      return;
    }
    // Decorators: formulas, images, embeds, rules.
    push(BREAK);
  };
  walk(block);
  // The block's own closing break is not text.
  const text = parts.join('').replace(/\n+$/, '');
  return { text, segments, heading: false };
}

/** Where [start, end) of a block's text lies in its text nodes, or null when it is not all in text nodes. */
export function placeOf(block: BlockText, start: number, end: number): TermPlace | null {
  let first: TextSegment | undefined;
  let last: TextSegment | undefined;
  for (const segment of block.segments) {
    if (first === undefined && start >= segment.at && start < segment.at + segment.length) first = segment;
    if (end > segment.at && end <= segment.at + segment.length) {
      last = segment;
      break;
    }
  }
  if (!first || !last) return null;
  return { startKey: first.key, startOffset: start - first.at, endKey: last.key, endOffset: end - last.at };
}

/** A block's occurrences as the backend found them (the first of each term in the block). */
export interface ScannedBlock {
  heading: boolean;
  hits: readonly TermHit[];
}

/**
 * The occurrences to underline: the first of each term per section, sections starting at
 * each heading. An occurrence is kept when it names an entry not named before in its
 * section (the matcher's `firstOnly` rule, across the section's blocks). Returns, per
 * block, the kept hits.
 */
export function firstPerSection(blocks: readonly ScannedBlock[]): TermHit[][] {
  let seen = new Set<string>();
  return blocks.map((block) => {
    if (block.heading) {
      seen = new Set();
      return [];
    }
    const kept: TermHit[] = [];
    for (const hit of block.hits) {
      if (hit.entryIds.every((id) => seen.has(id))) continue;
      for (const id of hit.entryIds) seen.add(id);
      kept.push(hit);
    }
    return kept;
  });
}
