/**
 * Changing the editor's document into another Markdown text as an edit of what it holds,
 * not a reload: used when a change made on disk is merged into a note being edited. The
 * top-level blocks whose Markdown is the same in both stay the very same nodes, so the
 * caret, the selection, the state of the block being typed in (a trailing space, a
 * half-typed word) and the undo history survive; only the blocks that differ are replaced.
 */
import { $isListItemNode } from '@lexical/list';
import { $isTableRowNode } from '@lexical/table';
import {
  $createRangeSelection,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $getState,
  $isElementNode,
  $isLineBreakNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  $setState,
  type LexicalNode,
  type PointType,
} from 'lexical';
import { tokenize } from '@shared/text/mergeText';
import { diffIndices } from 'node-diff3';
import { $blockMarkdown, $exportMarkdown } from './exportMarkdown';
import { tableRowOriginState, unitOriginState } from './fidelity/states';
import { $importMarkdown } from './importMarkdown';

/** A caret end as a place in the text of a top-level block, for when its node is replaced. */
interface TextPlace {
  block: number;
  offset: number;
}

/**
 * Makes the document read as `markdown`, changing only the top-level blocks that differ.
 * Blocks are matched by their Markdown (a longest-common-subsequence diff); unmatched old
 * blocks are removed and the new text's blocks put in their place. Empty paragraphs (which
 * write nothing) stay where they were. A caret in a kept block stays exactly where it was; one
 * in a replaced block keeps its place in the text as far as the new text allows.
 * Returns false (and changes nothing) when the document already reads as `markdown`.
 * Needs an update context.
 */
export function $applyMarkdown(markdown: string): boolean {
  if ($exportMarkdown() === markdown) return false;
  const root = $getRoot();
  const before = root.getChildren();
  const beforeMarkdown = before.map((node) => $blockMarkdown(node));
  const beforeText = before.map((node) => $textOf(node));
  // Captured now: removing nodes moves the selection's points.
  const selection = $getSelection();
  const caret = $isRangeSelection(selection)
    ? {
        anchor: { ...$savePoint(selection.anchor), place: $textPlace(selection.anchor, before) },
        focus: { ...$savePoint(selection.focus), place: $textPlace(selection.focus, before) },
        format: selection.format,
        style: selection.style,
      }
    : null;
  const other = selection !== null && !$isRangeSelection(selection) ? selection.clone() : null;

  $importMarkdown(markdown);
  const after = root.getChildren();
  const afterMarkdown = after.map((node) => $blockMarkdown(node));

  // Empty old blocks never match a new one: each gets a key no Markdown text can equal.
  const oldKeys = before.map((node, index) => beforeMarkdown[index] ?? `\u0000${node.getKey()}`);
  const newKeys = after.map((node, index) => afterMarkdown[index] ?? '\u0000new');
  const result: LexicalNode[] = [];
  /** For each old block: the block standing for it now (itself when kept). */
  const standIn = new Map<number, LexicalNode>();
  let oldAt = 0;
  let newAt = 0;
  for (const hunk of [...changedBlocks(oldKeys, newKeys), null]) {
    const [oldStart, oldLength] = hunk ? hunk.old : [before.length, 0];
    const [newStart, newLength] = hunk ? hunk.new : [after.length, 0];
    while (oldAt < oldStart) {
      const kept = before[oldAt]!;
      $copyOrigins(after[newAt++]!, kept);
      result.push(kept);
      standIn.set(oldAt++, kept);
    }
    const added = after.slice(newStart, newStart + newLength);
    for (let index = oldStart; index < oldStart + oldLength; index++) {
      if (beforeMarkdown[index] === null) {
        // An empty paragraph (the user just pressed Enter) is not in any text: it stays.
        result.push(before[index]!);
        standIn.set(index, before[index]!);
      } else {
        const substitute = added[Math.min(index - oldStart, added.length - 1)] ?? after[newStart + newLength];
        if (substitute) standIn.set(index, substitute);
      }
    }
    result.push(...added);
    oldAt = oldStart + oldLength;
    newAt = newStart + newLength;
  }

  // The import appended the new blocks; put the final sequence in their place.
  const used = new Set(result);
  for (const node of after) if (!used.has(node)) node.remove();
  for (const node of result) root.append(node);

  if (caret) {
    const anchor = $restorePoint(caret.anchor, standIn, beforeText);
    const focus = $restorePoint(caret.focus, standIn, beforeText);
    if (anchor && focus) {
      const restored = $createRangeSelection();
      restored.anchor.set(anchor.key, anchor.offset, anchor.type);
      restored.focus.set(focus.key, focus.offset, focus.type);
      restored.format = caret.format;
      restored.style = caret.style;
      $setSelection(restored);
    } else $setSelection(null);
  } else {
    $setSelection(other && other.getNodes().every((node) => node.isAttached()) ? other : null);
  }
  return true;
}

