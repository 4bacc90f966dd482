/**
 * DOM selections in the reader ↔ offsets in the entry's anchoring text (see
 * @shared/annotations/entryText). The reader renders each block as one element carrying
 * its start offset in `data-offset` and holding only the block's text (text nodes, possibly
 * inside <mark>s), so a point inside a block is its start plus the characters before it.
 */

/** The attribute holding a block element's start offset in the entry's text. */
export const BLOCK_OFFSET_ATTRIBUTE = 'data-offset';

interface Block {
  element: Element;
  start: number;
  end: number;
}

function blocksOf(root: Element): Block[] {
  return [...root.querySelectorAll(`[${BLOCK_OFFSET_ATTRIBUTE}]`)].map((element) => {
    const start = Number(element.getAttribute(BLOCK_OFFSET_ATTRIBUTE));
    return { element, start, end: start + (element.textContent ?? '').length };
  });
}

/** -1, 0 or 1: where the point (node, offset) is relative to the contents of `element`. */
function compare(element: Element, node: Node, offset: number): number {
  const range = element.ownerDocument.createRange();
  range.selectNodeContents(element);
  try {
    return range.comparePoint(node, offset);
  } catch {
    // A point in another document or a detached node: not in the body.
    return Number.NaN;
  }
}

function offsetIn(block: Block, node: Node, offset: number): number {
  const range = block.element.ownerDocument.createRange();
  range.selectNodeContents(block.element);
  range.setEnd(node, offset);
  return block.start + range.toString().length;
}

/**
 * The entry-text offset of a DOM point, for the start (`edge` 'start') or the end of a
 * selection. A point inside a block maps exactly; a point between blocks (in a section, a
 * margin note, the header) moves to the start of the next block for a start, to the end of
 * the previous block for an end. Null when there is no such block (the point is before the
 * body for an end, after it for a start) or outside `root`'s document.
 */
export function pointToOffset(root: Element, node: Node, offset: number, edge: 'start' | 'end'): number | null {
  const blocks = blocksOf(root);
  if (edge === 'start') {
    for (const block of blocks) {
      const where = compare(block.element, node, offset);
      if (Number.isNaN(where)) return null;
      if (where < 0) return block.start;
      if (where === 0) return offsetIn(block, node, offset);
    }
    return null;
  }
  for (let index = blocks.length - 1; index >= 0; index--) {
    const block = blocks[index]!;
    const where = compare(block.element, node, offset);
    if (Number.isNaN(where)) return null;
    if (where > 0) return block.end;
    if (where === 0) return offsetIn(block, node, offset);
  }
  return null;
}

/**
 * The passage of the entry's text that `range` selects under `root` (the reader's body):
 * clamped to the body's blocks, without leading or trailing whitespace (a double-click
 * selects the space after a word). Null when it selects no text of the body.
 */
export function rangeToOffsets(
  root: Element,
  range: AbstractRange,
  text: string,
): { start: number; end: number } | null {
  if (range.collapsed) return null;
  let start = pointToOffset(root, range.startContainer, range.startOffset, 'start');
  let end = pointToOffset(root, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || start >= end) return null;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/** The passage the document's selection selects in `root`, if any (see rangeToOffsets). */
export function selectionToOffsets(root: Element, text: string): { start: number; end: number } | null {
  const selection = root.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  return rangeToOffsets(root, selection.getRangeAt(0), text);
}

function pointAt(block: Block, offset: number): [Node, number] {
  const walker = block.element.ownerDocument.createTreeWalker(block.element, NodeFilter.SHOW_TEXT);
  let left = offset - block.start;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (left <= node.data.length) return [node, left];
    left -= node.data.length;
    last = node;
  }
  return last ? [last, last.data.length] : [block.element, 0];
}

/**
 * The DOM range over entry-text offsets [start, end) under `root`, or null when they are not
 * in its blocks. A start at a block's end moves to the next block, so the range never begins
 * with a block break.
 */
export function offsetsToRange(root: Element, start: number, end: number): Range | null {
  if (start >= end) return null;
  const blocks = blocksOf(root);
  const first = blocks.find((block) => start < block.end && end > block.start);
  const last = [...blocks].reverse().find((block) => start < block.end && end > block.start);
  if (!first || !last) return null;
  const range = root.ownerDocument.createRange();
  const [startNode, startOffset] = pointAt(first, Math.max(start, first.start));
  const [endNode, endOffset] = pointAt(last, Math.min(end, last.end));
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}
