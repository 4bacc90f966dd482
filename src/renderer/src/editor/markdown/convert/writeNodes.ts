/**
 * Writes Lexical blocks as Markdown in the dialect (used by the transformers' `export`).
 * Text comes back in the note's line ending. Edited blocks are re-serialized and checked
 * to read back to the same content; list items that did not change keep their exact
 * source, so ticking one checkbox rewrites one line.
 */
import type { ListNode } from '@lexical/list';
import type { TableNode } from '@lexical/table';
import type { InlineNode, ListItemEntry } from '@shared/markdown/model';
import { listChunks, readsBackAs, tableLines, writeBlock } from '@shared/markdown/serializeBlock';
import { serializeInline } from '@shared/markdown/serializeInline';
import { $getRoot, $getState, type ElementNode, type LexicalNode } from 'lexical';
import { type DocumentOrigin, documentOriginState, type UnitOrigin, unitOriginState } from '../fidelity/states';
import { isAllowedLinkUrl } from '@shared/markdown/linkPolicy';
import { $readBlock, $readInline } from './readModel';

/** Options every serialization of the editor uses. */
export const DIALECT_OPTIONS = { isAllowedLinkUrl } as const;

/** The document origin of the editor's content (an empty one if nothing was imported). */
export function $documentOrigin(): DocumentOrigin {
  return $getState($getRoot(), documentOriginState);
}

/** `text` with its `\n` line endings replaced by `eol`. */
export function toLineEnding(text: string, eol: string): string {
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}

/** The origin of `node` if it was stamped by the import `doc`. */
export function $originOf(node: LexicalNode, doc: string): UnitOrigin | null {
  const origin = $getState(node, unitOriginState);
  return origin !== null && origin.doc === doc && doc !== '' ? origin : null;
}

/** Inline content of an element as Markdown (for transformers' `traverseChildren`). */
export function $writeInline(element: ElementNode): string {
  const nodes: InlineNode[] = $readInline(element);
  return serializeInline(nodes, DIALECT_OPTIONS);
}

/** A block the dialect knows, freshly serialized (verified); null for other nodes. */
export function $writeBlockNode(node: LexicalNode): string | null {
  const document = $documentOrigin();
  const block = $readBlock(node, document.doc);
  if (block === null) return null;
  return toLineEnding(writeBlock(block, DIALECT_OPTIONS), document.eol);
}

function countLineEndings(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/**
 * A list: unchanged items verbatim, edited and new ones written in their list's style,
 * joined by the original separators where the items are still neighbours. Falls back to
 * a fresh serialization of the whole list if the mix would not read back.
 */
export function $writeList(list: ListNode): string {
  const document = $documentOrigin();
  const originOf = new Map<ListItemEntry, UnitOrigin | null>();
  const block = $readBlock(list, document.doc, (entry, node) => originOf.set(entry, $originOf(node, document.doc)));
  if (block === null || block.type !== 'list') return '';

  const chunks = listChunks(block, { ...DIALECT_OPTIONS, useOrigins: true });
  let loose = false;
  for (let index = 0; index + 1 < chunks.length; index++) {
    const a = originOf.get(chunks[index]!.entry);
    const b = originOf.get(chunks[index + 1]!.entry);
    // A list is loose when two neighbouring items of one level had a blank line between them.
    if (a && b && a.id + 1 === b.id && a.item?.depth === b.item?.depth && countLineEndings(a.sep) >= 2) loose = true;
  }
  const eol = document.eol;
  let text = '';
  let exact = true;
  chunks.forEach((chunk, index) => {
    text += chunk.verbatim ? chunk.text : toLineEnding(chunk.text, eol);
    if (!chunk.verbatim) exact = false;
    const next = chunks[index + 1];
    if (!next) return;
    const a = originOf.get(chunk.entry);
    const b = originOf.get(next.entry);
    if (a && b && a.id + 1 === b.id) {
      text += a.sep;
    } else {
      text += loose ? eol + eol : eol;
      exact = false;
    }
  });
  if (exact || readsBackAs(text, block, DIALECT_OPTIONS)) return text;
  return toLineEnding(writeBlock(block, DIALECT_OPTIONS), eol);
}

/**
 * A table: unchanged rows (and an unchanged delimiter row) verbatim, edited rows written
 * `| a | b |`. Falls back to a fresh serialization if that would not read back.
 */
export function $writeTable(table: TableNode): string {
  const document = $documentOrigin();
  const block = $readBlock(table, document.doc);
  if (block === null || block.type !== 'table') return '';
  const text = tableLines(block, { ...DIALECT_OPTIONS, useOrigins: true }).join('\n');
  const written = readsBackAs(text, block, DIALECT_OPTIONS) ? text : writeBlock(block, DIALECT_OPTIONS);
  return toLineEnding(written, document.eol);
}