/**
 * The runs of blocks that differ, as `[start, length]` in each sequence, in order. The blocks
 * the two start and end with are matched first: a merge usually changes a few blocks, and
 * the diff's cost grows with the square of repeated blocks.
 */
function changedBlocks(before: string[], after: string[]): Array<{ old: [number, number]; new: [number, number] }> {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  ) {
    end++;
  }
  return diffIndices(before.slice(start, before.length - end), after.slice(start, after.length - end)).map((hunk) => ({
    old: [hunk.buffer1[0] + start, hunk.buffer1[1]],
    new: [hunk.buffer2[0] + start, hunk.buffer2[1]],
  }));
}

interface SavedPoint {
  key: string;
  offset: number;
  type: 'text' | 'element';
}

function $savePoint(point: PointType): SavedPoint {
  return { key: point.key, offset: point.offset, type: point.type };
}

/**
 * Gives a kept block the origins of the freshly imported block with the same Markdown, so it
 * is saved as that source, byte for byte, and joins its neighbours as in the new text. Pairs
 * list items and table rows in order; the exporter checks each origin's signature before
 * using its source, so a pairing that does not fit only costs that fidelity, never content.
 */
function $copyOrigins(from: LexicalNode, to: LexicalNode): void {
  $setState(to, unitOriginState, $getState(from, unitOriginState));
  const fromItems = $descendantsWhere(from, $isListItemNode);
  const toItems = $descendantsWhere(to, $isListItemNode);
  if (fromItems.length === toItems.length) {
    fromItems.forEach((item, index) => $setState(toItems[index]!, unitOriginState, $getState(item, unitOriginState)));
  }
  const fromRows = $descendantsWhere(from, $isTableRowNode);
  const toRows = $descendantsWhere(to, $isTableRowNode);
  if (fromRows.length === toRows.length) {
    fromRows.forEach((row, index) =>
      $setState(toRows[index]!, tableRowOriginState, $getState(row, tableRowOriginState)),
    );
  }
}

function $descendantsWhere<T extends LexicalNode>(node: LexicalNode, test: (node: LexicalNode) => node is T): T[] {
  const found: T[] = [];
  const visit = (current: LexicalNode) => {
    if (test(current)) found.push(current);
    if ($isElementNode(current)) for (const child of current.getChildren()) visit(child);
  };
  visit(node);
  return found;
}

/** The text of a block as caret places count it: its text nodes, a line break as one character. */
function $leaves(block: LexicalNode): LexicalNode[] {
  const leaves: LexicalNode[] = [];
  const visit = (node: LexicalNode) => {
    if ($isTextNode(node) || $isLineBreakNode(node)) leaves.push(node);
    else if ($isElementNode(node)) for (const child of node.getChildren()) visit(child);
  };
  visit(block);
  return leaves;
}

function $textOf(block: LexicalNode): string {
  return $leaves(block)
    .map((leaf) => ($isTextNode(leaf) ? leaf.getTextContent() : '\n'))
    .join('');
}

/** Where a caret end is, as a block index and an offset into that block's text. */
function $textPlace(point: PointType, blocks: LexicalNode[]): TextPlace | null {
  const node = point.getNode();
  const top = node.getTopLevelElement();
  const block = top === null ? -1 : blocks.findIndex((candidate) => candidate.is(top));
  if (block < 0) return null;
  // Counts the text before the point: before `point.offset` in a text node, before that child in an element.
  let offset = 0;
  let found = false;
  const visit = (current: LexicalNode) => {
    if (found) return;
    if (current.is(node)) {
      found = true;
      if (point.type === 'text') offset += point.offset;
      else if ($isElementNode(current)) {
        for (const child of current.getChildren().slice(0, point.offset)) offset += $textOf(child).length;
      }
    } else if ($isTextNode(current)) offset += current.getTextContentSize();
    else if ($isLineBreakNode(current)) offset += 1;
    else if ($isElementNode(current)) for (const child of current.getChildren()) visit(child);
  };
  visit(blocks[block]!);
  return { block, offset };
}

/** A caret end after the change: unchanged if its node is still there, else mapped by text. */
function $restorePoint(
  point: SavedPoint & { place: TextPlace | null },
  standIn: Map<number, LexicalNode>,
  beforeText: string[],
): SavedPoint | null {
  const node = $getNodeByKey(point.key);
  if (node?.isAttached()) {
    const size = $isTextNode(node) ? node.getTextContentSize() : $isElementNode(node) ? node.getChildrenSize() : 0;
    return { key: point.key, offset: Math.min(point.offset, size), type: point.type };
  }
  if (point.place === null) return null;
  const target = standIn.get(point.place.block);
  if (!target?.isAttached()) return null;
  return $pointAt(target, mapOffset(beforeText[point.place.block]!, $textOf(target), point.place.offset));
}

/**
 * Where `offset` in `before` is in `after`: right after the same character when the word
 * it belongs to is in both texts (matched by a word diff), else at the end of what replaced it.
 */
export function mapOffset(before: string, after: string, offset: number): number {
  if (offset <= 0) return 0;
  const oldTokens = tokenize(before);
  const newTokens = tokenize(after);
  const starts = (tokens: string[]) => {
    const at: number[] = [];
    let position = 0;
    for (const token of tokens) {
      at.push(position);
      position += token.length;
    }
    at.push(position);
    return at;
  };
  const oldStarts = starts(oldTokens);
  const newStarts = starts(newTokens);
  // The token holding the character just before the caret.
  let token = 0;
  while (token + 1 < oldTokens.length && oldStarts[token + 1]! < offset) token++;
  let oldAt = 0;
  let newAt = 0;
  for (const hunk of [...diffIndices(oldTokens, newTokens), null]) {
    const [oldStart, oldLength] = hunk ? hunk.buffer1 : [oldTokens.length, 0];
    const [newStart, newLength] = hunk ? hunk.buffer2 : [newTokens.length, 0];
    if (token < oldStart) {
      const same = newAt + (token - oldAt);
      return Math.min(newStarts[same]! + (offset - oldStarts[token]!), after.length);
    }
    if (token < oldStart + oldLength) return newStarts[newStart + newLength]!;
    oldAt = oldStart + oldLength;
    newAt = newStart + newLength;
  }
  return Math.min(offset, after.length);
}

function $pointAt(block: LexicalNode, offset: number): SavedPoint {
  let remaining = offset;
  let last: LexicalNode | null = null;
  for (const leaf of $leaves(block)) {
    const size = $isTextNode(leaf) ? leaf.getTextContentSize() : 1;
    if ($isTextNode(leaf) && remaining <= size) return { key: leaf.getKey(), offset: remaining, type: 'text' };
    remaining -= size;
    last = leaf;
  }
  if (last && $isTextNode(last)) return { key: last.getKey(), offset: last.getTextContentSize(), type: 'text' };
  const element = $isElementNode(block) ? block : null;
  return element
    ? { key: element.getKey(), offset: element.getChildrenSize(), type: 'element' }
    : { key: block.getKey(), offset: 0, type: 'element' };
}
